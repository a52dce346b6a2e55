// Server: cpp-httplib tuned as PITFALLS.md says (TCP_NODELAY, long keep-alive, a thread per
// keep-alive connection), serving the API route table, the OpenAPI document and the built
// web app, with one SQLite connection per worker thread.
#pragma once

#include <memory>
#include <string>
#include <thread>

#include "app/services.h"
#include "core/status.h"

namespace httplib {
class Server;
}

namespace qq::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 32;
};

class Server {
 public:
  explicit Server(app::Services& services);
  ~Server();
  // Binds and serves until Stop(); returns when stopped. InvalidArgument/Io if it cannot bind.
  Status Run(const ServerOptions& options);
  // Binds to a free port on `host` and serves in the background; returns the port.
  Result<int> StartOnFreePort(const std::string& host);
  void Stop();

 private:
  void Configure(int threads);
  app::Services& services_;
  std::unique_ptr<httplib::Server> server_;
  std::thread listener_;  // for StartOnFreePort
};

}  // namespace qq::http

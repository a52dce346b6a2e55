#include "http/server.h"

#include <httplib.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <sstream>
#include <chrono>
#include <thread>

#include "http/router.h"

namespace qq::http {
namespace {

// One connection per worker thread, opened on first use. The server only reads and writes
// through it; what the CLI writes to the same file is seen through the data version.
Result<store::Database*> ThreadDatabase(const std::string& path) {
  thread_local std::unique_ptr<store::Database> db;
  thread_local std::string db_path;
  if (!db || db_path != path) {
    auto opened = store::Database::Open(path, store::Database::Mode::kReadWrite);
    if (!opened.ok()) return opened.status();
    db = std::move(opened).value();
    db_path = path;
  }
  return db.get();
}

}  // namespace

Server::Server(app::Services& services) : services_(services), server_(std::make_unique<httplib::Server>()) {}

Server::~Server() { Stop(); }

void Server::Configure(int threads) {
  httplib::Server& s = *server_;
  s.set_tcp_nodelay(true);
  s.set_keep_alive_max_count(10000);
  s.set_keep_alive_timeout(30);
  s.set_read_timeout(30, 0);
  s.set_payload_max_length(512u * 1024 * 1024);
  s.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  for (const Route& route : ApiRoutes()) {
    auto handler = [this, &route](const httplib::Request& req, httplib::Response& res) {
      auto db = ThreadDatabase(services_.db_path);
      if (!db.ok()) {
        WriteError(res, db.status());
        return;
      }
      Dispatch(route, services_, **db, req, res);
    };
    if (route.method == "GET") s.Get(route.pattern, handler);
    else if (route.method == "POST") s.Post(route.pattern, handler);
    else if (route.method == "PUT") s.Put(route.pattern, handler);
    else if (route.method == "PATCH") s.Patch(route.pattern, handler);
    else if (route.method == "DELETE") s.Delete(route.pattern, handler);
  }
  std::error_code ec;
  if (std::filesystem::is_directory(services_.web_dir, ec)) {
    s.set_mount_point("/", services_.web_dir.string());
  }
  // Unknown API paths answer JSON; other paths fall back to the web app (client-side routes).
  s.set_error_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (res.status != 404 || !res.body.empty()) return;  // a handler's own 404 keeps its message
    if (req.path.rfind("/api/", 0) == 0) {
      WriteError(res, Status::NotFound("no API route " + req.method + " " + req.path));
      return;
    }
    std::ifstream index(services_.web_dir / "index.html");
    if (index) {
      std::stringstream ss;
      ss << index.rdbuf();
      res.status = 200;
      res.set_content(ss.str(), "text/html; charset=utf-8");
    } else {
      res.set_content("qiangqu: the web app is not built (run ./scripts/build)", "text/plain; charset=utf-8");
    }
  });
  s.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
    spdlog::error("unhandled exception on {} {}", req.method, req.path);
    WriteError(res, Status::Internal("internal error"));
  });
  s.set_logger([](const httplib::Request& req, const httplib::Response& res) {
    if (res.status >= 500) spdlog::warn("{} {} -> {}", req.method, req.path, res.status);
  });
}

Status Server::Run(const ServerOptions& options) {
  Configure(options.threads);
  if (!server_->bind_to_port(options.host, options.port)) {
    return Status::Io("cannot listen on " + options.host + ":" + std::to_string(options.port) + " (in use?)");
  }
  server_->listen_after_bind();
  return Status::Ok();
}

Result<int> Server::StartOnFreePort(const std::string& host) {
  Configure(8);
  int port = server_->bind_to_any_port(host);
  if (port <= 0) return Status::Io("cannot bind to " + host);
  listener_ = std::thread([this] { server_->listen_after_bind(); });
  while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return port;
}

void Server::Stop() {
  if (server_ && server_->is_running()) server_->stop();
  if (listener_.joinable()) listener_.join();
}

}  // namespace qq::http

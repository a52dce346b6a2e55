// serve: the web app and the API on one database.
#include <spdlog/spdlog.h>

#include <iostream>
#include <memory>
#include <thread>

#include "app/database_admin.h"
#include "app/paths.h"
#include "app/services.h"
#include "cli/command.h"
#include "http/server.h"

namespace qq::cli {
namespace {

struct ServeArgs {
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 32;
};

void SetupServe(CLI::App& sub, CommonOptions& c) {
  auto a = std::make_shared<ServeArgs>();
  AddDbOption(sub, c);
  AddDataDirOption(sub, c);
  sub.add_option("--host", a->host, "address to listen on");
  sub.add_option("--port", a->port, "port")->check(CLI::Range(1, 65535));
  sub.add_option("--threads", a->threads, "worker threads (one per keep-alive connection)")->check(CLI::Range(2, 1024));
  sub.callback([&c, a] {
    ExitCodeSlot() = [&]() -> int {
      auto data = app::FindDataDir(c.data_dir);
      if (!data.ok()) return Fail(c, data.status());
      {
        auto db = app::OpenDatabase(c.db);  // checks the schema before listening
        if (!db.ok()) return Fail(c, db.status());
      }
      auto thresholds = app::LoadThresholds(*data);
      if (!thresholds.ok()) return Fail(c, thresholds.status());
      app::Services services;
      services.db_path = c.db;
      services.data_dir = *data;
      services.web_dir = app::FindWebDir(*data);
      services.analytics = std::make_unique<app::AnalyticsService>(*thresholds, 2);
      std::error_code ec;
      if (!std::filesystem::exists(services.web_dir / "index.html", ec)) {
        spdlog::warn("the web app is not built ({}); the API still works", services.web_dir.string());
      }
      http::Server server(services);
      std::cerr << "qiangqu: serving " << c.db << " on http://" << a->host << ":" << a->port << "/\n";
      Status s = server.Run({a->host, a->port, a->threads});
      if (!s.ok()) return Fail(c, s);
      return 0;
    }();
  });
}

}  // namespace

std::vector<Command> ServeCommands() {
  return {{"serve", "serve the web app and the JSON API (/api/v1) for a database", SetupServe, nullptr}};
}

}  // namespace qq::cli

// gen (and, later, import, query, tag): data in and out.
#include <chrono>
#include <iostream>
#include <memory>

#include "app/demo.h"
#include "app/paths.h"
#include "app/synthetic.h"
#include "cli/command.h"
#include "cli/progress.h"

namespace qq::cli {
namespace {

struct GenArgs {
  uint64_t seed = 1;
  uint64_t enterprises = 1000;
  int months = 24;
  std::string last = "2024-12";
  std::string out;
  int threads = 2;
};

void SetupGen(CLI::App& sub, CommonOptions& c) {
  auto a = std::make_shared<GenArgs>();
  sub.add_option("--seed", a->seed, "random seed; the same seed gives the same files");
  sub.add_option("--enterprises", a->enterprises, "number of firms")->check(CLI::PositiveNumber);
  sub.add_option("--months", a->months, "months of figures ending at --last (0: the registry only)")->check(CLI::Range(0, 600));
  sub.add_option("--last", a->last, "last month of figures (YYYY-MM)");
  sub.add_option("--out", a->out, "output folder (created if needed)")->required();
  sub.add_option("--threads", a->threads, "worker threads")->check(CLI::Range(1, 64));
  AddDataDirOption(sub, c);
  AddJsonOption(sub, c);
  sub.callback([&c, a] {
    ExitCodeSlot() = [&]() -> int {
      auto data = app::FindDataDir(c.data_dir);
      if (!data.ok()) return Fail(c, data.status());
      auto last = YearMonth::Parse(a->last);
      if (!last.ok()) return Fail(c, last.status().WithContext("--last"));
      app::GenerateOptions o{a->seed, a->enterprises, a->months, *last, a->threads};
      Progress progress("gen");
      auto start = std::chrono::steady_clock::now();
      auto r = app::GenerateFiles(*data, a->out, o, [&](uint64_t d, uint64_t t) { progress.Update(d, t); });
      if (!r.ok()) return Fail(c, r.status());
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      progress.Finish(std::to_string(r->enterprises) + " firms, " + std::to_string(r->months) + " months in " +
                      std::to_string(secs).substr(0, 5) + " s");
      if (c.json) {
        PrintJson({{"firms", r->firms.string()}, {"indicators", r->indicators.string()},
                   {"enterprises", r->enterprises}, {"months", r->months}, {"seconds", secs}});
      } else {
        std::cout << r->firms.string() << "\n" << r->indicators.string() << "\n";
      }
      return 0;
    }();
  });
}

int RunDemo(const CommonOptions& c) {
  auto data = app::FindDataDir(c.data_dir);
  if (!data.ok()) return Fail(c, data.status());
  auto start = std::chrono::steady_clock::now();
  auto r = app::BuildDemo(c.db, *data, app::SystemClock());
  if (!r.ok()) return Fail(c, r.status());
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (c.json) {
    wire::Json accounts = wire::Json::array();
    for (const auto& a : r->accounts) {
      accounts.push_back({{"username", a.username}, {"display_name", a.display_name}, {"role", a.role},
                          {"region", a.region}, {"password", a.password}});
    }
    PrintJson({{"db", c.db}, {"enterprises", r->enterprises}, {"indicator_months", r->indicator_months},
               {"projects", r->projects}, {"plans", r->plans}, {"accounts", accounts}, {"seconds", secs}});
    return 0;
  }
  std::cout << "demo database " << c.db << ": " << r->plans << " plans, " << r->enterprises << " firms, "
            << r->indicator_months << " firm-months, " << r->projects << " projects (" << std::to_string(secs).substr(0, 4)
            << " s)\n\nLogins (shown once):\n";
  for (const auto& a : r->accounts) {
    std::cout << "  " << a.username << "  " << a.password << "   " << a.display_name << " [" << a.region << "]\n";
  }
  return 0;
}

}  // namespace

std::vector<Command> DataCommands() {
  return {
      {"gen", "write synthetic firms (firms.tsv) and monthly figures (indicators.csv)", SetupGen, nullptr},
      {"demo", "build the demo district database (钢城, 章丘, 周村, 济南) and print its logins",
       [](CLI::App& sub, CommonOptions& c) { AddDbOption(sub, c); AddDataDirOption(sub, c); AddJsonOption(sub, c); },
       RunDemo},
  };
}

}  // namespace qq::cli

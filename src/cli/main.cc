// qiangqu: the command-line entry point. Parses the command table with CLI11 and suggests the
// nearest command on a typo.
#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <iostream>

#include "cli/command.h"

namespace qq::cli {

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = [] {
    std::vector<Command> all;
    for (auto group : {AdminCommands(), UserCommands(), DataCommands(), ImportCommands(), QueryCommands(), TagCommands(), ChainCommands(), ProjectCommands(), ServeCommands()}) {
      all.insert(all.end(), group.begin(), group.end());
    }
    return all;
  }();
  return kCommands;
}

int& ExitCodeSlot() {
  static int code = 0;
  return code;
}

namespace {

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace
}  // namespace qq::cli

int main(int argc, char** argv) {
  using namespace qq::cli;
  auto logger = spdlog::stderr_color_mt("qiangqu");
  spdlog::set_default_logger(logger);
  spdlog::set_pattern("%H:%M:%S %^%l%$ %v");

  CLI::App app{"qiangqu (强区): the industrial-strong district platform"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "qiangqu 0.1.0");
  std::vector<CommonOptions> commons(Commands().size());
  for (size_t i = 0; i < Commands().size(); ++i) {
    const Command& cmd = Commands()[i];
    CLI::App* sub = app.add_subcommand(cmd.name, cmd.help);
    cmd.setup(*sub, commons[i]);
    if (cmd.run) sub->callback([&cmd, &commons, i] { ExitCodeSlot() = cmd.run(commons[i]); });
  }
  if (argc > 1 && argv[1][0] != '-') {
    std::string given = argv[1];
    bool known = std::any_of(Commands().begin(), Commands().end(), [&](const Command& c) { return given == c.name; });
    if (!known) {
      std::string best;
      size_t best_d = 3;
      for (const auto& c : Commands()) {
        size_t d = EditDistance(given, c.name);
        if (d < best_d) {
          best_d = d;
          best = c.name;
        }
      }
      std::cerr << "qiangqu: unknown command '" << given << "'";
      if (!best.empty()) std::cerr << "; did you mean '" << best << "'?";
      std::cerr << " (qiangqu --help lists the commands)\n";
      return 2;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; every usage error exits 2, as bad input does elsewhere.
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  return ExitCodeSlot();
}

// init, migrate, chains: creating and upgrading databases and their reference data.
#include <iostream>

#include "app/database_admin.h"
#include "app/paths.h"
#include "cli/command.h"
#include "store/chain_store.h"

namespace qq::cli {
namespace {

int RunInit(const CommonOptions& c) {
  auto data = app::FindDataDir(c.data_dir);
  if (!data.ok()) return Fail(c, data.status());
  auto report = app::InitDatabase(c.db, *data);
  if (!report.ok()) return Fail(c, report.status());
  if (c.json) {
    PrintJson({{"db", c.db}, {"schema_version", report->schema_version}, {"regions", report->regions},
               {"region_aliases", report->aliases}, {"industry_classes", report->industry_classes},
               {"chains", report->chains}});
  } else {
    std::cout << "created " << c.db << " (schema " << report->schema_version << "): " << report->regions
              << " regions, " << report->aliases << " historical region codes, " << report->industry_classes
              << " industry classes, " << report->chains << " chain templates\n";
  }
  return 0;
}

int RunMigrate(const CommonOptions& c) {
  auto v = app::MigrateDatabase(c.db);
  if (!v.ok()) return Fail(c, v.status());
  if (c.json) {
    PrintJson({{"db", c.db}, {"schema_version", *v}});
  } else {
    std::cout << c.db << " is at schema version " << *v << "\n";
  }
  return 0;
}

void SetupChains(CLI::App& sub, CommonOptions& c) {
  auto* list = sub.add_subcommand("list", "list the chain templates and their links");
  AddDbOption(*list, c);
  AddJsonOption(*list, c);
  list->callback([&c] {
    ExitCodeSlot() = [&c]() -> int {
      auto db = app::OpenDatabase(c.db, true);
      if (!db.ok()) return Fail(c, db.status());
      auto chains = store::ChainStore(**db).List();
      if (!chains.ok()) return Fail(c, chains.status());
      if (c.json) {
        wire::Json out = wire::Json::array();
        for (const auto& ch : *chains) {
          wire::Json links = wire::Json::array();
          for (const auto& l : ch.links) links.push_back({{"key", l.key}, {"name", l.name}, {"position", ChainPositionLabel(l.position)}, {"tagging", l.tagging}});
          out.push_back({{"id", ch.id}, {"name", ch.name}, {"links", links}});
        }
        PrintJson({{"chains", out}});
      } else {
        for (const auto& ch : *chains) {
          std::cout << ch.order << " " << ch.name << " (" << ch.links.size() << " links)\n";
          for (const auto& l : ch.links) {
            std::cout << "    " << ChainPositionLabel(l.position) << " " << l.name << (l.tagging ? "" : " [context]") << "\n";
          }
        }
      }
      return 0;
    }();
  });
  auto* reload = sub.add_subcommand("reload", "validate data/chains and load them into the database (ids stay stable)");
  AddDbOption(*reload, c);
  AddDataDirOption(*reload, c);
  AddJsonOption(*reload, c);
  reload->callback([&c] {
    ExitCodeSlot() = [&c]() -> int {
      auto data = app::FindDataDir(c.data_dir);
      if (!data.ok()) return Fail(c, data.status());
      auto db = app::OpenDatabase(c.db);
      if (!db.ok()) return Fail(c, db.status());
      auto n = app::ReloadChains(**db, *data);
      if (!n.ok()) return Fail(c, n.status());
      if (c.json) PrintJson({{"chains", *n}}); else std::cout << "loaded " << *n << " chain templates\n";
      return 0;
    }();
  });
}

}  // namespace

std::vector<Command> AdminCommands() {
  return {
      {"init", "create a database holding the reference data (regions, industry classes, chain templates)",
       [](CLI::App& sub, CommonOptions& c) { AddDbOption(sub, c); AddDataDirOption(sub, c); AddJsonOption(sub, c); },
       RunInit},
      {"migrate", "upgrade a database to this program's schema",
       [](CLI::App& sub, CommonOptions& c) { AddDbOption(sub, c); AddJsonOption(sub, c); }, RunMigrate},
      {"chains", "list or reload the chain templates (chains list|reload)",
       [](CLI::App& sub, CommonOptions& c) { sub.require_subcommand(1); SetupChains(sub, c); }, nullptr},
  };
}

}  // namespace qq::cli

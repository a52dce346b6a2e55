// projects summary|list|show|template|round, parks, parks match: the key-project library on the
// CLI.
#include <fstream>
#include <iostream>
#include <memory>

#include "app/database_admin.h"
#include "app/land.h"
#include "app/project_import.h"
#include "app/projects.h"
#include "cli/command.h"
#include "store/region_store.h"
#include "wire/projects.h"

namespace qq::cli {
namespace {

struct ProjectArgs {
  std::string region = "370114";
  int year = 0;  // 0: default
  std::string as_of, round, deadline, out;
  std::string stage, level, chain, park;
  int64_t id = 0;
  // approvals, needs, parks and parcels
  std::string kind, status, unit, note, date, name, industry, task_force, code;
  double amount = -1, area_ha = 0;
  int64_t park_id = 0, price = -1;
};

wire::NameOf RegionNames(store::Database& db) {
  auto cache = std::make_shared<std::map<std::string, std::string>>();
  return [&db, cache](const std::string& code) -> std::string {
    auto it = cache->find(code);
    if (it != cache->end()) return it->second;
    std::string name;
    if (auto c = RegionCode::Parse(code); c.ok()) {
      if (auto r = store::RegionStore(db).Get(*c); r.ok()) name = r->name;
    }
    (*cache)[code] = name;
    return name;
  };
}

Result<app::ProjectCut> CutOf(const ProjectArgs& a) {
  app::ProjectCut cut;
  if (!a.stage.empty()) {
    QQ_ASSIGN_OR_RETURN(auto s, ParseProjectStage(a.stage));
    cut.stage = s;
  }
  if (!a.level.empty()) {
    QQ_ASSIGN_OR_RETURN(auto l, ParseProjectLevel(a.level));
    cut.level = l;
  }
  cut.chain = a.chain;
  cut.park = a.park;
  return cut;
}

Result<std::optional<YearMonth>> OptMonth(const std::string& text, const char* option) {
  if (text.empty()) return std::optional<YearMonth>();
  auto m = YearMonth::Parse(text);
  if (!m.ok()) return m.status().WithContext(option);
  return std::optional<YearMonth>(*m);
}

const auto Add = &AddDocumentCommand<ProjectArgs>;

// The year's library of --region as of --as-of, cut by the options.
Result<app::ProjectLibrary> Library(store::Database& db, const ProjectArgs& a) {
  QQ_ASSIGN_OR_RETURN(auto region, RegionCode::Parse(a.region));
  QQ_ASSIGN_OR_RETURN(auto cut, CutOf(a));
  QQ_ASSIGN_OR_RETURN(auto as_of, OptMonth(a.as_of, "--as-of"));
  std::optional<int> year = a.year ? std::optional<int>(a.year) : std::nullopt;
  return app::LoadLibrary(db, app::SystemClock(), region, year, as_of, cut);
}

void RegionOption(CLI::App& cmd, ProjectArgs& a) {
  cmd.add_option("--region", a.region, "county code (default 370114)");
}

void CutOptions(CLI::App& cmd, ProjectArgs& a) {
  cmd.add_option("--year", a.year, "the library's year (default: the latest)");
  cmd.add_option("--as-of", a.as_of,
                 "report month YYYY-MM (default: the latest round of the year)");
  cmd.add_option("--stage", a.stage, "only projects at this stage (谋划 … 达产, 暂停, 终止)");
  cmd.add_option("--level", a.level, "only this level (省重大, 省优选, 省重点, 市重点, 区级重点)");
  cmd.add_option("--chain", a.chain, "only this chain");
  cmd.add_option("--park", a.park, "only this park");
}

void SetupProjects(CLI::App& sub, CommonOptions& c) {
  sub.require_subcommand(1);
  Add(
      sub, c, "summary",
      "the year's roll-up as of a month: investment vs plan, 开工率, 投产率, lists, paragraph",
      false,
      [](CLI::App& cmd, ProjectArgs& a) {
        RegionOption(cmd, a);
        CutOptions(cmd, a);
      },
      [](store::Database& db, const CommonOptions&, const ProjectArgs& a) -> Result<wire::Json> {
        QQ_ASSIGN_OR_RETURN(auto lib, Library(db, a));
        return wire::ProjectSummaryJson(app::Summarize(lib), lib.region.str(), RegionNames(db));
      });
  Add(
      sub, c, "list", "the year's library as of a round, with each project's last filing", false,
      [](CLI::App& cmd, ProjectArgs& a) {
        RegionOption(cmd, a);
        CutOptions(cmd, a);
      },
      [](store::Database& db, const CommonOptions&, const ProjectArgs& a) -> Result<wire::Json> {
        QQ_ASSIGN_OR_RETURN(auto lib, Library(db, a));
        return wire::ProjectLibraryJson(lib, RegionNames(db));
      });
  Add(
      sub, c, "show",
      "one project: years, stage history, approvals, needs, every filing, milestones", false,
      [](CLI::App& cmd, ProjectArgs& a) { cmd.add_option("id", a.id, "project id")->required(); },
      [](store::Database& db, const CommonOptions&, const ProjectArgs& a) -> Result<wire::Json> {
        QQ_ASSIGN_OR_RETURN(auto p, app::ProfileOf(db, a.id));
        return wire::ProjectProfileJson(p, RegionNames(db));
      });
  Add(
      sub, c, "round", "open the scheduling round (调度) of a month", true,
      [](CLI::App& cmd, ProjectArgs& a) {
        RegionOption(cmd, a);
        cmd.add_option("--period", a.round, "YYYY-MM")->required();
        cmd.add_option("--deadline", a.deadline, "YYYY-MM-DD (default: the 5th of the next month)");
      },
      [](store::Database& db, const CommonOptions&, const ProjectArgs& a) -> Result<wire::Json> {
        QQ_ASSIGN_OR_RETURN(auto region, RegionCode::Parse(a.region));
        QQ_ASSIGN_OR_RETURN(auto period, YearMonth::Parse(a.round));
        std::optional<Date> deadline;
        if (!a.deadline.empty()) {
          auto d = Date::Parse(a.deadline);
          if (!d.ok()) return d.status().WithContext("--deadline");
          deadline = *d;
        }
        QQ_ASSIGN_OR_RETURN(auto r,
                            app::OpenRound(db, app::SystemClock(), region, period, deadline));
        QQ_ASSIGN_OR_RETURN(auto status, app::StatusOfRound(db, app::SystemClock(), r.id));
        return wire::RoundStatusJson(status, RegionNames(db));
      });
  Add(
      sub, c, "approval", "set an approval (立项/备案, 用地, 环评, 施工许可) of a project", true,
      [](CLI::App& cmd, ProjectArgs& a) {
        cmd.add_option("id", a.id, "project id")->required();
        cmd.add_option("--kind", a.kind, "立项/备案, 用地, 环评 or 施工许可")->required();
        cmd.add_option("--status", a.status, "未办理, 办理中 or 已办结")->required();
        cmd.add_option("--date", a.date, "YYYY-MM-DD");
        cmd.add_option("--note", a.note, "note");
      },
      [](store::Database& db, const CommonOptions&, const ProjectArgs& a) -> Result<wire::Json> {
        ProjectApproval ap{a.kind, std::nullopt, a.status, a.note};
        if (!a.date.empty()) {
          auto d = Date::Parse(a.date);
          if (!d.ok()) return d.status().WithContext("--date");
          ap.on_date = *d;
        }
        QQ_RETURN_IF_ERROR(app::SetApproval(db, a.id, ap));
        QQ_ASSIGN_OR_RETURN(auto p, app::ProfileOf(db, a.id));
        return wire::ProjectProfileJson(p, RegionNames(db))["approvals"];
      });
  Add(
      sub, c, "need", "add a 要素保障 need (土地, 能耗, 资金, 用电, 用水, 其他) of a project", true,
      [](CLI::App& cmd, ProjectArgs& a) {
        cmd.add_option("id", a.id, "project id")->required();
        cmd.add_option("--kind", a.kind, "土地, 能耗, 资金, 用电, 用水 or 其他")->required();
        cmd.add_option("--amount", a.amount, "how much");
        cmd.add_option("--unit", a.unit, "公顷, 亩, 吨标准煤, 元, …");
        cmd.add_option("--status", a.status, "待保障 (default), 协调中 or 已保障");
        cmd.add_option("--note", a.note, "note");
      },
      [](store::Database& db, const CommonOptions&, const ProjectArgs& a) -> Result<wire::Json> {
        ProjectNeed n{0,     a.kind, std::nullopt, a.unit, a.status.empty() ? "待保障" : a.status,
                      a.note};
        if (a.amount >= 0) n.amount = a.amount;
        QQ_RETURN_IF_ERROR(app::AddNeed(db, a.id, n).status());
        QQ_ASSIGN_OR_RETURN(auto p, app::ProfileOf(db, a.id));
        return wire::ProjectProfileJson(p, RegionNames(db))["needs"];
      });
  Add(
      sub, c, "template", "write the round's pre-filled scheduling sheet (xlsx) for project owners",
      false,
      [](CLI::App& cmd, ProjectArgs& a) {
        RegionOption(cmd, a);
        cmd.add_option("--round", a.round, "YYYY-MM")->required();
        cmd.add_option("--out", a.out,
                       "file to write (default: <region>_<round>_重点项目调度表.xlsx)");
      },
      [](store::Database& db, const CommonOptions&, const ProjectArgs& a) -> Result<wire::Json> {
        QQ_ASSIGN_OR_RETURN(auto region, RegionCode::Parse(a.region));
        QQ_ASSIGN_OR_RETURN(auto period, YearMonth::Parse(a.round));
        QQ_ASSIGN_OR_RETURN(auto bytes,
                            app::RoundTemplateXlsx(db, app::SystemClock(), region, period));
        std::string out =
            a.out.empty() ? region.str() + "_" + period.ToString() + "_重点项目调度表.xlsx" : a.out;
        std::ofstream f(out, std::ios::binary);
        f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!f) return Status::Io("cannot write " + out);
        return wire::Json{{"file", out}, {"bytes", bytes.size()}};
      });
}

void SetupParks(CLI::App& sub, CommonOptions& c) {
  auto a = std::make_shared<ProjectArgs>();
  // Optional here: the sub-commands (add, parcel, match) take their own --db.
  AddDbOption(sub, c, false);
  AddDataDirOption(sub, c);
  AddJsonOption(sub, c);
  RegionOption(sub, *a);
  sub.add_option("--year", a->year, "year of the revitalisation figures (default: the latest)");
  Add(
      sub, c, "add", "add a park", true,
      [](CLI::App& cmd, ProjectArgs& x) {
        RegionOption(cmd, x);
        cmd.add_option("--name", x.name, "park name")->required();
        cmd.add_option("--industry", x.industry, "featured industry (主导产业)");
        cmd.add_option("--chain", x.chain, "the chain it is built around");
        cmd.add_option("--task-force", x.task_force, "工作专班");
        cmd.add_option("--area-ha", x.area_ha, "area in 公顷");
      },
      [](store::Database& db, const CommonOptions&, const ProjectArgs& x) -> Result<wire::Json> {
        store::Park p;
        QQ_ASSIGN_OR_RETURN(p.region, RegionCode::Parse(x.region));
        p.name = x.name;
        p.featured_industry = x.industry;
        p.chain = x.chain;
        p.task_force = x.task_force;
        if (x.area_ha > 0) p.area_ha = x.area_ha;
        QQ_ASSIGN_OR_RETURN(auto added, app::AddPark(db, p));
        return wire::Json{{"id", added.id}, {"name", added.name}, {"region", added.region.str()}};
      });
  Add(
      sub, c, "parcel", "add a land parcel (土地超市)", true,
      [](CLI::App& cmd, ProjectArgs& x) {
        RegionOption(cmd, x);
        cmd.add_option("--code", x.code, "地块编号")->required();
        cmd.add_option("--area-ha", x.area_ha, "area in 公顷")->required();
        cmd.add_option("--status", x.status, "闲置, 可供 (default) or 已供");
        cmd.add_option("--park-id", x.park_id, "park id");
        cmd.add_option("--price", x.price, "asking price of the whole parcel, 元");
      },
      [](store::Database& db, const CommonOptions&, const ProjectArgs& x) -> Result<wire::Json> {
        store::Parcel l;
        QQ_ASSIGN_OR_RETURN(l.region, RegionCode::Parse(x.region));
        l.code = x.code;
        l.area_m2 = x.area_ha * 10000;
        l.status = x.status.empty() ? "可供" : x.status;
        if (x.park_id > 0) l.park_id = x.park_id;
        if (x.price >= 0) l.price = x.price;
        QQ_ASSIGN_OR_RETURN(auto added, app::AddParcel(db, l));
        return wire::ParcelJson(added);
      });
  Add(
      sub, c, "match", "available parcels for a project's land need", false,
      [](CLI::App& cmd, ProjectArgs& x) {
        cmd.add_option("--project", x.id, "project id")->required();
      },
      [](store::Database& db, const CommonOptions&, const ProjectArgs& x) -> Result<wire::Json> {
        QQ_ASSIGN_OR_RETURN(auto m, app::MatchLand(db, x.id));
        return wire::LandMatchJson(m);
      });
  sub.callback([&c, a, &sub] {
    if (!sub.get_subcommands().empty()) return;
    ExitCodeSlot() = [&]() -> int {
      if (c.db.empty()) return Fail(c, Status::InvalidArgument("--db is required"));
      auto db = app::OpenDatabase(c.db, true);
      if (!db.ok()) return Fail(c, db.status());
      auto region = RegionCode::Parse(a->region);
      if (!region.ok()) return Fail(c, region.status().WithContext("--region"));
      auto parks = app::ParksOf(**db, *region);
      if (!parks.ok()) return Fail(c, parks.status());
      auto land =
          app::RevitalizedLand(**db, *region, a->year ? std::optional<int>(a->year) : std::nullopt);
      if (!land.ok()) return Fail(c, land.status());
      auto doc = wire::ParksJson(*parks, *land);
      if (c.json)
        PrintJson(doc);
      else
        std::cout << land->sentence << "\n" << doc.dump(2) << "\n";
      return 0;
    }();
  });
}

}  // namespace

std::vector<Command> ProjectCommands() {
  return {{"projects",
           "the key-project library: projects summary|list|show|round|template|approval|need",
           SetupProjects, nullptr},
          {"parks", "parks, parcels and revitalised idle land; parks add|parcel|match", SetupParks,
           nullptr}};
}

}  // namespace qq::cli

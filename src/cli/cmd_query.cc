// query monthly|breakdown|watch|clusters|firm|overview|published: the monitoring answers.
#include <iostream>
#include <memory>

#include "app/analytics_service.h"
#include "app/database_admin.h"
#include "app/monitor.h"
#include "app/overview.h"
#include "app/paths.h"
#include "cli/command.h"
#include "store/import_store.h"
#include "wire/entities.h"
#include "wire/monitor.h"

namespace qq::cli {
namespace {

struct QueryArgs {
  std::string region = "100000";
  std::string scope = "all";
  bool combine = false;
  std::string by = "cluster";
  std::string indicator = "output";
  std::string month;
  std::string uscc;
  size_t limit = 20;
};

struct Loaded {
  std::unique_ptr<store::Database> db;
  std::shared_ptr<app::AnalyticsSnapshot> snap;
  RegionCode region;
};

Result<Loaded> Load(const CommonOptions& c, const QueryArgs& a) {
  QQ_ASSIGN_OR_RETURN(auto data, app::FindDataDir(c.data_dir));
  Loaded l;
  QQ_ASSIGN_OR_RETURN(l.db, app::OpenDatabase(c.db, true));
  QQ_ASSIGN_OR_RETURN(auto thresholds, app::LoadThresholds(data));
  app::AnalyticsService service(thresholds, 2);
  QQ_ASSIGN_OR_RETURN(l.snap, service.Load(*l.db));
  QQ_ASSIGN_OR_RETURN(l.region, RegionCode::Parse(a.region));
  return l;
}

Result<analytics::Scope> ScopeOf(const std::string& s) {
  if (s == "all" || s == "全部") return analytics::Scope::kAll;
  if (s == "规上" || s == "above_scale") return analytics::Scope::kAboveScale;
  return Status::InvalidArgument("--scope must be all or 规上");
}

Result<std::optional<YearMonth>> MonthOf(const std::string& s) {
  if (s.empty()) return std::optional<YearMonth>();
  QQ_ASSIGN_OR_RETURN(auto m, YearMonth::Parse(s));
  return std::optional<YearMonth>(m);
}

// Runs `fn` and prints its JSON document; the text form is the same document, indented.
void Register(CLI::App& sub, CommonOptions& c, const char* name, const char* help,
              const std::function<void(CLI::App&, QueryArgs&)>& options,
              std::function<Result<wire::Json>(const Loaded&, const QueryArgs&)> fn) {
  auto a = std::make_shared<QueryArgs>();
  auto* cmd = sub.add_subcommand(name, help);
  AddDbOption(*cmd, c);
  AddDataDirOption(*cmd, c);
  AddJsonOption(*cmd, c);
  cmd->add_option("--region", a->region, "region code (default 100000, the whole country)");
  options(*cmd, *a);
  cmd->callback([&c, a, fn] {
    ExitCodeSlot() = [&]() -> int {
      auto loaded = Load(c, *a);
      if (!loaded.ok()) return Fail(c, loaded.status());
      auto doc = fn(*loaded, *a);
      if (!doc.ok()) return Fail(c, doc.status());
      if (c.json) PrintJson(*doc); else std::cout << doc->dump(2) << "\n";
      return 0;
    }();
  });
}

void SetupQuery(CLI::App& sub, CommonOptions& c) {
  sub.require_subcommand(1);
  auto none = [](CLI::App&, QueryArgs&) {};
  Register(sub, c, "monthly", "every month: 当月, 累计, 同比 (同口径), 环比 per indicator",
           [](CLI::App& cmd, QueryArgs& a) {
             cmd.add_option("--scope", a.scope, "all (default) or 规上");
             cmd.add_flag("--combine-jan-feb", a.combine, "report January and February together (1-2月, flagged)");
           },
           [](const Loaded& l, const QueryArgs& a) -> Result<wire::Json> {
             QQ_ASSIGN_OR_RETURN(auto scope, ScopeOf(a.scope));
             QQ_ASSIGN_OR_RETURN(auto r, app::Monthly(*l.db, *l.snap, l.region, scope, a.combine));
             return wire::MonthlyJson(r);
           });
  Register(sub, c, "breakdown", "one month by cluster, chain, link, division or town, with 占比 and 拉动",
           [](CLI::App& cmd, QueryArgs& a) {
             cmd.add_option("--by", a.by, "cluster|chain|link|division|town");
             cmd.add_option("--indicator", a.indicator, "output|revenue|main_revenue|profit|tax|rnd|employees|energy");
             cmd.add_option("--month", a.month, "YYYY-MM (default: the latest)");
             cmd.add_option("--scope", a.scope, "all or 规上");
           },
           [](const Loaded& l, const QueryArgs& a) -> Result<wire::Json> {
             QQ_ASSIGN_OR_RETURN(auto by, app::ParseGroupBy(a.by));
             const IndicatorInfo* info = FindIndicator(a.indicator);
             if (!info) return Status::InvalidArgument("unknown --indicator " + a.indicator);
             QQ_ASSIGN_OR_RETURN(auto month, MonthOf(a.month));
             QQ_ASSIGN_OR_RETURN(auto scope, ScopeOf(a.scope));
             QQ_ASSIGN_OR_RETURN(auto r, app::Breakdown(*l.db, *l.snap, l.region, by, info->indicator, month, scope));
             return wire::BreakdownJson(r);
           });
  Register(sub, c, "watch", "小升规 candidates, threshold crossings, 入库/退库, movers, missing reports, anomalies",
           [](CLI::App& cmd, QueryArgs& a) {
             cmd.add_option("--month", a.month, "YYYY-MM (default: the latest)");
             cmd.add_option("--limit", a.limit, "rows per list");
           },
           [](const Loaded& l, const QueryArgs& a) -> Result<wire::Json> {
             QQ_ASSIGN_OR_RETURN(auto month, MonthOf(a.month));
             QQ_ASSIGN_OR_RETURN(auto w, app::Watch(*l.db, *l.snap, l.region, month, a.limit));
             return wire::WatchJson(w);
           });
  Register(sub, c, "clusters", "each cluster of the region's plans against its target", none,
           [](const Loaded& l, const QueryArgs&) -> Result<wire::Json> {
             QQ_ASSIGN_OR_RETURN(auto r, app::Clusters(*l.db, *l.snap, l.region));
             return wire::ClustersJson(r);
           });
  Register(sub, c, "firm", "a firm's profile: months, rank, 规上 status",
           [](CLI::App& cmd, QueryArgs& a) { cmd.add_option("uscc", a.uscc, "统一社会信用代码")->required(); },
           [](const Loaded& l, const QueryArgs& a) -> Result<wire::Json> {
             QQ_ASSIGN_OR_RETURN(auto uscc, Uscc::Parse(a.uscc));
             QQ_ASSIGN_OR_RETURN(auto p, app::Profile(*l.db, *l.snap, uscc));
             return wire::ProfileJson(p);
           });
  Register(sub, c, "overview", "the 总览 of a region", none, [](const Loaded& l, const QueryArgs&) -> Result<wire::Json> {
    QQ_ASSIGN_OR_RETURN(auto o, app::BuildOverview(*l.db, *l.snap, l.region));
    return wire::OverviewJson(o);
  });
  Register(sub, c, "published", "published rates of the region (never recomputed)", none,
           [](const Loaded& l, const QueryArgs&) -> Result<wire::Json> {
             QQ_ASSIGN_OR_RETURN(auto rates, store::ImportStore(*l.db).Rates({l.region}));
             return wire::PublishedJson(rates);
           });
}

}  // namespace

std::vector<Command> QueryCommands() {
  return {{"query", "answers over the monthly figures: query monthly|breakdown|watch|clusters|firm|overview|published",
           SetupQuery, nullptr}};
}

}  // namespace qq::cli

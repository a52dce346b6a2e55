// chain analyze|firms|tags|confirm|reject|relatedness, attract, lead add|move|list: 链长制 on the CLI.
#include <iostream>
#include <memory>

#include "app/analytics_service.h"
#include "app/chains.h"
#include "app/database_admin.h"
#include "app/paths.h"
#include "cli/command.h"
#include "store/enterprise_store.h"
#include "store/tag_store.h"
#include "wire/chains.h"

namespace qq::cli {
namespace {

struct ChainArgs {
  std::string region = "370117";
  std::string chain;
  std::string link;
  int64_t link_id = 0;
  std::string uscc, note, user;
  size_t limit = 10;
  // leads
  int64_t id = 0;
  std::string firm, stage = "线索", owner;
  double investment_yi = 0;
};

Result<std::shared_ptr<app::AnalyticsSnapshot>> Snapshot(const CommonOptions& c, store::Database& db) {
  QQ_ASSIGN_OR_RETURN(auto data, app::FindDataDir(c.data_dir));
  QQ_ASSIGN_OR_RETURN(auto thresholds, app::LoadThresholds(data));
  app::AnalyticsService service(thresholds, 2);
  return service.Load(db);
}

std::string Who(const ChainArgs& a) {
  if (!a.user.empty()) return a.user;
  const char* u = std::getenv("USER");
  return std::string("cli:") + (u ? u : "unknown");
}

const auto Add = &AddDocumentCommand<ChainArgs>;

void RegionOption(CLI::App& cmd, ChainArgs& a) { cmd.add_option("--region", a.region, "region code (default 370117)"); }

void SetupChain(CLI::App& sub, CommonOptions& c) {
  sub.require_subcommand(1);
  Add(sub, c, "analyze", "a chain in a region: links, coverage, strength, weak and missing links, 链主 candidates", false,
      [](CLI::App& cmd, ChainArgs& a) {
        RegionOption(cmd, a);
        cmd.add_option("--chain", a.chain, "chain name (钢铁, 集成电路, …)")->required();
      },
      [](store::Database& db, const CommonOptions& c, const ChainArgs& a) -> Result<wire::Json> {
        QQ_ASSIGN_OR_RETURN(auto snap, Snapshot(c, db));
        QQ_ASSIGN_OR_RETURN(auto region, RegionCode::Parse(a.region));
        QQ_ASSIGN_OR_RETURN(auto r, app::AnalyseChain(db, *snap, region, a.chain));
        return wire::ChainAnalysisJson(r);
      });
  Add(sub, c, "firms", "the region's firms on one link, with their evidence", false,
      [](CLI::App& cmd, ChainArgs& a) {
        RegionOption(cmd, a);
        cmd.add_option("--link-id", a.link_id, "link id (from chain analyze)")->required();
      },
      [](store::Database& db, const CommonOptions& c, const ChainArgs& a) -> Result<wire::Json> {
        QQ_ASSIGN_OR_RETURN(auto snap, Snapshot(c, db));
        QQ_ASSIGN_OR_RETURN(auto region, RegionCode::Parse(a.region));
        QQ_ASSIGN_OR_RETURN(auto r, app::FirmsOnLink(db, *snap, region, a.link_id));
        return wire::FirmsOnLinkJson(r);
      });
  Add(sub, c, "tags", "a firm's chain tags with their evidence and decisions", false,
      [](CLI::App& cmd, ChainArgs& a) { cmd.add_option("uscc", a.uscc, "统一社会信用代码")->required(); },
      [](store::Database& db, const CommonOptions&, const ChainArgs& a) -> Result<wire::Json> {
        QQ_ASSIGN_OR_RETURN(auto uscc, Uscc::Parse(a.uscc));
        QQ_ASSIGN_OR_RETURN(auto r, app::TagsOf(db, uscc));
        return wire::TagsJson(r);
      });
  for (bool confirm : {true, false}) {
    Add(sub, c, confirm ? "confirm" : "reject",
        confirm ? "confirm a firm on a link (kept over re-tagging)" : "reject a firm on a link (kept over re-tagging)", true,
        [](CLI::App& cmd, ChainArgs& a) {
          cmd.add_option("uscc", a.uscc, "统一社会信用代码")->required();
          cmd.add_option("--chain", a.chain, "chain name")->required();
          cmd.add_option("--link", a.link, "link key (from chains list)")->required();
          cmd.add_option("--note", a.note, "why");
          cmd.add_option("--user", a.user, "who decides (default: cli:$USER)");
        },
        [confirm](store::Database& db, const CommonOptions&, const ChainArgs& a) -> Result<wire::Json> {
          QQ_ASSIGN_OR_RETURN(auto uscc, Uscc::Parse(a.uscc));
          QQ_RETURN_IF_ERROR(app::DecideTag(db, app::SystemClock(), uscc, a.chain, a.link, confirm, Who(a), a.note));
          QQ_ASSIGN_OR_RETURN(auto r, app::TagsOf(db, uscc));
          return wire::TagsJson(r);
        });
  }
  Add(sub, c, "relatedness", "a county's specialisations (RCA) and the absent industries closest to them", false,
      [](CLI::App& cmd, ChainArgs& a) {
        RegionOption(cmd, a);
        cmd.add_option("--limit", a.limit, "rows");
      },
      [](store::Database& db, const CommonOptions& c, const ChainArgs& a) -> Result<wire::Json> {
        QQ_ASSIGN_OR_RETURN(auto snap, Snapshot(c, db));
        QQ_ASSIGN_OR_RETURN(auto region, RegionCode::Parse(a.region));
        QQ_ASSIGN_OR_RETURN(auto r, app::RelatednessOf(db, *snap, region, a.limit));
        return wire::RelatednessJson(r);
      });
}

void SetupAttract(CLI::App& sub, CommonOptions& c) {
  auto a = std::make_shared<ChainArgs>();
  AddDbOption(sub, c);
  AddDataDirOption(sub, c);
  AddJsonOption(sub, c);
  RegionOption(sub, *a);
  sub.add_option("--chain", a->chain, "chain name")->required();
  sub.add_option("--limit", a->limit, "candidates per link");
  sub.callback([&c, a] {
    ExitCodeSlot() = [&]() -> int {
      auto db = app::OpenDatabase(c.db, true);
      if (!db.ok()) return Fail(c, db.status());
      auto snap = Snapshot(c, **db);
      if (!snap.ok()) return Fail(c, snap.status());
      auto region = RegionCode::Parse(a->region);
      if (!region.ok()) return Fail(c, region.status());
      auto r = app::AttractionCandidates(**db, **snap, *region, a->chain, a->limit);
      if (!r.ok()) return Fail(c, r.status());
      auto doc = wire::CandidatesJson(*r);
      if (c.json) PrintJson(doc); else std::cout << doc.dump(2) << "\n";
      return 0;
    }();
  });
}

void SetupLead(CLI::App& sub, CommonOptions& c) {
  sub.require_subcommand(1);
  Add(sub, c, "add", "add a lead to the pipeline", true,
      [](CLI::App& cmd, ChainArgs& a) {
        RegionOption(cmd, a);
        cmd.add_option("--chain", a.chain, "chain name")->required();
        cmd.add_option("--firm", a.firm, "the target firm's name")->required();
        cmd.add_option("--uscc", a.uscc, "the target firm's 统一社会信用代码, when it is in the registry");
        cmd.add_option("--link-id", a.link_id, "the link the firm would fill");
        cmd.add_option("--stage", a.stage, "线索 (default), 接洽, 考察, 洽谈, 签约, 落地");
        cmd.add_option("--owner", a.owner, "who follows it");
        cmd.add_option("--investment", a.investment_yi, "expected investment in 亿元");
        cmd.add_option("--note", a.note, "notes");
        cmd.add_option("--user", a.user, "who records it");
      },
      [](store::Database& db, const CommonOptions&, const ChainArgs& a) -> Result<wire::Json> {
        store::Lead l;
        QQ_ASSIGN_OR_RETURN(l.region, RegionCode::Parse(a.region));
        l.chain = a.chain;
        l.firm_name = a.firm;
        l.stage = a.stage;
        l.owner = a.owner;
        l.note = a.note;
        if (a.link_id) l.link_id = a.link_id;
        if (a.investment_yi > 0) {
          char buf[64];
          std::snprintf(buf, sizeof buf, "%.15g", a.investment_yi);
          QQ_ASSIGN_OR_RETURN(auto m, Money::Parse(buf, MoneyUnit::kHundredMillionYuan));
          l.expected_investment = m.yuan();
        }
        if (!a.uscc.empty()) {
          QQ_ASSIGN_OR_RETURN(auto uscc, Uscc::Parse(a.uscc));
          QQ_ASSIGN_OR_RETURN(auto e, store::EnterpriseStore(db).GetByUscc(uscc));
          l.enterprise_id = e.id;
        }
        QQ_ASSIGN_OR_RETURN(auto lead, app::AddLead(db, app::SystemClock(), l, Who(a)));
        return wire::LeadJson(lead);
      });
  Add(sub, c, "move", "move a lead forward (签约 creates its project) or to 放弃", true,
      [](CLI::App& cmd, ChainArgs& a) {
        cmd.add_option("id", a.id, "lead id")->required();
        cmd.add_option("--stage", a.stage, "接洽, 考察, 洽谈, 签约, 落地 or 放弃")->required();
        cmd.add_option("--note", a.note, "notes");
        cmd.add_option("--user", a.user, "who moves it");
      },
      [](store::Database& db, const CommonOptions&, const ChainArgs& a) -> Result<wire::Json> {
        QQ_ASSIGN_OR_RETURN(auto lead, app::MoveLead(db, app::SystemClock(), a.id, a.stage, Who(a), a.note));
        return wire::LeadJson(lead);
      });
  Add(sub, c, "list", "leads of a region", false,
      [](CLI::App& cmd, ChainArgs& a) {
        RegionOption(cmd, a);
        cmd.add_option("--chain", a.chain, "only this chain");
      },
      [](store::Database& db, const CommonOptions&, const ChainArgs& a) -> Result<wire::Json> {
        QQ_ASSIGN_OR_RETURN(auto region, RegionCode::Parse(a.region));
        QQ_ASSIGN_OR_RETURN(auto leads, store::LeadStore(db).List({region}, a.chain));
        wire::Json out = wire::Json::array();
        for (const auto& l : leads) out.push_back(wire::LeadJson(l));
        return wire::Json{{"leads", out}};
      });
}

}  // namespace

std::vector<Command> ChainCommands() {
  return {
      {"chain", "链长制: chain analyze|firms|tags|confirm|reject|relatedness", SetupChain, nullptr},
      {"attract", "firms to attract to a chain's weak and missing links, ranked with reasons", SetupAttract, nullptr},
      {"lead", "the 招商 pipeline: lead add|move|list (签约 creates a project)", SetupLead, nullptr},
  };
}

}  // namespace qq::cli

// Routes of the 链长制: chain analysis, firms on links and their tags, relatedness, attraction
// candidates and the leads pipeline.
#include "app/chains.h"
#include "http/router.h"
#include "store/chain_store.h"
#include "store/enterprise_store.h"
#include "store/tag_store.h"
#include "wire/chains.h"

namespace qq::http {
namespace {

using wire::Json;



Result<Json> ChainAnalysis(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
  QQ_ASSIGN_OR_RETURN(auto chain, store::ChainStore(ctx.db).Get(id));
  QQ_ASSIGN_OR_RETURN(auto snap, ctx.services.analytics->Current(ctx.db));
  QQ_ASSIGN_OR_RETURN(auto a, app::AnalyseChain(ctx.db, *snap, *ctx.region, chain.name));
  Json doc = wire::ChainAnalysisJson(a);
  doc["links_from"] = snap->links_from_tags ? "tags" : "industry_codes";
  return doc;
}

Result<Json> LinkFirms(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
  QQ_ASSIGN_OR_RETURN(auto snap, ctx.services.analytics->Current(ctx.db));
  QQ_ASSIGN_OR_RETURN(auto firms, app::FirmsOnLink(ctx.db, *snap, *ctx.region, id));
  return wire::FirmsOnLinkJson(firms);
}

Result<Json> FirmTags(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(auto uscc, Uscc::Parse(ctx.Path(1)));
  QQ_ASSIGN_OR_RETURN(auto tags, app::TagsOf(ctx.db, uscc));
  return wire::TagsJson(tags);
}

Result<Json> DecideFirmTag(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(auto uscc, Uscc::Parse(ctx.Path(1)));
  QQ_ASSIGN_OR_RETURN(Json body, JsonBody(ctx));
  std::string decision = body.value("decision", "");
  if (decision != "confirm" && decision != "reject") return Status::InvalidArgument("decision must be confirm or reject");
  QQ_RETURN_IF_ERROR(app::DecideTag(ctx.db, ctx.services.clock, uscc, body.value("chain", ""), body.value("link", ""),
                                    decision == "confirm", ctx.user->username, body.value("note", "")));
  QQ_ASSIGN_OR_RETURN(auto tags, app::TagsOf(ctx.db, uscc));
  return wire::TagsJson(tags);
}

Result<Json> Relatedness(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(auto snap, ctx.services.analytics->Current(ctx.db));
  QQ_ASSIGN_OR_RETURN(auto r, app::RelatednessOf(ctx.db, *snap, *ctx.region, 20));
  return wire::RelatednessJson(r);
}

Result<Json> Attraction(RequestContext& ctx) {
  std::string chain = ctx.Query("chain");
  if (chain.empty()) return Status::InvalidArgument("query parameter 'chain' is required");
  QQ_ASSIGN_OR_RETURN(int64_t limit, IntQuery(ctx, "limit", 10, 1, 100));
  QQ_ASSIGN_OR_RETURN(auto snap, ctx.services.analytics->Current(ctx.db));
  QQ_ASSIGN_OR_RETURN(auto r, app::AttractionCandidates(ctx.db, *snap, *ctx.region, chain, static_cast<size_t>(limit)));
  return wire::CandidatesJson(r);
}

Result<Json> Leads(RequestContext& ctx) {
  std::vector<RegionCode> scope = ctx.Query("region").empty() ? ctx.user->regions : std::vector<RegionCode>{*ctx.region};
  QQ_ASSIGN_OR_RETURN(auto leads, store::LeadStore(ctx.db).List(scope, ctx.Query("chain")));
  Json out = Json::array();
  for (const auto& l : leads) out.push_back(wire::LeadJson(l));
  return Json{{"stages", app::LeadStages()}, {"leads", out}};
}

Result<Json> AddLead(RequestContext& ctx) {
  if (ctx.Query("region").empty()) return Status::InvalidArgument("query parameter 'region' (the lead's county) is required");
  QQ_ASSIGN_OR_RETURN(Json body, JsonBody(ctx));
  store::Lead l;
  l.region = *ctx.region;
  l.chain = body.value("chain", "");
  l.firm_name = body.value("firm_name", "");
  l.stage = body.value("stage", "线索");
  l.owner = body.value("owner", ctx.user->display_name);
  l.note = body.value("note", "");
  if (body.contains("link_id") && body["link_id"].is_number_integer()) l.link_id = body["link_id"].get<int64_t>();
  if (body.contains("expected_investment") && body["expected_investment"].is_number_integer()) {
    l.expected_investment = body["expected_investment"].get<int64_t>();
  }
  if (std::string uscc = body.value("uscc", ""); !uscc.empty()) {
    QQ_ASSIGN_OR_RETURN(auto code, Uscc::Parse(uscc));
    QQ_ASSIGN_OR_RETURN(auto e, store::EnterpriseStore(ctx.db).GetByUscc(code));
    l.enterprise_id = e.id;
    if (l.firm_name.empty()) l.firm_name = e.name;
  }
  QQ_ASSIGN_OR_RETURN(auto lead, app::AddLead(ctx.db, ctx.services.clock, l, ctx.user->username));
  ctx.status = 201;
  return wire::LeadJson(lead);
}

Result<Json> MoveLead(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
  QQ_ASSIGN_OR_RETURN(Json body, JsonBody(ctx));
  QQ_ASSIGN_OR_RETURN(auto lead, app::MoveLead(ctx.db, ctx.services.clock, id, body.value("stage", ""), ctx.user->username,
                                               body.value("note", "")));
  return wire::LeadJson(lead);
}

Result<Json> LeadEvents(RequestContext& ctx) {
  QQ_ASSIGN_OR_RETURN(int64_t id, PathId(ctx));
  QQ_ASSIGN_OR_RETURN(auto events, store::LeadStore(ctx.db).Events(id));
  return wire::LeadEventsJson(events);
}

}  // namespace

std::vector<Route> ChainRoutes() {
  return {
      {"GET", R"(/api/v1/chains/(\d+)/analysis)", "a chain in a region: links, coverage, strength, weak and missing links, 链主",
       false, Permission::kRead, RegionFrom::kQuery, ChainAnalysis},
      {"GET", R"(/api/v1/links/(\d+)/firms)", "the region's firms on a link with their evidence", false, Permission::kRead,
       RegionFrom::kQuery, LinkFirms},
      {"GET", R"(/api/v1/enterprises/([0-9A-Za-z]{18})/tags)", "a firm's chain tags", false, Permission::kRead,
       RegionFrom::kEnterprise, FirmTags},
      {"POST", R"(/api/v1/enterprises/([0-9A-Za-z]{18})/tags)", "confirm or reject a firm on a link {chain, link, decision, note}",
       false, Permission::kEditChains, RegionFrom::kEnterprise, DecideFirmTag},
      {"GET", "/api/v1/relatedness", "a county's specialisations and possible entrants", false, Permission::kRead,
       RegionFrom::kQuery, Relatedness},
      {"GET", "/api/v1/attraction", "firms to attract to a chain's weak and missing links (?chain=)", false, Permission::kRead,
       RegionFrom::kQuery, Attraction},
      {"GET", "/api/v1/leads", "the 招商 pipeline of a region", false, Permission::kRead, RegionFrom::kQuery, Leads},
      {"POST", "/api/v1/leads", "add a lead {chain, firm_name | uscc, link_id, stage, owner, expected_investment, note}", false,
       Permission::kEditChains, RegionFrom::kQuery, AddLead},
      {"POST", R"(/api/v1/leads/(\d+)/move)", "move a lead {stage, note}; 签约 creates its project", false,
       Permission::kEditChains, RegionFrom::kLead, MoveLead},
      {"GET", R"(/api/v1/leads/(\d+)/events)", "a lead's history", false, Permission::kRead, RegionFrom::kLead, LeadEvents},
  };
}

}  // namespace qq::http

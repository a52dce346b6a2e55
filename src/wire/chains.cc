#include "wire/chains.h"

#include "wire/entities.h"

namespace qq::wire {
namespace {

Json LinkJson(const app::LinkStats& s) {
  return {{"id", s.id}, {"key", s.key}, {"name", s.name}, {"parent", s.parent.empty() ? Json(nullptr) : Json(s.parent)},
          {"position", s.position}, {"tagging", s.tagging}, {"firms", s.firms}, {"above_scale_firms", s.above_scale_firms},
          {"revenue", s.revenue}, {"growth", OptDouble(s.growth)}, {"national_firms", s.national_firms},
          {"strength", OptDouble(s.strength, 3)}, {"revenue_share", OptDouble(s.revenue_share)}, {"state", s.state},
          {"reason", s.reason}};
}

}  // namespace

Json ChainAnalysisJson(const app::ChainAnalysis& a) {
  Json links = Json::array();
  for (const auto& l : a.links) links.push_back(LinkJson(l));
  Json leaders = Json::array();
  for (const auto& c : a.leaders) {
    leaders.push_back({{"uscc", c.uscc}, {"name", c.name}, {"revenue", c.revenue}, {"share", OptDouble(c.share)},
                       {"partners", c.partners}, {"links", c.links}});
  }
  return {{"region", {{"code", a.region.code.str()}, {"name", a.region.name}}}, {"chain_id", a.chain_id}, {"chain", a.chain},
          {"month", OptMonth(a.month)}, {"firms", a.firms}, {"revenue", a.revenue},
          {"coverage", OptDouble(a.coverage * 100.0)}, {"coverage_above_scale", OptDouble(a.coverage_above_scale * 100.0)},
          {"completeness", OptDouble(a.completeness, 1)}, {"strength_basis", a.strength_basis}, {"links", links}, {"leaders", leaders}};
}

Json FirmsOnLinkJson(const std::vector<app::FirmOnLink>& firms) {
  Json out = Json::array();
  for (const auto& f : firms) {
    out.push_back({{"uscc", f.uscc}, {"name", f.name}, {"town", f.town}, {"status", f.status}, {"above_scale", f.above_scale},
                   {"revenue", f.revenue}, {"growth", OptDouble(f.growth)}, {"score", OptDouble(f.score, 3)},
                   {"evidence", f.evidence}});
  }
  return {{"firms", out}};
}

Json TagsJson(const std::vector<app::TagView>& tags) {
  Json out = Json::array();
  for (const auto& t : tags) {
    out.push_back({{"chain", t.chain}, {"link", t.link_key}, {"link_name", t.link_name}, {"source", t.source},
                   {"status", t.status}, {"score", OptDouble(t.score, 3)}, {"evidence", t.evidence}});
  }
  return {{"tags", out}};
}

Json RelatednessJson(const app::RegionRelatedness& r) {
  auto entries = [](const std::vector<app::IndustryEntry>& list) {
    Json out = Json::array();
    for (const auto& e : list) {
      out.push_back({{"code", e.code}, {"name", e.name}, {"rca", OptDouble(e.rca, 3)}, {"density", OptDouble(e.density, 3)},
                     {"present", e.present}, {"firms", e.firms}});
    }
    return out;
  };
  return {{"region", {{"code", r.region.code.str()}, {"name", r.region.name}}}, {"level", r.level},
          {"regions", r.regions}, {"industries", r.industries}, {"present", entries(r.present)},
          {"possible_entrants", entries(r.possible_entrants)}};
}

Json CandidatesJson(const std::vector<app::LinkCandidates>& links) {
  Json out = Json::array();
  for (const auto& lc : links) {
    Json candidates = Json::array();
    for (const auto& c : lc.candidates) {
      candidates.push_back({{"uscc", c.uscc}, {"name", c.name}, {"region", {{"code", c.region}, {"name", c.region_name}}},
                            {"industry", c.industry}, {"score", OptDouble(c.score, 1)},
                            {"components", {{"match", OptDouble(c.match, 3)}, {"scale", OptDouble(c.scale, 3)},
                                            {"growth", OptDouble(c.growth, 3)}, {"density", OptDouble(c.density, 3)}}},
                            {"reasons", c.reasons}});
    }
    out.push_back({{"link", LinkJson(lc.link)}, {"candidates", candidates}});
  }
  return {{"links", out}};
}

Json LeadJson(const store::Lead& l) {
  return {{"id", l.id}, {"region", l.region.str()}, {"chain", l.chain},
          {"link_id", l.link_id ? Json(*l.link_id) : Json(nullptr)}, {"firm_name", l.firm_name},
          {"uscc", l.uscc.empty() ? Json(nullptr) : Json(l.uscc)}, {"stage", l.stage},
          {"owner", l.owner}, {"expected_investment", l.expected_investment ? Json(*l.expected_investment) : Json(nullptr)},
          {"note", l.note}, {"project_id", l.project_id ? Json(*l.project_id) : Json(nullptr)},
          {"created_at", l.created_at}, {"updated_at", l.updated_at}};
}

Json LeadEventsJson(const std::vector<store::LeadEvent>& events) {
  Json out = Json::array();
  for (const auto& e : events) {
    out.push_back({{"at", e.at}, {"from", e.stage_from ? Json(*e.stage_from) : Json(nullptr)}, {"to", e.stage_to},
                   {"username", e.username}, {"note", e.note}});
  }
  return {{"events", out}};
}

}  // namespace qq::wire

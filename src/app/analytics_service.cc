#include "app/analytics_service.h"

#include <algorithm>
#include <set>

#include "ingest/reference_data.h"
#include "store/chain_store.h"
#include "store/enterprise_store.h"
#include "store/meta_store.h"
#include "store/tag_store.h"

namespace qq::app {
namespace {

int32_t Digits(const std::string& code, uint8_t& count) {
  count = 0;
  int32_t v = 0;
  for (char c : code) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
    ++count;
  }
  return count ? v : -1;
}

}  // namespace

Result<ScaleThresholds> LoadThresholds(const std::filesystem::path& data_dir) {
  return ingest::LoadScaleThresholds(data_dir);
}

std::vector<uint32_t> AnalyticsSnapshot::FirmsIn(const std::string& region) const {
  std::vector<uint32_t> out;
  for (uint32_t c : analytics::Rollups::CountiesIn(dataset, region)) {
    const auto& firms = dataset.FirmsOfCounty(c);
    out.insert(out.end(), firms.begin(), firms.end());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<uint32_t> AnalyticsSnapshot::FirmsOf(const std::string& region, const std::vector<std::string>& chains,
                                                 const std::vector<std::string>& industry_prefixes) const {
  std::set<uint32_t> links;
  for (const auto& chain : chains) {
    auto it = links_of_chain.find(chain);
    if (it != links_of_chain.end()) links.insert(it->second.begin(), it->second.end());
  }
  std::vector<uint32_t> out;
  for (uint32_t f : FirmsIn(region)) {
    bool member = false;
    auto [lb, le] = dataset.LinksOf(f);
    for (const uint32_t* l = lb; l != le && !member; ++l) member = links.count(*l) > 0;
    const auto& info = dataset.firm(f);
    if (!member && info.industry >= 0) {
      std::string code = std::to_string(info.industry);
      code.insert(0, static_cast<size_t>(std::max(0, info.industry_digits - static_cast<int>(code.size()))), '0');
      for (const auto& prefix : industry_prefixes) member |= code.starts_with(prefix);
    }
    if (member) out.push_back(f);
  }
  return out;
}

Result<std::shared_ptr<AnalyticsSnapshot>> AnalyticsService::Load(store::Database& db) const {
  auto snap = std::make_shared<AnalyticsSnapshot>();
  // Read the version first: a concurrent write makes the next check reload again, never miss.
  QQ_ASSIGN_OR_RETURN(snap->data_version, store::MetaStore(db).DataVersion());
  QQ_ASSIGN_OR_RETURN(auto chains, store::ChainStore(db).List());
  // Until the registry is tagged, a firm's links are those whose template codes match its
  // industry code (decisive and confirm-only codes alike).
  std::vector<std::pair<std::string, uint32_t>> code_links;
  for (const auto& c : chains) {
    for (const auto& l : c.links) {
      if (!l.tagging) continue;
      snap->links_of_chain[c.name].push_back(static_cast<uint32_t>(l.id));
      snap->link_names[static_cast<uint32_t>(l.id)] = {c.name, l.name};
      for (const auto* codes : {&l.industry_codes, &l.hint_codes}) {
        for (const auto& code : *codes) code_links.emplace_back(code.str(), static_cast<uint32_t>(l.id));
      }
    }
  }
  // Once the tagger has run (rows of status auto exist), a firm's links are its tags: the
  // tagger's plus the ones a person confirmed, minus the ones a person rejected. Before that,
  // a person's decisions adjust the code-based links of that firm only.
  std::unordered_map<int64_t, std::vector<uint32_t>> tagged, rejected;
  bool tagger_ran = false;
  QQ_ASSIGN_OR_RETURN(int64_t tag_rows, store::TagStore(db).Count());
  if (tag_rows > 0) {
    QQ_RETURN_IF_ERROR(store::TagStore(db).ForEach([&](const store::TagRow& r) -> Status {
      tagger_ran |= r.status == store::TagStatus::kAuto;
      auto& list = r.status == store::TagStatus::kRejected ? rejected : tagged;
      list[r.enterprise_id].push_back(static_cast<uint32_t>(r.link_id));
      return Status::Ok();
    }));
  }
  snap->links_from_tags = tagger_ran;
  analytics::DatasetBuilder b;
  std::unordered_map<std::string, uint32_t> county_index;
  std::unordered_map<std::string, int32_t> town_index;
  QQ_RETURN_IF_ERROR(store::EnterpriseStore(db).ForEach({}, [&](const Enterprise& e) -> Status {
    analytics::FirmInfo info;
    info.enterprise_id = e.id;
    auto [it, inserted] = county_index.try_emplace(e.region.str(), 0);
    if (inserted) it->second = b.AddCounty(e.region.str());
    info.county = it->second;
    if (e.town) {
      auto [t, fresh] = town_index.try_emplace(e.town->str(), -1);
      if (fresh) t->second = b.AddTown(e.town->str());
      info.town = t->second;
    }
    if (e.industry && !e.industry->IsSection()) {
      const std::string& code = e.industry->str();
      info.industry = Digits(code, info.industry_digits);
      char section = SectionOfDivision(std::stoi(code.substr(0, 2)));
      info.industrial = section == 'B' || section == 'C' || section == 'D';
      if (const ScaleThreshold* t = thresholds_.For(code, section)) info.scale_threshold = t->threshold;
    }
    uint32_t f = b.AddFirm(info);
    snap->firm_of_enterprise[e.id] = f;
    if (snap->links_from_tags) {
      auto it = tagged.find(e.id);
      if (it != tagged.end()) b.SetLinks(f, it->second);
    } else {
      std::vector<uint32_t> links;
      if (e.industry) {
        for (const auto& [prefix, link] : code_links) {
          if (e.industry->str().starts_with(prefix)) links.push_back(link);
        }
      }
      if (auto c = tagged.find(e.id); c != tagged.end()) links.insert(links.end(), c->second.begin(), c->second.end());
      if (auto r = rejected.find(e.id); r != rejected.end()) {
        std::erase_if(links, [&](uint32_t l) { return std::find(r->second.begin(), r->second.end(), l) != r->second.end(); });
      }
      std::sort(links.begin(), links.end());
      links.erase(std::unique(links.begin(), links.end()), links.end());
      if (!links.empty()) b.SetLinks(f, std::move(links));
    }
    return Status::Ok();
  }));
  QQ_RETURN_IF_ERROR(store::IndicatorStore(db).ForEach([&](const IndicatorMonth& m) -> Status {
    auto it = snap->firm_of_enterprise.find(m.enterprise_id);
    if (it == snap->firm_of_enterprise.end()) return Status::Ok();
    analytics::MonthValues v;
    for (size_t i = 0; i < static_cast<size_t>(kIndicatorCount); ++i) {
      if (m.current[i]) v.current[i] = *m.current[i];
      if (m.cumulative[i]) v.cumulative[i] = *m.cumulative[i];
    }
    b.AddRow(it->second, m.month, v);
    return Status::Ok();
  }));
  QQ_ASSIGN_OR_RETURN(snap->dataset, b.Finish(threads_));
  snap->rollups = analytics::Rollups::Build(snap->dataset, threads_);
  return snap;
}

Result<std::shared_ptr<const AnalyticsSnapshot>> AnalyticsService::Current(store::Database& db) {
  QQ_ASSIGN_OR_RETURN(int64_t version, store::MetaStore(db).DataVersion());
  std::lock_guard<std::mutex> lock(mu_);
  if (current_ && current_->data_version == version) return current_;
  QQ_ASSIGN_OR_RETURN(auto fresh, Load(db));
  current_ = std::move(fresh);
  return current_;
}

}  // namespace qq::app

// The chain tagger: compilation of templates and rules into one matcher, and the per-record
// decision over the match list (docs/tagger.md walks through it with examples).
#include "tagger/tagger.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <unordered_map>

#include "tagger/matcher.h"
#include "tagger/scope_segmenter.h"
#include "tagger/text_normalizer.h"

namespace qq::tagger {

const char* EvidenceRuleName(EvidenceRule rule) {
  switch (rule) {
    case EvidenceRule::kCode:
      return "code";
    case EvidenceRule::kHintCode:
      return "hint_code";
    case EvidenceRule::kKeyword:
      return "keyword";
    case EvidenceRule::kWeak:
      return "weak";
    case EvidenceRule::kOperation:
      return "operation";
    case EvidenceRule::kTypo:
      return "typo";
    case EvidenceRule::kImplied:
      return "implies";
  }
  return "?";
}

const char* EvidenceFieldName(EvidenceField field) {
  switch (field) {
    case EvidenceField::kScope:
      return "scope";
    case EvidenceField::kCode:
      return "code";
    case EvidenceField::kChain:
      return "chain";
  }
  return "?";
}

void TagResult::Clear() {
  chains.clear();
  chain_scores.clear();
  links.clear();
  evidence.clear();
  score = 0;
}

namespace {

// What a pattern means; one pattern (a literal form) may carry several roles.
enum Kind : uint8_t {
  kKeyword,
  kWeak,
  kExclude,
  kOperation,
  kProduction,
  kSales,
  kRepair,
  kLease,
  kCatering,
  kBoilerplate,
  kServiceWord,
  kSalesOnly,
  kNotProduction,
  kLicenceHeader,
};

struct Role {
  Kind kind;
  uint16_t chain = 0;
  uint16_t link = 0;
  int32_t term = -1;
};

struct PatternInfo {
  uint32_t roles_begin = 0, roles_end = 0;
  uint16_t length = 0;
  bool check_left = false;   // starts with an ASCII letter: must not follow a letter
  bool check_right = false;  // ends with an ASCII letter: must not precede a letter
  bool activity = false;  // a chain term that ends with a production verb (软件开发, 药品生产)
  bool only_exclude = false;  // every role is an exclusion
  bool has_exclude = false;
  uint16_t bits = 0;         // activity bits it gives an item (or header)
  uint16_t forced_bits = 0;  // sales-only / not-production bits, counted even inside brackets
  bool chain_term = false;   // has a keyword, weak or operation role
  bool strong_term = false;  // has a keyword or operation role
  bool production = false;   // has a production-verb role
};

enum PatternFlag : uint8_t { kFlagChainTerm = 1, kFlagStrongTerm = 2, kFlagProduction = 4 };

// Activity bits of an item or header.
enum Bit : uint16_t {
  kBitProduction = 1,
  kBitSales = 2,
  kBitRepair = 4,
  kBitLease = 8,
  kBitCatering = 16,
  kBitBoilerplate = 32,
  kBitService = 64,
  kBitSalesOnly = 128,
  kBitNotProduction = 256,
  kBitOperation = 512,
  kBitLicence = 1024,
};

enum ItemClass : uint8_t {
  kNeutral,  // no activity word: a bare product or activity term (炼钢, 污水处理)
  kProductionItem,
  kOperationItem,
  kServiceItem,  // 技术服务, 运营: the activity of a service-shaped link only
  kSalesItem,
  kRepairItem,
  kLeaseItem,
  kCateringItem,
  kBoilerplateItem,
  kNotProductionItem,
};

bool CountsForProduction(uint8_t c) {
  return c == kNeutral || c == kProductionItem || c == kOperationItem;
}
bool CountsForService(uint8_t c) { return CountsForProduction(c) || c == kServiceItem; }

enum CodeType : uint8_t { kDecisive, kHint, kNoChain };
struct CodeRole {
  uint16_t chain = 0, link = 0;
  CodeType type = kDecisive;
};

struct HitInfo {
  uint32_t start = 0, end = 0;
  int32_t item = -1;
  int32_t header = -1;   // the header it lies in, when not in an item
  bool dropped = false;  // masked by a longer term, or a letter-edge miss
  bool negated = false;  // in a negated bracket clause
};

// Per-chain state of one decision.
struct ChainState {
  bool has_cand = false, has_strong = false, yielded = false, keyword_counts = false,
       tagged = false;
  int implied_by = -1;
  float score = 0;
};

struct Candidate {
  uint16_t chain = 0, link = 0;
  EvidenceRule rule = EvidenceRule::kKeyword;
  int32_t item = 0;
  uint32_t offset = 0, length = 0;
  int32_t term = -1;
  float weight = 0;
  bool service = false;
  bool strong = false;  // keyword, operation or typo (not weak)
};

struct ChainAcc {
  int16_t code_link = -1;
  CodeType code_type = kDecisive;
  bool code = false;  // decisive code evidence
  bool hint = false;  // hint-code evidence (needs a keyword)
  int16_t hint_link = -1;
  bool main = false;
  bool tagged = false;
  float score = 0;
};

// Per-thread state: scratch for the matchers and every buffer the per-record logic needs.
struct Workspace {
  std::unique_ptr<MatcherScratch> scratch;
  std::vector<MatchHit> hits;
  std::string buffer;
  std::vector<uint32_t> starts;
  std::vector<ByteSpan> removed;        // notes left out of the scan, per record
  std::vector<uint32_t> removed_begin;  // per record: first index into `removed`
  Segmentation seg;
  std::vector<HitInfo> info;
  std::vector<uint32_t> excl;  // hits carrying an exclusion
  std::vector<ChainState> chain_state;
  std::vector<uint16_t> item_bits;
  std::vector<uint8_t> item_class;
  std::vector<uint16_t> header_bits;
  std::vector<Candidate> cands;
  std::vector<ChainAcc> acc;
  std::vector<MatchHit> merged;
  std::vector<char32_t> cps;    // typo fallback: an item's characters…
  std::vector<uint32_t> cp_at;  // …and their byte offsets
};

constexpr uint32_t kBlockBytes = 4u << 20;  // records per Hyperscan call: about 4 MB of scope text
// A match found by the typo fallback carries its keyword's main pattern id with this bit set.
constexpr uint32_t kTypoBit = 0x80000000u;

int Pow10(int k) {
  int v = 1;
  while (k-- > 0) v *= 10;
  return v;
}

// Parses "3130", "C3130", " 313 " into digits; returns the number of digits (0 if not a code).
int ParseCodeDigits(std::string_view s, int* value) {
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  if (i < s.size() && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z'))) ++i;
  int n = 0, v = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    if (++n > 4) return 0;
    v = v * 10 + (s[i] - '0');
  }
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r')) ++i;
  if (i != s.size() || n < 2) return 0;
  *value = v;
  return n;
}

bool LetterBefore(std::string_view s, uint32_t pos) {
  if (pos == 0) return false;
  uint32_t b = pos - 1;
  while (b > 0 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
  size_t len;
  return IsLetterAnyWidth(DecodeUtf8(s, b, &len));
}

bool LetterAt(std::string_view s, uint32_t pos) {
  if (pos >= s.size()) return false;
  size_t len;
  return IsLetterAnyWidth(DecodeUtf8(s, pos, &len));
}

}  // namespace

struct Tagger::Impl {
  std::vector<Chain> chains;
  TaggerRules rules;
  std::vector<std::string> terms;  // canonical texts, by term id
  std::vector<std::string> pattern_texts;
  std::vector<PatternInfo> patterns;
  std::vector<uint8_t>
      pattern_flags;  // compact copy of three PatternInfo flags, for the first pass
  std::vector<Role> roles;
  std::unique_ptr<Matcher> matcher;
  // Typo fallback: keyword forms by first character, with their characters and the positions
  // where one character may be wrong.
  struct TypoForm {
    uint32_t pattern = 0;
    std::vector<char32_t> chars;
    uint64_t free_positions = 0;  // bit k: character k may differ
  };
  std::vector<TypoForm> typo_forms;
  std::unordered_map<char32_t, std::vector<uint32_t>> typo_by_first;
  bool typo_enabled = false;
  ScopeSegmenter segmenter;
  std::vector<CodeRole> code_roles;
  std::vector<std::pair<uint32_t, uint32_t>> exact[5], beneath[5];  // by code length, by value
  std::vector<std::vector<uint16_t>> implies;                       // chain → implied chains
  std::vector<std::vector<uint16_t>> yields_to;                     // chain → chains it yields to
  std::vector<uint16_t> display_order;             // chain indices sorted by `order`
  std::vector<std::vector<uint8_t>> link_service;  // chain → link → service-shaped
  uint32_t max_length = 0;                         // longest pattern, bytes

  mutable std::mutex pool_mu;
  mutable std::vector<std::unique_ptr<Workspace>> pool;

  explicit Impl(ScopeSegmenter s) : segmenter(std::move(s)) {}

  std::unique_ptr<Workspace> Borrow() const;
  void Return(std::unique_ptr<Workspace> ws) const;
  Status RunBatch(std::span<const FirmText> firms, std::vector<TagResult>& results,
                  Workspace& ws) const;
  // Decides one record from its matches (sorted by end). `typo_queue` collects production
  // items of a record that matched nothing, for the typo fallback.
  void Classify(const FirmText& firm, const MatchHit* hits, size_t n, Workspace& ws, TagResult& out,
                uint32_t record, bool allow_typo_queue) const;
  void LookupCode(std::string_view code, std::vector<ChainAcc>& acc, bool* no_chain,
                  bool* informative) const;
  void Classify2(const FirmText& firm, const MatchHit* hits, size_t n, Workspace& ws,
                 TagResult& out, uint32_t record, bool typo_candidate, bool no_chain_code,
                 bool informative_code, bool any_chain_term, bool any_code) const;
  bool Excluded(const MatchHit* hits, size_t n, const Workspace& ws, size_t i,
                const Role& role) const;
  void Decide(Workspace& ws, TagResult& out, bool no_chain_code, bool informative_code,
              bool any_production_item, std::string_view code) const;
  Status TagOne(const FirmText& firm, Workspace& ws, TagResult& out) const;
  // Appends to `out` the typo matches (one wrong character) of keywords in scope[b, e).
  void FindTypos(std::string_view scope, uint32_t b, uint32_t e, Workspace& ws,
                 std::vector<MatchHit>& out) const;
  const PatternInfo& Pattern(uint32_t id) const { return patterns[id & ~kTypoBit]; }
};

std::unique_ptr<Workspace> Tagger::Impl::Borrow() const {
  {
    std::lock_guard<std::mutex> lock(pool_mu);
    if (!pool.empty()) {
      auto ws = std::move(pool.back());
      pool.pop_back();
      return ws;
    }
  }
  auto ws = std::make_unique<Workspace>();
  auto s = matcher->NewScratch();
  if (s.ok()) ws->scratch = std::move(s).value();
  return ws;
}

void Tagger::Impl::Return(std::unique_ptr<Workspace> ws) const {
  std::lock_guard<std::mutex> lock(pool_mu);
  pool.push_back(std::move(ws));
}

void Tagger::Impl::LookupCode(std::string_view code, std::vector<ChainAcc>& acc, bool* no_chain,
                              bool* informative) const {
  *no_chain = false;
  *informative = false;
  int value = 0;
  int len = ParseCodeDigits(code, &value);
  if (len == 0) return;
  *informative = len == 4;
  auto apply = [&](const CodeRole& r, bool compat) {
    if (r.type == kNoChain) {
      if (!compat) *no_chain = true;
      return;
    }
    ChainAcc& a = acc[r.chain];
    if (r.type == kDecisive && !compat) {
      if (!a.code) {
        a.code = true;
        a.code_link = static_cast<int16_t>(r.link);
      }
    } else if (!a.hint) {
      a.hint = true;
      a.hint_link = static_cast<int16_t>(r.link);
    }
  };
  for (int k = 2; k <= len; ++k) {
    int pv = value / Pow10(len - k);
    auto [b, e] = exact[k][static_cast<size_t>(pv)];
    for (uint32_t i = b; i < e; ++i) apply(code_roles[i], false);
  }
  if (len < 4) {
    auto [b, e] = beneath[len][static_cast<size_t>(value)];
    for (uint32_t i = b; i < e; ++i) apply(code_roles[i], true);
  }
}

void Tagger::Impl::Classify(const FirmText& firm, const MatchHit* hits, size_t n, Workspace& ws,
                            TagResult& out, uint32_t record, bool allow_typo_queue) const {
  out.Clear();
  const std::string_view scope = firm.scope;
  const size_t nchains = chains.size();
  ws.acc.assign(nchains, ChainAcc{});
  bool no_chain_code = false, informative_code = false;
  LookupCode(firm.industry_code, ws.acc, &no_chain_code, &informative_code);
  bool any_code = false;
  for (const auto& a : ws.acc) any_code |= a.code || a.hint;

  bool any_chain_term = false, any_strong_term = false, any_production = false;
  uint32_t last_chain_end = 0;
  for (size_t i = 0; i < n; ++i) {
    const uint8_t f = pattern_flags[hits[i].pattern & ~kTypoBit];
    if (f & kFlagChainTerm) {
      any_chain_term = true;
      last_chain_end = hits[i].end;
    }
    any_strong_term |= (f & kFlagStrongTerm) != 0;
    // A production verb that ends a longer term (技术开发) is not one.
    if ((f & kFlagProduction) && !(i + 1 < n && hits[i + 1].end == hits[i].end) &&
        !(i > 0 && hits[i - 1].end == hits[i].end)) {
      any_production = true;
    }
  }
  // The typo fallback is for records where no keyword matched at all (weak terms may have).
  const bool typo_candidate =
      allow_typo_queue && typo_enabled && !any_strong_term && any_production && !no_chain_code;
  if (!any_chain_term && !any_code && !typo_candidate) return;

  // Items: only as far as the last chain term unless the whole scope may matter.
  const bool whole = typo_candidate || (any_code && !any_chain_term);
  segmenter.Segment(scope, ws.seg, whole ? static_cast<uint32_t>(scope.size()) : last_chain_end);
  Classify2(firm, hits, n, ws, out, record, typo_candidate, no_chain_code, informative_code,
            any_chain_term, any_code);
}

void Tagger::Impl::Classify2(const FirmText& firm, const MatchHit* hits, size_t n, Workspace& ws,
                             TagResult& out, uint32_t record, bool typo_candidate,
                             bool no_chain_code, bool informative_code, bool any_chain_term,
                             bool any_code) const {
  const std::string_view scope = firm.scope;
  const Segmentation& seg = ws.seg;
  const size_t nitems = seg.items.size();
  const size_t n_all = n;
  if (seg.truncated) {
    const uint32_t limit = nitems ? seg.items.back().end : 0;
    while (n > 0 && hits[n - 1].end > limit) --n;
  }
  ws.info.resize(n);
  ws.excl.clear();
  // Where every match falls (hits and items are both in text order).
  size_t it = 0, hd = 0, ng = 0;
  for (size_t i = 0; i < n; ++i) {
    HitInfo& h = ws.info[i];
    const PatternInfo& p = Pattern(hits[i].pattern);
    h.end = hits[i].end;
    h.start = h.end - p.length;
    h.dropped = false;
    h.header = -1;
    while (it < nitems && seg.items[it].end < h.end) ++it;
    h.item = it < nitems && seg.items[it].begin <= h.start ? static_cast<int32_t>(it) : -1;
    if (h.item < 0) {
      while (hd < seg.headers.size() && seg.headers[hd].end < h.end) ++hd;
      if (hd < seg.headers.size() && seg.headers[hd].begin <= h.start)
        h.header = static_cast<int32_t>(hd);
    }
    if ((p.check_left && LetterBefore(scope, h.start)) || (p.check_right && LetterAt(scope, h.end)))
      h.dropped = true;
    while (ng < seg.negated.size() && seg.negated[ng].end < h.end) ++ng;
    h.negated = false;
    for (size_t k = ng; k < seg.negated.size() && seg.negated[k].begin <= h.start; ++k) {
      if (h.end <= seg.negated[k].end) h.negated = true;
    }
    if (p.has_exclude && h.item >= 0) ws.excl.push_back(static_cast<uint32_t>(i));
  }
  // A term inside a longer term is part of it (钢管 in 不锈钢管, 开发 in 技术开发, 经营 in
  // 危险废物经营); exclusions neither mask nor are masked. Terms in negated clauses do not count.
  for (size_t i = 0; i < n; ++i) {
    HitInfo& h = ws.info[i];
    const PatternInfo& p = Pattern(hits[i].pattern);
    if (h.dropped || p.only_exclude) continue;
    const uint32_t len = h.end - h.start;
    for (size_t j = i + 1; j < n && ws.info[j].end - h.end <= max_length - len && !h.dropped; ++j) {
      const HitInfo& o = ws.info[j];
      if (o.start <= h.start && o.end - o.start > len && !Pattern(hits[j].pattern).only_exclude)
        h.dropped = true;
    }
    for (size_t j = i; j-- > 0 && ws.info[j].end == h.end && !h.dropped;) {
      const HitInfo& o = ws.info[j];
      if (o.start < h.start && !Pattern(hits[j].pattern).only_exclude) h.dropped = true;
    }
  }

  // The activity of every item, and of the headers that govern them.
  ws.item_bits.assign(nitems, 0);
  ws.item_class.assign(nitems, kNeutral);
  ws.header_bits.assign(seg.headers.size(), 0);
  for (size_t i = 0; i < n; ++i) {
    const HitInfo& h = ws.info[i];
    const PatternInfo& p = Pattern(hits[i].pattern);
    if (h.item >= 0) {
      uint16_t& bits = ws.item_bits[static_cast<size_t>(h.item)];
      bits |= p.forced_bits;
      if (!h.dropped && !h.negated) bits |= p.bits;
    } else if (h.header >= 0 && !h.dropped && !h.negated) {
      ws.header_bits[static_cast<size_t>(h.header)] |= p.bits;
    }
  }
  bool any_production_item = false;
  for (size_t k = 0; k < nitems; ++k) {
    uint16_t bits = ws.item_bits[k];
    uint8_t c;
    if (bits & kBitSalesOnly)
      c = kSalesItem;
    else if (bits & kBitNotProduction)
      c = kNotProductionItem;
    else if (bits & kBitProduction)
      c = kProductionItem;
    else if (bits & kBitOperation)
      c = kOperationItem;
    else if (bits & kBitSales)
      c = kSalesItem;
    else if (bits & kBitRepair)
      c = kRepairItem;
    else if (bits & kBitLease)
      c = kLeaseItem;
    else if (bits & kBitCatering)
      c = kCateringItem;
    else if (bits & kBitBoilerplate)
      c = kBoilerplateItem;
    else if (bits & kBitService)
      c = kServiceItem;
    else {
      c = kNeutral;
      int hdr = seg.items[k].header;
      uint16_t hb = hdr >= 0 ? ws.header_bits[static_cast<size_t>(hdr)] : 0;
      if (!(hb & kBitLicence)) {
        if (hb & kBitProduction)
          c = kProductionItem;
        else if (hb & kBitSales)
          c = kSalesItem;
        else if (hb & kBitRepair)
          c = kRepairItem;
        else if (hb & kBitLease)
          c = kLeaseItem;
      }
    }
    ws.item_class[k] = c;
    any_production_item |= CountsForService(c);
  }

  auto queue_typo = [&] {
    // No keyword matched and no chain was found: read the leading production items once more,
    // allowing one wrong character in a keyword (G8), and decide again.
    if (!typo_candidate || !out.chains.empty()) return;
    ws.merged.assign(hits, hits + n_all);
    for (size_t k = 0; k < nitems && k < static_cast<size_t>(rules.leading_items); ++k) {
      if (ws.item_class[k] != kProductionItem && ws.item_class[k] != kNeutral) continue;
      FindTypos(scope, seg.items[k].begin, seg.items[k].end, ws, ws.merged);
    }
    if (ws.merged.size() == n_all) return;
    std::sort(ws.merged.begin(), ws.merged.end(),
              [](const MatchHit& a, const MatchHit& b) { return a.end < b.end; });
    std::vector<MatchHit> merged;
    merged.swap(ws.merged);
    Classify(firm, merged.data(), merged.size(), ws, out, record, false);
    merged.swap(ws.merged);
  };
  if (!any_chain_term && !any_code) return queue_typo();

  // Candidate evidence from chain terms in items whose activity lets them count.
  ws.cands.clear();
  for (size_t i = 0; i < n; ++i) {
    const HitInfo& h = ws.info[i];
    const PatternInfo& p = Pattern(hits[i].pattern);
    if (!p.chain_term || h.dropped || h.negated || h.item < 0) continue;
    const uint8_t cls = ws.item_class[static_cast<size_t>(h.item)];
    if (!CountsForService(cls)) continue;
    const bool typo = (hits[i].pattern & kTypoBit) != 0;
    for (uint32_t r = p.roles_begin; r < p.roles_end; ++r) {
      const Role& role = roles[r];
      if (role.kind != kKeyword && role.kind != kWeak && role.kind != kOperation) continue;
      const bool service = link_service[role.chain][role.link];
      if (!service && !CountsForProduction(cls)) continue;
      if (!ws.excl.empty() && Excluded(hits, n, ws, i, role)) continue;
      Candidate c;
      c.chain = role.chain;
      c.link = role.link;
      c.item = h.item;
      c.offset = h.start;
      c.length = h.end - h.start;
      c.term = role.term;
      c.service = service;
      if (role.kind == kWeak) {
        c.rule = EvidenceRule::kWeak;
        c.weight = static_cast<float>(rules.weak_weight);
      } else {
        c.rule = role.kind == kOperation ? EvidenceRule::kOperation
                 : typo                  ? EvidenceRule::kTypo
                                         : EvidenceRule::kKeyword;
        c.weight = static_cast<float>(typo ? rules.typo_weight : rules.keyword_weight);
        c.strong = true;
      }
      ws.cands.push_back(c);
    }
  }
  if (ws.cands.empty() && !any_code) return queue_typo();
  if (!any_production_item && any_code && ws.cands.empty() && seg.truncated) {
    // The code may count on its own: look at the rest of the scope (G3 needs some production).
    segmenter.Segment(scope, ws.seg, static_cast<uint32_t>(scope.size()));
    return Classify2(firm, hits, n_all, ws, out, record, typo_candidate, no_chain_code,
                     informative_code, any_chain_term, any_code);
  }
  Decide(ws, out, no_chain_code, informative_code, any_production_item, firm.industry_code);
  queue_typo();
}

bool Tagger::Impl::Excluded(const MatchHit* hits, size_t n, const Workspace& ws, size_t i,
                            const Role& role) const {
  const HitInfo& h = ws.info[i];
  int obj_k = -1;
  for (uint32_t j : ws.excl) {
    const HitInfo& x = ws.info[j];
    if (x.item != h.item) continue;
    const PatternInfo& xp = Pattern(hits[j].pattern);
    bool is_excl = false;
    for (uint32_t xr = xp.roles_begin; xr < xp.roles_end; ++xr) {
      is_excl |= roles[xr].kind == kExclude && roles[xr].chain == role.chain &&
                 roles[xr].link == role.link;
    }
    if (!is_excl) continue;
    // An exclusion that is part of another chain's term (不锈 in 不锈钢精密管, 汽车 in
    // 新能源汽车…) qualifies its own object and the ones after it; a free-standing one
    // (…设备, …销售) qualifies the whole item.
    bool modifier = false;
    for (size_t m = 0; m < n && !modifier; ++m) {
      const HitInfo& o = ws.info[m];
      if (o.item != h.item || o.start > x.start || o.end < x.end || m == j) continue;
      const PatternInfo& op = Pattern(hits[m].pattern);
      for (uint32_t orr = op.roles_begin; orr < op.roles_end; ++orr) {
        modifier |= (roles[orr].kind == kKeyword || roles[orr].kind == kWeak) &&
                    roles[orr].chain != role.chain;
      }
    }
    if (!modifier) return true;
    if (obj_k < 0) obj_k = ws.seg.ObjectOf(h.item, h.start);
    if (obj_k >= ws.seg.ObjectOf(h.item, x.start)) return true;
  }
  return false;
}

void Tagger::Impl::Decide(Workspace& ws, TagResult& out, bool no_chain_code, bool informative_code,
                          bool any_production_item, std::string_view code) const {
  const size_t nchains = chains.size();
  std::vector<ChainAcc>& acc = ws.acc;
  const auto& cands = ws.cands;
  auto& cs = ws.chain_state;
  cs.assign(nchains, ChainState{});
  // G3: a chain code counts only when the scope shows some production (or says nothing).
  if (!ws.seg.items.empty() && !any_production_item) {
    for (auto& a : acc) a.code = a.hint = false;
  }
  for (const auto& c : cands) {
    cs[c.chain].has_cand = true;
    if (c.strong) cs[c.chain].has_strong = true;
  }
  bool code_main = false;
  for (size_t c = 0; c < nchains; ++c) {
    acc[c].main = acc[c].code || (acc[c].hint && cs[c].has_cand);
    code_main |= acc[c].main;
  }
  // G2: without a code that names the main business, the first item with chain evidence does.
  // A service-shaped link can be the main business only when the code does not say otherwise (G6).
  auto usable_first = [&](const Candidate& c) {
    return c.strong && !(c.service && informative_code);
  };
  if (no_chain_code) {
    // G3: a trading, repair, leasing or catering code means no chain unless production leads.
    bool leads = false;
    for (const auto& c : cands) leads |= c.item == 0 && c.strong && !c.service;
    if (!leads) return;
    for (auto& a : acc) a = ChainAcc{};
    for (const auto& c : cands) {
      if (c.item == 0 && c.strong && !c.service) acc[c.chain].main = true;
    }
  } else if (!code_main) {
    int first = -1;
    for (const auto& c : cands) {
      if (usable_first(c) && (first < 0 || c.item < first)) first = c.item;
    }
    for (const auto& c : cands) {
      if (c.item == first && usable_first(c)) acc[c.chain].main = true;
    }
  }
  // yields_to: 钢铁 gives up its code and weak evidence when 不锈钢 has evidence.
  for (size_t c = 0; c < nchains; ++c) {
    for (uint16_t y : yields_to[c]) {
      if (cs[y].has_strong || acc[y].code || acc[y].main) cs[c].yielded = true;
    }
    if (cs[c].yielded) {
      acc[c].code = acc[c].hint = false;
      acc[c].main = false;
    }
  }
  auto counts = [&](const Candidate& c) {
    if (cs[c.chain].yielded && !c.strong) return false;
    if (acc[c.chain].main) return true;
    // G5/G6: another chain needs a production line of its own among the leading items.
    return c.strong && !c.service && c.item < rules.leading_items;
  };
  // Scores: the code, a confirmed hint code, and per item the best counting term.
  for (size_t ch = 0; ch < nchains; ++ch) {
    if (!acc[ch].code && !cs[ch].has_cand) continue;
    float s = acc[ch].code ? static_cast<float>(rules.code_weight) : 0.0f;
    int last_item = -1;
    float best = 0;
    for (const auto& c : cands) {
      if (c.chain != ch || !counts(c)) continue;
      cs[ch].keyword_counts = true;
      if (c.item != last_item) {
        s += best;
        best = 0;
        last_item = c.item;
      }
      best = std::max(best, c.weight);
    }
    s += best;
    if (acc[ch].hint && !acc[ch].code && cs[ch].keyword_counts)
      s += static_cast<float>(rules.hint_code_weight);
    cs[ch].score = s;
    cs[ch].tagged = s + 1e-4f >= static_cast<float>(rules.threshold);
  }
  // implies: every 氢能 firm is also 新能源与节能环保.
  for (size_t ch = 0; ch < nchains; ++ch) {
    if (!cs[ch].tagged || cs[ch].implied_by >= 0) continue;
    for (uint16_t i : implies[ch]) {
      if (!cs[i].tagged) {
        cs[i].tagged = true;
        cs[i].implied_by = static_cast<int>(ch);
        cs[i].score = std::max(cs[i].score, cs[ch].score);
      }
    }
  }

  const auto code_len = static_cast<uint32_t>(code.size());
  for (uint16_t ch : display_order) {
    if (!cs[ch].tagged) continue;
    out.chains.push_back(ch);
    out.chain_scores.push_back(cs[ch].score);
    out.score = std::max(out.score, static_cast<double>(cs[ch].score));
    const size_t links_before = out.links.size();
    auto add_link = [&](uint16_t link) {
      for (size_t k = links_before; k < out.links.size(); ++k) {
        if (out.links[k].link == link) return;
      }
      out.links.push_back({ch, link});
    };
    if (acc[ch].code) {
      auto link = static_cast<uint16_t>(acc[ch].code_link);
      add_link(link);
      out.evidence.push_back({ch, static_cast<int16_t>(link), EvidenceRule::kCode,
                              EvidenceField::kCode, -1, 0, 0, code_len,
                              static_cast<float>(rules.code_weight)});
    } else if (acc[ch].hint && cs[ch].keyword_counts) {
      auto link = static_cast<uint16_t>(acc[ch].hint_link);
      add_link(link);
      out.evidence.push_back({ch, static_cast<int16_t>(link), EvidenceRule::kHintCode,
                              EvidenceField::kCode, -1, 0, 0, code_len,
                              static_cast<float>(rules.hint_code_weight)});
    }
    for (const auto& c : cands) {
      if (c.chain != ch || !counts(c)) continue;
      add_link(c.link);
      out.evidence.push_back({ch, static_cast<int16_t>(c.link), c.rule, EvidenceField::kScope,
                              c.term, 0, c.offset, c.length, c.weight});
    }
    if (cs[ch].implied_by >= 0) {
      out.evidence.push_back({ch, -1, EvidenceRule::kImplied, EvidenceField::kChain, -1,
                              static_cast<uint16_t>(cs[ch].implied_by), 0, 0, 0});
    }
    std::sort(out.links.begin() + static_cast<std::ptrdiff_t>(links_before), out.links.end(),
              [](const LinkRef& a, const LinkRef& b) { return a.link < b.link; });
  }
}

void Tagger::Impl::FindTypos(std::string_view scope, uint32_t b, uint32_t e, Workspace& ws,
                             std::vector<MatchHit>& out) const {
  ws.cps.clear();
  ws.cp_at.clear();
  for (uint32_t i = b; i < e;) {
    size_t len;
    ws.cps.push_back(DecodeUtf8(scope, i, &len));
    ws.cp_at.push_back(i);
    i += static_cast<uint32_t>(len);
  }
  ws.cp_at.push_back(e);
  const size_t n = ws.cps.size();
  for (size_t i = 0; i < n; ++i) {
    auto it = typo_by_first.find(ws.cps[i]);
    if (it == typo_by_first.end()) continue;
    for (uint32_t f : it->second) {
      const TypoForm& form = typo_forms[f];
      const size_t m = form.chars.size();
      if (i + m > n) continue;
      int wrong = -1;
      bool ok = true;
      for (size_t k = 1; k < m && ok; ++k) {
        if (ws.cps[i + k] == form.chars[k]) continue;
        if (wrong >= 0 || !((form.free_positions >> k) & 1) || !IsCjk(ws.cps[i + k])) ok = false;
        wrong = static_cast<int>(k);
      }
      if (ok && wrong > 0) out.push_back({form.pattern | kTypoBit, ws.cp_at[i + m]});
    }
  }
}

Status Tagger::Impl::TagOne(const FirmText& firm, Workspace& ws, TagResult& out) const {
  ws.hits.clear();
  if (!ws.scratch) return Status::Internal("no matcher scratch");
  QQ_RETURN_IF_ERROR(matcher->Scan(firm.scope, *ws.scratch, ws.hits));
  if (!std::is_sorted(ws.hits.begin(), ws.hits.end(),
                      [](const MatchHit& a, const MatchHit& b) { return a.end < b.end; })) {
    std::stable_sort(ws.hits.begin(), ws.hits.end(),
                     [](const MatchHit& a, const MatchHit& b) { return a.end < b.end; });
  }
  Classify(firm, ws.hits.data(), ws.hits.size(), ws, out, 0, true);
  return Status::Ok();
}

Status Tagger::Impl::RunBatch(std::span<const FirmText> firms, std::vector<TagResult>& results,
                              Workspace& ws) const {
  if (!ws.scratch) return Status::Internal("no matcher scratch");
  results.resize(firms.size());
  size_t i = 0;
  while (i < firms.size()) {
    ws.buffer.clear();
    ws.starts.clear();
    size_t j = i;
    ws.removed.clear();
    ws.removed_begin.clear();
    while (j < firms.size() &&
           (j == i || ws.buffer.size() + firms[j].scope.size() + 1 <= kBlockBytes)) {
      // The registry's notes after 。 are ignored by the segmenter anyway; leave them out of
      // the scan (no pattern contains 。, so no match can span a cut).
      const std::string_view scope = firms[j].scope;
      ws.starts.push_back(static_cast<uint32_t>(ws.buffer.size()));
      ws.removed_begin.push_back(static_cast<uint32_t>(ws.removed.size()));
      segmenter.NotesAfterSentences(scope, ws.removed);
      uint32_t kept = 0;
      for (size_t r = ws.removed_begin.back(); r < ws.removed.size(); ++r) {
        ws.buffer.append(scope.substr(kept, ws.removed[r].begin - kept));
        kept = ws.removed[r].end;
      }
      ws.buffer.append(scope.substr(kept));
      ws.buffer += '\n';  // no pattern contains a newline, so no match spans two records
      ++j;
    }
    ws.removed_begin.push_back(static_cast<uint32_t>(ws.removed.size()));
    ws.starts.push_back(static_cast<uint32_t>(ws.buffer.size()));
    ws.hits.clear();
    QQ_RETURN_IF_ERROR(matcher->Scan(ws.buffer, *ws.scratch, ws.hits));
    if (!std::is_sorted(ws.hits.begin(), ws.hits.end(),
                        [](const MatchHit& a, const MatchHit& b) { return a.end < b.end; })) {
      std::stable_sort(ws.hits.begin(), ws.hits.end(),
                       [](const MatchHit& a, const MatchHit& b) { return a.end < b.end; });
    }
    size_t h = 0;
    for (size_t k = i; k < j; ++k) {
      const uint32_t s = ws.starts[k - i];
      const uint32_t e = ws.starts[k - i + 1] - 1;
      const size_t hb = h;
      // Back to offsets in the record's own scope: add the notes cut before each match.
      uint32_t r = ws.removed_begin[k - i], r_end = ws.removed_begin[k - i + 1], shift = 0;
      uint32_t cut = r < r_end ? ws.removed[r].begin : UINT32_MAX;
      while (h < ws.hits.size() && ws.hits[h].end <= e) {
        uint32_t rel = ws.hits[h].end - s;
        while (rel + shift > cut) {
          shift += ws.removed[r].end - ws.removed[r].begin;
          ++r;
          cut = r < r_end ? ws.removed[r].begin : UINT32_MAX;
        }
        ws.hits[h++].end = rel + shift;
      }
      Classify(firms[k], ws.hits.data() + hb, h - hb, ws, results[k], static_cast<uint32_t>(k - i),
               true);
    }
    i = j;
  }
  return Status::Ok();
}

Tagger::Tagger(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Tagger::Tagger(Tagger&&) noexcept = default;
Tagger& Tagger::operator=(Tagger&&) noexcept = default;
Tagger::~Tagger() = default;

TagResult Tagger::Tag(const FirmText& firm) const {
  TagResult out;
  Tag(firm, out);
  return out;
}

void Tagger::Tag(const FirmText& firm, TagResult& out) const {
  auto ws = impl_->Borrow();
  if (!impl_->TagOne(firm, *ws, out).ok()) out.Clear();
  impl_->Return(std::move(ws));
}

Status Tagger::TagBatch(std::span<const FirmText> firms, std::vector<TagResult>& results) const {
  auto ws = impl_->Borrow();
  Status st = impl_->RunBatch(firms, results, *ws);
  impl_->Return(std::move(ws));
  return st;
}

const std::vector<Chain>& Tagger::chains() const { return impl_->chains; }

std::string_view Tagger::TermText(int32_t term) const {
  if (term < 0 || static_cast<size_t>(term) >= impl_->terms.size()) return {};
  return impl_->terms[static_cast<size_t>(term)];
}

size_t Tagger::PatternCount() const { return impl_->patterns.size(); }

std::vector<std::string> Tagger::DictionaryForms() const {
  std::vector<std::string> out;
  for (size_t i = 0; i < impl_->patterns.size(); ++i) {
    if (impl_->patterns[i].chain_term) out.push_back(impl_->pattern_texts[i]);
  }
  return out;
}

Result<Tagger> Tagger::Create(const std::vector<Chain>& chains, const TaggerRules& rules) {
  if (chains.empty())
    return Status::InvalidArgument("the tagger needs at least one chain template");
  if (chains.size() > 0xFFFF) return Status::InvalidArgument("too many chain templates");
  QQ_ASSIGN_OR_RETURN(ScopeSegmenter segmenter, ScopeSegmenter::Create(rules));
  auto impl = std::make_unique<Impl>(std::move(segmenter));
  impl->chains = chains;
  impl->rules = rules;
  const std::string rules_file = rules.source.empty() ? std::string("rules") : rules.source;

  std::map<std::string, uint16_t> chain_index;
  for (size_t c = 0; c < chains.size(); ++c) chain_index[chains[c].name] = static_cast<uint16_t>(c);
  auto find_chain = [&](const std::string& name) -> int {
    auto it = chain_index.find(name);
    return it == chain_index.end() ? -1 : it->second;
  };
  impl->implies.resize(chains.size());
  impl->yields_to.resize(chains.size());
  for (size_t c = 0; c < chains.size(); ++c) {
    for (auto [list, target] : {std::pair{&chains[c].implies, &impl->implies[c]},
                                std::pair{&chains[c].yields_to, &impl->yields_to[c]}}) {
      for (const auto& name : *list) {
        int other = find_chain(name);
        if (other < 0) {
          return Status::InvalidArgument("chain '" + chains[c].name + "' refers to '" + name +
                                         "', which is not a loaded chain");
        }
        target->push_back(static_cast<uint16_t>(other));
      }
    }
  }
  for (size_t c = 0; c < chains.size(); ++c) {
    impl->display_order.push_back(static_cast<uint16_t>(c));
    impl->link_service.emplace_back();
    for (const auto& l : chains[c].links) impl->link_service.back().push_back(l.service ? 1 : 0);
  }
  std::stable_sort(impl->display_order.begin(), impl->display_order.end(),
                   [&](uint16_t a, uint16_t b) { return chains[a].order < chains[b].order; });

  QQ_ASSIGN_OR_RETURN(TermVariants variants, TermVariants::Create());
  std::unordered_map<std::string, uint32_t> pattern_of;
  std::vector<std::vector<Role>> proles;
  std::map<std::string, int32_t> term_ids;
  std::vector<std::string> production_forms;
  auto add = [&](const std::string& term, Role role) {
    auto [it, fresh] = term_ids.emplace(term, static_cast<int32_t>(impl->terms.size()));
    if (fresh) impl->terms.push_back(term);
    role.term = it->second;
    for (auto& form : variants.Expand(term)) {
      auto [pit, pfresh] =
          pattern_of.emplace(form, static_cast<uint32_t>(impl->pattern_texts.size()));
      if (pfresh) {
        impl->pattern_texts.push_back(form);
        proles.emplace_back();
      }
      auto& list = proles[pit->second];
      bool dup = std::any_of(list.begin(), list.end(), [&](const Role& r) {
        return r.kind == role.kind && r.chain == role.chain && r.link == role.link;
      });
      if (!dup) list.push_back(role);
      if (role.kind == kProduction) production_forms.push_back(form);
    }
  };
  for (size_t c = 0; c < chains.size(); ++c) {
    for (size_t l = 0; l < chains[c].links.size(); ++l) {
      const ChainLink& link = chains[c].links[l];
      if (!link.tagging) continue;
      if (l > 0xFFFF)
        return Status::InvalidArgument("chain '" + chains[c].name + "' has too many links");
      Role r{kKeyword, static_cast<uint16_t>(c), static_cast<uint16_t>(l), -1};
      for (const auto& k : link.keywords) add(k, r);
      r.kind = kWeak;
      for (const auto& k : link.weak_keywords) add(k, r);
      r.kind = kExclude;
      for (const auto& k : link.exclusions) add(k, r);
    }
  }
  for (const auto& op : rules.operations) {
    int c = find_chain(op.chain);
    if (c < 0) {
      return Status::InvalidArgument(rules_file + ":" + std::to_string(op.line) +
                                     ": [[operation]] names chain '" + op.chain +
                                     "', which is not a loaded chain template");
    }
    int link = -1;
    for (size_t l = 0; l < chains[static_cast<size_t>(c)].links.size(); ++l) {
      if (chains[static_cast<size_t>(c)].links[l].key == op.link) link = static_cast<int>(l);
    }
    if (link < 0 || !chains[static_cast<size_t>(c)].links[static_cast<size_t>(link)].tagging) {
      return Status::InvalidArgument(rules_file + ":" + std::to_string(op.line) +
                                     ": [[operation]] names link '" + op.link +
                                     "', which is not a tagging link of chain '" + op.chain + "'");
    }
    for (const auto& t : op.terms)
      add(t, {kOperation, static_cast<uint16_t>(c), static_cast<uint16_t>(link), -1});
  }
  for (auto [list, kind] : {std::pair{&rules.production, kProduction},
                            {&rules.sales, kSales},
                            {&rules.repair, kRepair},
                            {&rules.lease, kLease},
                            {&rules.catering, kCatering},
                            {&rules.boilerplate, kBoilerplate},
                            {&rules.service, kServiceWord},
                            {&rules.sales_only, kSalesOnly},
                            {&rules.not_production, kNotProduction},
                            {&rules.licence_headers, kLicenceHeader}}) {
    for (const auto& w : *list) add(w, {kind, 0, 0, -1});
  }

  std::vector<MatcherPattern> mp;
  for (size_t i = 0; i < impl->pattern_texts.size(); ++i) {
    const std::string& text = impl->pattern_texts[i];
    if (text.size() > 0xFFFF)
      return Status::InvalidArgument("term '" + text.substr(0, 60) + "…' is too long");
    PatternInfo p;
    p.roles_begin = static_cast<uint32_t>(impl->roles.size());
    p.only_exclude = true;
    for (const Role& r : proles[i]) {
      impl->roles.push_back(r);
      p.only_exclude &= r.kind == kExclude;
      p.has_exclude |= r.kind == kExclude;
      switch (r.kind) {
        case kProduction:
          p.bits |= kBitProduction;
          break;
        case kSales:
          p.bits |= kBitSales;
          break;
        case kRepair:
          p.bits |= kBitRepair;
          break;
        case kLease:
          p.bits |= kBitLease;
          break;
        case kCatering:
          p.bits |= kBitCatering;
          break;
        case kBoilerplate:
          p.bits |= kBitBoilerplate;
          break;
        case kServiceWord:
          p.bits |= kBitService;
          break;
        case kOperation:
          p.bits |= kBitOperation;
          break;
        case kLicenceHeader:
          p.bits |= kBitLicence;
          break;
        case kSalesOnly:
          p.forced_bits |= kBitSalesOnly;
          break;
        case kNotProduction:
          p.forced_bits |= kBitNotProduction;
          break;
        default:
          break;
      }
      p.chain_term |= r.kind == kKeyword || r.kind == kWeak || r.kind == kOperation;
      p.strong_term |= r.kind == kKeyword || r.kind == kOperation;
      p.production |= r.kind == kProduction;
    }
    p.roles_end = static_cast<uint32_t>(impl->roles.size());
    p.length = static_cast<uint16_t>(text.size());
    size_t len;
    p.check_left = IsLetterAnyWidth(DecodeUtf8(text, 0, &len));
    size_t last = text.size() - 1;
    while (last > 0 && (static_cast<unsigned char>(text[last]) & 0xC0) == 0x80) --last;
    p.check_right = IsLetterAnyWidth(DecodeUtf8(text, last, &len));
    if (p.chain_term) {
      for (const auto& f : production_forms) {
        if (text.size() > f.size() && text.compare(text.size() - f.size(), f.size(), f) == 0)
          p.activity = true;
      }
    }
    if (p.activity) p.bits |= kBitProduction;
    impl->max_length = std::max<uint32_t>(impl->max_length, p.length);
    impl->patterns.push_back(p);
    impl->pattern_flags.push_back(static_cast<uint8_t>((p.chain_term ? kFlagChainTerm : 0) |
                                                       (p.strong_term ? kFlagStrongTerm : 0) |
                                                       (p.production ? kFlagProduction : 0)));
    mp.push_back({text, true});
  }
  QQ_ASSIGN_OR_RETURN(impl->matcher, CompileMatcher(mp));

  if (rules.typo_fallback) {
    impl->typo_enabled = true;
    for (size_t i = 0; i < impl->pattern_texts.size(); ++i) {
      bool keyword = false;
      for (uint32_t r = impl->patterns[i].roles_begin; r < impl->patterns[i].roles_end; ++r) {
        keyword |= impl->roles[r].kind == kKeyword;
      }
      if (!keyword) continue;
      const std::string& text = impl->pattern_texts[i];
      Impl::TypoForm form;
      form.pattern = static_cast<uint32_t>(i);
      std::vector<size_t> offsets;
      bool all_cjk = true;
      for (size_t b = 0; b < text.size();) {
        size_t len;
        char32_t cp = DecodeUtf8(text, b, &len);
        all_cjk &= IsCjk(cp);
        form.chars.push_back(cp);
        offsets.push_back(b);
        b += len;
      }
      const int chars = static_cast<int>(form.chars.size());
      if (!all_cjk || chars < rules.typo_min_chars || chars > 63) continue;
      // The characters that stay fixed must say something specific: at least two of them
      // outside generic words (石英制品 with 英 free would match 石油制品; 机床制造, 机械制造).
      std::vector<uint8_t> generic(static_cast<size_t>(chars), 0);
      for (const auto& g : rules.typo_generic) {
        for (size_t at = text.find(g); at != std::string::npos; at = text.find(g, at + 1)) {
          for (int k = 0; k < chars; ++k) {
            if (offsets[static_cast<size_t>(k)] >= at &&
                offsets[static_cast<size_t>(k)] < at + g.size()) {
              generic[static_cast<size_t>(k)] = 1;
            }
          }
        }
      }
      // Never the first character; the last only in terms of four or more characters, since
      // two fixed characters and a free one match too much (机器人 → 机器设备).
      const int last = chars >= 4 ? chars - 1 : chars - 2;
      for (int k = 1; k <= last; ++k) {
        int specific = 0;
        for (int m = 0; m < chars; ++m) specific += m != k && !generic[static_cast<size_t>(m)];
        if (specific >= 2) form.free_positions |= uint64_t{1} << k;
      }
      if (form.free_positions == 0) continue;
      impl->typo_by_first[form.chars[0]].push_back(static_cast<uint32_t>(impl->typo_forms.size()));
      impl->typo_forms.push_back(std::move(form));
    }
  }

  // Industry-code tables: exact codes by length and value, and codes beneath a 中类/大类.
  struct Entry {
    int len, value;
    CodeRole role;
  };
  std::vector<Entry> exact, beneath;
  auto add_code = [&](const std::string& code, CodeRole role) {
    int value = 0;
    int len = ParseCodeDigits(code, &value);
    if (len == 0) return;
    exact.push_back({len, value, role});
    for (int k = 2; k < len; ++k) beneath.push_back({k, value / Pow10(len - k), role});
  };
  for (size_t c = 0; c < chains.size(); ++c) {
    for (size_t l = 0; l < chains[c].links.size(); ++l) {
      const ChainLink& link = chains[c].links[l];
      if (!link.tagging) continue;
      for (const auto& code : link.industry_codes)
        add_code(code.str(), {static_cast<uint16_t>(c), static_cast<uint16_t>(l), kDecisive});
      for (const auto& code : link.hint_codes)
        add_code(code.str(), {static_cast<uint16_t>(c), static_cast<uint16_t>(l), kHint});
    }
  }
  for (const auto& code : rules.no_chain_codes) add_code(code, {0, 0, kNoChain});
  for (auto [list, tables] : {std::pair{&exact, impl->exact}, std::pair{&beneath, impl->beneath}}) {
    for (int len = 2; len <= 4; ++len) tables[len].assign(static_cast<size_t>(Pow10(len)), {0, 0});
    std::stable_sort(list->begin(), list->end(), [](const Entry& a, const Entry& b) {
      return a.len != b.len ? a.len < b.len : a.value < b.value;
    });
    for (size_t k = 0; k < list->size();) {
      size_t e = k;
      auto begin = static_cast<uint32_t>(impl->code_roles.size());
      while (e < list->size() && (*list)[e].len == (*list)[k].len &&
             (*list)[e].value == (*list)[k].value) {
        impl->code_roles.push_back((*list)[e].role);
        ++e;
      }
      tables[(*list)[k].len][static_cast<size_t>((*list)[k].value)] = {
          begin, static_cast<uint32_t>(impl->code_roles.size())};
      k = e;
    }
  }
  return Tagger(std::move(impl));
}

}  // namespace qq::tagger

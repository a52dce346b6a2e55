// The chain tagger: compilation of templates and rules into one matcher, and the per-record
// decision over the match list (docs/tagger.md walks through it with examples).
#include "tagger/tagger.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <mutex>
#include <unordered_map>

#include "tagger/matcher.h"
#include "tagger/piece_cache.h"
#include "tagger/scope_segmenter.h"
#include "tagger/text_hash.h"
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
  bool service = false;  // the link is service-shaped (keyword, weak, exclusion, operation roles)
  bool lazy_exclusions = false;  // keyword, weak, operation: the link has exclusions looked up
                                 // lazily (Tagger::Impl::LookUpExclusions)
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

enum PatternFlag : uint8_t {
  kFlagChainTerm = 1,
  kFlagStrongTerm = 2,
  kFlagProduction = 4,
  kFlagOnlyExclude = 8,
  kFlagHasExclude = 16,
  kFlagCheckLeft = 32,
  kFlagCheckRight = 64,
};

// What the decision reads of a pattern for every match: PatternInfo packed into 8 bytes, so
// that the table of all patterns stays in the first-level cache.
struct HotPattern {
  uint16_t length = 0;
  uint16_t bits = 0;
  uint16_t forced_bits = 0;
  uint8_t flags = 0;  // PatternFlag
};

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

// What an industry code of a given length and value does to the chains, resolved at Create:
// ChainAcc fields for the chains it touches, and whether it is a no-chain code.
struct CodeEffect {
  uint16_t chain = 0;
  int16_t code_link = -1;  // decisive code evidence on this link, or -1
  int16_t hint_link = -1;  // hint-code evidence on this link, or -1
};
struct CodeEntry {
  uint32_t effects_begin = 0;
  uint16_t effects = 0;
  bool no_chain = false;
};
// Codes of 2, 3 and 4 digits share one table: index kCodeBase[len] + value.
constexpr int kCodeBase[5] = {0, 0, 0, 100, 1100};
constexpr int kCodeEntries = 11100;
constexpr int32_t kCodeUnknown = -2;  // a record's code index not yet parsed

struct HitInfo {
  uint32_t start = 0, end = 0;
  int32_t item = -1;
  int32_t header = -1;   // the header it lies in, when not in an item
  uint8_t flags = 0;     // the pattern's PatternFlag
  bool dropped = false;  // masked by a longer term, or a letter-edge miss
  bool negated = false;  // in a negated bracket clause
};

// What a record's matches show at a glance (HitSummary::Add, one match at a time in order).
struct HitSummary {
  bool any_chain_term = false;
  bool any_strong_term = false;
  bool any_production = false;  // a production verb that does not end a longer term
  uint32_t last_chain_end = 0;

  // `f`: the match's PatternFlag; `end`: its end; `same_end`: another match ends there too.
  void Add(uint8_t f, uint32_t end, bool same_end) {
    const bool chain = (f & kFlagChainTerm) != 0;
    any_chain_term |= chain;
    last_chain_end = chain ? end : last_chain_end;
    any_strong_term |= (f & kFlagStrongTerm) != 0;
    // A production verb that ends a longer term (技术开发) is not one.
    any_production |= ((f & kFlagProduction) != 0) & !same_end;
  }
};

// What the first pass over a record's matches found (Classify), for the rest of the decision.
struct RecordFacts {
  bool typo_candidate = false;    // the typo fallback may run (G8)
  bool no_chain_code = false;     // a trading, repair, leasing or catering code (G3)
  bool informative_code = false;  // a 4-digit code
  bool any_chain_term = false;
  bool any_code = false;  // the code gives some chain code or hint-code evidence
};

// Sets of chains as bit masks (bit c: chain c); Create allows at most 64 chains.
using ChainSet = uint64_t;
constexpr size_t kMaxChains = 64;
inline ChainSet ChainBit(size_t chain) { return ChainSet{1} << chain; }

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

// A chain's code evidence while code_table is filled.
struct ChainAcc {
  int16_t code_link = -1;
  bool code = false;  // decisive code evidence
  bool hint = false;  // hint-code evidence (needs a keyword)
  int16_t hint_link = -1;
};

// An exclusion match found by Tagger::Impl::LookUpExclusions.
struct LazyExclusion {
  uint32_t pattern = 0;
  uint32_t start = 0, end = 0;
  int32_t item = -1;
};

// Item texts known to hold no typo match. Whether an item has one depends on its text alone, and
// registry scopes are made of a limited set of standard phrases (经营范围规范表述), so most
// items of the records the typo fallback reads have been read before. Bounded: emptied when full.
class TypoFreeTexts {
 public:
  bool Contains(std::string_view text) const {
    if (slots_.empty()) return false;
    const uint64_t h = Hash(text);
    for (size_t s = h & (kSlots - 1);; s = (s + 1) & (kSlots - 1)) {
      const Slot& slot = slots_[s];
      if (slot.hash == 0) return false;
      if (slot.hash == h && slot.length == text.size() &&
          std::memcmp(arena_.data() + slot.offset, text.data(), text.size()) == 0) {
        return true;
      }
    }
  }
  void Insert(std::string_view text) {
    if (slots_.empty() || used_ * 2 >= kSlots || arena_.size() + text.size() > kArena) {
      slots_.assign(kSlots, Slot{});
      arena_.clear();
      used_ = 0;
    }
    const uint64_t h = Hash(text);
    size_t s = h & (kSlots - 1);
    while (slots_[s].hash != 0) s = (s + 1) & (kSlots - 1);
    slots_[s] = {h, static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(text.size())};
    arena_.append(text);
    ++used_;
  }

 private:
  struct Slot {
    uint64_t hash = 0;  // 0: empty
    uint32_t offset = 0, length = 0;
  };
  static constexpr size_t kSlots = 1 << 13;
  static constexpr size_t kArena = 1 << 19;
  static uint64_t Hash(std::string_view text) { return HashText(text.data(), text.size()); }
  std::vector<Slot> slots_;
  std::string arena_;
  size_t used_ = 0;
};

// Per-thread state: scratch for the matchers and every buffer the per-record logic needs.
struct Workspace {
  std::unique_ptr<MatcherScratch> scratch, excl_scratch, full_scratch;
  std::unique_ptr<PieceCache> piece_cache;  // the block scans' (null: every item is scanned)
  // The record being decided: the text its matches come from (its scope, or its line of the
  // block) and the notes cut out of that line.
  std::string_view scanned;
  std::span<const ByteSpan> notes;
  int32_t code_index = kCodeUnknown;     // its CodeIndex, when known (in a block)
  std::vector<int32_t> codes;            // CodeIndex of each record of a block
  std::vector<uint8_t> first_item_only;  // per record of a block: only its first item is scanned
  std::string record_text;               // a record's text without its notes, scanned again…
  std::vector<ByteSpan> record_notes;    // …and its notes
  std::vector<MatchHit> hits;
  std::string buffer;
  std::vector<uint32_t> starts;
  std::vector<ByteSpan> removed;        // notes left out of the scan, per record
  std::vector<uint32_t> removed_begin;  // per record: first index into `removed`
  Segmentation seg;
  std::vector<HitInfo> info;
  std::vector<uint32_t> excl;       // hits carrying an exclusion
  std::vector<LazyExclusion> lazy;  // exclusions looked up in the items of candidates…
  int32_t lazy_upto = -1;           // …up to this item
  std::vector<MatchHit> lazy_hits, full_hits;
  std::vector<uint16_t> item_bits;
  std::vector<uint8_t> item_class;
  std::vector<uint16_t> header_bits;
  std::vector<Candidate> cands;
  // The record's code evidence: chains with decisive code and with hint-code evidence, and
  // the link of each (valid for the chains in the sets only).
  ChainSet code_chains = 0, hint_chains = 0;
  int16_t code_link[kMaxChains] = {}, hint_link[kMaxChains] = {};
  std::vector<MatchHit> merged;
  std::vector<char32_t> cps;    // typo fallback: an item's characters…
  std::vector<uint32_t> cp_at;  // …and their byte offsets
  TypoFreeTexts typo_free;
};

// Records per Hyperscan call: about 256 KB of text, so that a record's scope is still in the
// cache when it is decided after the scan.
constexpr uint32_t kBlockBytes = 256u << 10;
// A match found by the typo fallback carries its keyword's main pattern id with this bit set.
constexpr uint32_t kTypoBit = 0x80000000u;
// The CJK unified ideographs (IsCjk): typo forms are indexed by their first character.
constexpr char32_t kCjkFirst = 0x4E00;
constexpr uint32_t kCjkCount = 0x9FFF - 0x4E00 + 1;

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

// Records ahead of the one being decided whose scope and result vectors are fetched into the
// cache: the result vectors of a large batch are spread over the heap.
constexpr size_t kPrefetchAhead = 8;
void Prefetch(const FirmText& firm, const TagResult& r) {
  __builtin_prefetch(firm.scope.data());
  __builtin_prefetch(r.chains.data(), 1);
  __builtin_prefetch(r.chain_scores.data(), 1);
  __builtin_prefetch(r.links.data(), 1);
  __builtin_prefetch(r.evidence.data(), 1);
}

// The class of an item from the activity bits of its terms, in order of precedence (G3/G4/G7);
// kNeutral when it has none.
uint8_t ItemClassOf(uint16_t bits) {
  if (bits & kBitSalesOnly) return kSalesItem;
  if (bits & kBitNotProduction) return kNotProductionItem;
  if (bits & kBitProduction) return kProductionItem;
  if (bits & kBitOperation) return kOperationItem;
  if (bits & kBitSales) return kSalesItem;
  if (bits & kBitRepair) return kRepairItem;
  if (bits & kBitLease) return kLeaseItem;
  if (bits & kBitCatering) return kCateringItem;
  if (bits & kBitBoilerplate) return kBoilerplateItem;
  if (bits & kBitService) return kServiceItem;
  return kNeutral;
}

// An item with no activity word of its own takes its header's (生产、销售：…), unless the header
// names a licence class.
uint8_t HeaderClassOf(uint16_t header_bits) {
  if (header_bits & kBitLicence) return kNeutral;
  if (header_bits & kBitProduction) return kProductionItem;
  if (header_bits & kBitSales) return kSalesItem;
  if (header_bits & kBitRepair) return kRepairItem;
  if (header_bits & kBitLease) return kLeaseItem;
  return kNeutral;
}

// Matches in order of end (Hyperscan reports them so; a stable sort otherwise).
void SortByEnd(std::vector<MatchHit>& hits) {
  auto by_end = [](const MatchHit& a, const MatchHit& b) { return a.end < b.end; };
  if (!std::is_sorted(hits.begin(), hits.end(), by_end))
    std::stable_sort(hits.begin(), hits.end(), by_end);
}

// Appends `text` without the notes in `notes` (sorted spans of a scope that `text` begins).
void AppendWithoutNotes(std::string_view text, std::span<const ByteSpan> notes, std::string& out) {
  uint32_t kept = 0;
  const auto end = static_cast<uint32_t>(text.size());
  for (const ByteSpan& r : notes) {
    if (r.begin >= end) break;
    out.append(text.substr(kept, r.begin - kept));
    kept = std::min(r.end, end);
  }
  if (kept < end) out.append(text.substr(kept));
}

// Back to offsets in a record's own scope: adds the notes cut out before each match (`hits` are
// sorted by end and hold offsets into the text without the notes).
void ShiftPastNotes(std::span<const ByteSpan> notes, MatchHit* hits, size_t n) {
  size_t r = 0;
  uint32_t shift = 0;
  uint32_t cut = r < notes.size() ? notes[r].begin : UINT32_MAX;
  for (size_t h = 0; h < n; ++h) {
    const uint32_t rel = hits[h].end;
    while (rel + shift > cut) {
      shift += notes[r].end - notes[r].begin;
      ++r;
      cut = r < notes.size() ? notes[r].begin : UINT32_MAX;
    }
    hits[h].end = rel + shift;
  }
}

std::string AsciiLower(std::string t) {
  for (char& c : t) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return t;
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
  std::vector<HotPattern> hot;  // parallel to `patterns`
  std::vector<Role> roles;
  // The keyword, weak and operation roles of each pattern (the ones that make candidates):
  // chain_roles[chain_roles_begin[id] .. chain_roles_begin[id + 1]), in role order.
  std::vector<Role> chain_roles;
  std::vector<uint32_t> chain_roles_begin;
  // `matcher` holds every pattern but the exclusions that are only exclusions, which are frequent
  // (设备, 材料) and matter only in an item with a candidate of their link: `excl_matcher` finds
  // them there. `full_matcher` holds every pattern, for the rare record decided again with typo
  // matches, so that it sees its matches exactly as one scan gives them. Both are null when
  // `matcher` holds every pattern.
  std::unique_ptr<Matcher> matcher, excl_matcher, full_matcher;
  // Typo fallback: keyword forms with their characters and the positions where one character
  // may be wrong, grouped by first character (always a CJK ideograph): the forms of character c
  // are typo_forms[typo_first[c - kCjkFirst] .. typo_first[c - kCjkFirst + 1]), in pattern
  // order. Flat arrays: the fallback reads them for most characters of an item.
  struct TypoForm {
    uint32_t pattern = 0;
    uint32_t chars = 0;           // its first character in typo_chars
    uint32_t size = 0;            // characters
    uint64_t free_positions = 0;  // bit k: character k may differ
  };
  std::vector<TypoForm> typo_forms;
  std::vector<char32_t> typo_chars;
  std::vector<uint32_t> typo_first;
  bool typo_enabled = false;
  ScopeSegmenter segmenter;
  // Code roles by code length and value (Create fills code_table from them).
  std::vector<CodeRole> code_roles;
  std::vector<std::pair<uint32_t, uint32_t>> exact[5], beneath[5];
  std::vector<CodeEntry> code_table;  // kCodeEntries, see kCodeBase
  std::vector<CodeEffect> code_effects;
  std::vector<std::vector<uint16_t>> implies;              // chain → implied chains
  std::vector<std::vector<uint16_t>> yields_to;            // chain → chains it yields to
  std::vector<std::pair<uint16_t, ChainSet>> yield_rules;  // yields_to as sets, chains ascending
  std::vector<uint16_t> display_order;                     // chain indices sorted by `order`
  std::vector<std::vector<uint8_t>> link_service;          // chain → link → service-shaped
  // Whether a match can cross an item end (some pattern contains an item or sentence
  // separator). If none can, what is in an item depends on its text alone: the shortcuts that
  // read only some items (leading items for the typo fallback, the first item of a trading
  // firm, exclusions looked up in one item) are exact.
  bool patterns_cross_items = true;
  // No two patterns match the same text (ASCII case aside): dropping some patterns from a scan,
  // or scanning a record on its own, then changes no order of matches that matters.
  bool patterns_distinct = false;
  // The separators of the pieces whose matches the block scans remember (PieceCache): the item,
  // sentence and header separators and the newline, those that no pattern contains. Empty: the
  // block scans read every byte.
  std::vector<std::string> piece_separators;

  mutable std::mutex pool_mu;
  mutable std::vector<std::unique_ptr<Workspace>> pool;

  explicit Impl(ScopeSegmenter s) : segmenter(std::move(s)) {}

  // Which patterns (by id) `matcher` leaves to `excl_matcher`: exclusion-only patterns, when no
  // pattern crosses an item end (the lookup reads one item) and no two patterns match the same
  // text (so that leaving some out changes no order that matters), except those that end like a
  // production verb or that a production verb ends like (Classify reads a production verb that
  // ends together with another match as part of a longer term).
  std::vector<uint8_t> LazyExclusionPatterns() const;
  std::unique_ptr<Workspace> Borrow() const;
  void Return(std::unique_ptr<Workspace> ws) const;
  Status RunBatch(std::span<const FirmText> firms, std::vector<TagResult>& results,
                  Workspace& ws) const;
  // Decides one record from its matches (sorted by end) into `out`. `allow_typo`: the typo
  // fallback may run (it is off when the record is decided again with typo matches).
  // ws.scanned and ws.notes describe the record's text. Returns Internal if a matcher fails.
  Status Classify(const FirmText& firm, const MatchHit* hits, size_t n, Workspace& ws,
                  TagResult& out, bool allow_typo) const;
  // The code evidence (acc's code and hint fields) of a parsed code of `len` digits; sets
  // *no_chain for a trading, repair, leasing or catering code. Used to fill code_table.
  void ResolveCode(int len, int value, std::vector<ChainAcc>& acc, bool* no_chain) const;
  // The code_table index of an industry code, or -1 if it is not one.
  static int32_t CodeIndex(std::string_view code);
  // Applies the code_table entry `index` (CodeIndex) to ws's code evidence and to `facts`.
  void LookupCode(int32_t index, Workspace& ws, RecordFacts& facts) const;
  // The decision once ws.seg holds the items: activities, candidates, Decide, typo fallback.
  Status Weigh(const FirmText& firm, const MatchHit* hits, size_t n, Workspace& ws, TagResult& out,
               const RecordFacts& facts) const;
  // With neither chain term nor code only the typo fallback can find something, in a leading
  // production item (RetryWithTypos). Returns false when no leading item has a typo match at
  // all, whatever its activity: the record is then in no chain and needs no more reading.
  bool LeadingItemsMayHaveTypos(std::string_view scope, Workspace& ws) const;
  // G3: a firm with a trading, retail, repair, leasing or catering code is in no chain unless
  // its first item is a production line, which the first item alone shows: the block scan reads
  // only the first item of such a record. Whether `code` (a CodeIndex) is such a code and the
  // rule may be used.
  bool FirstItemDecides(int32_t code) const;
  // The first item of such a record, from the matches of its text up to the end of that item:
  // whether it is a production line with a keyword (a chain term of a production link).
  Status FirstItemLeads(const FirmText& firm, const MatchHit* hits, size_t n, Workspace& ws,
                        bool* leads) const;
  // ws.info and ws.excl for hits[0, n): item, header, negation and letter-edge drop of each.
  void LocateHits(std::string_view scope, const MatchHit* hits, size_t n, Workspace& ws) const;
  // Masks terms inside longer terms and gathers the activity bits of items and headers into
  // ws.item_class; returns whether some item counts for production or service.
  bool ClassifyItems(const MatchHit* hits, size_t n, Workspace& ws) const;
  // ws.cands: chain terms in items whose activity lets them count, not excluded.
  Status CollectCandidates(std::string_view scope, const MatchHit* hits, size_t n,
                           Workspace& ws) const;
  bool Excluded(const MatchHit* hits, size_t n, const Workspace& ws, size_t i,
                const Role& role) const;
  // Adds to ws.lazy the matches of excl_matcher in item `item` (once per item, items ascending).
  Status LookUpExclusions(std::string_view scope, int32_t item, Workspace& ws) const;
  void Decide(Workspace& ws, TagResult& out, const RecordFacts& facts, bool any_production_item,
              std::string_view code) const;
  // G8: a record with no keyword and no chain: decides it again with the typo matches of its
  // leading production items, if there are any.
  Status RetryWithTypos(const FirmText& firm, const MatchHit* hits, size_t n, Workspace& ws,
                        TagResult& out) const;
  Status TagOne(const FirmText& firm, Workspace& ws, TagResult& out) const;
  // Appends to `out` the typo matches (one wrong character) of keywords in scope[b, e); with
  // `out` null, stops at the first. Returns whether there is one.
  bool FindTypos(std::string_view scope, uint32_t b, uint32_t e, Workspace& ws,
                 std::vector<MatchHit>* out) const;
  const PatternInfo& Pattern(uint32_t id) const { return patterns[id & ~kTypoBit]; }
  const HotPattern& Hot(uint32_t id) const { return hot[id & ~kTypoBit]; }
};

std::vector<uint8_t> Tagger::Impl::LazyExclusionPatterns() const {
  std::vector<uint8_t> lazy(patterns.size(), 0);
  if (patterns_cross_items || !patterns_distinct) return lazy;
  std::vector<std::string> folded;
  for (const auto& t : pattern_texts) folded.push_back(AsciiLower(t));
  auto ends_with = [](const std::string& a, const std::string& b) {
    return a.size() >= b.size() && a.compare(a.size() - b.size(), b.size(), b) == 0;
  };
  for (size_t i = 0; i < patterns.size(); ++i) {
    if (!(hot[i].flags & kFlagOnlyExclude)) continue;
    bool ends_like_production = false;
    for (size_t p = 0; p < patterns.size() && !ends_like_production; ++p) {
      if (hot[p].flags & kFlagProduction)
        ends_like_production = ends_with(folded[i], folded[p]) || ends_with(folded[p], folded[i]);
    }
    lazy[i] = !ends_like_production;
  }
  return lazy;
}

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
  if (!piece_separators.empty()) ws->piece_cache = std::make_unique<PieceCache>(piece_separators);
  auto s = matcher->NewScratch();
  if (s.ok()) ws->scratch = std::move(s).value();
  if (excl_matcher) {
    auto xs = excl_matcher->NewScratch();
    auto fs = full_matcher->NewScratch();
    if (!xs.ok() || !fs.ok()) ws->scratch.reset();  // TagOne/RunBatch then report Internal
    if (xs.ok()) ws->excl_scratch = std::move(xs).value();
    if (fs.ok()) ws->full_scratch = std::move(fs).value();
  }
  return ws;
}

void Tagger::Impl::Return(std::unique_ptr<Workspace> ws) const {
  std::lock_guard<std::mutex> lock(pool_mu);
  pool.push_back(std::move(ws));
}

int32_t Tagger::Impl::CodeIndex(std::string_view code) {
  int value = 0;
  const int len = ParseCodeDigits(code, &value);
  return len == 0 ? -1 : kCodeBase[len] + value;
}

void Tagger::Impl::LookupCode(int32_t index, Workspace& ws, RecordFacts& facts) const {
  ws.code_chains = ws.hint_chains = 0;
  if (index < 0) return;
  facts.informative_code = index >= kCodeBase[4];
  const CodeEntry& entry = code_table[static_cast<size_t>(index)];
  facts.no_chain_code = entry.no_chain;
  facts.any_code = entry.effects > 0;
  for (uint32_t i = entry.effects_begin; i < entry.effects_begin + entry.effects; ++i) {
    const CodeEffect& e = code_effects[i];
    if (e.code_link >= 0) ws.code_chains |= ChainBit(e.chain);
    if (e.hint_link >= 0) ws.hint_chains |= ChainBit(e.chain);
    ws.code_link[e.chain] = e.code_link;
    ws.hint_link[e.chain] = e.hint_link;
  }
}

void Tagger::Impl::ResolveCode(int len, int value, std::vector<ChainAcc>& acc,
                               bool* no_chain) const {
  *no_chain = false;
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

Status Tagger::Impl::Classify(const FirmText& firm, const MatchHit* hits, size_t n, Workspace& ws,
                              TagResult& out, bool allow_typo) const {
  out.Clear();
  RecordFacts facts;
  LookupCode(ws.code_index == kCodeUnknown ? CodeIndex(firm.industry_code) : ws.code_index, ws,
             facts);
  HitSummary summary;
  for (size_t i = 0; i < n; ++i) {
    const uint32_t end = hits[i].end;
    const bool same_end = (i + 1 < n && hits[i + 1].end == end) | (i > 0 && hits[i - 1].end == end);
    summary.Add(Hot(hits[i].pattern).flags, end, same_end);
  }
  facts.any_chain_term = summary.any_chain_term;
  const uint32_t last_chain_end = summary.last_chain_end;
  // The typo fallback is for records where no keyword matched at all (weak terms may have).
  facts.typo_candidate = allow_typo && typo_enabled && !summary.any_strong_term &&
                         summary.any_production && !facts.no_chain_code;
  if (!facts.any_chain_term && !facts.any_code && !facts.typo_candidate) return Status::Ok();

  const std::string_view scope = firm.scope;
  // Items: only as far as the last chain term unless more of the scope may matter. With neither
  // chain term nor code only the typo fallback can find something, in the leading items.
  auto stop = static_cast<uint32_t>(scope.size());
  uint32_t max_items = UINT32_MAX;
  if (facts.any_chain_term && !facts.typo_candidate) {
    stop = last_chain_end;
  } else if (!facts.any_chain_term && !facts.any_code && !patterns_cross_items) {
    max_items = static_cast<uint32_t>(std::max(rules.leading_items, 0));
  }
  segmenter.Segment(scope, ws.seg, stop, max_items);
  return Weigh(firm, hits, n, ws, out, facts);
}

Status Tagger::Impl::Weigh(const FirmText& firm, const MatchHit* hits, size_t n, Workspace& ws,
                           TagResult& out, const RecordFacts& facts) const {
  const Segmentation& seg = ws.seg;
  const size_t n_all = n;
  if (seg.truncated) {
    const uint32_t limit = seg.items.empty() ? 0 : seg.items.back().end;
    while (n > 0 && hits[n - 1].end > limit) --n;
  }
  if (!facts.any_chain_term && !facts.any_code && !LeadingItemsMayHaveTypos(firm.scope, ws)) {
    return Status::Ok();
  }
  LocateHits(firm.scope, hits, n, ws);
  const bool any_production_item = ClassifyItems(hits, n, ws);
  auto retry_with_typos = [&] {
    if (!facts.typo_candidate || !out.chains.empty()) return Status::Ok();
    return RetryWithTypos(firm, hits, n_all, ws, out);
  };
  if (!facts.any_chain_term && !facts.any_code) return retry_with_typos();

  QQ_RETURN_IF_ERROR(CollectCandidates(firm.scope, hits, n, ws));
  if (ws.cands.empty() && !facts.any_code) return retry_with_typos();
  if (!any_production_item && facts.any_code && ws.cands.empty() && seg.truncated) {
    // The code may count on its own: look at the rest of the scope (G3 needs some production).
    segmenter.Segment(firm.scope, ws.seg, static_cast<uint32_t>(firm.scope.size()));
    return Weigh(firm, hits, n_all, ws, out, facts);
  }
  Decide(ws, out, facts, any_production_item, firm.industry_code);
  return retry_with_typos();
}

bool Tagger::Impl::LeadingItemsMayHaveTypos(std::string_view scope, Workspace& ws) const {
  const Segmentation& seg = ws.seg;
  const size_t leading = std::min(seg.items.size(), static_cast<size_t>(rules.leading_items));
  for (size_t k = 0; k < leading; ++k) {
    const std::string_view text =
        scope.substr(seg.items[k].begin, seg.items[k].end - seg.items[k].begin);
    if (ws.typo_free.Contains(text)) continue;
    if (FindTypos(scope, seg.items[k].begin, seg.items[k].end, ws, nullptr)) return true;
    ws.typo_free.Insert(text);
  }
  return false;
}

bool Tagger::Impl::FirstItemDecides(int32_t code) const {
  return code >= 0 && code_table[static_cast<size_t>(code)].no_chain && !patterns_cross_items &&
         patterns_distinct;
}

Status Tagger::Impl::FirstItemLeads(const FirmText& firm, const MatchHit* hits, size_t n,
                                    Workspace& ws, bool* leads) const {
  *leads = false;
  segmenter.Segment(firm.scope, ws.seg, static_cast<uint32_t>(firm.scope.size()), 1);
  if (ws.seg.items.empty()) return Status::Ok();
  LocateHits(firm.scope, hits, n, ws);
  ClassifyItems(hits, n, ws);
  QQ_RETURN_IF_ERROR(CollectCandidates(firm.scope, hits, n, ws));
  *leads = std::any_of(ws.cands.begin(), ws.cands.end(),
                       [](const Candidate& c) { return c.item == 0 && c.strong && !c.service; });
  return Status::Ok();
}

void Tagger::Impl::LocateHits(std::string_view scope, const MatchHit* hits, size_t n,
                              Workspace& ws) const {
  const Segmentation& seg = ws.seg;
  const size_t nitems = seg.items.size();
  ws.info.resize(n);
  ws.excl.clear();
  // Hits, items, headers and negated clauses are all in text order.
  size_t it = 0, hd = 0, ng = 0;
  for (size_t i = 0; i < n; ++i) {
    HitInfo& h = ws.info[i];
    const HotPattern& p = Hot(hits[i].pattern);
    h.end = hits[i].end;
    h.start = h.end - p.length;
    h.flags = p.flags;
    h.dropped = false;
    h.negated = false;
    h.header = -1;
    while (it < nitems && seg.items[it].end < h.end) ++it;
    h.item = it < nitems && seg.items[it].begin <= h.start ? static_cast<int32_t>(it) : -1;
    if (h.item < 0) {
      while (hd < seg.headers.size() && seg.headers[hd].end < h.end) ++hd;
      if (hd < seg.headers.size() && seg.headers[hd].begin <= h.start)
        h.header = static_cast<int32_t>(hd);
    }
    if (p.flags & (kFlagCheckLeft | kFlagCheckRight)) {
      h.dropped = ((p.flags & kFlagCheckLeft) && LetterBefore(scope, h.start)) ||
                  ((p.flags & kFlagCheckRight) && LetterAt(scope, h.end));
    }
    if (!seg.negated.empty()) {
      while (ng < seg.negated.size() && seg.negated[ng].end < h.end) ++ng;
      for (size_t k = ng; k < seg.negated.size() && seg.negated[k].begin <= h.start; ++k) {
        if (h.end <= seg.negated[k].end) h.negated = true;
      }
    }
    if ((p.flags & kFlagHasExclude) && h.item >= 0) ws.excl.push_back(static_cast<uint32_t>(i));
  }
}

bool Tagger::Impl::ClassifyItems(const MatchHit* hits, size_t n, Workspace& ws) const {
  const Segmentation& seg = ws.seg;
  const size_t nitems = seg.items.size();
  ws.item_bits.assign(nitems, 0);
  ws.header_bits.assign(seg.headers.size(), 0);
  // A term inside a longer term is part of it (钢管 in 不锈钢管, 开发 in 技术开发, 经营 in
  // 危险废物经营): covered by a term that ends later and starts no later, or ends with it and
  // starts earlier. Exclusions neither mask nor are masked. One pass backwards over the groups
  // of hits that end together, gathering the activity bits of what is left: terms in negated
  // clauses give none, sales-only restrictions always do.
  uint32_t later_min_start = UINT32_MAX;  // of the terms ending after the current group
  for (size_t i = n; i > 0;) {
    const uint32_t end = ws.info[i - 1].end;
    size_t g = i;
    uint32_t group_min_start = UINT32_MAX;
    while (g > 0 && ws.info[g - 1].end == end) {
      const HitInfo& o = ws.info[--g];
      if (!(o.flags & kFlagOnlyExclude)) group_min_start = std::min(group_min_start, o.start);
    }
    for (size_t k = g; k < i; ++k) {
      HitInfo& h = ws.info[k];
      if (!(h.flags & kFlagOnlyExclude) &&
          (later_min_start <= h.start || group_min_start < h.start)) {
        h.dropped = true;
      }
      const HotPattern& p = Hot(hits[k].pattern);
      if (h.item >= 0) {
        uint16_t& bits = ws.item_bits[static_cast<size_t>(h.item)];
        bits |= p.forced_bits;
        if (!h.dropped && !h.negated) bits |= p.bits;
      } else if (h.header >= 0 && !h.dropped && !h.negated) {
        ws.header_bits[static_cast<size_t>(h.header)] |= p.bits;
      }
    }
    later_min_start = std::min(later_min_start, group_min_start);
    i = g;
  }
  ws.item_class.resize(nitems);
  bool any_production_item = false;
  for (size_t k = 0; k < nitems; ++k) {
    uint8_t c = ItemClassOf(ws.item_bits[k]);
    if (c == kNeutral && seg.items[k].header >= 0)
      c = HeaderClassOf(ws.header_bits[static_cast<size_t>(seg.items[k].header)]);
    ws.item_class[k] = c;
    any_production_item |= CountsForService(c);
  }
  return any_production_item;
}

Status Tagger::Impl::CollectCandidates(std::string_view scope, const MatchHit* hits, size_t n,
                                       Workspace& ws) const {
  ws.cands.clear();
  ws.lazy.clear();
  ws.lazy_upto = -1;
  for (size_t i = 0; i < n; ++i) {
    const HitInfo& h = ws.info[i];
    if (!(h.flags & kFlagChainTerm) || h.dropped || h.negated || h.item < 0) continue;
    const uint8_t cls = ws.item_class[static_cast<size_t>(h.item)];
    if (!CountsForService(cls)) continue;
    const bool typo = (hits[i].pattern & kTypoBit) != 0;
    const uint32_t id = hits[i].pattern & ~kTypoBit;
    for (uint32_t r = chain_roles_begin[id]; r < chain_roles_begin[id + 1]; ++r) {
      const Role& role = chain_roles[r];
      if (!role.service && !CountsForProduction(cls)) continue;
      if (role.lazy_exclusions) QQ_RETURN_IF_ERROR(LookUpExclusions(scope, h.item, ws));
      if ((!ws.excl.empty() || !ws.lazy.empty()) && Excluded(hits, n, ws, i, role)) continue;
      Candidate c;
      c.chain = role.chain;
      c.link = role.link;
      c.item = h.item;
      c.offset = h.start;
      c.length = h.end - h.start;
      c.term = role.term;
      c.service = role.service;
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
  return Status::Ok();
}

Status Tagger::Impl::LookUpExclusions(std::string_view scope, int32_t item, Workspace& ws) const {
  if (item <= ws.lazy_upto) return Status::Ok();
  ws.lazy_upto = item;
  const ScopeItem& it = ws.seg.items[static_cast<size_t>(item)];
  ws.lazy_hits.clear();
  QQ_RETURN_IF_ERROR(excl_matcher->Scan(scope.substr(it.begin, it.end - it.begin), *ws.excl_scratch,
                                        ws.lazy_hits));
  for (const MatchHit& m : ws.lazy_hits) {
    const uint32_t end = it.begin + m.end;
    const uint32_t start = end - Hot(m.pattern).length;
    // The block scan never sees a match in a note it cut out.
    const bool in_note = std::any_of(ws.notes.begin(), ws.notes.end(), [&](const ByteSpan& r) {
      return start < r.end && r.begin < end;
    });
    if (!in_note) ws.lazy.push_back({m.pattern, start, end, item});
  }
  return Status::Ok();
}

Status Tagger::Impl::RetryWithTypos(const FirmText& firm, const MatchHit* hits, size_t n,
                                    Workspace& ws, TagResult& out) const {
  const Segmentation& seg = ws.seg;
  ws.merged.assign(hits, hits + n);
  const size_t leading = std::min(seg.items.size(), static_cast<size_t>(rules.leading_items));
  for (size_t k = 0; k < leading; ++k) {
    if (ws.item_class[k] != kProductionItem && ws.item_class[k] != kNeutral) continue;
    const std::string_view text =
        firm.scope.substr(seg.items[k].begin, seg.items[k].end - seg.items[k].begin);
    if (ws.typo_free.Contains(text)) continue;
    if (!FindTypos(firm.scope, seg.items[k].begin, seg.items[k].end, ws, &ws.merged))
      ws.typo_free.Insert(text);
  }
  if (ws.merged.size() == n) return Status::Ok();
  if (full_matcher) {
    // Decide again from the matches of every pattern, in the order one scan gives them.
    ws.full_hits.clear();
    QQ_RETURN_IF_ERROR(full_matcher->Scan(ws.scanned, *ws.full_scratch, ws.full_hits));
    SortByEnd(ws.full_hits);
    ShiftPastNotes(ws.notes, ws.full_hits.data(), ws.full_hits.size());
    ws.merged.erase(ws.merged.begin(), ws.merged.begin() + static_cast<std::ptrdiff_t>(n));
    ws.merged.insert(ws.merged.begin(), ws.full_hits.begin(), ws.full_hits.end());
  }
  std::sort(ws.merged.begin(), ws.merged.end(),
            [](const MatchHit& a, const MatchHit& b) { return a.end < b.end; });
  std::vector<MatchHit> merged;
  merged.swap(ws.merged);
  Status st = Classify(firm, merged.data(), merged.size(), ws, out, false);
  merged.swap(ws.merged);
  return st;
}

bool Tagger::Impl::Excluded(const MatchHit* hits, size_t n, const Workspace& ws, size_t i,
                            const Role& role) const {
  const HitInfo& h = ws.info[i];
  int obj_k = -1;
  // Whether an exclusion match (its pattern and span; `self`: its index in `hits`, or n) in h's
  // item qualifies h.
  auto excludes = [&](uint32_t pattern, uint32_t x_start, uint32_t x_end, size_t self) {
    const PatternInfo& xp = Pattern(pattern);
    bool is_excl = false;
    for (uint32_t xr = xp.roles_begin; xr < xp.roles_end; ++xr) {
      is_excl |= roles[xr].kind == kExclude && roles[xr].chain == role.chain &&
                 roles[xr].link == role.link;
    }
    if (!is_excl) return false;
    // An exclusion that is part of another chain's term (不锈 in 不锈钢精密管, 汽车 in
    // 新能源汽车…) qualifies its own object and the ones after it; a free-standing one
    // (…设备, …销售) qualifies the whole item.
    bool modifier = false;
    for (size_t m = 0; m < n && !modifier; ++m) {
      const HitInfo& o = ws.info[m];
      if (o.item != h.item || o.start > x_start || o.end < x_end || m == self) continue;
      const PatternInfo& op = Pattern(hits[m].pattern);
      for (uint32_t orr = op.roles_begin; orr < op.roles_end; ++orr) {
        modifier |= (roles[orr].kind == kKeyword || roles[orr].kind == kWeak) &&
                    roles[orr].chain != role.chain;
      }
    }
    if (!modifier) return true;
    if (obj_k < 0) obj_k = ws.seg.ObjectOf(h.item, h.start);
    return obj_k >= ws.seg.ObjectOf(h.item, x_start);
  };
  for (uint32_t j : ws.excl) {
    const HitInfo& x = ws.info[j];
    if (x.item == h.item && excludes(hits[j].pattern, x.start, x.end, j)) return true;
  }
  for (const LazyExclusion& x : ws.lazy) {
    if (x.item == h.item && excludes(x.pattern, x.start, x.end, n)) return true;
  }
  return false;
}

void Tagger::Impl::Decide(Workspace& ws, TagResult& out, const RecordFacts& facts,
                          bool any_production_item, std::string_view code) const {
  const auto& cands = ws.cands;
  ChainSet code_set = ws.code_chains, hint_set = ws.hint_chains;
  // G3: a chain code counts only when the scope shows some production (or says nothing).
  if (!ws.seg.items.empty() && !any_production_item) code_set = hint_set = 0;
  ChainSet with_cand = 0, with_strong = 0;
  for (const auto& c : cands) {
    with_cand |= ChainBit(c.chain);
    if (c.strong) with_strong |= ChainBit(c.chain);
  }
  ChainSet main = code_set | (hint_set & with_cand);
  // G2: without a code that names the main business, the first item with chain evidence does.
  // A service-shaped link can be the main business only when the code does not say otherwise (G6).
  auto usable_first = [&](const Candidate& c) {
    return c.strong && !(c.service && facts.informative_code);
  };
  if (facts.no_chain_code) {
    // G3: a trading, repair, leasing or catering code means no chain unless production leads.
    ChainSet leads = 0;
    for (const auto& c : cands) {
      if (c.item == 0 && c.strong && !c.service) leads |= ChainBit(c.chain);
    }
    if (!leads) return;
    code_set = hint_set = 0;
    main = leads;
  } else if (!main) {
    int first = -1;
    for (const auto& c : cands) {
      if (usable_first(c) && (first < 0 || c.item < first)) first = c.item;
    }
    for (const auto& c : cands) {
      if (c.item == first && usable_first(c)) main |= ChainBit(c.chain);
    }
  }
  // yields_to: 钢铁 gives up its code and weak evidence when 不锈钢 has evidence (in chain
  // order: a chain that gave up its evidence no longer makes another give up).
  ChainSet yielded = 0;
  for (const auto& [c, targets] : yield_rules) {
    if ((with_strong | code_set | main) & targets) {
      yielded |= ChainBit(c);
      code_set &= ~ChainBit(c);
      hint_set &= ~ChainBit(c);
      main &= ~ChainBit(c);
    }
  }
  auto counts = [&](const Candidate& c) {
    if ((yielded & ChainBit(c.chain)) && !c.strong) return false;
    if (main & ChainBit(c.chain)) return true;
    // G5/G6: another chain needs a production line of its own among the leading items.
    return c.strong && !c.service && c.item < rules.leading_items;
  };
  // Scores: the code, a confirmed hint code, and per item the best counting term.
  float score[kMaxChains];
  ChainSet scored = 0, counted = 0, tagged = 0;
  for (ChainSet m = code_set | with_cand; m; m &= m - 1) {
    const auto ch = static_cast<size_t>(__builtin_ctzll(m));
    const ChainSet bit = ChainBit(ch);
    float s = (code_set & bit) ? static_cast<float>(rules.code_weight) : 0.0f;
    int last_item = -1;
    float best = 0;
    for (const auto& c : cands) {
      if (c.chain != ch || !counts(c)) continue;
      counted |= bit;
      if (c.item != last_item) {
        s += best;
        best = 0;
        last_item = c.item;
      }
      best = std::max(best, c.weight);
    }
    s += best;
    if ((hint_set & bit) && !(code_set & bit) && (counted & bit))
      s += static_cast<float>(rules.hint_code_weight);
    score[ch] = s;
    scored |= bit;
    if (s + 1e-4f >= static_cast<float>(rules.threshold)) tagged |= bit;
  }
  // implies: every 氢能 firm is also 新能源与节能环保.
  ChainSet implied = 0;
  uint16_t implied_by[kMaxChains];
  for (ChainSet m = tagged; m; m &= m - 1) {
    const auto ch = static_cast<size_t>(__builtin_ctzll(m));
    for (uint16_t i : implies[ch]) {
      if (tagged & ChainBit(i)) continue;
      tagged |= ChainBit(i);
      implied |= ChainBit(i);
      implied_by[i] = static_cast<uint16_t>(ch);
      score[i] = std::max((scored & ChainBit(i)) ? score[i] : 0.0f, score[ch]);
      scored |= ChainBit(i);
    }
  }
  if (!tagged) return;

  const auto code_len = static_cast<uint32_t>(code.size());
  for (uint16_t ch : display_order) {
    const ChainSet bit = ChainBit(ch);
    if (!(tagged & bit)) continue;
    out.chains.push_back(ch);
    out.chain_scores.push_back(score[ch]);
    out.score = std::max(out.score, static_cast<double>(score[ch]));
    const size_t links_before = out.links.size();
    auto add_link = [&](uint16_t link) {
      for (size_t k = links_before; k < out.links.size(); ++k) {
        if (out.links[k].link == link) return;
      }
      out.links.push_back({ch, link});
    };
    if (code_set & bit) {
      auto link = static_cast<uint16_t>(ws.code_link[ch]);
      add_link(link);
      out.evidence.push_back({ch, static_cast<int16_t>(link), EvidenceRule::kCode,
                              EvidenceField::kCode, -1, 0, 0, code_len,
                              static_cast<float>(rules.code_weight)});
    } else if ((hint_set & bit) && (counted & bit)) {
      auto link = static_cast<uint16_t>(ws.hint_link[ch]);
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
    if (implied & bit) {
      out.evidence.push_back(
          {ch, -1, EvidenceRule::kImplied, EvidenceField::kChain, -1, implied_by[ch], 0, 0, 0});
    }
    std::sort(out.links.begin() + static_cast<std::ptrdiff_t>(links_before), out.links.end(),
              [](const LinkRef& a, const LinkRef& b) { return a.link < b.link; });
  }
}

bool Tagger::Impl::FindTypos(std::string_view scope, uint32_t b, uint32_t e, Workspace& ws,
                             std::vector<MatchHit>* out) const {
  ws.cps.resize(e - b);
  ws.cp_at.resize(e - b + 1);
  size_t n = 0;
  for (uint32_t i = b; i < e; ++n) {
    size_t len;
    ws.cps[n] = DecodeUtf8(scope, i, &len);
    ws.cp_at[n] = i;
    i += static_cast<uint32_t>(len);
  }
  ws.cp_at[n] = e;
  bool found = false;
  for (size_t i = 0; i < n; ++i) {
    if (!IsCjk(ws.cps[i])) continue;
    const uint32_t c = ws.cps[i] - kCjkFirst;
    for (uint32_t f = typo_first[c]; f < typo_first[c + 1]; ++f) {
      const TypoForm& form = typo_forms[f];
      const size_t m = form.size;
      if (i + m > n) continue;
      const char32_t* chars = typo_chars.data() + form.chars;
      int wrong = -1;
      bool ok = true;
      for (size_t k = 1; k < m && ok; ++k) {
        if (ws.cps[i + k] == chars[k]) continue;
        if (wrong >= 0 || !((form.free_positions >> k) & 1) || !IsCjk(ws.cps[i + k])) ok = false;
        wrong = static_cast<int>(k);
      }
      if (!ok || wrong <= 0) continue;
      if (!out) return true;
      out->push_back({form.pattern | kTypoBit, ws.cp_at[i + m]});
      found = true;
    }
  }
  return found;
}

Status Tagger::Impl::TagOne(const FirmText& firm, Workspace& ws, TagResult& out) const {
  ws.hits.clear();
  if (!ws.scratch) return Status::Internal("no matcher scratch");
  QQ_RETURN_IF_ERROR(matcher->Scan(firm.scope, *ws.scratch, ws.hits));
  SortByEnd(ws.hits);
  ws.scanned = firm.scope;
  ws.notes = {};
  ws.code_index = kCodeUnknown;
  return Classify(firm, ws.hits.data(), ws.hits.size(), ws, out, true);
}

Status Tagger::Impl::RunBatch(std::span<const FirmText> firms, std::vector<TagResult>& results,
                              Workspace& ws) const {
  if (!ws.scratch) return Status::Internal("no matcher scratch");
  results.resize(firms.size());
  size_t i = 0;
  while (i < firms.size()) {
    // A block: the records' text with the notes after 。 cut out (the segmenter ignores them; no
    // pattern contains 。, so no match can span a cut), one line each.
    ws.buffer.clear();
    ws.starts.clear();
    ws.removed.clear();
    ws.removed_begin.clear();
    ws.codes.clear();
    ws.first_item_only.clear();
    size_t j = i;
    while (j < firms.size() &&
           (j == i || ws.buffer.size() + firms[j].scope.size() + 1 <= kBlockBytes)) {
      const std::string_view scope = firms[j].scope;
      const auto removed_from = static_cast<uint32_t>(ws.removed.size());
      const int32_t code = CodeIndex(firms[j].industry_code);
      auto limit = static_cast<uint32_t>(scope.size());
      const bool first_item_only = FirstItemDecides(code);
      if (first_item_only) {
        segmenter.Segment(scope, ws.seg, limit, 1);
        limit = ws.seg.items.empty() ? 0 : ws.seg.items[0].end;
      }
      // (A note that starts in the first item ends in it: it is a bracket group.)
      segmenter.NotesAfterSentences(scope.substr(0, limit), ws.removed);
      ws.starts.push_back(static_cast<uint32_t>(ws.buffer.size()));
      ws.removed_begin.push_back(removed_from);
      ws.codes.push_back(code);
      ws.first_item_only.push_back(first_item_only);
      AppendWithoutNotes(scope.substr(0, limit),
                         std::span<const ByteSpan>(ws.removed).subspan(removed_from), ws.buffer);
      ws.buffer += '\n';  // no pattern contains a newline, so no match spans two records
      ++j;
    }
    ws.removed_begin.push_back(static_cast<uint32_t>(ws.removed.size()));
    ws.starts.push_back(static_cast<uint32_t>(ws.buffer.size()));
    ws.hits.clear();
    if (ws.piece_cache) {
      QQ_RETURN_IF_ERROR(ws.piece_cache->Scan(*matcher, ws.buffer, *ws.scratch, ws.hits));
    } else {
      QQ_RETURN_IF_ERROR(matcher->Scan(ws.buffer, *ws.scratch, ws.hits));
    }
    SortByEnd(ws.hits);
    size_t h = 0;
    for (size_t k = i; k < j; ++k) {
      const size_t b = k - i;
      const uint32_t s = ws.starts[b];
      const uint32_t e = ws.starts[b + 1] - 1;
      const size_t hb = h;
      // Back to offsets in the record's own scope: add the notes cut before each match.
      uint32_t r = ws.removed_begin[b], r_end = ws.removed_begin[b + 1], shift = 0;
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
      if (k + kPrefetchAhead < j) {
        Prefetch(firms[k + kPrefetchAhead], results[k + kPrefetchAhead]);
        const int32_t code = ws.codes[b + kPrefetchAhead];
        if (code >= 0) __builtin_prefetch(&code_table[static_cast<size_t>(code)]);
      }
      ws.code_index = ws.codes[b];
      ws.scanned = std::string_view(ws.buffer).substr(s, e - s);
      ws.notes = std::span<const ByteSpan>(ws.removed)
                     .subspan(ws.removed_begin[b], ws.removed_begin[b + 1] - ws.removed_begin[b]);
      const MatchHit* hits = ws.hits.data() + hb;
      size_t n = h - hb;
      if (ws.first_item_only[b]) {
        bool leads = false;
        QQ_RETURN_IF_ERROR(FirstItemLeads(firms[k], hits, n, ws, &leads));
        if (!leads) {
          results[k].Clear();
          continue;
        }
        // The rare firm that does: its whole text, scanned on its own.
        ws.record_notes.clear();
        segmenter.NotesAfterSentences(firms[k].scope, ws.record_notes);
        ws.notes = ws.record_notes;
        ws.record_text.clear();
        AppendWithoutNotes(firms[k].scope, ws.notes, ws.record_text);
        ws.full_hits.clear();
        QQ_RETURN_IF_ERROR(matcher->Scan(ws.record_text, *ws.scratch, ws.full_hits));
        SortByEnd(ws.full_hits);
        ShiftPastNotes(ws.notes, ws.full_hits.data(), ws.full_hits.size());
        ws.scanned = ws.record_text;
        hits = ws.full_hits.data();
        n = ws.full_hits.size();
      }
      QQ_RETURN_IF_ERROR(Classify(firms[k], hits, n, ws, results[k], true));
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

ItemReuse Tagger::ItemReuseSoFar() const {
  ItemReuse out;
  std::lock_guard<std::mutex> lock(impl_->pool_mu);
  for (const auto& ws : impl_->pool) {
    if (!ws->piece_cache) continue;
    out.items += ws->piece_cache->pieces();
    out.reused += ws->piece_cache->reused();
  }
  return out;
}

std::vector<std::string> Tagger::DictionaryForms() const {
  std::vector<std::string> out;
  for (size_t i = 0; i < impl_->patterns.size(); ++i) {
    if (impl_->patterns[i].chain_term) out.push_back(impl_->pattern_texts[i]);
  }
  return out;
}

Result<Tagger> Tagger::Create(const std::vector<Chain>& chains, const TaggerRules& rules,
                              TaggerOptions options) {
  if (chains.empty())
    return Status::InvalidArgument("the tagger needs at least one chain template");
  if (chains.size() > kMaxChains) {
    return Status::InvalidArgument("the tagger handles at most " + std::to_string(kMaxChains) +
                                   " chain templates");
  }
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
    ChainSet targets = 0;
    for (uint16_t y : impl->yields_to[c]) targets |= ChainBit(y);
    if (targets) impl->yield_rules.emplace_back(static_cast<uint16_t>(c), targets);
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
    for (Role r : proles[i]) {
      if (r.kind == kKeyword || r.kind == kWeak || r.kind == kExclude || r.kind == kOperation)
        r.service = impl->link_service[r.chain][r.link] != 0;
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
    impl->patterns.push_back(p);
    HotPattern hp;
    hp.length = p.length;
    hp.bits = p.bits;
    hp.forced_bits = p.forced_bits;
    hp.flags = static_cast<uint8_t>(
        (p.chain_term ? kFlagChainTerm : 0) | (p.strong_term ? kFlagStrongTerm : 0) |
        (p.production ? kFlagProduction : 0) | (p.only_exclude ? kFlagOnlyExclude : 0) |
        (p.has_exclude ? kFlagHasExclude : 0) | (p.check_left ? kFlagCheckLeft : 0) |
        (p.check_right ? kFlagCheckRight : 0));
    impl->hot.push_back(hp);
    mp.push_back({text, true});
  }
  impl->patterns_cross_items = false;
  for (const auto& text : impl->pattern_texts) {
    for (const auto* list : {&rules.item_separators, &rules.sentence_separators}) {
      for (const auto& sep : *list)
        impl->patterns_cross_items |= text.find(sep) != std::string::npos;
    }
  }
  if (options.reuse_item_matches) {
    // PieceCache's contract: cut only at characters no pattern contains. Candidates are the
    // newline between the records of a block and the item, sentence and header separators.
    std::vector<std::string> candidates = {"\n"};
    for (const auto* list :
         {&rules.item_separators, &rules.sentence_separators, &rules.header_marks}) {
      candidates.insert(candidates.end(), list->begin(), list->end());
    }
    for (const auto& sep : candidates) {
      const auto& texts = impl->pattern_texts;
      if (std::none_of(texts.begin(), texts.end(), [&](const std::string& text) {
            return text.find(sep) != std::string::npos;
          })) {
        impl->piece_separators.push_back(sep);
      }
    }
  }
  {
    std::vector<std::string> folded;
    for (const auto& t : impl->pattern_texts) folded.push_back(AsciiLower(t));
    std::sort(folded.begin(), folded.end());
    impl->patterns_distinct = std::adjacent_find(folded.begin(), folded.end()) == folded.end();
  }
  const std::vector<uint8_t> lazy = impl->LazyExclusionPatterns();
  if (std::find(lazy.begin(), lazy.end(), 1) == lazy.end()) {
    QQ_ASSIGN_OR_RETURN(impl->matcher, CompileMatcher(mp));
  } else {
    std::vector<MatcherPattern> main, excl;
    std::vector<std::pair<uint16_t, uint16_t>> lazy_links;
    for (size_t i = 0; i < mp.size(); ++i) {
      (lazy[i] ? excl : main).push_back({mp[i].text, mp[i].caseless, static_cast<uint32_t>(i)});
      if (!lazy[i]) continue;
      for (uint32_t r = impl->patterns[i].roles_begin; r < impl->patterns[i].roles_end; ++r)
        lazy_links.emplace_back(impl->roles[r].chain, impl->roles[r].link);
    }
    for (Role& r : impl->roles) {
      r.lazy_exclusions = (r.kind == kKeyword || r.kind == kWeak || r.kind == kOperation) &&
                          std::find(lazy_links.begin(), lazy_links.end(),
                                    std::pair{r.chain, r.link}) != lazy_links.end();
    }
    QQ_ASSIGN_OR_RETURN(impl->matcher, CompileMatcher(main));
    QQ_ASSIGN_OR_RETURN(impl->excl_matcher, CompileMatcher(excl));
    QQ_ASSIGN_OR_RETURN(impl->full_matcher, CompileMatcher(mp));
  }
  for (const PatternInfo& p : impl->patterns) {
    impl->chain_roles_begin.push_back(static_cast<uint32_t>(impl->chain_roles.size()));
    for (uint32_t r = p.roles_begin; r < p.roles_end; ++r) {
      const Role& role = impl->roles[r];
      if (role.kind == kKeyword || role.kind == kWeak || role.kind == kOperation)
        impl->chain_roles.push_back(role);
    }
  }
  impl->chain_roles_begin.push_back(static_cast<uint32_t>(impl->chain_roles.size()));

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
      std::vector<char32_t> form_chars;
      std::vector<size_t> offsets;
      bool all_cjk = true;
      for (size_t b = 0; b < text.size();) {
        size_t len;
        char32_t cp = DecodeUtf8(text, b, &len);
        all_cjk &= IsCjk(cp);
        form_chars.push_back(cp);
        offsets.push_back(b);
        b += len;
      }
      const int chars = static_cast<int>(form_chars.size());
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
      form.chars = static_cast<uint32_t>(impl->typo_chars.size());
      form.size = static_cast<uint32_t>(chars);
      impl->typo_chars.insert(impl->typo_chars.end(), form_chars.begin(), form_chars.end());
      impl->typo_forms.push_back(form);
    }
    // Group the forms by first character, keeping pattern order within a group.
    auto first = [&](const Impl::TypoForm& f) { return impl->typo_chars[f.chars] - kCjkFirst; };
    std::stable_sort(impl->typo_forms.begin(), impl->typo_forms.end(),
                     [&](const auto& a, const auto& b) { return first(a) < first(b); });
    impl->typo_first.assign(kCjkCount + 1, 0);
    for (const auto& f : impl->typo_forms) ++impl->typo_first[first(f) + 1];
    for (uint32_t c = 0; c < kCjkCount; ++c) impl->typo_first[c + 1] += impl->typo_first[c];
  }
  if (impl->typo_first.empty()) impl->typo_first.assign(kCjkCount + 1, 0);

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
  // Every code's effect, resolved once.
  impl->code_table.resize(kCodeEntries);
  std::vector<ChainAcc> acc;
  for (int len = 2; len <= 4; ++len) {
    for (int value = 0; value < Pow10(len); ++value) {
      acc.assign(chains.size(), ChainAcc{});
      CodeEntry& entry =
          impl->code_table[static_cast<size_t>(kCodeBase[len]) + static_cast<size_t>(value)];
      impl->ResolveCode(len, value, acc, &entry.no_chain);
      entry.effects_begin = static_cast<uint32_t>(impl->code_effects.size());
      for (size_t c = 0; c < chains.size(); ++c) {
        if (!acc[c].code && !acc[c].hint) continue;
        impl->code_effects.push_back({static_cast<uint16_t>(c),
                                      static_cast<int16_t>(acc[c].code ? acc[c].code_link : -1),
                                      static_cast<int16_t>(acc[c].hint ? acc[c].hint_link : -1)});
      }
      entry.effects = static_cast<uint16_t>(impl->code_effects.size() - entry.effects_begin);
    }
  }
  return Tagger(std::move(impl));
}

}  // namespace qq::tagger

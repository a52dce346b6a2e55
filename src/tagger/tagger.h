// Tagger: places a firm on the links of the industrial chains from its 经营范围 and industry
// code, following the membership conventions of CHAINS.md (docs/tagger.md explains the method).
//
//   auto tagger = Tagger::Create(chains, rules);          // once: compiles one matcher
//   TagResult r = tagger->Tag({name, scope, code});       // any thread
//   tagger->TagBatch(firms, results);                     // many records per scan
//
// Every chain template's keywords, weak terms and exclusions, in Simplified and Traditional
// forms, and the general vocabulary of data/tagger/rules.toml, are compiled into ONE
// multi-pattern matcher. A scan yields a list of matches; the per-record logic works on that
// list and cuts the scope into items only where matches are.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/chain.h"
#include "core/status.h"
#include "tagger/rules.h"

namespace qq::tagger {

// One firm's text. The tagger does not read `name` (CHAINS.md G1: activity, not name).
struct FirmText {
  std::string_view name;
  std::string_view scope;  // 经营范围
  std::string_view
      industry_code;  // GB/T 4754-2017, 2–4 digits, optionally letter-prefixed; may be empty
};

enum class EvidenceRule : uint8_t {
  kCode,       // the industry code is one of the link's `codes`
  kHintCode,   // the industry code is one of the link's `hint_codes` (or a 中类 above its codes)
  kKeyword,    // a keyword in a production item
  kWeak,       // a weak term in a production item
  kOperation,  // an operation term of rules.toml ([[operation]])
  kTypo,       // a keyword read through one wrong character (fallback)
  kImplied,    // the chain is implied by another chain (template `implies`)
};
const char* EvidenceRuleName(EvidenceRule rule);  // "code", "hint_code", "keyword", …

enum class EvidenceField : uint8_t { kScope, kCode, kChain };
const char* EvidenceFieldName(EvidenceField field);  // "scope", "code", "chain"

// A piece of evidence that counted towards a tag.
struct Evidence {
  uint16_t chain = 0;  // index into Tagger::chains()
  int16_t link = -1;   // index into that chain's links; -1 for an implied chain
  EvidenceRule rule = EvidenceRule::kKeyword;
  EvidenceField field = EvidenceField::kScope;
  int32_t term = -1;          // Tagger::TermText id; -1 for a code (the field's text) or kImplied
  uint16_t source_chain = 0;  // kImplied: the chain that implies this one
  uint32_t offset = 0;        // bytes into the field
  uint32_t length = 0;        // bytes
  float weight = 0;
};

struct LinkRef {
  uint16_t chain = 0;
  uint16_t link = 0;
};

struct TagResult {
  std::vector<uint16_t> chains;     // tagged chains, in display order
  std::vector<float> chain_scores;  // parallel to `chains`
  std::vector<LinkRef> links;       // links with counted evidence, in chain then link order
  std::vector<Evidence> evidence;   // in chain order
  double score = 0;                 // the highest chain score (0 for a firm in no chain)

  // Empties the result, keeping capacity (so reused results do not allocate).
  void Clear();
};

struct TaggerOptions {
  // TagBatch remembers the matches of each item it has scanned (PieceCache) and does not scan a
  // recurring item again. Results are the same either way; off, every item is scanned.
  bool reuse_item_matches = true;
};

// How often TagBatch found an item's matches in its cache (TaggerOptions::reuse_item_matches).
struct ItemReuse {
  uint64_t items = 0;   // items of the texts scanned in blocks
  uint64_t reused = 0;  // …whose matches were remembered
};

class Tagger {
 public:
  // Compiles `chains` (as loaded by ingest::LoadChainTemplates) and `rules`. Returns
  // InvalidArgument if there are no chains or more than 64, if a rule names an unknown chain or
  // link, or if a term cannot be compiled; FailedPrecondition if OpenCC's data is missing.
  static Result<Tagger> Create(const std::vector<Chain>& chains, const TaggerRules& rules,
                               TaggerOptions options = {});
  Tagger(Tagger&&) noexcept;
  Tagger& operator=(Tagger&&) noexcept;
  ~Tagger();

  // Tags one firm. Thread-safe: each thread borrows its own scratch space.
  TagResult Tag(const FirmText& firm) const;
  void Tag(const FirmText& firm, TagResult& out) const;

  // Tags `firms` with one scan per block of records (large blocks cut at record ends), writing
  // results[i] for firms[i]; `results` is resized and its elements reused. Thread-safe. Returns
  // Internal only if the matcher fails.
  Status TagBatch(std::span<const FirmText> firms, std::vector<TagResult>& results) const;

  const std::vector<Chain>& chains() const;
  // The dictionary term (as written in the template or rules, Simplified) for an evidence id.
  std::string_view TermText(int32_t term) const;
  // Every form of every chain keyword, weak term and operation term that is compiled (for
  // exporting the dictionary to benchmark peers), without duplicates.
  std::vector<std::string> DictionaryForms() const;
  // Number of patterns in the main matcher.
  size_t PatternCount() const;
  // Item reuse so far, over the batches that have returned.
  ItemReuse ItemReuseSoFar() const;

 private:
  struct Impl;
  explicit Tagger(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace qq::tagger

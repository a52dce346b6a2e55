// ScopeSegmenter: cuts a 经营范围 into items, the unit the tagger judges (CHAINS.md G2–G7).
//
//   一般项目：钢压延加工；螺纹钢、盘条生产；金属材料销售（不含危险化学品）。（除依法…）许可项目：…
//   `------header` `--item 0--' `-obj-' `-obj-' `--item 2 ---+--negated--'  `note (ignored)'
//
// Items end at an item separator (；; ，,) or a sentence separator (。) outside brackets. Text
// before a colon (：:) outside brackets is a header (一般项目, 生产、销售) that governs the items
// after it up to the next header or sentence end. A bracket group at the very start of an item
// is a note (the registry's 依法须经批准… formula) and is skipped; a bracket group after content
// belongs to its item, and a clause in it that opens with a negation (不含, 除, 非 …) is
// negated: terms there do not count for the item. Objects are the parts of an item between
// object separators (、) outside brackets.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "tagger/rules.h"
#include "tagger/text_normalizer.h"

namespace qq::tagger {

struct ScopeItem {
  uint32_t begin = 0, end = 0;  // content bytes (after any note and header)
  int32_t header = -1;          // index into Segmentation::headers governing it, or -1
  uint32_t objects_begin =
      0;  // this item's object starts: Segmentation::object_starts[objects_begin, objects_end)
  uint32_t objects_end = 0;
};

struct ByteSpan {
  uint32_t begin = 0, end = 0;
};

// The result of one segmentation; reuse it across calls to avoid allocations.
struct Segmentation {
  std::vector<ScopeItem> items;         // non-empty items in order (index = leading position)
  std::vector<ByteSpan> headers;        // header texts (before the colon)
  std::vector<uint32_t> object_starts;  // start byte of each object, per item (see ScopeItem)
  std::vector<ByteSpan> negated;        // negated bracket clauses, in order
  std::vector<ByteSpan> notes;          // skipped note brackets, in order
  bool truncated = false;               // Segment stopped before the end (see stop_after)

  void Clear() {
    items.clear();
    headers.clear();
    object_starts.clear();
    negated.clear();
    notes.clear();
    truncated = false;
  }
  // The item containing [begin, end), or -1 (in a header, note or between items). `hint` is a
  // starting guess (the previous answer) for sequential lookups.
  int ItemOf(uint32_t begin, uint32_t end, int hint = 0) const;
  // The object (0-based, within its item) containing byte `pos` of item `item`.
  int ObjectOf(int item, uint32_t pos) const;
  bool IsNegated(uint32_t begin, uint32_t end) const;
};

class ScopeSegmenter {
 public:
  // Builds the character tables from the [segmentation] and [negation] openers of `rules`.
  static Result<ScopeSegmenter> Create(const TaggerRules& rules);

  // Appends to `out` the notes that follow a sentence separator (。（除依法须经批准的项目外…）):
  // balanced bracket groups right after 。. Segment skips them anyway; the tagger leaves them out
  // of the text it scans, which is a third of a typical registry scope.
  void NotesAfterSentences(std::string_view scope, std::vector<ByteSpan>& out) const;

  // Segments `scope` into `out` (cleared first). Never fails: unbalanced brackets close at the
  // end of the text. With `stop_after` < scope.size(), stops at the end of the item that
  // contains byte `stop_after` (or the first item ending after it), and with `max_items`, once
  // that many items are closed; either sets out.truncated when text is left. The tagger segments
  // only as far as its matches reach.
  void Segment(std::string_view scope, Segmentation& out, uint32_t stop_after = UINT32_MAX,
               uint32_t max_items = UINT32_MAX) const;

 private:
  enum Role : uint8_t { kNone, kItemSep, kSentenceSep, kObjectSep, kOpen, kClose, kHeaderMark };
  Role RoleOf(char32_t cp) const;
  // The role of the character at `p` and its length in bytes.
  Role RoleAt(std::string_view scope, size_t p, size_t* len) const {
    const auto c = static_cast<unsigned char>(scope[p]);
    if (c < 0x80) {
      *len = 1;
      return ascii_roles_[c];
    }
    const char32_t cp = DecodeUtf8(scope, p, len);
    if (wide_collision_) return RoleOf(cp);
    const WideRole& slot = wide_roles_[WideSlot(cp)];
    return slot.cp == cp ? slot.role : kNone;
  }
  bool OpensNegation(std::string_view scope, size_t pos) const;
  // The first position >= p holding a separator's first byte (or scope.size()).
  uint32_t NextInteresting(std::string_view scope, uint32_t p) const;
  // The first position >= p holding a bracket's first byte (or scope.size()).
  size_t NextBracketLead(std::string_view scope, size_t p) const;

  // Separator characters and their roles, in rule order (a character's first entry wins).
  std::vector<std::pair<char32_t, Role>> roles_;
  Role ascii_roles_[128] = {};  // the roles of ASCII characters
  // The roles of the other characters, by a hash of the code point (WideSlot); when two share a
  // slot RoleOf searches roles_.
  struct WideRole {
    char32_t cp = 0;
    Role role = kNone;
  };
  static constexpr size_t kWideSlots = 64;
  static size_t WideSlot(char32_t cp) { return (cp * 2654435761u) >> 26; }
  WideRole wide_roles_[kWideSlots] = {};
  bool wide_collision_ = false;
  bool interesting_lead_[256] = {};
  std::vector<unsigned char> wide_leads_;  // non-ASCII first bytes of separator characters
  bool bracket_lead_[256] = {};            // first bytes of bracket characters
  std::vector<unsigned char> bracket_leads_;
  std::vector<std::string> openers_;
  std::vector<std::string> sentence_separators_;
};

}  // namespace qq::tagger

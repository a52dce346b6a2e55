// One pass over the bytes of a scope; only lead bytes of separator characters are decoded.
#include "tagger/scope_segmenter.h"

#include <algorithm>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "tagger/text_normalizer.h"

namespace qq::tagger {
namespace {

// The first position in [from, to) where `needle` starts and fits in `s`, or `to`. 16 bytes at a
// time: a candidate must have the needle's first and last byte in place (。 and 、 share their
// first byte, which is frequent in Chinese text).
size_t FindLiteral(std::string_view s, std::string_view needle, size_t from, size_t to) {
  const size_t m = needle.size();
  if (m == 0 || s.size() < m) return to;
  const size_t end = std::min(to, s.size() - m + 1);  // starts before `end` fit in `s`
  const char* d = s.data();
  size_t i = from;
#if defined(__SSE2__)
  if (m >= 2) {
    const __m128i first = _mm_set1_epi8(needle[0]);
    const __m128i last = _mm_set1_epi8(needle[m - 1]);
    for (; i + 16 <= end; i += 16) {
      const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + i));
      const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + i + m - 1));
      auto mask = static_cast<unsigned>(
          _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last))));
      while (mask) {
        const size_t at = i + static_cast<size_t>(__builtin_ctz(mask));
        size_t k = 1;  // first and last byte are in place
        while (k + 1 < m && d[at + k] == needle[k]) ++k;
        if (k + 1 >= m) return at;
        mask &= mask - 1;
      }
    }
  }
#endif
  for (; i < end; ++i) {
    if (d[i] == needle[0] && std::memcmp(d + i, needle.data(), m) == 0) return i;
  }
  return to;
}

}  // namespace

int Segmentation::ItemOf(uint32_t begin, uint32_t end, int hint) const {
  int n = static_cast<int>(items.size());
  int i = std::clamp(hint, 0, std::max(0, n - 1));
  while (i > 0 && items[static_cast<size_t>(i)].begin > begin) --i;
  while (i < n && items[static_cast<size_t>(i)].end < end) ++i;
  if (i < n && items[static_cast<size_t>(i)].begin <= begin &&
      end <= items[static_cast<size_t>(i)].end)
    return i;
  return -1;
}

int Segmentation::ObjectOf(int item, uint32_t pos) const {
  const ScopeItem& it = items[static_cast<size_t>(item)];
  int k = 0;
  for (uint32_t o = it.objects_begin + 1; o < it.objects_end && object_starts[o] <= pos; ++o) ++k;
  return k;
}

bool Segmentation::IsNegated(uint32_t begin, uint32_t end) const {
  for (const auto& s : negated) {
    if (s.begin > begin) break;
    if (begin >= s.begin && end <= s.end) return true;
  }
  return false;
}

Result<ScopeSegmenter> ScopeSegmenter::Create(const TaggerRules& rules) {
  ScopeSegmenter s;
  auto add = [&](const std::vector<std::string>& list, Role role) {
    for (const auto& ch : list) {
      size_t len;
      char32_t cp = DecodeUtf8(ch, 0, &len);
      s.roles_.emplace_back(cp, role);
      auto lead = static_cast<unsigned char>(ch[0]);
      s.interesting_lead_[lead] = true;
      if (lead >= 0x80 &&
          std::find(s.wide_leads_.begin(), s.wide_leads_.end(), lead) == s.wide_leads_.end()) {
        s.wide_leads_.push_back(lead);
      }
    }
  };
  add(rules.item_separators, kItemSep);
  add(rules.sentence_separators, kSentenceSep);
  add(rules.object_separators, kObjectSep);
  add(rules.open_brackets, kOpen);
  add(rules.close_brackets, kClose);
  for (const auto* list : {&rules.open_brackets, &rules.close_brackets}) {
    for (const auto& ch : *list) {
      auto lead = static_cast<unsigned char>(ch[0]);
      if (!s.bracket_lead_[lead]) s.bracket_leads_.push_back(lead);
      s.bracket_lead_[lead] = true;
    }
  }
  add(rules.header_marks, kHeaderMark);
  for (const auto& [cp, role] : s.roles_) {
    if (cp < 0x80) {
      if (s.ascii_roles_[cp] == kNone) s.ascii_roles_[cp] = role;
      continue;
    }
    WideRole& slot = s.wide_roles_[WideSlot(cp)];
    if (slot.role == kNone) slot = {cp, role};
    s.wide_collision_ |= slot.cp != cp;
  }
  s.openers_ = rules.negation_openers;
  s.sentence_separators_ = rules.sentence_separators;
  return s;
}

ScopeSegmenter::Role ScopeSegmenter::RoleOf(char32_t cp) const {
  for (const auto& [c, r] : roles_) {
    if (c == cp) return r;
  }
  return kNone;
}

bool ScopeSegmenter::OpensNegation(std::string_view scope, size_t pos) const {
  for (const auto& o : openers_) {
    if (scope.size() - pos >= o.size() && std::memcmp(scope.data() + pos, o.data(), o.size()) == 0)
      return true;
  }
  return false;
}

uint32_t ScopeSegmenter::NextInteresting(std::string_view scope, uint32_t p) const {
  const auto n = static_cast<uint32_t>(scope.size());
  const auto* d = reinterpret_cast<const unsigned char*>(scope.data());
#if defined(__SSE2__)
  // 16 bytes at a time: candidates are ASCII bytes and the non-ASCII lead bytes of separator
  // characters (0xE3 for 。、, 0xEF for full-width forms); neither can be a continuation byte.
  while (p + 16 <= n) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + p));
    __m128i hit = _mm_cmpgt_epi8(v, _mm_set1_epi8(-1));  // ASCII
    for (unsigned char b : wide_leads_)
      hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(b))));
    auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
    while (mask) {
      uint32_t at = p + static_cast<uint32_t>(__builtin_ctz(mask));
      if (interesting_lead_[d[at]]) return at;
      mask &= mask - 1;
    }
    p += 16;
  }
#endif
  while (p < n && !interesting_lead_[d[p]]) ++p;
  return p;
}

size_t ScopeSegmenter::NextBracketLead(std::string_view scope, size_t p) const {
  const size_t n = scope.size();
  const auto* d = reinterpret_cast<const unsigned char*>(scope.data());
#if defined(__SSE2__)
  while (p + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + p));
    __m128i hit = _mm_setzero_si128();
    for (unsigned char b : bracket_leads_)
      hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(b))));
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (mask) return p + static_cast<size_t>(__builtin_ctz(mask));
    p += 16;
  }
#endif
  while (p < n && !bracket_lead_[d[p]]) ++p;
  return p;
}

void ScopeSegmenter::NotesAfterSentences(std::string_view scope, std::vector<ByteSpan>& out) const {
  const size_t n = scope.size();
  const char* d = scope.data();
  size_t pos = 0;
  while (pos < n) {
    // The next sentence separator: memchr on its first byte, which is rare in Chinese text.
    size_t best = n, best_len = 0;
    for (const auto& sep : sentence_separators_) {
      const size_t at = FindLiteral(scope, sep, pos, best);
      if (at < best) {
        best = at;
        best_len = sep.size();
      }
    }
    if (best >= n) return;
    const size_t open = best + best_len;
    pos = open;
    if (open >= n) return;
    size_t len;
    if (RoleAt(scope, open, &len) != kOpen) continue;
    int depth = 0;
    size_t q = open;
    while (q < n) {
      auto lead = static_cast<unsigned char>(d[q]);
      if (!bracket_lead_[lead]) {
        q = NextBracketLead(scope, q);
        continue;
      }
      Role role = RoleAt(scope, q, &len);
      q += len;
      if (role == kOpen) ++depth;
      if (role == kClose && --depth == 0) break;
    }
    if (depth != 0) return;  // unbalanced: leave the rest alone
    out.push_back({static_cast<uint32_t>(open), static_cast<uint32_t>(q)});
    pos = q;
  }
}

void ScopeSegmenter::Segment(std::string_view scope, Segmentation& out, uint32_t stop_after,
                             uint32_t max_items) const {
  out.Clear();
  const auto n = static_cast<uint32_t>(scope.size());
  uint32_t content = 0;  // where the current item's content starts
  int32_t header = -1;   // header governing the current sentence
  int depth = 0;
  uint32_t open_at = 0;       // position of the outermost open bracket
  bool note = false;          // the outermost bracket group is a leading note
  int32_t negated_open = -1;  // start of the negated clause being read, or -1
  uint32_t object_start = 0;
  size_t objects_mark = out.object_starts.size();
  out.object_starts.push_back(0);

  auto trim_start = [&](uint32_t p) {
    while (p < n && (scope[p] == ' ' || scope[p] == '\t')) ++p;
    return p;
  };
  auto close_item = [&](uint32_t end) {
    uint32_t b = trim_start(content);
    if (b < end) {
      ScopeItem it;
      it.begin = b;
      it.end = end;
      it.header = header;
      it.objects_begin = static_cast<uint32_t>(objects_mark);
      it.objects_end = static_cast<uint32_t>(out.object_starts.size());
      out.object_starts[objects_mark] = b;
      out.items.push_back(it);
      objects_mark = out.object_starts.size();
      out.object_starts.push_back(0);
    } else {
      out.object_starts.resize(objects_mark + 1);
    }
  };
  content = trim_start(0);
  object_start = content;
  (void)object_start;
  uint32_t p = 0;
  while (p < n) {
    auto lead = static_cast<unsigned char>(scope[p]);
    if (!interesting_lead_[lead]) {
      p = NextInteresting(scope, p + 1);
      continue;
    }
    size_t len;
    const Role role = RoleAt(scope, p, &len);
    const uint32_t next = p + static_cast<uint32_t>(len);
    switch (role) {
      case kNone:
        break;
      case kOpen:
        if (depth == 0) {
          open_at = p;
          note = p == trim_start(content);
          if (!note && OpensNegation(scope, next)) negated_open = static_cast<int32_t>(p);
        }
        ++depth;
        break;
      case kClose:
        if (depth > 0 && --depth == 0) {
          if (note) {
            out.notes.push_back({open_at, next});
            content = trim_start(next);
            note = false;
          }
          if (negated_open >= 0) {
            out.negated.push_back({static_cast<uint32_t>(negated_open), next});
            negated_open = -1;
          }
        }
        break;
      case kItemSep:
      case kSentenceSep:
        if (depth == 0) {
          close_item(p);
          content = trim_start(next);
          if (role == kSentenceSep) header = -1;
          if ((p >= stop_after || out.items.size() >= max_items) && next < n) {
            out.truncated = true;
            out.object_starts.resize(objects_mark);
            return;
          }
        } else if (!note) {
          // A clause inside brackets: 氢气、氧气，不带储存设施 — the part after the comma may be
          // negated.
          if (negated_open >= 0) out.negated.push_back({static_cast<uint32_t>(negated_open), p});
          negated_open = OpensNegation(scope, next) ? static_cast<int32_t>(p) : -1;
        }
        break;
      case kObjectSep:
        if (depth == 0 && p >= content) out.object_starts.push_back(next);
        break;
      case kHeaderMark:
        if (depth == 0) {
          out.headers.push_back({trim_start(content), p});
          header = static_cast<int32_t>(out.headers.size() - 1);
          content = trim_start(next);
          out.object_starts.resize(objects_mark + 1);
        }
        break;
    }
    p = next;
  }
  if (depth > 0) {
    if (note) out.notes.push_back({open_at, n});
    if (negated_open >= 0) out.negated.push_back({static_cast<uint32_t>(negated_open), n});
    if (note) content = n;
  }
  close_item(n);
  out.object_starts.resize(objects_mark);
  std::sort(out.negated.begin(), out.negated.end(),
            [](const ByteSpan& a, const ByteSpan& b) { return a.begin < b.begin; });
}

}  // namespace qq::tagger

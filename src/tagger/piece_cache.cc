#include "tagger/piece_cache.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "tagger/text_hash.h"

namespace qq::tagger {
namespace {

// Longer pieces are scanned every time: they are rarely standard phrases, and a long text is
// cheap to scan per byte compared with its share of the cache.
constexpr size_t kMaxCachedPiece = 1024;

}  // namespace

PieceCache::PieceCache(std::vector<std::string> separators, size_t max_bytes)
    : separators_(std::move(separators)), max_bytes_(max_bytes) {
  // (Cutting at fewer separators than given is still exact, only coarser.)
  constexpr size_t kMaxEach = 8;
  for (const auto& s : separators_) {
    if (s.empty() || s.size() > 4) continue;
    const auto lead = static_cast<unsigned char>(s[0]);
    if (s.size() == 1) {
      if (lead >= 0x80 || ascii_separator_[lead] || ascii_leads_.size() == kMaxEach) continue;
      ascii_separator_[lead] = true;
      ascii_leads_.push_back(lead);
    } else {
      if (wide_.size() == kMaxEach) continue;
      Wide w;
      std::memcpy(&w.bytes, s.data(), s.size());
      std::memset(&w.mask, 0xFF, s.size());
      w.length = static_cast<uint32_t>(s.size());
      w.first = lead;
      w.third = s.size() >= 3 ? static_cast<unsigned char>(s[2]) : 0;
      if (std::any_of(wide_.begin(), wide_.end(),
                      [&](const Wide& o) { return o.bytes == w.bytes && o.length == w.length; })) {
        continue;
      }
      wide_.push_back(w);
    }
    if (std::find(leads_.begin(), leads_.end(), lead) == leads_.end()) leads_.push_back(lead);
  }
  size_t slots = 1024;
  while (slots * 2 * sizeof(Slot) <= max_bytes_ / 8) slots *= 2;
  slots_.assign(slots, Slot{});
}

namespace {

// a[0, n) == b[0, n), word by word (pieces are short: a library call costs more than it saves).
bool SameBytes(const char* a, const char* b, size_t n) {
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t x, y;
    std::memcpy(&x, a + i, 8);
    std::memcpy(&y, b + i, 8);
    if (x != y) return false;
  }
  for (; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

}  // namespace

namespace {

uint32_t TagOf(uint64_t hash) { return static_cast<uint32_t>(hash >> 32) | 1; }

}  // namespace

int32_t PieceCache::Find(const char* text, size_t length, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  const uint32_t tag = TagOf(hash);
  for (size_t s = hash & mask;; s = (s + 1) & mask) {
    const Slot& slot = slots_[s];
    if (slot.tag == 0) return -1;
    if (slot.tag == tag && slot.length == length) {
      const auto* stored =
          reinterpret_cast<const char*>(arena_.data() + slot.entry + slot.hit_count);
      if (SameBytes(stored, text, length)) return static_cast<int32_t>(s);
    }
  }
}

void PieceCache::Clear() {
  std::fill(slots_.begin(), slots_.end(), Slot{});
  used_ = 0;
  arena_.clear();
}

void PieceCache::Insert(std::string_view text, uint64_t hash, std::span<const MatchHit> hits,
                        uint32_t shift) {
  static_assert(sizeof(MatchHit) == sizeof(uint64_t));
  if (hits.size() > UINT16_MAX || text.size() > UINT16_MAX) return;
  const size_t words = hits.size() + (text.size() + 7) / 8;
  if ((used_ + 1) * 2 > slots_.size() || (arena_.size() + words) * 8 > max_bytes_ / 2) Clear();
  if (Find(text.data(), text.size(), hash) >= 0) return;  // the same piece twice in one call
  const size_t mask = slots_.size() - 1;
  size_t s = hash & mask;
  while (slots_[s].tag != 0) s = (s + 1) & mask;
  slots_[s] = {TagOf(hash), static_cast<uint32_t>(arena_.size()),
               static_cast<uint16_t>(text.size()), static_cast<uint16_t>(hits.size())};
  const size_t at = arena_.size();
  arena_.resize(at + words, 0);
  for (size_t k = 0; k < hits.size(); ++k) {
    const MatchHit h{hits[k].pattern, hits[k].end - shift};
    std::memcpy(&arena_[at + k], &h, sizeof h);
  }
  std::memcpy(&arena_[at + hits.size()], text.data(), text.size());
  ++used_;
}

inline size_t PieceCache::SeparatorAt(std::string_view text, size_t q) const {
  const auto b = static_cast<unsigned char>(text[q]);
  if (b < 0x80) return ascii_separator_[b] ? 1 : 0;
  uint32_t bytes = 0;  // up to four bytes in memory order (the rest zero), as Wide::bytes
  if (q + 4 <= text.size()) {
    std::memcpy(&bytes, text.data() + q, 4);  // a fixed size: no library call
  } else {
    std::memcpy(&bytes, text.data() + q, text.size() - q);
  }
  for (const Wide& w : wide_) {
    if ((bytes & w.mask) == w.bytes && q + w.length <= text.size()) return w.length;
  }
  return 0;
}

void PieceCache::AddPiece(std::string_view text, size_t begin, size_t end) {
  if (end <= begin) return;
  Piece piece;
  piece.begin = static_cast<uint32_t>(begin);
  piece.length = static_cast<uint32_t>(end - begin);
  if (piece.length <= kMaxCachedPiece) {
    piece.hash = HashText(text.data() + begin, piece.length);
  }
  pieces_of_call_.push_back(piece);
}

void PieceCache::CutIntoPieces(std::string_view text) {
  const size_t n = text.size();
  const auto* d = reinterpret_cast<const unsigned char*>(text.data());
  size_t start = 0, p = 0;
  auto candidate = [&](size_t q) {
    if (q < start) return;  // inside the separator just found
    if (const size_t len = SeparatorAt(text, q)) {
      AddPiece(text, start, q);
      start = q + len;
    }
  };
#if defined(__SSE2__)
  // Candidates, 16 bytes at a time: an ASCII separator, or a first byte of a wide separator with
  // a last byte of a three-byte one two bytes on (full-width brackets and 、 share the first byte
  // of ；，：。 but not their last). SeparatorAt confirms each.
  __m128i ascii[8], first[8], last[8];
  size_t n_ascii = 0, n_first = 0, n_last = 0;
  bool only_three = true;
  for (unsigned char b : ascii_leads_) ascii[n_ascii++] = _mm_set1_epi8(static_cast<char>(b));
  for (const Wide& w : wide_) {
    only_three &= w.length == 3;
    first[n_first++] = _mm_set1_epi8(static_cast<char>(w.first));
    last[n_last++] = _mm_set1_epi8(static_cast<char>(w.third));
  }
  for (; p + 16 + 2 <= n; p += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + p));
    __m128i hit = _mm_setzero_si128();
    for (size_t k = 0; k < n_ascii; ++k) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, ascii[k]));
    if (n_first) {
      __m128i f = _mm_setzero_si128();
      for (size_t k = 0; k < n_first; ++k) f = _mm_or_si128(f, _mm_cmpeq_epi8(v, first[k]));
      if (only_three) {
        const __m128i v2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + p + 2));
        __m128i l = _mm_setzero_si128();
        for (size_t k = 0; k < n_last; ++k) l = _mm_or_si128(l, _mm_cmpeq_epi8(v2, last[k]));
        f = _mm_and_si128(f, l);
      }
      hit = _mm_or_si128(hit, f);
    }
    for (auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit)); mask; mask &= mask - 1)
      candidate(p + static_cast<size_t>(__builtin_ctz(mask)));
  }
#endif
  for (; p < n; ++p) {
    if (std::find(leads_.begin(), leads_.end(), d[p]) != leads_.end()) candidate(p);
  }
  AddPiece(text, start, n);
}

Status PieceCache::Scan(const Matcher& matcher, std::string_view text, MatcherScratch& scratch,
                        std::vector<MatchHit>& hits) {
  if (separators_.empty()) return matcher.Scan(text, scratch, hits);
  pieces_of_call_.clear();
  missed_.clear();
  pending_.clear();
  CutIntoPieces(text);
  // One pass: a piece found in the cache has its matches appended at once; a piece not found is
  // set aside (missed_, its text in pending_) with the place where its matches go.
  // A lookup reads a slot, then the piece's entry in the arena, each most likely a cache miss:
  // slots are fetched kAhead pieces ahead, entries kAhead / 2.
  constexpr size_t kAhead = 8;
  const size_t mask = slots_.size() - 1;
  const size_t n_pieces = pieces_of_call_.size();
  for (size_t i = 0; i < n_pieces && i < kAhead; ++i)
    __builtin_prefetch(&slots_[pieces_of_call_[i].hash & mask]);
  for (size_t i = 0; i < n_pieces; ++i) {
    Piece& piece = pieces_of_call_[i];
    if (i + kAhead < n_pieces) __builtin_prefetch(&slots_[pieces_of_call_[i + kAhead].hash & mask]);
    if (i + kAhead / 2 < n_pieces) {
      const Slot& ahead = slots_[pieces_of_call_[i + kAhead / 2].hash & mask];
      if (ahead.tag != 0) __builtin_prefetch(arena_.data() + ahead.entry);
    }
    const int32_t found = piece.length <= kMaxCachedPiece
                              ? Find(text.data() + piece.begin, piece.length, piece.hash)
                              : -1;
    if (found >= 0) {
      const Slot& slot = slots_[static_cast<size_t>(found)];
      const size_t out = hits.size();
      hits.resize(out + slot.hit_count);
      for (uint32_t k = 0; k < slot.hit_count; ++k) {
        MatchHit c;
        std::memcpy(static_cast<void*>(&c), &arena_[slot.entry + k], sizeof c);
        hits[out + k] = {c.pattern, c.end + piece.begin};
      }
      continue;
    }
    piece.scan_at = static_cast<uint32_t>(pending_.size());
    piece.out_at = hits.size();
    pending_.append(text.substr(piece.begin, piece.length));
    pending_ += separators_[0];  // keeps matches of two pieces apart
    missed_.push_back(static_cast<uint32_t>(i));
  }
  pieces_ += n_pieces;
  reused_ += n_pieces - missed_.size();
  if (missed_.empty()) return Status::Ok();

  pending_hits_.clear();
  QQ_RETURN_IF_ERROR(matcher.Scan(pending_, scratch, pending_hits_));
  // Each missed piece's share of pending_hits_ (sorted by end, pieces in order).
  miss_hits_.assign(missed_.size() + 1, 0);
  for (size_t m = 0, h = 0; m < missed_.size(); ++m) {
    const Piece& piece = pieces_of_call_[missed_[m]];
    while (h < pending_hits_.size() && pending_hits_[h].end <= piece.scan_at + piece.length) ++h;
    miss_hits_[m + 1] = static_cast<uint32_t>(h);
  }
  // Open the gaps, last piece first: what follows a missed piece moves right by the matches of
  // the missed pieces up to it, and its matches go in front.
  size_t src_end = hits.size();
  hits.resize(hits.size() + pending_hits_.size());
  size_t dst_end = hits.size();
  for (size_t m = missed_.size(); m-- > 0;) {
    const Piece& piece = pieces_of_call_[missed_[m]];
    const size_t tail = src_end - piece.out_at;
    dst_end -= tail;
    if (tail)
      std::memmove(hits.data() + dst_end, hits.data() + piece.out_at, tail * sizeof(MatchHit));
    src_end = piece.out_at;
    for (uint32_t h = miss_hits_[m + 1]; h-- > miss_hits_[m];) {
      hits[--dst_end] = {pending_hits_[h].pattern,
                         pending_hits_[h].end - piece.scan_at + piece.begin};
    }
  }
  // Remember the pieces just scanned.
  for (size_t m = 0; m < missed_.size(); ++m) {
    const Piece& piece = pieces_of_call_[missed_[m]];
    if (piece.length > kMaxCachedPiece) continue;
    Insert(text.substr(piece.begin, piece.length), piece.hash,
           std::span<const MatchHit>(pending_hits_)
               .subspan(miss_hits_[m], miss_hits_[m + 1] - miss_hits_[m]),
           piece.scan_at);
  }
  return Status::Ok();
}

}  // namespace qq::tagger

#include "tagger/piece_cache.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace qq::tagger {
namespace {

// Longer pieces are scanned every time: they are rarely standard phrases, and a long text is
// cheap to scan per byte compared with its share of the cache.
constexpr size_t kMaxCachedPiece = 1024;

}  // namespace

PieceCache::PieceCache(std::vector<std::string> separators, size_t max_bytes)
    : separators_(std::move(separators)), max_bytes_(max_bytes) {
  for (const auto& s : separators_) {
    const auto lead = static_cast<unsigned char>(s.empty() ? 0 : s[0]);
    if (s.empty() || s.size() > 4) continue;
    if (std::find(leads_.begin(), leads_.end(), lead) == leads_.end()) leads_.push_back(lead);
    if (s.size() == 1) {
      if (lead < 0x80) ascii_separator_[lead] = true;
      if (lead < 0x80) ascii_leads_.push_back(lead);
      continue;
    }
    Wide w;
    std::memcpy(&w.bytes, s.data(), s.size());
    w.length = static_cast<uint32_t>(s.size());
    wide_.push_back(w);
  }
  size_t slots = 1024;
  while (slots * 2 * sizeof(Slot) <= max_bytes_ / 8) slots *= 2;
  slots_.assign(slots, Slot{});
}

// FNV-1a over 8-byte words with a final mix; never 0 (0 marks an empty slot).
uint64_t PieceCache::Hash(const char* text, size_t length) {
  uint64_t h = 0xcbf29ce484222325ull ^ length;
  size_t i = 0;
  for (; i + 8 <= length; i += 8) {
    uint64_t w;
    std::memcpy(&w, text + i, 8);
    h = (h ^ w) * 0x100000001b3ull;
    h ^= h >> 29;
  }
  if (i < length) {  // the last 1–7 bytes as one word
    uint64_t w = 0;
    for (size_t k = 0; i + k < length; ++k)
      w |= uint64_t{static_cast<unsigned char>(text[i + k])} << (8 * k);
    h = (h ^ w) * 0x100000001b3ull;
  }
  h ^= h >> 32;
  return h | 1;
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

int32_t PieceCache::Find(const char* text, size_t length, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t s = hash & mask;; s = (s + 1) & mask) {
    const Slot& slot = slots_[s];
    if (slot.hash == 0) return -1;
    if (slot.hash == hash && slot.length == length &&
        SameBytes(texts_.data() + slot.text, text, length)) {
      return static_cast<int32_t>(s);
    }
  }
}

void PieceCache::Clear() {
  std::fill(slots_.begin(), slots_.end(), Slot{});
  used_ = 0;
  texts_.clear();
  cached_hits_.clear();
}

void PieceCache::Insert(std::string_view text, uint64_t hash, std::span<const MatchHit> hits,
                        uint32_t shift) {
  if ((used_ + 1) * 2 > slots_.size() || texts_.size() + text.size() > max_bytes_ / 2 ||
      (cached_hits_.size() + hits.size()) * sizeof(MatchHit) > max_bytes_ / 4) {
    Clear();
  }
  if (Find(text.data(), text.size(), hash) >= 0) return;  // the same piece twice in one call
  const size_t mask = slots_.size() - 1;
  size_t s = hash & mask;
  while (slots_[s].hash != 0) s = (s + 1) & mask;
  slots_[s] = {hash, static_cast<uint32_t>(texts_.size()), static_cast<uint32_t>(text.size()),
               static_cast<uint32_t>(cached_hits_.size()), static_cast<uint32_t>(hits.size())};
  texts_.append(text);
  for (const MatchHit& h : hits) cached_hits_.push_back({h.pattern, h.end - shift});
  ++used_;
}

inline size_t PieceCache::SeparatorAt(std::string_view text, size_t q) const {
  const auto b = static_cast<unsigned char>(text[q]);
  if (b < 0x80) return ascii_separator_[b] ? 1 : 0;
  uint32_t bytes = 0;
  if (q + 4 <= text.size()) {
    std::memcpy(&bytes, text.data() + q, 4);
  } else {
    for (size_t k = 0; q + k < text.size(); ++k)
      bytes |= uint32_t{static_cast<unsigned char>(text[q + k])} << (8 * k);
  }
  for (const Wide& w : wide_) {
    const uint32_t mask = w.length == 4 ? ~0u : (1u << (8 * w.length)) - 1;
    if ((bytes & mask) == w.bytes && q + w.length <= text.size()) return w.length;
  }
  return 0;
}

void PieceCache::AddPiece(std::string_view text, size_t begin, size_t end) {
  if (end <= begin) return;
  Piece piece;
  piece.begin = static_cast<uint32_t>(begin);
  piece.length = static_cast<uint32_t>(end - begin);
  if (piece.length <= kMaxCachedPiece) {
    piece.hash = Hash(text.data() + begin, piece.length);
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
    first[n_first++] = _mm_set1_epi8(static_cast<char>(w.bytes & 0xFF));
    last[n_last++] = _mm_set1_epi8(static_cast<char>((w.bytes >> 16) & 0xFF));
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
  pending_.clear();
  CutIntoPieces(text);
  size_t count = 0;  // matches of the pieces found in the cache
  // A lookup reads a slot, then the piece's text and matches in the arenas, each most likely a
  // cache miss: slots are fetched kAhead pieces ahead, arenas kAhead / 2.
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
      if (ahead.hash != 0) {
        __builtin_prefetch(texts_.data() + ahead.text);
        __builtin_prefetch(cached_hits_.data() + ahead.hits);
      }
    }
    ++pieces_;
    if (piece.length <= kMaxCachedPiece)
      piece.slot = Find(text.data() + piece.begin, piece.length, piece.hash);
    if (piece.slot >= 0) {
      ++reused_;
      count += slots_[static_cast<size_t>(piece.slot)].hit_count;
    } else {
      piece.scan_at = static_cast<uint32_t>(pending_.size());
      pending_.append(text.substr(piece.begin, piece.length));
      pending_ += separators_[0];  // keeps matches of two pieces apart
    }
  }
  pending_hits_.clear();
  if (!pending_.empty()) QQ_RETURN_IF_ERROR(matcher.Scan(pending_, scratch, pending_hits_));

  // Pieces in order, each one's matches in order: the text's matches in order of end.
  size_t out = hits.size();
  hits.resize(out + count + pending_hits_.size());
  size_t h = 0;
  for (const Piece& piece : pieces_of_call_) {
    if (piece.slot >= 0) {
      const Slot& slot = slots_[static_cast<size_t>(piece.slot)];
      const MatchHit* c = cached_hits_.data() + slot.hits;
      for (uint32_t k = 0; k < slot.hit_count; ++k)
        hits[out++] = {c[k].pattern, c[k].end + piece.begin};
      continue;
    }
    const uint32_t limit = piece.scan_at + piece.length;
    for (; h < pending_hits_.size() && pending_hits_[h].end <= limit; ++h)
      hits[out++] = {pending_hits_[h].pattern, pending_hits_[h].end - piece.scan_at + piece.begin};
  }
  hits.resize(out);
  // Remember the pieces just scanned (after the loop above: Insert may empty the cache).
  h = 0;
  for (const Piece& piece : pieces_of_call_) {
    if (piece.slot >= 0) continue;
    const uint32_t limit = piece.scan_at + piece.length;
    const size_t first = h;
    while (h < pending_hits_.size() && pending_hits_[h].end <= limit) ++h;
    if (piece.length <= kMaxCachedPiece) {
      Insert(text.substr(piece.begin, piece.length), piece.hash,
             std::span<const MatchHit>(pending_hits_).subspan(first, h - first), piece.scan_at);
    }
  }
  return Status::Ok();
}

}  // namespace qq::tagger

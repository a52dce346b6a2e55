// PieceCache: scans text through a Matcher, remembering the matches of each piece of it (the
// text between separator characters that no pattern contains), so that a piece seen before is
// not scanned again. Registry 经营范围 are written from standard phrases (the 经营范围登记规范表述
// of the market regulator): most items of a scope recur across millions of firms, and a scan
// spends most of its time reporting the matches of those phrases (技术服务、技术开发、…).
//
// Exact by construction: a match lies inside one piece (its pattern holds no separator), and a
// literal matcher's matches inside a piece depend on the piece's bytes alone. Scan therefore
// returns what Matcher::Scan returns on the same text, in the same order.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "tagger/matcher.h"

namespace qq::tagger {

class PieceCache {
 public:
  // `separators`: UTF-8 characters (1–4 bytes each) of which no pattern of the matchers this
  // cache is used with contains any; text is cut at the first eight one-byte and the first eight
  // longer ones. Memory stays under about `max_bytes`: the
  // cache empties itself when full.
  explicit PieceCache(std::vector<std::string> separators, size_t max_bytes = 4u << 20);

  // Appends to `hits` every match of `matcher` in `text`, in ascending order of end, as
  // matcher.Scan(text, scratch, hits) does. Always use the same matcher with one cache. Not
  // thread-safe: one cache per thread. Returns the matcher's error if its scan fails.
  Status Scan(const Matcher& matcher, std::string_view text, MatcherScratch& scratch,
              std::vector<MatchHit>& hits);

  uint64_t pieces() const { return pieces_; }  // pieces looked up so far
  uint64_t reused() const { return reused_; }  // …of which found in the cache

 private:
  // A cached piece. Its matches and then its text lie together in arena_ (one or two cache
  // lines: a lookup is bound by memory latency, not by arithmetic).
  struct Slot {
    uint32_t tag = 0;    // the hash's high half, never 0; 0: empty
    uint32_t entry = 0;  // index into arena_
    uint16_t length = 0, hit_count = 0;
  };
  struct Piece {
    uint32_t begin = 0, length = 0;
    uint64_t hash = 0;
    // A piece not found: its offset in pending_ and where its matches go in the output.
    uint32_t scan_at = 0;
    size_t out_at = 0;
  };
  int32_t Find(const char* text, size_t length, uint64_t hash) const;
  void Insert(std::string_view text, uint64_t hash, std::span<const MatchHit> hits, uint32_t shift);
  void Clear();
  // The length of the separator at text[q], or 0.
  size_t SeparatorAt(std::string_view text, size_t q) const;
  // Cuts `text` into pieces_of_call_ (hashed; slots not yet looked up).
  void CutIntoPieces(std::string_view text);
  void AddPiece(std::string_view text, size_t begin, size_t end);

  std::vector<std::string> separators_;
  bool ascii_separator_[128] = {};
  struct Wide {
    uint32_t bytes = 0;  // its bytes in memory order, as a word loaded from the text holds them
    uint32_t mask = 0;   // …and the part of such a word they fill
    uint32_t length = 0;
    unsigned char first = 0, third = 0;
  };
  std::vector<Wide> wide_;                  // the separators of 2–4 bytes
  std::vector<unsigned char> leads_;        // distinct first bytes of the separators
  std::vector<unsigned char> ascii_leads_;  // the one-byte separators
  size_t max_bytes_;
  std::vector<Slot> slots_;
  size_t used_ = 0;
  // Per piece: hit_count matches (ends relative to the piece's start), then its text, padded to
  // whole words.
  std::vector<uint64_t> arena_;
  std::vector<Piece> pieces_of_call_;
  std::string pending_;  // the pieces not found, one per line
  std::vector<MatchHit> pending_hits_;
  std::vector<uint32_t> missed_;  // the pieces of pieces_of_call_ not found
  // Missed piece m's matches: pending_hits_[miss_hits_[m], miss_hits_[m + 1]).
  std::vector<uint32_t> miss_hits_;
  uint64_t pieces_ = 0, reused_ = 0;
};

}  // namespace qq::tagger

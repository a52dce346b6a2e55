// A fast 64-bit hash of short texts (items of a 经营范围) for the tagger's per-thread tables.
// Not for anything that must resist chosen input: the tables compare texts in full anyway.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace qq::tagger {

// FNV-1a over 8-byte words (the last 1–7 bytes as one word) with a final mix; never 0, so that
// tables may mark an empty slot with 0.
inline uint64_t HashText(const char* text, size_t length) {
  uint64_t h = 0xcbf29ce484222325ull ^ length;
  size_t i = 0;
  for (; i + 8 <= length; i += 8) {
    uint64_t w;
    std::memcpy(&w, text + i, 8);
    h = (h ^ w) * 0x100000001b3ull;
    h ^= h >> 29;
  }
  if (i < length) {
    uint64_t w = 0;
    for (size_t k = 0; i + k < length; ++k)
      w |= uint64_t{static_cast<unsigned char>(text[i + k])} << (8 * k);
    h = (h ^ w) * 0x100000001b3ull;
  }
  h ^= h >> 32;
  return h | 1;
}

}  // namespace qq::tagger

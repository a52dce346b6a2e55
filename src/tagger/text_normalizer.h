// Text forms for the tagger (CHAINS.md G8: noise does not change labels). Registry text comes in
// Simplified or Traditional script, with full- or half-width letters and punctuation, in any
// ASCII case. Instead of rewriting every record before the scan, the tagger compiles every form
// of every dictionary term (Simplified, OpenCC's s2t/s2tw/s2hk Traditional forms, full-width
// letters and digits) and scans the raw bytes, so offsets always point into the original text.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace qq::tagger {

// Decodes the UTF-8 code point at `s[i]`, storing its byte length in `*len` (1 for a bad byte,
// which decodes as U+FFFD). Inline: the tagger decodes separators and letters per record.
inline char32_t DecodeUtf8(std::string_view s, size_t i, size_t* len) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  const size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (n == 0 || i + n > s.size()) {
    *len = 1;
    return 0xFFFD;
  }
  char32_t cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
  for (size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      *len = 1;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  *len = n;
  return cp;
}
// Appends the UTF-8 encoding of `cp`.
void AppendUtf8(char32_t cp, std::string& out);
// Number of code points in `s`.
size_t CodePointCount(std::string_view s);
// Number of code points in the first `bytes` bytes of `s` (for character offsets).
size_t CodePointsBefore(std::string_view s, size_t bytes);

// The half-width (ASCII) form of a full-width form U+FF01–U+FF5E, and U+3000 → space; any
// other code point is returned unchanged.
char32_t ToHalfWidth(char32_t cp);
// True for ASCII letters and digits and their full-width forms.
bool IsAlnumAnyWidth(char32_t cp);
// True for ASCII letters and their full-width forms.
bool IsLetterAnyWidth(char32_t cp);
// True for a CJK unified ideograph (U+4E00–U+9FFF).
inline bool IsCjk(char32_t cp) { return cp >= 0x4E00 && cp <= 0x9FFF; }

// Expands a dictionary term into the forms it may take in registry text.
class TermVariants {
 public:
  // Opens OpenCC's s2t, s2tw and s2hk conversions (data in /usr/share/opencc). Returns
  // FailedPrecondition naming the configuration if OpenCC or its data is missing.
  static Result<TermVariants> Create();
  TermVariants(TermVariants&&) noexcept;
  TermVariants& operator=(TermVariants&&) noexcept;
  ~TermVariants();

  // Returns `term` first, then every distinct Traditional form, then, for forms with ASCII
  // letters, digits or punctuation, their full-width forms (as written, upper- and lower-case;
  // ASCII case is handled by the caseless scan). Not thread-safe (OpenCC handles are shared).
  std::vector<std::string> Expand(std::string_view term) const;

 private:
  struct Handles;
  explicit TermVariants(std::unique_ptr<Handles> h);
  std::unique_ptr<Handles> h_;
};

}  // namespace qq::tagger

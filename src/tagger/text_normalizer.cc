// Term variants through OpenCC's C API, and the small UTF-8 helpers the tagger needs.
#include "tagger/text_normalizer.h"

#include <opencc/opencc.h>

#include <algorithm>

namespace qq::tagger {

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

size_t CodePointCount(std::string_view s) { return CodePointsBefore(s, s.size()); }

size_t CodePointsBefore(std::string_view s, size_t bytes) {
  size_t n = 0;
  bytes = std::min(bytes, s.size());
  for (size_t i = 0; i < bytes; ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return n;
}

char32_t ToHalfWidth(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) return cp - 0xFEE0;
  if (cp == 0x3000) return ' ';
  return cp;
}

bool IsLetterAnyWidth(char32_t cp) {
  cp = ToHalfWidth(cp);
  return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

bool IsAlnumAnyWidth(char32_t cp) {
  cp = ToHalfWidth(cp);
  return IsLetterAnyWidth(cp) || (cp >= '0' && cp <= '9');
}

struct TermVariants::Handles {
  std::vector<opencc_t> converters;
  ~Handles() {
    for (opencc_t h : converters) opencc_close(h);
  }
};

TermVariants::TermVariants(std::unique_ptr<Handles> h) : h_(std::move(h)) {}
TermVariants::TermVariants(TermVariants&&) noexcept = default;
TermVariants& TermVariants::operator=(TermVariants&&) noexcept = default;
TermVariants::~TermVariants() = default;

Result<TermVariants> TermVariants::Create() {
  auto h = std::make_unique<Handles>();
  for (const char* config : {"s2t.json", "s2tw.json", "s2hk.json"}) {
    opencc_t o = opencc_open(config);
    if (o == reinterpret_cast<opencc_t>(-1)) {
      return Status::FailedPrecondition(std::string("OpenCC cannot open ") + config +
                                        " (is libopencc-data installed?): " + opencc_error());
    }
    h->converters.push_back(o);
  }
  return TermVariants(std::move(h));
}

std::vector<std::string> TermVariants::Expand(std::string_view term) const {
  std::vector<std::string> out{std::string(term)};
  auto add = [&](std::string s) {
    if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end())
      out.push_back(std::move(s));
  };
  for (opencc_t o : h_->converters) {
    char* converted = opencc_convert_utf8(o, term.data(), term.size());
    if (converted) {
      add(converted);
      opencc_convert_utf8_free(converted);
    }
  }
  size_t script_forms = out.size();
  for (size_t k = 0; k < script_forms; ++k) {
    const std::string base = out[k];
    bool has_ascii =
        std::any_of(base.begin(), base.end(), [](char c) { return c > 0x20 && c < 0x7F; });
    if (!has_ascii) continue;
    for (int mode = 0; mode < 3; ++mode) {  // as written, upper, lower
      std::string wide;
      for (size_t i = 0; i < base.size();) {
        size_t len;
        char32_t cp = DecodeUtf8(base, i, &len);
        if (cp < 0x80 && IsAlnumAnyWidth(cp)) {
          if (mode == 1 && cp >= 'a' && cp <= 'z') cp -= 32;
          if (mode == 2 && cp >= 'A' && cp <= 'Z') cp += 32;
          cp += 0xFEE0;
        } else if (cp > 0x20 && cp < 0x7F) {
          cp += 0xFEE0;  // punctuation inside a term (碳/碳) in its full-width form too
        }
        AppendUtf8(cp, wide);
        i += len;
      }
      add(std::move(wide));
    }
  }
  return out;
}

}  // namespace qq::tagger

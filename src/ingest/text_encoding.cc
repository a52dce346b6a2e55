#include "ingest/text_encoding.h"

#include <iconv.h>
#include <uchardet.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

namespace qq::ingest {
namespace {

constexpr size_t kGuessSampleBytes = size_t{1} << 20;
constexpr size_t kCensusSampleBytes = size_t{4} << 20;

// Length of the valid UTF-8 sequence starting at p[0], or 0 if it is not valid.
size_t Utf8SequenceLength(const unsigned char* p, size_t left) {
  unsigned char c = p[0];
  if (c < 0x80) return 1;
  auto cont = [&](size_t i) { return i < left && (p[i] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (left < 2) return 0;
    unsigned char c1 = p[1];
    if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
    if (c == 0xED && c1 >= 0xA0) return 0;  // UTF-16 surrogates
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (left < 2) return 0;
    unsigned char c1 = p[1];
    if (c == 0xF0 && c1 < 0x90) return 0;   // overlong
    if (c == 0xF4 && c1 >= 0x90) return 0;  // above U+10FFFF
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

struct Utf8Census {
  size_t valid_multibyte = 0;  // valid sequences of two to four bytes
  size_t invalid_runs = 0;     // runs of consecutive bytes that are not valid UTF-8
};

Utf8Census CountUtf8(std::string_view text) {
  Utf8Census census;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  bool in_run = false;
  for (size_t i = 0; i < n;) {
    if (p[i] < 0x80) {
      ++i;
      in_run = false;
      continue;
    }
    size_t len = Utf8SequenceLength(p + i, n - i);
    if (len == 0) {
      census.invalid_runs += in_run ? 0 : 1;
      in_run = true;
      ++i;
    } else {
      ++census.valid_multibyte;
      in_run = false;
      i += len;
    }
  }
  return census;
}

int LineAt(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<int>(
                 std::count(text.begin(), text.begin() + static_cast<ptrdiff_t>(offset), '\n'));
}

std::string HexBytes(std::string_view bytes, size_t offset, size_t count) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (size_t i = offset; i < bytes.size() && i < offset + count; ++i) {
    auto b = static_cast<unsigned char>(bytes[i]);
    if (!out.empty()) out += ' ';
    out += "0x";
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

bool IsGbFamily(const std::string& name) {
  return name == "GB18030" || name == "GBK" || name == "GB2312" || name == "EUC-CN" ||
         name == "CP936";
}

// CJK multi-byte encodings other than GB whose guesses we honour before GB18030.
bool IsOtherCjk(const std::string& name) {
  return name == "BIG5" || name == "EUC-TW" || name == "SHIFT_JIS" || name == "EUC-JP" ||
         name == "EUC-KR" || name == "BIG5-HKSCS";
}

Status UndecodableBytes(const std::string& file_name, int line, bool truncated,
                        const std::string& hex, size_t offset, const std::string& encoding) {
  std::string what = truncated ? "the text ends inside a character: " : "cannot decode ";
  return Status::InvalidArgument(file_name + ":" + std::to_string(line) + ": " + what + "bytes " +
                                 hex + " (byte offset " + std::to_string(offset) + ") as " +
                                 encoding);
}

}  // namespace

size_t FindInvalidUtf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    // ASCII fast path, eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    size_t len = Utf8SequenceLength(p + i, n - i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::string RepairUtf8(std::string_view text) {
  if (FindInvalidUtf8(text) == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t i = 0; i < text.size();) {
    size_t len = Utf8SequenceLength(p + i, text.size() - i);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.substr(i, len));
      i += len;
    }
  }
  return out;
}

std::string GuessEncoding(std::string_view bytes) {
  std::unique_ptr<uchardet, void (*)(uchardet_t)> detector(uchardet_new(), uchardet_delete);
  if (!detector) return "";
  // From the first non-ASCII byte: an ASCII header tells a detector nothing.
  size_t start = 0;
  while (start < bytes.size() && static_cast<unsigned char>(bytes[start]) < 0x80) ++start;
  if (start == bytes.size()) return "ASCII";
  start -= std::min<size_t>(start, 4096);
  std::string_view sample = bytes.substr(start, kGuessSampleBytes);
  if (uchardet_handle_data(detector.get(), sample.data(), sample.size()) != 0) return "";
  uchardet_data_end(detector.get());
  const char* name = uchardet_get_charset(detector.get());
  return name ? Upper(name) : "";
}

Result<std::string> ConvertToUtf8(std::string_view bytes, const std::string& encoding,
                                  const std::string& file_name) {
  iconv_t cd = iconv_open("UTF-8", encoding.c_str());
  if (reinterpret_cast<intptr_t>(cd) == -1) {
    return Status::InvalidArgument(file_name + ": the text encoding " + encoding +
                                   " is not supported");
  }
  std::unique_ptr<void, int (*)(iconv_t)> closer(cd, iconv_close);
  std::string out;
  out.resize(bytes.size() + bytes.size() / 2 + 64);
  char* in = const_cast<char*>(bytes.data());  // iconv's signature; the input is not written
  size_t in_left = bytes.size();
  char* o = out.data();
  size_t out_left = out.size();
  auto grow = [&] {
    size_t used = static_cast<size_t>(o - out.data());
    out.resize(out.size() * 2);
    o = out.data() + used;
    out_left = out.size() - used;
  };
  while (in_left > 0) {
    if (iconv(cd, &in, &in_left, &o, &out_left) != static_cast<size_t>(-1)) continue;
    if (errno == E2BIG) {
      grow();
      continue;
    }
    size_t offset = static_cast<size_t>(in - bytes.data());
    std::string_view done(out.data(), static_cast<size_t>(o - out.data()));
    int line = LineAt(done, done.size());
    return UndecodableBytes(file_name, line, errno == EINVAL, HexBytes(bytes, offset, 4), offset,
                            encoding);
  }
  while (iconv(cd, nullptr, nullptr, &o, &out_left) == static_cast<size_t>(-1) && errno == E2BIG) {
    grow();
  }
  out.resize(static_cast<size_t>(o - out.data()));
  return out;
}

Result<DecodedText> DecodeToUtf8(std::string_view bytes, const std::string& file_name) {
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    std::string_view body = bytes.substr(3);
    size_t bad = FindInvalidUtf8(body);
    if (bad != std::string_view::npos) {
      return Status::InvalidArgument(
          file_name + ":" + std::to_string(LineAt(body, bad)) + ": bytes " +
          HexBytes(body, bad, 4) +
          " are not valid UTF-8, although the file starts with a UTF-8 byte order mark");
    }
    return DecodedText{std::string(body), "UTF-8-BOM"};
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    std::string encoding = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    QQ_ASSIGN_OR_RETURN(std::string text, ConvertToUtf8(bytes.substr(2), encoding, file_name));
    return DecodedText{std::move(text), encoding};
  }
  size_t bad = FindInvalidUtf8(bytes);
  if (bad == std::string_view::npos) return DecodedText{std::string(bytes), "UTF-8"};

  // Valid multi-byte UTF-8 sequences occur by chance in GBK text, but no more often than runs
  // of invalid bytes (at most 1:1 over 400 files of Chinese text encoded as GBK); a file where
  // they dominate is UTF-8 with damaged bytes. Counted over a sample from the first non-ASCII
  // byte on, which is as telling as the whole file and keeps 100 MB files fast.
  size_t first_non_ascii = 0;
  while (static_cast<unsigned char>(bytes[first_non_ascii]) < 0x80) {
    ++first_non_ascii;  // bytes[bad] ends it
  }
  Utf8Census census = CountUtf8(bytes.substr(first_non_ascii, kCensusSampleBytes));
  if (census.valid_multibyte > 8 * census.invalid_runs) {
    return Status::InvalidArgument(
        file_name + ":" + std::to_string(LineAt(bytes, bad)) + ": bytes " +
        HexBytes(bytes, bad, 4) + " (byte offset " + std::to_string(bad) +
        ") are not valid UTF-8; the rest of the file is UTF-8, so it is damaged "
        "or mixes encodings");
  }

  std::string guess = GuessEncoding(bytes);
  std::vector<std::string> candidates;
  if (IsOtherCjk(guess)) candidates.push_back(guess);
  candidates.emplace_back("GB18030");
  Status first_error;
  for (const std::string& encoding : candidates) {
    Result<std::string> text = ConvertToUtf8(bytes, encoding, file_name);
    if (text.ok()) return DecodedText{std::move(text).value(), encoding};
    if (first_error.ok()) first_error = text.status();
  }
  std::string guessed = guess.empty() || IsGbFamily(guess) ? "" : "; uchardet guessed " + guess;
  return Status::InvalidArgument(first_error.message() +
                                 " (the file is neither UTF-8 nor GBK/GB18030" + guessed +
                                 "; save it as UTF-8)");
}

Result<DecodedText> MoveToUtf8(std::string bytes, const std::string& file_name) {
  bool bom = std::string_view(bytes).starts_with("\xEF\xBB\xBF");
  bool utf16 = std::string_view(bytes).starts_with("\xFF\xFE") ||
               std::string_view(bytes).starts_with("\xFE\xFF");
  if (!utf16 &&
      FindInvalidUtf8(std::string_view(bytes).substr(bom ? 3 : 0)) == std::string_view::npos) {
    if (bom) bytes.erase(0, 3);
    return DecodedText{std::move(bytes), bom ? "UTF-8-BOM" : "UTF-8"};
  }
  Result<DecodedText> decoded = DecodeToUtf8(bytes, file_name);
  std::string().swap(bytes);
  return decoded;
}

}  // namespace qq::ingest

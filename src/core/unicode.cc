#include "core/unicode.h"

namespace qq {

char32_t NextCodePoint(std::string_view s, size_t& pos) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(pos);
  if (c < 0x80) {
    ++pos;
    return c;
  }
  int len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || pos + static_cast<size_t>(len) > s.size()) {
    ++pos;
    return 0xFFFD;
  }
  char32_t cp = c & (0xFF >> (len + 1));
  for (int k = 1; k < len; ++k) {
    unsigned char cc = byte(pos + static_cast<size_t>(k));
    if ((cc >> 6) != 0x2) {
      ++pos;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  pos += static_cast<size_t>(len);
  return cp;
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsValidUtf8(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    size_t before = pos;
    char32_t cp = NextCodePoint(s, pos);
    if (cp == 0xFFFD && !(pos - before == 3 && s.substr(before, 3) == "\xEF\xBF\xBD")) return false;
  }
  return true;
}

std::string FoldWidth(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t cp = NextCodePoint(s, pos);
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
    else if (cp == 0x3000) cp = ' ';
    else if (cp == 0x2014 || cp == 0x2013 || cp == 0xFF0D || cp == 0xFF5E || cp == 0x301C || cp == 0x2212) cp = '-';
    AppendUtf8(out, cp);
  }
  return out;
}

std::string CompactHeader(std::string_view s) {
  std::string folded = FoldWidth(s);
  std::string out;
  for (char c : folded) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out.push_back(c);
  }
  return out;
}

std::string TrimSpaces(std::string_view s) {
  auto space_at_front = [&]() {
    if (s.empty()) return size_t{0};
    if (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n') return size_t{1};
    if (s.starts_with("\u3000")) return size_t{3};
    return size_t{0};
  };
  while (size_t n = space_at_front()) s.remove_prefix(n);
  while (!s.empty()) {
    if (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n') s.remove_suffix(1);
    else if (s.ends_with("\u3000")) s.remove_suffix(3);
    else break;
  }
  return std::string(s);
}

}  // namespace qq

#include "ingest/indicator_csv_loader.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <thread>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/decimal.h"
#include "core/unicode.h"
#include "core/uscc.h"
#include "core/year_month.h"

namespace qq::ingest {

// ---- FirmLookup ----

uint64_t FirmLookup::Hash(const char* code) {
  uint64_t a, b;
  uint16_t c;
  std::memcpy(&a, code, 8);
  std::memcpy(&b, code + 8, 8);
  std::memcpy(&c, code + 16, 2);
  uint64_t h = (a * 0x9E3779B97F4A7C15ULL) ^ (b * 0xC2B2AE3D27D4EB4FULL) ^ (static_cast<uint64_t>(c) * 0x165667B19E3779F9ULL);
  return h ^ (h >> 29);
}

void FirmLookup::Reserve(size_t firms) {
  keys_.reserve(firms * kCodeLength);
  size_t want = 16;
  while (want < firms * 2) want *= 2;
  if (want > slots_.size()) {
    slots_.assign(want, 0);
    for (uint32_t f = 0; f < count_; ++f) {
      size_t mask = slots_.size() - 1;
      size_t s = Hash(keys_.data() + static_cast<size_t>(f) * kCodeLength) & mask;
      while (slots_[s] != 0) s = (s + 1) & mask;
      slots_[s] = f + 1;
    }
  }
}

void FirmLookup::Grow() { Reserve(std::max<size_t>(16, static_cast<size_t>(count_) * 2)); }

Result<uint32_t> FirmLookup::Add(std::string_view uscc) {
  if (uscc.size() != kCodeLength) {
    return Status::InvalidArgument("统一社会信用代码 must have 18 characters: " + std::string(uscc));
  }
  uint32_t known = Find(uscc);
  if (known != kNone) return known;
  if ((static_cast<size_t>(count_) + 1) * 2 > slots_.size()) Grow();
  keys_.append(uscc);
  size_t mask = slots_.size() - 1;
  size_t s = Hash(uscc.data()) & mask;
  while (slots_[s] != 0) s = (s + 1) & mask;
  slots_[s] = count_ + 1;
  return count_++;
}

uint32_t FirmLookup::Find(std::string_view uscc) const {
  if (uscc.size() != kCodeLength || slots_.empty()) return kNone;
  size_t mask = slots_.size() - 1;
  for (size_t s = Hash(uscc.data()) & mask;; s = (s + 1) & mask) {
    uint32_t v = slots_[s];
    if (v == 0) return kNone;
    if (std::memcmp(keys_.data() + static_cast<size_t>(v - 1) * kCodeLength, uscc.data(), kCodeLength) == 0) return v - 1;
  }
}

// ---- values ----

namespace {

constexpr int64_t kPow10[] = {1,
                              10,
                              100,
                              1000,
                              10000,
                              100000,
                              1000000,
                              10000000,
                              100000000,
                              1000000000,
                              10000000000,
                              100000000000,
                              1000000000000,
                              10000000000000,
                              100000000000000,
                              1000000000000000,
                              10000000000000000,
                              100000000000000000,
                              1000000000000000000};

bool IsMissingMark(std::string_view t) { return t.empty() || t == "-" || t == "--" || t == "/"; }

// The importer's reading of a cell (indicator_sheet.cc).
Result<int64_t> SlowValue(std::string_view text, int unit_pow10, bool& missing) {
  std::string folded = FoldWidth(TrimSpaces(text));
  missing = IsMissingMark(folded);
  if (missing) return int64_t{0};
  return ParseDecimalScaled(folded, unit_pow10);
}

// Plain "-?digits(.digits)?" with at most 15 digits, at most unit_pow10 fraction digits, and
// a result below 10^18: then ParseDecimalScaled neither rounds nor overflows, and the value
// is the digits times a power of ten. Returns false to send the text to the slow path.
inline bool FastValue(const char* p, const char* e, int unit_pow10, int64_t& out) {
  bool negative = false;
  if (p < e && *p == '-') {
    negative = true;
    ++p;
  }
  int64_t v = 0;
  int int_digits = 0, frac_digits = 0;
  while (p < e && static_cast<unsigned>(*p - '0') < 10) {
    v = v * 10 + (*p - '0');
    ++int_digits;
    ++p;
    if (int_digits > 15) return false;
  }
  if (p < e && *p == '.') {
    ++p;
    while (p < e && static_cast<unsigned>(*p - '0') < 10) {
      v = v * 10 + (*p - '0');
      ++frac_digits;
      ++p;
      if (frac_digits > unit_pow10) return false;
    }
  }
  if (p != e || int_digits + frac_digits == 0 || int_digits + frac_digits > 15 || int_digits + unit_pow10 > 18) {
    return false;
  }
  v *= kPow10[unit_pow10 - frac_digits];
  out = negative ? -v : v;
  return true;
}

}  // namespace

Result<int64_t> ParseIndicatorValue(std::string_view text, int unit_pow10, bool& missing) {
  missing = false;
  if (text.empty()) {
    missing = true;
    return int64_t{0};
  }
  int64_t v = 0;
  if (unit_pow10 >= 0 && unit_pow10 <= 18 && FastValue(text.data(), text.data() + text.size(), unit_pow10, v)) return v;
  return SlowValue(text, unit_pow10, missing);
}

// ---- the file ----

namespace {

enum class Role : uint8_t { kIgnore, kUscc, kMonth, kCurrent, kCumulative };

struct Column {
  Role role = Role::kIgnore;
  uint8_t indicator = 0;
  int unit_pow10 = 0;
  bool may_be_negative = true;
};

// Splits one CSV line (no line break) into fields, with RFC 4180 quotes. Returns false if a
// quote is left open (a field that spans lines).
bool SplitQuoted(std::string_view line, std::vector<std::string>& fields) {
  fields.clear();
  std::string cur;
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < line.size() && line[i + 1] == '"') {
          cur += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        cur += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  fields.push_back(std::move(cur));
  return !quoted;
}

// The next ',', '\n' or '"' at or after p, or stop: sixteen bytes at a time.
inline const char* NextSeparator(const char* p, const char* stop) {
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(','), newline = _mm_set1_epi8('\n'), quote = _mm_set1_epi8('"');
  while (p + 16 <= stop) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, newline)), _mm_cmpeq_epi8(v, quote));
    unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit));
    if (mask) return p + __builtin_ctz(mask);
    p += 16;
  }
#endif
  while (p < stop && *p != ',' && *p != '\n' && *p != '"') ++p;
  return p;
}

struct PartError {
  size_t offset = 0;  // byte offset of the line in the data
  int column = -1;
  std::string message;
  bool set = false;
};

struct Parser {
  std::string_view data;
  const std::vector<Column>* columns;
  const std::vector<std::string>* headers;
  const FirmLookup* firms;
  const IndicatorCsvOptions* options;

  // Parses the lines in [from, to) (both at line starts) into `out`.
  void Run(size_t from, size_t to, size_t reserve_bytes, IndicatorColumns& out, size_t& skipped, PartError& err) const {
    const std::vector<Column>& cols = *columns;
    const size_t ncols = cols.size();
    // Destinations per column, refreshed per row.
    std::vector<std::vector<int64_t>*> dest(ncols, nullptr);
    for (size_t c = 0; c < ncols; ++c) {
      if (cols[c].role == Role::kCurrent) dest[c] = &out.current[cols[c].indicator];
      if (cols[c].role == Role::kCumulative) dest[c] = &out.cumulative[cols[c].indicator];
    }
    // Reserve by the average line length of the first lines; the first part reserves room for
    // the whole file (address space only until written), so that a consumer can append the
    // other parts to its columns in place instead of copying all of them.
    {
      size_t sample_end = std::min(to, from + (1u << 16));
      size_t lines = static_cast<size_t>(std::count(data.data() + from, data.data() + sample_end, '\n'));
      size_t span = reserve_bytes > 0 ? reserve_bytes : to - from;
      size_t estimate = lines ? span / std::max<size_t>(1, (sample_end - from) / lines) : 16;
      estimate += estimate / 16 + 16;
      out.firm.reserve(estimate);
      out.month.reserve(estimate);
      for (auto* d : dest) {
        if (d) d->reserve(estimate);
      }
    }
    std::vector<std::string> quoted_fields;
    std::vector<std::string_view> fields(ncols);
    uint32_t last_firm = FirmLookup::kNone;
    int last_month_index = 0;
    char last_month_text[8] = {0};
    const char* base = data.data();
    size_t pos = from;
    auto fail = [&](size_t line_start, int column, std::string message) {
      err.set = true;
      err.offset = line_start;
      err.column = column;
      err.message = std::move(message);
    };
    while (pos < to) {
      const char* line = base + pos;
      size_t line_start = pos;
      // One pass over the line: field boundaries up to the line break; a quote sends the
      // line to the quote-aware splitter.
      size_t n = 0;
      bool has_quote = false;
      const char* p = line;
      const char* stop = base + to;
      const char* field = p;
      while (true) {
        p = NextSeparator(p, stop);
        if (p >= stop || *p == '\n') break;
        if (*p == ',') {
          if (n < ncols) fields[n] = std::string_view(field, static_cast<size_t>(p - field));
          ++n;
          field = p + 1;
        } else {
          has_quote = true;
        }
        ++p;
      }
      const char* end = p;
      pos = p < stop ? static_cast<size_t>(p - base) + 1 : to;
      if (end > line && end[-1] == '\r') --end;
      if (end == line) continue;  // blank line
      if (n < ncols) fields[n] = std::string_view(field, static_cast<size_t>(end - field));
      ++n;
      if (has_quote) {
        if (!SplitQuoted(std::string_view(line, static_cast<size_t>(end - line)), quoted_fields)) {
          return fail(line_start, -1, "a quoted field spans lines (not supported by the fast loader; use the importer)");
        }
        n = quoted_fields.size();
        for (size_t k = 0; k < std::min(n, ncols); ++k) fields[k] = quoted_fields[k];
      }
      if (n != ncols) {
        return fail(line_start, -1, "expected " + std::to_string(ncols) + " fields, found " + std::to_string(n));
      }
      // The firm and the month first: a skipped row writes nothing.
      uint32_t firm = FirmLookup::kNone;
      int month_index = 0;
      for (size_t c = 0; c < ncols; ++c) {
        if (cols[c].role == Role::kUscc) {
          std::string_view code = fields[c];
          firm = firms->FindNear(code, last_firm == FirmLookup::kNone ? 0 : last_firm + 1);
          if (firm == FirmLookup::kNone) {
            auto parsed = Uscc::Parse(TrimSpaces(FoldWidth(code)));
            if (parsed.ok()) firm = firms->Find(parsed->str());
          }
          if (firm == FirmLookup::kNone && !options->skip_unknown_firms) {
            return fail(line_start, static_cast<int>(c), "unknown firm " + std::string(code));
          }
        } else if (cols[c].role == Role::kMonth) {
          std::string_view t = fields[c];
          if (t.size() == 7 && t[0] == last_month_text[0] && t[1] == last_month_text[1] && t[2] == last_month_text[2] &&
              t[3] == last_month_text[3] && t[4] == last_month_text[4] && t[5] == last_month_text[5] &&
              t[6] == last_month_text[6]) {
            month_index = last_month_index;
          } else {
            Result<YearMonth> ym = t.size() == 7 && t[4] == '-' ? YearMonth::Parse(t) : YearMonth::Parse(FoldWidth(TrimSpaces(t)));
            if (!ym.ok()) return fail(line_start, static_cast<int>(c), "bad month " + std::string(t) + ": " + ym.status().message());
            month_index = ym->Index();
            if (t.size() == 7) {
              std::memcpy(last_month_text, t.data(), 7);
              last_month_index = month_index;
            }
          }
        }
      }
      if (firm == FirmLookup::kNone) {
        ++skipped;
        continue;
      }
      last_firm = firm;
      // Values.
      for (size_t c = 0; c < ncols; ++c) {
        if (!dest[c]) continue;
        std::string_view t = fields[c];
        int64_t v = kIndicatorMissing;
        if (!t.empty()) {
          int64_t parsed;
          if (FastValue(t.data(), t.data() + t.size(), cols[c].unit_pow10, parsed)) {
            v = parsed;
          } else {
            bool missing = false;
            auto slow = SlowValue(t, cols[c].unit_pow10, missing);
            if (!slow.ok()) {
              return fail(line_start, static_cast<int>(c), "not a number: " + std::string(t) + " (" + slow.status().message() + ")");
            }
            if (!missing) v = *slow;
          }
          if (v != kIndicatorMissing && v < 0 && !cols[c].may_be_negative) {
            return fail(line_start, static_cast<int>(c), "negative value " + std::string(t) + " of an indicator that cannot be negative");
          }
        }
        dest[c]->push_back(v);
      }
      out.firm.push_back(firm);
      out.month.push_back(month_index);
    }
  }
};

}  // namespace

Result<IndicatorCsv> ParseIndicatorCsv(std::string_view bytes, const std::string& name, const ColumnAliases& aliases,
                                       const FirmLookup& firms, const IndicatorCsvOptions& options) {
  IndicatorCsv out;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  size_t header_end = bytes.find('\n');
  std::string_view header_line = bytes.substr(0, header_end);
  if (!header_line.empty() && header_line.back() == '\r') header_line.remove_suffix(1);
  std::vector<std::string> headers;
  if (!SplitQuoted(header_line, headers)) return Status::InvalidArgument(name + ": the header line has an open quote");
  std::vector<Column> cols(headers.size());
  int uscc_col = -1, month_col = -1;
  std::array<int, kIndicatorCount> cur_col, cum_col;
  cur_col.fill(-1);
  cum_col.fill(-1);
  for (size_t c = 0; c < headers.size(); ++c) {
    ColumnSpec spec = aliases.Map(headers[c]);
    out.specs.push_back(spec);
    Column& col = cols[c];
    if (spec.field == ColumnField::kUscc && uscc_col < 0) {
      col.role = Role::kUscc;
      uscc_col = static_cast<int>(c);
    } else if (spec.field == ColumnField::kMonth && month_col < 0) {
      col.role = Role::kMonth;
      month_col = static_cast<int>(c);
    } else if (spec.field == ColumnField::kIndicator) {
      auto& slot = (spec.period == Period::kCurrent ? cur_col : cum_col)[static_cast<size_t>(spec.indicator)];
      if (slot >= 0) {
        return Status::InvalidArgument(name + ": columns " + headers[static_cast<size_t>(slot)] + " and " + headers[c] +
                                       " hold the same figure");
      }
      if (spec.unit_pow10 < 0 || spec.unit_pow10 > 18) {
        return Status::InvalidArgument(name + ": unsupported unit in column " + headers[c]);
      }
      slot = static_cast<int>(c);
      col.role = spec.period == Period::kCurrent ? Role::kCurrent : Role::kCumulative;
      col.indicator = static_cast<uint8_t>(spec.indicator);
      col.unit_pow10 = spec.unit_pow10;
      col.may_be_negative = InfoOf(spec.indicator).may_be_negative;
    }
  }
  out.headers = headers;
  if (uscc_col < 0) return Status::InvalidArgument(name + ": no 统一社会信用代码 column in the header");
  if (month_col < 0) return Status::InvalidArgument(name + ": no 统计月份 column in the header");

  size_t data_begin = header_end == std::string_view::npos ? bytes.size() : header_end + 1;
  // Cut the data into parts at line starts.
  int threads = std::max(1, options.threads);
  size_t data_size = bytes.size() - data_begin;
  if (data_size < (1u << 20)) threads = 1;
  std::vector<size_t> cuts = {data_begin};
  for (int t = 1; t < threads; ++t) {
    size_t at = data_begin + data_size * static_cast<size_t>(t) / static_cast<size_t>(threads);
    at = std::max(at, cuts.back());
    size_t nl = bytes.find('\n', at);
    cuts.push_back(nl == std::string_view::npos ? bytes.size() : nl + 1);
  }
  cuts.push_back(bytes.size());
  out.parts.resize(static_cast<size_t>(threads));
  std::vector<size_t> skipped(static_cast<size_t>(threads), 0);
  std::vector<PartError> errors(static_cast<size_t>(threads));
  for (auto& part : out.parts) {
    for (size_t c = 0; c < cols.size(); ++c) {
      if (cols[c].role == Role::kCurrent) part.has_current[cols[c].indicator] = true;
      if (cols[c].role == Role::kCumulative) part.has_cumulative[cols[c].indicator] = true;
    }
  }
  Parser parser{bytes, &cols, &headers, &firms, &options};
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) {
    size_t k = static_cast<size_t>(t);
    pool.emplace_back([&, k] { parser.Run(cuts[k], cuts[k + 1], 0, out.parts[k], skipped[k], errors[k]); });
  }
  parser.Run(cuts[0], cuts[1], bytes.size() - data_begin, out.parts[0], skipped[0], errors[0]);
  for (auto& th : pool) th.join();
  for (const auto& e : errors) {
    if (!e.set) continue;
    size_t line = 1 + static_cast<size_t>(std::count(bytes.data(), bytes.data() + e.offset, '\n'));
    std::string where = name + " line " + std::to_string(line);
    if (e.column >= 0) where += ", column " + headers[static_cast<size_t>(e.column)];
    return Status::InvalidArgument(where + ": " + e.message);
  }
  for (size_t t = 0; t < out.parts.size(); ++t) {
    out.rows += out.parts[t].size();
    out.skipped_unknown_firms += skipped[t];
  }
  return out;
}

Result<IndicatorCsv> LoadIndicatorCsv(const std::filesystem::path& path, const ColumnAliases& aliases,
                                      const FirmLookup& firms, const IndicatorCsvOptions& options) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return Status::NotFound("cannot open " + path.string());
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return Status::Io("cannot stat " + path.string());
  }
  size_t size = static_cast<size_t>(st.st_size);
  if (size == 0) {
    ::close(fd);
    return ParseIndicatorCsv(std::string_view(), path.filename().string(), aliases, firms, options);
  }
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return Status::Io("cannot map " + path.string());
  ::madvise(map, size, MADV_SEQUENTIAL);
  auto result = ParseIndicatorCsv(std::string_view(static_cast<const char*>(map), size), path.filename().string(), aliases,
                                  firms, options);
  ::munmap(map, size);
  return result;
}

}  // namespace qq::ingest

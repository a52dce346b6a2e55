// tagger_bench: the chain tagger end to end on one core — read a `qiangqu gen` firms.tsv in large
// blocks, split records, tag them in batches (one Hyperscan scan per block, of the items whose
// matches the tagger does not remember; --scan-every-item: of every item), build the results —
// and print MB/s (of the file) and firms/s. With --export-dict it writes every compiled form of
// every chain term, one per line, for the benchmark peers (bench/tagger/peers.py).
//
//   tagger_bench --data-dir data --firms firms.tsv [--limit N] [--scan-every-item]
//   tagger_bench --data-dir data --export-dict dict.txt
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "ingest/chain_templates.h"
#include "tagger/rules.h"
#include "tagger/tagger.h"

namespace {

// CPU time (user + system) of this process, in seconds.
double CpuSeconds() {
  rusage u;
  getrusage(RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// The length of the line at `p` (up to its newline or `n`). One SSE2 pass, 16 bytes at a time:
// memchr per line and per field costs about a tenth of the whole run on these ~330-byte records.
size_t LineLength(const char* p, size_t n) {
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i nl = _mm_set1_epi8('\n');
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    if (const int m = _mm_movemask_epi8(_mm_cmpeq_epi8(v, nl)))
      return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(m)));
  }
#endif
  const void* hit = std::memchr(p + i, '\n', n - i);
  return hit ? static_cast<size_t>(static_cast<const char*>(hit) - p) : n;
}

// Splits a record into its eight tab-separated fields (the last takes the rest of the line).
void SplitFields(const char* line, size_t len, std::string_view (&f)[8]) {
  size_t k = 0, start = 0, i = 0;
#if defined(__SSE2__)
  const __m128i tab = _mm_set1_epi8('\t');
  for (; k < 7 && i + 16 <= len; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line + i));
    auto m = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, tab)));
    for (; m && k < 7; m &= m - 1) {
      const size_t at = i + static_cast<size_t>(__builtin_ctz(m));
      f[k++] = std::string_view(line + start, at - start);
      start = at + 1;
    }
  }
  i = std::max(i, start);
#endif
  for (; k < 7 && i < len; ++i) {
    if (line[i] != '\t') continue;
    f[k++] = std::string_view(line + start, i - start);
    start = i + 1;
  }
  f[k] = std::string_view(line + start, len - start);
}

int Usage() {
  std::fprintf(stderr,
               "usage: tagger_bench --data-dir DIR (--firms FILE [--limit N] [--scan-every-item] | "
               "--export-dict FILE)\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data_dir = "data", firms_path, dict_path;
  qq::tagger::TaggerOptions options;
  unsigned long long limit = ~0ULL;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--scan-every-item") {
      options.reuse_item_matches = false;
      continue;
    }
    if (i + 1 >= argc) return Usage();
    if (a == "--data-dir")
      data_dir = argv[++i];
    else if (a == "--firms")
      firms_path = argv[++i];
    else if (a == "--export-dict")
      dict_path = argv[++i];
    else if (a == "--limit")
      limit = std::stoull(argv[++i]);
    else
      return Usage();
  }
  if (firms_path.empty() && dict_path.empty()) return Usage();
  auto chains = qq::ingest::LoadChainTemplates(data_dir + "/chains", {});
  if (!chains.ok()) {
    std::fprintf(stderr, "tagger_bench: %s\n", chains.status().ToString().c_str());
    return 1;
  }
  auto rules = qq::tagger::LoadTaggerRules(data_dir + "/tagger/rules.toml");
  if (!rules.ok()) {
    std::fprintf(stderr, "tagger_bench: %s\n", rules.status().ToString().c_str());
    return 1;
  }
  auto t0 = std::chrono::steady_clock::now();
  auto tagger = qq::tagger::Tagger::Create(*chains, *rules, options);
  if (!tagger.ok()) {
    std::fprintf(stderr, "tagger_bench: %s\n", tagger.status().ToString().c_str());
    return 1;
  }
  double compile_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!dict_path.empty()) {
    std::FILE* out = std::fopen(dict_path.c_str(), "wb");
    if (!out) return 1;
    auto forms = tagger->DictionaryForms();
    for (const auto& f : forms) std::fprintf(out, "%s\n", f.c_str());
    std::fclose(out);
    std::fprintf(
        stderr,
        "tagger_bench: %zu dictionary forms written to %s (%zu patterns compiled in %.2f s)\n",
        forms.size(), dict_path.c_str(), tagger->PatternCount(), compile_s);
    if (firms_path.empty()) return 0;
  }

  // The file is mapped and read front to back once (MADV_SEQUENTIAL); records are split with
  // SSE2 and handed to TagBatch in blocks of about 1 MB, so that the lines just split are
  // still in the cache when they are tagged (8 MB blocks cost about 3 % more CPU).
  int fd = open(firms_path.c_str(), O_RDONLY);
  if (fd < 0) {
    std::fprintf(stderr, "tagger_bench: cannot open %s\n", firms_path.c_str());
    return 1;
  }
  struct stat st;
  fstat(fd, &st);
  const size_t size = static_cast<size_t>(st.st_size);
  auto start = std::chrono::steady_clock::now();
  const double cpu_start = CpuSeconds();
  const char* data =
      size ? static_cast<const char*>(mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0)) : nullptr;
  if (size && data == MAP_FAILED) return 1;
  if (size) madvise(const_cast<char*>(data), size, MADV_SEQUENTIAL);
  constexpr size_t kBlock = 1u << 20;
  unsigned long long firms = 0, bytes = 0, tagged = 0, chain_tags = 0, evidence = 0;
  std::vector<qq::tagger::FirmText> batch;
  std::vector<qq::tagger::TagResult> results;
  size_t p = 0;
  bool header = true;
  while (p < size && firms < limit) {
    const size_t block_end = std::min(size, p + kBlock);
    batch.clear();
    while (p < size && (p < block_end || batch.empty()) && firms + batch.size() < limit) {
      const char* line = data + p;
      const size_t len = LineLength(line, size - p);
      const size_t used = len + (p + len < size ? 1 : 0);
      p += used;
      bytes += used;
      if (header) {
        header = false;
        continue;
      }
      // uscc, name, region, town, industry, founded, capital, scope
      std::string_view f[8];
      SplitFields(line, len, f);
      batch.push_back({f[1], f[7], f[4]});
    }
    if (batch.empty()) continue;
    if (!tagger->TagBatch(batch, results).ok()) return 1;
    for (size_t i = 0; i < batch.size(); ++i) {
      tagged += !results[i].chains.empty();
      chain_tags += results[i].chains.size();
      evidence += results[i].evidence.size();
    }
    firms += batch.size();
  }
  if (size) munmap(const_cast<char*>(data), size);
  close(fd);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double cpu = CpuSeconds() - cpu_start;
  // Per core: the CPU time of this one thread (wall time too, which other load on the machine
  // can stretch).
  const char* label =
      options.reuse_item_matches ? "qiangqu tagger" : "qiangqu tagger (every item scanned)";
  std::printf(
      "%s: %llu firms, %.1f MB in %.2f s CPU (%.2f s wall) on 1 thread: %.1f MB/s per "
      "core, "
      "%.0f firms/s (%llu firms in a chain, %llu chain tags, %llu evidence; %zu patterns compiled "
      "in %.2f s)\n",
      label, firms, bytes / 1e6, cpu, secs, bytes / 1e6 / cpu, firms / cpu, tagged, chain_tags,
      evidence, tagger->PatternCount(), compile_s);
  const qq::tagger::ItemReuse reuse = tagger->ItemReuseSoFar();
  if (options.reuse_item_matches)
    std::printf("qiangqu tagger: %.2f %% of %llu items scanned in blocks had been seen before\n",
                reuse.items
                    ? 100.0 * static_cast<double>(reuse.reused) / static_cast<double>(reuse.items)
                    : 0.0,
                static_cast<unsigned long long>(reuse.items));
  std::printf("qiangqu_mbps=%.3f\n", bytes / 1e6 / cpu);
  return 0;
}

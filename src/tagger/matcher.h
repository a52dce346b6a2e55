// Matcher: one compiled dictionary of literal patterns, scanned over text in one pass. The tagger
// talks only to this interface; the implementation is Hyperscan, or Vectorscan on non-x86 builds
// (hyperscan_matcher.cc, same API).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace qq::tagger {

// `MatcherPattern::id` meaning "the pattern's index in the list given to CompileMatcher".
inline constexpr uint32_t kIndexId = UINT32_MAX;

// One pattern of a dictionary.
struct MatcherPattern {
  std::string text;        // UTF-8 literal
  bool caseless = false;   // ASCII letters match either case
  uint32_t id = kIndexId;  // reported as MatchHit::pattern (kIndexId: the pattern's index)
};

// A match: the pattern's id and the byte offset just past its last byte.
struct MatchHit {
  uint32_t pattern = 0;
  uint32_t end = 0;
};

// Per-thread scan state. Obtain one from Matcher::NewScratch; use it from one thread at a time.
class MatcherScratch {
 public:
  virtual ~MatcherScratch() = default;
};

class Matcher {
 public:
  virtual ~Matcher() = default;
  // Returns fresh scratch space for one thread; Internal if the library cannot allocate it.
  virtual Result<std::unique_ptr<MatcherScratch>> NewScratch() const = 0;
  // Appends every occurrence of every pattern in `text` to `hits`, overlapping ones included,
  // in ascending order of `end`. `text` must be shorter than 4 GiB. Thread-safe as long as each
  // thread uses its own scratch. Returns Internal if the scan fails.
  virtual Status Scan(std::string_view text, MatcherScratch& scratch,
                      std::vector<MatchHit>& hits) const = 0;
  // How many patterns were compiled.
  virtual size_t size() const = 0;
};

// Compiles `patterns` into one matcher. Returns InvalidArgument naming the pattern if one cannot
// be compiled (for example an empty one).
Result<std::unique_ptr<Matcher>> CompileMatcher(const std::vector<MatcherPattern>& patterns);

}  // namespace qq::tagger

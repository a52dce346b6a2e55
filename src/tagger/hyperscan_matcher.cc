// The Matcher interface over Hyperscan (or Vectorscan, the same API): the literal dictionary is
// compiled with hs_compile_lit_multi, which is faster to compile and to scan than the same
// terms as regular expressions, and scanned in block mode.
#include <hs.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "tagger/matcher.h"

namespace qq::tagger {
namespace {

class HyperscanScratch final : public MatcherScratch {
 public:
  explicit HyperscanScratch(hs_scratch_t* s) : scratch(s) {}
  ~HyperscanScratch() override { hs_free_scratch(scratch); }
  HyperscanScratch(const HyperscanScratch&) = delete;
  HyperscanScratch& operator=(const HyperscanScratch&) = delete;
  hs_scratch_t* scratch;
};

class HyperscanMatcher final : public Matcher {
 public:
  HyperscanMatcher(hs_database_t* db, hs_scratch_t* proto, size_t n)
      : db_(db), proto_(proto), size_(n) {}
  ~HyperscanMatcher() override {
    hs_free_scratch(proto_);
    hs_free_database(db_);
  }
  HyperscanMatcher(const HyperscanMatcher&) = delete;
  HyperscanMatcher& operator=(const HyperscanMatcher&) = delete;

  Result<std::unique_ptr<MatcherScratch>> NewScratch() const override {
    hs_scratch_t* s = nullptr;
    if (hs_clone_scratch(proto_, &s) != HS_SUCCESS)
      return Status::Internal("cannot allocate matcher scratch");
    return std::unique_ptr<MatcherScratch>(new HyperscanScratch(s));
  }

  Status Scan(std::string_view text, MatcherScratch& scratch,
              std::vector<MatchHit>& hits) const override {
    if (text.empty()) return Status::Ok();
    if (text.size() >= (1ULL << 32))
      return Status::InvalidArgument("text to scan is larger than 4 GiB");
    auto& s = static_cast<HyperscanScratch&>(scratch);
    hs_error_t err = hs_scan(db_, text.data(), static_cast<unsigned>(text.size()), 0, s.scratch,
                             &OnMatch, &hits);
    if (err != HS_SUCCESS)
      return Status::Internal("pattern scan failed (hs_scan error " + std::to_string(err) + ")");
    return Status::Ok();
  }

  size_t size() const override { return size_; }

 private:
  static int OnMatch(unsigned id, unsigned long long /*from*/, unsigned long long to,
                     unsigned /*flags*/, void* ctx) {
    static_cast<std::vector<MatchHit>*>(ctx)->push_back({id, static_cast<uint32_t>(to)});
    return 0;
  }

  hs_database_t* db_;
  hs_scratch_t* proto_;
  size_t size_;
};

}  // namespace

Result<std::unique_ptr<Matcher>> CompileMatcher(const std::vector<MatcherPattern>& patterns) {
  if (patterns.empty()) return Status::InvalidArgument("a matcher needs at least one pattern");
  for (size_t i = 0; i < patterns.size(); ++i) {
    if (patterns[i].text.empty())
      return Status::InvalidArgument("pattern " + std::to_string(i) + " is empty");
  }
  std::vector<unsigned> flags(patterns.size()), ids(patterns.size());
  std::vector<const char*> exprs(patterns.size());
  std::vector<size_t> lens(patterns.size());
  for (size_t i = 0; i < patterns.size(); ++i) {
    exprs[i] = patterns[i].text.data();
    lens[i] = patterns[i].text.size();
    flags[i] = patterns[i].caseless ? HS_FLAG_CASELESS : 0;
    ids[i] = patterns[i].id == kIndexId ? static_cast<unsigned>(i) : patterns[i].id;
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  hs_error_t rc = hs_compile_lit_multi(exprs.data(), flags.data(), ids.data(), lens.data(),
                                       static_cast<unsigned>(patterns.size()), HS_MODE_BLOCK,
                                       nullptr, &db, &error);
  if (rc != HS_SUCCESS) {
    std::string msg = error && error->message ? error->message : "unknown error";
    int at = error ? error->expression : -1;
    hs_free_compile_error(error);
    return Status::InvalidArgument(
        "cannot compile the pattern dictionary" +
        (at >= 0 ? " (pattern '" + patterns[static_cast<size_t>(at)].text + "')" : std::string()) +
        ": " + msg);
  }
  hs_scratch_t* proto = nullptr;
  if (hs_alloc_scratch(db, &proto) != HS_SUCCESS) {
    hs_free_database(db);
    return Status::Internal("cannot allocate matcher scratch");
  }
  return std::unique_ptr<Matcher>(new HyperscanMatcher(db, proto, patterns.size()));
}

}  // namespace qq::tagger

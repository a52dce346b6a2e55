// ScaleThresholds: the revenue above which a firm counts as 规模以上/限额以上 ("四上"), by
// industry (data/statistics/scale_thresholds.csv).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace qq {

struct ScaleThreshold {
  std::string prefix;       // a 门类 letter or a code prefix
  int64_t threshold = 0;    // 元 per year; 0: no revenue threshold
  std::string category;     // 规模以上工业, 限额以上批发业, …
};

class ScaleThresholds {
 public:
  ScaleThresholds() = default;
  explicit ScaleThresholds(std::vector<ScaleThreshold> rows) : rows_(std::move(rows)) {}
  // The rule for a firm with this code (digits) in this 门类; the longest matching code
  // prefix wins over the section letter. nullptr when the industry has no 四上 category.
  const ScaleThreshold* For(const std::string& code, char section) const;
  bool empty() const { return rows_.empty(); }

 private:
  std::vector<ScaleThreshold> rows_;
};

// The 门类 letter of a 大类 number (01–05 → A, 06–12 → B, …, 97 → T), or '?'.
char SectionOfDivision(int division);

}  // namespace qq

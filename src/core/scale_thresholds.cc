#include "core/scale_thresholds.h"

namespace qq {

const ScaleThreshold* ScaleThresholds::For(const std::string& code, char section) const {
  const ScaleThreshold* best = nullptr;
  size_t best_len = 0;
  for (const auto& r : rows_) {
    bool letter = r.prefix.size() == 1 && r.prefix[0] >= 'A' && r.prefix[0] <= 'T';
    if (letter) {
      if (r.prefix[0] == section && best_len == 0) best = &r;
    } else if (code.compare(0, r.prefix.size(), r.prefix) == 0 && r.prefix.size() > best_len) {
      best = &r;
      best_len = r.prefix.size();
    }
  }
  return best;
}

char SectionOfDivision(int division) {
  // First 大类 of each 门类 A–T (GB/T 4754-2017).
  static constexpr int kFirst[] = {1, 6, 13, 44, 47, 51, 53, 61, 63, 66, 70, 71, 73, 76, 80, 83, 84, 86, 91, 97};
  if (division < 1 || division > 97) return '?';
  char section = 'A';
  for (int k = 0; k < 20; ++k) {
    if (division >= kFirst[k]) section = static_cast<char>('A' + k);
  }
  return section;
}

}  // namespace qq

#include "analytics/relatedness.h"

#include <algorithm>

namespace qq::analytics {

Relatedness Relatedness::Compute(size_t R, size_t I, const std::vector<double>& x, double min_size) {
  Relatedness out;
  out.regions_ = R;
  out.industries_ = I;
  out.rca_.assign(R * I, 0.0);
  out.presence_.assign(R * I, 0);
  out.proximity_.assign(I * I, 0.0);
  out.density_.assign(R * I, 0.0);
  out.diversity_.assign(R, 0);
  out.ubiquity_.assign(I, 0);
  std::vector<double> row(R, 0.0), col(I, 0.0);
  double total = 0;
  for (size_t r = 0; r < R; ++r) {
    for (size_t i = 0; i < I; ++i) {
      double v = x[r * I + i];
      row[r] += v;
      col[i] += v;
      total += v;
    }
  }
  for (size_t r = 0; r < R; ++r) {
    for (size_t i = 0; i < I; ++i) {
      double v = x[r * I + i];
      if (row[r] <= 0 || col[i] <= 0 || total <= 0) continue;
      double rca = (v / row[r]) / (col[i] / total);
      out.rca_[r * I + i] = rca;
      if (rca >= 1.0 && v >= min_size) {
        out.presence_[r * I + i] = 1;
        ++out.diversity_[r];
        ++out.ubiquity_[i];
      }
    }
  }
  // Co-occurrence, region by region over its present industries.
  std::vector<double> both(I * I, 0.0);
  std::vector<size_t> present;
  for (size_t r = 0; r < R; ++r) {
    present.clear();
    for (size_t i = 0; i < I; ++i) {
      if (out.presence_[r * I + i]) present.push_back(i);
    }
    for (size_t a : present) {
      for (size_t b : present) {
        if (a != b) both[a * I + b] += 1.0;
      }
    }
  }
  for (size_t i = 0; i < I; ++i) {
    for (size_t j = 0; j < I; ++j) {
      int k = std::max(out.ubiquity_[i], out.ubiquity_[j]);
      if (i != j && k > 0) out.proximity_[i * I + j] = both[i * I + j] / k;
    }
  }
  std::vector<double> proximity_sum(I, 0.0);
  for (size_t i = 0; i < I; ++i) {
    for (size_t j = 0; j < I; ++j) proximity_sum[i] += out.proximity_[i * I + j];
  }
  for (size_t r = 0; r < R; ++r) {
    for (size_t i = 0; i < I; ++i) {
      if (proximity_sum[i] <= 0) continue;
      double num = 0;
      for (size_t j = 0; j < I; ++j) {
        if (j != i && out.presence_[r * I + j]) num += out.proximity_[i * I + j];
      }
      out.density_[r * I + i] = num / proximity_sum[i];
    }
  }
  return out;
}

std::vector<std::pair<size_t, double>> Relatedness::PossibleEntrants(size_t r, size_t n) const {
  std::vector<std::pair<size_t, double>> out;
  for (size_t i = 0; i < industries_; ++i) {
    if (!Present(r, i)) out.emplace_back(i, Density(r, i));
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (out.size() > n) out.resize(n);
  return out;
}

}  // namespace qq::analytics

// Relatedness and economic complexity for chain-targeted investment attraction (补链招商),
// after Hidalgo et al. (2007) and Hidalgo & Hausmann (2009), as in DOMAIN.md §8. x[r][i] is the
// size of industry i in region r (firm counts, or output where known).
//
//   RCA[r,i]  = (x[r,i] / Σ_i x[r,i]) / (Σ_r x[r,i] / Σ_r Σ_i x)   — national denominators
//   M[r,i]    = RCA[r,i] ≥ 1 and x[r,i] ≥ min_size                  — presence
//   φ[i,j]    = Σ_r M[r,i] M[r,j] / max(k_i, k_j), φ[i,i] = 0        — proximity (k_i = ubiquity)
//   ω[r,i]    = Σ_{j≠i} M[r,j] φ[i,j] / Σ_{j≠i} φ[i,j]              — relatedness density
// Possible entrants of a region are the industries it lacks (M = 0), ranked by ω.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace qq::analytics {

class Relatedness {
 public:
  // `x` is row-major, regions × industries. A region or industry with no size at all gets RCA 0.
  static Relatedness Compute(size_t regions, size_t industries, const std::vector<double>& x, double min_size = 1.0);

  size_t regions() const { return regions_; }
  size_t industries() const { return industries_; }
  double Rca(size_t r, size_t i) const { return rca_[r * industries_ + i]; }
  bool Present(size_t r, size_t i) const { return presence_[r * industries_ + i] != 0; }
  double Proximity(size_t i, size_t j) const { return proximity_[i * industries_ + j]; }
  double Density(size_t r, size_t i) const { return density_[r * industries_ + i]; }
  int Diversity(size_t r) const { return diversity_[r]; }
  int Ubiquity(size_t i) const { return ubiquity_[i]; }
  // Industries region r lacks, by density, highest first (at most n).
  std::vector<std::pair<size_t, double>> PossibleEntrants(size_t r, size_t n) const;

 private:
  size_t regions_ = 0, industries_ = 0;
  std::vector<double> rca_, proximity_, density_;
  std::vector<unsigned char> presence_;
  std::vector<int> diversity_, ubiquity_;
};

}  // namespace qq::analytics

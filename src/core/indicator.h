// The monthly indicators a firm reports (规上工业企业月报) and their units.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/year_month.h"

namespace qq {

enum class Indicator : uint8_t {
  kOutput,       // 工业总产值 (元)
  kRevenue,      // 营业收入 (元)
  kMainRevenue,  // 主营业务收入 (元) — decides 规上 membership where reported
  kProfit,       // 利润总额 (元), may be negative
  kTax,          // 税收 / 应交税金 (元)
  kRnd,          // 研发费用 (元)
  kEmployees,    // 从业人员 (人), a stock: no 1-N月累计
  kEnergy,       // 综合能源消费量 (千克标准煤 in storage; sheets say 吨标准煤)
};
inline constexpr int kIndicatorCount = 8;
inline constexpr std::array<Indicator, kIndicatorCount> kAllIndicators = {
    Indicator::kOutput, Indicator::kRevenue, Indicator::kMainRevenue, Indicator::kProfit,
    Indicator::kTax,    Indicator::kRnd,     Indicator::kEmployees,   Indicator::kEnergy};

struct IndicatorInfo {
  Indicator indicator;
  std::string_view key;       // stable English key: "output", "revenue", …
  std::string_view label;     // 工业总产值
  std::string_view label_en;  // Gross industrial output
  bool money;                 // stored in 元
  bool additive;              // has a 1-N月累计 that is the sum of 当月
  bool may_be_negative;
};
const IndicatorInfo& InfoOf(Indicator indicator);
// Looks an indicator up by key or Chinese label; nullptr if unknown.
const IndicatorInfo* FindIndicator(std::string_view key_or_label);

// One firm's figures for one month, as reported: 当月 and 1-N月累计 (either may be missing).
struct IndicatorMonth {
  int64_t enterprise_id = 0;
  YearMonth month;
  std::array<std::optional<int64_t>, kIndicatorCount> current{};
  std::array<std::optional<int64_t>, kIndicatorCount> cumulative{};

  std::optional<int64_t>& Current(Indicator i) { return current[static_cast<size_t>(i)]; }
  std::optional<int64_t>& Cumulative(Indicator i) { return cumulative[static_cast<size_t>(i)]; }
  const std::optional<int64_t>& Current(Indicator i) const { return current[static_cast<size_t>(i)]; }
  const std::optional<int64_t>& Cumulative(Indicator i) const { return cumulative[static_cast<size_t>(i)]; }
};

}  // namespace qq

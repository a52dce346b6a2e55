#include "core/indicator.h"

namespace qq {
namespace {

constexpr IndicatorInfo kInfos[kIndicatorCount] = {
    {Indicator::kOutput, "output", "工业总产值", "Gross industrial output", true, true, false},
    {Indicator::kRevenue, "revenue", "营业收入", "Operating revenue", true, true, false},
    {Indicator::kMainRevenue, "main_revenue", "主营业务收入", "Main business revenue", true, true, false},
    {Indicator::kProfit, "profit", "利润总额", "Total profit", true, true, true},
    {Indicator::kTax, "tax", "税收", "Taxes paid", true, true, false},
    {Indicator::kRnd, "rnd", "研发费用", "R&D expenditure", true, true, false},
    {Indicator::kEmployees, "employees", "从业人员", "Employees", false, false, false},
    {Indicator::kEnergy, "energy", "综合能源消费量", "Energy consumption", false, true, false},
};

}  // namespace

const IndicatorInfo& InfoOf(Indicator indicator) { return kInfos[static_cast<size_t>(indicator)]; }

const IndicatorInfo* FindIndicator(std::string_view key_or_label) {
  for (const auto& info : kInfos) {
    if (info.key == key_or_label || info.label == key_or_label) return &info;
  }
  return nullptr;
}

}  // namespace qq

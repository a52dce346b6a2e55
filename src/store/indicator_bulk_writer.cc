#include "store/indicator_bulk_writer.h"

#include <string>

namespace qq::store {
namespace {

constexpr const char* kCur[kIndicatorCount] = {"output_cur", "revenue_cur", "main_revenue_cur", "profit_cur",
                                               "tax_cur",    "rnd_cur",     "employees",        "energy_cur"};
constexpr const char* kCum[kIndicatorCount] = {"output_cum", "revenue_cum", "main_revenue_cum", "profit_cum",
                                               "tax_cum",    "rnd_cum",     nullptr,            "energy_cum"};

}  // namespace

Result<int64_t> IndicatorBulkWriter::Write(const std::function<bool(IndicatorMonth&)>& next,
                                           std::optional<int64_t> import_id) {
  std::string cols = "enterprise_id, month", marks = "?, ?";
  for (int i = 0; i < kIndicatorCount; ++i) {
    cols += std::string(", ") + kCur[i];
    marks += ", ?";
    if (kCum[i]) {
      cols += std::string(", ") + kCum[i];
      marks += ", ?";
    }
  }
  cols += ", import_id";
  marks += ", ?";
  Transaction tx(db_);
  QQ_RETURN_IF_ERROR(tx.begin_status());
  QQ_ASSIGN_OR_RETURN(Statement st, db_.Prepare("INSERT OR REPLACE INTO indicator_month (" + cols + ") VALUES (" + marks + ")"));
  IndicatorMonth m;
  int64_t rows = 0;
  while (true) {
    m = IndicatorMonth{};
    if (!next(m)) break;
    st.Bind(1, m.enterprise_id).Bind(2, m.month.Packed());
    int col = 3;
    for (size_t i = 0; i < static_cast<size_t>(kIndicatorCount); ++i) {
      st.Bind(col++, m.current[i]);
      if (kCum[i]) st.Bind(col++, m.cumulative[i]);
    }
    st.Bind(col, import_id);
    Status s = st.Run();
    if (!s.ok()) {
      return s.WithContext("firm " + std::to_string(m.enterprise_id) + " month " + m.month.ToString());
    }
    ++rows;
  }
  QQ_RETURN_IF_ERROR(tx.Commit());
  return rows;
}

}  // namespace qq::store

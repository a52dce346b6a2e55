// The bulk writer: what it writes reads back through IndicatorStore unchanged, it replaces
// stored firm-months, and a failing row leaves nothing behind.
#include "store/indicator_bulk_writer.h"

#include <gtest/gtest.h>

#include "store/enterprise_store.h"
#include "store/region_store.h"
#include "store/test_db.h"

namespace qq::store {
namespace {

class BulkWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    RegionCode county = *RegionCode::Parse("370117");
    std::vector<Region> regions = {{*RegionCode::Parse("370000"), "山东省", RegionLevel::kProvince, std::nullopt, CodeSystem::kBoth},
                                   {county, "钢城区", RegionLevel::kCounty, *RegionCode::Parse("370000"), CodeSystem::kBoth}};
    ASSERT_TRUE(RegionStore(t_.db()).ReplaceAll(regions, {}).ok());
    for (const char* code : {"91370117MA3C00001Y", "91370117MA3C000020", "91370117MA3C00003U"}) {
      Enterprise e;
      auto u = Uscc::Parse(std::string(code).substr(0, 17) + Uscc::CheckCharacter(std::string(code).substr(0, 17)));
      ASSERT_TRUE(u.ok()) << u.status().message();
      e.uscc = *u;
      e.name = std::string("企业") + code;
      e.region = county;
      ASSERT_TRUE(EnterpriseStore(t_.db()).Upsert(e, 1).ok());
      ids_.push_back(e.id);
    }
  }
  std::vector<IndicatorMonth> Rows(int months, int64_t scale) {
    std::vector<IndicatorMonth> rows;
    for (int64_t id : ids_) {
      for (int k = 0; k < months; ++k) {
        IndicatorMonth m;
        m.enterprise_id = id;
        m.month = YearMonth::FromIndex(2023 * 12 + k);
        m.Current(Indicator::kRevenue) = scale * (id * 100 + k);
        if (k % 2) m.Cumulative(Indicator::kRevenue) = scale * (id * 1000 + k);
        m.Current(Indicator::kEmployees) = 10 + k;
        if (k % 3 == 0) m.Current(Indicator::kProfit) = -5 * k;
        rows.push_back(m);
      }
    }
    return rows;
  }
  Result<int64_t> WriteAll(const std::vector<IndicatorMonth>& rows) {
    size_t k = 0;
    return IndicatorBulkWriter(t_.db()).Write([&](IndicatorMonth& m) {
      if (k == rows.size()) return false;
      m = rows[k++];
      return true;
    });
  }
  std::vector<IndicatorMonth> ReadAll() {
    std::vector<IndicatorMonth> out;
    EXPECT_TRUE(IndicatorStore(t_.db()).ForEach([&](const IndicatorMonth& m) {
      out.push_back(m);
      return Status::Ok();
    }).ok());
    std::sort(out.begin(), out.end(), [](const IndicatorMonth& a, const IndicatorMonth& b) {
      return a.enterprise_id != b.enterprise_id ? a.enterprise_id < b.enterprise_id : a.month < b.month;
    });
    return out;
  }
  static void ExpectSame(const std::vector<IndicatorMonth>& a, const std::vector<IndicatorMonth>& b) {
    ASSERT_EQ(a.size(), b.size());
    for (size_t k = 0; k < a.size(); ++k) {
      EXPECT_EQ(a[k].enterprise_id, b[k].enterprise_id);
      EXPECT_EQ(a[k].month, b[k].month);
      EXPECT_EQ(a[k].current, b[k].current) << k;
      EXPECT_EQ(a[k].cumulative, b[k].cumulative) << k;
    }
  }
  TempDb t_;
  std::vector<int64_t> ids_;
};

TEST_F(BulkWriterTest, WritesWhatReadsBack) {
  auto rows = Rows(14, 1);
  ASSERT_EQ(*WriteAll(rows), static_cast<int64_t>(rows.size()));
  ExpectSame(ReadAll(), rows);
}

TEST_F(BulkWriterTest, ReplacesStoredFirmMonths) {
  ASSERT_TRUE(WriteAll(Rows(6, 1)).ok());
  auto again = Rows(6, 7);
  ASSERT_TRUE(WriteAll(again).ok());
  ExpectSame(ReadAll(), again);
}

TEST_F(BulkWriterTest, AFailingRowLeavesNothing) {
  ASSERT_TRUE(WriteAll(Rows(3, 1)).ok());
  auto rows = Rows(5, 9);
  rows[7].enterprise_id = 999999;  // no such firm: the foreign key fails
  auto r = WriteAll(rows);
  ASSERT_FALSE(r.ok());
  ExpectSame(ReadAll(), Rows(3, 1));
}

}  // namespace
}  // namespace qq::store

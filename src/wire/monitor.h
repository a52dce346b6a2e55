// JSON of the monitoring answers (运行监测, 产业集群, firm profile). Indicator and period keys
// are the Chinese labels statistics offices use (工业总产值 → 当月, 累计, 同比 …); money is integer
// 元, rates are percent numbers (7.09 for +7.09%) or null without a base.
#pragma once

#include <vector>

#include "app/monitor.h"
#include "store/import_store.h"
#include "wire/json.h"

namespace qq::wire {

Json MonthlyJson(const app::MonthlyReport& r);
Json BreakdownJson(const app::BreakdownReport& r);
Json WatchJson(const app::WatchLists& w);
Json ClustersJson(const std::vector<app::ClusterReport>& clusters);
Json ProfileJson(const app::FirmProfile& p);
Json PublishedJson(const std::vector<store::PublishedRate>& rates);
// {"工业总产值": "元", …, "综合能源消费量": "千克标准煤"}
Json UnitsJson();

}  // namespace qq::wire

// `qiangqu demo`: builds the demo district database from data/demo/demo.toml — real plans,
// targets and projects from news reports, synthetic firms and monthly figures scaled to their
// magnitudes, a national pool of firms, and login accounts.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app/clock.h"
#include "core/status.h"

namespace qq::app {

struct DemoAccount {
  std::string username, display_name, role, region, password;
};

struct DemoReport {
  std::vector<DemoAccount> accounts;  // admin first
  int64_t enterprises = 0;
  int64_t indicator_months = 0;
  int64_t projects = 0;
  int64_t plans = 0;
};

// Creates `db_path` (AlreadyExists if it exists) and fills it; on error no file is left.
Result<DemoReport> BuildDemo(const std::string& db_path, const std::filesystem::path& data_dir, const Clock& clock);

}  // namespace qq::app

// What a running server shares across requests: paths, the clock and the analytics snapshot.
// Each request brings its own database connection.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "app/analytics_service.h"
#include "app/auth.h"
#include "app/clock.h"

namespace qq::app {

struct Services {
  std::string db_path;
  std::filesystem::path data_dir;
  std::filesystem::path web_dir;
  Clock clock = SystemClock();
  AuthPolicy auth_policy;
  std::unique_ptr<AnalyticsService> analytics;
};

}  // namespace qq::app

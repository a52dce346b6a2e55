#include "store/test_db.h"

#include <atomic>
#include <stdexcept>

#include <unistd.h>

namespace qq::store {

TempDb::TempDb(bool migrate) {
  static std::atomic<int> counter{0};
  path_ = (std::filesystem::temp_directory_path() /
           ("qq-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + ".db")).string();
  std::filesystem::remove(path_);
  auto db = Database::Open(path_, Database::Mode::kCreate);
  if (!db.ok()) throw std::runtime_error(db.status().ToString());
  db_ = std::move(db).value();
  if (migrate) {
    Status s = Migrate(*db_);
    if (!s.ok()) throw std::runtime_error(s.ToString());
  }
}

TempDb::~TempDb() {
  db_.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
}

}  // namespace qq::store

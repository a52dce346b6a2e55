#include "cli/progress.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>

namespace qq::cli {
namespace {
int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

Progress::Progress(std::string label) : label_(std::move(label)), tty_(isatty(STDERR_FILENO) != 0) {}

void Progress::Update(uint64_t done, uint64_t total) {
  if (!tty_) return;
  int64_t now = NowMs();
  if (now - last_ms_ < 200 && done < total) return;
  last_ms_ = now;
  int width = 30;
  int filled = total ? static_cast<int>(width * done / total) : width;
  std::fprintf(stderr, "\r%s [%.*s%*s] %llu/%llu", label_.c_str(), filled, "==============================",
               width - filled, "", static_cast<unsigned long long>(done), static_cast<unsigned long long>(total));
  std::fflush(stderr);
}

void Progress::Finish(const std::string& summary) {
  if (tty_) std::fprintf(stderr, "\r\033[K");
  std::fprintf(stderr, "%s: %s\n", label_.c_str(), summary.c_str());
}

}  // namespace qq::cli

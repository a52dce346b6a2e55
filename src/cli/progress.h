// A progress bar on stderr for long commands (silent when stderr is not a terminal, except
// for a final line).
#pragma once

#include <cstdint>
#include <string>

namespace qq::cli {

class Progress {
 public:
  explicit Progress(std::string label);
  // Shows done/total; rate-limited to a few updates a second.
  void Update(uint64_t done, uint64_t total);
  void Finish(const std::string& summary);

 private:
  std::string label_;
  bool tty_;
  int64_t last_ms_ = 0;
};

}  // namespace qq::cli

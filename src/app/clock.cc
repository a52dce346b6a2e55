#include "app/clock.h"

#include <chrono>

namespace qq::app {

Clock SystemClock() {
  return [] {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  };
}

}  // namespace qq::app

// The wall clock, injectable for tests (unix seconds).
#pragma once

#include <cstdint>
#include <functional>

namespace qq::app {

using Clock = std::function<int64_t()>;
// The system clock.
Clock SystemClock();

}  // namespace qq::app

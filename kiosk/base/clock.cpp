#include "kiosk/base/clock.h"

namespace kiosk {

Clock::time_point Clock::now() const {
  return std::chrono::steady_clock::now() + offset_;
}

void Clock::advance(duration by) {
  if (by > duration::zero()) offset_ += by;
}

}  // namespace kiosk

// The kiosk's clock: real monotonic time plus an offset that automation can move forward
// (`advance S` in a scenario) so idle timeouts can be tested without waiting.
#pragma once

#include <chrono>

namespace kiosk {

class Clock {
 public:
  using duration = std::chrono::steady_clock::duration;
  using time_point = std::chrono::steady_clock::time_point;

  time_point now() const;     // steady time, plus everything advance() added
  void advance(duration by);  // jumps forward; never goes back
  duration offset() const { return offset_; }

 private:
  duration offset_{0};
};

}  // namespace kiosk

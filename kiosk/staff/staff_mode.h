// The staff entry's timing, apart from any drawing: the 5-second hold on the kiosk's name that
// opens the PIN keypad, and staff mode itself, which ends after 2 minutes untouched or as soon as
// a resident session would start. Times come from the kiosk clock (kiosk/base/clock.h), so
// `advance` in a scenario and a test clock move them.
#pragma once

#include <chrono>
#include <optional>

#include "kiosk/base/clock.h"

namespace kiosk::staff {

inline constexpr Clock::duration kHoldToEnter = std::chrono::seconds(5);
inline constexpr Clock::duration kStaffIdleLimit = std::chrono::minutes(2);

// A press held on one target: fires once when it has lasted `needed`, then not again until the
// finger is lifted and pressed anew.
class HoldDetector {
 public:
  explicit HoldDetector(Clock::duration needed = kHoldToEnter) : needed_(needed) {}

  // Every frame: whether the target is pressed now. True on the one frame the hold completes.
  bool update(bool pressed, Clock::time_point now);
  // While pressed: the time until it fires (nothing when not pressed or already fired). The UI
  // asks for a frame at that time instead of drawing all along.
  std::optional<Clock::duration> left(Clock::time_point now) const;
  void reset();

 private:
  Clock::duration needed_;
  std::optional<Clock::time_point> since_;
  bool fired_ = false;
};

// Staff mode: entered with the right PIN, kept alive by touches, ended by 2 minutes untouched,
// by leaving, or by a resident session starting.
class StaffMode {
 public:
  explicit StaffMode(Clock::duration idle_limit = kStaffIdleLimit) : idle_limit_(idle_limit) {}

  void enter(Clock::time_point now);
  void touched(Clock::time_point now);  // any touch while in staff mode
  bool active(Clock::time_point now);   // false (and ended) once idle past the limit
  std::optional<Clock::duration> left(Clock::time_point now) const;  // until it ends by itself
  void end();  // leave, or a resident session starts

 private:
  Clock::duration idle_limit_;
  std::optional<Clock::time_point> last_touch_;
};

}  // namespace kiosk::staff

#include "kiosk/staff/staff_mode.h"

namespace kiosk::staff {

bool HoldDetector::update(bool pressed, Clock::time_point now) {
  if (!pressed) {
    reset();
    return false;
  }
  if (!since_) since_ = now;
  if (fired_ || now - *since_ < needed_) return false;
  fired_ = true;
  return true;
}

std::optional<Clock::duration> HoldDetector::left(Clock::time_point now) const {
  if (!since_ || fired_) return std::nullopt;
  const auto held = now - *since_;
  return held >= needed_ ? Clock::duration::zero() : needed_ - held;
}

void HoldDetector::reset() {
  since_.reset();
  fired_ = false;
}

void StaffMode::enter(Clock::time_point now) {
  last_touch_ = now;
}

void StaffMode::touched(Clock::time_point now) {
  if (last_touch_ && now > *last_touch_) last_touch_ = now;
}

bool StaffMode::active(Clock::time_point now) {
  if (last_touch_ && now - *last_touch_ >= idle_limit_) last_touch_.reset();
  return last_touch_.has_value();
}

std::optional<Clock::duration> StaffMode::left(Clock::time_point now) const {
  if (!last_touch_) return std::nullopt;
  const auto idle = now - *last_touch_;
  return idle >= idle_limit_ ? Clock::duration::zero() : idle_limit_ - idle;
}

void StaffMode::end() {
  last_touch_.reset();
}

}  // namespace kiosk::staff

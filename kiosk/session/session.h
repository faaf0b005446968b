// One resident's visit. It starts with the first touch and ends with "I'm done" or when nobody
// has touched the screen for idle_timeout_s: then "Are you still there?" counts down for
// idle_warning_s, and "I need more time" gives a whole idle period again, as often as needed.
// A session that was never touched (the kiosk just started, or a tap woke the attract screen
// and nobody went on) ends without the question. Time is the kiosk clock, which automation can
// move forward (`advance S`).
#pragma once

#include <chrono>
#include <optional>

#include "kiosk/base/clock.h"

namespace kiosk {

class SessionTimer {
 public:
  enum class State { Attract, Active, Warning };
  enum class Event { None, Warn, End };

  SessionTimer(std::chrono::seconds idle_timeout, std::chrono::seconds warning);

  State state() const { return state_; }

  void begin(Clock::time_point now);  // a session starts (start-up, or a tap on the attract screen)
  // Input while active (not during the warning): any input keeps the session alive; only a
  // press (a finger or key going down, not a pointer drifting) makes it a used session.
  void touch(Clock::time_point now, bool press = true);
  void more_time(Clock::time_point now);  // "I need more time"
  void end();  // the session is over: the attract screen shows until the next begin()

  // Moves the state on; Warn once when the warning starts, End once when it ran out.
  Event update(Clock::time_point now);

  // Whole seconds the warning has left (rounded up).
  int seconds_left(Clock::time_point now) const;
  // When update() next has something to do: the app sleeps until then, not longer.
  std::optional<Clock::time_point> next_deadline(Clock::time_point now) const;
  bool touched() const { return touched_; }

 private:
  Clock::duration idle_timeout_;
  Clock::duration warning_;
  State state_ = State::Attract;
  Clock::time_point last_touch_{};
  Clock::time_point warning_since_{};
  bool touched_ = false;
};

}  // namespace kiosk

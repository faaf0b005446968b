#include "kiosk/session/session.h"

namespace kiosk {

SessionTimer::SessionTimer(std::chrono::seconds idle_timeout, std::chrono::seconds warning)
    : idle_timeout_(idle_timeout), warning_(warning) {}

void SessionTimer::begin(Clock::time_point now) {
  state_ = State::Active;
  last_touch_ = now;
  touched_ = false;
}

void SessionTimer::touch(Clock::time_point now, bool press) {
  if (state_ != State::Active) return;
  last_touch_ = now;
  touched_ = touched_ || press;
}

void SessionTimer::more_time(Clock::time_point now) {
  if (state_ == State::Attract) return;
  state_ = State::Active;
  last_touch_ = now;
  touched_ = true;
}

void SessionTimer::end() {
  state_ = State::Attract;
  touched_ = false;
}

SessionTimer::Event SessionTimer::update(Clock::time_point now) {
  switch (state_) {
    case State::Attract:
      return Event::None;
    case State::Active:
      if (now - last_touch_ < idle_timeout_) return Event::None;
      if (!touched_) {
        // Nobody used it: nothing to ask about, nothing of anyone's to keep.
        end();
        return Event::End;
      }
      state_ = State::Warning;
      warning_since_ = now;
      return Event::Warn;
    case State::Warning:
      if (now - warning_since_ < warning_) return Event::None;
      end();
      return Event::End;
  }
  return Event::None;
}

int SessionTimer::seconds_left(Clock::time_point now) const {
  if (state_ != State::Warning) return 0;
  const auto left = warning_ - (now - warning_since_);
  if (left <= Clock::duration::zero()) return 0;
  return static_cast<int>(std::chrono::ceil<std::chrono::seconds>(left).count());
}

std::optional<Clock::time_point> SessionTimer::next_deadline(Clock::time_point now) const {
  switch (state_) {
    case State::Attract:
      return std::nullopt;
    case State::Active:
      return last_touch_ + idle_timeout_;
    case State::Warning: {
      // The countdown shows whole seconds: wake at the next one, or at the end.
      const auto end = warning_since_ + warning_;
      const auto elapsed = now - warning_since_;
      const auto next_second = warning_since_ + std::chrono::ceil<std::chrono::seconds>(
                                                    elapsed + std::chrono::milliseconds(1));
      return next_second < end ? next_second : end;
    }
  }
  return std::nullopt;
}

}  // namespace kiosk

// The service manager's side of the kiosk: READY=1 after the first frame, WATCHDOG=1 at half of
// WATCHDOG_USEC from the UI loop, STOPPING=1 on a clean stop, and a short STATUS= line, through
// libsystemd's sd_notify (nothing happens without NOTIFY_SOCKET). The pings come from the UI
// thread only, and its sleep is capped so it wakes in time to send them: a frozen UI stops
// them and systemd restarts the kiosk; a busy worker does not.
//
// WATCHDOG_PID is not checked (sd_watchdog_enabled would): the kiosk runs as a child of the
// kiosk session (cage), whose PID the service manager watches, with NotifyAccess=all.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::fleet {

// WATCHDOG_USEC's value: a positive number of microseconds; nothing for anything else.
std::optional<std::chrono::microseconds> parse_watchdog_usec(const char* value);

// When pings are due, given the watchdog's timeout: one at once, then every half timeout.
class WatchdogCadence {
 public:
  using Clock = std::chrono::steady_clock;

  explicit WatchdogCadence(std::optional<std::chrono::microseconds> timeout);

  bool enabled() const { return interval_.has_value(); }
  std::optional<std::chrono::microseconds> interval() const { return interval_; }
  // When the next ping is due; nothing when disabled.
  std::optional<Clock::time_point> next_due() const;
  bool due(Clock::time_point now) const;
  void pinged(Clock::time_point now);
  // How long the loop may sleep from `now` and still ping in time (never negative, rounded
  // down to milliseconds); nothing when disabled.
  std::optional<std::chrono::milliseconds> sleep_limit(Clock::time_point now) const;

 private:
  std::optional<std::chrono::microseconds> interval_;
  std::optional<Clock::time_point> last_;
};

// The app's notifier: reads WATCHDOG_USEC once.
class ServiceNotifier {
 public:
  ServiceNotifier();

  bool watchdog_enabled() const { return cadence_.enabled(); }
  std::optional<std::chrono::milliseconds> sleep_limit(
      WatchdogCadence::Clock::time_point now) const {
    return cadence_.sleep_limit(now);
  }
  void ready();                                              // READY=1 (once)
  void ping_if_due(WatchdogCadence::Clock::time_point now);  // WATCHDOG=1
  void status(std::string_view text);                        // STATUS=text, when it changed
  void stopping();                                           // STOPPING=1

 private:
  WatchdogCadence cadence_;
  bool ready_ = false;
  std::string status_;
};

}  // namespace kiosk::fleet

#include "kiosk/fleet/watchdog.h"

#include <systemd/sd-daemon.h>

#include <charconv>
#include <cstdlib>
#include <cstring>

namespace kiosk::fleet {

std::optional<std::chrono::microseconds> parse_watchdog_usec(const char* value) {
  if (value == nullptr) return std::nullopt;
  const char* end = value + std::strlen(value);
  std::int64_t usec = 0;
  const auto [ptr, ec] = std::from_chars(value, end, usec);
  if (ec != std::errc{} || ptr != end || usec <= 0) return std::nullopt;
  return std::chrono::microseconds(usec);
}

WatchdogCadence::WatchdogCadence(std::optional<std::chrono::microseconds> timeout) {
  if (timeout && *timeout >= std::chrono::microseconds(2)) interval_ = *timeout / 2;
}

std::optional<WatchdogCadence::Clock::time_point> WatchdogCadence::next_due() const {
  if (!interval_) return std::nullopt;
  if (!last_) return Clock::time_point::min();
  return *last_ + *interval_;
}

bool WatchdogCadence::due(Clock::time_point now) const {
  const auto at = next_due();
  return at && now >= *at;
}

void WatchdogCadence::pinged(Clock::time_point now) {
  last_ = now;
}

std::optional<std::chrono::milliseconds> WatchdogCadence::sleep_limit(Clock::time_point now) const {
  const auto at = next_due();
  if (!at) return std::nullopt;
  if (now >= *at) return std::chrono::milliseconds(0);
  return std::chrono::floor<std::chrono::milliseconds>(*at - now);
}

// Read once, at start, before the app's threads run.
ServiceNotifier::ServiceNotifier()
    // NOLINTNEXTLINE(concurrency-mt-unsafe)
    : cadence_(parse_watchdog_usec(std::getenv("WATCHDOG_USEC"))) {}

void ServiceNotifier::ready() {
  if (ready_) return;
  ready_ = true;
  sd_notify(0, "READY=1");
}

void ServiceNotifier::ping_if_due(WatchdogCadence::Clock::time_point now) {
  if (!cadence_.due(now)) return;
  cadence_.pinged(now);
  sd_notify(0, "WATCHDOG=1");
}

void ServiceNotifier::status(std::string_view text) {
  if (text == status_) return;
  status_ = std::string(text);
  sd_notify(0, ("STATUS=" + status_).c_str());
}

void ServiceNotifier::stopping() {
  sd_notify(0, "STOPPING=1");
}

}  // namespace kiosk::fleet

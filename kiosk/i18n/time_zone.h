// The kiosk's time zone: where its residents live (America/New_York for Miami-Dade, set in
// kiosk.toml), not the machine's setting, so an event at 10 a.m. reads "10 a.m." and a service
// is "open now" by the clock on the library's wall. ICU formats every date and time in it.
#pragma once

#include <cstdint>
#include <string_view>

namespace kiosk {

inline constexpr std::string_view kDefaultTimeZone = "America/New_York";

// An IANA time zone ICU knows ("America/New_York").
bool known_time_zone(std::string_view id);
// Makes `id` the zone every date and time is formatted in (ICU's default). Returns false, and
// changes nothing, for an unknown zone.
bool use_time_zone(std::string_view id);

// A moment on the kiosk's wall clock.
struct LocalTime {
  int weekday = 0;              // 0 Monday … 6 Sunday
  int minute = 0;               // minutes after midnight
  int day = 1;                  // day of the month
  std::int64_t midnight = 0;    // Unix seconds of this day's start
  std::int64_t next_month = 0;  // Unix seconds of the first day of next month's start
  std::int64_t next_week = 0;   // Unix seconds of the coming Sunday's start (US weeks)
};
LocalTime local_time(std::int64_t unix_seconds);

// The wall-clock date at that moment, as days since 1970-01-01 (a civil day number: consecutive
// whatever daylight saving does, so "the last 7 days" is today's number minus 0…6).
std::int64_t local_day(std::int64_t unix_seconds);

}  // namespace kiosk

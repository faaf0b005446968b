// Times as text in UTC, for JSON a program reads: the sign-up envelope, `outbox list`, `search`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

std::string iso_utc(std::int64_t seconds);   // "2026-12-06T19:35:37Z" (ISO 8601, to the second)
std::string iso_date(std::int64_t seconds);  // "2026-12-06"

// Unix seconds of an RFC 3339 date-time with its offset ("2027-01-31T00:00:00Z",
// "2027-01-31T08:00:00.5-05:00"; 't' and 'z' too); nothing for any other text.
std::optional<std::int64_t> parse_rfc3339(std::string_view text);
// Unix seconds of a civil UTC date and time (no checks).
std::int64_t unix_from_civil(int year, int month, int day, int hour, int minute, int second);

}  // namespace kiosk

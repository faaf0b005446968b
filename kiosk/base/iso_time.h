// Times as text in UTC, for JSON a program reads: the sign-up envelope, `outbox list`, `search`.
#pragma once

#include <cstdint>
#include <string>

namespace kiosk {

std::string iso_utc(std::int64_t seconds);   // "2026-12-06T19:35:37Z" (ISO 8601, to the second)
std::string iso_date(std::int64_t seconds);  // "2026-12-06"

}  // namespace kiosk

#include "kiosk/base/iso_time.h"

#include <algorithm>
#include <ctime>

namespace kiosk {
namespace {

std::string utc_text(std::int64_t seconds, const char* format) {
  const std::time_t t = seconds;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[32];
  std::strftime(out, sizeof out, format, &tm);
  return out;
}

}  // namespace

std::string iso_utc(std::int64_t seconds) {
  return utc_text(seconds, "%Y-%m-%dT%H:%M:%SZ");
}

std::string iso_date(std::int64_t seconds) {
  return utc_text(seconds, "%Y-%m-%d");
}

}  // namespace kiosk

namespace kiosk {

std::int64_t unix_from_civil(int year, int month, int day, int hour, int minute, int second) {
  // Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
  const std::int64_t y = year - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  const std::int64_t days = era * 146097 + doe - 719468;
  return days * 86400 + hour * 3600 + minute * 60 + second;
}

std::optional<std::int64_t> parse_rfc3339(std::string_view text) {
  std::size_t at = 0;
  const auto digits = [&](std::size_t n) -> std::optional<int> {
    if (at + n > text.size()) return std::nullopt;
    int v = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const char c = text[at + i];
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + (c - '0');
    }
    at += n;
    return v;
  };
  const auto sep = [&](std::string_view any) {
    if (at >= text.size() || any.find(text[at]) == std::string_view::npos) return false;
    ++at;
    return true;
  };
  const auto year = digits(4);
  if (!year || !sep("-")) return std::nullopt;
  const auto month = digits(2);
  if (!month || !sep("-")) return std::nullopt;
  const auto day = digits(2);
  if (!day || !sep("Tt ")) return std::nullopt;
  const auto hour = digits(2);
  if (!hour || !sep(":")) return std::nullopt;
  const auto minute = digits(2);
  if (!minute || !sep(":")) return std::nullopt;
  const auto second = digits(2);
  if (!second) return std::nullopt;
  if (at < text.size() && text[at] == '.') {
    ++at;
    const std::size_t first = at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
    if (at == first) return std::nullopt;
  }
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (*month < 1 || *month > 12 || *day < 1 || *day > kDays[*month - 1] || *hour > 23 ||
      *minute > 59 || *second > 60) {
    return std::nullopt;
  }
  const bool leap = (*year % 4 == 0 && *year % 100 != 0) || *year % 400 == 0;
  if (*month == 2 && *day == 29 && !leap) return std::nullopt;
  std::int64_t offset = 0;
  if (sep("Zz")) {
    offset = 0;
  } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    const int sign = text[at] == '-' ? -1 : 1;
    ++at;
    const auto oh = digits(2);
    if (!oh || !sep(":")) return std::nullopt;
    const auto om = digits(2);
    if (!om || *oh > 23 || *om > 59) return std::nullopt;
    offset = sign * (*oh * 3600 + *om * 60);
  } else {
    return std::nullopt;
  }
  if (at != text.size()) return std::nullopt;
  return unix_from_civil(*year, *month, *day, *hour, *minute, std::min(*second, 59)) - offset;
}

}  // namespace kiosk

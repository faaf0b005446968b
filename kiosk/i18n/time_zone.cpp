#include "kiosk/i18n/time_zone.h"

#include <unicode/timezone.h>
#include <unicode/ucal.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>

namespace kiosk {
namespace {

struct CalendarClose {
  void operator()(UCalendar* c) const { ucal_close(c); }
};

icu::UnicodeString zone_name(std::string_view id) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(id.data(), static_cast<int32_t>(id.size())));
}

}  // namespace

bool known_time_zone(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  icu::UnicodeString canonical;
  UBool system = 0;
  UErrorCode status = U_ZERO_ERROR;
  icu::TimeZone::getCanonicalID(zone_name(id), canonical, system, status);
  return U_SUCCESS(status) != 0 && system != 0;
}

bool use_time_zone(std::string_view id) {
  if (!known_time_zone(id)) return false;
  icu::TimeZone::adoptDefault(icu::TimeZone::createTimeZone(zone_name(id)));
  return true;
}

LocalTime local_time(std::int64_t unix_seconds) {
  LocalTime t;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCalendar, CalendarClose> cal(
      ucal_open(nullptr, 0, "en_US", UCAL_GREGORIAN, &status));  // the default zone
  if (U_FAILURE(status) != 0) return t;
  const auto millis = static_cast<UDate>(unix_seconds) * 1000.0;
  ucal_setMillis(cal.get(), millis, &status);
  const int dow = ucal_get(cal.get(), UCAL_DAY_OF_WEEK, &status);  // 1 Sunday … 7 Saturday
  t.weekday = (dow + 5) % 7;
  t.minute = ucal_get(cal.get(), UCAL_HOUR_OF_DAY, &status) * 60 +
             ucal_get(cal.get(), UCAL_MINUTE, &status);
  t.day = ucal_get(cal.get(), UCAL_DATE, &status);
  ucal_set(cal.get(), UCAL_HOUR_OF_DAY, 0);
  ucal_set(cal.get(), UCAL_MINUTE, 0);
  ucal_set(cal.get(), UCAL_SECOND, 0);
  ucal_set(cal.get(), UCAL_MILLISECOND, 0);
  t.midnight = static_cast<std::int64_t>(ucal_getMillis(cal.get(), &status) / 1000.0);
  ucal_add(cal.get(), UCAL_DATE, 8 - dow, &status);  // the coming Sunday
  t.next_week = static_cast<std::int64_t>(ucal_getMillis(cal.get(), &status) / 1000.0);
  ucal_setMillis(cal.get(), static_cast<UDate>(t.midnight) * 1000.0, &status);
  ucal_set(cal.get(), UCAL_DATE, 1);
  ucal_add(cal.get(), UCAL_MONTH, 1, &status);
  t.next_month = static_cast<std::int64_t>(ucal_getMillis(cal.get(), &status) / 1000.0);
  if (U_FAILURE(status) != 0) return LocalTime{};
  return t;
}

std::int64_t local_day(std::int64_t unix_seconds) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCalendar, CalendarClose> cal(
      ucal_open(nullptr, 0, "en_US", UCAL_GREGORIAN, &status));  // the default zone
  if (U_FAILURE(status) != 0) return unix_seconds / 86400;
  ucal_setMillis(cal.get(), static_cast<UDate>(unix_seconds) * 1000.0, &status);
  const std::int64_t offset_ms = std::int64_t{ucal_get(cal.get(), UCAL_ZONE_OFFSET, &status)} +
                                 ucal_get(cal.get(), UCAL_DST_OFFSET, &status);
  if (U_FAILURE(status) != 0) return unix_seconds / 86400;
  const std::int64_t local = unix_seconds + offset_ms / 1000;
  return local >= 0 ? local / 86400 : (local - 86399) / 86400;
}

}  // namespace kiosk

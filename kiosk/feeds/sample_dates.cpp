#include "kiosk/feeds/sample_dates.h"

#include <unicode/ucal.h>

#include <memory>
#include <optional>

namespace kiosk::feeds {
namespace {

constexpr std::int64_t kWeek = std::int64_t{7} * 24 * 3600;

struct CalendarClose {
  void operator()(UCalendar* c) const { ucal_close(c); }
};
using Calendar = std::unique_ptr<UCalendar, CalendarClose>;

Calendar miami_calendar() {
  UErrorCode status = U_ZERO_ERROR;
  static const UChar kZone[] = u"America/New_York";
  Calendar c(ucal_open(kZone, -1, "en_US", UCAL_GREGORIAN, &status));
  if (U_FAILURE(status) != 0) return nullptr;
  return c;
}

// `when` moved by `weeks` on the wall clock; by plain seconds if ICU has no calendar.
std::int64_t add_weeks(UCalendar* calendar, std::int64_t when, int weeks) {
  if (calendar == nullptr) return when + weeks * kWeek;
  UErrorCode status = U_ZERO_ERROR;
  ucal_setMillis(calendar, static_cast<UDate>(when) * 1000.0, &status);
  ucal_add(calendar, UCAL_DATE, weeks * 7, &status);
  const UDate moved = ucal_getMillis(calendar, &status);
  if (U_FAILURE(status) != 0) return when + weeks * kWeek;
  return static_cast<std::int64_t>(moved / 1000.0);
}

}  // namespace

int sample_event_weeks(const std::vector<Event>& events, std::int64_t now) {
  std::optional<std::int64_t> earliest;
  for (const auto& e : events) {
    if (e.sample && e.start && (!earliest || *e.start < *earliest)) earliest = e.start;
  }
  if (!earliest || *earliest >= now) return 0;
  const std::int64_t weeks = (now - *earliest + kWeek - 1) / kWeek;
  return weeks > 100000 ? 100000 : static_cast<int>(weeks);  // a clock gone mad stays bounded
}

void shift_sample_events(std::vector<Event>& events, int weeks) {
  if (weeks <= 0) return;
  const Calendar calendar = miami_calendar();
  for (auto& e : events) {
    if (!e.sample) continue;
    if (e.start) e.start = add_weeks(calendar.get(), *e.start, weeks);
    if (e.end) e.end = add_weeks(calendar.get(), *e.end, weeks);
  }
}

}  // namespace kiosk::feeds

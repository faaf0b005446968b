#include "kiosk/feeds/ical.h"

#include <unicode/ucal.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>

#include "kiosk/base/utf8.h"

namespace kiosk::feeds {
namespace {

constexpr const char* kZone = "America/New_York";

// The US Eastern rules since 2007, as RFC 5545 wants them with a TZID.
constexpr const char* kTimeZone =
    "BEGIN:VTIMEZONE\r\n"
    "TZID:America/New_York\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "TZOFFSETFROM:-0500\r\n"
    "TZOFFSETTO:-0400\r\n"
    "DTSTART:20070311T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "TZOFFSETFROM:-0400\r\n"
    "TZOFFSETTO:-0500\r\n"
    "DTSTART:20071104T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

struct CalendarClose {
  void operator()(UCalendar* c) const { ucal_close(c); }
};

// "20261212T100000": the moment on Miami's wall clock. Empty outside the years 1 to 9999, which
// are all a DATE-TIME can write (a year 10000 took five digits, one before Christ a wrong year).
std::string local_stamp(std::int64_t when) {
  UErrorCode status = U_ZERO_ERROR;
  static const UChar kZoneU[] = u"America/New_York";
  std::unique_ptr<UCalendar, CalendarClose> cal(
      ucal_open(kZoneU, -1, "en_US", UCAL_GREGORIAN, &status));
  if (U_FAILURE(status) != 0) return {};
  ucal_setMillis(cal.get(), static_cast<UDate>(when) * 1000.0, &status);
  const int year = ucal_get(cal.get(), UCAL_EXTENDED_YEAR, &status);
  if (U_FAILURE(status) != 0 || year < 1 || year > 9999) return {};
  char out[32];
  std::snprintf(
      out, sizeof out, "%04d%02d%02dT%02d%02d%02d", ucal_get(cal.get(), UCAL_YEAR, &status),
      ucal_get(cal.get(), UCAL_MONTH, &status) + 1, ucal_get(cal.get(), UCAL_DATE, &status),
      ucal_get(cal.get(), UCAL_HOUR_OF_DAY, &status), ucal_get(cal.get(), UCAL_MINUTE, &status),
      ucal_get(cal.get(), UCAL_SECOND, &status));
  return U_SUCCESS(status) != 0 ? std::string(out) : std::string();
}

std::string utc_stamp(std::int64_t when) {
  const std::time_t t = when;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[32];
  std::strftime(out, sizeof out, "%Y%m%dT%H%M%SZ", &tm);
  return out;
}

// The UID's id part: what a feed calls the event, kept to safe characters.
std::string uid_part(std::string_view id) {
  std::string out;
  for (const char c : id.substr(0, 100)) {
    const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.';
    out += safe ? c : '-';
  }
  return out.empty() ? std::string("event") : out;
}

}  // namespace

std::string ical_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out += c;  // no controls
        break;
    }
  }
  return out;
}

std::string ical_fold(std::string_view line) {
  // At most 75 octets a line, never inside a UTF-8 sequence; continuation lines start with a
  // space, which counts.
  std::string out;
  std::size_t width = 0;
  std::size_t i = 0;
  while (i < line.size()) {
    std::size_t len = 1;
    const auto lead = static_cast<unsigned char>(line[i]);
    if (lead >= 0xF0) {
      len = 4;
    } else if (lead >= 0xE0) {
      len = 3;
    } else if (lead >= 0xC0) {
      len = 2;
    }
    len = std::min(len, line.size() - i);
    if (width + len > 75) {
      out += "\r\n ";
      width = 1;
    }
    out.append(line.substr(i, len));
    width += len;
    i += len;
  }
  out += "\r\n";
  return out;
}

std::string icalendar(const Event& event, const std::string& title, const std::string& place,
                      std::int64_t now) {
  if (!event.start) return {};
  const std::string start_stamp = local_stamp(*event.start);
  if (start_stamp.empty()) return {};
  // A start within the years 1 to 9999 leaves room for the hour.
  const std::int64_t end =
      event.end && *event.end > *event.start ? *event.end : *event.start + 3600;
  const std::string end_stamp = local_stamp(end);
  if (end_stamp.empty()) return {};
  std::string out =
      "BEGIN:VCALENDAR\r\n"
      "VERSION:2.0\r\n"
      "PRODID:-//Workforce Kiosk//EN\r\n";
  out += kTimeZone;
  out += "BEGIN:VEVENT\r\n";
  out += ical_fold("UID:" + uid_part(event.id) + "@workforce-kiosk");
  out += ical_fold("DTSTAMP:" + utc_stamp(now));
  out += ical_fold(std::string("DTSTART;TZID=") + kZone + ":" + start_stamp);
  out += ical_fold(std::string("DTEND;TZID=") + kZone + ":" + end_stamp);
  const auto bounded = [](const std::string& s) { return s.substr(0, utf8::cut(s, 200)); };
  out += ical_fold("SUMMARY:" + ical_escape(bounded(title)));
  if (!place.empty()) out += ical_fold("LOCATION:" + ical_escape(bounded(place)));
  const bool plain_url = std::all_of(event.url.begin(), event.url.end(), [](char c) {
    return static_cast<unsigned char>(c) > 0x20 && c != 0x7f;
  });
  if (!event.url.empty() && event.url.size() <= 500 && plain_url) {
    out += ical_fold("URL:" + event.url);
  }
  out += "END:VEVENT\r\nEND:VCALENDAR\r\n";
  return out;
}

}  // namespace kiosk::feeds

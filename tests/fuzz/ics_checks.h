// What the calendar text of an event (kiosk/feeds/ical.h) must be whatever a feed said about it,
// shared by the fuzz targets that build one: RFC 5545 content lines ended by CRLF and folded at 75
// octets (never inside a UTF-8 character), exactly the properties the builder writes and in their
// order (a title or place with line breaks, semicolons or colons never adds a property), TEXT
// values that unescape to what was given, and few enough bytes for a QR code at level L.
#pragma once

#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/utf8.h"

namespace kiosk::fuzz {

[[noreturn]] inline void ics_fail() {
  std::abort();
}

// The value a TEXT property unescapes to; fails on a bare ';' or ',' or an unknown escape.
inline std::string ics_unescape_text(std::string_view value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == ';' || c == ',') ics_fail();
    if (c != '\\') {
      out += c;
      continue;
    }
    if (i + 1 == value.size()) ics_fail();
    const char e = value[++i];
    if (e == '\\' || e == ';' || e == ',') {
      out += e;
    } else if (e == 'n' || e == 'N') {
      out += '\n';
    } else {
      ics_fail();
    }
  }
  return out;
}

// What a TEXT property should say for `text`: its first 200 bytes (never a cut character), line
// breaks of any kind as one '\n', other control characters dropped.
inline std::string ics_expected_text(const std::string& text) {
  const std::string bounded = text.substr(0, utf8::cut(text, 200));
  std::string out;
  for (std::size_t i = 0; i < bounded.size(); ++i) {
    const auto c = static_cast<unsigned char>(bounded[i]);
    if (c == '\r') {
      if (i + 1 < bounded.size() && bounded[i + 1] == '\n') ++i;
      out += '\n';
    } else if (c == '\n' || (c >= 0x20 && c != 0x7f)) {
      out += static_cast<char>(c);
    }
  }
  return out;
}

inline bool ics_stamp(std::string_view v, bool utc) {
  if (v.size() != (utc ? 16u : 15u) || v[8] != 'T' || (utc && v[15] != 'Z')) return false;
  for (std::size_t i = 0; i < 15; ++i) {
    if (i != 8 && (v[i] < '0' || v[i] > '9')) return false;
  }
  return true;
}

// Checks `cal`, made by feeds::icalendar(event, title, place, now) for an event with a start and
// the link `url`; traps on anything wrong.
inline void check_icalendar(const std::string& cal, const std::string& title,
                            const std::string& place, const std::string& url) {
  // Physical lines: CRLF only, at most 75 octets, continuations start with a space.
  std::vector<std::string> lines;  // unfolded content lines
  std::size_t start = 0;
  if (cal.empty() || !cal.ends_with("\r\n")) ics_fail();
  while (start < cal.size()) {
    const std::size_t end = cal.find("\r\n", start);
    if (end == std::string::npos) ics_fail();
    const std::string_view part(cal.data() + start, end - start);
    if (part.size() > 75 || part.find('\r') != std::string_view::npos ||
        part.find('\n') != std::string_view::npos) {
      ics_fail();
    }
    if (!part.empty() && part[0] == ' ') {
      if (lines.empty()) ics_fail();
      lines.back() += part.substr(1);
    } else {
      if (part.empty()) ics_fail();
      lines.emplace_back(part);
    }
    start = end + 2;
  }
  // A fold never splits a character: each physical line of valid UTF-8 text is valid on its own.
  if (utf8::valid(cal)) {
    for (std::size_t at = 0; at < cal.size();) {
      const std::size_t end = cal.find("\r\n", at);
      if (!utf8::valid(std::string_view(cal).substr(at, end - at))) ics_fail();
      at = end + 2;
    }
  }

  // Content lines: exactly these, in this order.
  const bool has_place = !place.empty();
  bool plain_url = !url.empty() && url.size() <= 500;
  for (const char c : url)
    plain_url = plain_url && static_cast<unsigned char>(c) > 0x20 && c != 0x7f;
  std::vector<std::string_view> want = {"BEGIN:VCALENDAR",
                                        "VERSION:2.0",
                                        "PRODID:-//Workforce Kiosk//EN",
                                        "BEGIN:VTIMEZONE",
                                        "TZID:America/New_York",
                                        "BEGIN:DAYLIGHT",
                                        "TZOFFSETFROM:-0500",
                                        "TZOFFSETTO:-0400",
                                        "DTSTART:20070311T020000",
                                        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
                                        "END:DAYLIGHT",
                                        "BEGIN:STANDARD",
                                        "TZOFFSETFROM:-0400",
                                        "TZOFFSETTO:-0500",
                                        "DTSTART:20071104T020000",
                                        "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
                                        "END:STANDARD",
                                        "END:VTIMEZONE",
                                        "BEGIN:VEVENT",
                                        "UID:",
                                        "DTSTAMP:",
                                        "DTSTART;TZID=America/New_York:",
                                        "DTEND;TZID=America/New_York:",
                                        "SUMMARY:"};
  if (has_place) want.emplace_back("LOCATION:");
  if (plain_url) want.emplace_back("URL:");
  want.emplace_back("END:VEVENT");
  want.emplace_back("END:VCALENDAR");
  if (lines.size() != want.size()) ics_fail();
  for (std::size_t i = 0; i < want.size(); ++i) {
    const std::string& line = lines[i];
    if (want[i].back() != ':') {
      if (line != want[i]) ics_fail();
      continue;
    }
    if (!line.starts_with(want[i])) ics_fail();
    const std::string_view value = std::string_view(line).substr(want[i].size());
    if (want[i] == "UID:") {
      if (!value.ends_with("@workforce-kiosk") || value.size() > 100 + 16) ics_fail();
      for (const char c : value.substr(0, value.size() - 16)) {
        const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        if (!safe) ics_fail();
      }
    } else if (want[i] == "DTSTAMP:") {
      if (!ics_stamp(value, true)) ics_fail();
    } else if (want[i].starts_with("DTSTART")) {
      if (!ics_stamp(value, false)) ics_fail();
    } else if (want[i].starts_with("DTEND")) {
      // Not compared with DTSTART: an hour after 1:30 on the night clocks fall back reads 1:30.
      if (!ics_stamp(value, false)) ics_fail();
    } else if (want[i] == "SUMMARY:") {
      if (ics_unescape_text(value) != ics_expected_text(title)) ics_fail();
    } else if (want[i] == "LOCATION:") {
      if (ics_unescape_text(value) != ics_expected_text(place)) ics_fail();
    } else if (want[i] == "URL:") {
      if (value != url) ics_fail();
    }
  }

  // A phone reads it from a QR code at level L (kiosk/base/qr.h).
  if (cal.size() > 2953) ics_fail();
}

}  // namespace kiosk::fuzz

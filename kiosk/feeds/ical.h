// An event as an iCalendar object (RFC 5545) a phone's camera adds to its calendar from a QR
// code: one VEVENT with its title, start, end, place and link, its times in Miami's local time
// (TZID America/New_York, with the VTIMEZONE the standard asks for), lines folded at 75 octets.
#pragma once

#include <cstdint>
#include <string>

#include "kiosk/model/model.h"

namespace kiosk::feeds {

// Empty when the event has no start. `title` and `place` in the resident's language; `now`
// (Unix seconds) is the DTSTAMP. An event without an end lasts an hour.
std::string icalendar(const Event& event, const std::string& title, const std::string& place,
                      std::int64_t now);

// TEXT escaping (backslash, semicolon, comma, line breaks) and 75-octet folding, for tests.
std::string ical_escape(std::string_view text);
std::string ical_fold(std::string_view line);

}  // namespace kiosk::feeds

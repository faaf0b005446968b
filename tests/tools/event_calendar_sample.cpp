// Prints the "Add to my calendar" iCalendar text of every bundled sample event, as the kiosk
// would encode it in the QR code, one JSON object a line: {"id", "title", "start", "end",
// "weeks", "ical"} ("start"/"end" are the feed's times as Unix seconds before any move; "weeks"
// how far the sample dates moved). tests/tools/check_calendar.py parses the text back with
// Python's icalendar.
// Usage: event_calendar_sample EVENTS_JSONLD NOW_UNIX_SECONDS
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "kiosk/feeds/ical.h"
#include "kiosk/feeds/jsonld.h"
#include "kiosk/feeds/sample_dates.h"
#include "kiosk/i18n/format.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: event_calendar_sample EVENTS_JSONLD NOW_UNIX_SECONDS\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream body;
  body << in.rdbuf();
  const std::int64_t now = std::stoll(argv[2]);
  auto parsed = kiosk::feeds::parse_jsonld(body.str(), "file:events.jsonld");
  auto* feed = std::get_if<kiosk::ParsedFeed>(&parsed);
  if (feed == nullptr || feed->events.empty()) {
    std::cerr << "event_calendar_sample: no events in " << argv[1] << '\n';
    return 1;
  }
  const std::vector<kiosk::Event> original = feed->events;
  const int weeks = kiosk::feeds::sample_event_weeks(feed->events, now);
  kiosk::feeds::shift_sample_events(feed->events, weeks);
  for (std::size_t i = 0; i < feed->events.size(); ++i) {
    const kiosk::Event& e = feed->events[i];
    const std::string where =
        e.online ? "Online" : e.place.name + ", " + kiosk::place_line(e.place);
    nlohmann::json line = {{"id", e.id},
                           {"title", e.name.en},
                           {"place", e.online ? std::string() : where},
                           {"start", original[i].start.value_or(0)},
                           {"end", original[i].end.value_or(0)},
                           {"weeks", weeks},
                           {"ical", kiosk::feeds::icalendar(e, e.name.en, where, now)}};
    std::cout << line.dump() << '\n';
  }
  return 0;
}

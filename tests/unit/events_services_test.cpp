// Events and support services: opening hours read and said, the calendar text, sample events
// kept upcoming, the kiosk's time zone, and how the store finds, filters and orders them.
#include <gtest/gtest.h>

#include "kiosk/feeds/ical.h"
#include "kiosk/feeds/jsonld.h"
#include "kiosk/feeds/opening_hours.h"
#include "kiosk/feeds/sample_dates.h"
#include "kiosk/i18n/time_zone.h"
#include "kiosk/search/filters.h"
#include "kiosk/search/listing_search.h"
#include "kiosk/store/store.h"
#include "tests/unit/temp_dir.h"

namespace kiosk {
namespace {

using feeds::open_state;
using feeds::parse_opening_hours;
constexpr std::uint8_t kMonToFri = 0x1F;

// ---- Opening hours ---------------------------------------------------------------------------

TEST(OpeningHours, ReadsDayNamesTimesAndLines) {
  EXPECT_EQ(feeds::weekday_of("Monday"), 0);
  EXPECT_EQ(feeds::weekday_of("https://schema.org/Sunday"), 6);
  EXPECT_EQ(feeds::weekday_of("Sa"), 5);
  EXPECT_EQ(feeds::weekday_of("noday"), std::nullopt);
  EXPECT_EQ(feeds::minutes_of("09:30"), 570);
  EXPECT_EQ(feeds::minutes_of("9:00:00"), 540);
  EXPECT_EQ(feeds::minutes_of("24:00"), 1440);
  EXPECT_EQ(feeds::minutes_of("25:00"), std::nullopt);
  EXPECT_EQ(feeds::minutes_of("nine"), std::nullopt);

  const auto hours = parse_opening_hours("Mo-Fr 09:00-17:00; Sa 10:00-12:00,13:00-15:00");
  ASSERT_EQ(hours.size(), 3u);
  EXPECT_EQ(hours[0], (OpeningHours{kMonToFri, 540, 1020}));
  EXPECT_EQ(hours[1], (OpeningHours{1 << 5, 600, 720}));
  EXPECT_EQ(hours[2], (OpeningHours{1 << 5, 780, 900}));
  // A range over the week's end, and rules the kiosk cannot read left out.
  EXPECT_EQ(parse_opening_hours("Sa-Mo 08:00-12:00")[0].days, (1 << 5) | (1 << 6) | 1);
  EXPECT_TRUE(parse_opening_hours("by appointment").empty());
  EXPECT_TRUE(parse_opening_hours("Mo 17:00-09:00").empty());
  // Bounded, whatever a feed sends.
  std::string many;
  for (int i = 0; i < 100; ++i) many += "Mo 09:00-10:00;";
  EXPECT_EQ(parse_opening_hours(many).size(), feeds::kMaxOpeningHours);
}

TEST(OpeningHours, SaysWhetherItIsOpenAndWhenItOpensNext) {
  const std::vector<OpeningHours> hours = {{kMonToFri, 540, 1020}, {1 << 5, 600, 720}};
  // Tuesday 10:00: open until 17:00.
  auto s = open_state(hours, 1, 600);
  EXPECT_TRUE(s.open);
  EXPECT_EQ(s.until, 1020);
  // Tuesday 8:00: opens today at 9.
  s = open_state(hours, 1, 480);
  EXPECT_FALSE(s.open);
  EXPECT_EQ(s.next_in_days, 0);
  EXPECT_EQ(s.next_opens, 540);
  // Friday 18:00: opens tomorrow (Saturday) at 10.
  s = open_state(hours, 4, 1080);
  EXPECT_EQ(s.next_in_days, 1);
  EXPECT_EQ(s.next_opens, 600);
  EXPECT_EQ(s.next_weekday, 5);
  // Saturday 13:00: Monday at 9.
  s = open_state(hours, 5, 780);
  EXPECT_EQ(s.next_in_days, 2);
  EXPECT_EQ(s.next_weekday, 0);
  // Closing time itself is closed.
  EXPECT_FALSE(open_state(hours, 1, 1020).open);
  // Spans that touch are one opening: until the last one closes.
  s = open_state({{1, 540, 720}, {1, 720, 1020}}, 0, 700);
  EXPECT_EQ(s.until, 1020);
  // Open one day a week, asked later that day: next week.
  s = open_state({{1, 540, 600}}, 0, 700);
  EXPECT_EQ(s.next_in_days, 7);
  // No hours: closed, nothing next.
  EXPECT_FALSE(open_state({}, 0, 0).next_in_days.has_value());
}

TEST(OpeningHours, ReadFromSchemaOrgServices) {
  const std::string feed = R"({"@context": "https://schema.org", "@graph": [
    {"@type": "Service", "identifier": "a", "name": "Bus passes", "serviceType": "transportation",
     "hoursAvailable": [
       {"@type": "OpeningHoursSpecification",
        "dayOfWeek": ["https://schema.org/Monday", "https://schema.org/Tuesday"],
        "opens": "09:00", "closes": "16:00"},
       {"@type": "OpeningHoursSpecification", "dayOfWeek": "Saturday", "opens": "10:00",
        "closes": "12:00"}]},
    {"@type": "Service", "identifier": "b", "name": "Laptops", "openingHours": "Tu-Sa 10:00-18:00",
     "hoursAvailable": [{"@value": "Call first", "@language": "en"}]},
    {"@type": "Service", "identifier": "c", "name": "Food",
     "availableChannel": {"serviceLocation": {"@type": "Place", "name": "Pantry",
       "openingHoursSpecification": {"@type": "OpeningHoursSpecification", "dayOfWeek": "Friday",
         "opens": "10:00", "closes": "15:00"}}}},
    {"@type": "Service", "identifier": "d", "name": "Broken",
     "hoursAvailable": [{"@type": "OpeningHoursSpecification", "dayOfWeek": "Moonday",
       "opens": "10:00", "closes": "09:00"}, 7, null, "Mo-Fr 25:00-26:00"]}]})";
  const auto parsed = feeds::parse_jsonld(feed, "file:services.jsonld");
  const auto& services = std::get<ParsedFeed>(parsed).services;
  ASSERT_EQ(services.size(), 4u);
  EXPECT_EQ(services[0].type, "transportation");
  EXPECT_EQ(services[0].opening_hours,
            (std::vector<OpeningHours>{{0b11, 540, 960}, {1 << 5, 600, 720}}));
  EXPECT_TRUE(services[0].hours.empty());  // the specifications are not words
  EXPECT_EQ(services[1].opening_hours, (std::vector<OpeningHours>{{0b111110, 600, 1080}}));
  EXPECT_EQ(services[1].hours.en, "Call first");
  EXPECT_EQ(services[2].opening_hours, (std::vector<OpeningHours>{{1 << 4, 600, 900}}));
  EXPECT_TRUE(services[3].opening_hours.empty());
}

// ---- The calendar text -----------------------------------------------------------------------

TEST(Calendar, EscapesAndFoldsAsRfc5545Asks) {
  EXPECT_EQ(feeds::ical_escape("a,b;c\\d\ne\r\nf\x01"), "a\\,b\\;c\\\\d\\ne\\nf");
  const std::string line =
      "SUMMARY:" + std::string(40, 'a') + std::string(30, 'x') + "\xC3\xA9" + std::string(100, 'b');
  const std::string folded = feeds::ical_fold(line);
  std::size_t start = 0;
  std::string joined;
  while (start < folded.size()) {
    const std::size_t end = folded.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    const std::string part = folded.substr(start, end - start);
    EXPECT_LE(part.size(), 75u);
    joined += start == 0 ? part : part.substr(1);  // a continuation starts with a space
    if (start > 0) {
      EXPECT_EQ(part[0], ' ');
    }
    start = end + 2;
  }
  EXPECT_EQ(joined, line);  // no octet lost, the é never split
}

TEST(Calendar, AnEventOnMiamisWallClock) {
  Event e;
  e.id = "event-0003";
  e.start = 1797692400;  // 2026-12-19 10:00 in Miami (15:00 UTC)
  e.end = *e.start + 7200;
  e.url = "https://example.org/sample/events/event-0003";
  const std::string ical =
      feeds::icalendar(e, "Taller de currículum", "Biblioteca, 1398 SW 1st St, Miami", 1797000000);
  EXPECT_NE(ical.find("BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n"), std::string::npos);
  EXPECT_NE(ical.find("DTSTART;TZID=America/New_York:20261219T100000\r\n"), std::string::npos);
  EXPECT_NE(ical.find("DTEND;TZID=America/New_York:20261219T120000\r\n"), std::string::npos);
  EXPECT_NE(ical.find("SUMMARY:Taller de currículum\r\n"), std::string::npos);
  EXPECT_NE(ical.find("LOCATION:Biblioteca\\, 1398 SW 1st St\\, Miami\r\n"), std::string::npos);
  EXPECT_NE(ical.find("UID:event-0003@workforce-kiosk\r\n"), std::string::npos);
  // In summer the same wall-clock hour is an hour earlier in UTC.
  e.start = 1784469600;  // 2026-07-19 10:00 EDT (14:00 UTC)
  e.end.reset();         // no end: an hour
  const std::string summer = feeds::icalendar(e, "x", "", 0);
  EXPECT_NE(summer.find(":20260719T100000\r\n"), std::string::npos);
  EXPECT_NE(summer.find("DTEND;TZID=America/New_York:20260719T110000"), std::string::npos);
  EXPECT_EQ(summer.find("LOCATION"), std::string::npos);
  // A hostile URL never breaks a line.
  e.url = "https://x.test/a\r\nATTENDEE:evil";
  EXPECT_EQ(feeds::icalendar(e, "x", "", 0).find("ATTENDEE"), std::string::npos);
  e.start.reset();
  EXPECT_TRUE(feeds::icalendar(e, "x", "", 0).empty());
  // Found by ical_fuzz: a time no DATE-TIME can write (a year of seven digits, one before Christ)
  // gives no calendar rather than a broken one.
  e.start = 179600000033167;  // five million years ahead
  EXPECT_TRUE(feeds::icalendar(e, "x", "", 0).empty());
  e.start = -100000000000;  // 1200 BC
  EXPECT_TRUE(feeds::icalendar(e, "x", "", 0).empty());
  e.start = 1784469600;
  e.end = 253402387200;  // 10000-01-02 (UTC and in Miami)
  EXPECT_TRUE(feeds::icalendar(e, "x", "", 0).empty());
}

// ---- Sample events stay upcoming ---------------------------------------------------------------

TEST(SampleDates, MoveByWholeWeeksKeepingTheWallClock) {
  Event winter;
  winter.sample = true;
  winter.start = 1797692400;  // Sat 2026-12-19 10:00 EST
  winter.end = *winter.start + 7200;
  Event real = winter;
  real.sample = false;
  std::vector<Event> events = {winter, real};
  EXPECT_EQ(feeds::sample_event_weeks(events, *winter.start - 1), 0);
  // Loaded on 2027-07-01: 29 weeks later, a Saturday in summer at 10:00 EDT.
  const std::int64_t july = 1814745600;
  const int weeks = feeds::sample_event_weeks(events, july);
  EXPECT_EQ(weeks, 29);
  feeds::shift_sample_events(events, weeks);
  EXPECT_GE(*events[0].start, july);
  EXPECT_LT(*events[0].start, july + 7 * 86400);
  // 29 weeks in seconds, less the hour daylight saving time takes.
  EXPECT_EQ(*events[0].start - *winter.start, 29 * 7 * 86400 - 3600);
  EXPECT_EQ(*events[0].end - *events[0].start, 7200);
  EXPECT_EQ(events[1].start, real.start);  // a real event never moves
  ASSERT_TRUE(use_time_zone("America/New_York"));
  const LocalTime t = local_time(*events[0].start);
  EXPECT_EQ(t.weekday, 5);
  EXPECT_EQ(t.minute, 600);
}

TEST(TimeZone, TheKiosksWallClock) {
  EXPECT_TRUE(known_time_zone("America/New_York"));
  EXPECT_TRUE(known_time_zone("America/Puerto_Rico"));
  EXPECT_FALSE(known_time_zone("Mars/Olympus_Mons"));
  EXPECT_FALSE(known_time_zone(""));
  EXPECT_FALSE(use_time_zone("Nowhere"));
  ASSERT_TRUE(use_time_zone("America/New_York"));
  const LocalTime t = local_time(1797692400);  // Sat 2026-12-19 10:00 EST
  EXPECT_EQ(t.weekday, 5);
  EXPECT_EQ(t.minute, 600);
  EXPECT_EQ(t.day, 19);
  EXPECT_EQ(t.midnight, 1797692400 - 10 * 3600);
  EXPECT_EQ(t.next_week, t.midnight + 86400);        // Sunday the 20th
  EXPECT_EQ(t.next_month, t.midnight + 13 * 86400);  // January 1st
}

// ---- Finding them
// --------------------------------------------------------------------------------

constexpr std::int64_t kNow = 1797000000;  // 2026-12-11

Event event(std::string id, std::string name, std::string type, std::int64_t start_in_days) {
  Event e;
  e.id = std::move(id);
  e.name = {std::move(name), {}};
  e.type = std::move(type);
  e.start = kNow + start_in_days * 86400;
  e.end = *e.start + 7200;
  return e;
}

TEST(EventsAndServices, SoonestFirstFilteredByTypeAndNeverPast) {
  testing::TempDir dir;
  Store store(dir.path(), Store::Mode::Writer);
  ParsedFeed feed;
  feed.events = {event("later", "Tech hiring fair", "hiring_fair", 30),
                 event("soon", "Resume workshop", "workshop", 2),
                 event("past", "Old hiring fair", "hiring_fair", -3),
                 event("mid", "Nursing hiring fair", "hiring_fair", 9),
                 event("odd", "Open house", "open_house", 5)};
  feed.events[0].online = true;
  FeedState state;
  state.url = "file:events";
  state.kind = "events";
  store.replace_feed(state, feed, kNow);

  const auto ids = [&](SearchQuery q) {
    std::vector<std::string> out;
    for (const auto& h : store.search(q).hits) out.push_back(h.id);
    return out;
  };
  ListingSearch search(ListingKind::Event);
  EXPECT_EQ(search.sort, SortOrder::Soonest);
  EXPECT_EQ(ids(search.query(Language::En, kNow, 20)),
            (std::vector<std::string>{"soon", "odd", "mid", "later"}));
  search.filters.toggle("type", "hiring_fair");
  EXPECT_EQ(ids(search.query(Language::En, kNow, 20)), (std::vector<std::string>{"mid", "later"}));
  search.filters.toggle("type", "workshop");  // several kinds at once
  EXPECT_EQ(ids(search.query(Language::En, kNow, 20)),
            (std::vector<std::string>{"soon", "mid", "later"}));
  search.text = "hiring";  // words typed: still the soonest first
  EXPECT_EQ(ids(search.query(Language::En, kNow, 20)), (std::vector<std::string>{"mid", "later"}));
  // The card's facts: type, online, free, start and end.
  SearchQuery all = ListingSearch(ListingKind::Event).query(Language::En, kNow, 20);
  const auto hits = store.search(all).hits;
  ASSERT_EQ(hits.size(), 4u);
  EXPECT_EQ(hits[0].program_type, "workshop");
  EXPECT_EQ(hits[1].program_type, "");  // a type the kiosk does not know is not shown
  EXPECT_EQ(hits[3].workplace, "online");
  EXPECT_EQ(hits[3].cost, 0.0);
  EXPECT_EQ(hits[0].until, *hits[0].start + 7200);
  EXPECT_EQ(store.count(ListingKind::Event, kNow), 4);
  // An unknown type is a clear error for the command line.
  SearchQuery q;
  q.kind = ListingKind::Event;
  EXPECT_NE(apply_filter(q, "type=party"), std::nullopt);
  EXPECT_EQ(apply_filter(q, "type=career_fair"), std::nullopt);
  EXPECT_EQ(q.event_types, kCareerFair);
  EXPECT_EQ(q.employment_types, 0);  // not a job's type
}

TEST(EventsAndServices, ServicesByNeedAndWholeForTheirPage) {
  testing::TempDir dir;
  Store store(dir.path(), Store::Mode::Writer);
  ParsedFeed feed;
  for (const auto& [id, need] : std::vector<std::pair<std::string, std::string>>{
           {"bus", "transportation"}, {"kids", "child_care"}, {"gas", "transportation"}}) {
    Service s;
    s.id = id;
    s.name = {id + " help", {}};
    s.type = need;
    s.opening_hours = {{kMonToFri, 540, 1020}};
    feed.services.push_back(s);
  }
  FeedState state;
  state.url = "file:services";
  state.kind = "services";
  store.replace_feed(state, feed, kNow);
  ListingSearch search(ListingKind::Service);
  search.filters.toggle("need", "transportation");
  const auto result = store.search(search.query(Language::En, kNow, 20));
  ASSERT_EQ(result.total, 2);
  for (const auto& h : result.hits) EXPECT_EQ(h.program_type, "transportation");
  const auto page = store.service(result.hits[0].key);
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->opening_hours, (std::vector<OpeningHours>{{kMonToFri, 540, 1020}}));
  SearchQuery q;
  q.kind = ListingKind::Service;
  EXPECT_NE(apply_filter(q, "need=jetpack"), std::nullopt);
}

}  // namespace
}  // namespace kiosk

// Fuzz target: the iCalendar builder (kiosk/feeds/ical.h), whose text a phone reads from an
// event's calendar QR code. The input is the event's fields separated by NUL bytes: id, link,
// title, place, start, end, now. A start or end is read as a feed's date would be
// (feeds::parse_date), else as a number of Unix seconds of any size. Whatever the fields, the
// text is valid line-folded iCalendar with CRLF and exactly the builder's properties
// (tests/fuzz/ics_checks.h), and fits a QR code.
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/qr.h"
#include "kiosk/feeds/ical.h"
#include "kiosk/feeds/normalize.h"
#include "tests/fuzz/ics_checks.h"

namespace {

struct Time {
  std::optional<std::int64_t> value;
  bool from_date = false;  // a feed's date: 1970 to 2200
};

Time time_of(std::string_view text) {
  if (const auto date = kiosk::feeds::parse_date(text)) return {date, true};
  std::int64_t n = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (error == std::errc() && end == text.data() + text.size() && !text.empty()) return {n, false};
  return {};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> fields;
  for (std::size_t start = 0; fields.size() < 7;) {
    const std::size_t end = input.find('\0', start);
    fields.emplace_back(
        input.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  fields.resize(7);
  kiosk::Event event;
  event.id = fields[0];
  event.url = fields[1];
  const std::string& title = fields[2];
  const std::string& place = fields[3];
  const Time start = time_of(fields[4]);
  const Time end = time_of(fields[5]);
  event.start = start.value;
  event.end = end.value;
  const Time now_time = time_of(fields[6]);
  // The kiosk's clock: any moment between 1970 and 2200.
  const std::int64_t now =
      now_time.value && *now_time.value >= 0 && *now_time.value < 7258118400 ? *now_time.value : 0;

  const std::string cal = kiosk::feeds::icalendar(event, title, place, now);
  if (!event.start) {
    if (!cal.empty()) std::abort();  // no start, no calendar
    return 0;
  }
  if (cal.empty()) {
    // Only a moment no calendar holds may leave it out; a feed's date never does.
    const bool end_from_date = !event.end || end.from_date;
    if (start.from_date && end_from_date) std::abort();
    return 0;
  }
  kiosk::fuzz::check_icalendar(cal, title, place, event.url);
  // check_icalendar holds it to level L's capacity; near it, the encoder must agree.
  if (cal.size() > 2800 && !kiosk::QrCode::encode(cal, kiosk::QrCode::Level::Low)) std::abort();
  return 0;
}

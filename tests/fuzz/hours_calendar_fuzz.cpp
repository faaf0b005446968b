// Fuzz target: an openingHours line as a feed may write it, and the calendar text made from
// what a feed says about an event. Opening hours stay bounded and sane whatever the line, and
// "open now" always answers; the calendar text never has a line over 75 octets, never a bare
// line break, and unfolds back to what was escaped.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kiosk/feeds/ical.h"
#include "kiosk/feeds/opening_hours.h"

namespace feeds = kiosk::feeds;

namespace {

void check_folded(const std::string& folded, const std::string& line) {
  std::string joined;
  std::size_t start = 0;
  while (start < folded.size()) {
    const std::size_t end = folded.find("\r\n", start);
    if (end == std::string::npos) std::abort();
    const std::string_view part(folded.data() + start, end - start);
    if (part.size() > 75) std::abort();
    if (part.find('\n') != std::string_view::npos) std::abort();
    if (start > 0 && (part.empty() || part[0] != ' ')) std::abort();
    joined += start == 0 ? part : part.substr(1);
    start = end + 2;
  }
  if (joined != line) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto hours = feeds::parse_opening_hours(text);
  if (hours.size() > feeds::kMaxOpeningHours) std::abort();
  for (const auto& h : hours) {
    if (h.days == 0 || h.days >= 0x80 || h.opens < 0 || h.closes > 1440 || h.opens >= h.closes) {
      std::abort();
    }
  }
  for (int day = 0; day < 7; ++day) {
    const auto state = feeds::open_state(hours, day, static_cast<int>(size % 1440));
    if (state.open && (state.until <= 0 || state.until > 1440)) std::abort();
    if (!state.open && state.next_in_days && (*state.next_in_days < 0 || *state.next_in_days > 7)) {
      std::abort();
    }
  }
  const std::string escaped = feeds::ical_escape(text);
  if (escaped.find('\n') != std::string::npos || escaped.find('\r') != std::string::npos) {
    std::abort();
  }
  check_folded(feeds::ical_fold("SUMMARY:" + escaped), "SUMMARY:" + escaped);
  kiosk::Event e;
  e.id = text;
  e.url = text;
  e.start = static_cast<std::int64_t>(size) * 86400;
  const std::string cal = feeds::icalendar(e, text, text, 0);
  if (cal.find("\r\nEND:VCALENDAR\r\n") == std::string::npos) std::abort();
  for (std::size_t i = 0; i < cal.size(); ++i) {
    if (cal[i] == '\n' && (i == 0 || cal[i - 1] != '\r')) std::abort();  // only CRLF breaks
  }
  return 0;
}

// Fuzz target: the XML job feed reader (libxml2's xmlTextReader underneath) and the format
// detection in front of it.
#include <cstdint>
#include <string_view>

#include "kiosk/feeds/xml_jobs.h"
#include "kiosk/sync/sync.h"
#include "tests/fuzz/feed_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  (void)kiosk::feeds::looks_like_xml_jobs(body.substr(0, 1 << 16));
  const auto result = kiosk::feeds::parse_xml_jobs(body, "https://feeds.example.org/jobs.xml");
  if (const auto* error = std::get_if<kiosk::ParseError>(&result)) {
    if (error->reason.empty()) __builtin_trap();  // a refusal always says why
  } else {
    const auto& feed = std::get<kiosk::ParsedFeed>(result);
    if (feed.jobs.empty()) __builtin_trap();  // a feed without jobs is a refusal
    kiosk::fuzz::check_jobs(feed);
  }
  const auto any = kiosk::parse_feed(body, "fuzz");
  if (const auto* error = std::get_if<kiosk::ParseError>(&any);
      error != nullptr && error->reason.empty()) {
    __builtin_trap();
  }
  return 0;
}

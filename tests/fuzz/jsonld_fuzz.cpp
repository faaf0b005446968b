// Fuzz target: the schema.org JSON-LD reader (jobs, programs, events, services, FAQ) and the
// feed format detection in front of every parser.
#include <algorithm>
#include <cstdint>
#include <string_view>

#include "kiosk/feeds/jsonld.h"
#include "kiosk/sync/sync.h"

namespace {

bool clean(const std::string& s) {
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\n') return false;
  }
  return s.find("\u202E") == std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto result = kiosk::feeds::parse_jsonld(text, "fuzz");
  if (auto* feed = std::get_if<kiosk::ParsedFeed>(&result)) {
    for (const auto& job : feed->jobs) {
      if (job.title.empty() || job.id.empty()) __builtin_trap();
      if (!clean(job.title.en) || !clean(job.title.es) || !clean(job.employer)) __builtin_trap();
    }
    // An FAQ answer's link is a screen name and at most one KEY=VALUE, or nothing at all.
    for (const auto& f : feed->faq) {
      const auto& route = f.link.route;
      const auto& filter = f.link.filter;
      if (route.size() > 64 || filter.size() > 64) __builtin_trap();
      if (route.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._") != std::string::npos) {
        __builtin_trap();
      }
      if (route.empty() && (!filter.empty() || !f.link.label.empty())) __builtin_trap();
      if (!filter.empty() && std::count(filter.begin(), filter.end(), '=') != 1) __builtin_trap();
    }
  } else if (std::get<kiosk::ParseError>(result).reason.empty()) {
    __builtin_trap();
  }
  auto any = kiosk::parse_feed(text, "fuzz");
  if (auto* error = std::get_if<kiosk::ParseError>(&any);
      error != nullptr && error->reason.empty()) {
    __builtin_trap();
  }
  return 0;
}

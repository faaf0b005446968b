// Fuzz target: the ETPL (training program list) CSV reader.
#include <cstdint>
#include <string_view>

#include "kiosk/feeds/etpl_csv.h"
#include "tests/fuzz/feed_checks.h"

namespace {

using kiosk::fuzz::clean_line;

bool clean_local(const kiosk::LocalText& text) {
  return clean_line(text.en) && clean_line(text.es);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const auto result = kiosk::feeds::parse_etpl_csv(body, "https://example.org/etpl.csv");
  if (const auto* error = std::get_if<kiosk::ParseError>(&result)) {
    if (error->reason.empty()) __builtin_trap();  // a refusal always says why
    return 0;
  }
  const auto& feed = std::get<kiosk::ParsedFeed>(result);
  if (feed.warnings.size() > 22) __builtin_trap();  // encoding note, twenty, one summary line
  for (const auto& p : feed.programs) {
    if (p.name.en.empty()) __builtin_trap();  // rows without a name are skipped
    if (!clean_local(p.name) || !clean_line(p.provider) || !clean_line(p.id) ||
        !clean_local(p.schedule) || !clean_local(p.credential) || !clean_local(p.prerequisites) ||
        !clean_line(p.language) || !clean_line(p.url) || !clean_line(p.occupation_code)) {
      __builtin_trap();
    }
    for (const auto& block : p.description.en) {
      if (block.lines.empty()) __builtin_trap();
      for (const auto& line : block.lines) {
        if (line.empty() || !clean_line(line)) __builtin_trap();
      }
    }
    for (const auto& place : p.locations) {
      if (!clean_line(place.name) || !clean_line(place.street) || !clean_line(place.city) ||
          !clean_line(place.region) || !clean_line(place.postal_code)) {
        __builtin_trap();
      }
    }
    if (p.cost && !(*p.cost >= 0)) __builtin_trap();
    if (p.duration_weeks && (*p.duration_weeks < 1 || *p.duration_weeks > 520)) __builtin_trap();
    if (p.type == kiosk::ProgramType::Unknown) __builtin_trap();  // classroom by default
  }
  return 0;
}

// Fuzz target: the Lever Postings API reader.
#include <cstdint>
#include <string_view>

#include "kiosk/feeds/lever.h"
#include "tests/fuzz/feed_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const auto result =
      kiosk::feeds::parse_lever(body, "https://api.lever.co/v0/postings/fuzz?mode=json");
  if (const auto* error = std::get_if<kiosk::ParseError>(&result)) {
    if (error->reason.empty()) __builtin_trap();  // a refusal always says why
    return 0;
  }
  kiosk::fuzz::check_jobs(std::get<kiosk::ParsedFeed>(result));
  return 0;
}

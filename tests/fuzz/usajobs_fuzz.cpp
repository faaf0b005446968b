// Fuzz target: the USAJOBS reader (Search API pages and flattened records).
#include <cstdint>
#include <string_view>

#include "kiosk/feeds/usajobs.h"
#include "tests/fuzz/feed_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  (void)kiosk::feeds::looks_like_usajobs(body.substr(0, 1 << 16));
  kiosk::fuzz::check_job_result(
      kiosk::feeds::parse_usajobs(body, "https://data.usajobs.gov/api/search?Keyword=fuzz"));
  return 0;
}

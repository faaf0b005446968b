// Fuzz target: the CareerOneStop job search reader.
#include <cstdint>
#include <string_view>

#include "kiosk/feeds/careeronestop.h"
#include "tests/fuzz/feed_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  (void)kiosk::feeds::looks_like_careeronestop(body.substr(0, 1 << 16));
  kiosk::fuzz::check_job_result(kiosk::feeds::parse_careeronestop(
      body, "https://api.careeronestop.org/v2/jobsearch/USER/fuzz/FL/25/0/0/0/10/30"));
  return 0;
}

// Fuzz target: the Ashby job board reader.
#include <cstdint>
#include <string_view>

#include "kiosk/feeds/ashby.h"
#include "tests/fuzz/feed_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  (void)kiosk::feeds::looks_like_ashby(body.substr(0, 1 << 16));
  kiosk::fuzz::check_job_result(
      kiosk::feeds::parse_ashby(body, "https://api.ashbyhq.com/posting-api/job-board/fuzz"));
  return 0;
}

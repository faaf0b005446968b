#include "kiosk/base/iso_time.h"

#include <ctime>

namespace kiosk {
namespace {

std::string utc_text(std::int64_t seconds, const char* format) {
  const std::time_t t = seconds;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[32];
  std::strftime(out, sizeof out, format, &tm);
  return out;
}

}  // namespace

std::string iso_utc(std::int64_t seconds) {
  return utc_text(seconds, "%Y-%m-%dT%H:%M:%SZ");
}

std::string iso_date(std::int64_t seconds) {
  return utc_text(seconds, "%Y-%m-%d");
}

}  // namespace kiosk

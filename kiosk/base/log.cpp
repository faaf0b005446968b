#include "kiosk/base/log.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace kiosk::log {
namespace {

std::atomic<Level> g_level{Level::Info};
std::mutex g_mutex;  // keeps lines from different threads whole

const char* level_name(Level level) {
  switch (level) {
    case Level::Debug:
      return "debug";
    case Level::Info:
      return "info";
    case Level::Warn:
      return "warn";
    case Level::Error:
      return "error";
    case Level::Silent:
      return "";
  }
  return "?";
}

}  // namespace

void set_level(Level level) {
  g_level.store(level);
}
Level level() {
  return g_level.load();
}

void write(Level lvl, std::string_view message) {
  if (lvl < g_level.load()) return;
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
  const std::lock_guard lock(g_mutex);
  std::fprintf(stderr, "%s.%03dZ workforce-kiosk %s: %.*s\n", stamp, static_cast<int>(ms),
               level_name(lvl), static_cast<int>(message.size()), message.data());
}

}  // namespace kiosk::log

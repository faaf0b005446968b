#include "kiosk/base/log.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

#include "kiosk/base/utf8.h"

namespace kiosk::log {
namespace {

std::atomic<Level> g_level{Level::Info};
std::mutex g_mutex;  // keeps lines from different threads whole
std::mutex g_recent_mutex;
std::vector<Entry> g_recent;  // guarded by g_recent_mutex; oldest first

void remember(Level lvl, std::int64_t unix, std::string_view message) {
  std::string kept = utf8::sanitize(message.substr(0, utf8::cut(message, kRecentBytes)));
  kept.resize(utf8::cut(kept, kRecentBytes));  // U+FFFD is longer than the byte it replaced
  const std::lock_guard lock(g_recent_mutex);
  g_recent.push_back(Entry{unix, lvl, std::move(kept)});
  if (g_recent.size() > kRecentCount) g_recent.erase(g_recent.begin());
}

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
  const Level threshold = g_level.load();
  if (lvl < threshold && (lvl < Level::Warn || threshold == Level::Silent)) return;
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  if (lvl >= Level::Warn) remember(lvl, static_cast<std::int64_t>(t), message);
  if (lvl < threshold) return;
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

std::vector<Entry> recent() {
  const std::lock_guard lock(g_recent_mutex);
  return g_recent;
}

void clear_recent() {
  const std::lock_guard lock(g_recent_mutex);
  g_recent.clear();
}

}  // namespace kiosk::log

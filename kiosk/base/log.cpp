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
std::atomic<std::uint64_t> g_warnings{0};
std::atomic<std::uint64_t> g_errors{0};

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
  if (lvl == Level::Warn) g_warnings.fetch_add(1, std::memory_order_relaxed);
  if (lvl == Level::Error) g_errors.fetch_add(1, std::memory_order_relaxed);
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

std::uint64_t count(Level level) {
  if (level == Level::Warn) return g_warnings.load(std::memory_order_relaxed);
  if (level == Level::Error) return g_errors.load(std::memory_order_relaxed);
  return 0;
}

void clear_recent() {
  const std::lock_guard lock(g_recent_mutex);
  g_recent.clear();
}

}  // namespace kiosk::log

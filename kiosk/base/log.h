// Logging for technicians: one line per event on stderr (journald picks it up under systemd).
// Never pass anything a resident typed to these functions: log events and ids, not content.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::log {

enum class Level { Debug, Info, Warn, Error, Silent };  // Silent: nothing (fuzzers)

void set_level(Level level);  // messages below this level are dropped
Level level();

void write(Level lvl, std::string_view message);
inline void debug(std::string_view m) {
  write(Level::Debug, m);
}
inline void info(std::string_view m) {
  write(Level::Info, m);
}
inline void warn(std::string_view m) {
  write(Level::Warn, m);
}
inline void error(std::string_view m) {
  write(Level::Error, m);
}

// The recent problems, for the staff panel: the last kRecentCount Warn and Error lines, whatever
// the level written to stderr (none while Silent), each cut to kRecentBytes on a UTF-8 boundary.
inline constexpr std::size_t kRecentCount = 20;
inline constexpr std::size_t kRecentBytes = 300;
struct Entry {
  std::int64_t unix = 0;  // when it was written, Unix seconds
  Level level = Level::Warn;
  std::string message;
};
std::vector<Entry> recent();  // oldest first; safe from any thread
void clear_recent();          // tests

// How many Warn and Error lines were written since the process started, whatever the level
// written to stderr (the fleet metrics' counters); safe from any thread.
std::uint64_t count(Level level);

}  // namespace kiosk::log

// Logging for technicians: one line per event on stderr (journald picks it up under systemd).
// Never pass anything a resident typed to these functions: log events and ids, not content.
#pragma once

#include <string_view>

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

}  // namespace kiosk::log

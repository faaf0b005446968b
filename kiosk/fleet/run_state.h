// How many times the kiosk came back after dying: systemd tells a service nothing of its own
// restarts, so the kiosk keeps DATA/run_state, a few lines rewritten whole (atomic_file.h) at
// each start and clean stop. A start that finds the last start not followed by a clean stop (a
// crash, a SIGKILL, the watchdog, power) counts a restart. Stops through SIGTERM, staff's "Exit
// kiosk mode" and the end of a scenario are clean.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::fleet {

struct RunState {
  std::int64_t starts = 0;
  std::int64_t restarts = 0;  // starts not preceded by a clean stop
  bool running = false;       // started and not yet stopped cleanly

  bool operator==(const RunState&) const = default;
};

std::filesystem::path run_state_file(const std::filesystem::path& data_dir);

// "starts=N\nrestarts=N\nrunning=0|1\n" and back; unknown or broken lines are ignored.
std::string format_run_state(const RunState& state);
RunState parse_run_state(std::string_view text);

// Counts this start and marks the kiosk running. On a write failure the counts are still
// returned and *error says why.
RunState record_start(const std::filesystem::path& data_dir, std::string* error);
// Marks the kiosk stopped cleanly. nullopt on success, else one sentence.
std::optional<std::string> record_clean_stop(const std::filesystem::path& data_dir);

}  // namespace kiosk::fleet

#include "kiosk/fleet/run_state.h"

#include <charconv>

#include "kiosk/base/atomic_file.h"

namespace kiosk::fleet {
namespace {

constexpr std::size_t kMaxBytes = 256;

RunState read_state(const std::filesystem::path& data_dir) {
  const auto text = read_small_file(run_state_file(data_dir), kMaxBytes);
  return text && text->size() <= kMaxBytes ? parse_run_state(*text) : RunState{};
}

}  // namespace

std::filesystem::path run_state_file(const std::filesystem::path& data_dir) {
  return data_dir / "run_state";
}

std::string format_run_state(const RunState& state) {
  return "starts=" + std::to_string(state.starts) + "\nrestarts=" + std::to_string(state.restarts) +
         "\nrunning=" + (state.running ? "1" : "0") + "\n";
}

RunState parse_run_state(std::string_view text) {
  RunState state;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string_view key = line.substr(0, eq);
    const std::string_view value = line.substr(eq + 1);
    std::int64_t n = 0;
    const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc{} || ptr != value.data() + value.size() || n < 0) continue;
    if (key == "starts") state.starts = n;
    if (key == "restarts") state.restarts = n;
    if (key == "running") state.running = n != 0;
  }
  return state;
}

RunState record_start(const std::filesystem::path& data_dir, std::string* error) {
  RunState state = read_state(data_dir);
  if (state.running) ++state.restarts;
  ++state.starts;
  state.running = true;
  if (auto why = write_file_atomically(run_state_file(data_dir), format_run_state(state), 0600)) {
    if (error != nullptr) *error = *why;
  }
  return state;
}

std::optional<std::string> record_clean_stop(const std::filesystem::path& data_dir) {
  RunState state = read_state(data_dir);
  state.running = false;
  return write_file_atomically(run_state_file(data_dir), format_run_state(state), 0600);
}

}  // namespace kiosk::fleet

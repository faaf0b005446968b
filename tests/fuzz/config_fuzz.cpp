// Fuzz target: the TOML configuration loader and validator.
#include <cstdint>
#include <string_view>

#include "kiosk/config/config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto result = kiosk::parse_config(text, "fuzz.toml");
  if (result.config.has_value() == !result.errors.empty()) __builtin_trap();
  if (result.config) {
    const auto& s = result.config->session;
    if (s.idle_timeout_s < 30 || s.idle_timeout_s > 3600) __builtin_trap();
    if (s.idle_warning_s < 20 || s.idle_warning_s > 600) __builtin_trap();
    if (result.config->kiosk.id.empty()) __builtin_trap();
  }
  for (const auto& e : result.errors) {
    if (e.message.empty()) __builtin_trap();
  }
  return 0;
}

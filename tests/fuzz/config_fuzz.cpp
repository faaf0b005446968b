// Fuzz target: the TOML configuration loader and validator, and the feeds' secrets file (the
// same text read as one: it must never crash, and a refusal never quotes a value).
#include <algorithm>
#include <cstdint>
#include <string_view>

#include "kiosk/config/config.h"
#include "kiosk/config/secrets.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto result = kiosk::parse_config(text, "fuzz.toml");
  if (result.config.has_value() == !result.errors.empty()) __builtin_trap();
  if (result.config) {
    const auto& s = result.config->session;
    if (s.idle_timeout_s < 30 || s.idle_timeout_s > 3600) __builtin_trap();
    if (s.idle_warning_s < 20 || s.idle_warning_s > 600) __builtin_trap();
    if (result.config->kiosk.id.empty()) __builtin_trap();
    // Every feed has a URL, a known format, a page limit in range, and resolves or says why.
    for (const auto& feed : result.config->feeds.jobs) {
      if (feed.url.empty() || feed.max_pages < 1 || feed.max_pages > 100) __builtin_trap();
      if (std::find(std::begin(kiosk::kFeedFormats), std::end(kiosk::kFeedFormats), feed.format) ==
          std::end(kiosk::kFeedFormats)) {
        __builtin_trap();
      }
      const auto resolved = kiosk::resolve_feed(feed, nullptr);
      if (kiosk::secret_names(feed).empty() !=
          std::holds_alternative<kiosk::ResolvedFeed>(resolved)) {
        __builtin_trap();
      }
    }
  }
  const auto secrets = kiosk::Secrets::parse(text, "fuzz-secrets.toml");
  if (const auto* why = std::get_if<std::string>(&secrets); why != nullptr && why->empty()) {
    __builtin_trap();
  }
  for (const auto& e : result.errors) {
    if (e.message.empty()) __builtin_trap();
  }
  return 0;
}

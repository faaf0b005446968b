// Fuzz target: message catalogs and ICU MessageFormat patterns (parse, inspect, format).
#include <cstdint>
#include <string_view>

#include "kiosk/base/log.h"
#include "kiosk/i18n/i18n.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  kiosk::log::set_level(kiosk::log::Level::Silent);  // bad patterns are expected here
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string error;
  if (auto catalog = kiosk::parse_catalog(text, &error)) {
    kiosk::Translator tr;
    tr.set_catalogs(*catalog, *catalog);
    for (const auto& [key, pattern] : *catalog) {
      (void)kiosk::message_arguments(pattern);
      (void)tr.format(kiosk::MsgKey{key}, {{"count", std::int64_t{3}}, {"name", std::string("x")}});
    }
    (void)kiosk::make_pseudo_catalog(*catalog);
  }
  (void)kiosk::message_arguments(text);  // the raw bytes as a pattern, too
  return 0;
}

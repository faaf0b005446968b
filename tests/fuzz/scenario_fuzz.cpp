// Fuzz target: the automation scenario parser.
#include <cstdint>
#include <string_view>

#include "kiosk/input/scenario.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto result = kiosk::parse_scenario(text, "fuzz");
  if (result.scenario) {
    for (const auto& step : result.scenario->steps) {
      // Parser invariants: a step has an argument exactly when its verb takes words (the verb
      // table's own count: `headphones` and `expect-all-screens` take none).
      const bool takes_none = kiosk::verb_arguments(step.verb) == 0;
      if (step.line <= 0 || step.arg.empty() != takes_none) __builtin_trap();
    }
  } else if (result.error.empty()) {
    __builtin_trap();  // a refusal always says why
  }
  return 0;
}

// `workforce-kiosk pin-hash`: the staff PIN in, its argon2id hash out (kiosk/staff/pin.h).
#include <iostream>

#include <nlohmann/json.hpp>

#include "kiosk/base/wipe.h"
#include "kiosk/cli/cli.h"
#include "kiosk/cli/no_echo.h"
#include "kiosk/staff/pin.h"

namespace kiosk {

int run_pin_hash(const Options& options, std::istream& in) {
  std::string line = read_secret_line(in, "PIN (4 to 8 digits): ", staff::kMaxPinDigits);
  const bool valid = staff::valid_pin(line);
  const auto hash = valid ? staff::hash_pin(line) : std::nullopt;
  wipe(line);
  if (!valid) {
    std::cerr << "workforce-kiosk: pin-hash reads one line of 4 to 8 digits (0-9) on standard "
                 "input\n";
    return 2;
  }
  if (!hash) {
    std::cerr << "workforce-kiosk: cannot hash the PIN (libsodium could not start or is out of "
                 "memory)\n";
    return 1;
  }
  if (options.json) {
    std::cout << nlohmann::json{{"pin_hash", *hash}}.dump() << '\n';
  } else {
    std::cout << *hash << '\n';
  }
  return 0;
}

}  // namespace kiosk

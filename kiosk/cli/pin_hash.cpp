// `workforce-kiosk pin-hash`: the staff PIN in, its argon2id hash out (kiosk/staff/pin.h).
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include <nlohmann/json.hpp>

#include "kiosk/base/wipe.h"
#include "kiosk/cli/cli.h"
#include "kiosk/staff/pin.h"

namespace kiosk {
namespace {

// Typing at a terminal: no echo while the PIN is read, the terminal restored however it ends.
class NoEcho {
 public:
  NoEcho() {
    if (::isatty(STDIN_FILENO) == 0 || ::tcgetattr(STDIN_FILENO, &saved_) != 0) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    active_ = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    if (active_) std::cerr << "PIN (4 to 8 digits): " << std::flush;
  }
  ~NoEcho() {
    if (!active_) return;
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
    std::cerr << '\n';
  }
  NoEcho(const NoEcho&) = delete;
  NoEcho& operator=(const NoEcho&) = delete;

 private:
  termios saved_{};
  bool active_ = false;
};

}  // namespace

int run_pin_hash(const Options& options, std::istream& in) {
  std::string line;
  {
    std::optional<NoEcho> quiet;
    if (&in == &std::cin) quiet.emplace();
    // One line, and no more of it than a PIN could be: a stray file piped in is not read whole.
    char c = 0;
    while (line.size() <= staff::kMaxPinDigits + 1 && in.get(c) && c != '\n') line += c;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
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

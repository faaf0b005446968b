// Reading a secret typed at a terminal (the staff PIN): no echo while it is read, the terminal
// restored however the read ends. Does nothing when standard input is not a terminal.
#pragma once

#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

class NoEcho {
 public:
  explicit NoEcho(std::string_view prompt) {
    if (::isatty(STDIN_FILENO) == 0 || ::tcgetattr(STDIN_FILENO, &saved_) != 0) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    active_ = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    if (active_) std::cerr << prompt << std::flush;
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

// One line of `in` (at most max_bytes + 2 of it: a stray file piped in is not read whole), without
// its line end; read without echo, after `prompt`, when `in` is a terminal's standard input.
// The caller wipes it.
inline std::string read_secret_line(std::istream& in, std::string_view prompt,
                                    std::size_t max_bytes) {
  std::string line;
  line.reserve(max_bytes + 2);
  {
    std::optional<NoEcho> quiet;
    if (&in == &std::cin) quiet.emplace(prompt);
    char c = 0;
    while (line.size() <= max_bytes + 1 && in.get(c) && c != '\n') line += c;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace kiosk

// Forgetting what a resident typed: the bytes are overwritten before the string is emptied, so
// typed text does not linger in freed memory after a session.
#pragma once

#include <string>

namespace kiosk {

inline void wipe(std::string& s) {
  // Volatile stores: the compiler may not drop them as dead writes before the clear.
  volatile char* p = s.data();
  for (std::size_t i = 0; i < s.size(); ++i) p[i] = 0;
  s.clear();
}

// Wipes a string holding a secret or typed text when the scope ends, however it ends.
class WipeOnExit {
 public:
  explicit WipeOnExit(std::string& s) : s_(s) {}
  ~WipeOnExit() { wipe(s_); }
  WipeOnExit(const WipeOnExit&) = delete;
  WipeOnExit& operator=(const WipeOnExit&) = delete;

 private:
  std::string& s_;
};

}  // namespace kiosk

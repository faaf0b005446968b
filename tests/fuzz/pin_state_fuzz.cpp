// Fuzz target: the staff lockout file (DATA/staff_lockout.json, kiosk/staff/pin.h) in any state a
// power cut, a full disk or a hand could leave it. Reading it never crashes; a lock never lasts
// longer than one lockout from now; the count stays within five; wrong PINs recorded after it
// still lock the entry, and what is saved reads back as the same lock.
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "kiosk/base/clock.h"
#include "kiosk/staff/pin.h"

namespace {

namespace fs = std::filesystem;
using kiosk::staff::kLockout;
using kiosk::staff::kMaxWrongPins;
using kiosk::staff::PinGate;

[[noreturn]] void fail() {
  std::abort();
}

// Written on every input: a RAM disk when there is one; removed at exit.
struct StateFile {
  StateFile() {
    const fs::path base =
        fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    path = base / ("pin-state-fuzz-" + std::to_string(getpid()) + ".json");
  }
  ~StateFile() {
    std::error_code ec;
    fs::remove(path, ec);
  }
  fs::path path;
};

// Any well-formed hash: record() never checks it (verify_pin would, and is far too slow here).
constexpr const char* kHash =
    "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const StateFile state;
  const fs::path& file = state.path;
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  const kiosk::Clock clock;
  {
    PinGate gate(file, kHash, clock);
    if (gate.failures() < 0 || gate.failures() > kMaxWrongPins) fail();
    const auto left = gate.lock_left();
    if (left < std::chrono::seconds(0) || left > kLockout) fail();
    if (!gate.locked()) {
      // At most five wrong PINs in a row, from whatever count was read, and the entry locks.
      int wrong = 0;
      while (gate.record(false) == PinGate::Result::Wrong) {
        if (++wrong > kMaxWrongPins) fail();
      }
      if (!gate.locked()) fail();
    }
  }
  // What was saved (or left) reads back as a lock of at most one lockout.
  PinGate again(file, kHash, clock);
  if (again.lock_left() > kLockout || again.failures() < 0 || again.failures() > kMaxWrongPins) {
    fail();
  }
  return 0;
}

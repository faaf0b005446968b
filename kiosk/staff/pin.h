// The staff PIN: kept only as an argon2id hash (libsodium crypto_pwhash_str, `[staff] pin_hash`
// in kiosk.toml), typed into a buffer that wipes itself, and guarded by a lockout that survives a
// restart: five wrong PINs in a row close the entry for five minutes. The lockout file in the
// data directory holds a count and a time, never a PIN.
#pragma once

#include <array>
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/base/clock.h"

namespace kiosk::staff {

inline constexpr std::size_t kMinPinDigits = 4;
inline constexpr std::size_t kMaxPinDigits = 8;
inline constexpr int kMaxWrongPins = 5;  // the fifth wrong PIN locks
inline constexpr std::chrono::seconds kLockout = std::chrono::minutes(5);

// 4 to 8 ASCII digits, nothing else.
bool valid_pin(std::string_view pin);

// The argon2id hash of a valid PIN ("$argon2id$v=19$m=…"), salted, at libsodium's interactive
// limits; nothing when the PIN is not valid or libsodium cannot start.
std::optional<std::string> hash_pin(std::string_view pin);

// Whether `pin` matches the hash; false for a malformed hash or an invalid PIN.
bool verify_pin(const std::string& hash, std::string_view pin);

// The digits typed on the keypad so far: a fixed buffer, wiped (sodium_memzero) when cleared or
// destroyed, never copied.
class PinDigits {
 public:
  PinDigits() = default;
  ~PinDigits();
  PinDigits(const PinDigits&) = delete;
  PinDigits& operator=(const PinDigits&) = delete;

  bool add(char digit);  // false (and nothing added) when full or not a digit
  void backspace();
  void clear();  // wipes
  std::size_t size() const { return size_; }
  std::string_view view() const { return {digits_.data(), size_}; }

 private:
  std::array<char, kMaxPinDigits> digits_{};
  std::size_t size_ = 0;
};

// The lockout and the check, with the failures persisted in `state_file` (written atomically).
// Time is the wall clock moved by the kiosk clock's offset, so `advance` in a scenario and a test
// clock both move it, and a lock survives a restart.
class PinGate {
 public:
  enum class Result {
    Accepted,
    Wrong,   // counted; the entry locks when this was the fifth in a row
    Locked,  // not even checked
    NoPin,   // no [staff] pin_hash: the hidden entry does nothing
  };

  PinGate(std::filesystem::path state_file, std::string pin_hash, const Clock& clock);

  Result try_pin(std::string_view pin);
  // The same in two halves, for a check that runs off the UI thread: precheck() answers NoPin or
  // Locked without checking (nothing: go on and verify_pin() elsewhere); record() counts what the
  // check found and answers as try_pin() would.
  std::optional<Result> precheck();
  Result record(bool matched);
  const std::string& hash() const { return hash_; }
  bool configured() const { return !hash_.empty(); }
  bool locked();                     // also ends an expired lock
  std::chrono::seconds lock_left();  // 0 when not locked
  int failures() const { return failures_; }

  static constexpr std::string_view kFileName = "staff_lockout.json";

 private:
  std::chrono::system_clock::time_point wall_now() const;
  void load();
  void save();

  std::filesystem::path file_;
  std::string hash_;
  const Clock& clock_;
  int failures_ = 0;
  std::optional<std::chrono::system_clock::time_point> locked_until_;
};

}  // namespace kiosk::staff

#include "kiosk/staff/pin.h"

#include <sodium.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "kiosk/base/atomic_file.h"
#include "kiosk/base/log.h"

namespace kiosk::staff {
namespace {

constexpr std::size_t kMaxStateBytes = 4096;

bool sodium_started() {
  return sodium_init() >= 0;  // 0 the first time, 1 after; thread-safe
}

}  // namespace

bool valid_pin(std::string_view pin) {
  return pin.size() >= kMinPinDigits && pin.size() <= kMaxPinDigits &&
         std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<std::string> hash_pin(std::string_view pin) {
  if (!valid_pin(pin) || !sodium_started()) return std::nullopt;
  std::array<char, crypto_pwhash_STRBYTES> out{};
  // argon2id by name, whatever libsodium's default becomes.
  if (crypto_pwhash_str_alg(out.data(), pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return std::nullopt;  // out of memory
  }
  return std::string(out.data());
}

bool verify_pin(const std::string& hash, std::string_view pin) {
  if (!valid_pin(pin) || !hash.starts_with("$argon2id$") || !sodium_started()) return false;
  return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

PinDigits::~PinDigits() {
  clear();
}

bool PinDigits::add(char digit) {
  if (size_ >= digits_.size() || digit < '0' || digit > '9') return false;
  digits_[size_++] = digit;
  return true;
}

void PinDigits::backspace() {
  if (size_ == 0) return;
  --size_;
  sodium_memzero(&digits_[size_], 1);
}

void PinDigits::clear() {
  sodium_memzero(digits_.data(), digits_.size());
  size_ = 0;
}

PinGate::PinGate(std::filesystem::path state_file, std::string pin_hash, const Clock& clock)
    : file_(std::move(state_file)), hash_(std::move(pin_hash)), clock_(clock) {
  load();
}

std::chrono::system_clock::time_point PinGate::wall_now() const {
  return std::chrono::system_clock::now() +
         std::chrono::duration_cast<std::chrono::system_clock::duration>(clock_.offset());
}

void PinGate::load() {
  const auto text = read_small_file(file_, kMaxStateBytes);
  if (!text) return;
  const auto state = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  const auto failures = state.is_object() ? state.find("failures") : state.end();
  const auto until = state.is_object() ? state.find("locked_until") : state.end();
  const bool sound = text->size() <= kMaxStateBytes && state.is_object() &&
                     failures != state.end() && failures->is_number_integer() &&
                     until != state.end() && until->is_number_integer();
  if (!sound) {
    // Someone or something broke the count: fail closed, for one lockout, then start afresh.
    log::warn("the staff lockout file " + file_.string() + " is damaged; the PIN entry is locked " +
              "for 5 minutes");
    failures_ = 0;
    locked_until_ = wall_now() + kLockout;
    save();
    return;
  }
  failures_ = std::clamp(failures->get<int>(), 0, kMaxWrongPins);
  const auto seconds = until->get<long long>();
  if (seconds > 0) {
    // A clock set back (or a file written with a wrong clock) never locks longer than one lockout.
    // Compared in seconds: a time further ahead than the clock's nanoseconds can count (year
    // 2262) would overflow on the way and could come out in the past, unlocking at once.
    const auto latest = wall_now() + kLockout;
    const auto latest_seconds =
        std::chrono::duration_cast<std::chrono::seconds>(latest.time_since_epoch()).count();
    locked_until_ = seconds >= latest_seconds
                        ? latest
                        : std::chrono::system_clock::time_point{std::chrono::seconds(seconds)};
  }
}

void PinGate::save() {
  const long long until =
      locked_until_
          ? std::chrono::duration_cast<std::chrono::seconds>(locked_until_->time_since_epoch())
                .count()
          : 0;
  const nlohmann::json state = {{"failures", failures_}, {"locked_until", until}};
  if (auto error = write_file_atomically(file_, state.dump() + "\n", 0600)) {
    log::warn("cannot save the staff lockout: " + *error);
  }
}

bool PinGate::locked() {
  if (!locked_until_) return false;
  if (wall_now() < *locked_until_) return true;
  locked_until_.reset();  // served: a fresh five tries
  failures_ = 0;
  save();
  return false;
}

std::chrono::seconds PinGate::lock_left() {
  if (!locked()) return std::chrono::seconds(0);
  return std::chrono::ceil<std::chrono::seconds>(*locked_until_ - wall_now());
}

PinGate::Result PinGate::try_pin(std::string_view pin) {
  if (const auto before = precheck()) return *before;
  return record(verify_pin(hash_, pin));
}

std::optional<PinGate::Result> PinGate::precheck() {
  if (!configured()) return Result::NoPin;
  if (locked()) return Result::Locked;
  return std::nullopt;
}

PinGate::Result PinGate::record(bool matched) {
  if (const auto before = precheck()) return *before;  // locked while the check ran
  if (matched) {
    if (failures_ != 0) {
      failures_ = 0;
      save();
    }
    return Result::Accepted;
  }
  ++failures_;
  if (failures_ >= kMaxWrongPins) {
    failures_ = 0;
    locked_until_ = wall_now() + kLockout;
    log::warn("five wrong staff PINs: the staff entry is locked for 5 minutes");
  }
  save();  // before the answer: pulling the plug after a wrong PIN does not forget it
  return Result::Wrong;
}

}  // namespace kiosk::staff

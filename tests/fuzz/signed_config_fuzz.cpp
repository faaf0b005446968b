// Fuzz target: the signed configuration file (kiosk/fleet/signed_config.h) and the remote
// verdict. Any input is taken apart without crashing; and the input signed with a fixed key is
// accepted exactly when check-config accepts it and it has not expired, never with another id.
#include <sodium.h>

#include <cstdint>
#include <string_view>

#include "kiosk/base/base64.h"
#include "kiosk/base/log.h"
#include "kiosk/fleet/remote_config.h"
#include "kiosk/fleet/signed_config.h"

namespace {

struct FixedKey {
  kiosk::SecretBytes secret{kiosk::fleet::kSigningSecretKeyBytes};
  kiosk::Config local;
  FixedKey() {
    kiosk::log::set_level(kiosk::log::Level::Silent);
    if (sodium_init() < 0) __builtin_trap();
    unsigned char seed[crypto_sign_SEEDBYTES] = {7};
    unsigned char pub[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_seed_keypair(pub, secret.data(), seed);
    local.kiosk.id = "fuzz-kiosk";
    local.fleet.config_url = "https://fleet.example.org/k";
    local.fleet.config_public_key = kiosk::to_base64(pub, sizeof pub);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const FixedKey key;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  constexpr std::int64_t kNow = 1796083200;

  const auto split = kiosk::fleet::split_signed(text);
  if (split.parts.has_value() == !split.error.empty()) __builtin_trap();
  if (split.parts && !text.starts_with(split.parts->body)) __builtin_trap();
  const auto as_is = kiosk::fleet::check_remote_config(text, key.local, -1, kNow);
  if (as_is.kind == kiosk::fleet::RemoteVerdict::Kind::Refused && as_is.reason.empty()) {
    __builtin_trap();
  }

  const auto signed_text = kiosk::fleet::sign_text(text, key.secret);
  if (!signed_text) return 0;  // it ended with a signature line already
  const auto verdict = kiosk::fleet::check_remote_config(*signed_text, key.local, -1, kNow);
  const auto parts = kiosk::fleet::split_signed(*signed_text).parts;
  if (!parts || !signed_text->starts_with(text)) __builtin_trap();
  const auto plain = kiosk::parse_config(parts->body, "fuzz.toml");
  const bool expired = plain.config && plain.config->fleet.config_expires_unix &&
                       *plain.config->fleet.config_expires_unix <= kNow;
  const bool want = plain.config && !expired;
  if ((verdict.kind == kiosk::fleet::RemoteVerdict::Kind::Accepted) != want) __builtin_trap();
  if (verdict.config &&
      (verdict.config->kiosk.id != "fuzz-kiosk" ||
       verdict.config->fleet.config_public_key != key.local.fleet.config_public_key)) {
    __builtin_trap();
  }
  return 0;
}

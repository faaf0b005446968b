// Fuzz target: what the intake side reads from outside — a decrypted envelope's JSON (the check
// `outbox open` and the reference receiver make), base64 keys, and sealed bytes. Nothing may crash;
// answers must agree with each other: a key or base64 text that parses writes back the same
// text, an envelope the check takes is a JSON object, and whatever is sealed opens to itself.
#include <sodium.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "kiosk/signup/envelope.h"
#include "kiosk/signup/sealing.h"

namespace {

struct Pair {
  Pair() : secret(kiosk::kSecretKeyBytes) {
    if (!kiosk::sodium_ready()) std::abort();
    unsigned char seed[crypto_box_SEEDBYTES] = {42};
    crypto_box_seed_keypair(pub.bytes.data(), secret.data(), seed);
  }
  kiosk::PublicKey pub;
  kiosk::SecretBytes secret;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Pair keys;
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  if (!kiosk::check_envelope_json(text)) {
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) std::abort();
    const auto version = j.find("schema_version");
    if (version == j.end() || *version != kiosk::kSignupSchemaVersion) std::abort();
  }

  if (const auto bytes = kiosk::from_base64(text)) {
    if (kiosk::to_base64(bytes->data(), bytes->size()) != text) std::abort();
  }
  if (const auto key = kiosk::parse_public_key(text)) {
    if (kiosk::to_base64(key->bytes.data(), key->bytes.size()) != text) std::abort();
  }

  const std::vector<unsigned char> bytes(data, data + size);
  if (const auto opened = kiosk::open_sealed(bytes, keys.secret)) {
    // Only a real seal to this key opens; random bytes never do.
    if (opened->size() + crypto_box_SEALBYTES != size) std::abort();
  }
  if (size <= 4096) {
    const auto sealed = kiosk::seal(text, keys.pub);
    const auto back = kiosk::open_sealed(sealed, keys.secret);
    if (!back || back->view() != text) std::abort();
  }
  return 0;
}

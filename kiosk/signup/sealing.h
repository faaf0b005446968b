// The intake team's keys and the sealed box every sign-up travels in (libsodium
// crypto_box_seal: X25519 + XSalsa20-Poly1305, anonymous sender). The kiosk holds only the public
// key, so it cannot read a sign-up back once sealed. Keys are written as padded standard base64.
// Every libsodium buffer that holds a secret is wiped (sodium_memzero) when it goes.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/base64.h"  // the keys' text

namespace kiosk {

// Calls sodium_init() once; false when libsodium cannot start (no entropy source).
bool sodium_ready();

// Bytes that are wiped with sodium_memzero when destroyed or cleared (plaintext, secret keys).
class SecretBytes {
 public:
  SecretBytes() = default;
  explicit SecretBytes(std::size_t size);
  explicit SecretBytes(std::string_view bytes);
  ~SecretBytes();
  SecretBytes(SecretBytes&& other) noexcept;
  SecretBytes& operator=(SecretBytes&& other) noexcept;
  SecretBytes(const SecretBytes&) = delete;
  SecretBytes& operator=(const SecretBytes&) = delete;

  unsigned char* data() { return bytes_.data(); }
  const unsigned char* data() const { return bytes_.data(); }
  std::size_t size() const { return bytes_.size(); }
  std::string_view view() const;
  void clear();  // wipes, then empties

 private:
  std::vector<unsigned char> bytes_;
};

inline constexpr std::size_t kPublicKeyBytes = 32;  // crypto_box_PUBLICKEYBYTES
inline constexpr std::size_t kSecretKeyBytes = 32;  // crypto_box_SECRETKEYBYTES

struct PublicKey {
  std::array<unsigned char, kPublicKeyBytes> bytes{};
};

// A public key from its base64 text; nothing when the text is not 32 bytes of padded base64.
std::optional<PublicKey> parse_public_key(std::string_view base64);

// `keygen --out DIR`: DIR/intake.pub (base64 public key and a newline) and DIR/intake.key (the
// base64 secret key, mode 0600, never world-readable even for a moment). nullopt on success, else
// one sentence.
std::optional<std::string> write_key_pair(const std::filesystem::path& dir);
// The secret key from an intake.key file; the error (one sentence) when it cannot.
struct SecretKeyResult {
  std::optional<SecretBytes> key;  // kSecretKeyBytes
  std::string error;
};
SecretKeyResult read_secret_key(const std::filesystem::path& file);

// What both keygens share (intake and signing keys): DIR/STEM.key (the secret as base64, mode
// 0600, written first) and DIR/STEM.pub (base64 and a newline); neither replaces a key.
std::optional<std::string> write_key_files(const std::filesystem::path& dir, std::string_view stem,
                                           const unsigned char* public_key, std::size_t public_size,
                                           const SecretBytes& secret);
// A secret key file of exactly `bytes` bytes; `what` ("an intake secret key") names it in errors.
SecretKeyResult read_secret_key(const std::filesystem::path& file, std::size_t bytes,
                                std::string_view what);

// crypto_box_seal of the plaintext to the public key.
std::vector<unsigned char> seal(std::string_view plaintext, const PublicKey& key);
// crypto_box_seal_open; nothing when the envelope was not sealed to this key pair (or is damaged).
std::optional<SecretBytes> open_sealed(const std::vector<unsigned char>& envelope,
                                       const SecretBytes& secret_key);

// A short reference the resident keeps ("K7M4-QX2P": 8 characters of Crockford base32, no
// look-alikes), from randombytes.
std::string make_reference();
// An Idempotency-Key: a random UUID (version 4) as text, made once, before the first attempt.
std::string make_idempotency_key();

}  // namespace kiosk

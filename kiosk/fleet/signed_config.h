// Signed configuration files (README, "Remote configuration, signed"): the TOML text, then one
// last comment line that carries an ed25519 signature (libsodium crypto_sign_detached) over every
// byte before that line:
//
//   [kiosk]
//   location = "Main Library"
//   ...
//   # workforce-kiosk-signature: ed25519 <88 characters of padded base64>
//
// The file stays a TOML file a person can read; changing any byte above the line, or signing with
// another key, makes the signature fail.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/signup/sealing.h"  // SecretBytes, SecretKeyResult

namespace kiosk::fleet {

inline constexpr std::string_view kSignaturePrefix = "# workforce-kiosk-signature: ed25519 ";
inline constexpr std::size_t kSigningPublicKeyBytes = 32;  // crypto_sign_PUBLICKEYBYTES
inline constexpr std::size_t kSigningSecretKeyBytes = 64;  // crypto_sign_SECRETKEYBYTES
inline constexpr std::size_t kSignatureBytes = 64;         // crypto_sign_BYTES
inline constexpr std::size_t kMaxSignedBytes = std::size_t{1024} * 1024;  // as a config file

struct SigningPublicKey {
  std::array<unsigned char, kSigningPublicKeyBytes> bytes{};
};
// From its base64 text (signing.pub's line, [fleet] config_public_key); nothing when malformed.
std::optional<SigningPublicKey> parse_signing_public_key(std::string_view base64);
// signing.pub: its one line of base64; the error (one sentence) when it is not a signing key.
struct PublicKeyFileResult {
  std::optional<SigningPublicKey> key;
  std::string text;  // the base64, as in the file
  std::string error;
};
PublicKeyFileResult read_signing_public_key(const std::filesystem::path& file);

// A signed file taken apart: `body` views the text it came from.
struct SignedParts {
  std::string_view body;  // every byte before the signature line (what is signed)
  std::array<unsigned char, kSignatureBytes> signature{};
};
struct SplitResult {
  std::optional<SignedParts> parts;
  std::string error;  // one sentence when parts is empty
};
// Finds the last line (a newline after it is allowed, nothing else) and reads its signature.
SplitResult split_signed(std::string_view text);

// Whether `parts.body` carries a valid signature by `key`.
bool signature_valid(const SignedParts& parts, const SigningPublicKey& key);

// `keygen --signing --out DIR`: DIR/signing.pub and DIR/signing.key (mode 0600).
std::optional<std::string> write_signing_key_pair(const std::filesystem::path& dir);
// signing.key, wiped when it goes.
SecretKeyResult read_signing_secret_key(const std::filesystem::path& file);

// The signed file's text for `text` (a final newline is added when missing; it is signed too).
// Nothing when the text already ends with a signature line, or the key is not a signing key.
std::optional<std::string> sign_text(std::string_view text, const SecretBytes& secret_key);

}  // namespace kiosk::fleet

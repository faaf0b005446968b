#include "kiosk/fleet/signed_config.h"

#include <sodium.h>

#include <fstream>
#include <sstream>

#include "kiosk/base/base64.h"

namespace kiosk::fleet {

static_assert(kSigningPublicKeyBytes == crypto_sign_PUBLICKEYBYTES);
static_assert(kSigningSecretKeyBytes == crypto_sign_SECRETKEYBYTES);
static_assert(kSignatureBytes == crypto_sign_BYTES);

std::optional<SigningPublicKey> parse_signing_public_key(std::string_view base64) {
  if (base64.size() != base64_length(kSigningPublicKeyBytes)) return std::nullopt;
  SigningPublicKey key;
  const auto size = decode_base64(base64, key.bytes.data(), key.bytes.size());
  if (!size || *size != kSigningPublicKeyBytes) return std::nullopt;
  return key;
}

PublicKeyFileResult read_signing_public_key(const std::filesystem::path& file) {
  PublicKeyFileResult result;
  std::ifstream in(file, std::ios::binary);
  std::string line;
  if (!in || !std::getline(in, line)) {
    result.error = "cannot read " + file.string();
    return result;
  }
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  result.key = parse_signing_public_key(line);
  if (!result.key) {
    result.error = file.string() +
                   " is not a signing public key (32 bytes of base64, as `workforce-kiosk keygen "
                   "--signing` writes into signing.pub)";
    return result;
  }
  result.text = line;
  return result;
}

SplitResult split_signed(std::string_view text) {
  SplitResult result;
  if (text.size() > kMaxSignedBytes) {
    result.error = "too large for a configuration file (> 1 MiB)";
    return result;
  }
  std::string_view last = text;
  if (last.ends_with('\n')) last.remove_suffix(1);
  const std::size_t newline = last.rfind('\n');
  const std::size_t start = newline == std::string_view::npos ? 0 : newline + 1;
  const std::string_view line = last.substr(start);
  if (!line.starts_with(kSignaturePrefix)) {
    result.error = "no signature: the last line must be \"" + std::string(kSignaturePrefix) +
                   "…\" (`workforce-kiosk sign-config` writes it)";
    return result;
  }
  SignedParts parts;
  const std::string_view base64 = line.substr(kSignaturePrefix.size());
  const auto size = base64.size() == base64_length(kSignatureBytes)
                        ? decode_base64(base64, parts.signature.data(), parts.signature.size())
                        : std::nullopt;
  if (!size || *size != kSignatureBytes) {
    result.error = "the signature line does not hold an ed25519 signature (64 bytes of base64)";
    return result;
  }
  parts.body = text.substr(0, start);
  result.parts = parts;
  return result;
}

bool signature_valid(const SignedParts& parts, const SigningPublicKey& key) {
  if (!sodium_ready()) return false;
  return crypto_sign_verify_detached(parts.signature.data(),
                                     reinterpret_cast<const unsigned char*>(parts.body.data()),
                                     parts.body.size(), key.bytes.data()) == 0;
}

std::optional<std::string> write_signing_key_pair(const std::filesystem::path& dir) {
  if (!sodium_ready()) return "libsodium cannot start (no source of randomness)";
  SigningPublicKey pub;
  SecretBytes secret(kSigningSecretKeyBytes);
  crypto_sign_keypair(pub.bytes.data(), secret.data());
  return write_key_files(dir, "signing", pub.bytes.data(), pub.bytes.size(), secret);
}

SecretKeyResult read_signing_secret_key(const std::filesystem::path& file) {
  return read_secret_key(file, kSigningSecretKeyBytes, "a signing secret key");
}

std::optional<std::string> sign_text(std::string_view text, const SecretBytes& secret_key) {
  if (!sodium_ready() || secret_key.size() != kSigningSecretKeyBytes) return std::nullopt;
  if (split_signed(text).parts) return std::nullopt;  // signed already
  std::string out(text);
  if (!out.empty() && !out.ends_with('\n')) out += '\n';
  std::array<unsigned char, kSignatureBytes> signature{};
  crypto_sign_detached(signature.data(), nullptr,
                       reinterpret_cast<const unsigned char*>(out.data()), out.size(),
                       secret_key.data());
  out += kSignaturePrefix;
  out += to_base64(signature.data(), signature.size());
  out += '\n';
  return out;
}

}  // namespace kiosk::fleet

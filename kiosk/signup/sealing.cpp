#include "kiosk/signup/sealing.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

#include "kiosk/base/base64.h"
#include "kiosk/base/wipe.h"

namespace kiosk {

static_assert(kPublicKeyBytes == crypto_box_PUBLICKEYBYTES);
static_assert(kSecretKeyBytes == crypto_box_SECRETKEYBYTES);

namespace {

std::string_view trim_line(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

// A file written only by us, created with `mode` (O_EXCL: an existing key is never overwritten,
// and the permissions hold from the first byte, whatever the umask).
class NewFile {
 public:
  NewFile(const std::filesystem::path& file, mode_t mode)
      : fd_(::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)) {
    if (fd_ >= 0) ::fchmod(fd_, mode);  // the umask only ever narrows; say exactly what we mean
  }
  ~NewFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  NewFile(const NewFile&) = delete;
  NewFile& operator=(const NewFile&) = delete;

  bool opened() const { return fd_ >= 0; }
  bool write_all(std::string_view bytes) const {
    while (!bytes.empty()) {
      const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return ::fsync(fd_) == 0;
  }

 private:
  int fd_;
};

std::optional<std::string> write_new(const std::filesystem::path& file, std::string_view bytes,
                                     mode_t mode) {
  NewFile out(file, mode);
  if (!out.opened()) {
    const int error = errno;
    if (error == EEXIST) {
      return file.string() + " already exists; keygen never replaces a key (move it away first)";
    }
    return "cannot create " + file.string() + ": " + std::generic_category().message(error);
  }
  if (!out.write_all(bytes)) {
    const int error = errno;
    return "cannot write " + file.string() + ": " + std::generic_category().message(error);
  }
  return std::nullopt;
}

}  // namespace

bool sodium_ready() {
  return sodium_init() >= 0;  // 0 the first time, 1 after; thread-safe
}

SecretBytes::SecretBytes(std::size_t size) : bytes_(size) {}

SecretBytes::SecretBytes(std::string_view bytes) : bytes_(bytes.begin(), bytes.end()) {}

SecretBytes::~SecretBytes() {
  clear();
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept : bytes_(std::move(other.bytes_)) {
  other.bytes_.clear();
}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
  if (this != &other) {
    clear();
    bytes_ = std::move(other.bytes_);
    other.bytes_.clear();
  }
  return *this;
}

std::string_view SecretBytes::view() const {
  return {reinterpret_cast<const char*>(bytes_.data()), bytes_.size()};
}

void SecretBytes::clear() {
  if (!bytes_.empty()) sodium_memzero(bytes_.data(), bytes_.size());
  bytes_.clear();
}

std::optional<PublicKey> parse_public_key(std::string_view base64) {
  // Exactly the 44 characters of 32 padded bytes: no room for a second key or stray text.
  if (base64.size() != base64_length(kPublicKeyBytes)) return std::nullopt;
  PublicKey key;
  const auto size = decode_base64(base64, key.bytes.data(), key.bytes.size());
  if (!size || *size != kPublicKeyBytes) return std::nullopt;
  return key;
}

std::optional<std::string> write_key_pair(const std::filesystem::path& dir) {
  if (!sodium_ready()) return "libsodium cannot start (no source of randomness)";
  PublicKey pub;
  SecretBytes secret(kSecretKeyBytes);
  crypto_box_keypair(pub.bytes.data(), secret.data());
  return write_key_files(dir, "intake", pub.bytes.data(), pub.bytes.size(), secret);
}

std::optional<std::string> write_key_files(const std::filesystem::path& dir, std::string_view stem,
                                           const unsigned char* public_key, std::size_t public_size,
                                           const SecretBytes& secret) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return "cannot create " + dir.string() + ": " + ec.message();
  const auto pub_file = dir / (std::string(stem) + ".pub");
  const auto key_file = dir / (std::string(stem) + ".key");
  if (std::filesystem::exists(pub_file, ec)) {
    return pub_file.string() + " already exists; keygen never replaces a key (move it away first)";
  }
  // Encoded straight into its final buffer (the NUL's place becomes the newline): no second
  // copy of the key in freed memory.
  std::string secret_text(base64_length(secret.size()) + 1, '\0');
  sodium_bin2base64(secret_text.data(), secret_text.size(), secret.data(), secret.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  secret_text.back() = '\n';
  auto error = write_new(key_file, secret_text, 0600);
  wipe(secret_text);
  if (error) return error;
  error = write_new(pub_file, to_base64(public_key, public_size) + "\n", 0644);
  if (error) std::filesystem::remove(key_file, ec);  // half a pair is no use to anyone
  return error;
}

SecretKeyResult read_secret_key(const std::filesystem::path& file) {
  return read_secret_key(file, kSecretKeyBytes, "an intake secret key");
}

SecretKeyResult read_secret_key(const std::filesystem::path& file, std::size_t bytes,
                                std::string_view what) {
  SecretKeyResult result;
  if (!sodium_ready()) {
    result.error = "libsodium cannot start (no source of randomness)";
    return result;
  }
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int error = errno;
    result.error = "cannot read " + file.string() + ": " + std::generic_category().message(error);
    return result;
  }
  SecretBytes text(256);  // a key file is 45 bytes; anything near this size is not one
  std::size_t size = 0;
  for (;;) {
    const ssize_t n = ::read(fd, text.data() + size, text.size() - size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    size += static_cast<std::size_t>(n);
    if (size == text.size()) break;
  }
  ::close(fd);
  SecretBytes key(bytes + 1);  // one spare byte: a longer key is caught, not cut
  const auto decoded = size < text.size() ? decode_base64(trim_line(text.view().substr(0, size)),
                                                          key.data(), key.size())
                                          : std::nullopt;
  if (!decoded || *decoded != bytes) {
    result.error = file.string() + " is not " + std::string(what) + " (" + std::to_string(bytes) +
                   " bytes of base64, as `workforce-kiosk keygen` writes it)";
    return result;
  }
  SecretBytes exact(bytes);
  std::memcpy(exact.data(), key.data(), bytes);
  result.key = std::move(exact);
  return result;
}

std::vector<unsigned char> seal(std::string_view plaintext, const PublicKey& key) {
  if (!sodium_ready()) return {};
  std::vector<unsigned char> out(crypto_box_SEALBYTES + plaintext.size());
  if (crypto_box_seal(out.data(), reinterpret_cast<const unsigned char*>(plaintext.data()),
                      plaintext.size(), key.bytes.data()) != 0) {
    return {};
  }
  return out;
}

std::optional<SecretBytes> open_sealed(const std::vector<unsigned char>& envelope,
                                       const SecretBytes& secret_key) {
  if (!sodium_ready() || secret_key.size() != kSecretKeyBytes ||
      envelope.size() < crypto_box_SEALBYTES) {
    return std::nullopt;
  }
  PublicKey pub;
  if (crypto_scalarmult_base(pub.bytes.data(), secret_key.data()) != 0) return std::nullopt;
  SecretBytes plain(envelope.size() - crypto_box_SEALBYTES);
  if (crypto_box_seal_open(plain.data(), envelope.data(), envelope.size(), pub.bytes.data(),
                           secret_key.data()) != 0) {
    return std::nullopt;
  }
  return plain;
}

std::string make_reference() {
  static constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  sodium_ready();
  std::string out;
  for (int i = 0; i < 8; ++i) {
    if (i == 4) out += '-';
    out += kCrockford[randombytes_uniform(static_cast<std::uint32_t>(kCrockford.size()))];
  }
  return out;
}

std::string make_idempotency_key() {
  sodium_ready();
  std::array<unsigned char, 16> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x40);  // version 4
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80);  // RFC 4122 variant
  static constexpr std::string_view kHex = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[bytes[i] >> 4];
    out += kHex[bytes[i] & 0x0f];
  }
  return out;
}

}  // namespace kiosk

#include "kiosk/base/base64.h"

#include <sodium.h>

#include <algorithm>

namespace kiosk {

namespace {
constexpr int kVariant = sodium_base64_VARIANT_ORIGINAL;
}  // namespace

std::optional<std::size_t> decode_base64(std::string_view text, unsigned char* out,
                                         std::size_t max) {
  if (sodium_init() < 0) return std::nullopt;
  // libsodium 1.0.18 reads some bytes above 0x7f as letters ("+\xaf8=" decodes): only the
  // alphabet passes.
  const bool alphabet = std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
           c == '/' || c == '=';
  });
  if (!alphabet) return std::nullopt;
  std::size_t size = 0;
  const char* end = nullptr;
  if (sodium_base642bin(out, max, text.data(), text.size(), nullptr, &size, &end, kVariant) != 0) {
    return std::nullopt;
  }
  if (end != text.data() + text.size()) return std::nullopt;
  return size;
}

std::string to_base64(const unsigned char* data, std::size_t size) {
  std::string out(sodium_base64_ENCODED_LEN(size, kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, kVariant);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::optional<std::vector<unsigned char>> from_base64(std::string_view text) {
  std::vector<unsigned char> out(text.size() / 4 * 3 + 3);
  const auto size = decode_base64(text, out.data(), out.size());
  if (!size) return std::nullopt;
  out.resize(*size);
  return out;
}

}  // namespace kiosk

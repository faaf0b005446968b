// Padded standard base64 (RFC 4648 §4), as the intake keys are written (intake.pub, intake.key,
// `[signup] public_key`). libsodium's codec, with only the alphabet let through.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

std::string to_base64(const unsigned char* data, std::size_t size);
std::optional<std::vector<unsigned char>> from_base64(std::string_view text);

// Decodes into `out` (at most `max` bytes): the decoded length, or nothing when the text is not
// padded base64 through to its end. Secrets decode straight into their own (wiped) buffer.
std::optional<std::size_t> decode_base64(std::string_view text, unsigned char* out,
                                         std::size_t max);

// The length of the padded base64 text of `bytes` bytes (44 for a 32-byte key).
constexpr std::size_t base64_length(std::size_t bytes) {
  return (bytes + 2) / 3 * 4;
}

}  // namespace kiosk

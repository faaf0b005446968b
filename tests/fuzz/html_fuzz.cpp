// Fuzz target: HTML and plain-text descriptions to text blocks, and entity decoding.
#include <cstdint>
#include <string>
#include <string_view>

#include "kiosk/feeds/html_text.h"

namespace {

// Every output line is one line of clean, valid UTF-8: no control bytes, no bidi overrides or
// isolates, no zero-width characters, nothing that reads as a tag.
bool clean_line(std::string_view line) {
  if (line.empty() || line.front() == ' ' || line.back() == ' ') return false;
  for (std::size_t i = 0; i < line.size();) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c < 0x20 || c == 0x7F) return false;
    if (c == '<' && i + 1 < line.size()) {
      const char next = line[i + 1];
      if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || next == '/' ||
          next == '!' || next == '?') {
        return false;
      }
    }
    std::size_t n = 1;
    char32_t cp = c;
    if (c >= 0xF0) {
      n = 4;
      cp = c & 0x07;
    } else if (c >= 0xE0) {
      n = 3;
      cp = c & 0x0F;
    } else if (c >= 0xC0) {
      n = 2;
      cp = c & 0x1F;
    } else if (c >= 0x80) {
      return false;  // a continuation byte where a character should start
    }
    if (i + n > line.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      const auto cc = static_cast<unsigned char>(line[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((cp >= 0x80 && cp < 0xA0) || (cp >= 0x200B && cp <= 0x200F) ||
        (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF) {
      return false;
    }
    i += n;
  }
  return true;
}

void check(const kiosk::RichText& blocks) {
  std::size_t total = 0;
  for (const auto& block : blocks) {
    if (block.lines.empty()) __builtin_trap();  // empty blocks are dropped
    if (block.type != kiosk::TextBlock::Type::Bullets && block.lines.size() != 1) __builtin_trap();
    for (const auto& line : block.lines) {
      if (!clean_line(line)) __builtin_trap();
      total += line.size();
    }
  }
  if (total > kiosk::feeds::kMaxDescriptionBytes) __builtin_trap();  // the cap holds
}

std::size_t count(std::string_view haystack, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t pos = haystack.find(needle); pos != std::string_view::npos;
       pos = haystack.find(needle, pos + 1)) {
    ++n;
  }
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check(kiosk::feeds::html_to_blocks(text));
  check(kiosk::feeds::text_to_blocks(text));
  check(kiosk::feeds::description_blocks(text));

  // A script's content never reaches the output, whatever follows it: with a script in front,
  // the output shows the marker exactly as often as without it (the input itself may spell it,
  // even with bytes that vanish in between). The script comes first because after arbitrary
  // input "<script>" may legitimately be swallowed, as part of a tag name for instance.
  constexpr std::string_view kMarker = "zqxjmarker";
  if (size < 64 * 1024) {
    const auto with = kiosk::feeds::blocks_to_plain(
        kiosk::feeds::html_to_blocks("<script>zqxjmarker()</script>" + std::string(text)));
    const auto without = kiosk::feeds::blocks_to_plain(kiosk::feeds::html_to_blocks(text));
    if (count(with, kMarker) != count(without, kMarker)) __builtin_trap();
  }

  // Decoding never grows the text: every reference is longer than what it stands for.
  if (kiosk::feeds::decode_html_entities(text).size() > size) __builtin_trap();
  return 0;
}

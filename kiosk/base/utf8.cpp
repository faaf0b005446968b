#include "kiosk/base/utf8.h"

#include <algorithm>

namespace kiosk::utf8 {

std::size_t sequence_size(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;  // a continuation byte, C0/C1 (always overlong) or F5..FF (past U+10FFFF)
}

bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

Decoded decode(std::string_view s) {
  const auto lead = static_cast<unsigned char>(s[0]);
  const std::size_t n = sequence_size(lead);
  if (n == 1) return {lead, 1, true};
  if (n == 0) return {};
  // The second byte's range depends on the lead: this is where overlong forms (E0 80..9F,
  // F0 80..8F), surrogates (ED A0..BF) and code points past U+10FFFF (F4 90..BF) are refused.
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead == 0xE0) low = 0xA0;
  if (lead == 0xED) high = 0x9F;
  if (lead == 0xF0) low = 0x90;
  if (lead == 0xF4) high = 0x8F;
  char32_t cp = lead & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < n; ++k) {
    if (k >= s.size()) return {kReplacement, k, false};  // truncated
    const auto c = static_cast<unsigned char>(s[k]);
    const bool in_range = k == 1 ? c >= low && c <= high : is_continuation(c);
    if (!in_range) return {kReplacement, k, false};
    cp = (cp << 6) | (c & 0x3F);
  }
  return {cp, n, true};
}

bool valid(std::string_view s) {
  return valid_prefix(s) == s.size();
}

std::size_t valid_prefix(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {  // the common case, without a call
      ++i;
      continue;
    }
    const Decoded d = decode(s.substr(i));
    if (!d.valid) break;
    i += d.size;
  }
  return i;
}

std::size_t cut(std::string_view s, std::size_t max) {
  if (s.size() <= max) return s.size();
  std::size_t n = max;
  while (n > 0 && is_continuation(static_cast<unsigned char>(s[n]))) --n;
  return n;
}

std::size_t last_char_start(std::string_view s) {
  if (s.empty()) return 0;
  std::size_t i = s.size() - 1;
  // At most three continuation bytes belong to one character.
  for (int k = 0; k < 3 && i > 0 && is_continuation(static_cast<unsigned char>(s[i])); ++k) --i;
  return i;
}

std::size_t length(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); i += decode(s.substr(i)).size) ++n;
  return n;
}

void append(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string encode(char32_t cp) {
  std::string out;
  append(out, cp);
  return out;
}

std::string sanitize(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t good = valid_prefix(s.substr(i));
    out.append(s.substr(i, good));
    i += good;
    if (i < s.size()) {
      i += decode(s.substr(i)).size;
      append(out, kReplacement);
    }
  }
  return out;
}

void Validator::feed(std::string_view chunk) {
  if (!ok_ || chunk.empty()) return;
  if (!pending_.empty()) {
    // Complete the sequence the last chunk ended in, with at most three bytes of this one.
    const std::size_t need = sequence_size(static_cast<unsigned char>(pending_[0]));
    const std::size_t take = std::min(need - pending_.size(), chunk.size());
    pending_.append(chunk.substr(0, take));
    chunk.remove_prefix(take);
    const Decoded d = decode(pending_);
    if (d.valid) {
      pending_.clear();
    } else if (d.size < pending_.size() || pending_.size() == need) {
      ok_ = false;  // the bytes it has so far are already wrong
      return;
    } else {
      return;  // still unfinished (a one-byte chunk)
    }
  }
  const std::size_t good = valid_prefix(chunk);
  if (good == chunk.size()) return;
  const std::string_view rest = chunk.substr(good);
  const Decoded d = decode(rest);
  // Invalid unless it is a sequence cut short by the chunk's end, every byte so far in range.
  if (d.size == rest.size() && sequence_size(static_cast<unsigned char>(rest[0])) > rest.size()) {
    pending_ = std::string(rest);
  } else {
    ok_ = false;
  }
}

}  // namespace kiosk::utf8

// Fuzz target: the UTF-8 decoder. Its answers must agree with each other: the whole string is
// valid exactly when sanitizing changes nothing, the chunked validator says the same at every
// split, a sanitized string is always valid, and a cut never splits a character.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kiosk/base/utf8.h"

namespace utf8 = kiosk::utf8;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view s(reinterpret_cast<const char*>(data), size);
  const bool valid = utf8::valid(s);
  const std::string clean = utf8::sanitize(s);
  if (!utf8::valid(clean)) std::abort();
  if (valid != (clean == s)) std::abort();
  if (valid != (utf8::valid_prefix(s) == s.size())) std::abort();
  for (std::size_t split = 0; split <= s.size(); split += 1 + split / 4) {
    utf8::Validator v;
    v.feed(s.substr(0, split));
    v.feed(s.substr(split));
    if (v.ok() != valid) std::abort();
  }
  std::size_t total = 0;
  for (std::size_t i = 0; i < s.size();) {
    const utf8::Decoded d = utf8::decode(s.substr(i));
    if (d.size == 0 || d.size > 4 || i + d.size > s.size()) std::abort();
    if (d.valid && utf8::encode(d.cp) != s.substr(i, d.size)) std::abort();  // no other form
    i += d.size;
    ++total;
  }
  if (total != utf8::length(s)) std::abort();
  if (valid) {
    for (std::size_t max = 0; max <= s.size(); max += 1 + max / 3) {
      if (!utf8::valid(s.substr(0, utf8::cut(s, max)))) std::abort();
    }
  }
  return 0;
}

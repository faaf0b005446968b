// UTF-8, strictly (RFC 3629 / Unicode 15 table 3-7): the one decoder every parser, the sync's
// check, the text cleaner and the keyboard share. Overlong forms, surrogates (U+D800..DFFF),
// code points past U+10FFFF, the lead bytes C0, C1 and F5..FF, stray continuation bytes and
// truncated sequences are all invalid.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

struct Decoded {
  char32_t cp = kReplacement;  // kReplacement when invalid
  std::size_t size = 1;        // bytes read: the sequence, or the invalid bytes to skip (≥ 1)
  bool valid = false;
};

// The code point at the start of `s` (which must not be empty). An invalid sequence reads as
// its maximal valid-looking prefix (at least one byte), as the Unicode standard recommends for
// U+FFFD substitution.
Decoded decode(std::string_view s);

// Bytes in the sequence a lead byte starts (1 to 4), 0 for a byte no sequence starts with.
std::size_t sequence_size(unsigned char lead);

bool is_continuation(unsigned char c);

// The whole string is valid UTF-8.
bool valid(std::string_view s);

// The length of the longest valid prefix of `s`.
std::size_t valid_prefix(std::string_view s);

// The longest prefix of at most `max` bytes that does not split a sequence (for valid text).
std::size_t cut(std::string_view s, std::size_t max);

// Where the last character of `s` starts (s.size() when empty).
std::size_t last_char_start(std::string_view s);

// Characters (code points) in valid text; each invalid byte counts as one.
std::size_t length(std::string_view s);

void append(std::string& out, char32_t cp);  // an invalid code point appends U+FFFD
std::string encode(char32_t cp);

// Every invalid sequence replaced by U+FFFD.
std::string sanitize(std::string_view s);

// Validation fed in chunks (a file read piece by piece): a sequence may span two chunks.
class Validator {
 public:
  void feed(std::string_view chunk);
  bool ok() const { return ok_ && pending_.empty(); }  // after the last chunk

 private:
  std::string pending_;  // an unfinished sequence at the end of the last chunk
  bool ok_ = true;
};

}  // namespace kiosk::utf8

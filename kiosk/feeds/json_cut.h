// Long JSON strings cut before parsing: a feed may hold a 40 MB description, and the JSON
// reader, the HTML parser and every copy on the way would each hold it whole. This stream reads
// JSON text from another one and passes it through unchanged, except that a string value (or
// key) longer than a limit keeps only its first bytes: the rest, up to its closing quote, is
// left out. The limit is far above what any field keeps (bounds.h), so what a listing shows is
// the same; only the memory a sync needs is not. A cut never falls inside a UTF-8 character,
// an escape sequence or a surrogate pair, so valid JSON stays valid JSON. Comments (// and /* */,
// which the Greenhouse reader tolerates) are passed through as they are.
#pragma once

#include <array>
#include <cstddef>
#include <istream>
#include <streambuf>
#include <string>

#include "kiosk/feeds/bounds.h"

namespace kiosk::feeds {

class JsonCutBuf : public std::streambuf {
 public:
  explicit JsonCutBuf(std::streambuf* source, std::size_t max_string_bytes = kMaxRawValueBytes)
      : source_(source), max_(max_string_bytes) {}
  std::size_t strings_cut() const { return strings_cut_; }

 protected:
  int_type underflow() override;

 private:
  enum class State { Outside, Slash, LineComment, BlockComment, BlockStar, String, Escape, Hex };
  bool keep(char c);  // advances the state machine by one byte; true when the byte is kept

  std::streambuf* source_;
  std::size_t max_;
  State state_ = State::Outside;
  std::size_t length_ = 0;       // bytes kept of the current string
  bool dropping_ = false;        // past the limit: bytes are left out until the closing quote
  int hex_left_ = 0;             // hex digits still to come in a \uXXXX escape
  unsigned code_unit_ = 0;       // the \uXXXX being read
  bool high_surrogate_ = false;  // the last escape began a surrogate pair: no cut before its end
  std::size_t strings_cut_ = 0;
  std::array<char, 1 << 16> in_{};
  std::array<char, 1 << 16> out_{};
};

// An istream over JsonCutBuf.
class JsonCutStream : public std::istream {
 public:
  explicit JsonCutStream(std::istream& source, std::size_t max_string_bytes = kMaxRawValueBytes)
      : std::istream(nullptr), buf_(source.rdbuf(), max_string_bytes) {
    rdbuf(&buf_);
  }
  std::size_t strings_cut() const { return buf_.strings_cut(); }

 private:
  JsonCutBuf buf_;
};

// The whole of a JSON stream, long strings cut (for the readers that parse a document at once).
std::string read_json_cut(std::istream& in, std::size_t max_string_bytes = kMaxRawValueBytes);

}  // namespace kiosk::feeds

#include "kiosk/feeds/json_cut.h"

#include <iterator>

namespace kiosk::feeds {

bool JsonCutBuf::keep(char c) {
  switch (state_) {
    case State::Outside:
      if (c == '"') {
        state_ = State::String;
        length_ = 0;
        dropping_ = false;
        high_surrogate_ = false;
      } else if (c == '/') {
        state_ = State::Slash;
      }
      return true;
    case State::Slash:
      state_ = c == '/' ? State::LineComment : c == '*' ? State::BlockComment : State::Outside;
      if (state_ == State::Outside) return keep(c);  // not a comment: read it as usual
      return true;
    case State::LineComment:
      if (c == '\n') state_ = State::Outside;
      return true;
    case State::BlockComment:
      if (c == '*') state_ = State::BlockStar;
      return true;
    case State::BlockStar:
      state_ = c == '/' ? State::Outside : c == '*' ? State::BlockStar : State::BlockComment;
      return true;
    case State::String:
      if (c == '"') {
        state_ = State::Outside;
        return true;  // the closing quote is always kept
      }
      // A character or an escape starts here: the one place a cut may fall.
      if (!dropping_ && length_ >= max_ && (static_cast<unsigned char>(c) & 0xC0) != 0x80 &&
          !(high_surrogate_ && c == '\\')) {
        dropping_ = true;
        ++strings_cut_;
      }
      if (c == '\\') {
        state_ = State::Escape;
      } else {
        high_surrogate_ = false;
      }
      break;
    case State::Escape:
      if (c == 'u') {
        state_ = State::Hex;
        hex_left_ = 4;
        code_unit_ = 0;
      } else {
        state_ = State::String;
        high_surrogate_ = false;
      }
      break;
    case State::Hex: {
      const unsigned digit = c >= '0' && c <= '9'   ? static_cast<unsigned>(c - '0')
                             : c >= 'a' && c <= 'f' ? static_cast<unsigned>(c - 'a' + 10)
                             : c >= 'A' && c <= 'F' ? static_cast<unsigned>(c - 'A' + 10)
                                                    : 0;
      code_unit_ = code_unit_ * 16 + digit;
      if (--hex_left_ == 0) {
        state_ = State::String;
        high_surrogate_ = code_unit_ >= 0xD800 && code_unit_ <= 0xDBFF;
      }
      break;
    }
  }
  if (dropping_) return false;
  ++length_;
  return true;
}

JsonCutBuf::int_type JsonCutBuf::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  for (;;) {
    const std::streamsize n = source_->sgetn(in_.data(), static_cast<std::streamsize>(in_.size()));
    if (n <= 0) return traits_type::eof();
    std::size_t kept = 0;
    for (std::streamsize i = 0; i < n; ++i) {
      if (keep(in_[static_cast<std::size_t>(i)])) out_[kept++] = in_[static_cast<std::size_t>(i)];
    }
    if (kept == 0) continue;  // a whole chunk of a string past its limit
    setg(out_.data(), out_.data(), out_.data() + kept);
    return traits_type::to_int_type(*gptr());
  }
}

std::string read_json_cut(std::istream& in, std::size_t max_string_bytes) {
  JsonCutStream cut(in, max_string_bytes);
  return {std::istreambuf_iterator<char>(cut), std::istreambuf_iterator<char>()};
}

}  // namespace kiosk::feeds

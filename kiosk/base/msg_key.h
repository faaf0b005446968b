// A message key as written in code: "home.greeting"_msg. Keys only reach the translator through
// this type, so a test can find every key the code uses by looking for the _msg suffix. Kept
// apart from the translator so tables in lower folders (kiosk/model/enums.h) can hold keys.
#pragma once

#include <cstddef>
#include <string_view>

namespace kiosk {

struct MsgKey {
  std::string_view key;
};

namespace literals {
consteval MsgKey operator""_msg(const char* text, std::size_t size) {
  return MsgKey{{text, size}};
}
}  // namespace literals

}  // namespace kiosk

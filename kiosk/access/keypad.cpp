#include "kiosk/access/keypad.h"

#include <array>

namespace kiosk {

namespace {

struct Named {
  KeypadKey key;
  std::string_view name;
};

constexpr std::array<Named, 16> kNames{{
    {KeypadKey::Next, "next"},
    {KeypadKey::Previous, "previous"},
    {KeypadKey::NextGroup, "next_group"},
    {KeypadKey::PreviousGroup, "previous_group"},
    {KeypadKey::Activate, "activate"},
    {KeypadKey::Back, "back"},
    {KeypadKey::Home, "home"},
    {KeypadKey::Repeat, "repeat"},
    {KeypadKey::Stop, "stop"},
    {KeypadKey::Help, "help"},
    {KeypadKey::VolumeUp, "volume_up"},
    {KeypadKey::VolumeDown, "volume_down"},
    {KeypadKey::Slower, "slower"},
    {KeypadKey::Faster, "faster"},
    {KeypadKey::Language, "language"},
    {KeypadKey::ScreenOff, "screen_off"},
}};

constexpr std::array<KeypadKey, kNames.size()> kKeys = [] {
  std::array<KeypadKey, kNames.size()> keys{};
  for (std::size_t i = 0; i < kNames.size(); ++i) keys[i] = kNames[i].key;
  return keys;
}();

// The 17-key keypad (NumLock on), as on the sticker (docs/keypad.md):
//   NumLock  /       *       -
//   7 home   8 prev  9 help  +
//   4 group  5 again 6 group   (+ louder)
//   1 lang   2 next  3 stop  Enter
//   0 back           . screen  (Enter: choose)
constexpr std::array<KeyBinding, 35> kBindings{{
    // The numeric keypad, NumLock on (and on SDL 2 / X11, off too).
    {"Keypad 2", KeypadKey::Next},
    {"Keypad 8", KeypadKey::Previous},
    {"Keypad 6", KeypadKey::NextGroup},
    {"Keypad 4", KeypadKey::PreviousGroup},
    {"Keypad Enter", KeypadKey::Activate},
    {"Keypad 0", KeypadKey::Back},
    {"Keypad 7", KeypadKey::Home},
    {"Keypad 5", KeypadKey::Repeat},
    {"Keypad 3", KeypadKey::Stop},
    {"Keypad 9", KeypadKey::Help},
    {"Keypad +", KeypadKey::VolumeUp},
    {"Keypad -", KeypadKey::VolumeDown},
    {"Keypad /", KeypadKey::Slower},
    {"Keypad *", KeypadKey::Faster},
    {"Keypad 1", KeypadKey::Language},
    {"Keypad .", KeypadKey::ScreenOff},
    // Pressed by a resident who is lost: it says the guide (whatever NumLock becomes).
    {"Numlock", KeypadKey::Help},
    // The same keypad keys with NumLock off where the back end reports their second meaning;
    // on a keyboard, its navigation keys do the same.
    {"Down", KeypadKey::Next},
    {"Up", KeypadKey::Previous},
    {"Right", KeypadKey::NextGroup},
    {"Left", KeypadKey::PreviousGroup},
    {"Insert", KeypadKey::Back},
    {"Home", KeypadKey::Home},
    {"Clear", KeypadKey::Repeat},
    {"PageDown", KeypadKey::Stop},
    {"PageUp", KeypadKey::Help},
    {"End", KeypadKey::Language},
    {"Delete", KeypadKey::ScreenOff},
    // A keyboard.
    {"Return", KeypadKey::Activate},
    {"Backspace", KeypadKey::Back},
    {"Escape", KeypadKey::Stop},
    {"Tab", KeypadKey::Next},
    {"F1", KeypadKey::Help},
    {"F2", KeypadKey::Repeat},
    {"F4", KeypadKey::Language},
}};

}  // namespace

std::span<const KeypadKey> all_keypad_keys() {
  return kKeys;
}

std::string_view key_name(KeypadKey key) {
  for (const Named& n : kNames) {
    if (n.key == key) return n.name;
  }
  return {};
}

std::optional<KeypadKey> key_from_name(std::string_view name) {
  for (const Named& n : kNames) {
    if (n.name == name) return n.key;
  }
  return std::nullopt;
}

std::span<const KeyBinding> default_key_bindings() {
  return kBindings;
}

std::optional<KeypadKey> key_for_physical(std::string_view physical) {
  for (const KeyBinding& b : kBindings) {
    if (b.physical == physical) return b.key;
  }
  return std::nullopt;
}

std::string_view physical_key_for(KeypadKey key) {
  for (const KeyBinding& b : kBindings) {
    if (b.key == key) return b.physical;
  }
  return {};
}

}  // namespace kiosk

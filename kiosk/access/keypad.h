// The keys of speech mode: a resident who cannot see the screen moves and acts with a USB
// numeric keypad (or a keyboard's arrow keys), in the spirit of EZ Access (the Trace Center's
// keypad convention on postal and transit kiosks: up and down move through the items, a round
// Enter key acts, a help key, a back key). The logical keys are the contract scenarios use
// (`press next`); physical keys are named as SDL_GetKeyName() spells them. docs/keypad.md has
// the sticker layout for technicians.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace kiosk {

enum class KeypadKey {
  Next,
  Previous,
  NextGroup,
  PreviousGroup,
  Activate,
  Back,
  Home,
  Repeat,
  Stop,
  Help,
  VolumeUp,
  VolumeDown,
  Slower,
  Faster,
  Language,
  ScreenOff,
};

// Every logical key, in the order above.
std::span<const KeypadKey> all_keypad_keys();

// The contract name: "next", "previous", "next_group", … "screen_off".
std::string_view key_name(KeypadKey key);
std::optional<KeypadKey> key_from_name(std::string_view name);

// One physical key and what it does.
struct KeyBinding {
  std::string_view physical;  // as SDL_GetKeyName() spells it: "Keypad 8", "Up", "Return"
  KeypadKey key;
};

// The default mapping. The numeric keypad comes first (its keys alone reach every logical key);
// then the names the same keypad keys may have with NumLock off ("Home", "Up", "PageUp", …:
// SDL 2 on X11 keeps "Keypad 8" whatever NumLock says, other back ends and SDL 3 do not), which
// are also a keyboard's navigation keys; then a keyboard's Return, Backspace, Escape, Tab, F1.
std::span<const KeyBinding> default_key_bindings();

// The logical key a physical key is mapped to; nullopt for any other key (a letter, a digit on
// the top row: those type).
std::optional<KeypadKey> key_for_physical(std::string_view physical);

// The first physical key mapped to the logical one (a numeric keypad key): what the scenario
// verb `press next` sends.
std::string_view physical_key_for(KeypadKey key);

}  // namespace kiosk

// The keypad's logical keys (the scenario language's `press KEY`, issue 17) and the physical
// key each is on, by SDL's key name (SDL_GetKeyFromName turns it into a key code in ui/).
// A standard USB numeric keypad, in the spirit of EZ Access: the arrows of 8/2/4/6 move, 5
// acts. A placeholder table to be folded into the keypad's own mapping.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace kiosk {

struct KeypadName {
  std::string_view logical;   // the contract: next, previous, …, screen_off
  std::string_view sdl_name;  // the physical key, as SDL names it ("Keypad 2")
};

inline constexpr std::array<KeypadName, 16> kKeypadNames = {{
    {"next", "Keypad 2"},
    {"previous", "Keypad 8"},
    {"next_group", "Keypad 3"},
    {"previous_group", "Keypad 9"},
    {"activate", "Keypad 5"},
    {"back", "Keypad 4"},
    {"home", "Keypad 7"},
    {"repeat", "Keypad 6"},
    {"stop", "Keypad 0"},
    {"help", "Keypad 1"},
    {"volume_up", "Keypad +"},
    {"volume_down", "Keypad -"},
    {"slower", "Keypad /"},
    {"faster", "Keypad *"},
    {"language", "Keypad ."},
    {"screen_off", "Keypad Enter"},
}};

// The physical key of a logical one; nullopt for a name not in the table.
constexpr std::optional<std::string_view> keypad_sdl_name(std::string_view logical) {
  for (const auto& k : kKeypadNames) {
    if (k.logical == logical) return k.sdl_name;
  }
  return std::nullopt;
}

// The logical key on a physical one; nullopt for a key not on the keypad.
constexpr std::optional<std::string_view> keypad_logical_name(std::string_view sdl_name) {
  for (const auto& k : kKeypadNames) {
    if (k.sdl_name == sdl_name) return k.logical;
  }
  return std::nullopt;
}

}  // namespace kiosk

#include "kiosk/access/keypad_names.h"

#include <SDL.h>
#include <gtest/gtest.h>

#include <set>
#include <string>

namespace kiosk {
namespace {

// `press KEY` sends SDL_GetKeyFromName(physical) and the platform maps the key it receives back
// by SDL_GetKeyName: every physical name must survive the round trip, and no two logical keys
// may share a physical one.
TEST(KeypadNames, EveryPhysicalKeyIsKnownToSdlAndUnique) {
  std::set<SDL_Keycode> seen;
  for (const auto& k : kKeypadNames) {
    const std::string physical(k.sdl_name);
    const SDL_Keycode key = SDL_GetKeyFromName(physical.c_str());
    EXPECT_NE(key, SDLK_UNKNOWN) << k.logical << ": " << physical;
    EXPECT_EQ(SDL_GetKeyName(key), physical) << k.logical;
    EXPECT_TRUE(seen.insert(key).second) << physical << " is on two logical keys";
    EXPECT_EQ(keypad_logical_name(k.sdl_name), k.logical);
    EXPECT_EQ(keypad_sdl_name(k.logical), k.sdl_name);
  }
  EXPECT_FALSE(keypad_sdl_name("up"));
  EXPECT_FALSE(keypad_logical_name("A"));
}

}  // namespace
}  // namespace kiosk

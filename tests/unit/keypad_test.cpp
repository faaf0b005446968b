#include "kiosk/access/keypad.h"

#include <SDL.h>
#include <gtest/gtest.h>

#include <set>
#include <string>

namespace kiosk {
namespace {

TEST(Keypad, NamesRoundTrip) {
  std::set<std::string_view> names;
  for (const KeypadKey key : all_keypad_keys()) {
    const std::string_view name = key_name(key);
    ASSERT_FALSE(name.empty());
    EXPECT_TRUE(names.insert(name).second) << "two keys named " << name;
    EXPECT_EQ(key_from_name(name), key) << name;
  }
  EXPECT_EQ(names.size(), 16u);
  EXPECT_EQ(key_name(KeypadKey::NextGroup), "next_group");
  EXPECT_EQ(key_name(KeypadKey::ScreenOff), "screen_off");
  EXPECT_FALSE(key_from_name("Next"));
  EXPECT_FALSE(key_from_name(""));
  EXPECT_FALSE(key_from_name("jump"));
}

// The 17 keys of a plain USB numeric keypad as SDL_GetKeyName() names them.
const std::set<std::string_view> kNumericKeypad{
    "Numlock",  "Keypad /", "Keypad *", "Keypad -", "Keypad 7",    "Keypad 8",
    "Keypad 9", "Keypad +", "Keypad 4", "Keypad 5", "Keypad 6",    "Keypad 1",
    "Keypad 2", "Keypad 3", "Keypad 0", "Keypad .", "Keypad Enter"};

TEST(Keypad, EveryKeyIsOnTheNumericKeypadAlone) {
  for (const KeypadKey key : all_keypad_keys()) {
    const std::string_view physical = physical_key_for(key);
    EXPECT_TRUE(kNumericKeypad.contains(physical))
        << key_name(key) << " is sent as " << physical << ", not a numeric keypad key";
    EXPECT_EQ(key_for_physical(physical), key) << physical;
  }
}

TEST(Keypad, EachNumericKeypadKeyDoesOneThing) {
  std::set<KeypadKey> seen;
  for (const std::string_view physical : kNumericKeypad) {
    const auto key = key_for_physical(physical);
    ASSERT_TRUE(key) << physical << " does nothing";
    if (physical != "Numlock") {
      EXPECT_TRUE(seen.insert(*key).second) << physical;
    }
  }
  EXPECT_EQ(seen.size(), all_keypad_keys().size());
}

TEST(Keypad, ArrowsEnterAndNumLockOffNamesAgreeWithTheKeypad) {
  // With NumLock off some back ends name the keypad's keys by their second meaning.
  const std::pair<std::string_view, std::string_view> same[] = {
      {"Up", "Keypad 8"},     {"Down", "Keypad 2"},     {"Left", "Keypad 4"},
      {"Right", "Keypad 6"},  {"Home", "Keypad 7"},     {"PageUp", "Keypad 9"},
      {"End", "Keypad 1"},    {"PageDown", "Keypad 3"}, {"Insert", "Keypad 0"},
      {"Delete", "Keypad ."}, {"Clear", "Keypad 5"},    {"Return", "Keypad Enter"}};
  for (const auto& [other, keypad] : same) {
    ASSERT_TRUE(key_for_physical(other)) << other;
    EXPECT_EQ(key_for_physical(other), key_for_physical(keypad)) << other;
  }
  EXPECT_EQ(key_for_physical("Backspace"), KeypadKey::Back);
  EXPECT_EQ(key_for_physical("Escape"), KeypadKey::Stop);
  EXPECT_EQ(key_for_physical("Tab"), KeypadKey::Next);
  // Letters and the top row's digits type; they are not speech keys.
  EXPECT_FALSE(key_for_physical("A"));
  EXPECT_FALSE(key_for_physical("2"));
  EXPECT_FALSE(key_for_physical("Space"));
}

TEST(Keypad, NoPhysicalKeyIsMappedTwice) {
  std::set<std::string_view> seen;
  for (const KeyBinding& b : default_key_bindings()) {
    EXPECT_TRUE(seen.insert(b.physical).second) << b.physical;
  }
}

}  // namespace
}  // namespace kiosk

namespace kiosk {
namespace {

// The platform maps a key it receives back by SDL_GetKeyName and `press KEY` sends
// SDL_GetKeyFromName(physical): every physical name must be one SDL knows and survive the trip.
TEST(Keypad, EveryPhysicalNameIsKnownToSdl) {
  for (const KeyBinding& b : default_key_bindings()) {
    const std::string physical(b.physical);
    const SDL_Keycode code = SDL_GetKeyFromName(physical.c_str());
    EXPECT_NE(code, SDLK_UNKNOWN) << physical;
    EXPECT_EQ(SDL_GetKeyName(code), physical);
  }
}

}  // namespace
}  // namespace kiosk

// A random resident for soak tests (the scenario verb `monkey N SEED`): each call looks at the
// widgets of the frame on screen and picks one thing a resident could do with them — tap a
// tile, a button or a field, type a word on the on-screen keyboard, scroll, switch language,
// go Back or Home, press a keypad key, think for a while, walk away or tap "I'm done" — so every
// action is valid for the screen it is taken on. The same seed and the same frames give the
// same actions; each action is also written out as scenario lines, so a failure replays as a
// plain scenario whatever the timing did.
#pragma once

#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/input/registry.h"

namespace kiosk {

struct MonkeyAction {
  enum class Kind {
    Tap,      // ids: widgets tapped one after another (a word: its keys, "osk.key.a", …)
    Drag,     // ids: the one widget pressed; dx, dy: how far the finger moves
    Advance,  // seconds: the kiosk clock moves on by each in turn (thinking, walking away)
    Press,    // key: a logical keypad key ("next")
  };
  Kind kind = Kind::Tap;
  std::vector<std::string> ids;
  float dx = 0, dy = 0;
  std::vector<int> seconds;
  std::string key;
  std::string what;  // the kind of choice, for the soak's tally: "tap", "type", "lang", …

  // The same action as scenario lines ("tap home.jobs", "key a", "drag jobs.results 0 -400",
  // "advance 12", "press next").
  std::vector<std::string> scenario_lines() const;
};

class Monkey {
 public:
  explicit Monkey(std::uint64_t seed) : rng_(seed) {}

  // The next action on the frame `widgets` (WidgetRegistry::widgets()) of the screen `screen`
  // (its registered name). Never chooses a widget that is not visible and free to touch, nor
  // staff's controls (a soak reaches staff's screens through its own scripted steps).
  MonkeyAction next(const std::vector<WidgetInfo>& widgets, std::string_view screen);

 private:
  std::size_t below(std::size_t n);  // uniform in [0, n), n > 0
  int between(int lo, int hi);       // uniform in [lo, hi]
  bool chance(int percent);

  // Picks one of `from`, more often one of a kind not tapped yet (ids with their numbers
  // folded: jobs.result.3 is the same kind as jobs.result.0): a short run reaches every screen.
  const WidgetInfo* pick_new(const std::vector<const WidgetInfo*>& from);

  std::mt19937_64 rng_;           // fully specified by the standard: the same sequence everywhere
  std::set<std::string> tapped_;  // the kinds of widget tapped so far
};

// Whether the monkey may tap this widget at all: interactive, with an id, visible, not under a
// panel that takes every touch, not staff's.
bool monkey_may_tap(const WidgetInfo& w);

}  // namespace kiosk

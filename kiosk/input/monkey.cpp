#include "kiosk/input/monkey.h"

#include <algorithm>
#include <functional>

#include "kiosk/access/keypad.h"

namespace kiosk {
namespace {

constexpr std::string_view kKeyPrefix = "osk.key.";

// A key that types one letter or digit: "a", "7", "ñ", "é" (the ids of the on-screen keyboard's
// character keys are the character itself).
bool character_key(std::string_view suffix) {
  if (suffix.size() == 1) {
    const char c = suffix[0];
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  // Two-byte UTF-8 from the Latin-1 supplement: á é í ó ú ü ñ and their kin.
  return suffix.size() == 2 && static_cast<unsigned char>(suffix[0]) == 0xC3;
}

// A word of a scenario line, quoted when it has to be (split_scenario_line's rules).
std::string scenario_word(std::string_view word) {
  if (!word.empty() && word.find_first_of(" \t\r#\"\\") == std::string_view::npos) {
    return std::string(word);
  }
  std::string out = "\"";
  for (const char c : word) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + '"';
}

// The kind of a widget: its id with every run of digits folded to '#'.
std::string kind_of(std::string_view id) {
  std::string out;
  for (const char c : id) {
    const bool digit = c >= '0' && c <= '9';
    if (!digit) {
      out += c;
    } else if (out.empty() || out.back() != '#') {
      out += '#';
    }
  }
  return out;
}

}  // namespace

bool monkey_may_tap(const WidgetInfo& w) {
  return interactive(w.role) && !w.id.empty() && !w.covered && !w.rect.empty() &&
         !w.id.starts_with("staff.") && !w.id.starts_with("header.");
}

std::vector<std::string> MonkeyAction::scenario_lines() const {
  std::vector<std::string> out;
  switch (kind) {
    case Kind::Tap:
      for (const auto& id : ids) {
        out.push_back(id.starts_with(kKeyPrefix)
                          ? "key " + scenario_word(std::string_view(id).substr(kKeyPrefix.size()))
                          : "tap " + scenario_word(id));
      }
      break;
    case Kind::Drag:
      out.push_back("drag " + scenario_word(ids.empty() ? std::string() : ids.front()) + ' ' +
                    std::to_string(static_cast<int>(dx)) + ' ' +
                    std::to_string(static_cast<int>(dy)));
      break;
    case Kind::Advance:
      for (const int s : seconds) out.push_back("advance " + std::to_string(s));
      break;
    case Kind::Press:
      out.push_back("press " + key);
      break;
  }
  return out;
}

std::size_t Monkey::below(std::size_t n) {
  return static_cast<std::size_t>(rng_() % n);
}

int Monkey::between(int lo, int hi) {
  return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo + 1)));
}

const WidgetInfo* Monkey::pick_new(const std::vector<const WidgetInfo*>& from) {
  std::vector<const WidgetInfo*> fresh;
  for (const auto* w : from) {
    if (!tapped_.contains(kind_of(w->id))) fresh.push_back(w);
  }
  const auto& pool = !fresh.empty() && chance(60) ? fresh : from;
  const WidgetInfo* w = pool[below(pool.size())];
  tapped_.insert(kind_of(w->id));
  return w;
}

bool Monkey::chance(int percent) {
  return static_cast<int>(below(100)) < percent;
}

MonkeyAction Monkey::next(const std::vector<WidgetInfo>& widgets, std::string_view screen) {
  // What this frame offers, sorted by what a resident would do with it.
  std::vector<const WidgetInfo*> content;  // tiles, cards, buttons, chips, choices
  std::vector<const WidgetInfo*> nav;      // Back and Home
  std::vector<const WidgetInfo*> fields;   // text fields: a tap opens the keyboard
  std::vector<const WidgetInfo*> access;   // text size, contrast, speech
  std::vector<const WidgetInfo*> regions;  // what a finger may drag (scroll areas, screens)
  std::vector<const WidgetInfo*> keys;     // every key of the on-screen keyboard
  std::vector<const WidgetInfo*> letters;  // its keys that type a letter or a digit
  const WidgetInfo* lang = nullptr;
  const WidgetInfo* done = nullptr;
  const WidgetInfo* enter = nullptr;
  const WidgetInfo* hide = nullptr;
  const WidgetInfo* backspace = nullptr;
  const WidgetInfo* shift = nullptr;
  for (const auto& w : widgets) {
    if (w.role == Role::Region && !w.id.empty() && !w.covered && !w.rect.empty() &&
        !w.id.starts_with("staff.")) {
      regions.push_back(&w);
    }
    if (!monkey_may_tap(w)) continue;
    const std::string_view id = w.id;
    if (id.starts_with(kKeyPrefix)) {
      const std::string_view suffix = id.substr(kKeyPrefix.size());
      keys.push_back(&w);
      if (character_key(suffix)) letters.push_back(&w);
      if (suffix == "enter") enter = &w;
      if (suffix == "hide") hide = &w;
      if (suffix == "backspace") backspace = &w;
      if (suffix == "shift") shift = &w;
    } else if (id == "lang.toggle") {
      lang = &w;
    } else if (id == "session.end") {
      done = &w;
    } else if (id == "nav.back" || id == "nav.home") {
      nav.push_back(&w);
    } else if (id.starts_with("access.")) {
      access.push_back(&w);
    } else if (w.role == Role::TextField) {
      fields.push_back(&w);
    } else {
      content.push_back(&w);
    }
  }

  MonkeyAction action;
  const auto tap = [&](const WidgetInfo* w, const char* what) {
    action.kind = MonkeyAction::Kind::Tap;
    action.ids = {w->id};
    action.what = what;
  };
  const auto pick = [&](const std::vector<const WidgetInfo*>& from) {
    return from[below(from.size())];
  };
  const auto think = [&] {
    action.kind = MonkeyAction::Kind::Advance;
    action.what = "think";
    // Mostly a few seconds of reading; now and then long enough for "Are you still there?".
    const int roll = between(1, 100);
    action.seconds = {roll <= 75   ? between(2, 15)
                      : roll <= 97 ? between(15, 60)
                                   : between(125, 150)};
  };

  // Between residents the kiosk waits on its attract screen (or out of service) for a while.
  if ((screen == "attract" || screen == "out_of_service") && chance(50)) {
    action.kind = MonkeyAction::Kind::Advance;
    action.what = "gap";
    action.seconds = {between(10, 180)};
    return action;
  }

  // Each choice with its weight, offered only when this frame has what it needs.
  struct Choice {
    int weight;
    std::function<void()> make;
  };
  std::vector<Choice> choices;
  const bool keyboard = !keys.empty();
  if (!content.empty()) {
    choices.push_back({keyboard ? 15 : 55, [&] { tap(pick_new(content), "tap"); }});
  }
  if (!nav.empty()) choices.push_back({keyboard ? 4 : 10, [&] { tap(pick(nav), "nav"); }});
  if (!fields.empty()) choices.push_back({keyboard ? 3 : 6, [&] { tap(pick(fields), "field"); }});
  if (!access.empty()) choices.push_back({2, [&] { tap(pick(access), "access"); }});
  if (lang != nullptr) choices.push_back({keyboard ? 2 : 4, [&] { tap(lang, "lang"); }});
  if (done != nullptr) choices.push_back({3, [&] { tap(done, "done"); }});
  if (!regions.empty()) {
    choices.push_back({keyboard ? 4 : 8, [&] {
                         action.kind = MonkeyAction::Kind::Drag;
                         action.what = "drag";
                         action.ids = {pick(regions)->id};
                         const float sign = chance(50) ? 1.0f : -1.0f;
                         if (chance(85)) {  // up and down, like a list; else sideways
                           action.dx = static_cast<float>(between(-30, 30));
                           action.dy = sign * static_cast<float>(between(120, 900));
                         } else {
                           action.dx = sign * static_cast<float>(between(120, 600));
                           action.dy = static_cast<float>(between(-30, 30));
                         }
                       }});
  }
  if (screen != "attract" && screen != "out_of_service") {
    choices.push_back({keyboard ? 6 : 9, think});
    // The resident walks away: "Are you still there?" comes, and then the session ends (with
    // the repository's configuration, 120 s and 30 s; with longer ones it is a long think).
    choices.push_back({3, [&] {
                         action.kind = MonkeyAction::Kind::Advance;
                         action.what = "walk away";
                         action.seconds = {125, 35};
                       }});
  }
  choices.push_back({1, [&] {
                       const auto all = all_keypad_keys();
                       action.kind = MonkeyAction::Kind::Press;
                       action.what = "keypad";
                       action.key = std::string(key_name(all[below(all.size())]));
                     }});
  if (!letters.empty()) {
    choices.push_back({28, [&] {
                         action.kind = MonkeyAction::Kind::Tap;
                         action.what = "type";
                         // The accents page turns back to the letters after one (no plain
                         // letter on it): one letter there, a word elsewhere.
                         const bool accents =
                             std::none_of(letters.begin(), letters.end(), [](const WidgetInfo* w) {
                               return w->id.size() == kKeyPrefix.size() + 1;
                             });
                         const int length = accents ? 1 : between(2, 8);
                         for (int i = 0; i < length; ++i) {
                           if (shift != nullptr && i == 0 && chance(15)) {
                             action.ids.push_back(shift->id);  // a capital
                           }
                           action.ids.push_back(pick(letters)->id);
                         }
                       }});
  }
  if (keyboard) choices.push_back({16, [&] { tap(pick(keys), "key"); }});
  if (enter != nullptr) choices.push_back({10, [&] { tap(enter, "enter"); }});
  if (hide != nullptr) choices.push_back({3, [&] { tap(hide, "hide"); }});
  if (backspace != nullptr) {
    choices.push_back({4, [&] {
                         action.kind = MonkeyAction::Kind::Tap;
                         action.what = "backspace";
                         action.ids.assign(static_cast<std::size_t>(between(1, 4)), backspace->id);
                       }});
  }

  int total = 0;
  for (const auto& c : choices) total += c.weight;
  int roll = static_cast<int>(below(static_cast<std::size_t>(total)));
  for (const auto& c : choices) {
    if (roll < c.weight) {
      c.make();
      return action;
    }
    roll -= c.weight;
  }
  return action;  // not reached: the keypad is always a choice
}

}  // namespace kiosk

#include "kiosk/input/monkey.h"

#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "kiosk/input/scenario.h"

namespace kiosk {
namespace {

WidgetInfo widget(std::string id, Role role, Rect rect = {100, 100, 200, 80},
                  bool covered = false) {
  WidgetInfo w;
  w.id = std::move(id);
  w.role = role;
  w.rect = rect;
  w.bounds = rect;
  w.covered = covered;
  return w;
}

// A jobs screen as the registry holds it: things to tap, things that only show, and some that
// must never be tapped (covered, clipped away, staff's).
std::vector<WidgetInfo> jobs_frame() {
  return {
      widget("jobs.search", Role::Region, {0, 100, 1280, 600}),
      widget("header.name", Role::Heading),
      widget("lang.toggle", Role::Button),
      widget("access.text_size", Role::Toggle),
      widget("jobs.query", Role::TextField),
      widget("jobs.result.0", Role::Tile),
      widget("jobs.result.1", Role::Tile),
      widget("jobs.results", Role::Region, {0, 200, 1280, 400}),
      widget("jobs.count", Role::Text),
      widget("", Role::Button),                           // no id: nothing to name
      widget("jobs.result.9", Role::Tile, {0, 0, 0, 0}),  // scrolled out of sight
      widget("staff.sync", Role::Button),
      widget("jobs.filter.type.part_time", Role::Toggle, {100, 100, 80, 60}, true),  // covered
      widget("nav.back", Role::Button),
      widget("nav.home", Role::Button),
      widget("session.end", Role::Button),
  };
}

std::set<std::string> tappable(const std::vector<WidgetInfo>& frame) {
  std::set<std::string> out;
  for (const auto& w : frame) {
    if (monkey_may_tap(w)) out.insert(w.id);
  }
  return out;
}

TEST(Monkey, TapsOnlyWhatTheFrameOffers) {
  const auto frame = jobs_frame();
  EXPECT_EQ(tappable(frame),
            (std::set<std::string>{"lang.toggle", "access.text_size", "jobs.query", "jobs.result.0",
                                   "jobs.result.1", "nav.back", "nav.home", "session.end"}));
  Monkey monkey(7);
  std::set<std::string> kinds;
  for (int i = 0; i < 3000; ++i) {
    const MonkeyAction a = monkey.next(frame, "jobs.search");
    kinds.insert(a.what);
    switch (a.kind) {
      case MonkeyAction::Kind::Tap:
        ASSERT_EQ(a.ids.size(), 1u);  // no keyboard on screen: one widget a time
        EXPECT_TRUE(tappable(frame).contains(a.ids[0])) << a.ids[0];
        break;
      case MonkeyAction::Kind::Drag:
        EXPECT_TRUE(a.ids[0] == "jobs.search" || a.ids[0] == "jobs.results") << a.ids[0];
        EXPECT_GE(std::max(std::abs(a.dx), std::abs(a.dy)), 120.0f);
        break;
      case MonkeyAction::Kind::Advance:
        ASSERT_FALSE(a.seconds.empty());
        for (const int s : a.seconds) EXPECT_GT(s, 0);
        break;
      case MonkeyAction::Kind::Press:
        EXPECT_FALSE(a.key.empty());
        break;
    }
  }
  // Every kind of thing a resident does here happened.
  for (const char* what :
       {"tap", "nav", "field", "access", "lang", "done", "drag", "think", "walk away", "keypad"}) {
    EXPECT_TRUE(kinds.contains(what)) << what;
  }
  EXPECT_FALSE(kinds.contains("type"));  // no keyboard, no typing
}

TEST(Monkey, TheSameSeedDoesTheSameThings) {
  const auto frame = jobs_frame();
  Monkey a(42), b(42), c(43);
  std::vector<std::string> first, second, third;
  for (int i = 0; i < 200; ++i) {
    for (const auto& l : a.next(frame, "jobs.search").scenario_lines()) first.push_back(l);
    for (const auto& l : b.next(frame, "jobs.search").scenario_lines()) second.push_back(l);
    for (const auto& l : c.next(frame, "jobs.search").scenario_lines()) third.push_back(l);
  }
  EXPECT_EQ(first, second);
  EXPECT_NE(first, third);
}

TEST(Monkey, TypesWithTheKeysOnScreen) {
  auto frame = jobs_frame();
  for (const char* key :
       {"a", "b", "ñ", "é", "7", "shift", "enter", "backspace", "hide", "symbols", "space"}) {
    frame.push_back(widget(std::string("osk.key.") + key, Role::Button));
  }
  const std::set<std::string> letters = {"osk.key.a", "osk.key.b", "osk.key.ñ", "osk.key.é",
                                         "osk.key.7"};
  Monkey monkey(3);
  int words = 0;
  for (int i = 0; i < 2000; ++i) {
    const MonkeyAction a = monkey.next(frame, "jobs.search");
    if (a.what != "type") continue;
    ++words;
    EXPECT_GE(a.ids.size(), 2u);
    for (const auto& id : a.ids) {
      EXPECT_TRUE(letters.contains(id) || id == "osk.key.shift") << id;
    }
  }
  EXPECT_GT(words, 200);  // with the keyboard up, typing is what residents do most
}

TEST(Monkey, UnderAQuestionOnlyItsButtons) {
  // "Are you still there?": everything under it is covered.
  std::vector<WidgetInfo> frame;
  for (auto w : jobs_frame()) {
    w.covered = true;
    frame.push_back(w);
  }
  frame.push_back(widget("session.more_time", Role::Button, {400, 400, 300, 90}));
  Monkey monkey(11);
  for (int i = 0; i < 500; ++i) {
    const MonkeyAction a = monkey.next(frame, "jobs.search");
    if (a.kind == MonkeyAction::Kind::Tap) {
      EXPECT_EQ(a.ids, std::vector<std::string>{"session.more_time"});
    }
    EXPECT_NE(a.kind, MonkeyAction::Kind::Drag);  // no region is free to drag
  }
}

TEST(Monkey, BetweenResidentsItWaitsOrStarts) {
  const std::vector<WidgetInfo> frame = {widget("attract", Role::Region, {0, 0, 1280, 800}),
                                         widget("attract.start", Role::Button, {0, 0, 1280, 800})};
  Monkey monkey(5);
  int gaps = 0;
  for (int i = 0; i < 400; ++i) {
    const MonkeyAction a = monkey.next(frame, "attract");
    if (a.what == "gap") {
      ++gaps;
      ASSERT_EQ(a.seconds.size(), 1u);
      EXPECT_GE(a.seconds[0], 10);
      EXPECT_LE(a.seconds[0], 180);
    }
    EXPECT_NE(a.what, "walk away");  // nobody is there to walk away
    EXPECT_NE(a.what, "think");
  }
  EXPECT_GT(gaps, 100);
}

TEST(Monkey, ItsActionsAreScenarioLines) {
  auto frame = jobs_frame();
  frame.push_back(widget("osk.key.a", Role::Button));
  frame.push_back(widget("osk.key.ñ", Role::Button));
  frame.push_back(widget("osk.key.\"", Role::Button));  // a key whose id needs quotes
  Monkey monkey(99);
  std::string text;
  for (int i = 0; i < 500; ++i) {
    for (const auto& line : monkey.next(frame, "jobs.search").scenario_lines()) {
      text += line + '\n';
    }
  }
  const auto parsed = parse_scenario(text, "monkey.scenario");
  ASSERT_TRUE(parsed.scenario) << parsed.error;
  EXPECT_GE(parsed.scenario->steps.size(), 500u);
  EXPECT_NE(text.find("key \"\\\"\"\n"), std::string::npos);
  EXPECT_NE(text.find("key ñ\n"), std::string::npos);

  MonkeyAction drag;
  drag.kind = MonkeyAction::Kind::Drag;
  drag.ids = {"jobs.results"};
  drag.dx = 12;
  drag.dy = -400;
  EXPECT_EQ(drag.scenario_lines(), std::vector<std::string>{"drag jobs.results 12 -400"});
  MonkeyAction away;
  away.kind = MonkeyAction::Kind::Advance;
  away.seconds = {200, 60};
  EXPECT_EQ(away.scenario_lines(), (std::vector<std::string>{"advance 200", "advance 60"}));
}

}  // namespace
}  // namespace kiosk

#include "kiosk/access/navigator.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk {
namespace {

using namespace literals;
using Kind = NavAction::Kind;

WidgetInfo widget(std::string id, Role role, Rect rect, std::string text) {
  WidgetInfo w;
  w.id = std::move(id);
  w.role = role;
  w.rect = rect;
  w.bounds = rect;
  w.text = std::move(text);
  return w;
}

WidgetInfo in_area(WidgetInfo w, Rect area) {
  w.scrolls = true;
  w.area = area;
  w.rect = w.rect.intersect(area);
  return w;
}

const Rect kFilters{20, 140, 460, 700};
const Rect kResults{520, 140, 460, 700};

// A made-up frame of a 1000 x 1000 display, recorded in an order unlike the reading order:
// a header row, a heading, two scroll areas side by side (filters, results; the third card
// cut at the bottom), a footer nav, the on-screen keyboard, and what is not read.
std::vector<WidgetInfo> frame() {
  std::vector<WidgetInfo> f;
  f.push_back(widget("nav.back", Role::Button, {20, 900, 200, 60}, "Back"));
  f.push_back(in_area(widget("jobs.result.1", Role::Button, {530, 280, 440, 120},
                             "Dishwasher. Harbor Grill. $15 an hour"),
                      kResults));
  f.push_back(in_area(widget("jobs.result.0", Role::Button, {530, 150, 440, 120},
                             "Line cook. Seaside Social Kitchen. $17 to $19 an hour"),
                      kResults));
  f.push_back(in_area(widget("jobs.result.2", Role::Button, {530, 800, 440, 120},
                             "Baker. Sunrise Bakery. $16 an hour"),
                      kResults));
  f.push_back(widget("jobs.results", Role::Region, kResults, ""));
  f.push_back(widget("header.help", Role::Button, {840, 10, 120, 50}, "Help"));
  f.push_back(widget("header.title", Role::Heading, {20, 10, 300, 40}, "Workforce Kiosk"));
  f.push_back(widget("header.language", Role::Button, {700, 10, 120, 50}, "Español"));
  f.push_back(widget("", Role::Heading, {20, 80, 400, 40}, "Find a job"));
  WidgetInfo part_time = in_area(widget("jobs.filter.schedule.part_time", Role::Toggle,
                                        {30, 150, 150, 50}, "Part-time, selected"),
                                 kFilters);
  part_time.selected = true;
  f.push_back(part_time);
  f.push_back(in_area(
      widget("jobs.filter.schedule.full_time", Role::Toggle, {190, 150, 150, 50}, "Full-time"),
      kFilters));
  f.push_back(in_area(widget("", Role::Text, {30, 220, 300, 30}, "12 jobs found"), kFilters));
  f.push_back(widget("jobs.filters", Role::Region, kFilters, ""));
  f.push_back(widget("nav.mylist", Role::Button, {780, 900, 200, 60}, "My list"));
  f.push_back(widget("nav.home", Role::Button, {400, 900, 200, 60}, "Home"));
  f.push_back(widget("osk.key.a", Role::Button, {20, 970, 40, 25}, "a"));
  f.push_back(widget("osk.key.b", Role::Button, {70, 970, 40, 25}, "b"));
  WidgetInfo covered = widget("under.panel", Role::Button, {300, 500, 100, 50}, "Covered");
  covered.covered = true;
  f.push_back(covered);
  f.push_back(widget("scrolled.away", Role::Button, {300, 500, 0, 0}, "Scrolled away"));
  f.push_back(widget("blank", Role::Text, {300, 600, 100, 20}, "  "));
  return f;
}

std::vector<std::string> texts(const SpeechNavigator& nav, const std::vector<WidgetInfo>& f) {
  std::vector<std::string> out;
  for (const std::size_t i : nav.reading_order(f)) out.push_back(f[i].text);
  return out;
}

class SpeechNavigatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto error = tr_.load(std::filesystem::path(KIOSK_SOURCE_DIR) / "locales");
    ASSERT_FALSE(error) << *error;
    // A new screen starts on its heading, past the header; the tests start at the very top.
    ASSERT_EQ(nav_.focus_text(f_), "Find a job, heading");
    nav_.handle(KeypadKey::PreviousGroup, f_);
    ASSERT_EQ(nav_.focused(f_)->id, "header.title");
  }

  // Presses `key` n times; the last action.
  NavAction press(KeypadKey key, int n = 1) {
    NavAction action;
    for (int i = 0; i < n; ++i) action = nav_.handle(key, f_);
    return action;
  }

  Translator tr_;
  SpeechNavigator nav_{tr_};
  std::vector<WidgetInfo> f_ = frame();
};

TEST_F(SpeechNavigatorTest, ReadsTopToBottomInRowsAndScrollAreasWhole) {
  const std::vector<std::string> expected{"Workforce Kiosk",
                                          "Español",
                                          "Help",
                                          "Find a job",
                                          "Part-time, selected",
                                          "Full-time",
                                          "12 jobs found",
                                          "Line cook. Seaside Social Kitchen. $17 to $19 an hour",
                                          "Dishwasher. Harbor Grill. $15 an hour",
                                          "Baker. Sunrise Bakery. $16 an hour",
                                          "Back",
                                          "Home",
                                          "My list"};
  EXPECT_EQ(texts(nav_, f_), expected);
}

TEST_F(SpeechNavigatorTest, KeyboardKeysOnlyWhileTyping) {
  EXPECT_EQ(texts(nav_, f_).size(), 13u);
  nav_.set_typing(true);
  const std::vector<std::string> typing = texts(nav_, f_);
  ASSERT_EQ(typing.size(), 15u);
  EXPECT_EQ(typing[13], "a");
  EXPECT_EQ(typing[14], "b");
  nav_.set_typing(false);
  EXPECT_EQ(texts(nav_, f_).size(), 13u);
}

TEST_F(SpeechNavigatorTest, StartsOnTheFirstItemAndMovesBothWays) {
  EXPECT_EQ(nav_.focus_text(f_), "Workforce Kiosk, heading");
  EXPECT_EQ(press(KeypadKey::Next).say, "Español, button");
  EXPECT_EQ(press(KeypadKey::Next, 2).say, "Find a job, heading");
  EXPECT_EQ(press(KeypadKey::Next).say, "Part-time, filter, selected");
  EXPECT_EQ(press(KeypadKey::Previous).say, "Find a job, heading");
  EXPECT_EQ(nav_.focused(f_)->text, "Find a job");
}

TEST_F(SpeechNavigatorTest, TheEndsSayWhereTheResidentIs) {
  const NavAction top = press(KeypadKey::Previous);
  EXPECT_EQ(top.kind, Kind::None);
  EXPECT_EQ(top.say, tr_.text("speech.cue.top"_msg));
  EXPECT_EQ(nav_.focused(f_)->id, "header.title");
  EXPECT_EQ(press(KeypadKey::Next, 12).say, "My list, button");
  EXPECT_EQ(press(KeypadKey::Next).say, tr_.text("speech.cue.end"_msg));
  EXPECT_EQ(nav_.focused(f_)->id, "nav.mylist");
  EXPECT_EQ(press(KeypadKey::Previous).say, "Home, button");
}

TEST_F(SpeechNavigatorTest, GroupsAreHeadingsAndScrollAreas) {
  EXPECT_EQ(press(KeypadKey::NextGroup).say, "Find a job, heading");
  EXPECT_EQ(press(KeypadKey::NextGroup).say, "Part-time, filter, selected");
  EXPECT_EQ(press(KeypadKey::NextGroup).say,
            "Line cook. Seaside Social Kitchen. $17 to $19 an hour, button");
  // Past the last list: the footer is a part of its own.
  EXPECT_EQ(press(KeypadKey::NextGroup).say, "Back, button");
  EXPECT_EQ(press(KeypadKey::NextGroup).say, tr_.text("speech.cue.last_group"_msg));
  EXPECT_EQ(nav_.focused(f_)->id, "nav.back");
  EXPECT_EQ(press(KeypadKey::PreviousGroup).say,
            "Line cook. Seaside Social Kitchen. $17 to $19 an hour, button");
  press(KeypadKey::PreviousGroup, 2);
  EXPECT_EQ(nav_.focused(f_)->text, "Find a job");
  EXPECT_EQ(press(KeypadKey::PreviousGroup).say, "Workforce Kiosk, heading");
  EXPECT_EQ(press(KeypadKey::PreviousGroup).say, tr_.text("speech.cue.first_group"_msg));
}

TEST_F(SpeechNavigatorTest, FocusIsKeptAcrossFramesById) {
  press(KeypadKey::Next, 8);
  ASSERT_EQ(nav_.focused(f_)->id, "jobs.result.1");
  // The results scrolled by 100 pixels and a card came in at the bottom; recorded again.
  std::vector<WidgetInfo> next = frame();
  for (WidgetInfo& w : next) {
    if (w.id.starts_with("jobs.result.")) {
      w.bounds.y -= 100;
      w.rect = w.bounds.intersect(kResults);
    }
  }
  next.push_back(in_area(
      widget("jobs.result.3", Role::Button, {530, 820, 440, 120}, "Porter. Bay Hotel"), kResults));
  nav_.update(next);
  EXPECT_EQ(nav_.focused(next)->id, "jobs.result.1");
  EXPECT_EQ(nav_.handle(KeypadKey::Next, next).say, "Baker. Sunrise Bakery. $16 an hour, button");
}

TEST_F(SpeechNavigatorTest, TextWithoutIdIsKeptByItsTextAndPlace) {
  press(KeypadKey::Next, 6);
  ASSERT_EQ(nav_.focused(f_)->text, "12 jobs found");
  std::vector<WidgetInfo> next = frame();
  for (WidgetInfo& w : next) {
    if (w.text == "12 jobs found") w.rect.y += 10;
  }
  nav_.update(next);
  EXPECT_EQ(nav_.focused(next)->text, "12 jobs found");
}

TEST_F(SpeechNavigatorTest, WhenTheFocusedWidgetGoesTheNextItemTakesIt) {
  press(KeypadKey::Next, 8);
  ASSERT_EQ(nav_.focused(f_)->id, "jobs.result.1");
  std::vector<WidgetInfo> next = frame();
  std::erase_if(next, [](const WidgetInfo& w) { return w.id == "jobs.result.1"; });
  nav_.update(next);
  EXPECT_EQ(nav_.focused(next)->id, "jobs.result.2");
  // The last item gone: the focus stays on what is last now.
  press(KeypadKey::Next, 20);
  std::erase_if(next, [](const WidgetInfo& w) { return w.id == "nav.mylist"; });
  nav_.update(next);
  EXPECT_EQ(nav_.focused(next)->id, "nav.home");
}

TEST_F(SpeechNavigatorTest, APanelOverTheFocusTakesIt) {
  press(KeypadKey::Next, 10);
  ASSERT_EQ(nav_.focused(f_)->id, "nav.back");
  // A question drawn over the screen: everything recorded so far lies under it.
  std::vector<WidgetInfo> next = frame();
  for (WidgetInfo& w : next) w.covered = true;
  next.push_back(widget("end.question", Role::Region, {200, 300, 600, 400}, ""));
  next.push_back(widget("", Role::Heading, {220, 320, 560, 40}, "Are you still there?"));
  next.push_back(widget("end.confirm", Role::Button, {220, 500, 560, 60}, "Yes, I need more time"));
  EXPECT_EQ(nav_.handle(KeypadKey::Repeat, next).kind, Kind::Repeat);
  EXPECT_EQ(nav_.focus_text(next), "Are you still there?, heading");
  EXPECT_EQ(nav_.handle(KeypadKey::Next, next).say, "Yes, I need more time, button");
  EXPECT_EQ(nav_.handle(KeypadKey::Next, next).say, tr_.text("speech.cue.end"_msg));
}

TEST_F(SpeechNavigatorTest, ANewScreenStartsAtItsHeadingPastTheHeader) {
  press(KeypadKey::Next, 5);
  nav_.new_screen();
  EXPECT_EQ(nav_.focus_text(f_), "Find a job, heading");
  EXPECT_EQ(press(KeypadKey::Next).say, "Part-time, filter, selected");
  // Without a heading of its own: its first item past the header.
  std::vector<WidgetInfo> plain;
  plain.push_back(widget("header.title", Role::Heading, {20, 10, 300, 40}, "Workforce Kiosk"));
  plain.push_back(widget("nav.back", Role::Button, {20, 900, 200, 60}, "Back"));
  nav_.new_screen();
  EXPECT_EQ(nav_.focus_text(plain), "Back, button");
}

TEST_F(SpeechNavigatorTest, BackOnAScreenReturnsToTheItemLeft) {
  nav_.return_to("jobs.result.1");
  EXPECT_EQ(nav_.focus_text(f_), "Dishwasher. Harbor Grill. $15 an hour, button");
  nav_.return_to("gone.now");  // not on the screen any more: the first item after the top
  EXPECT_NE(nav_.focused(f_), nullptr);
}

TEST_F(SpeechNavigatorTest, RowsScrolledAwayAreReadAndRevealed) {
  // A fourth card far below, recorded only for speech mode (its visible part is empty).
  WidgetInfo hidden = in_area(
      widget("jobs.result.3", Role::Button, {530, 1000, 440, 120}, "Porter. Bay Hotel"), kResults);
  ASSERT_TRUE(hidden.rect.empty());
  f_.push_back(hidden);
  nav_.return_to("jobs.result.2");
  const NavAction action = press(KeypadKey::Next);
  EXPECT_EQ(action.say, "Porter. Bay Hotel, button");
  EXPECT_EQ(action.reveal, "jobs.result.3");
  // Not on screen at all and not in a scroll area: never an item.
  EXPECT_EQ(press(KeypadKey::Next).say, "Back, button");
}

TEST_F(SpeechNavigatorTest, ActivateTapsWhatCanBeTapped) {
  press(KeypadKey::Next, 2);
  const NavAction tap = press(KeypadKey::Activate);
  EXPECT_EQ(tap.kind, Kind::Activate);
  EXPECT_EQ(tap.id, "header.help");
  EXPECT_EQ(tap.rect.x, 840);
  press(KeypadKey::Next, 4);
  ASSERT_EQ(nav_.focused(f_)->text, "12 jobs found");
  const NavAction text = press(KeypadKey::Activate);
  EXPECT_EQ(text.kind, Kind::None);
  EXPECT_EQ(text.say, tr_.text("speech.cue.not_button"_msg));
}

TEST_F(SpeechNavigatorTest, ACardCutAtTheEdgeIsScrolledIntoView) {
  EXPECT_TRUE(press(KeypadKey::Next, 8).reveal.empty());  // the second card is whole
  const NavAction cut = press(KeypadKey::Next);
  EXPECT_EQ(cut.say, "Baker. Sunrise Bakery. $16 an hour, button");
  EXPECT_EQ(cut.reveal, "jobs.result.2");
}

TEST_F(SpeechNavigatorTest, OtherKeysAskTheApp) {
  press(KeypadKey::Next);
  EXPECT_EQ(press(KeypadKey::Repeat).say, "Español, button");
  EXPECT_EQ(press(KeypadKey::Repeat).kind, Kind::Repeat);
  const NavAction help = press(KeypadKey::Help);
  EXPECT_EQ(help.kind, Kind::Help);
  EXPECT_EQ(help.say, tr_.text("speech.guide"_msg));
  EXPECT_EQ(press(KeypadKey::Repeat).say, tr_.text("speech.guide"_msg));
  EXPECT_EQ(press(KeypadKey::Back).kind, Kind::Back);
  EXPECT_EQ(press(KeypadKey::Home).kind, Kind::Home);
  EXPECT_EQ(press(KeypadKey::Stop).kind, Kind::Stop);
  EXPECT_EQ(press(KeypadKey::VolumeUp).say, tr_.text("speech.cue.louder"_msg));
  EXPECT_EQ(press(KeypadKey::VolumeDown).kind, Kind::VolumeDown);
  EXPECT_EQ(press(KeypadKey::Faster).kind, Kind::Faster);
  EXPECT_EQ(press(KeypadKey::Slower).say, tr_.text("speech.cue.slower"_msg));
  EXPECT_EQ(press(KeypadKey::Language).kind, Kind::Language);
  EXPECT_EQ(nav_.focused(f_)->id, "header.language");  // none of them moved the focus
}

TEST_F(SpeechNavigatorTest, ScreenOffTogglesAndATouchLightsIt) {
  EXPECT_FALSE(nav_.screen_dark());
  const NavAction off = press(KeypadKey::ScreenOff);
  EXPECT_EQ(off.kind, Kind::ScreenOff);
  EXPECT_TRUE(nav_.screen_dark());
  EXPECT_EQ(off.say, tr_.text("speech.cue.screen_off"_msg));
  EXPECT_EQ(press(KeypadKey::ScreenOff).say, tr_.text("speech.cue.screen_on"_msg));
  EXPECT_FALSE(nav_.screen_dark());
  press(KeypadKey::ScreenOff);
  nav_.screen_lit();
  EXPECT_FALSE(nav_.screen_dark());
  press(KeypadKey::ScreenOff);
  nav_.reset();
  EXPECT_FALSE(nav_.screen_dark());
}

TEST_F(SpeechNavigatorTest, TheEndOfASessionForgetsWhatWasSaid) {
  std::vector<WidgetInfo> typed = frame();
  typed.push_back(widget("jobs.query", Role::TextField, {20, 80, 0, 0}, "Maria Lopez"));
  typed.back().rect = {430, 80, 60, 40};
  press(KeypadKey::Next, 3);
  EXPECT_EQ(nav_.handle(KeypadKey::Next, typed).say, "Maria Lopez, text box");
  nav_.reset();
  EXPECT_EQ(press(KeypadKey::Repeat).say, "Find a job, heading");  // nothing of Maria
}

TEST_F(SpeechNavigatorTest, AnEmptyScreenSaysSo) {
  const std::vector<WidgetInfo> empty;
  EXPECT_EQ(nav_.handle(KeypadKey::Next, empty).say, tr_.text("speech.cue.nothing"_msg));
  EXPECT_EQ(nav_.focused(empty), nullptr);
  EXPECT_EQ(nav_.focus_text(empty), "");
}

TEST_F(SpeechNavigatorTest, TheGuidesAreInTheKiosksLanguage) {
  tr_.set_language(Language::Es);
  EXPECT_EQ(nav_.start_guide(), tr_.text_in(Language::Es, "speech.guide.start"_msg));
  EXPECT_NE(nav_.guide(), tr_.text_in(Language::En, "speech.guide"_msg));
  EXPECT_NE(nav_.guide().find("Oprima 9"), std::string::npos);
}

struct Described {
  WidgetInfo widget;
  bool selected;
  const char* en;
  const char* es;
};

TEST_F(SpeechNavigatorTest, DescribeSaysTextRoleAndStateInBothLanguages) {
  const Rect r{0, 0, 100, 50};
  const Described cases[] = {
      {widget("", Role::Text, r, "12 jobs found"), false, "12 jobs found", "12 jobs found"},
      {widget("", Role::Heading, r, "Results"), false, "Results, heading", "Results, título"},
      {widget("jobs.search", Role::Button, r, "Search"), false, "Search, button", "Search, botón"},
      {widget("home.jobs", Role::Tile, r, "Find a job. Search jobs near you"), false,
       "Find a job. Search jobs near you, button", "Find a job. Search jobs near you, botón"},
      {widget("signup.qr", Role::Image, r, "QR code"), false, "QR code, picture",
       "QR code, imagen"},
      {widget("jobs.query", Role::TextField, r, "Line cook"), false, "Line cook, text box",
       "Line cook, cuadro de texto"},
      {widget("jobs.filter.schedule.evening", Role::Toggle, r, "Evenings"), false,
       "Evenings, filter", "Evenings, filtro"},
      {widget("jobs.filters", Role::Toggle, r, "Filters"), true, "Filters, filter, selected",
       "Filters, filtro, seleccionado"},
      {widget("match.skill.cash", Role::Toggle, r, "Cash register"), true,
       "Cash register, choice, selected", "Cash register, opción, seleccionado"},
  };
  for (const Described& c : cases) {
    WidgetInfo w = c.widget;
    w.selected = c.selected;
    tr_.set_language(Language::En);
    EXPECT_EQ(describe(w, tr_), c.en);
    tr_.set_language(Language::Es);
    EXPECT_EQ(describe(w, tr_), c.es);
  }
}

TEST_F(SpeechNavigatorTest, DescribeDoesNotSayAStateTwice) {
  // Chips and check rows already say their state in words (for read-aloud by touch).
  WidgetInfo chip = widget("jobs.filter.schedule.part_time", Role::Toggle, {0, 0, 100, 50},
                           "Part-time, selected");
  chip.selected = true;
  EXPECT_EQ(describe(chip, tr_), "Part-time, filter, selected");
  tr_.set_language(Language::Es);
  chip.text = "Medio tiempo, seleccionado";
  EXPECT_EQ(describe(chip, tr_), "Medio tiempo, filtro, seleccionado");
  WidgetInfo check =
      widget("signup.accept_terms", Role::Toggle, {0, 0, 100, 50}, "Acepto, no seleccionado");
  EXPECT_EQ(describe(check, tr_), "Acepto, opción, no seleccionado");
  tr_.set_language(Language::En);
  check.text = "I agree, not selected";
  EXPECT_EQ(describe(check, tr_), "I agree, choice, not selected");
}

}  // namespace
}  // namespace kiosk

#include "kiosk/input/registry.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

TEST(Registry, QueriesSeeTheLastCompleteFrame) {
  WidgetRegistry r;
  r.begin_frame();
  r.add({"home.help",
         Role::Tile,
         {10, 10, 100, 100},
         "Help. How to use this kiosk",
         {10, 10, 100, 100},
         {},
         false,
         false});
  EXPECT_EQ(r.find("home.help"), nullptr);  // still being built
  r.end_frame();
  ASSERT_NE(r.find("home.help"), nullptr);
  EXPECT_FLOAT_EQ(r.find("home.help")->rect.centre_x(), 60);
  EXPECT_TRUE(r.text_visible("How to use"));
  EXPECT_FALSE(r.text_visible("how to use"));  // case matters, as on screen
  r.begin_frame();
  r.end_frame();
  EXPECT_EQ(r.find("home.help"), nullptr);
}

TEST(Registry, ClippedAwayWidgetsAreNotVisible) {
  WidgetRegistry r;
  r.begin_frame();
  const Rect clip{0, 0, 100, 100};
  r.add({"below",
         Role::Button,
         Rect{0, 200, 50, 50}.intersect(clip),
         "x",
         {0, 200, 50, 50},
         clip,
         false,
         false});
  r.add({"half",
         Role::Button,
         Rect{50, 50, 100, 100}.intersect(clip),
         "y",
         {50, 50, 100, 100},
         clip,
         false,
         false});
  r.end_frame();
  EXPECT_EQ(r.find("below"), nullptr);
  ASSERT_NE(r.find("half"), nullptr);
  EXPECT_FLOAT_EQ(r.find("half")->rect.w, 50);
}

WidgetInfo widget(std::string id, Role role, Rect bounds, Rect area = {}, bool scrolls = false) {
  const Rect visible = area.empty() ? bounds : bounds.intersect(area);
  return {std::move(id), role, visible, "label", bounds, area, scrolls, false};
}

const Rect kDisplay{0, 0, 1080, 1920};

TEST(Layout, ASoundFrameHasNoProblems) {
  const std::vector<WidgetInfo> w = {
      widget("nav.back", Role::Button, {40, 1800, 256, 88}),
      widget("nav.home", Role::Button, {328, 1800, 256, 88}),  // touching edges are fine
      widget("", Role::Text, {40, 100, 900, 40}),
  };
  EXPECT_TRUE(layout_problems(w, {}, kDisplay).empty());
}

TEST(Layout, TwoOverlappingTapTargetsFail) {
  // "I'm done" drawn on top of "Home" (portrait, larger text).
  const std::vector<WidgetInfo> w = {
      widget("nav.home", Role::Button, {328, 1800, 256, 88}),
      widget("session.end", Role::Button, {500, 1800, 540, 88}),
  };
  const auto problems = layout_problems(w, {}, kDisplay);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("nav.home"), std::string::npos);
  EXPECT_NE(problems[0].find("session.end"), std::string::npos);
  EXPECT_NE(problems[0].find("overlap"), std::string::npos);
}

TEST(Layout, OverlapCountsOnlyWhereBothAreVisible) {
  // A card half scrolled out of its area, under a button outside the area: fine.
  const Rect area{0, 200, 1080, 1000};
  const std::vector<WidgetInfo> w = {
      widget("jobs.result.0", Role::Button, {40, 100, 1000, 200}, area, true),
      widget("jobs.query", Role::TextField, {40, 110, 1000, 80}),
  };
  EXPECT_TRUE(layout_problems(w, {}, kDisplay).empty());
  // Text is not tapped: text beside a button may share its pixels.
  const std::vector<WidgetInfo> text = {widget("", Role::Text, {0, 0, 500, 100}),
                                        widget("a", Role::Button, {100, 0, 500, 100})};
  EXPECT_TRUE(layout_problems(text, {}, kDisplay).empty());
}

TEST(Layout, UnderAPanelThatTakesEveryTouchNothingOverlaps) {
  WidgetRegistry r;
  r.begin_frame();
  r.add(widget("nav.home", Role::Button, {328, 900, 256, 88}));
  r.cover_all();
  r.add(widget("session.end.confirm", Role::Button, {200, 850, 600, 100}));
  r.end_frame();
  EXPECT_TRUE(layout_problems(r.widgets(), r.faults(), kDisplay).empty());
}

TEST(Layout, AWidgetPartlyOffTheScreenFails) {
  // A sort chip running off the right edge.
  const std::vector<WidgetInfo> w = {widget("jobs.sort.pay", Role::Toggle, {1000, 300, 200, 64})};
  const auto problems = layout_problems(w, {}, kDisplay);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("jobs.sort.pay"), std::string::npos);
  EXPECT_NE(problems[0].find("off the screen"), std::string::npos);
}

TEST(Layout, AScrollAreaMayHideAboveAndBelowButNotTheSides) {
  const Rect area{40, 400, 600, 800};
  const std::vector<WidgetInfo> scrolled = {
      widget("jobs.filter.type.full_time", Role::Toggle, {40, 1150, 300, 100}, area, true)};
  EXPECT_TRUE(layout_problems(scrolled, {}, kDisplay).empty());
  const std::vector<WidgetInfo> cut = {
      widget("jobs.filter.type.full_time", Role::Toggle, {500, 500, 300, 64}, area, true)};
  const auto problems = layout_problems(cut, {}, kDisplay);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("cut off"), std::string::npos);
}

TEST(Layout, ATextFaultNamesItsWidgetAndText) {
  const std::vector<WidgetInfo> w = {widget("jobs.detail.prev", Role::Button, {40, 200, 90, 80})};
  const std::vector<TextFault> faults = {
      {TextFault::Kind::BrokenWord, {50, 205, 60, 200}, "Anterior"}};
  const auto problems = layout_problems(w, faults, kDisplay);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("\"Anterior\""), std::string::npos);
  EXPECT_NE(problems[0].find("jobs.detail.prev"), std::string::npos);
  EXPECT_NE(problems[0].find("breaks a word"), std::string::npos);
}

TEST(Layout, FaultsAndDisplayBelongToTheirFrame) {
  WidgetRegistry r;
  r.begin_frame();
  r.set_display(1280, 800);
  r.add_fault({TextFault::Kind::TooBig, {0, 0, 10, 10}, "x"});
  EXPECT_TRUE(r.faults().empty());  // still being built
  r.end_frame();
  EXPECT_EQ(r.faults().size(), 1u);
  EXPECT_FLOAT_EQ(r.display().w, 1280);
  r.begin_frame();
  r.end_frame();
  EXPECT_TRUE(r.faults().empty());
}

}  // namespace
}  // namespace kiosk

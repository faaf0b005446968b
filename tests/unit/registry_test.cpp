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
         {10, 10, 100, 100}});
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
  r.add({"below", Role::Button, Rect{0, 200, 50, 50}.intersect(clip), "x", {0, 200, 50, 50}});
  r.add({"half", Role::Button, Rect{50, 50, 100, 100}.intersect(clip), "y", {50, 50, 100, 100}});
  r.end_frame();
  EXPECT_EQ(r.find("below"), nullptr);
  ASSERT_NE(r.find("half"), nullptr);
  EXPECT_FLOAT_EQ(r.find("half")->rect.w, 50);
}

}  // namespace
}  // namespace kiosk

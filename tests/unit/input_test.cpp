#include "ui/input.h"

#include <gtest/gtest.h>

namespace ui {
namespace {

using Kind = PointerEvent::Kind;

TEST(PointerQueue, APressAndReleaseInOneFrameTakeTwoFrames) {
  PointerQueue q;
  PointerState s;
  q.push({Kind::Move, 10, 20});
  q.push({Kind::Down, 10, 20});
  q.push({Kind::Up, 10, 20});
  EXPECT_TRUE(q.apply(s));  // frame 1: moved and pressed
  EXPECT_TRUE(s.down);
  EXPECT_FLOAT_EQ(s.x, 10);
  EXPECT_FALSE(q.apply(s));  // frame 2: released
  EXPECT_FALSE(s.down);
  EXPECT_TRUE(q.empty());
}

TEST(PointerQueue, FastDoubleTapKeepsBothTaps) {
  PointerQueue q;
  PointerState s;
  for (int i = 0; i < 2; ++i) {
    q.push({Kind::Down, 5, 5});
    q.push({Kind::Up, 5, 5});
  }
  int presses = 0;
  bool was_down = false;
  for (int frame = 0; frame < 10; ++frame) {
    q.apply(s);
    if (s.down && !was_down) ++presses;
    was_down = s.down;
  }
  EXPECT_EQ(presses, 2);
}

TEST(PointerQueue, MovesCollapseButTransitionsStay) {
  PointerQueue q;
  PointerState s;
  q.push({Kind::Move, 1, 1});
  q.push({Kind::Move, 2, 2});
  q.push({Kind::Move, 3, 3});
  EXPECT_FALSE(q.apply(s));
  EXPECT_FLOAT_EQ(s.x, 3);
  EXPECT_FALSE(s.down);
}

TEST(PointerQueue, LiftedFingerHoversNothing) {
  PointerQueue q;
  PointerState s;
  q.push({Kind::Down, 50, 50});
  q.push({Kind::Up, 50, 50});
  q.push({Kind::Leave, 0, 0});
  q.apply(s);
  q.apply(s);
  EXPECT_TRUE(s.present);  // the release happens over the widget, so it counts as a tap
  q.apply(s);
  EXPECT_FALSE(s.present);
  EXPECT_LT(s.x, -1e8f);
}

TEST(PointerQueue, PressWithoutReleaseIsReleasedFirst) {
  PointerQueue q;
  PointerState s;
  q.push({Kind::Down, 1, 1});
  q.apply(s);
  q.push({Kind::Down, 9, 9});  // a lost release: never keep a button stuck down
  q.apply(s);
  EXPECT_FALSE(s.down);
  q.apply(s);
  EXPECT_TRUE(s.down);
  EXPECT_FLOAT_EQ(s.x, 9);
}

}  // namespace
}  // namespace ui

namespace ui {
namespace {

TEST(Lockdown, NoKeyLeavesTheKioskInFullScreen) {
  for (Shortcut s : {Shortcut::CtrlQ, Shortcut::CtrlW, Shortcut::AltF4, Shortcut::Escape,
                     Shortcut::F11, Shortcut::Super, Shortcut::Other}) {
    EXPECT_FALSE(shortcut_quits(s, /*fullscreen=*/true));
  }
}

TEST(Lockdown, DevelopmentWindowsCloseAsUsual) {
  EXPECT_TRUE(shortcut_quits(Shortcut::CtrlQ, false));
  EXPECT_TRUE(shortcut_quits(Shortcut::CtrlW, false));
  EXPECT_FALSE(shortcut_quits(Shortcut::Escape, false));  // too easy to press by accident
}

}  // namespace
}  // namespace ui

#include "kiosk/session/session.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

using namespace std::chrono_literals;
using State = SessionTimer::State;
using Event = SessionTimer::Event;

Clock::time_point at(int seconds) {
  return Clock::time_point(std::chrono::seconds(1000 + seconds));
}

TEST(SessionTimer, WarnsAfterTheIdleTimeThenEnds) {
  SessionTimer s(120s, 30s);
  s.begin(at(0));
  s.touch(at(10));
  EXPECT_EQ(s.update(at(129)), Event::None);
  EXPECT_EQ(s.update(at(130)), Event::Warn);
  EXPECT_EQ(s.state(), State::Warning);
  EXPECT_EQ(s.seconds_left(at(130)), 30);
  EXPECT_EQ(s.seconds_left(at(145)), 15);
  s.touch(at(150));  // a touch outside the question does not answer it
  EXPECT_EQ(s.update(at(159)), Event::None);
  EXPECT_EQ(s.update(at(160)), Event::End);
  EXPECT_EQ(s.state(), State::Attract);
  EXPECT_EQ(s.update(at(9999)), Event::None);  // the attract screen waits for a touch
}

TEST(SessionTimer, MoreTimeAsOftenAsNeeded) {
  SessionTimer s(120s, 30s);
  s.begin(at(0));
  s.touch(at(0));
  for (int round = 0; round < 5; ++round) {
    const int start = round * 140;
    EXPECT_EQ(s.update(at(start + 120)), Event::Warn);
    s.more_time(at(start + 140));
    EXPECT_EQ(s.state(), State::Active);
  }
}

TEST(SessionTimer, AnUntouchedSessionEndsWithoutTheQuestion) {
  SessionTimer s(120s, 30s);
  s.begin(at(0));
  EXPECT_EQ(s.update(at(120)), Event::End);
  EXPECT_EQ(s.state(), State::Attract);
}

TEST(SessionTimer, APointerDriftingByIsNoVisit) {
  SessionTimer s(120s, 30s);
  s.begin(at(0));
  s.touch(at(10), /*press=*/false);  // the X server's first pointer motion, a mouse nudged
  EXPECT_FALSE(s.touched());
  EXPECT_EQ(s.update(at(130)), Event::End);  // kept alive until 130, then no question
}

TEST(SessionTimer, SleepsUntilItsNextDeadline) {
  SessionTimer s(120s, 30s);
  EXPECT_FALSE(s.next_deadline(at(0)));  // attract: nothing to wait for
  s.begin(at(0));
  s.touch(at(5));
  EXPECT_EQ(s.next_deadline(at(6)), at(125));
  s.update(at(125));
  EXPECT_EQ(s.next_deadline(at(125)), at(126));  // the countdown ticks every second
  EXPECT_EQ(s.next_deadline(Clock::time_point(at(140) + 300ms)), at(141));
  EXPECT_EQ(s.next_deadline(Clock::time_point(at(154) + 500ms)), at(155));
}

}  // namespace
}  // namespace kiosk

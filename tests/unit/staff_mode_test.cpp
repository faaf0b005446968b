#include "kiosk/staff/staff_mode.h"

#include <gtest/gtest.h>

namespace kiosk::staff {
namespace {

using namespace std::chrono_literals;

// A test clock that moves only when told (the kiosk clock's offset without its real time).
struct TestClock {
  Clock::time_point t{};
  Clock::time_point now() const { return t; }
  void advance(Clock::duration by) { t += by; }
};

TEST(StaffMode, HoldFiresOnceAfterFiveSeconds) {
  TestClock clock;
  HoldDetector hold;
  EXPECT_FALSE(hold.update(true, clock.now()));
  EXPECT_EQ(hold.left(clock.now()).value_or(0s) > 4s, true);
  clock.advance(4900ms);
  EXPECT_FALSE(hold.update(true, clock.now()));
  clock.advance(100ms);
  EXPECT_TRUE(hold.update(true, clock.now()));
  EXPECT_FALSE(hold.left(clock.now()));
  clock.advance(10s);
  EXPECT_FALSE(hold.update(true, clock.now()));  // still the same press: once only
  EXPECT_FALSE(hold.update(false, clock.now()));
  EXPECT_FALSE(hold.update(true, clock.now()));  // a new press starts again
  clock.advance(5s);
  EXPECT_TRUE(hold.update(true, clock.now()));
}

TEST(StaffMode, LiftingTheFingerStartsTheHoldAgain) {
  TestClock clock;
  HoldDetector hold;
  hold.update(true, clock.now());
  clock.advance(3s);
  EXPECT_FALSE(hold.update(false, clock.now()));
  EXPECT_FALSE(hold.update(true, clock.now()));
  clock.advance(3s);
  EXPECT_FALSE(hold.update(true, clock.now()));  // 3 + 3 is not a 5-second hold
  EXPECT_FALSE(hold.left(clock.now()) > 2s);
}

TEST(StaffMode, EndsAfterTwoMinutesUntouched) {
  TestClock clock;
  StaffMode staff;
  EXPECT_FALSE(staff.active(clock.now()));
  staff.enter(clock.now());
  clock.advance(119s);
  EXPECT_TRUE(staff.active(clock.now()));
  staff.touched(clock.now());
  clock.advance(119s);
  EXPECT_TRUE(staff.active(clock.now()));  // the touch kept it alive
  EXPECT_EQ(staff.left(clock.now()), std::chrono::duration_cast<Clock::duration>(1s));
  clock.advance(1s);
  EXPECT_FALSE(staff.active(clock.now()));
  staff.touched(clock.now());  // a touch after the end does not bring it back
  EXPECT_FALSE(staff.active(clock.now()));
}

TEST(StaffMode, AResidentSessionEndsIt) {
  TestClock clock;
  StaffMode staff;
  staff.enter(clock.now());
  staff.end();
  EXPECT_FALSE(staff.active(clock.now()));
  EXPECT_FALSE(staff.left(clock.now()));
}

}  // namespace
}  // namespace kiosk::staff

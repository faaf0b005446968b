#include "kiosk/session/navigation.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

TEST(Navigator, StartsHomeAndGoesBackAndHome) {
  Navigator nav;
  EXPECT_EQ(nav.current(), ScreenId::Home);
  nav.back();
  EXPECT_EQ(nav.current(), ScreenId::Home);
  nav.open(ScreenId::Help);
  EXPECT_EQ(nav.current(), ScreenId::Help);
  nav.open(ScreenId::Help);  // tapping twice does not stack it twice
  EXPECT_EQ(nav.depth(), 2u);
  nav.back();
  EXPECT_EQ(nav.current(), ScreenId::Home);
  nav.open(ScreenId::Help);
  nav.home();
  EXPECT_EQ(nav.current(), ScreenId::Home);
  EXPECT_EQ(nav.depth(), 1u);
}

TEST(Navigator, ScreenNamesAreStable) {
  EXPECT_EQ(screen_name(ScreenId::Home), "home");
  EXPECT_EQ(screen_name(ScreenId::Help), "help");
}

TEST(Navigator, AScreenIsOnTheStackOnce) {
  Navigator nav;
  nav.open(ScreenId::JobSearch);
  nav.open(ScreenId::JobDetail);
  nav.open(ScreenId::MyList);
  nav.open(ScreenId::JobDetail);  // a saved job opened from My list
  EXPECT_EQ(nav.depth(), 4u);
  nav.back();
  EXPECT_EQ(nav.current(), ScreenId::MyList);  // Back returns where the resident came from
  nav.back();
  EXPECT_EQ(nav.current(), ScreenId::JobSearch);
  EXPECT_EQ(screen_name(ScreenId::JobDetail), "jobs.detail");
}

}  // namespace
}  // namespace kiosk

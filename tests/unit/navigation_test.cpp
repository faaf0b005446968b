#include "kiosk/session/navigation.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

Route screen(std::string name) {
  return Route{std::move(name), {}, {}};
}

Route listing(std::string name, std::int64_t key, std::optional<std::size_t> index = {}) {
  return Route{std::move(name), ListingRef{ListingKind::Job, key, index}, {}};
}

TEST(Navigator, StartsHomeAndGoesBackAndHome) {
  Navigator nav;
  EXPECT_EQ(nav.current().screen, "home");
  nav.back();
  EXPECT_EQ(nav.current().screen, "home");
  nav.open(screen("help"));
  EXPECT_EQ(nav.current().screen, "help");
  nav.open(screen("help"));  // tapping twice does not stack it twice
  EXPECT_EQ(nav.depth(), 2u);
  nav.back();
  EXPECT_EQ(nav.current().screen, "home");
  nav.open(screen("help"));
  nav.home();
  EXPECT_EQ(nav.current().screen, "home");
  EXPECT_EQ(nav.depth(), 1u);
}

TEST(Navigator, RoutesCarryTheListing) {
  Navigator nav;
  nav.open(screen("jobs.search"));
  nav.open(listing("jobs.detail", 42, 3));
  ASSERT_TRUE(nav.current().listing.has_value());
  EXPECT_EQ(nav.current().listing->key, 42);
  EXPECT_EQ(nav.current().listing->index, 3u);
}

TEST(Navigator, MoreLikeThisReturnsToTheJobItCameFrom) {
  Navigator nav;
  nav.open(screen("jobs.search"));
  nav.open(listing("jobs.detail", 1, 0));
  nav.open(listing("jobs.detail", 2));  // "more like this"
  nav.open(listing("jobs.detail", 3));  // and again
  EXPECT_EQ(nav.depth(), 5u);
  nav.back();
  EXPECT_EQ(nav.current().listing->key, 2);
  nav.back();
  EXPECT_EQ(nav.current().listing->key, 1);
  nav.back();
  EXPECT_EQ(nav.current().screen, "jobs.search");
}

TEST(Navigator, PreviousAndNextReplaceSoBackLeadsToTheList) {
  Navigator nav;
  nav.open(screen("jobs.search"));
  nav.open(listing("jobs.detail", 1, 0));
  nav.replace(listing("jobs.detail", 2, 1));
  nav.replace(listing("jobs.detail", 3, 2));
  EXPECT_EQ(nav.depth(), 3u);
  nav.back();
  EXPECT_EQ(nav.current().screen, "jobs.search");
}

TEST(Navigator, OpeningARouteOnTheStackGoesBackToIt) {
  Navigator nav;
  nav.open(screen("jobs.search"));
  nav.open(listing("jobs.detail", 7, 0));
  nav.open(screen("mylist"));
  nav.open(listing("jobs.detail", 9));  // a saved job opened from My list
  EXPECT_EQ(nav.depth(), 5u);
  nav.back();
  EXPECT_EQ(nav.current().screen, "mylist");  // Back returns where the resident came from
  nav.open(screen("jobs.search"));            // "Find jobs" from My list: back to the search
  EXPECT_EQ(nav.depth(), 2u);
  nav.open(screen("home"));
  EXPECT_EQ(nav.depth(), 1u);
}

TEST(Navigator, TheStackStaysShort) {
  Navigator nav;
  for (int i = 0; i < 100; ++i) nav.open(listing("jobs.detail", i));
  EXPECT_EQ(nav.depth(), Navigator::kMaxDepth);
  for (std::size_t i = 1; i < Navigator::kMaxDepth; ++i) nav.back();
  EXPECT_EQ(nav.current().screen, "home");
}

}  // namespace
}  // namespace kiosk

#include "kiosk/base/frame_stats.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

TEST(FrameStats, PercentilesAndSummary) {
  FrameStats s;
  EXPECT_EQ(s.percentile(95), 0);
  for (int i = 1; i <= 100; ++i) s.add(i);
  EXPECT_NEAR(s.percentile(50), 50.5, 0.6);
  EXPECT_NEAR(s.percentile(95), 95, 1.0);
  EXPECT_EQ(s.percentile(100), 100);
  EXPECT_EQ(s.summary().rfind("100 frames rendered, p50 ", 0), 0u);
}

TEST(FrameStats, KeepsOnlyTheLatestFrames) {
  FrameStats s;
  for (int i = 0; i < 10000; ++i) s.add(i < 5000 ? 1000 : 1);
  EXPECT_EQ(s.count(), 10000u);
  EXPECT_EQ(s.percentile(100), 1);  // the slow early frames have been replaced
}

}  // namespace
}  // namespace kiosk

#include "ui/metrics.h"

#include <gtest/gtest.h>

namespace ui {
namespace {

TEST(Metrics, DesignSizeIs32PixelsToTheEm) {
  const Metrics m = metrics_for(1920, 1080);
  EXPECT_FLOAT_EQ(m.scale, 1.0f);
  EXPECT_FLOAT_EQ(m.em_px, 32.0f);
}

TEST(Metrics, TouchTargetsAndTextMeetTheFloorsAt1080p) {
  const Metrics m = metrics_for(1920, 1080);
  EXPECT_GE(m.px(em::kMinTouchTarget), 48.0f);
  EXPECT_GE(m.px(em::kButtonHeight), 48.0f);
  EXPECT_GE(m.px(em::kBodyText), 28.0f);
  EXPECT_GE(m.px(em::kSmallText), 28.0f);  // even secondary text is body-sized
  EXPECT_GE(m.px(em::kNavBarHeight), m.px(em::kButtonHeight));
  EXPECT_GE(m.px(em::kHeaderHeight), m.px(em::kButtonHeight));
}

TEST(Metrics, PortraitKioskGetsTheSameSizes) {
  EXPECT_FLOAT_EQ(metrics_for(1080, 1920).em_px, metrics_for(1920, 1080).em_px);
}

TEST(Metrics, SmallerScreensScaleDownButStayUsable) {
  const Metrics m = metrics_for(1280, 800);
  EXPECT_LT(m.em_px, 32.0f);
  EXPECT_GE(m.px(em::kBodyText), 22.0f);
  EXPECT_GE(m.px(em::kMinTouchTarget), 35.0f);  // ~9 mm on a 15" 1280x800 panel
  // The chrome and one tile still fit on the screen.
  EXPECT_LT(m.px(em::kHeaderHeight + em::kNavBarHeight + em::kTileHeight), 800.0f);
  EXPECT_LT(m.px(2 * em::kScreenPadding + em::kTileWidth), 1280.0f);
}

TEST(Metrics, ScaleIsClamped) {
  EXPECT_FLOAT_EQ(metrics_for(10, 10).scale, kMinScale);
  EXPECT_FLOAT_EQ(metrics_for(100000, 100000).scale, kMaxScale);
}

}  // namespace
}  // namespace ui

#include "ui/theme.h"

#include <gtest/gtest.h>

namespace ui {
namespace {

TEST(Contrast, MatchesWcagReferenceValues) {
  EXPECT_NEAR(contrast_ratio({0, 0, 0}, {255, 255, 255}), 21.0, 0.01);
  EXPECT_NEAR(contrast_ratio({255, 255, 255}, {255, 255, 255}), 1.0, 0.001);
  EXPECT_NEAR(contrast_ratio({0x76, 0x76, 0x76}, {255, 255, 255}), 4.54, 0.01);  // WCAG's #767676
  EXPECT_DOUBLE_EQ(contrast_ratio({10, 80, 200}, {250, 250, 0}),
                   contrast_ratio({250, 250, 0}, {10, 80, 200}));
}

TEST(Theme, EveryTextPairMeetsBodyTextContrast) {
  const auto pairs = text_pairs(palette());
  ASSERT_GE(pairs.size(), 10u);
  for (const auto& pair : pairs) {
    EXPECT_GE(contrast_ratio(pair.foreground, pair.background), 4.5) << pair.name;
  }
}

TEST(Theme, HighContrastMeetsSevenToOneEverywhere) {
  const auto pairs = text_pairs(palette(/*high_contrast=*/true));
  ASSERT_GE(pairs.size(), 10u);
  for (const auto& pair : pairs) {
    EXPECT_GE(contrast_ratio(pair.foreground, pair.background), 7.0) << pair.name;
  }
  // The outlines of cards and chips, and the keys on the keyboard's tray, stand out too.
  const Palette& p = palette(true);
  EXPECT_GE(contrast_ratio(p.border, p.background), 7.0);
  EXPECT_GE(contrast_ratio(p.surface, p.keyboard), 7.0);
}

TEST(Theme, BodyTextIsWellAboveTheMinimum) {
  const Palette& p = palette();
  EXPECT_GE(contrast_ratio(p.text, p.background), 12.0);  // near-black on paper
  EXPECT_GE(contrast_ratio(p.on_primary, p.primary), 7.0);
}

TEST(Theme, BackgroundsAreOpaque) {
  const Palette& p = palette();
  for (const Color c : {p.background, p.surface, p.header, p.primary, p.surface_pressed}) {
    EXPECT_EQ(c.a, 255);  // translucent full-screen fills cost ~17 ms a frame in software GL
  }
}

TEST(Theme, PackedMatchesImGuiLayout) {
  EXPECT_EQ((Color{0x11, 0x22, 0x33, 0x44}.packed()), 0x44332211u);
}

}  // namespace
}  // namespace ui

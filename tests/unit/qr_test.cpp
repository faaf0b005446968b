// QR codes: the symbol has the size and finder patterns the standard prescribes, and text that
// cannot be encoded is refused cleanly instead of producing a broken symbol.
#include "kiosk/base/qr.h"

#include <string>

#include <gtest/gtest.h>

namespace kiosk {
namespace {

// A finder pattern: a 7x7 dark ring, a light ring inside it and a dark 3x3 centre, with a light
// separator row and column on its inner sides.
void expect_finder(const QrCode& qr, int left, int top) {
  for (int y = 0; y < 7; ++y) {
    for (int x = 0; x < 7; ++x) {
      const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
      const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
      EXPECT_EQ(qr.dark(left + x, top + y), ring || centre)
          << "finder at (" << left << "," << top << "), module (" << x << "," << y << ")";
    }
  }
}

TEST(QrCodeTest, EncodesAUrlWithFinderPatternsAtThreeCorners) {
  const auto qr = QrCode::encode("https://www.mdpls.org/jobs/12345?lang=es");
  ASSERT_TRUE(qr.has_value());
  const int n = qr->size();
  EXPECT_GE(n, 21);
  EXPECT_LE(n, 177);
  EXPECT_EQ((n - 21) % 4, 0) << "size " << n << " is not 21 + 4k";
  expect_finder(*qr, 0, 0);
  expect_finder(*qr, n - 7, 0);
  expect_finder(*qr, 0, n - 7);
  // The fourth corner holds no finder pattern: its outer ring is not all dark.
  bool full_ring = true;
  for (int i = 0; i < 7; ++i) {
    full_ring = full_ring && qr->dark(n - 7 + i, n - 7) && qr->dark(n - 7, n - 7 + i);
  }
  EXPECT_FALSE(full_ring);
  // Timing pattern between the top finders: alternating, dark on even columns.
  for (int x = 8; x < n - 8; ++x) EXPECT_EQ(qr->dark(x, 6), x % 2 == 0) << "column " << x;
}

TEST(QrCodeTest, SameTextSameSymbolAndLongerTextNeverSmaller) {
  const auto a = QrCode::encode("https://example.org/a");
  const auto b = QrCode::encode("https://example.org/a");
  const auto longer = QrCode::encode(std::string(300, 'x'));
  ASSERT_TRUE(a && b && longer);
  ASSERT_EQ(a->size(), b->size());
  for (int y = 0; y < a->size(); ++y)
    for (int x = 0; x < a->size(); ++x) ASSERT_EQ(a->dark(x, y), b->dark(x, y));
  EXPECT_GT(longer->size(), a->size());
}

TEST(QrCodeTest, BytesAfterANulAreEncodedToo) {
  const std::string with_nul("a\0b", 3);
  EXPECT_TRUE(QrCode::encode(with_nul).has_value());
}

TEST(QrCodeTest, EmptyTextIsRefused) {
  EXPECT_FALSE(QrCode::encode("").has_value());
}

TEST(QrCodeTest, TooLongTextIsRefusedCleanly) {
  // 3000 bytes exceed version 40 at level M (2331 bytes): refused, or at worst a valid symbol.
  const auto big = QrCode::encode(std::string(3000, 'a'));
  if (big) {
    EXPECT_EQ(big->size(), 177);
  }
  EXPECT_FALSE(QrCode::encode(std::string(10000, 'a')).has_value());
  // The largest that fits still encodes, as version 40.
  const auto max = QrCode::encode(std::string(2331, 'a'));
  ASSERT_TRUE(max.has_value());
  EXPECT_EQ(max->size(), 177);
}

}  // namespace
}  // namespace kiosk

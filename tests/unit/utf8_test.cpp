#include "kiosk/base/utf8.h"

#include <gtest/gtest.h>

namespace kiosk::utf8 {
namespace {

TEST(Utf8, AcceptsEveryLengthAndTheEdgesOfTheRange) {
  EXPECT_TRUE(valid(""));
  EXPECT_TRUE(valid("plain ASCII"));
  EXPECT_TRUE(valid("Espa\xC3\xB1ol"));    // ñ, 2 bytes
  EXPECT_TRUE(valid("\xE2\x82\xAC"));      // €, 3 bytes
  EXPECT_TRUE(valid("\xF0\x9F\x98\x80"));  // 😀, 4 bytes
  EXPECT_TRUE(valid("\xC2\x80"));          // U+0080, the first 2-byte
  EXPECT_TRUE(valid("\xE0\xA0\x80"));      // U+0800, the first 3-byte
  EXPECT_TRUE(valid("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
  EXPECT_TRUE(valid("\xEE\x80\x80"));      // U+E000, just above them
  EXPECT_TRUE(valid("\xEF\xBF\xBF"));      // U+FFFF
  EXPECT_TRUE(valid("\xF0\x90\x80\x80"));  // U+10000, the first 4-byte
  EXPECT_TRUE(valid("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
  EXPECT_TRUE(valid(std::string_view("a\0b", 3)));
}

TEST(Utf8, RejectsOverlongSurrogatesOutOfRangeAndBadBytes) {
  EXPECT_FALSE(valid("\xC0\xAF"));              // overlong '/'
  EXPECT_FALSE(valid("\xC1\xBF"));              // overlong
  EXPECT_FALSE(valid("\xE0\x80\xAF"));          // overlong '/' in 3 bytes
  EXPECT_FALSE(valid("\xE0\x9F\xBF"));          // overlong U+07FF
  EXPECT_FALSE(valid("\xF0\x80\x80\xAF"));      // overlong in 4 bytes
  EXPECT_FALSE(valid("\xF0\x8F\xBF\xBF"));      // overlong U+FFFF
  EXPECT_FALSE(valid("\xED\xA0\x80"));          // U+D800, a surrogate
  EXPECT_FALSE(valid("\xED\xBF\xBF"));          // U+DFFF
  EXPECT_FALSE(valid("\xF4\x90\x80\x80"));      // U+110000
  EXPECT_FALSE(valid("\xF5\x80\x80\x80"));      // F5 lead
  EXPECT_FALSE(valid("\xF8\x88\x80\x80\x80"));  // 5-byte form
  EXPECT_FALSE(valid("\xFF"));
  EXPECT_FALSE(valid("\x80"));  // a lone continuation byte
  EXPECT_FALSE(valid("\xC3"));  // truncated at the end
  EXPECT_FALSE(valid("\xE2\x82"));
  EXPECT_FALSE(valid("\xF0\x9F\x98"));
  EXPECT_FALSE(valid("\xC3(x"));  // lead without its continuation
  EXPECT_FALSE(valid("\xE2\x28\xA1"));
}

TEST(Utf8, DecodesAndSaysHowFarToSkip) {
  Decoded d = decode("\xE2\x82\xAC!");
  EXPECT_TRUE(d.valid);
  EXPECT_EQ(d.cp, 0x20AC);
  EXPECT_EQ(d.size, 3u);
  d = decode("\xE2\x82!");  // the maximal subpart is skipped as one
  EXPECT_FALSE(d.valid);
  EXPECT_EQ(d.cp, kReplacement);
  EXPECT_EQ(d.size, 2u);
  EXPECT_EQ(decode("\xED\xA0\x80").size, 1u);  // a surrogate's second byte is already wrong
  EXPECT_EQ(decode("A").cp, U'A');
}

TEST(Utf8, PrefixesCutsAndLengths) {
  EXPECT_EQ(valid_prefix("ab\xC3\xB1"
                         "c\xC3"),
            5u);
  EXPECT_EQ(valid_prefix("\xFF"
                         "abc"),
            0u);
  const std::string s =
      "a\xE2\x82\xAC"
      "b";  // a€b
  EXPECT_EQ(cut(s, 10), s.size());
  EXPECT_EQ(cut(s, 3), 1u);  // never inside the €
  EXPECT_EQ(cut(s, 4), 4u);
  EXPECT_EQ(cut(s, 0), 0u);
  EXPECT_EQ(last_char_start(s), 4u);
  EXPECT_EQ(last_char_start("a\xE2\x82\xAC"), 1u);
  EXPECT_EQ(last_char_start(""), 0u);
  EXPECT_EQ(length("a\xE2\x82\xAC"
                   "b\xC3\xB1"),
            4u);
  EXPECT_EQ(length("\xFF\xFE"), 2u);
}

TEST(Utf8, EncodesAndSanitizes) {
  EXPECT_EQ(encode(U'A'), "A");
  EXPECT_EQ(encode(0xF1), "\xC3\xB1");
  EXPECT_EQ(encode(0x20AC), "\xE2\x82\xAC");
  EXPECT_EQ(encode(0x1F600), "\xF0\x9F\x98\x80");
  EXPECT_EQ(encode(0xD800), "\xEF\xBF\xBD");  // a surrogate is no character
  EXPECT_EQ(encode(0x110000), "\xEF\xBF\xBD");
  for (char32_t cp : {0x7Fu, 0x80u, 0x7FFu, 0x800u, 0xFFFFu, 0x10000u, 0x10FFFFu}) {
    const std::string e = encode(cp);
    EXPECT_TRUE(valid(e));
    EXPECT_EQ(decode(e).cp, cp);
  }
  EXPECT_EQ(sanitize("ok"), "ok");
  EXPECT_EQ(sanitize("a\xFF"
                     "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(sanitize("a\xE2\x82"
                     "b"),
            "a\xEF\xBF\xBD"
            "b");  // one U+FFFD for the cut sequence
  EXPECT_EQ(sanitize("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_TRUE(valid(sanitize("\xED\xA0\x80\xF4\x90\x80\x80 x")));
}

TEST(Utf8, ValidatorAcceptsSequencesSplitAcrossChunks) {
  const std::string text = "Espa\xC3\xB1ol \xE2\x82\xAC \xF0\x9F\x98\x80 fin";
  for (std::size_t split = 0; split <= text.size(); ++split) {
    Validator v;
    v.feed(std::string_view(text).substr(0, split));
    v.feed(std::string_view(text).substr(split));
    EXPECT_TRUE(v.ok()) << "split at " << split;
  }
  Validator bytewise;
  for (const char c : text) bytewise.feed(std::string_view(&c, 1));
  EXPECT_TRUE(bytewise.ok());
}

TEST(Utf8, ValidatorRejectsWhatValidRejects) {
  for (const std::string bad : {"\xC0\xAF", "x\xED\xA0\x80", "\xF5\x80\x80\x80", "ab\xC3",
                                "\xE0\x80\xAF", "\xF4\x90\x80\x80", "\x80"}) {
    for (std::size_t split = 0; split <= bad.size(); ++split) {
      Validator v;
      v.feed(std::string_view(bad).substr(0, split));
      v.feed(std::string_view(bad).substr(split));
      EXPECT_FALSE(v.ok()) << "split at " << split;
    }
  }
}

}  // namespace
}  // namespace kiosk::utf8

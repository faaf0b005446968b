#include "kiosk/feeds/html_text.h"

#include <gtest/gtest.h>

#include "tests/unit/feed_test_support.h"

#include <cctype>
#include <chrono>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace kiosk::feeds {
namespace {

using Type = TextBlock::Type;

using kiosk::testing::read_realdata;

std::size_t total_bytes(const RichText& blocks) {
  std::size_t n = 0;
  for (const auto& b : blocks) {
    for (const auto& line : b.lines) n += line.size();
  }
  return n;
}

// No line may carry markup, control bytes or bidi/zero-width characters.
void expect_clean(const RichText& blocks) {
  for (const auto& b : blocks) {
    EXPECT_FALSE(b.lines.empty());
    for (const auto& line : b.lines) {
      EXPECT_FALSE(line.empty());
      for (std::size_t i = 0; i < line.size(); ++i) {
        const auto c = static_cast<unsigned char>(line[i]);
        EXPECT_GE(c, 0x20) << line;
        if (c == '<' && i + 1 < line.size()) {
          EXPECT_FALSE(std::isalpha(static_cast<unsigned char>(line[i + 1]))) << line;
        }
      }
      EXPECT_EQ(line.find("\xE2\x80\xAE"), std::string::npos) << line;  // U+202E
      EXPECT_EQ(line.find("\xE2\x80\x8B"), std::string::npos) << line;  // U+200B
    }
  }
}

TEST(HtmlToBlocks, ParagraphsKeepInlineTextAndDropUrls) {
  const RichText blocks = html_to_blocks(
      "<p>Hello <strong>world</strong> &amp; <em>friends</em>, see <a "
      "href=\"https://evil.example/x\">our site</a><span>!</span></p><div>Second</div>");
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].type, Type::Paragraph);
  EXPECT_EQ(blocks[0].lines, std::vector<std::string>{"Hello world & friends, see our site!"});
  EXPECT_EQ(blocks[1].lines, std::vector<std::string>{"Second"});
  EXPECT_EQ(blocks_to_plain(blocks).find("evil.example"), std::string::npos);
}

TEST(HtmlToBlocks, ScriptsStylesEmbedsAndCommentsAreDroppedWithTheirContent) {
  const RichText blocks = html_to_blocks(
      "<p>Before</p><script>alert('x')</script><style>p{color:red}</style>"
      "<iframe src=\"https://x\">frame text</iframe><noscript>enable JS</noscript>"
      "<template><p>template text</p></template><svg><title>svg title</title><text>svg "
      "text</text></svg><object data=\"x\">object text</object><!-- a comment -->"
      "<p>After<script>document.write('<b>injected</b>')</script></p>");
  EXPECT_EQ(blocks_to_plain(blocks), "Before\nAfter");
}

TEST(HtmlToBlocks, BidiOverridesControlsAndZeroWidthCharactersAreRemoved) {
  const RichText blocks = html_to_blocks(
      "<p>Pay \xE2\x80\xAE"
      "0001$\xE2\x80\xAC per week\x01\x07 "
      "zero\xE2\x80\x8Bwidth</p>");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].lines[0], "Pay 0001$ per week zerowidth");
  expect_clean(blocks);
}

TEST(HtmlToBlocks, HeadingsAndLineBreaks) {
  const RichText blocks = html_to_blocks(
      "<h2>About <em>us</em></h2>First line<br>Second line<br/><br>Third"
      "<h4>Benefits</h4><p>Health <br>insurance</p>");
  ASSERT_EQ(blocks.size(), 7u);
  EXPECT_EQ(blocks[0].type, Type::Heading);
  EXPECT_EQ(blocks[0].lines[0], "About us");
  EXPECT_EQ(blocks[1].lines[0], "First line");
  EXPECT_EQ(blocks[2].lines[0], "Second line");
  EXPECT_EQ(blocks[3].lines[0], "Third");
  EXPECT_EQ(blocks[4].type, Type::Heading);
  EXPECT_EQ(blocks[4].lines[0], "Benefits");
  EXPECT_EQ(blocks[5].lines[0], "Health");  // <br> at block level starts a new paragraph
  EXPECT_EQ(blocks[6].lines[0], "insurance");
  // Inside a heading or list item it is only a space: those stay one line.
  EXPECT_EQ(html_to_blocks("<h3>Pay<br>and hours</h3>")[0].lines[0], "Pay and hours");
}

TEST(HtmlToBlocks, ABoldOnlyParagraphIsAHeading) {
  const RichText blocks = html_to_blocks(
      "<p>Intro.</p><p><strong>What you will do</strong></p><ul><li>Cook</li></ul>"
      "<p><b>Bold</b> and plain</p><p><strong>" +
      std::string(100, 'x') + "</strong></p>");
  ASSERT_EQ(blocks.size(), 5u);
  EXPECT_EQ(blocks[1].type, Type::Heading);
  EXPECT_EQ(blocks[1].lines[0], "What you will do");
  EXPECT_EQ(blocks[2].type, Type::Bullets);
  EXPECT_EQ(blocks[3].type, Type::Paragraph);  // bold and plain text: a paragraph
  EXPECT_EQ(blocks[4].type, Type::Paragraph);  // too long to be a heading
}

TEST(HtmlToBlocks, NestedListsFlattenIntoOneBulletBlockPerList) {
  const RichText blocks = html_to_blocks(
      "<p>You will:</p><ul><li>Greet <b>guests</b><ul><li>in English</li><li>in "
      "Spanish</li></ul></li><li><p>Keep records</p><p>daily</p></li></ul>"
      "<ol><li>First</li><li>Second<br>line</li></ol>");
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].type, Type::Paragraph);
  EXPECT_EQ(blocks[1].type, Type::Bullets);
  EXPECT_EQ(blocks[1].lines, (std::vector<std::string>{"Greet guests", "in English", "in Spanish",
                                                       "Keep records daily"}));
  EXPECT_EQ(blocks[2].type, Type::Bullets);
  EXPECT_EQ(blocks[2].lines, (std::vector<std::string>{"First", "Second line"}));
}

TEST(HtmlToBlocks, ListItemsWithoutAListElementFormOneList) {
  // Lever's "lists[].content" is exactly this.
  const RichText blocks = html_to_blocks("<li>One</li>\n<li>Two</li><li></li><li>Three</li>");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].type, Type::Bullets);
  EXPECT_EQ(blocks[0].lines, (std::vector<std::string>{"One", "Two", "Three"}));
}

TEST(HtmlToBlocks, TableRowsBecomeParagraphsWithCellsJoined) {
  const RichText blocks = html_to_blocks(
      "<table><caption>Shifts</caption><tr><th>Shift</th><th>Pay</th></tr>"
      "<tr><td>Day</td><td>$18.50</td></tr><tr><td>Night</td><td></td><td>$21</td></tr>"
      "</table>");
  ASSERT_EQ(blocks.size(), 4u);
  EXPECT_EQ(blocks[0].lines[0], "Shifts");
  EXPECT_EQ(blocks[1].lines[0], "Shift \xE2\x80\x94 Pay");
  EXPECT_EQ(blocks[2].lines[0], "Day \xE2\x80\x94 $18.50");
  EXPECT_EQ(blocks[3].lines[0], "Night \xE2\x80\x94 $21");
}

TEST(HtmlToBlocks, EntitiesAreDecodedAndWhitespaceCollapsed) {
  const RichText blocks = html_to_blocks(
      "<p>  Caf&eacute;&nbsp;&nbsp;staff &#8212;\n\t ma&ntilde;ana &#x2013; "
      "&quot;now&quot;  </p>");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].lines[0],
            "Caf\xC3\xA9 staff \xE2\x80\x94 ma\xC3\xB1"
            "ana \xE2\x80\x93 \"now\"");
}

TEST(HtmlToBlocks, EscapedMarkupStaysTextButCannotBecomeATag) {
  const RichText blocks = html_to_blocks("<p>Know &lt;canvas&gt; and x &lt; 3</p>");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].lines[0],
            "Know \xE2\x80\xB9"
            "canvas> and x < 3");
  expect_clean(blocks);
}

TEST(HtmlToBlocks, EmptyBlocksAreDropped) {
  EXPECT_TRUE(html_to_blocks("<p></p><div>  </div><ul><li> </li></ul><h1></h1>").empty());
  EXPECT_TRUE(html_to_blocks("").empty());
}

TEST(HtmlToBlocks, LongParagraphIsKeptWholeButTotalIsCapped) {
  const std::string word = "workforce ";
  std::string paragraph;
  while (paragraph.size() < 20000) paragraph += word;
  const RichText one = html_to_blocks("<p>" + paragraph + "</p>");
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].lines[0].size(), paragraph.size() - 1);  // the trailing space collapses

  std::string many;
  for (int i = 0; i < 200; ++i) many += "<p>" + paragraph.substr(0, 1000) + "</p>";
  const RichText capped = html_to_blocks(many);
  EXPECT_LE(total_bytes(capped), kMaxDescriptionBytes);
  EXPECT_GT(total_bytes(capped), kMaxDescriptionBytes - 1100);
  EXPECT_TRUE(capped.back().lines.back().ends_with("\xE2\x80\xA6"));
}

TEST(HtmlToBlocks, PathologicalNestingFinishesQuickly) {
  const auto start = std::chrono::steady_clock::now();
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<i>";
  const RichText a = html_to_blocks("<p>Kept</p>" + deep + "lost");
  EXPECT_EQ(a.front().lines.front(), "Kept");
  std::string formatting;
  for (int i = 0; i < 20000; ++i) formatting += "<div><b id=" + std::to_string(i) + "></div>x";
  const RichText b = html_to_blocks(formatting);
  expect_clean(b);
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 5.0);
}

TEST(TextToBlocks, BlankLinesSeparateParagraphsAndMarkersMakeBullets) {
  const RichText blocks = text_to_blocks(
      "We are hiring.\r\n\r\nRequirements:\n- High school diploma\n* Bilingual\n"
      "\xE2\x80\xA2 Valid license\n\xC2\xB7 Flexible\n\n1. Apply online\n2. Interview\n\n\n");
  ASSERT_EQ(blocks.size(), 4u);
  EXPECT_EQ(blocks[0].lines[0], "We are hiring.");
  EXPECT_EQ(blocks[1].lines[0], "Requirements:");
  EXPECT_EQ(blocks[2].type, Type::Bullets);
  EXPECT_EQ(blocks[2].lines, (std::vector<std::string>{"High school diploma", "Bilingual",
                                                       "Valid license", "Flexible"}));
  EXPECT_EQ(blocks[3].type, Type::Bullets);
  EXPECT_EQ(blocks[3].lines, (std::vector<std::string>{"Apply online", "Interview"}));
}

TEST(TextToBlocks, WrappedLinesJoinButShortTitleLinesDoNot) {
  const RichText blocks = text_to_blocks(
      "About Zoox\nZoox is developing the first ground-up, fully autonomous vehicle fleet.\n"
      "Students will learn to\ndistinguish trees.");
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].lines[0], "About Zoox");
  EXPECT_EQ(blocks[2].lines[0], "Students will learn to distinguish trees.");
}

TEST(TextToBlocks, HiddenCharactersAreRemoved) {
  const RichText blocks = text_to_blocks("Nurse \xE2\x80\xAEtnatsissa\x01\n\n\xE2\x80\x8B\n");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].lines[0], "Nurse tnatsissa");
}

TEST(DescriptionBlocks, DetectsHtmlOrPlainText) {
  EXPECT_TRUE(looks_like_html("Hello<br>there"));
  EXPECT_TRUE(looks_like_html("<P class=\"x\">Hi</P>"));
  EXPECT_TRUE(looks_like_html("text</custom>"));
  EXPECT_FALSE(looks_like_html("Pay < $20 and > $15"));
  EXPECT_FALSE(looks_like_html("I <3 Miami"));
  EXPECT_EQ(description_blocks("<ul><li>a</li><li>b</li></ul>")[0].type, Type::Bullets);
  const RichText plain = description_blocks("Line one\n\n- a\n- b");
  ASSERT_EQ(plain.size(), 2u);
  EXPECT_EQ(plain[1].type, Type::Bullets);
}

TEST(DecodeHtmlEntities, UndoesOneLevelOfEscaping) {
  EXPECT_EQ(decode_html_entities("&lt;p&gt;Hello &amp;amp; welcome&lt;/p&gt;"),
            "<p>Hello &amp; welcome</p>");
  EXPECT_EQ(decode_html_entities("&quot;x&quot; &apos;y&apos; a&nbsp;b"),
            "\"x\" 'y' a\xC2\xA0"
            "b");
  EXPECT_EQ(decode_html_entities("Espa&ntilde;ol &aacute;&Eacute;&uuml;&ccedil;"),
            "Espa\xC3\xB1ol \xC3\xA1\xC3\x89\xC3\xBC\xC3\xA7");
  EXPECT_EQ(decode_html_entities("&#233;&#xE9;&#XE9;&#x1F600;"),
            "\xC3\xA9\xC3\xA9\xC3\xA9\xF0\x9F\x98\x80");
  EXPECT_EQ(decode_html_entities("&#150;&#146;"), "\xE2\x80\x93\xE2\x80\x99");  // cp1252
  EXPECT_EQ(decode_html_entities("&#0;&#xD800;&#x110000;"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(decode_html_entities("&bogus; &amp &; & &#xZZ; AT&T"), "&bogus; &amp &; & &#xZZ; AT&T");
}

TEST(BlocksToPlain, JoinsEveryLine) {
  const RichText blocks = {{Type::Heading, {"Duties"}},
                           {Type::Bullets, {"Cook", "Clean"}},
                           {Type::Paragraph, {"Apply today."}}};
  EXPECT_EQ(blocks_to_plain(blocks), "Duties\nCook\nClean\nApply today.");
  EXPECT_EQ(blocks_to_plain({}), "");
}

TEST(HtmlToBlocksRealData, GreenhouseEscapedContent) {
  const auto body = read_realdata("greenhouse/real_trimmed_gitlab.json");
  if (!body) GTEST_SKIP() << "realdata not available";
  const auto doc = nlohmann::json::parse(*body, nullptr, false);
  ASSERT_FALSE(doc.is_discarded());
  const std::string content = doc["jobs"][0]["content"].get<std::string>();
  EXPECT_FALSE(looks_like_html(content));  // escaped once: text that spells out tags
  const RichText blocks = html_to_blocks(decode_html_entities(content));
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_TRUE(blocks[0].lines[0].starts_with("GitLab is the intelligent orchestration platform"));
  EXPECT_EQ(blocks[0].lines[0].find('<'), std::string::npos);
  EXPECT_EQ(blocks[0].lines[0].find("&"), std::string::npos);
  expect_clean(blocks);
}

TEST(HtmlToBlocksRealData, LeverListContent) {
  const auto body = read_realdata("lever/real_trimmed_zoox.json");
  if (!body) GTEST_SKIP() << "realdata not available";
  const auto doc = nlohmann::json::parse(*body, nullptr, false);
  ASSERT_FALSE(doc.is_discarded());
  // Cut short by whoever trimmed it (no closing </ul></div>): the parser still finds the item.
  const RichText blocks = html_to_blocks(doc[0]["lists"][0]["content"].get<std::string>());
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].type, Type::Bullets);
  EXPECT_EQ(blocks[0].lines,
            std::vector<std::string>{
                "Create test strategies and test plans for Zoox\xE2\x80\x99s self-driving "
                "behavior features."});
}

}  // namespace
}  // namespace kiosk::feeds

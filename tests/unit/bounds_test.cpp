// Bounds per record (kiosk/feeds/bounds.h) and the cutting of long JSON strings before parsing
// (kiosk/feeds/json_cut.h).
#include "kiosk/feeds/bounds.h"
#include "kiosk/base/utf8.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "kiosk/feeds/greenhouse.h"
#include "kiosk/feeds/json_cut.h"
#include "kiosk/feeds/jsonld.h"
#include "kiosk/store/record_json.h"

namespace kiosk::feeds {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

std::string words(std::size_t bytes, std::string_view word = "word ") {
  std::string out;
  while (out.size() < bytes) out += word;
  out.resize(bytes);
  return out;
}

std::size_t total_bytes(const RichText& blocks) {
  std::size_t n = 0;
  for (const auto& b : blocks) {
    for (const auto& line : b.lines) n += line.size();
  }
  return n;
}

Job job(std::string id, std::string title) {
  Job j;
  j.id = std::move(id);
  j.title.en = std::move(title);
  return j;
}

TEST(CutAtWord, ShortTextIsUnchanged) {
  EXPECT_EQ(cut_at_word("Registered Nurse", 100), "Registered Nurse");
  EXPECT_EQ(cut_at_word("", 0), "");
}

TEST(CutAtWord, CutsBetweenWordsWithAnEllipsis) {
  const std::string cut = cut_at_word("Registered Nurse for the night shift", 24);
  EXPECT_EQ(cut, "Registered Nurse for…");
  EXPECT_LE(cut.size(), 24u);
}

TEST(CutAtWord, NeverInsideACharacter) {
  // "ñ" is two bytes, "€" three, "😀" four: every cut point in a run of them.
  for (const std::string_view unit : {"ñ", "€", "😀"}) {
    const std::string text = words(200, unit);
    for (std::size_t max = 3; max < 60; ++max) {
      const std::string cut = cut_at_word(text, max);
      EXPECT_TRUE(utf8::valid(cut)) << unit << " at " << max;
      EXPECT_LE(cut.size(), max);
      EXPECT_TRUE(cut.ends_with(kEllipsis));
    }
  }
}

TEST(CutAtWord, ALongWordIsCutAtACharacter) {
  const std::string cut = cut_at_word(std::string(1000, 'x'), 100);
  EXPECT_EQ(cut, std::string(97, 'x') + std::string(kEllipsis));
}

TEST(WithCommas, GroupsThousands) {
  EXPECT_EQ(with_commas(0), "0");
  EXPECT_EQ(with_commas(999), "999");
  EXPECT_EQ(with_commas(1000), "1,000");
  EXPECT_EQ(with_commas(1234567), "1,234,567");
}

TEST(BoundRecords, AHugeDescriptionIsCutAtAWordNearTheLimit) {
  ParsedFeed feed;
  feed.jobs.push_back(job("j1", "Nurse"));
  feed.jobs[0].description.en = {{TextBlock::Type::Paragraph, {words(3u << 20)}}};
  SkippedRecords skipped;
  bound_records(feed, skipped);
  ASSERT_EQ(feed.jobs.size(), 1u);
  EXPECT_EQ(skipped.count(), 0);
  const RichText& d = feed.jobs[0].description.en;
  ASSERT_EQ(d.size(), 1u);
  const std::string& line = d[0].lines[0];
  EXPECT_LE(line.size(), kLineBytes);                                         // one paragraph's cap
  EXPECT_GT(line.size(), kLineBytes - 100);                                   // near it
  EXPECT_TRUE(line.ends_with(std::string("word") + std::string(kEllipsis)));  // at a word
}

TEST(BoundRecords, TheWholeDescriptionIsCappedAndEndsWithAnEllipsis) {
  ParsedFeed feed;
  feed.jobs.push_back(job("j1", "Nurse"));
  for (int i = 0; i < 200; ++i) {
    feed.jobs[0].description.es.push_back({TextBlock::Type::Paragraph, {words(1000, "señal ")}});
  }
  SkippedRecords skipped;
  bound_records(feed, skipped);
  const RichText& d = feed.jobs[0].description.es;
  EXPECT_LE(total_bytes(d), kMaxDescriptionBytes);
  EXPECT_GT(total_bytes(d), kMaxDescriptionBytes - 1100);
  EXPECT_TRUE(d.back().lines.back().ends_with(kEllipsis));
  for (const auto& block : d) {
    for (const auto& line : block.lines) EXPECT_TRUE(utf8::valid(line));
  }
}

TEST(BoundRecords, TooManyLinesAreDropped) {
  ParsedFeed feed;
  feed.jobs.push_back(job("j1", "Nurse"));
  TextBlock bullets{TextBlock::Type::Bullets, {}};
  for (std::size_t i = 0; i < kMaxDescriptionLines + 500; ++i) bullets.lines.push_back("CPR");
  feed.jobs[0].description.en = {bullets};
  SkippedRecords skipped;
  bound_records(feed, skipped);
  const RichText& d = feed.jobs[0].description.en;
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].lines.size(), kMaxDescriptionLines);
  EXPECT_EQ(d[0].lines.back(), "CPR…");
}

TEST(BoundRecords, AbsurdTitlesAndIdsAreSkippedWithReasons) {
  ParsedFeed feed;
  feed.jobs.push_back(job("ok", "Line Cook"));
  feed.jobs.push_back(job("t1", words(100 * 1024)));
  feed.jobs.push_back(job("t2", words(kMaxTitleChars + 1)));
  feed.jobs.push_back(job("t3", words(5000)));
  feed.jobs.push_back(job(std::string(10 * 1024, 'i'), "Cashier"));
  Program p;
  p.id = "p";
  p.name.es = words(2000, "técnico ");
  feed.programs.push_back(p);
  SkippedRecords skipped;
  bound_records(feed, skipped);
  ASSERT_EQ(feed.jobs.size(), 1u);
  EXPECT_EQ(feed.jobs[0].id, "ok");
  EXPECT_TRUE(feed.programs.empty());
  EXPECT_EQ(skipped.count(), 5);
  EXPECT_EQ(skipped.summary(),
            (std::vector<std::string>{"1 record skipped: id longer than 2,048 bytes",
                                      "1 record skipped: name longer than 1,000 characters",
                                      "3 records skipped: title longer than 1,000 characters"}));
}

TEST(BoundRecords, TitlesUpToTheLimitAreKeptAndCut) {
  ParsedFeed feed;
  // 1,000 two-byte characters: 2,000 bytes, still a title (characters count, not bytes).
  feed.jobs.push_back(job("j", words(2 * kMaxTitleChars, "ñ")));
  SkippedRecords skipped;
  bound_records(feed, skipped);
  ASSERT_EQ(feed.jobs.size(), 1u);
  EXPECT_LE(feed.jobs[0].title.en.size(), kTitleBytes);
  EXPECT_TRUE(utf8::valid(feed.jobs[0].title.en));
}

TEST(BoundRecords, OtherFieldsAreCutOrDropped) {
  ParsedFeed feed;
  Job j = job("j", "Nurse");
  j.employer = words(5000);
  j.apply_url = "https://example.org/" + std::string(5000, 'a');
  j.occupation_code = std::string(500, '1');
  for (int i = 0; i < 500; ++i) j.skills.push_back(words(300));
  Place place;
  place.street = words(1000);
  place.city = "Miami";
  for (int i = 0; i < 500; ++i) j.locations.push_back(place);
  j.education.es = words(50000);
  feed.jobs.push_back(j);
  Service s;
  s.id = "s";
  s.name.en = "Bus passes";
  s.phone = std::string(200, '5');
  s.hours.en = words(10000);
  feed.services.push_back(s);
  SkippedRecords skipped;
  bound_records(feed, skipped);
  const Job& b = feed.jobs[0];
  EXPECT_LE(b.employer.size(), kOrgBytes);
  EXPECT_TRUE(b.apply_url.empty());
  EXPECT_TRUE(b.occupation_code.empty());
  EXPECT_EQ(b.skills.size(), kMaxSkills);
  EXPECT_LE(b.skills[0].size(), kSkillBytes);
  EXPECT_EQ(b.locations.size(), kMaxPlaces);
  EXPECT_LE(b.locations[0].street.size(), kPlaceBytes);
  EXPECT_EQ(b.locations[0].city, "Miami");
  EXPECT_LE(b.education.es.size(), kShortTextBytes);
  EXPECT_TRUE(feed.services[0].phone.empty());
  EXPECT_LE(feed.services[0].hours.en.size(), kShortTextBytes);
  EXPECT_EQ(skipped.count(), 0);
}

TEST(BoundRecords, ARealisticRecordIsUntouched) {
  ParsedFeed feed;
  Job j = job("gh-123", "Registered Nurse");
  j.title.es = "Enfermera registrada";
  j.employer = "Jackson Health System";
  j.description.en = {{TextBlock::Type::Heading, {"About the role"}},
                      {TextBlock::Type::Paragraph, {words(3000)}},
                      {TextBlock::Type::Bullets, {"CPR", "BLS", "Florida RN license"}}};
  j.apply_url = "https://jobs.example.org/apply/123";
  j.skills = {"Patient care", "Charting"};
  j.locations = {Place{"Main campus", "1611 NW 12th Ave", "Miami", "FL", "33136", "US"}};
  feed.jobs.push_back(j);
  SkippedRecords skipped;
  bound_records(feed, skipped);
  ASSERT_EQ(feed.jobs.size(), 1u);
  EXPECT_EQ(nlohmann::json(feed.jobs[0]), nlohmann::json(j));
}

// ---- Long JSON strings cut before parsing ------------------------------------------------------

std::string cut(std::string_view json, std::size_t max) {
  std::istringstream in{std::string(json)};
  return read_json_cut(in, max);
}

TEST(JsonCut, PassesJsonThroughUnchangedBelowTheLimit) {
  const std::string doc =
      R"({"a":"x\"y\\z","b":["\u00f1\ud83d\ude00",1,true,null],"c":{"d":"ñandú"}} // "x)";
  EXPECT_EQ(cut(doc, 64), doc);
}

TEST(JsonCut, CutsOnlyTheLongStringsAndStaysValidJson) {
  const std::string doc =
      R"({"short":"abc","long":")" + std::string(1000, 'x') + R"(\"tail","after":"def"})";
  const std::string out = cut(doc, 10);
  const auto parsed = nlohmann::json::parse(out);
  EXPECT_EQ(parsed["short"], "abc");
  EXPECT_EQ(parsed["long"], std::string(10, 'x'));
  EXPECT_EQ(parsed["after"], "def");
}

TEST(JsonCut, NeverCutsInsideACharacterAnEscapeOrASurrogatePair) {
  // Every limit across runs of multi-byte characters, escapes and surrogate pairs: the output
  // always parses, and each string is a prefix of the original value.
  const std::string value = R"(añ€😀\n\u00e9\ud83d\ude00\"x)";
  std::string long_value;
  for (int i = 0; i < 8; ++i) long_value += value;
  const std::string doc = R"({"k":")" + long_value + R"(","z":1})";
  const std::string full = nlohmann::json::parse(doc)["k"];
  for (std::size_t max = 1; max < long_value.size() + 2; ++max) {  // keys are one byte
    const std::string out = cut(doc, max);
    const auto parsed = nlohmann::json::parse(out, nullptr, false);
    ASSERT_FALSE(parsed.is_discarded()) << "limit " << max << ": " << out;
    const std::string got = parsed["k"];
    EXPECT_TRUE(full.starts_with(got)) << max;
    EXPECT_EQ(parsed["z"], 1);
  }
}

TEST(JsonCut, QuotesInCommentsDoNotConfuseIt) {
  const std::string doc =
      "{ // it said \"hello\n \"a\": \"" + std::string(100, 'y') + "\" /* \" */, \"b\": \"ok\"}";
  const std::string out = cut(doc, 5);
  const auto parsed = nlohmann::json::parse(out, nullptr, false, /*ignore_comments=*/true);
  ASSERT_FALSE(parsed.is_discarded()) << out;
  EXPECT_EQ(parsed["a"], "yyyyy");
  EXPECT_EQ(parsed["b"], "ok");
}

TEST(JsonCut, AHugeDescriptionStillImportsItsListing) {
  const std::string doc = R"({"@context":"https://schema.org","@graph":[{"@type":"JobPosting",
    "identifier":"j1","title":"Nurse","description":"<p>)" +
                          words(4u << 20) + R"(</p>"}]})";
  std::istringstream in(doc);
  JsonCutStream cut_in(in);
  std::size_t records = 0;
  const auto result = stream_jsonld(cut_in, "file:///x", [&](ParsedFeed& batch) {
    records += batch.jobs.size();
    batch = ParsedFeed{};
  });
  ASSERT_TRUE(std::holds_alternative<StreamSummary>(result));
  EXPECT_EQ(records, 1u);
  EXPECT_EQ(cut_in.strings_cut(), 1u);
}

TEST(BoundRecords, AnFaqLinkLabelIsCut) {
  ParsedFeed feed;
  FaqEntry f;
  f.id = "q1";
  f.question.en = "What is an apprenticeship?";
  f.link = {"programs.search", "program_type=apprenticeship", {std::string(500, 'a'), "Ver"}};
  feed.faq.push_back(f);
  SkippedRecords skipped;
  bound_records(feed, skipped);
  ASSERT_EQ(feed.faq.size(), 1u);
  EXPECT_LE(feed.faq[0].link.label.en.size(), kLinkLabelBytes);
  EXPECT_TRUE(feed.faq[0].link.label.en.ends_with("\u2026"));
  EXPECT_EQ(feed.faq[0].link.label.es, "Ver");
  EXPECT_EQ(feed.faq[0].link.route, "programs.search");
}

}  // namespace
}  // namespace kiosk::feeds

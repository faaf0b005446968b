#include "kiosk/feeds/lever.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include "kiosk/feeds/html_text.h"
#include "tests/unit/feed_test_support.h"

namespace kiosk::feeds {
namespace {

const std::string kSource = "https://api.lever.co/v0/postings/sunbelt?mode=json";

using kiosk::testing::read_realdata;

ParsedFeed parse_ok(std::string_view body, const std::string& source = kSource) {
  return kiosk::testing::parse_ok(parse_lever, body, source);
}

std::string parse_error(std::string_view body) {
  return kiosk::testing::parse_error(parse_lever, body, kSource);
}

constexpr std::string_view kPosting = R"json([{
  "id": "5ac21346-8e0c-4494-8e7a-3eb92ff77902",
  "text": "Solar Installer \u202Etrainee",
  "categories": {"commitment": "Full-time", "department": "Clean Energy", "team": "Field",
                 "location": "Miami, FL", "allLocations": ["Miami, FL", "Hialeah, FL"]},
  "workplaceType": "onsite",
  "country": "US",
  "createdAt": 1790769600000,
  "hostedUrl": "https://jobs.lever.co/sunbelt-solar/5ac21346",
  "applyUrl": "https://jobs.lever.co/sunbelt-solar/5ac21346/apply",
  "description": "<div><b>Install</b> rooftop panels.</div><script>steal()</script><div>Safety first.</div>",
  "descriptionPlain": "Install rooftop panels.\nSafety first.",
  "lists": [
    {"text": "What you'll do", "content": "<li>Mount racking</li><li>Wire <i>inverters</i></li>"},
    {"text": "Requirements", "content": "<li>Valid FL license</li>"},
    {"text": "Empty", "content": ""}
  ],
  "additional": "<p>We are an equal opportunity employer.</p>",
  "additionalPlain": "We are an equal opportunity employer.",
  "salaryRange": {"min": 18, "max": "24.50", "currency": "usd", "interval": "per-hour-wage"}
}])json";

TEST(Lever, PostingArray) {
  const ParsedFeed feed = parse_ok(kPosting);
  ASSERT_EQ(feed.jobs.size(), 1u);
  EXPECT_TRUE(feed.warnings.empty());
  const Job& job = feed.jobs[0];
  EXPECT_EQ(job.id, "5ac21346-8e0c-4494-8e7a-3eb92ff77902");
  EXPECT_EQ(job.source, kSource);
  EXPECT_EQ(job.title.en, "Solar Installer trainee");  // U+202E removed
  EXPECT_EQ(job.employer, "Sunbelt Solar");            // from the hosted URL
  EXPECT_EQ(job.employment_types, kFullTime);
  EXPECT_EQ(job.workplace, Workplace::Onsite);
  EXPECT_EQ(job.industry, Industry::CleanEnergy);
  EXPECT_EQ(job.posted, 1790769600);  // milliseconds to seconds
  EXPECT_EQ(job.apply_url, "https://jobs.lever.co/sunbelt-solar/5ac21346/apply");
  ASSERT_EQ(job.locations.size(), 2u);
  EXPECT_EQ(job.locations[1].city, "Hialeah");
  EXPECT_EQ(job.locations[1].region, "FL");
  EXPECT_EQ(job.locations[1].country, "US");
  EXPECT_EQ(job.pay.min, 18);
  EXPECT_EQ(job.pay.max, 24.5);
  EXPECT_EQ(job.pay.unit, PayUnit::Hour);
  EXPECT_EQ(job.pay.currency, "USD");

  const RichText& d = job.description.en;
  ASSERT_EQ(d.size(), 7u);
  EXPECT_EQ(d[0].lines[0], "Install rooftop panels.");
  EXPECT_EQ(d[1].lines[0], "Safety first.");
  EXPECT_EQ(d[2].type, TextBlock::Type::Heading);
  EXPECT_EQ(d[2].lines[0], "What you'll do");
  EXPECT_EQ(d[3].type, TextBlock::Type::Bullets);
  EXPECT_EQ(d[3].lines, (std::vector<std::string>{"Mount racking", "Wire inverters"}));
  EXPECT_EQ(d[4].lines[0], "Requirements");
  EXPECT_EQ(d[5].lines, std::vector<std::string>{"Valid FL license"});
  EXPECT_EQ(d[6].lines[0], "We are an equal opportunity employer.");  // "Empty" list dropped
  EXPECT_EQ(blocks_to_plain(d).find("steal"), std::string::npos);
}

TEST(Lever, SinglePostingAndPlainDescriptions) {
  const ParsedFeed feed = parse_ok(R"json({
      "id": "abc", "text": "Barista",
      "categories": {"commitment": "Part Time", "location": "Remote"},
      "workplaceType": "unspecified",
      "descriptionPlain": "Make coffee.\n\nDuties:\n- Espresso\n- Register",
      "lists": [{"text": "Perks", "content": "Free coffee\nFlexible hours"}],
      "salaryRange": {"min": 40000, "max": 30000, "currency": "USD",
                      "interval": "per-year-salary"}})json");
  ASSERT_EQ(feed.jobs.size(), 1u);
  const Job& job = feed.jobs[0];
  EXPECT_EQ(job.employer, "Sunbelt");  // from the feed URL: no company field, no hosted URL
  EXPECT_EQ(job.employment_types, kPartTime);
  EXPECT_EQ(job.workplace, Workplace::Remote);  // "unspecified", but the location says it
  EXPECT_TRUE(job.locations.empty());
  EXPECT_EQ(job.pay.min, 30000);  // swapped into order
  EXPECT_EQ(job.pay.max, 40000);
  EXPECT_EQ(job.pay.unit, PayUnit::Year);
  const RichText& d = job.description.en;
  ASSERT_EQ(d.size(), 5u);
  EXPECT_EQ(d[1].lines[0], "Duties:");
  EXPECT_EQ(d[2].lines, (std::vector<std::string>{"Espresso", "Register"}));
  EXPECT_EQ(d[3].lines[0], "Perks");
  EXPECT_EQ(d[4].type, TextBlock::Type::Bullets);  // plain lines of a list are still items
  EXPECT_EQ(d[4].lines, (std::vector<std::string>{"Free coffee", "Flexible hours"}));
}

TEST(Lever, CommitmentWordingsAndCompanyField) {
  const ParsedFeed feed = parse_ok(R"json([
      {"id": "1", "text": "A", "company": "Jackson Health", "categories": {"commitment": "Intern"},
       "hostedUrl": "https://jobs.lever.co/jackson/1"},
      {"id": "2", "text": "B", "categories": {"commitment": "Regular Full Time (Salary)"}},
      {"id": "3", "text": "C", "categories": {"commitment": "Temporary / Seasonal"},
       "workplaceType": "hybrid", "createdAt": "1790769600"}])json");
  ASSERT_EQ(feed.jobs.size(), 3u);
  EXPECT_EQ(feed.jobs[0].employer, "Jackson Health");  // the caller's data wins
  EXPECT_EQ(feed.jobs[0].employment_types, kInternship);
  EXPECT_EQ(feed.jobs[1].employment_types, kFullTime);
  EXPECT_EQ(feed.jobs[2].employment_types, kTemporary);
  EXPECT_EQ(feed.jobs[2].workplace, Workplace::Hybrid);
  EXPECT_EQ(feed.jobs[2].posted, 1790769600);  // already seconds
}

TEST(Lever, BadPostingsAreSkippedWithWarnings) {
  const ParsedFeed feed = parse_ok(R"json([
      {"id": "1", "text": "Good"},
      {"text": "No id"},
      {"id": "3"},
      7,
      {"id": "5", "text": "Also good", "applyUrl": "ftp://x", "hostedUrl": "https://jobs.lever.co/a/5"}])json");
  ASSERT_EQ(feed.jobs.size(), 2u);
  EXPECT_EQ(feed.jobs[1].apply_url, "https://jobs.lever.co/a/5");  // ftp: is not for phones
  ASSERT_EQ(feed.warnings.size(), 3u);
  EXPECT_NE(feed.warnings[0].find("#2"), std::string::npos);
  EXPECT_NE(feed.warnings[1].find("no title"), std::string::npos);
  EXPECT_NE(feed.warnings[2].find("not a JSON object"), std::string::npos);
}

TEST(Lever, ListTitlesAreCleanedLikeTheRestOfTheDescription) {
  // Found by fuzzing: a list title is plain text by contract, but need not be.
  const ParsedFeed feed = parse_ok(R"json([{"id": "1", "text": "A", "lists": [
      {"text": "Requirements</li><li>now \u202E&amp; then", "content": "<li>One</li>"}]}])json");
  ASSERT_EQ(feed.jobs.size(), 1u);
  ASSERT_EQ(feed.jobs[0].description.en.size(), 2u);
  EXPECT_EQ(feed.jobs[0].description.en[0].type, TextBlock::Type::Heading);
  EXPECT_EQ(feed.jobs[0].description.en[0].lines[0], "Requirements now & then");
}

TEST(Lever, WrappedDataArray) {
  const ParsedFeed feed =
      parse_ok(R"json({"data": [{"id": "1", "text": "A"}], "hasNext": false})json");
  EXPECT_EQ(feed.jobs.size(), 1u);
}

TEST(Lever, NotJsonOrWrongShapeIsAParseError) {
  EXPECT_NE(parse_error("<!DOCTYPE html><title>Lever</title>").find("not valid JSON"),
            std::string::npos);
  EXPECT_NE(
      parse_error(R"({"ok": false, "error": "Document not found"})").find("Document not found"),
      std::string::npos);
  EXPECT_FALSE(parse_error(R"({"postings": []})").empty());
  EXPECT_FALSE(parse_error(R"("just a string")").empty());
  EXPECT_FALSE(parse_error("[1, 2").empty());
  EXPECT_TRUE(parse_ok("[]").jobs.empty());
}

TEST(LeverRealData, Zoox) {
  const auto body = read_realdata("lever/real_trimmed_zoox.json");
  if (!body) GTEST_SKIP() << "realdata not available";
  const ParsedFeed feed = parse_ok(*body, "https://api.lever.co/v0/postings/zoox?mode=json");
  ASSERT_EQ(feed.jobs.size(), 1u);
  const Job& job = feed.jobs[0];
  EXPECT_EQ(job.id, "f4746da4-8eb8-43e2-b7ce-bf3c7cf9640d");
  EXPECT_EQ(job.title.en, "Autonomy System Test Engineer");
  EXPECT_EQ(job.employer, "Zoox");
  EXPECT_EQ(job.employment_types, kFullTime);
  EXPECT_EQ(job.workplace, Workplace::Hybrid);
  EXPECT_EQ(job.industry, Industry::Technology);  // team "Software Platforms and Product"
  ASSERT_EQ(job.locations.size(), 1u);
  EXPECT_EQ(job.locations[0].city, "Foster City");
  EXPECT_EQ(job.locations[0].region, "CA");
  EXPECT_EQ(job.locations[0].country, "US");
  EXPECT_EQ(job.pay.min, 144000);
  EXPECT_EQ(job.pay.max, 193000);
  EXPECT_EQ(job.pay.unit, PayUnit::Year);  // "per-year-salary"
  EXPECT_EQ(job.apply_url, "https://jobs.lever.co/zoox/f4746da4-8eb8-43e2-b7ce-bf3c7cf9640d/apply");
  const RichText& d = job.description.en;
  ASSERT_EQ(d.size(), 5u);
  EXPECT_TRUE(d[0].lines[0].starts_with("Autonomous vehicles have"));
  EXPECT_EQ(d[1].type, TextBlock::Type::Heading);
  EXPECT_EQ(d[1].lines[0], "In this role, you will:");
  EXPECT_EQ(d[2].type, TextBlock::Type::Bullets);
  EXPECT_EQ(d[2].lines.size(), 1u);
  EXPECT_EQ(d[3].lines[0], "About Zoox");  // additionalPlain: a title line, then the text
  for (const auto& block : d) {
    for (const auto& line : block.lines) EXPECT_EQ(line.find('<'), std::string::npos) << line;
  }
}

}  // namespace
}  // namespace kiosk::feeds

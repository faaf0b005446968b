#include "kiosk/feeds/careeronestop.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "kiosk/feeds/html_text.h"
#include "tests/unit/api_feed_checks.h"
#include "tests/unit/feed_test_support.h"

namespace kiosk::feeds {
namespace {

const std::string kSource =
    "https://api.careeronestop.org/v2/jobsearch/USERID/health/Miami%2C%20FL/25/0/0/0/50/30";

using kiosk::testing::read_realdata;

ParsedFeed parse_ok(std::string_view body) {
  return kiosk::testing::parse_ok(parse_careeronestop, body, kSource);
}

std::string parse_error(std::string_view body) {
  return kiosk::testing::parse_error(parse_careeronestop, body, kSource);
}

// The recorded WireMock mappings keep the response as a JSON string in response.body.
std::optional<std::string> wiremock_body(const std::string& relative) {
  const auto mapping = read_realdata(relative);
  if (!mapping) return std::nullopt;
  const auto doc = nlohmann::json::parse(*mapping);
  return doc.at("response").at("body").get<std::string>();
}

TEST(CareerOneStopRealData, CountOnlyResponsesAreZeroJobs) {
  struct Sample {
    std::optional<std::string> body;
    std::int64_t count;
  };
  const Sample samples[] = {
      {read_realdata("careeronestop/nj_d4ad_careerOneStopTestData.json"), 1710},
      {wiremock_body("careeronestop/nj_d4ad_wiremock_civil-engineers.json"), 375},
      {wiremock_body("careeronestop/nj_d4ad_wiremock_web-developers.json"), 1710},
  };
  int read = 0;
  for (const auto& sample : samples) {
    if (!sample.body) continue;
    ++read;
    EXPECT_TRUE(looks_like_careeronestop(*sample.body));
    const ParsedFeed feed = parse_ok(*sample.body);
    EXPECT_TRUE(feed.jobs.empty());
    EXPECT_TRUE(feed.counts_only);
    EXPECT_EQ(feed.source_total, sample.count);  // "Jobcount": "1710", a string (v1)
    EXPECT_FALSE(feed.source_pages.has_value());
    EXPECT_TRUE(feed.warnings.empty());
  }
  if (read == 0) GTEST_SKIP() << "realdata not available";
}

// No recorded CareerOneStop answer holds a job list (the samples above are counts only), so this
// one is written here from the field names of the published "List Jobs V2" documentation:
// JvId, JobTitle, Company, DatePosted, URL, Location, Fc, DescriptionSnippet, OnetCodes; and
// JobCount, JobsKeywordLocations, Locations, Companies beside the list. Made up, not recorded.
constexpr const char* kListJobsV2 = R"({
  "JobCount": 41,
  "Jobs": [
    {"JvId": "8F2C1A7E0D", "JobTitle": "Medical Assistant", "Company": "Jackson Health System",
     "DatePosted": "2026-11-20T00:00:00", "Location": "Miami, FL", "Fc": "False",
     "URL": "https://www.careeronestop.org/Toolkit/Jobs/find-jobs-details.aspx?jvid=8F2C1A7E0D",
     "DescriptionSnippet": "Assist <b>physicians</b> with patient care.<script>x()</script>",
     "OnetCodes": ["31-9092.00", "29-2052.00"]},
    {"JvId": "1B9E44", "JobTitle": "Line Cook", "Company": "Ocean Drive Hotel",
     "DatePosted": "11/18/2026 9:30:00 PM", "Location": "Miami Beach, FL 33139",
     "URL": "ftp://jobs.example/1B9E44", "Fc": true, "OnetCodes": "35-2014.00"},
    {"JobTitle": "A job without an id", "Company": "Nobody"}
  ],
  "JobsKeywordLocations": {"Keyword": "health", "Location": "Miami, FL", "Radius": "25"},
  "Locations": [{"LocationName": "Miami, FL", "LocationCount": "30"}],
  "Companies": [{"CompanyName": "Jackson Health System", "JobCount": "12", "CompanyId": "1"}]
})";

TEST(CareerOneStop, DocumentedV2JobList) {
  EXPECT_TRUE(looks_like_careeronestop(kListJobsV2));
  const ParsedFeed feed = parse_ok(kListJobsV2);
  EXPECT_FALSE(feed.counts_only);
  EXPECT_EQ(feed.source_total, 41);
  ASSERT_EQ(feed.jobs.size(), 2u);
  ASSERT_EQ(feed.warnings.size(), 1u);  // the job without a JvId
  EXPECT_NE(feed.warnings[0].find("no JvId"), std::string::npos);

  const Job& assistant = feed.jobs[0];
  EXPECT_EQ(assistant.id, "8F2C1A7E0D");
  EXPECT_EQ(assistant.source, kSource);
  EXPECT_EQ(assistant.title.en, "Medical Assistant");
  EXPECT_EQ(assistant.employer, "Jackson Health System");
  EXPECT_EQ(assistant.language, "en");
  EXPECT_EQ(assistant.posted, 1795132800);  // 2026-11-20
  EXPECT_EQ(assistant.apply_url,
            "https://www.careeronestop.org/Toolkit/Jobs/find-jobs-details.aspx?jvid=8F2C1A7E0D");
  ASSERT_EQ(assistant.locations.size(), 1u);
  EXPECT_EQ(assistant.locations[0].city, "Miami");
  EXPECT_EQ(assistant.locations[0].region, "FL");
  EXPECT_EQ(assistant.locations[0].country, "US");
  EXPECT_EQ(assistant.occupation_code, "31-9092.00");  // the first O*NET code
  EXPECT_EQ(assistant.industry, Industry::Health);     // from the code's major group
  EXPECT_EQ(blocks_to_plain(assistant.description.en), "Assist physicians with patient care.");

  const Job& cook = feed.jobs[1];
  EXPECT_EQ(cook.posted, 1795037400);  // "11/18/2026 9:30:00 PM"
  EXPECT_EQ(cook.apply_url, "");       // not a web link
  ASSERT_EQ(cook.locations.size(), 1u);
  EXPECT_EQ(cook.locations[0].city, "Miami Beach");
  EXPECT_EQ(cook.locations[0].postal_code, "33139");
  EXPECT_EQ(cook.occupation_code, "35-2014.00");
  EXPECT_TRUE(cook.description.en.empty());
}

TEST(CareerOneStop, DocumentedV1JobListAndOneJob) {
  // v1 writes the count as a string and the date as "AccquisitionDate" (so spelled).
  const ParsedFeed v1 = parse_ok(R"({"Jobcount": "1", "Jobs": [
      {"JvId": "77AB", "JobTitle": "Electrician Apprentice", "Company": "Sunshine Electric",
       "AccquisitionDate": "2026-11-19 08:15:00", "URL": "https://jobs.example/77AB",
       "Location": "Hialeah, FL", "OnetCode": "47-2111.00"}]})");
  ASSERT_EQ(v1.jobs.size(), 1u);
  EXPECT_EQ(v1.source_total, 1);
  EXPECT_EQ(v1.jobs[0].posted, 1795076100);
  EXPECT_EQ(v1.jobs[0].occupation_code, "47-2111.00");
  EXPECT_EQ(v1.jobs[0].industry, Industry::Construction);
  // One job read by its id, with its whole description.
  const ParsedFeed one = parse_ok(R"({"JvId": "77AB", "JobTitle": "Electrician Apprentice",
      "Company": "Sunshine Electric", "Description": "<p>Learn the trade.</p><ul><li>Paid</li></ul>",
      "DescriptionSnippet": "Learn"})");
  ASSERT_EQ(one.jobs.size(), 1u);
  EXPECT_FALSE(one.counts_only);
  EXPECT_EQ(blocks_to_plain(one.jobs[0].description.en), "Learn the trade.\nPaid");
}

TEST(CareerOneStop, EmptyListAndErrors) {
  const ParsedFeed empty = parse_ok(R"({"JobCount": 0, "Jobs": []})");
  EXPECT_TRUE(empty.jobs.empty());
  EXPECT_TRUE(empty.counts_only);
  EXPECT_EQ(empty.source_total, 0);
  EXPECT_NE(
      parse_error(R"({"ErrorMessage": "Invalid user id", "Jobs": null})").find("Invalid user id"),
      std::string::npos);
  // A message beside counts is kept as a warning; the counts still read.
  const ParsedFeed noted = parse_ok(R"({"Jobcount": "0", "ErrorMessage": "No jobs found"})");
  EXPECT_TRUE(noted.counts_only);
  ASSERT_EQ(noted.warnings.size(), 1u);
  EXPECT_NE(noted.warnings[0].find("No jobs found"), std::string::npos);
}

TEST(CareerOneStop, WrongTypesAreSkippedNotThrown) {
  const ParsedFeed feed = parse_ok(R"({"JobCount": "many", "Jobs": [
      1, "x", null, [], {"JvId": [1], "JobTitle": "A"}, {"JvId": "2", "JobTitle": {"t": 1}},
      {"JvId": 3, "JobTitle": "Porter", "Company": ["x"], "DatePosted": 5, "URL": {"u": 1},
       "Location": [], "DescriptionSnippet": 4, "OnetCodes": [7, {"OnetCode": "bad"}, null]}]})");
  EXPECT_FALSE(feed.source_total.has_value());
  ASSERT_EQ(feed.jobs.size(), 1u);
  EXPECT_EQ(feed.warnings.size(), 6u);
  const Job& job = feed.jobs[0];
  EXPECT_EQ(job.id, "3");
  EXPECT_EQ(job.title.en, "Porter");
  EXPECT_EQ(job.employer, "");
  EXPECT_FALSE(job.posted.has_value());
  EXPECT_EQ(job.apply_url, "");
  EXPECT_TRUE(job.locations.empty());
  EXPECT_TRUE(job.description.en.empty());
  EXPECT_EQ(job.occupation_code, "");
  EXPECT_NE(parse_error(R"({"Jobs": {"JvId": "1"}})").find("not a CareerOneStop"),
            std::string::npos);
}

TEST(CareerOneStop, HugeStringsStayBounded) {
  std::string words;
  while (words.size() < (3 << 20)) words += "Cleans and stocks the rooms. ";
  const ParsedFeed feed = parse_ok(R"({"Jobs": [{"JvId": "1", "JobTitle": "Housekeeper",
      "Company": ")" + std::string(5 << 20, 'c') +
                                   R"(", "DescriptionSnippet": ")" + words + R"(", "Location": ")" +
                                   std::string(2 << 20, ',') + R"("}]})");
  ASSERT_EQ(feed.jobs.size(), 1u);
  const std::size_t bytes = kiosk::testing::description_bytes(feed.jobs[0].description.en);
  EXPECT_LE(bytes, kMaxDescriptionBytes);
  EXPECT_GT(bytes, 0u);
}

TEST(CareerOneStop, NotCareerOneStopIsAParseError) {
  kiosk::testing::expect_refuses_hostile(parse_careeronestop);
  EXPECT_FALSE(parse_error(R"({"jobs": [{"id": 1, "absolute_url": "https://x"}]})").empty());
  EXPECT_FALSE(parse_error(R"([{"JvId": "1", "JobTitle": "A"}])").empty());
  EXPECT_FALSE(parse_error(R"({"SearchResult": {"SearchResultItems": []}})").empty());
  EXPECT_FALSE(parse_error(R"({"JobsKeywordLocations": "NJ"})").empty());
}

TEST(CareerOneStop, LooksLikeCareerOneStopAndNothingElse) {
  EXPECT_TRUE(looks_like_careeronestop(R"({"Jobcount": "3", "JobsKeywordLocations": {)"));
  EXPECT_TRUE(looks_like_careeronestop(R"({"JobCount": 3, "Jobs": [)"));
  EXPECT_TRUE(looks_like_careeronestop(R"({"Jobs": [{"JvId": "1")"));
  EXPECT_FALSE(
      looks_like_careeronestop(R"({"jobs": [{"absolute_url": "https://x"}], "meta": {}})"));
  EXPECT_FALSE(looks_like_careeronestop(R"([{"hostedUrl": "https://jobs.lever.co/a"}])"));
  EXPECT_FALSE(
      looks_like_careeronestop(R"({"@context": "https://schema.org", "@type": "JobPosting"})"));
  EXPECT_FALSE(looks_like_careeronestop(R"({"SearchResult": {"SearchResultItems": []}})"));
  EXPECT_FALSE(
      looks_like_careeronestop(R"({"apiVersion": "1", "jobs": [{"jobUrl": "https://"}]})"));
  EXPECT_FALSE(looks_like_careeronestop(R"({"@type": "ceterms:Credential"})"));
  // A company's own count inside "Companies" is not a job list.
  EXPECT_FALSE(
      looks_like_careeronestop(R"({"Companies": [{"CompanyName": "A", "JobCount": "3"}]})"));
}

}  // namespace
}  // namespace kiosk::feeds

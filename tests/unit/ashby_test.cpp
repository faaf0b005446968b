#include "kiosk/feeds/ashby.h"

#include <gtest/gtest.h>

#include <string>

#include "kiosk/feeds/careeronestop.h"
#include "kiosk/feeds/ctdl.h"
#include "kiosk/feeds/greenhouse.h"
#include "kiosk/feeds/html_text.h"
#include "kiosk/feeds/usajobs.h"
#include "tests/unit/api_feed_checks.h"
#include "tests/unit/feed_test_support.h"

namespace kiosk::feeds {
namespace {

const std::string kSource =
    "https://api.ashbyhq.com/posting-api/job-board/ashby?includeCompensation=true";

using kiosk::testing::read_realdata;

ParsedFeed parse_ok(std::string_view body, const std::string& source = kSource) {
  return kiosk::testing::parse_ok(parse_ashby, body, source);
}

std::string parse_error(std::string_view body) {
  return kiosk::testing::parse_error(parse_ashby, body, kSource);
}

TEST(AshbyRealData, TrimmedBoard) {
  const auto body = read_realdata("ashby/real_trimmed_ashby.json");
  if (!body) GTEST_SKIP() << "realdata not available";
  EXPECT_TRUE(looks_like_ashby(*body));
  const ParsedFeed feed = parse_ok(*body);
  ASSERT_EQ(feed.jobs.size(), 1u);     // "Hidden Role" is unlisted
  EXPECT_TRUE(feed.warnings.empty());  // and left out without a word
  const Job& job = feed.jobs[0];
  EXPECT_EQ(job.id, "7458d4e9-da2e-47bd-98cb-adfda43d42b2");
  EXPECT_EQ(job.source, kSource);
  EXPECT_EQ(job.title.en, "Engineering Manager - EU");
  EXPECT_EQ(job.employer, "Ashby");  // the board in the URL
  EXPECT_EQ(job.language, "en");
  EXPECT_EQ(job.workplace, Workplace::Remote);
  EXPECT_EQ(job.apply_url, "https://jobs.ashbyhq.com/ashby/7458d4e9-da2e-47bd-98cb-adfda43d42b2");
  EXPECT_EQ(job.pay.min, 110000);  // the Salary component, not the Bonus one
  EXPECT_EQ(job.pay.max, 185000);
  EXPECT_EQ(job.pay.unit, PayUnit::Year);
  EXPECT_EQ(job.pay.currency, "EUR");
  EXPECT_TRUE(blocks_to_plain(job.description.en)
                  .starts_with("How do you feel about software engineers writing product specs"));
  // Without the board in the feed's URL, the job's own link names it.
  EXPECT_EQ(parse_ok(*body, "file:ashby.json").jobs.at(0).employer, "Ashby");
}

TEST(Ashby, FullJobWithAddressesHtmlAndHourlyPay) {
  const ParsedFeed feed = parse_ok(R"({"apiVersion": "1", "jobs": [{
      "id": "a1", "title": "Pharmacy Technician", "department": "Health Services", "team": "Retail",
      "employmentType": "PartTime", "isListed": true, "isRemote": false, "workplaceType": "OnSite",
      "location": "Miami, FL",
      "address": {"postalAddress": {"addressLocality": "Miami", "addressRegion": "Florida",
                                    "postalCode": "33125", "addressCountry": "United States"}},
      "secondaryLocations": [{"location": "Hialeah",
          "address": {"postalAddress": {"addressLocality": "Hialeah", "addressRegion": "FL",
                                        "addressCountry": "United States"}}},
                             {"location": "Doral, FL"}],
      "descriptionHtml": "<h2>About</h2><p>Fill prescriptions &amp; help people.</p>",
      "descriptionPlain": "About. Fill prescriptions.",
      "publishedAt": "2026-10-01T14:30:00.000+00:00",
      "jobUrl": "https://jobs.ashbyhq.com/Sun%20Pharmacy/a1",
      "applyUrl": "https://jobs.ashbyhq.com/Sun%20Pharmacy/a1/application",
      "compensation": {"summaryComponents": [
          {"compensationType": "Salary", "interval": "1 HOUR", "currencyCode": "usd",
           "minValue": 21, "maxValue": 19.5}]}}]})",
                                   "https://jobs.ashbyhq.com/Sun%20Pharmacy");
  ASSERT_EQ(feed.jobs.size(), 1u);
  const Job& job = feed.jobs[0];
  EXPECT_EQ(job.employer, "Sun Pharmacy");
  EXPECT_EQ(job.employment_types, kPartTime);
  EXPECT_EQ(job.workplace, Workplace::Onsite);
  EXPECT_EQ(job.industry, Industry::Health);
  EXPECT_EQ(job.posted, 1790865000);
  EXPECT_EQ(job.apply_url, "https://jobs.ashbyhq.com/Sun%20Pharmacy/a1/application");
  ASSERT_EQ(job.locations.size(), 3u);
  EXPECT_EQ(job.locations[0].city, "Miami");
  EXPECT_EQ(job.locations[0].region, "FL");
  EXPECT_EQ(job.locations[0].postal_code, "33125");
  EXPECT_EQ(job.locations[0].country, "US");
  EXPECT_EQ(job.locations[1].city, "Hialeah");
  EXPECT_EQ(job.locations[2].city, "Doral");
  EXPECT_EQ(job.pay.unit, PayUnit::Hour);
  EXPECT_EQ(job.pay.min, 19.5);  // put in order
  EXPECT_EQ(job.pay.max, 21);
  EXPECT_EQ(job.pay.currency, "USD");
  ASSERT_EQ(job.description.en.size(), 2u);  // the HTML, not its plain twin
  EXPECT_EQ(job.description.en[0].type, TextBlock::Type::Heading);
  EXPECT_EQ(job.description.en[1].lines[0], "Fill prescriptions & help people.");
}

TEST(Ashby, EmploymentTypesAndWorkplaces) {
  const ParsedFeed feed = parse_ok(R"json({"jobs": [
      {"id": "1", "title": "A", "employmentType": "FullTime", "workplaceType": "Hybrid",
       "jobUrl": "https://jobs.ashbyhq.com/acme/1"},
      {"id": "2", "title": "B", "employmentType": "Intern", "isRemote": true,
       "jobUrl": "https://jobs.ashbyhq.com/acme/2"},
      {"id": "3", "title": "C", "employmentType": "Contract", "location": "Remote (US)",
       "jobUrl": "https://jobs.ashbyhq.com/acme/3"},
      {"id": "4", "title": "D", "employmentType": "Temporary", "isListed": "false",
       "jobUrl": "https://jobs.ashbyhq.com/acme/4"},
      {"id": "5", "title": "E", "employmentType": "Temporary", "isListed": "true",
       "jobUrl": "https://jobs.ashbyhq.com/acme/5"}]})json",
                                   "file:board.json");
  ASSERT_EQ(feed.jobs.size(), 4u);
  EXPECT_EQ(feed.jobs[0].employment_types, kFullTime);
  EXPECT_EQ(feed.jobs[0].workplace, Workplace::Hybrid);
  EXPECT_EQ(feed.jobs[1].employment_types, kInternship);
  EXPECT_EQ(feed.jobs[1].workplace, Workplace::Remote);
  EXPECT_EQ(feed.jobs[2].employment_types, kContract);
  EXPECT_EQ(feed.jobs[2].workplace, Workplace::Remote);  // from the location's words
  EXPECT_EQ(feed.jobs[3].employment_types, kTemporary);
  EXPECT_EQ(feed.jobs[3].id, "5");
  EXPECT_EQ(feed.jobs[0].employer, "Acme");  // the board in the job's link
}

TEST(Ashby, WrongTypesAreSkippedNotThrown) {
  const ParsedFeed feed = parse_ok(R"({"jobs": [
      1, "x", null, [], {"id": [1], "title": "A"}, {"id": "2", "title": {"t": 1}},
      {"id": 3, "title": "Barista", "location": ["Miami"], "secondaryLocations": "Doral",
       "address": {"postalAddress": "Miami"}, "isRemote": "sometimes", "workplaceType": 4,
       "employmentType": ["FullTime"], "descriptionHtml": 5, "descriptionPlain": {"a": 1},
       "publishedAt": [], "jobUrl": 7, "applyUrl": "mailto:jobs@example.org",
       "compensation": {"summaryComponents": [1, {"compensationType": "Salary",
           "minValue": "lots", "maxValue": null, "interval": 1, "currencyCode": 2}]},
       "isListed": 1}]})");
  ASSERT_EQ(feed.jobs.size(), 1u);
  EXPECT_EQ(feed.warnings.size(), 6u);
  const Job& job = feed.jobs[0];
  EXPECT_EQ(job.id, "3");
  EXPECT_EQ(job.title.en, "Barista");
  EXPECT_EQ(job.employer, "Ashby");  // from the feed's URL
  EXPECT_TRUE(job.locations.empty());
  EXPECT_EQ(job.workplace, Workplace::Unknown);
  EXPECT_EQ(job.employment_types, 0);
  EXPECT_TRUE(job.description.en.empty());
  EXPECT_FALSE(job.posted.has_value());
  EXPECT_EQ(job.apply_url, "");
  EXPECT_FALSE(job.pay.min.has_value());
  EXPECT_EQ(job.pay.currency, "USD");
  EXPECT_NE(parse_error(R"({"jobs": {"id": 1}})").find("no \"jobs\" array"), std::string::npos);
}

TEST(Ashby, HugeStringsStayBounded) {
  std::string words;
  while (words.size() < (3 << 20)) words += "<p>Ships orders on time.</p>";
  const ParsedFeed feed = parse_ok(R"({"jobs": [{"id": "1", "title": "Packer",
      "descriptionHtml": ")" + words +
                                   R"(", "location": ")" + std::string(1 << 20, 'm') + R"("}]})");
  ASSERT_EQ(feed.jobs.size(), 1u);
  const std::size_t bytes = kiosk::testing::description_bytes(feed.jobs[0].description.en);
  EXPECT_LE(bytes, kMaxDescriptionBytes);
  EXPECT_GT(bytes, 0u);
}

TEST(Ashby, NotAshbyIsAParseError) {
  kiosk::testing::expect_refuses_hostile(parse_ashby);
  EXPECT_FALSE(parse_error(R"({"apiVersion": "1"})").empty());
  EXPECT_FALSE(parse_error(R"([{"id": "1", "title": "A", "jobUrl": "https://x"}])").empty());
  EXPECT_TRUE(parse_ok(R"({"apiVersion": "1", "jobs": []})").jobs.empty());
}

TEST(Ashby, LooksLikeAshbyAndNothingElse) {
  EXPECT_TRUE(looks_like_ashby(R"({"apiVersion": "1", "jobs": [{"id": "1", "jobUrl": "https://)"));
  EXPECT_FALSE(looks_like_ashby(R"({"jobs": [{"absolute_url": "https://x"}], "meta": {}})"));
  // Lever postings carry a workplaceType too, but no jobUrl.
  EXPECT_FALSE(
      looks_like_ashby(R"([{"hostedUrl": "https://jobs.lever.co/a", "workplaceType": "remote"}])"));
  EXPECT_FALSE(looks_like_ashby(R"({"@context": "https://schema.org", "@type": "JobPosting"})"));
  EXPECT_FALSE(looks_like_ashby(R"({"SearchResult": {"SearchResultItems": []}})"));
  EXPECT_FALSE(looks_like_ashby(R"({"Jobcount": "3", "JobsKeywordLocations": {}})"));
}

// The real samples of every JSON format the kiosk reads: each is taken for its own format by
// the new checks and for no other (the order sync tries them in does not have to save them).
TEST(JobApiDetection, RealSamplesAreNotConfused) {
  struct Sample {
    const char* path;
    bool usajobs, careeronestop, ashby;
  };
  const Sample samples[] = {
      {"usajobs/search_response_real_1item.json", true, false, false},
      {"usajobs/haddad_recent_jobs.json", true, false, false},
      {"usajobs/haddad_raw_jobs/jobs_unknown.json", true, false, false},
      {"careeronestop/nj_d4ad_careerOneStopTestData.json", false, true, false},
      {"ashby/real_trimmed_ashby.json", false, false, true},
      {"greenhouse/docs_list_jobs_content_true.json", false, false, false},
      {"greenhouse/real_trimmed_gitlab.json", false, false, false},
      {"greenhouse/real_item_stripe_7532733.json", false, false, false},
      {"lever/real_trimmed_zoox.json", false, false, false},
      {"jobposting_jsonld/icims_gdms_75243.jsonld", false, false, false},
      {"jobposting_jsonld/schemaorg_eg-0028_basic.jsonld", false, false, false},
      {"ctdl/LearningProgram_1_LearningProgram-1-graph.json", false, false, false},
      {"ctdl/Credential_1_Credential-1.json", false, false, false},
  };
  int read = 0;
  for (const auto& sample : samples) {
    const auto body = read_realdata(sample.path);
    if (!body) continue;
    ++read;
    const std::string_view head = std::string_view(*body).substr(0, 1 << 16);
    EXPECT_EQ(looks_like_usajobs(head), sample.usajobs) << sample.path;
    EXPECT_EQ(looks_like_careeronestop(head), sample.careeronestop) << sample.path;
    EXPECT_EQ(looks_like_ashby(head), sample.ashby) << sample.path;
    const bool mine = sample.usajobs || sample.careeronestop || sample.ashby;
    if (mine) {
      // Nor are the new formats taken for the older ones.
      EXPECT_EQ(head.find("\"absolute_url\""), std::string_view::npos) << sample.path;
      EXPECT_EQ(head.find("\"hostedUrl\""), std::string_view::npos) << sample.path;
      EXPECT_EQ(head.find("\"@type\""), std::string_view::npos) << sample.path;
      EXPECT_FALSE(looks_like_ctdl(head)) << sample.path;
    }
  }
  if (read == 0) GTEST_SKIP() << "realdata not available";
}

}  // namespace
}  // namespace kiosk::feeds

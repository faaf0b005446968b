#include "kiosk/feeds/greenhouse.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include "kiosk/feeds/html_text.h"
#include "tests/unit/feed_test_support.h"

namespace kiosk::feeds {
namespace {

const std::string kSource = "https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true";

using kiosk::testing::read_realdata;

ParsedFeed parse_ok(std::string_view body, const std::string& source = kSource) {
  return kiosk::testing::parse_ok(parse_greenhouse, body, source);
}

std::string parse_error(std::string_view body) {
  return kiosk::testing::parse_error(parse_greenhouse, body, kSource);
}

void expect_description_clean(const Job& job) {
  for (const auto& block : job.description.en) {
    for (const auto& line : block.lines) {
      EXPECT_EQ(line.find('<'), std::string::npos) << line;
      EXPECT_EQ(line.find("&lt;"), std::string::npos) << line;
      EXPECT_EQ(line.find("&amp;"), std::string::npos) << line;
    }
  }
}

TEST(Greenhouse, ListWithDoubleEscapedContent) {
  const ParsedFeed feed = parse_ok(R"({"jobs":[{
      "id": 4011, "title": "Medical Assistant", "company_name": "Baptist Health",
      "absolute_url": "https://job-boards.greenhouse.io/baptist/jobs/4011",
      "location": {"name": "Miami, FL"},
      "updated_at": "2026-10-02T09:00:00-04:00", "first_published": "2026-09-30T12:00:00Z",
      "content": "&lt;h2&gt;About&lt;/h2&gt;&lt;p&gt;Hello &amp;amp; welcome&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;ul&gt;&lt;li&gt;Bilingual&lt;/li&gt;&lt;li&gt;CPR&lt;/li&gt;&lt;/ul&gt;"
    }], "meta": {"total": 1}})");
  ASSERT_EQ(feed.jobs.size(), 1u);
  EXPECT_TRUE(feed.warnings.empty());
  const Job& job = feed.jobs[0];
  EXPECT_EQ(job.id, "4011");
  EXPECT_EQ(job.source, kSource);
  EXPECT_EQ(job.title.en, "Medical Assistant");
  EXPECT_EQ(job.employer, "Baptist Health");
  EXPECT_EQ(job.language, "en");
  EXPECT_EQ(job.apply_url, "https://job-boards.greenhouse.io/baptist/jobs/4011");
  EXPECT_EQ(job.posted, 1790769600);  // first_published, not updated_at
  ASSERT_EQ(job.locations.size(), 1u);
  EXPECT_EQ(job.locations[0].city, "Miami");
  EXPECT_EQ(job.locations[0].region, "FL");
  EXPECT_EQ(job.locations[0].country, "US");
  ASSERT_EQ(job.description.en.size(), 3u);
  EXPECT_EQ(job.description.en[0].type, TextBlock::Type::Heading);
  EXPECT_EQ(job.description.en[1].lines[0], "Hello & welcome");
  EXPECT_EQ(job.description.en[2].type, TextBlock::Type::Bullets);
  EXPECT_EQ(job.description.en[2].lines, (std::vector<std::string>{"Bilingual", "CPR"}));
  EXPECT_EQ(blocks_to_plain(job.description.en).find("alert"), std::string::npos);
}

TEST(Greenhouse, DocumentationStyleTripleEscapingAndRawHtml) {
  const ParsedFeed feed = parse_ok(R"({"jobs":[
      {"id": 1, "title": "A", "absolute_url": "https://boards.greenhouse.io/acme/jobs/1",
       "content": "Intro. &amp;lt;p&amp;gt;Body&amp;lt;/p&amp;gt;"},
      {"id": 2, "title": "B", "absolute_url": "https://boards.greenhouse.io/acme/jobs/2",
       "content": "<p>Know &lt;canvas&gt; well</p>"},
      {"id": 3, "title": "C", "absolute_url": "https://boards.greenhouse.io/acme/jobs/3",
       "content": "Plain &amp; simple"}]})");
  ASSERT_EQ(feed.jobs.size(), 3u);
  EXPECT_EQ(blocks_to_plain(feed.jobs[0].description.en), "Intro.\nBody");
  // Already HTML: decoded once by the HTML parser only, so the escaped tag stays text.
  EXPECT_EQ(blocks_to_plain(feed.jobs[1].description.en),
            "Know \xE2\x80\xB9"
            "canvas> well");
  EXPECT_EQ(blocks_to_plain(feed.jobs[2].description.en), "Plain & simple");
}

TEST(Greenhouse, SingleJobObject) {
  const ParsedFeed feed = parse_ok(R"({"id": 77, "title": "Line Cook \u202Eevil",
      "absolute_url": "https://boards.greenhouse.io/joes/jobs/77",
      "location": {"name": "Remote - US"}, "language": "es",
      "updated_at": "2026-01-05", "application_deadline": "2026-12-31"})",
                                   "");
  ASSERT_EQ(feed.jobs.size(), 1u);
  const Job& job = feed.jobs[0];
  EXPECT_EQ(job.title.es, "Line Cook evil");  // Spanish posting; bidi override removed
  EXPECT_TRUE(job.title.en.empty());
  EXPECT_EQ(job.language, "es");
  EXPECT_EQ(job.employer, "Joes");  // from the board name in absolute_url
  EXPECT_EQ(job.workplace, Workplace::Remote);
  ASSERT_EQ(job.locations.size(), 1u);
  EXPECT_EQ(job.locations[0].country, "US");
  EXPECT_EQ(job.posted, 1767571200);
  EXPECT_EQ(job.valid_through, 1798675200);
}

TEST(Greenhouse, RecordsWithoutIdOrTitleAreSkippedWithWarnings) {
  const ParsedFeed feed = parse_ok(R"({"jobs":[
      {"id": 1, "title": "Cashier", "absolute_url": "https://boards.greenhouse.io/acme/jobs/1"},
      {"title": "No id"},
      {"id": 3, "title": "   "},
      "not an object",
      {"id": 5, "title": "Stocker"}]})");
  ASSERT_EQ(feed.jobs.size(), 2u);
  EXPECT_EQ(feed.jobs[1].title.en, "Stocker");
  ASSERT_EQ(feed.warnings.size(), 3u);
  EXPECT_NE(feed.warnings[0].find("#2"), std::string::npos);
  EXPECT_NE(feed.warnings[0].find("no id"), std::string::npos);
  EXPECT_NE(feed.warnings[1].find("no title"), std::string::npos);
  EXPECT_NE(feed.warnings[1].find("id 3"), std::string::npos);
}

TEST(Greenhouse, NotJsonOrWrongShapeIsAParseError) {
  EXPECT_NE(parse_error("<html>Service Unavailable</html>").find("not valid JSON"),
            std::string::npos);
  EXPECT_NE(parse_error("").find("not valid JSON"), std::string::npos);
  EXPECT_FALSE(parse_error(R"({"jobs": "none"})").empty());
  EXPECT_FALSE(parse_error(R"({"id": 1, "title": "no url"})").empty());
  EXPECT_FALSE(parse_error(R"([{"id": 1, "title": "A", "absolute_url": "https://x"}])").empty());
  EXPECT_FALSE(parse_error("42").empty());
  EXPECT_FALSE(parse_error("{\"jobs\": [\"\xff\"]}").empty());  // invalid UTF-8
}

TEST(Greenhouse, EmployerFallsBackToBoardNameThenUrls) {
  const std::string job =
      R"("id": 1, "title": "A", "absolute_url": "https://careers.sunshine-health.com/jobs?gh_jid=1")";
  EXPECT_EQ(parse_ok("{\"jobs\":[{" + job + "}], \"name\": \"Sunshine Health\"}").jobs[0].employer,
            "Sunshine Health");
  EXPECT_EQ(parse_ok("{\"jobs\":[{" + job + "}]}", kSource).jobs[0].employer, "Acme");
  EXPECT_EQ(parse_ok("{\"jobs\":[{" + job + "}]}", "").jobs[0].employer, "Sunshine Health");
  EXPECT_EQ(
      parse_ok(
          R"({"jobs":[{"id":1,"title":"A","absolute_url":"https://boards.greenhouse.io/miami-dade-college/jobs/1"}]})",
          "")
          .jobs[0]
          .employer,
      "Miami Dade College");
}

TEST(Greenhouse, EmploymentTypeFromMetadataAndDepartments) {
  const ParsedFeed feed = parse_ok(R"({"jobs":[
      {"id": 1, "title": "A", "absolute_url": "https://x.io/1",
       "metadata": [{"name": "Employment Type", "value": "Part-time"},
                    {"name": "Careers Page Department", "value": "Full Stack"}]},
      {"id": 2, "title": "B", "absolute_url": "https://x.io/2",
       "departments": [{"name": "Summer Internships"}, {"name": "Full Stack Engineering"}]},
      {"id": 3, "title": "C", "absolute_url": "https://x.io/3",
       "metadata": [{"name": "Job Type", "value": ["Full Time", "Contract"]}],
       "departments": [{"name": "Nursing"}]}]})");
  ASSERT_EQ(feed.jobs.size(), 3u);
  EXPECT_EQ(feed.jobs[0].employment_types, kPartTime);
  EXPECT_EQ(feed.jobs[1].employment_types, kInternship);
  EXPECT_EQ(feed.jobs[2].employment_types, kFullTime | kContract);
  EXPECT_EQ(feed.jobs[2].industry, Industry::Health);
}

TEST(Greenhouse, PayInputRanges) {
  const ParsedFeed feed = parse_ok(R"({"jobs":[
      {"id": 1, "title": "A", "absolute_url": "https://x.io/1",
       "pay_input_ranges": [{"min_cents": 1850, "max_cents": "2200", "currency_type": "usd",
                             "title": "Hourly Pay"}]},
      {"id": 2, "title": "B", "absolute_url": "https://x.io/2",
       "pay_input_ranges": [{"min_cents": 5000000, "max_cents": 7500000, "currency_type": "USD",
                             "title": "NYC Range"},
                            {"min_cents": 4500000, "max_cents": 6000000, "currency_type": "USD",
                             "title": "Miami Range"},
                            {"min_cents": 1, "max_cents": 2, "currency_type": "EUR"}]},
      {"id": 3, "title": "C", "absolute_url": "https://x.io/3",
       "pay_input_ranges": [{"min_cents": 300000, "max_cents": 400000, "unit": "monthly"}]}]})");
  ASSERT_EQ(feed.jobs.size(), 3u);
  EXPECT_EQ(feed.jobs[0].pay.min, 18.5);
  EXPECT_EQ(feed.jobs[0].pay.max, 22);
  EXPECT_EQ(feed.jobs[0].pay.unit, PayUnit::Hour);
  EXPECT_EQ(feed.jobs[0].pay.currency, "USD");
  EXPECT_EQ(feed.jobs[1].pay.min, 45000);  // all same-currency ranges: the whole span
  EXPECT_EQ(feed.jobs[1].pay.max, 75000);
  EXPECT_EQ(feed.jobs[1].pay.unit, PayUnit::Year);  // no unit: a yearly amount
  EXPECT_EQ(feed.jobs[2].pay.unit, PayUnit::Month);
}

TEST(Greenhouse, UnsafeApplyUrlIsDropped) {
  const ParsedFeed feed =
      parse_ok(R"json({"id": 1, "title": "A", "absolute_url": "javascript:alert(1)"})json");
  ASSERT_EQ(feed.jobs.size(), 1u);
  EXPECT_TRUE(feed.jobs[0].apply_url.empty());
}

TEST(LocationText, CommonShapes) {
  LocationText l = parse_location_text("Miami, FL 33128");
  ASSERT_EQ(l.places.size(), 1u);
  EXPECT_EQ(l.places[0].city, "Miami");
  EXPECT_EQ(l.places[0].region, "FL");
  EXPECT_EQ(l.places[0].postal_code, "33128");
  EXPECT_EQ(l.workplace, Workplace::Unknown);

  l = parse_location_text("Toronto, ON, CA");
  ASSERT_EQ(l.places.size(), 1u);
  EXPECT_EQ(l.places[0].region, "ON");
  EXPECT_EQ(l.places[0].country, "CA");

  l = parse_location_text("Remote");
  EXPECT_TRUE(l.places.empty());
  EXPECT_EQ(l.workplace, Workplace::Remote);

  l = parse_location_text("Hybrid (Doral, Florida)");
  ASSERT_EQ(l.places.size(), 1u);
  EXPECT_EQ(l.places[0].city, "Doral");
  EXPECT_EQ(l.places[0].region, "FL");
  EXPECT_EQ(l.workplace, Workplace::Hybrid);

  l = parse_location_text("Miami, FL; Orlando, Florida, United States");
  ASSERT_EQ(l.places.size(), 2u);
  EXPECT_EQ(l.places[1].city, "Orlando");
  EXPECT_EQ(l.places[1].country, "US");

  l = parse_location_text("New York, NY or Remote");
  EXPECT_EQ(l.places.size(), 1u);
  EXPECT_EQ(l.workplace, Workplace::Remote);
}

TEST(GreenhouseRealData, DocumentationList) {
  const auto body = read_realdata("greenhouse/docs_list_jobs.json");
  if (!body) GTEST_SKIP() << "realdata not available";
  const ParsedFeed feed =
      parse_ok(*body, "https://boards-api.greenhouse.io/v1/boards/vaulttec/jobs");
  ASSERT_EQ(feed.jobs.size(), 1u);
  EXPECT_EQ(feed.jobs[0].id, "127817");
  EXPECT_EQ(feed.jobs[0].title.en, "Vault Designer");
  EXPECT_EQ(feed.jobs[0].employer, "Vaulttec");
  EXPECT_EQ(feed.jobs[0].posted, 1452786928);  // 2016-01-14T10:55:28-05:00
  ASSERT_EQ(feed.jobs[0].locations.size(), 1u);
  EXPECT_EQ(feed.jobs[0].locations[0].city, "NYC");
  EXPECT_TRUE(feed.jobs[0].description.en.empty());  // listed without content=true
}

TEST(GreenhouseRealData, DocumentationListWithContent) {
  const auto body = read_realdata("greenhouse/docs_list_jobs_content_true.json");
  if (!body) GTEST_SKIP() << "realdata not available";
  const ParsedFeed feed = parse_ok(*body);
  ASSERT_EQ(feed.jobs.size(), 1u);
  const Job& job = feed.jobs[0];
  ASSERT_EQ(job.description.en.size(), 2u);
  EXPECT_EQ(job.description.en[0].lines[0], "This is the job description.");
  EXPECT_TRUE(job.description.en[1].lines[0].starts_with("Any HTML included"));
  expect_description_clean(job);
}

TEST(GreenhouseRealData, DocumentationPayTransparency) {
  // The documentation's example carries a // comment; the reader tolerates comments.
  const auto body = read_realdata("greenhouse/docs_retrieve_job_questions_paytransparency.json");
  if (!body) GTEST_SKIP() << "realdata not available";
  const ParsedFeed feed = parse_ok(*body);
  ASSERT_EQ(feed.jobs.size(), 1u);
  const Job& job = feed.jobs[0];
  EXPECT_EQ(job.title.en, "Product Engineer");
  EXPECT_EQ(job.pay.min, 50000);
  EXPECT_EQ(job.pay.max, 75000);
  EXPECT_EQ(job.pay.unit, PayUnit::Year);  // "NYC Salary Range"
  EXPECT_EQ(job.pay.currency, "USD");
  ASSERT_EQ(job.locations.size(), 1u);
  EXPECT_EQ(job.locations[0].region, "CA");
  EXPECT_EQ(job.locations[0].country, "US");
  expect_description_clean(job);
}

TEST(GreenhouseRealData, DocumentationPlaceholderIsNotJson) {
  const auto body = read_realdata("greenhouse/docs_retrieve_job_demographic_questions.json");
  if (!body) GTEST_SKIP() << "realdata not available";
  EXPECT_TRUE(std::holds_alternative<ParseError>(parse_greenhouse(*body, kSource)));
}

TEST(GreenhouseRealData, RealSingleJobs) {
  const auto pinterest = read_realdata("greenhouse/real_item_pinterest_5572858.json");
  const auto stripe = read_realdata("greenhouse/real_item_stripe_7532733.json");
  if (!pinterest || !stripe) GTEST_SKIP() << "realdata not available";

  const ParsedFeed p = parse_ok(*pinterest);
  ASSERT_EQ(p.jobs.size(), 1u);
  EXPECT_EQ(p.jobs[0].title.en, "Sr. Software Engineer, Backend");
  EXPECT_EQ(p.jobs[0].employer, "Pinterest");
  EXPECT_EQ(p.jobs[0].posted, 1702668384);  // first_published
  ASSERT_EQ(p.jobs[0].locations.size(), 1u);
  EXPECT_EQ(p.jobs[0].locations[0].city, "Toronto");
  EXPECT_EQ(p.jobs[0].locations[0].country, "CA");
  EXPECT_EQ(p.jobs[0].employment_types, 0);  // "Employment Type": "Regular" says nothing
  // This content is raw HTML (already unescaped by whoever saved it).
  ASSERT_GE(p.jobs[0].description.en.size(), 2u);
  EXPECT_EQ(p.jobs[0].description.en[0].lines[0], "About Pinterest:");
  expect_description_clean(p.jobs[0]);

  const ParsedFeed s = parse_ok(*stripe);
  ASSERT_EQ(s.jobs.size(), 1u);
  EXPECT_EQ(s.jobs[0].title.en, "Account Executive, AI Sales");
  EXPECT_EQ(s.jobs[0].apply_url, "https://stripe.com/jobs/search?gh_jid=7532733");
  EXPECT_FALSE(s.jobs[0].valid_through.has_value());  // "application_deadline": null
  ASSERT_EQ(s.jobs[0].locations.size(), 1u);
  EXPECT_EQ(s.jobs[0].locations[0].city, "San Francisco");
  EXPECT_EQ(s.jobs[0].locations[0].region, "CA");
}

TEST(GreenhouseRealData, GitLabRemoteListing) {
  const auto body = read_realdata("greenhouse/real_trimmed_gitlab.json");
  if (!body) GTEST_SKIP() << "realdata not available";
  const ParsedFeed feed = parse_ok(*body);
  ASSERT_EQ(feed.jobs.size(), 1u);
  const Job& job = feed.jobs[0];
  EXPECT_EQ(job.id, "8556658002");
  EXPECT_EQ(job.title.en, "AI Engineer");
  EXPECT_EQ(job.employer, "GitLab");
  EXPECT_EQ(job.workplace, Workplace::Remote);  // "Remote, Bangalore"
  ASSERT_EQ(job.locations.size(), 1u);
  EXPECT_EQ(job.locations[0].city, "Bangalore");
  ASSERT_EQ(job.description.en.size(), 1u);
  EXPECT_TRUE(job.description.en[0].lines[0].starts_with("GitLab is the intelligent"));
  expect_description_clean(job);
}

}  // namespace
}  // namespace kiosk::feeds

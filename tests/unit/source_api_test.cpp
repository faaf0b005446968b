// How the kiosk asks the paged search APIs and words their refusals (kiosk/sync/source_api.h),
// and what makes two jobs the same job (kiosk/store/duplicates.h).
#include "kiosk/sync/source_api.h"

#include <gtest/gtest.h>

#include "kiosk/store/duplicates.h"

namespace kiosk {
namespace {

ParsedFeed page_of(std::size_t jobs, std::optional<std::int64_t> total,
                   std::optional<std::int64_t> pages = std::nullopt) {
  ParsedFeed feed;
  feed.jobs.resize(jobs);
  feed.source_total = total;
  feed.source_pages = pages;
  return feed;
}

TEST(SourceApi, FormatsByTheirSettingNames) {
  EXPECT_EQ(configured_format("usajobs"), FeedFormat::Usajobs);
  EXPECT_EQ(configured_format("careeronestop"), FeedFormat::CareerOneStop);
  EXPECT_EQ(configured_format("xml"), FeedFormat::Xml);
  EXPECT_EQ(configured_format("auto"), std::nullopt);
  EXPECT_EQ(format_name(FeedFormat::Usajobs), "USAJOBS");
  EXPECT_TRUE(paged_format(FeedFormat::CareerOneStop));
  EXPECT_FALSE(paged_format(FeedFormat::Greenhouse));
}

TEST(SourceApi, UsajobsPagesByItsPageParameter) {
  const std::string first = first_page_url(
      "https://data.usajobs.gov/api/search?LocationName=Miami%2C%20Florida", FeedFormat::Usajobs);
  EXPECT_EQ(
      first,
      "https://data.usajobs.gov/api/search?LocationName=Miami%2C%20Florida&ResultsPerPage=500");
  // The technician's own page size stays.
  EXPECT_EQ(
      first_page_url("https://data.usajobs.gov/api/search?resultsperpage=25", FeedFormat::Usajobs),
      "https://data.usajobs.gov/api/search?resultsperpage=25");
  EXPECT_EQ(next_page_url(first, FeedFormat::Usajobs, 1, 500, page_of(500, 802, 2)),
            first + "&Page=2");
  EXPECT_EQ(next_page_url(first + "&Page=2", FeedFormat::Usajobs, 2, 802, page_of(302, 802, 2)),
            std::nullopt);  // the count is reached
  EXPECT_EQ(next_page_url(first, FeedFormat::Usajobs, 3, 10, page_of(0, 802)), std::nullopt);
  EXPECT_EQ(
      next_page_url("https://x.example/search?page=7", FeedFormat::Usajobs, 1, 1, page_of(1, 3)),
      "https://x.example/search?page=2");  // any case, replaced
}

TEST(SourceApi, CareerOneStopPagesByStartRecordInThePath) {
  const std::string url =
      "https://api.careeronestop.org/v2/jobsearch/USER/0/Miami%2C%20FL/25/0/0/0/100/30"
      "?source=NLx&showFilters=false";
  EXPECT_EQ(next_page_url(url, FeedFormat::CareerOneStop, 1, 100, page_of(100, 250)),
            "https://api.careeronestop.org/v2/jobsearch/USER/0/Miami%2C%20FL/25/0/0/100/100/30"
            "?source=NLx&showFilters=false");
  EXPECT_EQ(next_page_url(url, FeedFormat::CareerOneStop, 2, 200, page_of(100, 250)),
            "https://api.careeronestop.org/v2/jobsearch/USER/0/Miami%2C%20FL/25/0/0/200/100/30"
            "?source=NLx&showFilters=false");
  EXPECT_EQ(next_page_url(url, FeedFormat::CareerOneStop, 3, 250, page_of(50, 250)), std::nullopt);
  // The short v1 path has no page in it: one page.
  EXPECT_EQ(next_page_url("https://api.careeronestop.org/v1/jobsearch/USER/17-2051.00/NJ/1000/0",
                          FeedFormat::CareerOneStop, 1, 10, page_of(10, 375)),
            std::nullopt);
  EXPECT_EQ(careeronestop_v1_url(url),
            "https://api.careeronestop.org/v1/jobsearch/USER/0/Miami%2C%20FL/25/0/0/0/100/30"
            "?source=NLx&showFilters=false");
  EXPECT_EQ(careeronestop_v1_url("https://data.usajobs.gov/api/search"), std::nullopt);
}

TEST(SourceApi, RefusalsInWordsATechnicianUnderstands) {
  FetchResult r;
  r.http_code = 401;
  r.error = "the server answered HTTP 401";
  EXPECT_EQ(refusal_words(r, "USAJOBS", true).rfind("USAJOBS refused the API key (401)", 0), 0u);
  EXPECT_NE(refusal_words(r, "USAJOBS", false).find("asks for an API key (401)"),
            std::string::npos);
  r.http_code = 429;
  r.retry_after_s = 600;
  EXPECT_NE(
      refusal_words(r, "CareerOneStop", true)
          .find("asked the kiosk to slow down (429 Too Many Requests, and to wait 10 minutes)"),
      std::string::npos);
  r.http_code = 404;
  r.error = "the server answered HTTP 404";
  EXPECT_EQ(refusal_words(r, "USAJOBS", true), "the server answered HTTP 404");
  EXPECT_EQ(source_name("https://data.usajobs.gov/api/search?x=1", FeedFormat::Usajobs), "USAJOBS");
  EXPECT_EQ(source_name("http://127.0.0.1:8080/api/search", FeedFormat::Usajobs),
            "USAJOBS (127.0.0.1)");
  EXPECT_EQ(source_name("https://jobs.example.org/feed.xml", FeedFormat::Xml), "jobs.example.org");
}

TEST(Duplicates, ApplyLinksAreComparedWithoutTheirNoise) {
  EXPECT_EQ(
      apply_link_key("https://www.usajobs.gov:443/GetJob/ViewDetails/793682000?PostingChannelID="),
      "usajobs.gov/GetJob/ViewDetails/793682000");
  EXPECT_EQ(apply_link_key("http://usajobs.gov/GetJob/ViewDetails/793682000/#apply"),
            "usajobs.gov/GetJob/ViewDetails/793682000");
  EXPECT_EQ(apply_link_key("https://jobs.example.org/apply?id=7&utm_source=nlx&ref=board"),
            "jobs.example.org/apply?id=7");
  EXPECT_EQ(apply_link_key("https://jobs.example.org/apply?b=2&a=1"),
            apply_link_key("https://jobs.example.org/apply?a=1&b=2"));
  EXPECT_NE(apply_link_key("https://jobs.example.org/apply?id=7"),
            apply_link_key("https://jobs.example.org/apply?id=8"));
  EXPECT_EQ(apply_link_key("mailto:hr@example.org"), "");
  EXPECT_EQ(apply_link_key(""), "");
}

TEST(Duplicates, TheSameJobKeyFoldsCaseAccentsAndPunctuation) {
  Job a;
  a.title.en = "Técnico de Farmacia";
  a.employer = "Jackson Health System";
  a.locations.emplace_back();
  a.locations.back().city = "Miami";
  Job b = a;
  b.title.en = "TECNICO DE FARMACIA";
  b.employer = "Jackson Health System.";
  EXPECT_EQ(same_job_key(a), same_job_key(b));
  b.locations.front().city = "Hialeah";
  EXPECT_NE(same_job_key(a), same_job_key(b));
  b.employer.clear();
  EXPECT_EQ(same_job_key(b), "");  // no employer: too little to call two jobs one
  EXPECT_TRUE(same_employer("Veterans Health Administration",
                            "Veterans Health Administration, Department of Veterans Affairs"));
  EXPECT_TRUE(same_employer("JACKSON HEALTH SYSTEM", "Jackson Health System."));
  EXPECT_FALSE(same_employer("Jackson Health", "Jacksonville Health"));
  EXPECT_FALSE(same_employer("", "Jackson Health"));
}

}  // namespace
}  // namespace kiosk

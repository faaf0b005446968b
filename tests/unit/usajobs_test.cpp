#include "kiosk/feeds/usajobs.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/feeds/html_text.h"
#include "tests/unit/api_feed_checks.h"
#include "tests/unit/feed_test_support.h"

namespace kiosk::feeds {
namespace {

const std::string kSource = "https://data.usajobs.gov/api/search?LocationName=Miami%2C%20Florida";

using kiosk::testing::read_realdata;

ParsedFeed parse_ok(std::string_view body) {
  return kiosk::testing::parse_ok(parse_usajobs, body, kSource);
}

std::string parse_error(std::string_view body) {
  return kiosk::testing::parse_error(parse_usajobs, body, kSource);
}

std::vector<std::string> headings(const RichText& blocks) {
  std::vector<std::string> out;
  for (const auto& b : blocks) {
    if (b.type == TextBlock::Type::Heading) out.push_back(b.lines[0]);
  }
  return out;
}

// One search result around a descriptor written in the test.
std::string page(const std::string& descriptor) {
  return R"({"SearchResult": {"SearchResultCount": 1, "SearchResultCountAll": 1,
             "SearchResultItems": [{"MatchedObjectId": "900000001",
                                    "MatchedObjectDescriptor": )" +
         descriptor + "}]}}";
}

TEST(UsajobsRealData, SearchResponseWithOneItem) {
  const auto body = read_realdata("usajobs/search_response_real_1item.json");
  if (!body) GTEST_SKIP() << "realdata not available";
  const ParsedFeed feed = parse_ok(*body);
  EXPECT_EQ(feed.source_total, 802);
  EXPECT_EQ(feed.source_pages, 802);  // "NumberOfPages": "802", a string
  EXPECT_FALSE(feed.counts_only);
  EXPECT_TRUE(feed.warnings.empty());
  ASSERT_EQ(feed.jobs.size(), 1u);
  const Job& job = feed.jobs[0];
  EXPECT_EQ(job.id, "793682000");
  EXPECT_EQ(job.source, kSource);
  EXPECT_EQ(job.title.en, "Division Chief (Engineering)");
  EXPECT_EQ(job.employer, "United States Army Futures Command, Department of the Army");
  EXPECT_EQ(job.language, "en");
  ASSERT_EQ(job.locations.size(), 1u);
  EXPECT_EQ(job.locations[0].city, "Warren");
  EXPECT_EQ(job.locations[0].region, "MI");
  EXPECT_EQ(job.locations[0].country, "US");
  EXPECT_EQ(job.pay.min, 134751);
  EXPECT_EQ(job.pay.max, 191900);
  EXPECT_EQ(job.pay.unit, PayUnit::Year);  // "PA"
  EXPECT_EQ(job.pay.currency, "USD");
  EXPECT_EQ(job.occupation_series, "0801");
  EXPECT_EQ(job.apply_url,
            "https://www.usajobs.gov:443/GetJob/ViewDetails/793682000?PostingChannelID=");
  // Schedule code 1 (its name is empty) and a "TEMPORARY position Not-to-Exceed 5 Years".
  EXPECT_EQ(job.employment_types, kFullTime | kTemporary);
  EXPECT_EQ(job.workplace, Workplace::Hybrid);  // TeleworkEligible, not RemoteIndicator
  EXPECT_EQ(job.posted, 1717459200);            // 2024-06-04
  EXPECT_EQ(job.valid_through, 1718254799);     // 2024-06-12, 11:59:59 PM Eastern
  EXPECT_TRUE(job.education.en.starts_with("Some federal jobs allow you to substitute"));
  EXPECT_EQ(headings(job.description.en),
            (std::vector<std::string>{"Summary", "Duties", "Qualifications", "Education",
                                      "How you will be evaluated", "Required documents",
                                      "How to apply"}));
  const std::string text = blocks_to_plain(job.description.en);
  EXPECT_NE(text.find("Serves as a Division Chief"), std::string::npos);
  EXPECT_NE(text.find("Who May Apply"), std::string::npos);
  const auto duties =
      std::find_if(job.description.en.begin(), job.description.en.end(),
                   [](const TextBlock& b) { return b.type == TextBlock::Type::Bullets; });
  ASSERT_NE(duties, job.description.en.end());
  EXPECT_GE(duties->lines.size(), 5u);  // MajorDuties, one bullet each
}

TEST(UsajobsRealData, FlattenedHistoricalRecords) {
  const std::vector<std::pair<std::string, std::size_t>> files = {
      {"jobs_court_services_and_offender_supervision_agency_for_dc.json", 188},
      {"jobs_department_of_commerce.json", 5239},
      {"jobs_department_of_education.json", 598},
      {"jobs_department_of_energy.json", 3680},
      {"jobs_department_of_housing_and_urban_development.json", 1706},
      {"jobs_department_of_labor.json", 1780},
      {"jobs_department_of_state.json", 2045},
      {"jobs_executive_office_of_the_president.json", 295},
      {"jobs_general_services_administration.json", 1824},
      {"jobs_judicial_branch.json", 1042},
      {"jobs_legislative_branch.json", 3084},
      {"jobs_national_aeronautics_and_space_administration.json", 1902},
      {"jobs_national_foundation_on_the_arts_and_the_humanities.json", 110},
      {"jobs_unknown.json", 1},
  };
  std::size_t read = 0;
  for (const auto& [name, count] : files) {
    const auto body = read_realdata("usajobs/haddad_raw_jobs/" + name);
    if (!body) continue;
    ++read;
    EXPECT_TRUE(looks_like_usajobs(std::string_view(*body).substr(0, 1 << 16))) << name;
    const ParsedFeed feed = parse_ok(*body);
    EXPECT_EQ(feed.jobs.size(), count) << name;
    EXPECT_TRUE(feed.warnings.empty()) << name;
    for (const Job& job : feed.jobs) {
      ASSERT_FALSE(job.id.empty()) << name;
      ASSERT_EQ(job.occupation_series.size(), 4u) << name << " " << job.id;
      ASSERT_TRUE(job.apply_url.starts_with("https://www.usajobs.gov/job/")) << job.id;
      ASSERT_TRUE(job.posted.has_value()) << job.id;
    }
    if (name == "jobs_department_of_labor.json") {
      const Job& job = feed.jobs[0];
      EXPECT_EQ(job.id, "773775000");
      EXPECT_EQ(job.title.en, "Supervisory Mine Safety and Health Inspector");
      EXPECT_EQ(job.employer, "Mine Safety and Health Administration, Department of Labor");
      EXPECT_EQ(job.occupation_series, "1822");
      EXPECT_EQ(job.apply_url, "https://www.usajobs.gov/job/773775000");
      EXPECT_EQ(job.posted, 1706745600);         // 2024-02-01
      EXPECT_EQ(job.valid_through, 1707973199);  // 2024-02-14, end of the day in Miami
      EXPECT_EQ(job.employment_types, 0);        // "Permanent" says nothing of the hours
    }
    if (name == "jobs_unknown.json") {
      const Job& job = feed.jobs[0];
      EXPECT_EQ(job.title.en, "GRADUATE ASSISTANT");
      EXPECT_EQ(job.employer, "Department of the Air Force");  // department "Unknown" left out
      EXPECT_EQ(job.employment_types, kTemporary);             // "Term"
      EXPECT_EQ(job.occupation_series, "1701");  // "1701 - General Education And Training"
    }
  }
  if (read == 0) GTEST_SKIP() << "realdata not available";
}

TEST(UsajobsRealData, FlattenedRecentJobsWithPayAndPlaces) {
  const auto body = read_realdata("usajobs/haddad_recent_jobs.json");
  if (!body) GTEST_SKIP() << "realdata not available";
  EXPECT_TRUE(looks_like_usajobs(*body));
  const ParsedFeed feed = parse_ok(*body);
  ASSERT_EQ(feed.jobs.size(), 16u);
  EXPECT_TRUE(feed.warnings.empty());
  const Job& first = feed.jobs[0];
  EXPECT_EQ(first.id, "K-26-DHA-12804858-AKK");
  EXPECT_EQ(first.title.en, "DATA SCIENTIST");
  EXPECT_EQ(first.employer, "Air Force Civilian Career Training, Department of the Air Force");
  EXPECT_EQ(first.apply_url, "https://www.usajobs.gov:443/job/846709300");
  EXPECT_EQ(first.pay.min, 49960);
  EXPECT_EQ(first.pay.max, 99314);
  EXPECT_EQ(first.pay.unit, PayUnit::Year);
  EXPECT_EQ(first.workplace, Workplace::Unknown);  // telework false
  ASSERT_GE(first.locations.size(), 40u);
  EXPECT_EQ(first.locations[0].city, "Gunter AFB");  // "Gunter AFB, Alabama, Alabama"
  EXPECT_EQ(first.locations[0].region, "AL");
  EXPECT_EQ(first.locations[0].country, "US");
  // "Naval Base, Norfolk, Virginia, Virginia": the part before the city names the place.
  const Job& sealift = feed.jobs[7];
  EXPECT_EQ(sealift.employer, "Military Sealift Command, Department of the Navy");
  ASSERT_EQ(sealift.locations.size(), 1u);
  EXPECT_EQ(sealift.locations[0].name, "Naval Base");
  EXPECT_EQ(sealift.locations[0].city, "Norfolk");
  EXPECT_EQ(sealift.locations[0].region, "VA");
  EXPECT_EQ(headings(first.description.en), (std::vector<std::string>{"Duties", "Qualifications"}));

  const Job& ssa = feed.jobs[1];
  EXPECT_EQ(ssa.employer, "Social Security Administration");  // not "Other Agencies and …"
  EXPECT_EQ(ssa.workplace, Workplace::Hybrid);                // telework true
  const auto japan = std::find_if(feed.jobs.begin(), feed.jobs.end(), [](const Job& j) {
    return !j.locations.empty() && j.locations[0].country == "Japan";
  });
  ASSERT_NE(japan, feed.jobs.end());
  EXPECT_EQ(japan->locations[0].city, "Yokosuka Naval Base");
  EXPECT_TRUE(japan->locations[0].region.empty());
}

TEST(Usajobs, EmptyPageIsZeroJobsNotAnError) {
  const ParsedFeed feed = parse_ok(R"({"LanguageCode": "EN", "SearchParameters": {},
      "SearchResult": {"SearchResultCount": 0, "SearchResultCountAll": 0,
                       "SearchResultItems": [], "UserArea": {"NumberOfPages": "0"}}})");
  EXPECT_TRUE(feed.jobs.empty());
  EXPECT_TRUE(feed.counts_only);
  EXPECT_EQ(feed.source_total, 0);
  EXPECT_EQ(feed.source_pages, 0);
  // Counts alone, without the list, read the same way.
  const ParsedFeed counts = parse_ok(R"({"SearchResult": {"SearchResultCountAll": "37"}})");
  EXPECT_TRUE(counts.counts_only);
  EXPECT_EQ(counts.source_total, 37);
}

TEST(Usajobs, CodesIntervalsAndRemoteWork) {
  const ParsedFeed feed = parse_ok(page(R"json({
      "PositionTitle": "Park Ranger", "OrganizationName": "National Park Service",
      "DepartmentName": "Department of the Interior",
      "PositionLocation": [{"LocationName": "Homestead, Florida", "CityName": "Homestead, Florida",
                            "CountrySubDivisionCode": "Florida", "CountryCode": "United States"},
                           {"LocationName": "Homestead, Florida"},
                           {"LocationName": "Anywhere in the U.S. (remote job)"}],
      "PositionRemuneration": [{"MinimumRange": "0", "MaximumRange": "0", "RateIntervalCode": "WC"},
                               {"MinimumRange": "3200.50", "MaximumRange": "2400",
                                "RateIntervalCode": "BW", "Description": "Bi-weekly"}],
      "PositionSchedule": [{"Name": "Intermittent", "Code": "4"}],
      "PositionOfferingType": [{"Name": "Seasonal", "Code": "15322"}],
      "JobCategory": [{"Name": "Park Ranger", "Code": "25"}],
      "UserArea": {"Details": {"MajorDuties": "Guide visitors.\n\nKeep trails safe.",
                               "KeyRequirements": ["U.S. citizenship", "Driver's license"],
                               "TeleworkEligible": "False", "RemoteIndicator": "True"}},
      "PositionURI": "https://www.usajobs.gov/job/900000001",
      "ApplyURI": ["javascript:alert(1)"],
      "PublicationStartDate": "2026-11-02T00:00:00.0000",
      "ApplicationCloseDate": "2026-11-30"})json"));
  ASSERT_EQ(feed.jobs.size(), 1u);
  const Job& job = feed.jobs[0];
  EXPECT_EQ(job.employer, "National Park Service, Department of the Interior");
  ASSERT_EQ(job.locations.size(), 1u);  // the same place twice is one; "anywhere" is none
  EXPECT_EQ(job.locations[0].city, "Homestead");
  EXPECT_EQ(job.locations[0].region, "FL");
  EXPECT_EQ(job.workplace, Workplace::Remote);
  EXPECT_EQ(job.pay.unit, PayUnit::Week);  // bi-weekly pay, halved; the range put in order
  EXPECT_EQ(job.pay.min, 1200);
  EXPECT_EQ(job.pay.max, 1600.25);
  EXPECT_EQ(job.employment_types, kPartTime | kTemporary);
  EXPECT_EQ(job.occupation_series, "0025");
  EXPECT_EQ(job.apply_url, "https://www.usajobs.gov/job/900000001");  // not the script link
  EXPECT_EQ(headings(job.description.en),
            (std::vector<std::string>{"Duties", "Conditions of employment"}));
  EXPECT_EQ(job.valid_through, 1796101199);  // 2026-11-30, 11:59:59 PM in Miami
}

TEST(Usajobs, HourlyPayByDescriptionAndSchedulesByName) {
  const ParsedFeed feed = parse_ok(page(R"({
      "PositionID": "VA-26-1", "PositionTitle": "Housekeeping Aid",
      "OrganizationName": "Veterans Health Administration",
      "DepartmentName": "Department of Veterans Affairs",
      "PositionLocationDisplay": "Miami, Florida",
      "PositionRemuneration": [{"MinimumRange": 18.5, "MaximumRange": "21.60",
                                "RateIntervalCode": "XX", "Description": "Per Hour"}],
      "PositionSchedule": [{"Name": "Full-time"}, {"Name": "Part-time"}],
      "PositionOfferingType": [{"Name": "Permanent"}]})"));
  ASSERT_EQ(feed.jobs.size(), 1u);
  const Job& job = feed.jobs[0];
  EXPECT_EQ(job.id, "900000001");  // MatchedObjectId before PositionID
  EXPECT_EQ(job.pay.unit, PayUnit::Hour);
  EXPECT_EQ(job.pay.min, 18.5);
  EXPECT_EQ(job.pay.max, 21.6);
  EXPECT_EQ(job.employment_types, kFullTime | kPartTime);
  ASSERT_EQ(job.locations.size(), 1u);  // PositionLocationDisplay when there is no list
  EXPECT_EQ(job.locations[0].city, "Miami");
  EXPECT_EQ(job.locations[0].region, "FL");
}

TEST(Usajobs, WrongTypesAreSkippedNotThrown) {
  const ParsedFeed feed = parse_ok(R"({"SearchResult": {
      "SearchResultCountAll": {"n": 3}, "UserArea": {"NumberOfPages": [2]},
      "SearchResultItems": [
        7, "text", null, [],
        {"MatchedObjectId": 1, "MatchedObjectDescriptor": "not an object"},
        {"MatchedObjectId": 2, "MatchedObjectDescriptor": {"PositionTitle": ["a"]}},
        {"MatchedObjectId": {"x": 1}, "MatchedObjectDescriptor": {"PositionTitle": "No id"}},
        {"MatchedObjectId": 3, "MatchedObjectDescriptor": {
          "PositionTitle": "Clerk", "OrganizationName": 5, "DepartmentName": [],
          "PositionLocation": "Miami", "PositionLocationDisplay": {"a": 1},
          "PositionRemuneration": [1, "x", {"MinimumRange": true, "MaximumRange": "lots"}],
          "PositionSchedule": {"Name": 9}, "PositionOfferingType": [[]],
          "JobCategory": ["0301"], "ApplyURI": {"x": "https://a.example"},
          "PositionURI": 12, "QualificationSummary": {"p": "x"},
          "PublicationStartDate": 20240101, "ApplicationCloseDate": [],
          "UserArea": {"Details": {"MajorDuties": [1, {"a": 2}, "Files records."],
                                   "JobSummary": 3, "TeleworkEligible": "maybe",
                                   "Education": {"x": 1}}}}}]}})");
  EXPECT_FALSE(feed.source_total.has_value());
  EXPECT_FALSE(feed.source_pages.has_value());
  ASSERT_EQ(feed.jobs.size(), 1u);
  EXPECT_EQ(feed.warnings.size(), 7u);
  const Job& job = feed.jobs[0];
  EXPECT_EQ(job.id, "3");
  EXPECT_EQ(job.title.en, "Clerk");
  EXPECT_EQ(job.employer, "5");  // a number is text enough for a name
  EXPECT_TRUE(job.locations.empty());
  EXPECT_FALSE(job.pay.min.has_value());
  EXPECT_FALSE(job.pay.max.has_value());
  EXPECT_EQ(job.occupation_series, "");
  EXPECT_EQ(job.apply_url, "");
  EXPECT_FALSE(job.posted.has_value());
  EXPECT_EQ(job.workplace, Workplace::Unknown);
  EXPECT_EQ(blocks_to_plain(job.description.en), "Duties\nFiles records.");
}

TEST(Usajobs, DeepValuesAreNoValues) {
  const std::string deep = kiosk::testing::deep_value(100000, R"("Clerk")");
  const ParsedFeed feed =
      parse_ok(page(R"({"PositionTitle": "Clerk", "OrganizationName": )" + deep +
                    R"(, "PositionRemuneration": [{"MinimumRange": )" + deep + "}]}"));
  ASSERT_EQ(feed.jobs.size(), 1u);
  EXPECT_EQ(feed.jobs[0].employer, "");
  EXPECT_FALSE(feed.jobs[0].pay.min.has_value());
}

TEST(Usajobs, HugeStringsStayBounded) {
  const std::string huge(5 << 20, 'x');
  const std::string words = [] {
    std::string s;
    while (s.size() < (3 << 20)) s += "Maintains the equipment of the station. ";
    return s;
  }();
  const ParsedFeed feed = parse_ok(page(R"({"PositionTitle": "Mechanic", "OrganizationName": ")" +
                                        huge + R"(", "QualificationSummary": ")" + words +
                                        R"(", "PositionLocationDisplay": ")" + huge + R"("})"));
  ASSERT_EQ(feed.jobs.size(), 1u);
  const std::size_t bytes = kiosk::testing::description_bytes(feed.jobs[0].description.en);
  EXPECT_LE(bytes, kMaxDescriptionBytes);
  EXPECT_GT(bytes, 0u);
}

TEST(Usajobs, NotUsajobsIsAParseError) {
  kiosk::testing::expect_refuses_hostile(parse_usajobs);
  EXPECT_NE(parse_error(R"({"jobs": [{"id": 1, "title": "A", "absolute_url": "https://x"}]})")
                .find("not a USAJOBS answer"),
            std::string::npos);
  EXPECT_FALSE(parse_error(R"({"SearchResult": 5})").empty());
  EXPECT_FALSE(parse_error(R"({"SearchResult": {"SearchResultItems": {"a": 1}}})").empty());
  EXPECT_FALSE(parse_error(R"({"SearchResult": {}})").empty());
  EXPECT_FALSE(parse_error(R"([{"id": "1", "text": "Lever posting"}])").empty());
  EXPECT_TRUE(parse_ok("[]").jobs.empty());
}

TEST(Usajobs, LooksLikeUsajobsAndNothingElse) {
  EXPECT_TRUE(looks_like_usajobs(R"({"SearchResult": {"SearchResultItems": [)"));
  EXPECT_TRUE(looks_like_usajobs(R"([{"control_number": 1, "position_title": "A")"));
  EXPECT_TRUE(looks_like_usajobs(R"([{"position_title": "A", "usajobs_url": "https://)"));
  EXPECT_FALSE(
      looks_like_usajobs(R"({"jobs": [{"absolute_url": "https://boards.greenhouse.io/a"}]})"));
  EXPECT_FALSE(looks_like_usajobs(R"([{"hostedUrl": "https://jobs.lever.co/a", "text": "A"}])"));
  EXPECT_FALSE(looks_like_usajobs(R"({"@context": "https://schema.org", "@type": "JobPosting"})"));
  EXPECT_FALSE(looks_like_usajobs(R"({"Jobcount": "3", "JobsKeywordLocations": {}})"));
  EXPECT_FALSE(looks_like_usajobs(R"({"apiVersion": "1", "jobs": [{"jobUrl": "https://"}]})"));
  EXPECT_FALSE(looks_like_usajobs(R"({"@type": "ceterms:Credential"})"));
}

}  // namespace
}  // namespace kiosk::feeds

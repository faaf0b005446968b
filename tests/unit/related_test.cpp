#include "kiosk/search/related.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/feeds/etpl_csv.h"
#include "kiosk/search/filters.h"
#include "tests/unit/feed_test_support.h"
#include "tests/unit/temp_dir.h"

namespace kiosk {
namespace {

constexpr std::int64_t kNow = 1793664000;  // 2026-11-03

Job job(std::string id, std::string title, std::string occupation, Industry industry) {
  Job j;
  j.id = std::move(id);
  j.title.en = std::move(title);
  j.employer = "Employer";
  j.occupation_code = std::move(occupation);
  j.industry = industry;
  j.posted = kNow - 86400;
  return j;
}

std::vector<std::string> titles(const SearchResult& result) {
  std::vector<std::string> out;
  for (const auto& h : result.hits) out.push_back(h.title);
  std::sort(out.begin(), out.end());
  return out;
}

// Jobs and an ETPL export in one cache: the programs carry CIP codes only, as ETPL rows do.
class Related : public ::testing::Test {
 protected:
  void SetUp() override {
    ParsedFeed jobs;
    jobs.jobs = {job("rn", "Registered Nurse", "29-1141.00", Industry::Health),
                 job("cna", "Nursing Assistant", "31-1131", Industry::Health),
                 job("cook", "Line Cook", "", Industry::Hospitality),
                 job("dev", "Software Developer", "15-1252.00", Industry::Technology)};
    FeedState js;
    js.url = "https://example.org/jobs.jsonld";
    js.kind = "jobs";
    store_.replace_feed(js, jobs, kNow);

    programs_ =
        kiosk::testing::parse_ok(feeds::parse_etpl_csv,
                                 "Program Name,Provider Name,CIP Code\n"
                                 "Registered Nursing (ASN),Miami Dade College,51.3801\n"
                                 "Culinary Arts,Lindsey Hopkins Technical College,12.0503\n"
                                 "Network Support Basics,Robert Morgan Educational Center,\n",
                                 "https://example.org/etpl.csv");
    ASSERT_EQ(programs_.programs.size(), 3u);
    programs_.programs[2].industry = Industry::Technology;  // no code at all: only an industry
    FeedState ps;
    ps.url = "https://example.org/etpl.csv";
    ps.kind = "programs";
    store_.replace_feed(ps, programs_, kNow);
  }

  const Program& program(std::size_t i) const { return programs_.programs.at(i); }

  kiosk::testing::TempDir dir_;
  Store store_{dir_.path(), Store::Mode::Writer};
  ParsedFeed programs_;
};

TEST_F(Related, EtplProgramsKeepTheirCipCodes) {
  EXPECT_EQ(program(0).cip_codes, (std::vector<std::string>{"51.3801"}));
  EXPECT_TRUE(program(0).occupation_codes.empty());
  EXPECT_EQ(program(0).industry, Industry::Health);
}

TEST_F(Related, AJobFindsTrainingThroughTheCrosswalk) {
  const RelatedQuery q = training_for(Job{}, Language::En, kNow, 5);  // no code, no industry
  EXPECT_EQ(q.by, RelatedBy::Nothing);
  EXPECT_EQ(find_related(store_, q).result.hits.size(), 0u);

  const RelatedQuery rn = training_for(
      job("rn", "Registered Nurse", "29-1141.00", Industry::Health), Language::En, kNow, 5);
  EXPECT_EQ(rn.by, RelatedBy::Occupation);
  EXPECT_EQ(rn.query.kind, ListingKind::Program);
  EXPECT_EQ(rn.query.occupations, (std::vector<std::string>{"29-1141"}));
  const RelatedListings found = find_related(store_, rn);
  EXPECT_EQ(found.by, RelatedBy::Occupation);
  EXPECT_EQ(titles(found.result), (std::vector<std::string>{"Registered Nursing (ASN)"}));
}

TEST_F(Related, WithoutCodesTheIndustryJoins) {
  const RelatedQuery cook =
      training_for(job("cook", "Line Cook", "", Industry::Hospitality), Language::Es, kNow, 5);
  EXPECT_EQ(cook.by, RelatedBy::Industry);
  EXPECT_EQ(cook.query.language, Language::Es);
  const RelatedListings found = find_related(store_, cook);
  EXPECT_EQ(found.by, RelatedBy::Industry);
  EXPECT_EQ(found.industry, Industry::Hospitality);
  EXPECT_EQ(titles(found.result), (std::vector<std::string>{"Culinary Arts"}));  // CIP 12.05

  // A code no program leads to: the same industry instead, and the screen is told so.
  const RelatedListings dev = find_related(
      store_, training_for(job("dev", "Software Developer", "15-1252.00", Industry::Technology),
                           Language::En, kNow, 5));
  EXPECT_EQ(dev.by, RelatedBy::Industry);
  EXPECT_EQ(titles(dev.result), (std::vector<std::string>{"Network Support Basics"}));
}

TEST_F(Related, AProgramFindsTheJobsItLeadsTo) {
  const RelatedQuery asn = jobs_for(program(0), Language::En, kNow, 5);
  EXPECT_EQ(asn.by, RelatedBy::Occupation);
  EXPECT_EQ(asn.query.kind, ListingKind::Job);
  const RelatedListings found = find_related(store_, asn);
  EXPECT_EQ(found.by, RelatedBy::Occupation);
  EXPECT_EQ(titles(found.result), (std::vector<std::string>{"Registered Nurse"}));

  const RelatedListings network = find_related(store_, jobs_for(program(2), Language::En, kNow, 5));
  EXPECT_EQ(network.by, RelatedBy::Industry);
  EXPECT_EQ(titles(network.result), (std::vector<std::string>{"Software Developer"}));

  // Without the crosswalk, a program with only a CIP code falls back to its industry.
  const RelatedQuery bare = jobs_for(program(0), Language::En, kNow, 5, occupations::Crosswalk{});
  EXPECT_EQ(bare.by, RelatedBy::Industry);
  EXPECT_EQ(titles(find_related(store_, bare).result),
            (std::vector<std::string>{"Nursing Assistant", "Registered Nurse"}));
}

TEST_F(Related, OccupationFilter) {
  SearchQuery q;
  q.now = kNow;
  EXPECT_FALSE(apply_filter(q, "occupation=29-1141.00,31-1131").has_value());
  EXPECT_EQ(q.occupations, (std::vector<std::string>{"29-1141", "31-1131"}));
  EXPECT_EQ(titles(store_.search(q)),
            (std::vector<std::string>{"Nursing Assistant", "Registered Nurse"}));

  SearchQuery programs;
  programs.kind = ListingKind::Program;
  programs.now = kNow;
  EXPECT_FALSE(apply_filter(programs, "occupation=29-1141").has_value());
  EXPECT_EQ(titles(store_.search(programs)),
            (std::vector<std::string>{"Registered Nursing (ASN)"}));
  programs.text = "nurs";
  EXPECT_EQ(store_.search(programs).hits.size(), 1u);
  programs.text = "culinary";
  EXPECT_TRUE(store_.search(programs).hits.empty());

  SearchQuery bad;
  const auto error = apply_filter(bad, "occupation=29-1141,nurse");
  ASSERT_TRUE(error.has_value());
  EXPECT_NE(error->find("SOC codes like 29-1141"), std::string::npos);
  EXPECT_TRUE(apply_filter(bad, "occupation=").has_value());
}

}  // namespace
}  // namespace kiosk

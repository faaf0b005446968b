// The careers file: the shipped one loads whole; a broken one is refused with where and what,
// never a crash; and the counts a career page shows, against a real cache of the bundled
// sample data, asked off the UI thread through the ListingsReader as the screen asks them.
#include "kiosk/careers/careers.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "feed_test_support.h"
#include "kiosk/base/run_queue.h"
#include "kiosk/feeds/jsonld.h"
#include "kiosk/model/enums.h"
#include "kiosk/search/listings_reader.h"
#include "tests/unit/temp_dir.h"

namespace kiosk::careers {
namespace {

namespace fs = std::filesystem;
constexpr std::int64_t kNow = 1795219200;  // 2026-11-21: every sample job posted, most open

std::string read(const fs::path& file) {
  return testing::read_file(file.string());
}

fs::path shipped() {
  return fs::path(KIOSK_SOURCE_DIR) / "assets" / "careers" / "careers.json";
}

nlohmann::json shipped_json() {
  return nlohmann::json::parse(read(shipped()));
}

std::string error_of(const nlohmann::json& j) {
  const Loaded loaded = parse(j.dump());
  EXPECT_FALSE(loaded.catalog.has_value());
  return loaded.error;
}

const Career& career_named(const Catalog& catalog, std::string_view english_title) {
  for (const auto& industry : catalog.industries) {
    for (const auto& career : industry.careers) {
      if (career.title.en == english_title) return career;
    }
  }
  throw std::runtime_error("no such career");
}

TEST(Careers, TheShippedFileHasSixIndustriesOfFiveCareersInBothLanguages) {
  const Loaded loaded = load(shipped());
  ASSERT_TRUE(loaded.catalog) << loaded.error;
  const Catalog& c = *loaded.catalog;
  ASSERT_EQ(c.industries.size(), 6u);
  const std::vector<Industry> order = {Industry::Health,       Industry::Technology,
                                       Industry::Construction, Industry::Hospitality,
                                       Industry::CleanEnergy,  Industry::Professional};
  for (std::size_t i = 0; i < order.size(); ++i) {
    EXPECT_EQ(c.industries[i].industry, order[i]);
    ASSERT_EQ(c.industries[i].careers.size(), 5u);
    for (const Career& career : c.industries[i].careers) {
      EXPECT_FALSE(career.title.es.empty());
      EXPECT_GE(career.pathway.size(), kMinSteps);
      EXPECT_FALSE(career.skills.empty());
    }
  }
  const Career& rn = career_named(c, "Registered Nurse");
  EXPECT_EQ(rn.code, "29-1141.00");
  EXPECT_EQ(rn.onet_title, "Registered Nurses");
  EXPECT_EQ(rn.title.in(Language::Es), "Enfermero(a) registrado(a)");
  EXPECT_EQ(rn.title.in(Language::Pseudo), "Registered Nurse");
  EXPECT_NE(c.credit.en.find("CC BY 4.0"), std::string::npos);
  EXPECT_NE(c.credit.es.find("O*NET"), std::string::npos);
}

TEST(Careers, ABrokenFileSaysWhereAndWhat) {
  nlohmann::json j = shipped_json();
  j["industries"][1]["careers"][2]["work"].erase("es");
  EXPECT_EQ(error_of(j), "industries[1].careers[2].work: the es text is missing");

  j = shipped_json();
  j["industries"][0]["careers"][0]["code"] = "29-1141";
  EXPECT_EQ(error_of(j),
            "industries[0].careers[0].code: should be an O*NET-SOC code like 29-1141.00");

  j = shipped_json();
  j["industries"][4]["key"] = "energy";
  EXPECT_EQ(error_of(j), "industries[4].key: \"energy\" is not one of the kiosk's industries");

  j = shipped_json();
  j["industries"][2]["key"] = "health";
  EXPECT_EQ(error_of(j), "industries[2].key: this industry is listed twice");

  j = shipped_json();
  j["industries"][5]["careers"][0]["skills"]["es"].erase(0);
  EXPECT_EQ(error_of(j),
            "industries[5].careers[0].skills: English and Spanish lists differ in length");

  j = shipped_json();
  j["industries"][3]["careers"][1]["pathway"] = nlohmann::json::array();
  EXPECT_EQ(error_of(j), "industries[3].careers[1].pathway: should hold 2 to 6 steps");

  j = shipped_json();
  j["industries"][0]["name"]["en"] = std::string(kMaxTextBytes + 1, 'a');
  EXPECT_EQ(error_of(j), "industries[0].name.en: is longer than 2000 bytes");

  j = shipped_json();
  j["industries"][0]["careers"][0]["title"]["en"] = 42;
  EXPECT_EQ(error_of(j), "industries[0].careers[0].title.en: should be text");

  j = shipped_json();
  j["version"] = "one";
  EXPECT_NE(error_of(j), "");  // a type error is a sentence too, never an exception
  for (const double version : {1e300, 1.5, -1e300}) {  // careers_fuzz: no float to int
    j["version"] = version;
    EXPECT_EQ(error_of(j), "version: should be 1");
  }

  EXPECT_EQ(parse("{\"version\": 1, \"credit\": ").error, "the careers file is not valid JSON");
  EXPECT_EQ(parse("[]").error, "careers: the file should hold one JSON object");
  EXPECT_EQ(parse("").error, "the careers file is not valid JSON");
}

TEST(Careers, AMissingOrHugeFileIsRefusedWithItsName) {
  testing::TempDir dir;
  const Loaded missing = load(dir.path() / "careers.json");
  EXPECT_FALSE(missing.catalog);
  EXPECT_NE(missing.error.find("cannot read"), std::string::npos);

  const fs::path huge = dir.path() / "huge.json";
  std::ofstream(huge) << std::string(kMaxFileBytes + 10, ' ');
  const Loaded big = load(huge);
  EXPECT_FALSE(big.catalog);
  EXPECT_NE(big.error.find("larger than 1024 KB"), std::string::npos) << big.error;

  const fs::path broken = dir.path() / "broken.json";
  std::ofstream(broken) << "{\"version\": 1";
  const Loaded bad = load(broken);
  EXPECT_EQ(bad.error, broken.string() + ": the careers file is not valid JSON");
}

TEST(Careers, TrainingIsCountedAlongThePath) {
  const Loaded loaded = load(shipped());
  ASSERT_TRUE(loaded.catalog);
  const Career& rn = career_named(*loaded.catalog, "Registered Nurse");
  EXPECT_EQ(training_codes(rn),
            (std::vector<std::string>{"29-1141.00", "31-1131.00", "29-2061.00"}));
  const RelatedQuery q = programs_query(rn, Industry::Health, Language::Es, kNow);
  EXPECT_EQ(q.query.kind, ListingKind::Program);
  EXPECT_EQ(q.by, RelatedBy::Occupation);
  ASSERT_TRUE(q.fallback);
  EXPECT_EQ(q.fallback->industry, Industry::Health);
  EXPECT_EQ(q.fallback->text, "enfermero registrado");
  EXPECT_TRUE(q.fallback->occupations.empty());
}

// A real cache of the bundled sample data, read through the ListingsReader the screen uses.
class CareerCounts : public ::testing::Test {
 protected:
  void SetUp() override {
    {
      Store writer(dir_.path(), Store::Mode::Writer);
      const fs::path sample = fs::path(KIOSK_SOURCE_DIR) / "assets" / "sample";
      for (const char* kind : {"jobs", "programs"}) {
        const std::string file = std::string(kind) + ".jsonld";
        FeedState state;
        state.url = "file:assets/sample/" + file;
        state.kind = kind;
        writer.replace_feed(
            state, testing::parse_ok(feeds::parse_jsonld, read(sample / file), state.url), kNow);
      }
    }
    const Loaded loaded = load(shipped());
    ASSERT_TRUE(loaded.catalog) << loaded.error;
    catalog_ = *loaded.catalog;
  }

  // What the screen does: related() on the reader's worker, the answer run on "the UI thread".
  Count count(const RelatedQuery& query, RelatedListings* seen = nullptr) {
    ListingsReader reader(dir_.path(), ui_);
    std::optional<Count> out;
    reader.related(query, [&](RelatedListings found) {
      out = count_of(query, found);
      if (seen != nullptr) *seen = std::move(found);
    });
    reader.drain();
    ui_.drain();
    EXPECT_TRUE(out.has_value());
    return out.value_or(Count{});
  }

  testing::TempDir dir_;
  RunQueue ui_;
  Catalog catalog_;
};

TEST_F(CareerCounts, JobsOfTheCareersOwnOccupation) {
  const Career& rn = career_named(catalog_, "Registered Nurse");
  const Count c = count(jobs_query(rn, Industry::Health, Language::En, kNow));
  EXPECT_EQ(c.total, 2);  // "Registered Nurse (RN)" and its weekend-nights twin
  EXPECT_FALSE(c.by_words);
  EXPECT_EQ(c.found_by.occupations, (std::vector<std::string>{"29-1141.00"}));

  const Career& it = career_named(catalog_, "IT Support Specialist");
  EXPECT_EQ(count(jobs_query(it, Industry::Technology, Language::Es, kNow)).total, 5);
}

TEST_F(CareerCounts, TrainingAlongThePath) {
  const Career& rn = career_named(catalog_, "Registered Nurse");
  RelatedListings seen;
  const Count c = count(programs_query(rn, Industry::Health, Language::En, kNow, 10), &seen);
  EXPECT_EQ(c.total, 2);  // no RN program, but the CNA class and the health pre-apprenticeship
  std::vector<std::string> titles;
  for (const auto& h : seen.result.hits) titles.push_back(h.title);
  std::sort(titles.begin(), titles.end());
  EXPECT_EQ(titles,
            (std::vector<std::string>{"Certified Nursing Assistant (CNA) Training",
                                      "Health Careers Pre-Apprenticeship for Young Adults"}));
}

TEST_F(CareerCounts, ByIndustryAndTitleWordsWhenNoListingCarriesTheCode) {
  // No sample job carries Energy Auditors' SOC code (47-4011): the words find them instead.
  const Career& analyst = career_named(catalog_, "Energy Efficiency Analyst");
  RelatedListings seen;
  const Count c = count(jobs_query(analyst, Industry::CleanEnergy, Language::Es, kNow, 20), &seen);
  EXPECT_TRUE(c.by_words);
  EXPECT_GE(c.total, 2);
  EXPECT_EQ(c.found_by.industry, Industry::CleanEnergy);
  EXPECT_EQ(c.found_by.text, "eficiencia energetica");
  EXPECT_TRUE(c.found_by.occupations.empty());
  EXPECT_TRUE(std::any_of(seen.result.hits.begin(), seen.result.hits.end(), [](const auto& h) {
    return h.title == "Analista de eficiencia energética";
  }));
}

TEST_F(CareerCounts, NothingYetIsZeroNotACrash) {
  testing::TempDir empty;  // no cache at all: the first sync has not run
  ListingsReader reader(empty.path(), ui_);
  const Career& rn = career_named(catalog_, "Registered Nurse");
  const RelatedQuery q = jobs_query(rn, Industry::Health, Language::En, kNow);
  std::optional<Count> out;
  reader.related(q, [&](RelatedListings found) { out = count_of(q, found); });
  reader.drain();
  ui_.drain();
  ASSERT_TRUE(out);
  EXPECT_EQ(out->total, 0);
}

}  // namespace
}  // namespace kiosk::careers

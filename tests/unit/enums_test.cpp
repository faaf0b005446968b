#include "kiosk/model/enums.h"

#include <cctype>
#include <filesystem>
#include <set>

#include <gtest/gtest.h>

#include "kiosk/i18n/i18n.h"
#include "kiosk/search/facets.h"
#include "kiosk/search/filters.h"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

Catalog load(const std::string& name) {
  std::string error;
  auto catalog = load_catalog(fs::path(KIOSK_SOURCE_DIR) / "locales" / name, &error);
  EXPECT_TRUE(catalog) << error;
  return catalog.value_or(Catalog{});
}

// Facet words are unique across every table, and letters and digits only: FTS5 would split a
// word with anything else in two and match it as a phrase.
template <typename E>
void check_table(const Catalog& en, const Catalog& es, std::set<std::string_view>& facets) {
  std::set<std::string_view> keys;
  for (const auto& row : rows<E>()) {
    SCOPED_TRACE(std::string(row.key));
    EXPECT_FALSE(row.key.empty());
    EXPECT_TRUE(keys.insert(row.key).second) << "key twice in one table";
    // key → enum → key, and enum → row → enum.
    ASSERT_TRUE(from_key<E>(row.key));
    EXPECT_EQ(*from_key<E>(row.key), row.value);
    EXPECT_EQ(key_of(row.value), row.key);
    EXPECT_EQ(row_of(row.value), &row);
    for (const char c : row.key) {
      EXPECT_TRUE(std::islower(static_cast<unsigned char>(c)) || std::isdigit(c) || c == '_');
    }
    if (!row.facet.empty()) {
      EXPECT_TRUE(facets.insert(row.facet).second) << "facet word used twice: " << row.facet;
      for (const char c : row.facet) {
        EXPECT_TRUE(std::islower(static_cast<unsigned char>(c)) || std::isdigit(c)) << row.facet;
      }
      EXPECT_EQ(facet_of(row.value), row.facet);
    }
    if (!row.message.key.empty()) {
      EXPECT_TRUE(en.count(std::string(row.message.key))) << row.message.key;
      EXPECT_TRUE(es.count(std::string(row.message.key))) << row.message.key;
    }
  }
  EXPECT_FALSE(from_key<E>("no_such_key"));
  EXPECT_FALSE(from_key<E>(""));
}

TEST(Enums, EveryTableRoundTripsWithUniqueFacetsAndTranslatedNames) {
  const Catalog en = load("en.json");
  const Catalog es = load("es.json");
  std::set<std::string_view> facets;
  check_table<ListingKind>(en, es, facets);
  check_table<Industry>(en, es, facets);
  check_table<EmploymentType>(en, es, facets);
  check_table<Workplace>(en, es, facets);
  check_table<PayUnit>(en, es, facets);
  check_table<ProgramType>(en, es, facets);
  check_table<ProgramFormat>(en, es, facets);
  check_table<ProgramSchedule>(en, es, facets);
  check_table<CostBucket>(en, es, facets);
  check_table<LengthBucket>(en, es, facets);
  check_table<Flag>(en, es, facets);
  EXPECT_GT(facets.size(), 30u);
}

TEST(Enums, UnknownValuesHaveNoKey) {
  EXPECT_EQ(key_of(Industry::Unknown), "");
  EXPECT_NE(key_of(PayUnit::Unknown).data(), nullptr);  // bound as '' in SQL, never as NULL
  EXPECT_EQ(key_of(Workplace::Unknown), "");
  EXPECT_EQ(key_of(ProgramType::Unknown), "");
  EXPECT_EQ(facet_of(ProgramFormat::Unknown), "");
  EXPECT_FALSE(filter_value<Industry>("other"));  // stored and indexed, never a filter
  EXPECT_EQ(filter_value<Industry>("clean_energy"), Industry::CleanEnergy);
}

TEST(Enums, BucketsFromNumbers) {
  EXPECT_TRUE(in_bucket(CostBucket::Free, 0.0));
  EXPECT_TRUE(in_bucket(CostBucket::Under1000, 0.0));
  EXPECT_TRUE(in_bucket(CostBucket::Under1000, 999.99));
  EXPECT_FALSE(in_bucket(CostBucket::Under1000, 1000.0));
  EXPECT_FALSE(in_bucket(CostBucket::Free, 650.0));
  EXPECT_FALSE(in_bucket(CostBucket::Free, std::nullopt));  // unknown cost is not free
  EXPECT_EQ(length_bucket(12), LengthBucket::Under3Months);
  EXPECT_EQ(length_bucket(13), LengthBucket::ThreeTo12Months);
  EXPECT_EQ(length_bucket(52), LengthBucket::ThreeTo12Months);
  EXPECT_EQ(length_bucket(53), LengthBucket::Over12Months);
  EXPECT_FALSE(length_bucket(std::nullopt));
  EXPECT_TRUE(taught_in_spanish("es"));
  EXPECT_TRUE(taught_in_spanish("en,es"));
  EXPECT_FALSE(taught_in_spanish("en"));
  EXPECT_FALSE(taught_in_spanish("est"));
  EXPECT_FALSE(taught_in_spanish(""));
}

// Every chip a screen can show is a filter the command line takes, and the reverse for tables.
TEST(FilterGroups, EveryChipIsAValidFilter) {
  const Catalog en = load("en.json");
  const Catalog es = load("es.json");
  for (const ListingKind kind :
       {ListingKind::Job, ListingKind::Program, ListingKind::Event, ListingKind::Service}) {
    ASSERT_FALSE(filter_groups(kind).empty());
    std::set<std::string_view> keys;
    for (const auto& g : filter_groups(kind)) {
      EXPECT_TRUE(keys.insert(g.key).second) << g.key;
      EXPECT_TRUE(en.count(std::string(g.heading.key))) << g.heading.key;
      EXPECT_TRUE(es.count(std::string(g.heading.key))) << g.heading.key;
      ASSERT_FALSE(g.values.empty()) << g.key;
      for (const auto& v : g.values) {
        SearchQuery q;
        q.kind = kind;
        const std::string filter = std::string(g.key) + "=" + std::string(v.value);
        EXPECT_FALSE(apply_filter(q, filter)) << filter;
        EXPECT_TRUE(en.count(std::string(v.label.key))) << v.label.key;
      }
    }
  }
  EXPECT_TRUE(filter_groups(ListingKind::Faq).empty());
}

TEST(FilterGroups, JobGroupsAreTodaysChips) {
  std::vector<std::string> ids;
  for (const auto& g : filter_groups(ListingKind::Job)) {
    for (const auto& v : g.values) {
      ids.push_back("jobs.filter." + std::string(g.key) + "." + std::string(v.value));
    }
  }
  const std::vector<std::string> expected = {"jobs.filter.industry.health",
                                             "jobs.filter.industry.technology",
                                             "jobs.filter.industry.construction",
                                             "jobs.filter.industry.hospitality",
                                             "jobs.filter.industry.clean_energy",
                                             "jobs.filter.industry.professional",
                                             "jobs.filter.type.full_time",
                                             "jobs.filter.type.part_time",
                                             "jobs.filter.type.temporary",
                                             "jobs.filter.type.internship",
                                             "jobs.filter.workplace.onsite",
                                             "jobs.filter.workplace.remote",
                                             "jobs.filter.workplace.hybrid",
                                             "jobs.filter.no_degree.true",
                                             "jobs.filter.min_pay.15",
                                             "jobs.filter.min_pay.20",
                                             "jobs.filter.min_pay.25",
                                             "jobs.filter.posted_days.1",
                                             "jobs.filter.posted_days.7",
                                             "jobs.filter.posted_days.30"};
  EXPECT_EQ(ids, expected);
  EXPECT_TRUE(filter_group(ListingKind::Job, "type")->multi);
  EXPECT_FALSE(filter_group(ListingKind::Job, "industry")->multi);
  EXPECT_EQ(filter_group(ListingKind::Job, "min_pay")->label, ChipLabel::Amount);
  EXPECT_TRUE(filter_group(ListingKind::Program, "schedule")->multi);
  EXPECT_EQ(filter_group(ListingKind::Program, "nothing"), nullptr);
}

TEST(Filters, ProgramFiltersReadTheTables) {
  SearchQuery q;
  EXPECT_FALSE(apply_filter(q, "cost=free"));
  EXPECT_EQ(q.cost, CostBucket::Free);
  EXPECT_FALSE(apply_filter(q, "length=3_to_12_months"));
  EXPECT_EQ(q.length, LengthBucket::ThreeTo12Months);
  EXPECT_FALSE(apply_filter(q, "schedule=evening"));
  EXPECT_FALSE(apply_filter(q, "schedule=weekend"));
  EXPECT_EQ(q.schedule, kEvening | kWeekend);
  EXPECT_FALSE(apply_filter(q, "format=online"));
  EXPECT_EQ(q.format, ProgramFormat::Online);
  EXPECT_FALSE(apply_filter(q, "spanish=true"));
  EXPECT_TRUE(q.spanish);
  EXPECT_FALSE(apply_filter(q, "program_type=pre_apprenticeship"));
  EXPECT_EQ(q.program_type, ProgramType::PreApprenticeship);
  EXPECT_EQ(apply_filter(q, "cost=cheap").value_or(""),
            "bad filter cost=cheap: cost takes free or under_1000");
  EXPECT_EQ(apply_filter(q, "schedule=night").value_or(""),
            "bad filter schedule=night: schedule takes daytime, evening or weekend");
  EXPECT_EQ(apply_filter(q, "length=long").value_or(""),
            "bad filter length=long: length takes under_3_months, 3_to_12_months or "
            "over_12_months");
  EXPECT_EQ(apply_filter(q, "format=mail").value_or(""),
            "bad filter format=mail: format takes in_person, online or hybrid");
  EXPECT_EQ(apply_filter(q, "industry=other").value_or(""),
            "bad filter industry=other: industry takes health, technology, construction, "
            "hospitality, clean_energy or professional");
  EXPECT_EQ(apply_filter(q, "type=gig").value_or(""),
            "bad filter type=gig: type takes full_time, part_time, temporary, internship or "
            "contract");
  EXPECT_EQ(apply_filter(q, "spanish=si").value_or(""),
            "bad filter spanish=si: spanish takes true or false");
  EXPECT_EQ(apply_filter(q, "color=red").value_or(""), "unknown filter 'color' (see --help)");
}

}  // namespace
}  // namespace kiosk

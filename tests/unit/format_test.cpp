#include "kiosk/i18n/format.h"

#include <filesystem>

#include <gtest/gtest.h>

namespace kiosk {
namespace {

// The real catalogs: these tests check what residents read, in both languages.
class FormatTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto error = tr_.load(std::filesystem::path(KIOSK_SOURCE_DIR) / "locales");
    ASSERT_FALSE(error) << *error;
  }
  Translator tr_;
};

constexpr std::int64_t kNow = 1793664000;  // 2026-11-03 00:00 UTC
constexpr std::int64_t kDay = 86400;

TEST_F(FormatTest, MoneyShowsCentsOnlyWhenThereAreAny) {
  EXPECT_EQ(format_money(18.5, Language::En), "$18.50");
  EXPECT_EQ(format_money(52000, Language::En), "$52,000");
  EXPECT_EQ(format_money(18.5, Language::Es), "$18.50");
  EXPECT_EQ(format_money(52000, Language::Es), "$52,000");
  EXPECT_EQ(format_money(17.999, Language::En), "$18");
}

TEST_F(FormatTest, PayWithItsUnitInEnglish) {
  tr_.set_language(Language::En);
  EXPECT_EQ(format_pay(tr_, 18.5, std::nullopt, PayUnit::Hour), "$18.50 an hour");
  EXPECT_EQ(format_pay(tr_, 52000.0, std::nullopt, PayUnit::Year), "$52,000 a year");
  EXPECT_EQ(format_pay(tr_, 17.5, 19.0, PayUnit::Hour), "$17.50 to $19 an hour");
  EXPECT_EQ(format_pay(tr_, std::nullopt, 60000.0, PayUnit::Year), "Up to $60,000 a year");
  EXPECT_EQ(format_pay(tr_, 19.0, 17.5, PayUnit::Hour), "$17.50 to $19 an hour");  // swapped
  EXPECT_EQ(format_pay(tr_, 20.0, 20.0, PayUnit::Hour), "$20 an hour");
  EXPECT_EQ(format_pay(tr_, 900.0, std::nullopt, PayUnit::Week), "$900 a week");
  EXPECT_EQ(format_pay(tr_, 500.0, std::nullopt, PayUnit::Unknown), "$500");
  EXPECT_EQ(format_pay(tr_, std::nullopt, std::nullopt, PayUnit::Hour), "");
  EXPECT_EQ(format_pay(tr_, 0.0, std::nullopt, PayUnit::Hour), "");  // "0" is no pay given
}

TEST_F(FormatTest, PayWithItsUnitInSpanish) {
  tr_.set_language(Language::Es);
  EXPECT_EQ(format_pay(tr_, 18.5, std::nullopt, PayUnit::Hour), "$18.50 por hora");
  EXPECT_EQ(format_pay(tr_, 52000.0, std::nullopt, PayUnit::Year), "$52,000 al año");
  EXPECT_EQ(format_pay(tr_, 17.5, 19.0, PayUnit::Hour), "De $17.50 a $19 por hora");
  EXPECT_EQ(format_pay(tr_, std::nullopt, 3000.0, PayUnit::Month), "Hasta $3,000 al mes");
}

TEST_F(FormatTest, PostedDaysAgoWithPlurals) {
  tr_.set_language(Language::En);
  EXPECT_EQ(format_posted(tr_, kNow - 3600, kNow), "Posted today");
  EXPECT_EQ(format_posted(tr_, kNow - kDay - 60, kNow), "Posted yesterday");
  EXPECT_EQ(format_posted(tr_, kNow - 3 * kDay, kNow), "Posted 3 days ago");
  EXPECT_EQ(format_posted(tr_, kNow + kDay, kNow), "Posted today");  // clocks disagree: not "-1"
  tr_.set_language(Language::Es);
  EXPECT_EQ(format_posted(tr_, kNow - 3600, kNow), "Publicado hoy");
  EXPECT_EQ(format_posted(tr_, kNow - kDay, kNow), "Publicado ayer");
  EXPECT_EQ(format_posted(tr_, kNow - 12 * kDay, kNow), "Publicado hace 12 días");
}

TEST_F(FormatTest, UpdatedAgo) {
  tr_.set_language(Language::En);
  EXPECT_EQ(format_updated(tr_, kNow - 20, kNow), "Updated just now");
  EXPECT_EQ(format_updated(tr_, kNow - 60, kNow), "Updated 1 minute ago");
  EXPECT_EQ(format_updated(tr_, kNow - 5 * 60, kNow), "Updated 5 minutes ago");
  EXPECT_EQ(format_updated(tr_, kNow - 3 * 3600, kNow), "Updated 3 hours ago");
  EXPECT_EQ(format_updated(tr_, kNow - 3 * kDay, kNow), "Updated 3 days ago");
  tr_.set_language(Language::Es);
  EXPECT_EQ(format_updated(tr_, kNow - 60, kNow), "Actualizado hace 1 minuto");
  EXPECT_EQ(format_updated(tr_, kNow - 3600, kNow), "Actualizado hace 1 hora");
  EXPECT_EQ(format_updated(tr_, kNow - 2 * kDay, kNow), "Actualizado hace 2 días");
}

TEST_F(FormatTest, ResultCountsWithPlurals) {
  tr_.set_language(Language::En);
  using namespace literals;
  EXPECT_EQ(tr_.format("jobs.count"_msg, {{"count", std::int64_t{0}}}), "No jobs");
  EXPECT_EQ(tr_.format("jobs.count"_msg, {{"count", std::int64_t{1}}}), "1 job");
  EXPECT_EQ(tr_.format("jobs.count"_msg, {{"count", std::int64_t{12}}}), "12 jobs");
  EXPECT_EQ(tr_.format("jobs.count.more"_msg, {{"count", std::int64_t{500}}}),
            "More than 500 jobs");
  tr_.set_language(Language::Es);
  EXPECT_EQ(tr_.format("jobs.count"_msg, {{"count", std::int64_t{1}}}), "1 empleo");
  EXPECT_EQ(tr_.format("jobs.count"_msg, {{"count", std::int64_t{12}}}), "12 empleos");
  EXPECT_EQ(tr_.format("jobs.count.more"_msg, {{"count", std::int64_t{1500}}}),
            "Más de 1,500 empleos");
}

TEST_F(FormatTest, JobTypesIndustriesAndPlaces) {
  tr_.set_language(Language::Es);
  EXPECT_EQ(format_job_types(tr_, kFullTime | kPartTime), "Tiempo completo, Medio tiempo");
  EXPECT_EQ(industry_name(tr_, Industry::Health), "Salud");
  EXPECT_EQ(industry_name(tr_, Industry::Unknown), "");
  EXPECT_EQ(workplace_name(tr_, Workplace::Remote), "Desde casa");
  tr_.set_language(Language::En);
  EXPECT_EQ(format_job_types(tr_, kTemporary), "Temporary");
  EXPECT_EQ(format_job_types(tr_, 0), "");
}

TEST_F(FormatTest, ShortLinksAndNoEducation) {
  EXPECT_EQ(short_link("https://www.example.org/jobs/12/"), "example.org/jobs/12");
  EXPECT_EQ(short_link("http://jobs.example.org"), "jobs.example.org");
  EXPECT_EQ(short_link("example.org/a"), "example.org/a");
  EXPECT_TRUE(no_education_required({"no requirements", ""}));
  EXPECT_TRUE(no_education_required({"No Requirements", ""}));
  EXPECT_FALSE(no_education_required({"High school diploma", ""}));
  EXPECT_FALSE(no_education_required({}));
}

}  // namespace
}  // namespace kiosk

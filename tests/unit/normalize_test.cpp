#include "kiosk/feeds/normalize.h"

#include <string>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

namespace kiosk::feeds {
namespace {

TEST(Normalize, NumbersWrittenAsStrings) {
  EXPECT_EQ(to_number(nlohmann::json(18.5)), 18.5);
  EXPECT_EQ(to_number(nlohmann::json("18.50")), 18.5);
  EXPECT_EQ(to_number(nlohmann::json("$52,000")), 52000);
  EXPECT_EQ(to_number(nlohmann::json(" 17 ")), 17);
  EXPECT_EQ(to_number(nlohmann::json("18.50/hr")), 18.5);
  EXPECT_FALSE(to_number(nlohmann::json("competitive")));
  EXPECT_FALSE(to_number(nlohmann::json(nullptr)));
  EXPECT_EQ(to_number(nlohmann::json{{"@value", "21"}}), 21);
}

TEST(Normalize, EmploymentTypesInTheirRealSpellings) {
  EXPECT_EQ(employment_type("FULL_TIME"), kFullTime);
  EXPECT_EQ(employment_type("Full-time"), kFullTime);
  EXPECT_EQ(employment_type("full time"), kFullTime);
  EXPECT_EQ(employment_type("Part Time"), kPartTime);
  EXPECT_EQ(employment_type("PER_DIEM"), kTemporary);
  EXPECT_EQ(employment_type("Seasonal"), kTemporary);
  EXPECT_EQ(employment_type("INTERN"), kInternship);
  EXPECT_EQ(employment_type("CONTRACTOR"), kContract);
  EXPECT_EQ(employment_type("Tiempo completo"), kFullTime);
  EXPECT_EQ(employment_type("OTHER"), 0);
  EXPECT_EQ(employment_type("Fullstack Engineering"), 0);
  EXPECT_EQ(employment_type("Partnerships"), 0);
}

TEST(Normalize, CountryNamesBecomeCodes) {
  EXPECT_EQ(country_code("United States"), "US");
  EXPECT_EQ(country_code("USA"), "US");
  EXPECT_EQ(country_code("us"), "US");
  EXPECT_EQ(country_code("Estados Unidos"), "US");
  EXPECT_EQ(country_code("Brasil"), "Brasil");  // unknown names pass through
}

TEST(Normalize, Dates) {
  EXPECT_EQ(parse_date("2026-11-03"), 1793664000);
  EXPECT_EQ(parse_date("2026-11-03T09:00:00Z"), 1793664000 + 9 * 3600);
  EXPECT_EQ(parse_date("2026-11-03T09:00:00-05:00"), 1793664000 + 14 * 3600);
  EXPECT_EQ(parse_date("2027-10-04T04:00:00.000Z"), parse_date("2027-10-04").value() + 4 * 3600);
  EXPECT_EQ(parse_date("2026-11-03 09:00"), 1793664000 + 9 * 3600);
  EXPECT_FALSE(parse_date("next week"));
  EXPECT_FALSE(parse_date("2026-13-01"));
}

TEST(Normalize, DurationsInWeeks) {
  EXPECT_EQ(duration_weeks("P12W"), 12);
  EXPECT_EQ(duration_weeks("P6M"), 26);
  EXPECT_EQ(duration_weeks("P4Y"), 208);
  EXPECT_EQ(duration_weeks("PT160H"), 4);
  EXPECT_FALSE(duration_weeks("12 weeks"));
}

TEST(Normalize, IndustryFromNameOrOccupation) {
  EXPECT_EQ(industry("Health care and social assistance", ""), Industry::Health);
  EXPECT_EQ(industry("Clean energy", ""), Industry::CleanEnergy);
  EXPECT_EQ(industry("Hospitality and tourism", ""), Industry::Hospitality);  // not "hospital"
  EXPECT_EQ(industry("Computer Software", ""), Industry::Technology);
  EXPECT_EQ(industry("", "29-1141.00"), Industry::Health);
  EXPECT_EQ(industry("", "47-2231.00"), Industry::CleanEnergy);
  EXPECT_EQ(industry("", "47-2111.00"), Industry::Construction);
  EXPECT_EQ(industry("", "35-2014"), Industry::Hospitality);
  EXPECT_EQ(industry("", ""), Industry::Unknown);
  EXPECT_EQ(industry("IT services", ""), Industry::Technology);
  EXPECT_NE(industry("Credit union", ""), Industry::Technology);
  EXPECT_EQ(industry_from_key("clean_energy"), Industry::CleanEnergy);
  EXPECT_FALSE(industry_from_key("mining"));
}

TEST(Normalize, CleanTextRemovesWhatCouldHideOrReorderText) {
  EXPECT_EQ(clean_text("  Hello\t\tworld  "), "Hello world");
  EXPECT_EQ(clean_text("evil\u202Etxt.exe"), "eviltxt.exe");  // right-to-left override
  EXPECT_EQ(clean_text("a\u2066b\u2069c\u200Bd"), "abcd");
  EXPECT_EQ(clean_text(std::string("bell\x07") + "x\x1b[2J"), "bellx[2J");
  EXPECT_EQ(clean_text("bad \xff\xfe utf8"), "bad utf8");
  EXPECT_EQ(clean_text("Técnico ñandú"), "Técnico ñandú");
  EXPECT_EQ(clean_text("line one\nline two"), "line one\nline two");
}

TEST(Normalize, NoDegree) {
  EXPECT_TRUE(no_degree_from("high school"));
  EXPECT_TRUE(no_degree_from("no requirements"));
  EXPECT_TRUE(no_degree_from("certificate"));
  EXPECT_FALSE(no_degree_from("bachelor degree"));
  EXPECT_FALSE(no_degree_from("Bachelor's Degree in Computer Science"));
  EXPECT_FALSE(no_degree_from(""));
}

TEST(Normalize, ProgramTypes) {
  EXPECT_EQ(program_type("apprenticeship"), ProgramType::Apprenticeship);
  EXPECT_EQ(program_type("Pre-Apprenticeship"), ProgramType::PreApprenticeship);
  EXPECT_EQ(program_type("OJT"), ProgramType::Ojt);
  EXPECT_EQ(program_type("On-the-job training"), ProgramType::Ojt);
  EXPECT_EQ(program_type("classroom"), ProgramType::Classroom);
  EXPECT_EQ(program_type("internship"), ProgramType::Internship);
}

TEST(Normalize, ProgramsNeedNoDegreeWhenWorkBased) {
  EXPECT_TRUE(program_no_degree(ProgramType::Apprenticeship, "18 or older, high school diploma"));
  EXPECT_TRUE(program_no_degree(ProgramType::Ojt, ""));
  EXPECT_TRUE(program_no_degree(ProgramType::PreApprenticeship, "No degree needed"));
  EXPECT_FALSE(program_no_degree(ProgramType::Apprenticeship, "An associate degree in nursing"));
  EXPECT_FALSE(program_no_degree(ProgramType::Classroom, "None"));  // only when the feed says so
  EXPECT_FALSE(program_no_degree(ProgramType::Internship, "College student"));
  EXPECT_TRUE(asks_for_degree("Bachelor's degree"));
  EXPECT_FALSE(asks_for_degree("High school diploma or GED"));
}

TEST(Normalize, ScheduleTimesFromScheduleText) {
  EXPECT_EQ(schedule_times("Evenings, Monday to Thursday, 5:30 to 9:30 p.m."), kEvening);
  EXPECT_EQ(schedule_times("Tuesday and Thursday, 6 to 9:30 p.m., and Saturday 8 a.m. to noon"),
            kDaytime | kEvening | kWeekend);  // a Saturday morning is daytime too
  EXPECT_EQ(schedule_times("Monday to Friday, 9 a.m. to 1 p.m."), kDaytime);
  EXPECT_EQ(schedule_times("Monday to Friday, 8:30 a.m. to 5 p.m."), kDaytime);
  EXPECT_EQ(schedule_times("Saturdays, 8 a.m. to 2 p.m."), kDaytime | kWeekend);
  EXPECT_EQ(schedule_times("Monday to Friday on the job; class every Wednesday evening"),
            kDaytime | kEvening);
  EXPECT_EQ(schedule_times("Five shifts a week, 3 to 11 p.m."), kDaytime | kEvening);
  EXPECT_EQ(schedule_times("Monday to Thursday, 3:30 to 6:30 p.m., after school"), kDaytime);
  EXPECT_EQ(schedule_times("Martes y jueves de 6 a 9 p.m."), kEvening);
  EXPECT_EQ(schedule_times("Clases por la noche y los fines de semana"), kEvening | kWeekend);
  EXPECT_EQ(schedule_times("20 hours a week for 10 weeks"), kDaytime);
  EXPECT_EQ(schedule_times("At your own pace"), 0);
  EXPECT_EQ(schedule_times(""), 0);
}

TEST(Normalize, ValuesInsideAtValueAreReadAFewLevelsDeep) {
  const auto parse = [](const std::string& s) { return nlohmann::json::parse(s); };
  EXPECT_EQ(to_text(parse(R"({"@value": "Miami"})")), "Miami");
  EXPECT_EQ(to_number(parse(R"({"@value": {"@value": "18.50"}})")), 18.5);
  EXPECT_EQ(to_text(parse(R"({"name": "Miami"})")), "");
  // A hostile feed's hundred thousand levels are no value, not a recursion that deep.
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += R"({"@value": )";
  deep += "\"x\"" + std::string(100000, '}');
  const nlohmann::json doc = parse(deep);
  EXPECT_EQ(to_text(doc), "");
  EXPECT_FALSE(to_number(doc).has_value());
}

}  // namespace
}  // namespace kiosk::feeds

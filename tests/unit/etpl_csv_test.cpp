#include "kiosk/feeds/etpl_csv.h"

#include <gtest/gtest.h>

#include "tests/unit/feed_test_support.h"

#include <fstream>
#include <iterator>
#include <optional>
#include <string>

#include "kiosk/feeds/html_text.h"

namespace kiosk::feeds {
namespace {

const std::string kSource = "https://example.org/etpl/fl.csv";

using kiosk::testing::read_realdata;

ParsedFeed parse_ok(std::string_view body) {
  ParseResult result = parse_etpl_csv(body, kSource);
  if (const auto* error = std::get_if<ParseError>(&result)) {
    ADD_FAILURE() << "unexpected ParseError: " << error->reason;
    return {};
  }
  return std::get<ParsedFeed>(std::move(result));
}

std::string parse_error(std::string_view body) {
  ParseResult result = parse_etpl_csv(body, kSource);
  if (const auto* error = std::get_if<ParseError>(&result)) return error->reason;
  ADD_FAILURE() << "expected a ParseError";
  return {};
}

TEST(EtplCsv, ColumnsAreFoundByNameInAnyOrder) {
  const ParsedFeed feed = parse_ok(
      "Provider Name,Program_Name,Total Cost,Duration (Weeks),Program ID,City,State,Zip,"
      "WIOA Eligible,Website,Format\n"
      "Miami Dade College,Medical Assistant,\"$3,200.00\",24,FL-1001,Miami,Florida,33132,Yes,"
      "https://www.mdc.edu/ma,In person\n");
  ASSERT_EQ(feed.programs.size(), 1u);
  const Program& p = feed.programs[0];
  EXPECT_EQ(p.id, "FL-1001");
  EXPECT_EQ(p.source, kSource);
  EXPECT_EQ(p.name.en, "Medical Assistant");
  EXPECT_EQ(p.provider, "Miami Dade College");
  EXPECT_EQ(p.type, ProgramType::Classroom);
  EXPECT_EQ(p.cost, 3200);
  EXPECT_EQ(p.duration_weeks, 24);
  EXPECT_TRUE(p.wioa_eligible);
  EXPECT_EQ(p.format, ProgramFormat::InPerson);
  EXPECT_EQ(p.url, "https://www.mdc.edu/ma");
  EXPECT_EQ(p.industry, Industry::Health);  // "Medical" in the name, no codes given
  ASSERT_EQ(p.locations.size(), 1u);
  EXPECT_EQ(p.locations[0].name, "Miami Dade College");
  EXPECT_EQ(p.locations[0].region, "FL");
  EXPECT_EQ(p.locations[0].postal_code, "33132");
  EXPECT_EQ(p.locations[0].country, "US");
}

TEST(EtplCsv, Rfc4180QuotingBomCrlfAndTrailingBlankLines) {
  const ParsedFeed feed = parse_ok(
      "\xEF\xBB\xBFprogramname,providername,description,prerequisites\r\n"
      "\"Welding, Level 1\",\"Joe's \"\"Best\"\" Trades\",\"Line one.\r\n\r\n- Safety\r\n- "
      "Tools\",None\r\n"
      "Plain,Provider,\"Quoted, with comma\",\r\n"
      "\r\n"
      ",,,\r\n"
      "\r\n");
  ASSERT_EQ(feed.programs.size(), 2u);
  EXPECT_TRUE(feed.warnings.empty());
  const Program& p = feed.programs[0];
  EXPECT_EQ(p.name.en, "Welding, Level 1");
  EXPECT_EQ(p.provider, "Joe's \"Best\" Trades");
  ASSERT_EQ(p.description.en.size(), 2u);
  EXPECT_EQ(p.description.en[0].lines[0], "Line one.");
  EXPECT_EQ(p.description.en[1].type, TextBlock::Type::Bullets);
  EXPECT_EQ(p.description.en[1].lines, (std::vector<std::string>{"Safety", "Tools"}));
  EXPECT_EQ(feed.programs[1].description.en[0].lines[0], "Quoted, with comma");
  EXPECT_EQ(feed.programs[1].id, "Provider/Plain");  // no id column
}

TEST(EtplCsv, FieldsQuotedTwiceAreUnwrapped) {
  // New Jersey's export: """text""" with inner quotes doubled twice, or a lone leading quote.
  const ParsedFeed feed = parse_ok(
      "officialname,name,prerequisites,description\n"
      "A,B,\"\"\"High school diploma, or GED\"\"\",\"\"\"A \"\"\"\"thinking\"\"\"\" "
      "curriculum.\"\"\"\n"
      "C,D,x,\"\"\"Cut short.\"\n");
  ASSERT_EQ(feed.programs.size(), 2u);
  EXPECT_EQ(feed.programs[0].prerequisites.en, "High school diploma, or GED");
  EXPECT_EQ(feed.programs[0].description.en[0].lines[0], "A \"thinking\" curriculum.");
  EXPECT_EQ(feed.programs[1].description.en[0].lines[0], "Cut short.");
}

TEST(EtplCsv, MissingColumnsAreAParseError) {
  EXPECT_NE(parse_error("provider,city\nAcme,Miami\n").find("program-name column"),
            std::string::npos);
  EXPECT_NE(parse_error("program name,city\nWelding,Miami\n").find("provider column"),
            std::string::npos);
  EXPECT_FALSE(parse_error("").empty());
  EXPECT_FALSE(parse_error("\xEF\xBB\xBF\r\n\r\n").empty());
  EXPECT_NE(parse_error("\xFF\xFEp\0r\0").find("UTF-16"), std::string::npos);
  EXPECT_FALSE(parse_error(std::string("PK\x03\x04\0\0binary", 12)).empty());
}

TEST(EtplCsv, RowsWithoutANameAreSkippedWithAWarning) {
  const ParsedFeed feed = parse_ok(
      "program name,provider\n"
      "Welding,Acme\n"
      ",Acme\n"
      "\"   \",Acme\n"
      "HVAC,Acme\n");
  ASSERT_EQ(feed.programs.size(), 2u);
  EXPECT_EQ(feed.programs[1].name.en, "HVAC");
  ASSERT_EQ(feed.warnings.size(), 2u);
  EXPECT_NE(feed.warnings[0].find("line 3"), std::string::npos);
  EXPECT_NE(feed.warnings[0].find("no program name"), std::string::npos);
}

TEST(EtplCsv, NewJerseyStyleColumns) {
  const ParsedFeed feed = parse_ok(
      "providerid,officialname,cipcode,tuition,fees,booksmaterialscost,totalclockhours,"
      "calendarlengthid,wiaeligible,credentialtype,industrycredentialname,name,street1,city,"
      "state,zip,website,speakspanish,otherlanguages,languages,eveningcourses,"
      "distancelearning,statusname,programid\n"
      "9,Electrical Apprenticeship,460302,1000,50,25.5,2000,,2,Journeyworker license,"
      "journeyworker license,IBEW Local,1 Main St,Newark,NJ,7102,www.ibew.org,1,1,Spanish,1,2,"
      "Approved,77\n"
      "9,Bookkeeping,520302,,,,160,5,1,,,Acme School,,Camden,NJ,8101,,2,2,,2,1,Approved,78\n"
      "9,Suspended One,520302,,,,,,1,,,Acme School,,,,,,,,,,,Suspend,79\n");
  ASSERT_EQ(feed.programs.size(), 2u);
  ASSERT_EQ(feed.warnings.size(), 1u);
  EXPECT_NE(feed.warnings[0].find("Suspend"), std::string::npos);

  const Program& a = feed.programs[0];
  EXPECT_EQ(a.id, "77");
  EXPECT_EQ(a.provider, "IBEW Local");  // NJ's provider column is just "name"
  EXPECT_EQ(a.type, ProgramType::Apprenticeship);
  EXPECT_TRUE(a.paid_while_learning);
  EXPECT_EQ(a.cost, 1075.5);        // no total column: the parts add up
  EXPECT_EQ(a.duration_weeks, 50);  // 2000 clock hours at 40 a week
  EXPECT_FALSE(a.wioa_eligible);    // NJ writes "2" for no
  EXPECT_EQ(a.credential.en, "Journeyworker license");
  EXPECT_EQ(a.language, "en,es");
  EXPECT_EQ(a.schedule.en, "Evening classes available");
  EXPECT_FALSE(a.schedule.es.empty());
  EXPECT_EQ(a.schedule_times, kEvening);  // from the evening column
  EXPECT_TRUE(a.no_degree);               // an apprenticeship
  EXPECT_EQ(a.format, ProgramFormat::InPerson);
  EXPECT_EQ(a.industry, Industry::Construction);  // CIP 46.0302, electricians
  EXPECT_EQ(a.cip_codes, (std::vector<std::string>{"46.0302"}));
  EXPECT_EQ(a.url, "https://www.ibew.org");
  ASSERT_EQ(a.locations.size(), 1u);
  EXPECT_EQ(a.locations[0].postal_code, "07102");

  const Program& b = feed.programs[1];
  EXPECT_EQ(b.type, ProgramType::Classroom);
  EXPECT_EQ(b.duration_weeks, 11);  // calendar length 5: four to eleven weeks
  EXPECT_TRUE(b.wioa_eligible);
  EXPECT_EQ(b.format, ProgramFormat::Online);
  EXPECT_EQ(b.industry, Industry::Professional);  // CIP 52, business
  EXPECT_EQ(b.language, "en");
  EXPECT_EQ(b.schedule_times, 0);
  EXPECT_FALSE(b.no_degree);  // classes: only when the feed says so
}

TEST(EtplCsv, OccupationCodesTypesAndFlags) {
  const ParsedFeed feed = parse_ok(
      "Program Title;Training Provider;SOC Code;Program Type;TAA Eligible;Duration;Start Date;"
      "Delivery Mode;Language\n"
      "CNA;Jackson;31-1131.00, 31-1132;On-the-job training;Y;6 months;2026-11-02;Hybrid;"
      "English/Espa\xC3\xB1ol\n"
      "Line Cook;Chef Co;351012;Pre-Apprenticeship;N;120 hours;3/1/2027;online;Haitian Creole\n");
  ASSERT_EQ(feed.programs.size(), 2u);
  const Program& a = feed.programs[0];
  EXPECT_EQ(a.occupation_code, "31-1131.00");
  EXPECT_EQ(a.occupation_codes, (std::vector<std::string>{"31-1131.00", "31-1132"}));
  EXPECT_EQ(a.industry, Industry::Health);
  EXPECT_EQ(a.type, ProgramType::Ojt);
  EXPECT_TRUE(a.paid_while_learning);
  EXPECT_TRUE(a.taa_eligible);
  EXPECT_EQ(a.duration_weeks, 26);
  EXPECT_EQ(a.start_date, 1793577600);
  EXPECT_EQ(a.format, ProgramFormat::Hybrid);
  EXPECT_EQ(a.language, "en,es");
  const Program& b = feed.programs[1];
  EXPECT_EQ(b.occupation_code, "35-1012");
  EXPECT_EQ(b.industry, Industry::Hospitality);
  EXPECT_EQ(b.type, ProgramType::PreApprenticeship);
  EXPECT_FALSE(b.taa_eligible);
  EXPECT_EQ(b.duration_weeks, 3);
  EXPECT_EQ(b.start_date, 1803859200);  // US date
  EXPECT_EQ(b.format, ProgramFormat::Online);
  EXPECT_EQ(b.language, "ht");
}

TEST(EtplCsv, ScheduleTimesFromTextAndColumns) {
  const ParsedFeed feed = parse_ok(
      "Program Name,Provider Name,Program Type,Class Schedule,Weekend Classes,Prerequisites\n"
      "Welding,Dade Tech,Apprenticeship,\"Monday to Friday, 7 a.m. to 3:30 p.m.\",Yes,"
      "Bachelor's degree in engineering\n"
      "Bookkeeping,Dade Tech,Classroom,\"Tuesday and Thursday, 6 to 9 p.m.\",No,None\n");
  ASSERT_EQ(feed.programs.size(), 2u);
  EXPECT_EQ(feed.programs[0].schedule_times, kDaytime | kWeekend);
  EXPECT_FALSE(feed.programs[0].no_degree);  // its prerequisites ask for a degree
  EXPECT_EQ(feed.programs[1].schedule_times, kEvening);
}

TEST(EtplCsv, HiddenCharactersAndWindows1252) {
  const ParsedFeed feed = parse_ok(
      "program,provider,description\n"
      "Ingl\xE9s \xE2\x80\xAE"
      "evil,Escuela\x01 Uno,<p>Hi<script>x()</script></p>\n");
  ASSERT_EQ(feed.programs.size(), 1u);
  // The bytes are not UTF-8 (\xE9 alone), so the whole file is read as Windows-1252.
  ASSERT_EQ(feed.warnings.size(), 1u);
  EXPECT_NE(feed.warnings[0].find("Windows-1252"), std::string::npos);
  EXPECT_EQ(feed.programs[0].name.en.substr(0, 7), "Ingl\xC3\xA9s");
  EXPECT_EQ(feed.programs[0].provider, "Escuela Uno");
  EXPECT_EQ(blocks_to_plain(feed.programs[0].description.en), "Hi");

  const ParsedFeed utf8 = parse_ok(
      "program,provider\nA \xE2\x80\xAE"
      "b,P\xE2\x80\x8Bq\n");
  ASSERT_EQ(utf8.programs.size(), 1u);
  EXPECT_TRUE(utf8.warnings.empty());
  EXPECT_EQ(utf8.programs[0].name.en, "A b");  // U+202E removed
  EXPECT_EQ(utf8.programs[0].provider, "Pq");  // U+200B removed
}

TEST(EtplCsv, UnterminatedQuoteKeepsTheRecordAndWarns) {
  const ParsedFeed feed = parse_ok("program,provider\nWelding,\"Acme\nHVAC,Acme\n");
  ASSERT_EQ(feed.programs.size(), 1u);
  EXPECT_EQ(feed.programs[0].provider, "Acme HVAC,Acme");
  ASSERT_EQ(feed.warnings.size(), 1u);
  EXPECT_NE(feed.warnings[0].find("quoted field"), std::string::npos);
}

TEST(EtplCsvRealData, NewJerseyTestExport) {
  const auto body = read_realdata("etpl/nj_d4ad_standardized_etpl_test.csv");
  if (!body) GTEST_SKIP() << "realdata not available";
  const ParsedFeed feed = parse_ok(*body);
  // Six rows: "Edible Leaves 101" (program suspended) and "Mushroom Foraging Certification"
  // (provider suspended) are skipped with a warning each.
  ASSERT_EQ(feed.programs.size(), 4u);
  ASSERT_EQ(feed.warnings.size(), 2u);
  EXPECT_NE(feed.warnings[0].find("Edible Leaves 101"), std::string::npos);
  EXPECT_NE(feed.warnings[1].find("Mushroom Foraging"), std::string::npos);

  const Program& p = feed.programs[0];
  EXPECT_EQ(p.id, "1");
  EXPECT_EQ(p.name.en, "Tree Identification Class");
  EXPECT_EQ(p.provider, "Vineland Public Schools Adult Education Program");
  EXPECT_EQ(p.cost, 3035);
  EXPECT_EQ(p.duration_weeks, 22);  // calendar length 6: three to five months
  EXPECT_TRUE(p.wioa_eligible);
  EXPECT_EQ(p.type, ProgramType::Classroom);
  EXPECT_EQ(p.url, "https://www.vineland.org/adulted");
  EXPECT_EQ(p.prerequisites.en, "High School Diploma/G.E.D. or Ability To Benefit");
  EXPECT_NE(p.credential.en.find("Associate Degree"), std::string::npos);
  EXPECT_EQ(p.schedule.en, "Evening classes available");
  ASSERT_EQ(p.locations.size(), 1u);
  EXPECT_EQ(p.locations[0].street, "48 W. Landis Ave.");
  EXPECT_EQ(p.locations[0].city, "Vineland");
  EXPECT_EQ(p.locations[0].region, "NJ");
  EXPECT_EQ(p.locations[0].postal_code, "08360");  // Excel dropped the leading zero

  EXPECT_EQ(feed.programs[3].name.en, "Program With No Description");
  for (const auto& program : feed.programs) {
    EXPECT_FALSE(program.description.en.empty()) << program.name.en;
    const std::string plain = blocks_to_plain(program.description.en);
    EXPECT_EQ(plain.find('<'), std::string::npos);
    EXPECT_EQ(plain.find("\"\""), std::string::npos);  // the doubled-twice quotes are undone
    EXPECT_NE(plain.find("\"thinking\""), std::string::npos);
  }
}

}  // namespace
}  // namespace kiosk::feeds

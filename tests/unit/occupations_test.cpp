#include "kiosk/model/occupations.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace kiosk::occupations {
namespace {

bool has(const std::vector<std::string>& codes, std::string_view code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

TEST(Occupations, CodeFormsAreNormalized) {
  EXPECT_EQ(onet_code("29-1141"), "29-1141");
  EXPECT_EQ(onet_code(" 29-1141.01 "), "29-1141.01");
  EXPECT_EQ(onet_code("291141"), "29-1141");
  EXPECT_EQ(onet_code("29114100"), "29-1141.00");
  EXPECT_EQ(onet_code("SOC 29-1141"), "29-1141");
  EXPECT_EQ(onet_code("29-11411"), "");
  EXPECT_EQ(onet_code("Registered Nurses"), "");
  EXPECT_EQ(soc_code("29-1141.00"), "29-1141");
  EXPECT_EQ(soc_code("29114100"), "29-1141");
  EXPECT_EQ(soc_code(""), "");

  EXPECT_EQ(cip_code("51.3801"), "51.3801");
  EXPECT_EQ(cip_code("513801"), "51.3801");
  EXPECT_EQ(cip_code("5.0201"), "05.0201");
  EXPECT_EQ(cip_code("51.39"), "51.3900");
  EXPECT_EQ(cip_code("00.0000"), "");
  EXPECT_EQ(cip_code("51.38011"), "");
  EXPECT_EQ(cip_code("nursing"), "");

  EXPECT_EQ(onet_codes_in("31-1131.00, 31-1132;31-1131.00 | junk 311133"),
            (std::vector<std::string>{"31-1131.00", "31-1132", "31-1133"}));
  EXPECT_EQ(cip_codes_in("51.3801; 51.3901/513801"),
            (std::vector<std::string>{"51.3801", "51.3901"}));
  EXPECT_EQ(onet_codes_in("11-1011 11-1021 11-2011", 2).size(), 2u);
}

TEST(Occupations, CrosswalkAnswersBothWays) {
  const Crosswalk c = Crosswalk::parse(
      "# comment\n51.3801\t29-1141\n51.3801\t25-1072\r\n513802\t29-1141.00\n\nbad line\n"
      "51.3801\t29-1141\nxx\tyy\n");
  EXPECT_EQ(c.size(), 3u);  // the repeat and the bad lines are dropped
  EXPECT_EQ(c.socs_for_cip("51.3801"), (std::vector<std::string>{"25-1072", "29-1141"}));
  EXPECT_EQ(c.socs_for_cip("513801"), (std::vector<std::string>{"25-1072", "29-1141"}));
  EXPECT_EQ(c.cips_for_soc("29-1141.00"), (std::vector<std::string>{"51.3801", "51.3802"}));
  EXPECT_TRUE(c.socs_for_cip("01.0000").empty());
  EXPECT_TRUE(c.cips_for_soc("not a code").empty());

  std::string why;
  EXPECT_TRUE(Crosswalk::load("/nonexistent/soc_cip.tsv", &why).empty());
  EXPECT_NE(why.find("cannot read"), std::string::npos);
}

TEST(Occupations, TheShippedCrosswalkLoadsWithKnownPairs) {
  const Crosswalk& shipped = shipped_crosswalk();
  ASSERT_FALSE(shipped.empty()) << shipped_crosswalk_file();
  EXPECT_GT(shipped.size(), 5000u);
  EXPECT_TRUE(has(shipped.socs_for_cip("51.3801"), "29-1141"));     // registered nursing
  EXPECT_TRUE(has(shipped.cips_for_soc("29-1141.00"), "51.3801"));  // and back, from O*NET
  EXPECT_TRUE(has(shipped.socs_for_cip("51.3902"), "31-1131"));     // nursing assistants
  EXPECT_TRUE(has(shipped.socs_for_cip("47.0201"), "49-9021"));     // HVAC
  EXPECT_TRUE(shipped.socs_for_cip("99.9999").empty());             // "no match" rows left out
  EXPECT_EQ(&shipped, &shipped_crosswalk());                        // read once
}

TEST(Occupations, ProgramSocsJoinOwnCodesAndTheCrosswalk) {
  const Crosswalk c = Crosswalk::parse("51.3801\t29-1141\n51.3801\t25-1072\n51.3902\t31-1131\n");
  Program p;
  p.occupation_code = "29-2061.00";
  p.occupation_codes = {"29-2061.00", "29-1141.00"};
  p.cip_codes = {"51.3801", "51.3902"};
  // 25-1072 (nursing instructors, college teachers) is left out: not where graduates go.
  EXPECT_EQ(program_socs(p, c), (std::vector<std::string>{"29-2061", "29-1141", "31-1131"}));
  EXPECT_EQ(program_socs(p, c, 2).size(), 2u);
  EXPECT_TRUE(program_socs(Program{}, c).empty());
}

}  // namespace
}  // namespace kiosk::occupations

#include "kiosk/input/scenario.h"

#include <filesystem>

#include <gtest/gtest.h>

namespace kiosk {
namespace {

using Verb = ScenarioStep::Verb;

TEST(Scenario, ParsesEveryVerb) {
  const auto r = parse_scenario(
      "# comment\n"
      "tap home.jobs\n"
      "type \"enfermera Ñ\"\n"
      "key backspace\n"
      "drag jobs.list 0 -400.5\n"
      "wait 250\n"
      "advance 90\n"
      "expect \"12 jobs\"  # trailing comment\n"
      "expect-not \"Error\"\n"
      "expect-id jobs.result.0\n"
      "expect-not-id session.warning\n"
      "lang es\n"
      "shot home_es\n"
      "hold header.name 5.5\n",
      "all.scenario");
  ASSERT_TRUE(r.scenario) << r.error;
  const auto& s = r.scenario->steps;
  ASSERT_EQ(s.size(), 13u);
  EXPECT_EQ(s[0].verb, Verb::Tap);
  EXPECT_EQ(s[0].line, 2);
  EXPECT_EQ(s[1].arg, "enfermera Ñ");
  EXPECT_EQ(s[3].verb, Verb::Drag);
  EXPECT_FLOAT_EQ(s[3].dy, -400.5f);
  EXPECT_DOUBLE_EQ(s[4].number, 250);
  EXPECT_DOUBLE_EQ(s[5].number, 90);
  EXPECT_EQ(s[6].arg, "12 jobs");
  EXPECT_EQ(s[8].verb, Verb::ExpectId);
  EXPECT_EQ(s[10].arg, "es");
  EXPECT_EQ(s[11].verb, Verb::Shot);
  EXPECT_EQ(s[12].verb, Verb::Hold);
  EXPECT_EQ(s[12].arg, "header.name");
  EXPECT_DOUBLE_EQ(s[12].number, 5.5);
  EXPECT_EQ(verb_name(Verb::Hold), "hold");
}

TEST(Scenario, HoldNeedsAnIdAndSensibleSeconds) {
  EXPECT_EQ(parse_scenario("hold header.name\n", "x").error,
            "x:1: 'hold' takes 2 arguments, got 1");
  for (const char* bad : {"hold a 0\n", "hold a -1\n", "hold a 61\n", "hold a soon\n",
                          "hold \"\" 5\n", "hold a nan\n"}) {
    EXPECT_NE(parse_scenario(bad, "x").error.find("'hold' needs an id and the seconds"),
              std::string::npos)
        << bad;
  }
  EXPECT_TRUE(parse_scenario("hold a 60\nhold a 0.2\n", "x").scenario);
}

TEST(Scenario, SpeechModeVerbs) {
  const auto r = parse_scenario(
      "headphones\n"
      "press next\n"
      "press screen_off\n"
      "expect-said \"Part-time, filter\"\n",
      "x");
  ASSERT_TRUE(r.scenario) << r.error;
  const auto& s = r.scenario->steps;
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].verb, Verb::Headphones);
  EXPECT_TRUE(s[0].arg.empty());
  EXPECT_EQ(s[1].verb, Verb::Press);
  EXPECT_EQ(s[1].arg, "next");
  EXPECT_EQ(s[2].arg, "screen_off");
  EXPECT_EQ(s[3].verb, Verb::ExpectSaid);
  EXPECT_EQ(s[3].arg, "Part-time, filter");
  EXPECT_EQ(verb_name(Verb::ExpectSaid), "expect-said");
  EXPECT_EQ(verb_name(Verb::Press), "press");
  EXPECT_EQ(verb_name(Verb::Headphones), "headphones");
}

TEST(Scenario, SpeechModeVerbErrors) {
  // An unknown key lists the logical keys, all of them.
  const auto error = parse_scenario("press up\n", "x").error;
  EXPECT_EQ(error.rfind("x:1: 'press' takes a keypad key, one of: next previous ", 0), 0u) << error;
  for (const char* key :
       {"next_group", "previous_group", "activate", "back", "home", "repeat", "stop", "help",
        "volume_up", "volume_down", "slower", "faster", "language", "screen_off"}) {
    EXPECT_NE(error.find(std::string(" ") + key), std::string::npos) << key;
    EXPECT_TRUE(parse_scenario(std::string("press ") + key + "\n", "x").scenario) << key;
  }
  EXPECT_NE(error.find("got 'up'"), std::string::npos);
  EXPECT_EQ(parse_scenario("press\n", "x").error, "x:1: 'press' takes 1 argument, got 0");
  EXPECT_EQ(parse_scenario("headphones on\n", "x").error,
            "x:1: 'headphones' takes 0 arguments, got 1");
  EXPECT_NE(parse_scenario("expect-said \"\"\n", "x").error.find("non-empty"), std::string::npos);
}

TEST(Scenario, SoakVerbs) {
  const auto r = parse_scenario(
      "monkey 500 42\nmonkey 1 18446744073709551615\nexpect-all-screens\n", "soak.scenario");
  ASSERT_TRUE(r.scenario) << r.error;
  const auto& s = r.scenario->steps;
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].verb, Verb::Monkey);
  EXPECT_DOUBLE_EQ(s[0].number, 500);
  EXPECT_EQ(s[0].seed, 42u);
  EXPECT_EQ(s[1].seed, 18446744073709551615u);
  EXPECT_EQ(s[2].verb, Verb::ExpectAllScreens);
  EXPECT_EQ(verb_name(Verb::Monkey), "monkey");
  EXPECT_EQ(verb_name(Verb::ExpectAllScreens), "expect-all-screens");
  for (const char* bad :
       {"monkey 0 1\n", "monkey -3 1\n", "monkey 1.5 1\n", "monkey 2000000 1\n", "monkey 10 -1\n",
        "monkey 10 x\n", "monkey 10 18446744073709551616\n", "monkey many 1\n"}) {
    EXPECT_NE(parse_scenario(bad, "x").error.find("'monkey' needs how many actions"),
              std::string::npos)
        << bad;
  }
  EXPECT_EQ(parse_scenario("monkey 10\n", "x").error, "x:1: 'monkey' takes 2 arguments, got 1");
  EXPECT_EQ(parse_scenario("expect-all-screens now\n", "x").error,
            "x:1: 'expect-all-screens' takes 0 arguments, got 1");
}

TEST(Scenario, QuotesAndEscapes) {
  std::string error;
  const auto words = split_scenario_line(R"(expect "say \"hi\" \\ # not a comment")", &error);
  ASSERT_TRUE(words);
  ASSERT_EQ(words->size(), 2u);
  EXPECT_EQ((*words)[1], R"(say "hi" \ # not a comment)");
  EXPECT_FALSE(split_scenario_line("expect \"open", &error));
  EXPECT_EQ(error, "unterminated double quote");
}

TEST(Scenario, ErrorsNameTheFileAndLine) {
  EXPECT_EQ(parse_scenario("tap a\nfly away\n", "x.scenario").error,
            "x.scenario:2: unknown action 'fly'");
  EXPECT_EQ(parse_scenario("tap\n", "x.scenario").error,
            "x.scenario:1: 'tap' takes 1 argument, got 0");
  EXPECT_EQ(parse_scenario("drag a 1\n", "x").error, "x:1: 'drag' takes 3 arguments, got 2");
  EXPECT_NE(parse_scenario("wait soon\n", "x").error.find("needs a number"), std::string::npos);
  EXPECT_NE(parse_scenario("wait -5\n", "x").error.find("needs a number"), std::string::npos);
  EXPECT_NE(parse_scenario("lang fr\n", "x").error.find("en or es"), std::string::npos);
  EXPECT_NE(parse_scenario("shot ../etc/passwd\n", "x").error.find("file name"), std::string::npos);
  EXPECT_NE(parse_scenario("expect \"\"\n", "x").error.find("non-empty"), std::string::npos);
}

TEST(Scenario, EmptyAndCommentOnlyFilesHaveNoSteps) {
  const auto r = parse_scenario("\n# nothing\n   \n", "x");
  ASSERT_TRUE(r.scenario);
  EXPECT_TRUE(r.scenario->steps.empty());
}

TEST(Scenario, CrLfLineEndings) {
  const auto r = parse_scenario("tap a\r\nexpect \"b\"\r\n", "x");
  ASSERT_TRUE(r.scenario) << r.error;
  EXPECT_EQ(r.scenario->steps[0].arg, "a");
  EXPECT_EQ(r.scenario->steps[1].arg, "b");
}

TEST(Scenario, ProjectScenariosParse) {
  const auto dir = std::filesystem::path(KIOSK_SOURCE_DIR) / "tests" / "e2e";
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".scenario") continue;
    const auto r = load_scenario(entry.path().string());
    EXPECT_TRUE(r.scenario) << r.error;
    ++count;
  }
  EXPECT_GE(count, 3);
}

}  // namespace
}  // namespace kiosk

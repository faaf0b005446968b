#include "kiosk/cli/cli.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace kiosk {
namespace {

TEST(Cli, RunWithEveryOption) {
  const auto p =
      parse_options({"--config", "k.toml", "--data-dir", "/tmp/d", "--lang", "es", "--windowed",
                     "1280x800", "--script", "s.scenario", "--screenshot-dir", "shots"});
  ASSERT_TRUE(p.options) << p.error;
  EXPECT_EQ(p.options->command, Options::Command::Run);
  EXPECT_EQ(p.options->config->string(), "k.toml");
  EXPECT_EQ(p.options->language, Language::Es);
  EXPECT_EQ(p.options->windowed, (std::pair{1280, 800}));
  EXPECT_EQ(*p.options->script, "s.scenario");
}

TEST(Cli, CheckConfigSubcommand) {
  const auto p = parse_options({"check-config", "--config", "x.toml", "--json"});
  ASSERT_TRUE(p.options);
  EXPECT_EQ(p.options->command, Options::Command::CheckConfig);
  EXPECT_TRUE(p.options->json);
}

TEST(Cli, BadUsageIsExplained) {
  EXPECT_EQ(parse_options({"--lang", "fr"}).error, "--lang takes en or es");
  EXPECT_NE(parse_options({"--windowed", "big"}).error.find("1920x1080"), std::string::npos);
  EXPECT_NE(parse_options({"--windowed", "10x10"}).error.find("320x240"), std::string::npos);
  EXPECT_NE(parse_options({"--config"}).error.find("needs a file"), std::string::npos);
  EXPECT_NE(parse_options({"--frobnicate"}).error.find("unknown option"), std::string::npos);
  EXPECT_NE(parse_options({"launch"}).error.find("unknown command"), std::string::npos);
  EXPECT_FALSE(parse_options({"check-config", "--script", "x"}).options);
}

TEST(Cli, SpeakSubcommand) {
  const auto p = parse_options({"speak", "--lang", "es", "--out", "/tmp/x.wav", "Hola", "Miami"});
  ASSERT_TRUE(p.options) << p.error;
  EXPECT_EQ(p.options->command, Options::Command::Speak);
  EXPECT_EQ(p.options->language, Language::Es);
  EXPECT_EQ(p.options->out->string(), "/tmp/x.wav");
  EXPECT_EQ(p.options->text, "Hola Miami");
  EXPECT_FALSE(p.options->json);

  const auto dashes = parse_options({"speak", "--json", "--out", "o.wav", "--", "-5", "--lang"});
  ASSERT_TRUE(dashes.options) << dashes.error;
  EXPECT_TRUE(dashes.options->json);
  EXPECT_FALSE(dashes.options->language);  // English unless told
  EXPECT_EQ(dashes.options->text, "-5 --lang");
}

TEST(Cli, SpeakBadUsage) {
  EXPECT_EQ(parse_options({"speak", "Hello"}).error, "speak needs --out FILE.wav");
  EXPECT_EQ(parse_options({"speak", "--out", "o.wav"}).error, "speak needs the text to say");
  EXPECT_EQ(parse_options({"speak", "--out", "o.wav", " "}).error, "speak needs the text to say");
  EXPECT_EQ(parse_options({"speak", "--lang", "fr", "--out", "o.wav", "Hi"}).error,
            "--lang takes en or es");
  EXPECT_EQ(parse_options({"speak", "--lang", "qps", "--out", "o.wav", "Hi"}).error,
            "--lang takes en or es");
  EXPECT_EQ(parse_options({"speak", "Hi", "--out"}).error, "--out needs a file");
  EXPECT_FALSE(parse_options({"speak", "--out", "o.wav", "--windowed", "800x600", "Hi"}).options);
  EXPECT_EQ(parse_options({"search", "--out", "o.wav", "nurse"}).error,
            "--out goes with the speak, keygen and provision commands");
  EXPECT_NE(usage_text().find("speak [--lang en|es] --out FILE.wav"), std::string::npos);
}

TEST(Cli, HelpListsEveryFilterFromTheTables) {
  const std::string help = usage_text();
  for (const char* filter :
       {"type=full_time|part_time|temporary|internship|contract", "workplace=onsite|remote|hybrid",
        "min_pay=USD_PER_HOUR", "posted_days=N", "cost=free|under_1000",
        "length=under_3_months|3_to_12_months|over_12_months", "schedule=daytime|evening|weekend",
        "format=in_person|online|hybrid", "spanish=true", "paid=true", "max_cost=USD",
        "program_type=apprenticeship|pre_apprenticeship|internship|ojt|classroom"}) {
    EXPECT_NE(help.find(filter), std::string::npos) << filter;
  }
}

TEST(Cli, SpeakWritesAWav) {
  Options options;
  options.command = Options::Command::Speak;
  options.out = std::filesystem::temp_directory_path() / "cli_test_speak.wav";
  options.text = "Hello";
  testing::internal::CaptureStdout();
  testing::internal::CaptureStderr();
  const int rc = run_speak(options);
  const std::string out = testing::internal::GetCapturedStdout();
  const std::string err = testing::internal::GetCapturedStderr();
  if (rc == 1 && err.find("espeak-ng") != std::string::npos) GTEST_SKIP() << err;
  ASSERT_EQ(rc, 0) << err;
  EXPECT_NE(out.find("s of speech (en-us voice, "), std::string::npos) << out;
  EXPECT_GT(std::filesystem::file_size(*options.out), 44u);
  std::filesystem::remove(*options.out);

  options.out = "/nonexistent-dir/x.wav";
  testing::internal::CaptureStderr();
  EXPECT_EQ(run_speak(options), 1);
  EXPECT_NE(testing::internal::GetCapturedStderr().find("cannot write /nonexistent-dir/x.wav"),
            std::string::npos);
}

TEST(Cli, CheckConfigExitCodes) {
  Options good;
  good.command = Options::Command::CheckConfig;
  good.config = std::string(KIOSK_SOURCE_DIR) + "/config/kiosk.toml";
  EXPECT_EQ(run_check_config(good), 0);
  Options bad = good;
  bad.config = std::string(KIOSK_SOURCE_DIR) + "/tests/e2e/bad_config.toml";
  EXPECT_EQ(run_check_config(bad), 1);
}

}  // namespace
}  // namespace kiosk

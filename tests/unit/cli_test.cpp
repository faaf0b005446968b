#include "kiosk/cli.h"

#include <gtest/gtest.h>

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

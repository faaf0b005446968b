// `workforce-kiosk pin-hash`: parsed as the contract says; a PIN in, a hash that verifies out.
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kiosk/cli/cli.h"
#include "kiosk/config/config.h"
#include "kiosk/staff/pin.h"

namespace kiosk {
namespace {

struct CliRun {
  int rc = 0;
  std::string out;
  std::string err;
};

CliRun pin_hash(const std::vector<std::string>& args, const std::string& input) {
  const auto parsed = parse_options(args);
  EXPECT_TRUE(parsed.options) << parsed.error;
  std::istringstream in(input);
  ::testing::internal::CaptureStdout();
  ::testing::internal::CaptureStderr();
  CliRun r;
  r.rc = run_pin_hash(*parsed.options, in);
  r.out = ::testing::internal::GetCapturedStdout();
  r.err = ::testing::internal::GetCapturedStderr();
  return r;
}

TEST(StaffCli, ParsesPinHash) {
  auto p = parse_options({"pin-hash"});
  ASSERT_TRUE(p.options) << p.error;
  EXPECT_EQ(p.options->command, Options::Command::PinHash);
  EXPECT_FALSE(p.options->json);
  p = parse_options({"pin-hash", "--json"});
  ASSERT_TRUE(p.options) << p.error;
  EXPECT_TRUE(p.options->json);
  EXPECT_EQ(parse_options({"pin-hash", "--data-dir", "d"}).error,
            "pin-hash takes only --json (and the PIN on standard input)");
  EXPECT_EQ(parse_options({"pin-hash", "1234"}).error, "unknown option '1234' (see --help)");
  EXPECT_NE(usage_text().find("pin-hash [--json]"), std::string::npos);
}

TEST(StaffCli, PrintsAHashThatVerifiesAndThatConfigTakes) {
  const CliRun text = pin_hash({"pin-hash"}, "13579\n");
  ASSERT_EQ(text.rc, 0) << text.err;
  EXPECT_TRUE(text.err.empty());
  ASSERT_TRUE(text.out.ends_with("\n"));
  const std::string hash = text.out.substr(0, text.out.size() - 1);
  EXPECT_TRUE(staff::verify_pin(hash, "13579"));
  EXPECT_EQ(hash.find("13579"), std::string::npos);
  const auto config = parse_config("[staff]\npin_hash = \"" + hash + "\"\n", "site.toml");
  ASSERT_TRUE(config.errors.empty()) << config.errors.front().to_string();

  const CliRun json = pin_hash({"pin-hash", "--json"}, "2468\r\n");  // a Windows line end too
  ASSERT_EQ(json.rc, 0) << json.err;
  const auto out = nlohmann::json::parse(json.out);
  ASSERT_TRUE(out.contains("pin_hash"));
  EXPECT_EQ(out.size(), 1u);
  EXPECT_TRUE(staff::verify_pin(out["pin_hash"].get<std::string>(), "2468"));
}

TEST(StaffCli, AnythingButFourToEightDigitsIsBadUsage) {
  for (const std::string input :
       {"", "\n", "123\n", "123456789\n", "12a4\n", " 1234\n", "1234 \n", "12345678901234567890"}) {
    const CliRun r = pin_hash({"pin-hash"}, input);
    EXPECT_EQ(r.rc, 2) << input;
    EXPECT_TRUE(r.out.empty());
    EXPECT_EQ(r.err,
              "workforce-kiosk: pin-hash reads one line of 4 to 8 digits (0-9) on standard "
              "input\n");
  }
  EXPECT_EQ(pin_hash({"pin-hash"}, "12345678").rc, 0);  // no line end at all
}

}  // namespace
}  // namespace kiosk

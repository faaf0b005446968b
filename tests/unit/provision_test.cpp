// `workforce-kiosk provision`: a site's configuration from the repository's default one, its
// comments kept, checked before it is written.
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "kiosk/cli/cli.h"
#include "kiosk/config/config.h"
#include "kiosk/staff/pin.h"
#include "tests/unit/temp_dir.h"

namespace kiosk {
namespace {

using kiosk::testing::TempDir;

struct CliRun {
  int rc = 0;
  std::string out, err;
};

CliRun provision(std::vector<std::string> args, const std::string& input) {
  args.insert(args.begin(), "provision");
  args.push_back("--config");
  args.push_back(std::string(KIOSK_SOURCE_DIR) + "/config/kiosk.toml");
  const auto parsed = parse_options(args);
  EXPECT_TRUE(parsed.options) << parsed.error;
  if (!parsed.options) return {2, {}, parsed.error};
  std::istringstream in(input);
  ::testing::internal::CaptureStdout();
  ::testing::internal::CaptureStderr();
  CliRun r;
  r.rc = run_provision(*parsed.options, in);
  r.out = ::testing::internal::GetCapturedStdout();
  r.err = ::testing::internal::GetCapturedStderr();
  return r;
}

TEST(Provision, NeedsIdAndLocation) {
  EXPECT_FALSE(parse_options({"provision", "--id", "a"}).options);
  EXPECT_FALSE(parse_options({"provision", "--location", "b"}).options);
  EXPECT_FALSE(
      parse_options({"provision", "--id", "a", "--location", "b", "--script", "x"}).options);
  EXPECT_FALSE(parse_options({"check-config", "--id", "a"}).options);  // provision's own
}

TEST(Provision, WritesACheckedSiteConfigurationKeepingTheComments) {
  TempDir dir;
  const auto out = dir.path() / "kiosk.toml";
  const CliRun r =
      provision({"--id", "mdc-kendall-02", "--location", "Kendall Branch \"West\"", "--lang", "es",
                 "--intake-keys", (dir.path() / "keys").string(), "--out", out.string()},
                "4821\n");
  ASSERT_EQ(r.rc, 0) << r.err;
  const ConfigResult loaded = load_config(out);
  ASSERT_TRUE(loaded.config) << (loaded.errors.empty() ? "" : loaded.errors[0].to_string());
  const Config& c = *loaded.config;
  EXPECT_EQ(c.kiosk.id, "mdc-kendall-02");
  EXPECT_EQ(c.kiosk.location, "Kendall Branch \"West\"");
  EXPECT_EQ(c.kiosk.default_language, Language::Es);
  EXPECT_TRUE(staff::verify_pin(c.staff.pin_hash, "4821"));
  EXPECT_FALSE(c.signup.public_key.empty());
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "keys" / "intake.key"));
  std::ifstream in(out);
  const std::string text((std::istreambuf_iterator<char>(in)), {});
  EXPECT_NE(text.find("# Staff open their panel by holding"), std::string::npos);  // comments kept
  EXPECT_EQ(text.find("4821"), std::string::npos);                                 // hash only
  struct stat st {};
  ASSERT_EQ(::stat(out.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
  // Again over it: the key pair already there is used, the mode kept.
  ::chmod(out.c_str(), 0600);
  const std::string key = c.signup.public_key;
  ASSERT_EQ(provision({"--id", "mdc-kendall-02", "--location", "Kendall", "--intake-keys",
                       (dir.path() / "keys").string(), "--out", out.string()},
                      "")
                .rc,
            0);
  const ConfigResult again = load_config(out);
  ASSERT_TRUE(again.config);
  EXPECT_EQ(again.config->signup.public_key, key);
  EXPECT_TRUE(again.config->staff.pin_hash.empty());  // no PIN typed: no staff entry
  ASSERT_EQ(::stat(out.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST(Provision, RefusesWhatWouldNotLoadAndWritesNothing) {
  TempDir dir;
  const auto out = dir.path() / "kiosk.toml";
  CliRun r = provision({"--id", "bad id!", "--location", "x", "--out", out.string()}, "");
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("[kiosk] id"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out));
  r = provision({"--id", "ok", "--location", "x", "--out", out.string()}, "12ab\n");
  EXPECT_EQ(r.rc, 1);
  EXPECT_EQ(r.err.find("12ab"), std::string::npos);  // the PIN is never repeated
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(Provision, PrintsToStandardOutputWithoutOut) {
  const CliRun r = provision({"--id", "mdc-main-09", "--location", "Main"}, "2468\n");
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("id = \"mdc-main-09\""), std::string::npos);
  EXPECT_NE(r.out.find("pin_hash = \"$argon2id$"), std::string::npos);
  EXPECT_TRUE(parse_config(r.out, "stdout").config);
}

}  // namespace
}  // namespace kiosk

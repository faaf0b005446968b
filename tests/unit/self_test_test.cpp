// `workforce-kiosk self-test`'s checks, one by one, and the command line that runs them.
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kiosk/cli/cli.h"
#include "kiosk/config/config.h"
#include "kiosk/fleet/self_test.h"
#include "kiosk/store/sqlite.h"
#include "tests/unit/temp_dir.h"

namespace kiosk::fleet {
namespace {

namespace fs = std::filesystem;

using kiosk::testing::TempDir;

constexpr std::int64_t kDec7_2026 = 1'796'601'600;  // 2026-12-07T00:00:00Z

TEST(SelfTest, ClockIsSaneFromTheBuildYearOn) {
  EXPECT_EQ(check_clock(kDec7_2026, 2026).status, CheckStatus::Ok);
  EXPECT_EQ(check_clock(kDec7_2026, 2026).detail, "2026-12-07T00:00:00Z");
  EXPECT_EQ(check_clock(0, 2026).status, CheckStatus::Failed);  // 1970: no NTP yet
  EXPECT_EQ(check_clock(kDec7_2026, 2027).status, CheckStatus::Failed);
  EXPECT_EQ(check_clock(kDec7_2026 + std::int64_t{40} * 366 * 86400, 2026).status,
            CheckStatus::Failed);
  EXPECT_GE(build_year(), 2024);
}

TEST(SelfTest, WatchdogIsSkippedOutsideSystemd) {
  EXPECT_EQ(check_watchdog(nullptr).status, CheckStatus::Skipped);
  EXPECT_EQ(check_watchdog(nullptr).detail, "not run by systemd");
  EXPECT_EQ(check_watchdog("20000000").status, CheckStatus::Ok);
  EXPECT_EQ(check_watchdog("soon").status, CheckStatus::Failed);
}

TEST(SelfTest, CatalogsLoadOrFail) {
  EXPECT_EQ(check_catalogs(fs::path(KIOSK_SOURCE_DIR) / "locales").status, CheckStatus::Ok);
  const TempDir dir;
  EXPECT_EQ(check_catalogs(dir.path()).status, CheckStatus::Failed);  // none there
  fs::copy_file(fs::path(KIOSK_SOURCE_DIR) / "locales" / "en.json", dir.path() / "en.json");
  std::ofstream(dir.path() / "es.json") << "{\"home.title\": ";  // cut short
  const CheckResult broken = check_catalogs(dir.path());
  EXPECT_EQ(broken.status, CheckStatus::Failed);
  EXPECT_NE(broken.detail, "");
}

TEST(SelfTest, DatabasesAreQuickChecked) {
  const TempDir dir;
  EXPECT_EQ(check_databases(dir.path()).status, CheckStatus::Skipped);  // no cache yet
  {
    sql::Database db(dir.path() / "outbox.sqlite", sql::Database::Mode::ReadWrite);
    db.exec("CREATE TABLE t(x); INSERT INTO t VALUES (1);");
  }
  EXPECT_EQ(check_databases(dir.path()).status, CheckStatus::Ok);
  std::ofstream(dir.path() / "listings.sqlite3", std::ios::binary) << std::string(8192, 'x');
  const CheckResult bad = check_databases(dir.path());
  EXPECT_EQ(bad.status, CheckStatus::Failed);
  EXPECT_NE(bad.detail.find("cache"), std::string::npos) << bad.detail;
}

TEST(SelfTest, DiskNeedsItsMinimum) {
  const TempDir dir;
  EXPECT_EQ(check_disk(dir.path(), 1).status, CheckStatus::Ok);
  EXPECT_EQ(check_disk(dir.path() / "not" / "yet", 1).status, CheckStatus::Ok);  // its parent's
  EXPECT_EQ(check_disk(dir.path(), ~std::uint64_t{0}).status, CheckStatus::Failed);
}

TEST(SelfTest, FeedsAndIntakeAreReachedOrFail) {
  const TempDir dir;
  std::ofstream(dir.path() / "jobs.json") << "[]";
  const auto parsed = parse_config(
      "[feeds]\njobs = [\"file://" + (dir.path() / "jobs.json").string() + "\", \"file://" +
          (dir.path() / "gone.json").string() + "\", \"http://127.0.0.1:1/feed.json\"]\n",
      "t.toml");
  ASSERT_TRUE(parsed.config) << parsed.errors[0].to_string();
  const auto results = check_feeds(*parsed.config, std::chrono::milliseconds(2000));
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0].check, "feed jobs jobs.json");
  EXPECT_EQ(results[0].status, CheckStatus::Ok);
  EXPECT_EQ(results[1].status, CheckStatus::Failed);
  EXPECT_EQ(results[2].check, "feed jobs 127.0.0.1");
  EXPECT_EQ(results[2].status, CheckStatus::Failed);  // nothing listens on port 1
  EXPECT_EQ(check_intake(*parsed.config).status, CheckStatus::Skipped);
  const auto intake = parse_config("[signup]\nendpoint = \"http://127.0.0.1:1/intake\"\n", "t");
  ASSERT_TRUE(intake.config);
  EXPECT_EQ(check_intake(*intake.config, std::chrono::milliseconds(2000)).status,
            CheckStatus::Failed);
  const auto none = parse_config("", "t");
  ASSERT_TRUE(none.config);
  // The bundled configuration lists the sample feeds; an empty [feeds] would skip.
  Config empty = *none.config;
  empty.feeds = {};
  EXPECT_EQ(check_feeds(empty).at(0).status, CheckStatus::Skipped);
}

TEST(SelfTest, PrintsOneLineEachAndJson) {
  const std::vector<CheckResult> results = {{"display", CheckStatus::Skipped, "no display"},
                                            {"catalogs", CheckStatus::Ok, "en and es loaded"},
                                            {"disk", CheckStatus::Failed, "5 MB free"}};
  EXPECT_EQ(
      format_results(results),
      "skipped display: no display\nok      catalogs: en and es loaded\nfailed  disk: 5 MB free\n");
  const auto json = nlohmann::json::parse(format_results_json(results));
  ASSERT_TRUE(json.is_array());
  EXPECT_EQ(json[0]["check"], "display");
  EXPECT_EQ(json[0]["status"], "skipped");
  EXPECT_EQ(json[2]["status"], "failed");
  EXPECT_EQ(json[2]["detail"], "5 MB free");
  EXPECT_TRUE(any_failed(results));
  EXPECT_FALSE(any_failed({results[0], results[1]}));
}

TEST(SelfTest, CommandLine) {
  const auto parsed =
      parse_options({"self-test", "--json", "--config", "a.toml", "--data-dir", "d"});
  ASSERT_TRUE(parsed.options) << parsed.error;
  EXPECT_EQ(parsed.options->command, Options::Command::SelfTest);
  EXPECT_TRUE(parsed.options->json);
  EXPECT_EQ(parsed.options->data_dir, fs::path("d"));
  EXPECT_FALSE(parse_options({"self-test", "--windowed", "800x600"}).options);
  EXPECT_NE(usage_text().find("self-test"), std::string::npos);
}

}  // namespace
}  // namespace kiosk::fleet

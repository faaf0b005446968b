// `workforce-kiosk stats`: parsed as the contract says, and printing what the counter wrote.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kiosk/cli/cli.h"
#include "kiosk/i18n/time_zone.h"
#include "kiosk/stats/usage.h"
#include "tests/unit/temp_dir.h"

namespace kiosk {
namespace {

using kiosk::testing::TempDir;

struct CliRun {
  int rc = 0;
  std::string out;
  std::string err;
};

CliRun run(const std::vector<std::string>& args) {
  const ParsedOptions p = parse_options(args);
  EXPECT_TRUE(p.options) << p.error;
  if (!p.options) return {2, "", p.error};
  ::testing::internal::CaptureStdout();
  ::testing::internal::CaptureStderr();
  CliRun r;
  r.rc = run_stats(*p.options);
  r.out = ::testing::internal::GetCapturedStdout();
  r.err = ::testing::internal::GetCapturedStderr();
  return r;
}

TEST(StatsCli, ParsesTheContract) {
  auto p = parse_options({"stats", "--json", "--data-dir", "d"});
  ASSERT_TRUE(p.options) << p.error;
  EXPECT_EQ(p.options->command, Options::Command::Stats);
  EXPECT_TRUE(p.options->json);
  p = parse_options({"stats", "--csv"});
  ASSERT_TRUE(p.options) << p.error;
  EXPECT_TRUE(p.options->csv);
  EXPECT_FALSE(parse_options({"stats", "--json", "--csv"}).options);
  EXPECT_FALSE(parse_options({"stats", "--windowed", "800x600"}).options);
  EXPECT_FALSE(parse_options({"stats", "words"}).options);
  EXPECT_FALSE(parse_options({"sync", "--csv"}).options);  // --csv is the stats command's
  EXPECT_NE(usage_text().find("workforce-kiosk stats"), std::string::npos);
}

TEST(StatsCli, AnEmptyDataDirectoryCountedNothing) {
  TempDir dir;
  const CliRun r = run({"stats", "--json", "--data-dir", dir.path().string()});
  ASSERT_EQ(r.rc, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  for (const char* period : {"today", "last_7_days", "last_30_days"}) {
    ASSERT_TRUE(json.contains(period)) << r.out;
    EXPECT_EQ(json[period]["sessions"], 0);
    EXPECT_EQ(json[period]["languages"]["es"], 0);
  }
  EXPECT_FALSE(std::filesystem::exists(stats::UsageStore::file_in(dir.path())));
}

TEST(StatsCli, PrintsWhatWasCounted) {
  ASSERT_TRUE(use_time_zone(kDefaultTimeZone));  // the counter's days are the command's
  TempDir dir;
  const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
  std::int64_t clock = now - 3 * 86400;  // three days ago: in 7 and 30 days, not today
  stats::UsageCounter counter(dir.path(), [&] { return clock; });
  counter.session_ended(100, Language::En);
  counter.flush();
  clock = now;
  counter.session_ended(50, Language::Es);
  counter.journey("jobs.search");
  counter.search(false);
  counter.search(true);
  counter.signup();
  counter.qr_shown();
  counter.print();
  counter.flush();

  CliRun r = run({"stats", "--json", "--data-dir", dir.path().string()});
  ASSERT_EQ(r.rc, 0) << r.err;
  const auto json = nlohmann::json::parse(r.out);
  const auto& today = json["today"];
  EXPECT_EQ(today["sessions"], 1);
  EXPECT_EQ(today["session_seconds"], 50);
  EXPECT_EQ(today["languages"], (nlohmann::json{{"en", 0}, {"es", 1}}));
  EXPECT_EQ(today["journeys"], 1);
  EXPECT_EQ(today["searches"], 2);
  EXPECT_EQ(today["searches_empty"], 1);
  EXPECT_EQ(today["signups"], 1);
  EXPECT_EQ(today["qr_shown"], 1);
  EXPECT_EQ(today["prints"], 1);
  EXPECT_EQ(json["last_7_days"]["sessions"], 2);
  EXPECT_EQ(json["last_7_days"]["session_seconds"], 150);
  EXPECT_EQ(json["last_30_days"]["languages"], (nlohmann::json{{"en", 1}, {"es", 1}}));

  r = run({"stats", "--csv", "--data-dir", dir.path().string()});
  ASSERT_EQ(r.rc, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  std::vector<std::string> rows;
  while (std::getline(lines, line)) rows.push_back(line);
  ASSERT_EQ(rows.size(), 31U) << r.out;
  EXPECT_EQ(rows[0],
            "day,sessions,session_seconds,sessions_en,sessions_es,journeys,searches,"
            "searches_empty,signups,qr_shown,prints");
  EXPECT_TRUE(rows[30].ends_with(",1,50,0,1,1,2,1,1,1,1")) << rows[30];
  EXPECT_TRUE(rows[27].ends_with(",1,100,1,0,0,0,0,0,0,0")) << rows[27];

  r = run({"stats", "--data-dir", dir.path().string()});
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_NE(r.out.find("searches found nothing"), std::string::npos) << r.out;
}

TEST(StatsCli, AnUnreadableFileIsOneLine) {
  TempDir dir;
  {
    std::ofstream bad(stats::UsageStore::file_in(dir.path()));
    bad << "not a database, just some text that is long enough to be read as a header";
  }
  const CliRun r = run({"stats", "--data-dir", dir.path().string()});
  EXPECT_EQ(r.rc, 1);
  EXPECT_NE(r.err.find("cannot be read"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1);
}

}  // namespace
}  // namespace kiosk

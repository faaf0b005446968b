// The fleet's health: the metrics text (names, HELP and TYPE, escaping, promtool's verdict), the
// file replaced whole, the restarts counted across starts, and the watchdog's cadence.
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "kiosk/base/atomic_file.h"
#include "kiosk/fleet/metrics.h"
#include "kiosk/fleet/run_state.h"
#include "kiosk/fleet/watchdog.h"
#include "kiosk/signup/outbox.h"
#include "tests/unit/temp_dir.h"

namespace kiosk::fleet {
namespace {

namespace fs = std::filesystem;

using kiosk::testing::TempDir;

std::string read_all(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

MetricsSnapshot sample_snapshot() {
  MetricsSnapshot s;
  s.version = "0.9.0";
  s.kiosk_id = "mdpl-main-01";
  s.started = 1'765'000'000;
  s.feeds = {
      {.kind = "jobs",
       .source = "jobs.example.org",
       .status = "updated",
       .records = 174,
       .last_sync = 1'765'000'100},
      {.kind = "jobs",
       .source = "jobs.example.org",
       .status = "failed",
       .records = 3,
       .last_sync = std::nullopt},
      {.kind = "faq",
       .source = "faq \"new\"\\es\n.json",
       .status = "",
       .records = 0,
       .last_sync = std::nullopt},
  };
  s.listings = {{"jobs", 177}, {"programs", 12}, {"events", 4}, {"services", 9}};
  s.outbox_pending = 2;
  s.outbox_held = 1;
  s.outbox_oldest_age_seconds = 3600;
  s.sessions_today = 17;
  s.data_disk_available_bytes = std::uint64_t{734003200};
  s.warnings = 5;
  s.errors = 1;
  s.restarts = 3;
  s.remote_config_version = 42;
  s.remote_config_result = "refused";
  s.remote_config_checked = 1765000200;
  s.remote_config_refused_version = 41;
  return s;
}

TEST(FleetMetrics, EscapesLabelValues) {
  EXPECT_EQ(escape_label_value("plain"), "plain");
  EXPECT_EQ(escape_label_value("a\"b"), "a\\\"b");
  EXPECT_EQ(escape_label_value("a\\b"), "a\\\\b");
  EXPECT_EQ(escape_label_value("a\nb"), "a\\nb");
  EXPECT_EQ(escape_label_value("caf\xc3\xa9"), "caf\xc3\xa9");
  EXPECT_EQ(escape_label_value("bad\xff"), "bad\xef\xbf\xbd");  // U+FFFD, still UTF-8
}

TEST(FleetMetrics, RendersEveryFamilyWithHelpAndType) {
  const std::string text = render_metrics(sample_snapshot());
  for (const std::string family :
       {"up", "build_info", "start_time_seconds", "feed_last_sync_timestamp_seconds",
        "feed_last_sync_ok", "feed_records", "listings", "outbox_pending", "outbox_held",
        "outbox_oldest_age_seconds", "sessions_today", "log_warnings_total", "log_errors_total",
        "restarts_total", "remote_config_version", "data_disk_available_bytes"}) {
    const std::string name = "workforce_kiosk_" + family;
    EXPECT_NE(text.find("# HELP " + name + " "), std::string::npos) << name;
    EXPECT_NE(text.find("# TYPE " + name + " "), std::string::npos) << name;
  }
  EXPECT_NE(text.find("\nworkforce_kiosk_up 1\n"), std::string::npos);
  EXPECT_NE(
      text.find("workforce_kiosk_build_info{version=\"0.9.0\",kiosk_id=\"mdpl-main-01\"} 1\n"),
      std::string::npos);
  EXPECT_NE(text.find("workforce_kiosk_feed_last_sync_timestamp_seconds{kind=\"jobs\",source="
                      "\"jobs.example.org\"} 1765000100\n"),
            std::string::npos);
  // The second feed on the same host gets labels of its own; it never synced well.
  EXPECT_NE(text.find("workforce_kiosk_feed_last_sync_ok{kind=\"jobs\",source=\"jobs.example.org "
                      "(2)\"} 0\n"),
            std::string::npos);
  EXPECT_EQ(text.find("source=\"jobs.example.org (2)\"} 1765000100"), std::string::npos);
  EXPECT_NE(text.find("source=\"faq \\\"new\\\"\\\\es\\n.json\"} 0\n"), std::string::npos);
  EXPECT_NE(text.find("workforce_kiosk_listings{kind=\"events\"} 4\n"), std::string::npos);
  EXPECT_NE(text.find("workforce_kiosk_outbox_oldest_age_seconds 3600\n"), std::string::npos);
  EXPECT_NE(text.find("workforce_kiosk_sessions_today 17\n"), std::string::npos);
  EXPECT_NE(text.find("workforce_kiosk_data_disk_available_bytes 734003200\n"), std::string::npos);
  EXPECT_NE(text.find("workforce_kiosk_log_errors_total 1\n"), std::string::npos);
  EXPECT_NE(text.find("workforce_kiosk_restarts_total 3\n"), std::string::npos);
  EXPECT_NE(text.find("workforce_kiosk_remote_config_version 42\n"), std::string::npos);
  // A refused remote file: an alert can fire on result="refused" == 1.
  EXPECT_NE(text.find("workforce_kiosk_remote_config_last_result{result=\"refused\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("workforce_kiosk_remote_config_last_result{result=\"applied\"} 0\n"),
            std::string::npos);
  EXPECT_NE(text.find("workforce_kiosk_remote_config_last_check_timestamp_seconds 1765000200\n"),
            std::string::npos);
  EXPECT_NE(text.find("workforce_kiosk_remote_config_refused_version 41\n"), std::string::npos);
  EXPECT_EQ(text.back(), '\n');

  MetricsSnapshot stopped = sample_snapshot();
  stopped.up = false;
  EXPECT_NE(render_metrics(stopped).find("\nworkforce_kiosk_up 0\n"), std::string::npos);
}

// Debian's prometheus package: its promtool reads the exposition format as Prometheus does.
TEST(FleetMetrics, PromtoolAcceptsTheText) {
  if (std::system("command -v promtool >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "promtool is not installed (Debian's prometheus package)";
  }
  const TempDir dir;
  const fs::path out = dir.path() / "promtool.out";
  for (const MetricsSnapshot& s : {sample_snapshot(), MetricsSnapshot{}}) {
    const fs::path file = dir.path() / "kiosk.prom";
    ASSERT_FALSE(write_file_atomically(file, render_metrics(s)));
    const std::string command =
        "promtool check metrics < '" + file.string() + "' > '" + out.string() + "' 2>&1";
    const int rc = std::system(command.c_str());
    EXPECT_EQ(rc, 0) << read_all(out) << "\n" << render_metrics(s);
    EXPECT_EQ(read_all(out), "") << "lint problems";
  }
  // promtool can fail: a broken line is refused.
  const fs::path broken = dir.path() / "broken.prom";
  ASSERT_FALSE(
      write_file_atomically(broken, "# TYPE workforce_kiosk_up gauge\nworkforce_kiosk_up{\n"));
  EXPECT_NE(
      std::system(("promtool check metrics < '" + broken.string() + "' >/dev/null 2>&1").c_str()),
      0);
}

TEST(FleetMetrics, WriterReplacesTheFileWholeThroughNameDotTmp) {
  const TempDir dir;
  const fs::path file = dir.path() / "workforce_kiosk.prom";
  EXPECT_EQ(MetricsWriter::temp_file(file), dir.path() / "workforce_kiosk.prom.tmp");
  // A temporary file left by a crash does not stop the next write.
  { std::ofstream(MetricsWriter::temp_file(file)) << "half"; }
  MetricsWriter writer(file);
  ASSERT_TRUE(writer.enabled());
  EXPECT_EQ(writer.next_write(), std::optional<std::int64_t>(0));  // at once, at start
  writer.write(1000, [] { return sample_snapshot(); });
  EXPECT_EQ(writer.next_write(), std::optional<std::int64_t>(1000 + MetricsWriter::kWriteEvery));
  writer.drain();
  EXPECT_EQ(read_all(file), render_metrics(sample_snapshot()));
  EXPECT_FALSE(fs::exists(MetricsWriter::temp_file(file)));
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir.path()))
    names.insert(entry.path().filename().string());
  EXPECT_EQ(names, std::set<std::string>{"workforce_kiosk.prom"});

  MetricsWriter off{fs::path{}};
  EXPECT_FALSE(off.enabled());
  EXPECT_FALSE(off.next_write());
  off.write(1000, [] { return sample_snapshot(); });  // nothing happens
}

TEST(FleetMetrics, AReaderNeverSeesAHalfFile) {
  const TempDir dir;
  const fs::path file = dir.path() / "kiosk.prom";
  MetricsSnapshot small;
  MetricsSnapshot large = sample_snapshot();
  for (int i = 0; i < 300; ++i) {
    large.feeds.push_back({.kind = "jobs",
                           .source = "host" + std::to_string(i),
                           .status = "updated",
                           .records = i,
                           .last_sync = i});
  }
  const std::string a = render_metrics(small);
  const std::string b = render_metrics(large);
  ASSERT_FALSE(write_file_atomically_via(file, MetricsWriter::temp_file(file), a));
  std::atomic<bool> done{false};
  std::thread writer([&] {
    for (int i = 0; i < 300; ++i) {
      ASSERT_FALSE(write_file_atomically_via(file, MetricsWriter::temp_file(file), i % 2 ? a : b));
    }
    done = true;
  });
  int reads = 0;
  while (!done || reads < 10) {
    const std::string seen = read_all(file);
    ASSERT_TRUE(seen == a || seen == b) << "a reader saw " << seen.size() << " bytes";
    ++reads;
  }
  writer.join();
}

TEST(FleetMetrics, StoredFiguresReadTheOutbox) {
  const TempDir dir;
  {
    Outbox outbox(dir.path());
    outbox.add("one", {1, 2, 3}, 1000);
    outbox.add("two", {4, 5}, 1500);
    outbox.hold("two", 400);
  }
  MetricsSnapshot s;
  add_stored_figures(s, dir.path(), 4600);
  EXPECT_EQ(s.outbox_pending, 2);
  EXPECT_EQ(s.outbox_held, 1);
  EXPECT_EQ(s.outbox_oldest_age_seconds, 3600);
  EXPECT_TRUE(s.feeds.empty());  // no cache yet: nothing, and no error

  MetricsSnapshot empty;
  add_stored_figures(empty, dir.path() / "nothing-here", 4600);
  EXPECT_EQ(empty.outbox_pending, 0);
  EXPECT_FALSE(fs::exists(dir.path() / "nothing-here"));  // reading creates nothing
}

TEST(RunState, ParsesWhatItFormats) {
  const RunState state{.starts = 12, .restarts = 3, .running = true};
  EXPECT_EQ(parse_run_state(format_run_state(state)), state);
  EXPECT_EQ(parse_run_state("starts=x\nrestarts=-4\nrunning=1\njunk\n"),
            (RunState{.starts = 0, .restarts = 0, .running = true}));
  EXPECT_EQ(parse_run_state(""), RunState{});
}

TEST(RunState, AStartWithoutACleanStopBeforeItIsARestart) {
  const TempDir dir;
  std::string error;
  EXPECT_EQ(record_start(dir.path(), &error),
            (RunState{.starts = 1, .restarts = 0, .running = true}));
  EXPECT_EQ(error, "");
  EXPECT_FALSE(record_clean_stop(dir.path()));
  EXPECT_EQ(record_start(dir.path(), &error).restarts, 0);  // stopped cleanly before
  // Killed (no clean stop): the next start counts a restart, and the one after that another.
  EXPECT_EQ(record_start(dir.path(), &error),
            (RunState{.starts = 3, .restarts = 1, .running = true}));
  EXPECT_EQ(record_start(dir.path(), &error).restarts, 2);
  EXPECT_FALSE(record_clean_stop(dir.path()));
  EXPECT_EQ(record_start(dir.path(), &error),
            (RunState{.starts = 5, .restarts = 2, .running = true}));
  EXPECT_EQ(parse_run_state(read_all(run_state_file(dir.path()))).starts, 5);

  std::string unwritable;
  const RunState counted = record_start(dir.path() / "missing" / "dir", &unwritable);
  EXPECT_EQ(counted.starts, 1);
  EXPECT_NE(unwritable, "");
}

TEST(Watchdog, ParsesWatchdogUsec) {
  using std::chrono::microseconds;
  EXPECT_EQ(parse_watchdog_usec("2000000"), microseconds(2'000'000));
  EXPECT_FALSE(parse_watchdog_usec(nullptr));
  EXPECT_FALSE(parse_watchdog_usec(""));
  EXPECT_FALSE(parse_watchdog_usec("0"));
  EXPECT_FALSE(parse_watchdog_usec("-5"));
  EXPECT_FALSE(parse_watchdog_usec("20s"));
}

TEST(Watchdog, PingsAtOnceThenEveryHalfTimeout) {
  using namespace std::chrono_literals;
  using Clock = WatchdogCadence::Clock;
  const Clock::time_point t0 = Clock::time_point{} + 1000s;

  const WatchdogCadence off(std::nullopt);
  EXPECT_FALSE(off.enabled());
  EXPECT_FALSE(off.due(t0));
  EXPECT_FALSE(off.sleep_limit(t0));  // the loop may sleep as long as it likes

  WatchdogCadence cadence(2'000'000us);  // WATCHDOG_USEC=2000000
  ASSERT_TRUE(cadence.enabled());
  EXPECT_EQ(cadence.interval(), std::optional(std::chrono::microseconds(1'000'000)));
  EXPECT_TRUE(cadence.due(t0));  // the first ping at once
  EXPECT_EQ(cadence.sleep_limit(t0), std::optional(0ms));
  cadence.pinged(t0);
  EXPECT_FALSE(cadence.due(t0 + 999ms));
  EXPECT_EQ(cadence.sleep_limit(t0), std::optional(1000ms));
  EXPECT_EQ(cadence.sleep_limit(t0 + 400ms), std::optional(600ms));
  EXPECT_EQ(cadence.next_due(), std::optional(t0 + 1s));
  EXPECT_TRUE(cadence.due(t0 + 1s));
  EXPECT_EQ(cadence.sleep_limit(t0 + 5s), std::optional(0ms));  // late: wake at once
  cadence.pinged(t0 + 1200ms);  // the next is counted from the ping actually sent
  EXPECT_FALSE(cadence.due(t0 + 2100ms));
  EXPECT_TRUE(cadence.due(t0 + 2200ms));
  // A sleep limit rounds down: the loop never wakes after the ping is due.
  cadence.pinged(t0);
  EXPECT_EQ(cadence.sleep_limit(t0 + 1us), std::optional(999ms));
}

}  // namespace
}  // namespace kiosk::fleet

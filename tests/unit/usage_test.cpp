#include "kiosk/stats/usage.h"

#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "kiosk/i18n/time_zone.h"
#include "tests/unit/temp_dir.h"

namespace kiosk::stats {
namespace {

using kiosk::testing::TempDir;

constexpr std::int64_t kSat = 1797692400;  // Sat 2026-12-19 10:00 EST
constexpr std::int64_t kDay = 86400;

struct TestClock {
  std::int64_t now = kSat;
  UsageCounter::WallClock fn() {
    return [this] { return now; };
  }
};

class Usage : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(use_time_zone("America/New_York")); }
  UsageReport report() { return UsageStore(dir.path()).report(local_day(clock.now)); }
  TempDir dir;
  TestClock clock;
};

TEST_F(Usage, LocalDayFollowsTheWallClock) {
  // 23:30 in Miami on Friday the 18th is already Saturday in UTC: still Friday here.
  EXPECT_EQ(day_text(local_day(1797654600)), "2026-12-18");  // 2026-12-19T04:30Z
  EXPECT_EQ(day_text(local_day(kSat)), "2026-12-19");
  EXPECT_EQ(day_text(local_day(1797656400)), "2026-12-19");  // 00:00 EST on the 19th
  // Across the end of daylight saving (Sun 2026-11-01), days stay consecutive.
  constexpr std::int64_t kNov1 = 1793505600;                  // Sun 2026-11-01 00:00 EDT
  EXPECT_EQ(local_day(kNov1), local_day(kNov1 + 24 * 3600));  // 23:00 EST: the 25-hour day
  EXPECT_EQ(local_day(kNov1) + 1, local_day(kNov1 + 25 * 3600));
  EXPECT_EQ(day_text(0), "1970-01-01");
}

TEST_F(Usage, CountsReachTheFileOnlyWhenWritten) {
  UsageCounter counter(dir.path(), clock.fn());
  counter.session_ended(125, Language::Es);
  counter.journey("jobs.search");
  counter.journey("jobs.search");
  counter.journey("faq");
  counter.search(false);
  counter.search(true);
  counter.signup();
  counter.qr_shown();
  counter.print();
  EXPECT_EQ(report().today_figures, Figures{});  // nothing written yet
  ASSERT_EQ(counter.next_write(), kSat + UsageCounter::kWriteEvery);
  clock.now += 59;
  counter.flush_if_due();
  counter.drain();
  EXPECT_EQ(report().today_figures, Figures{});  // not a minute yet
  clock.now += 1;
  counter.flush_if_due();  // on the counter's own thread
  counter.drain();
  EXPECT_FALSE(counter.next_write());
  const Figures f = report().today_figures;
  EXPECT_EQ(f.sessions, 1);
  EXPECT_EQ(f.session_seconds, 125);
  EXPECT_EQ(f.sessions_es, 1);
  EXPECT_EQ(f.sessions_en, 0);
  EXPECT_EQ(f.journeys, 3);
  EXPECT_EQ(f.journey_screens.at("jobs.search"), 2);
  EXPECT_EQ(f.journey_screens.at("faq"), 1);
  EXPECT_EQ(f.searches, 2);
  EXPECT_EQ(f.searches_empty, 1);
  EXPECT_EQ(f.signups, 1);
  EXPECT_EQ(f.qr_shown, 1);
  EXPECT_EQ(f.prints, 1);
  // The next count waits a minute from this write.
  counter.print();
  EXPECT_EQ(counter.next_write(), clock.now + UsageCounter::kWriteEvery);
  counter.flush();  // shutdown: at once
  EXPECT_EQ(report().today_figures.prints, 2);
}

TEST_F(Usage, OnlyScreenNamesBecomeKeys) {
  UsageCounter counter(dir.path(), clock.fn());
  counter.journey("Jobs search");
  counter.journey("cocinero miami");
  counter.journey("");
  counter.journey("jobs.search");
  counter.flush();
  EXPECT_EQ(report().today_figures.journeys, 1);
}

TEST_F(Usage, TodaySevenAndThirtyDaysAndTheSeries) {
  UsageCounter counter(dir.path(), clock.fn());
  const std::int64_t start = clock.now;
  // One session a day for 40 days, the last today; each a minute longer than the one before.
  for (int i = 0; i < 40; ++i) {
    clock.now = start + i * kDay;
    counter.session_ended(60 * (i + 1), i % 2 == 0 ? Language::En : Language::Es);
    counter.flush();
  }
  const UsageReport r = report();
  EXPECT_EQ(r.today_figures.sessions, 1);
  EXPECT_EQ(r.today_figures.session_seconds, 40 * 60);
  EXPECT_EQ(r.last_7_days.sessions, 7);
  EXPECT_EQ(r.last_7_days.session_seconds, 60 * (34 + 35 + 36 + 37 + 38 + 39 + 40));
  EXPECT_EQ(r.last_30_days.sessions, 30);
  EXPECT_EQ(r.last_30_days.sessions_en + r.last_30_days.sessions_es, 30);
  EXPECT_EQ(r.last_30_days.sessions_en, 15);
  ASSERT_EQ(r.days.size(), 30U);
  EXPECT_EQ(r.days.back().day, r.today);
  EXPECT_EQ(r.days.front().day, r.today - 29);
  EXPECT_EQ(r.days.front().figures.session_seconds, 11 * 60);
  for (const DayFigures& d : r.days) EXPECT_EQ(d.figures.sessions, 1) << day_text(d.day);
}

TEST_F(Usage, EmptyDaysAreZeros) {
  UsageCounter counter(dir.path(), clock.fn());
  counter.search(true);
  counter.flush();
  clock.now += 3 * kDay;
  const UsageReport r = report();
  EXPECT_EQ(r.today_figures, Figures{});
  EXPECT_EQ(r.last_7_days.searches_empty, 1);
  EXPECT_EQ(r.days[26].figures.searches, 1);
  EXPECT_EQ(r.days[29].figures.searches, 0);
}

TEST_F(Usage, FourHundredDaysAreKept) {
  UsageCounter counter(dir.path(), clock.fn());
  const std::int64_t first = clock.now;
  counter.print();
  counter.flush();
  clock.now = first + 399 * kDay;
  counter.print();
  counter.flush();
  {
    sql::Database db(UsageStore::file_in(dir.path()), sql::Database::Mode::ReadOnly);
    sql::Statement s(db, "SELECT count(*) FROM usage");
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.int64(0), 2);  // day 1 is the 400th day back: kept
  }
  clock.now = first + 400 * kDay;
  counter.print();
  counter.flush();
  sql::Database db(UsageStore::file_in(dir.path()), sql::Database::Mode::ReadOnly);
  sql::Statement s(db, "SELECT count(*), min(day) FROM usage");
  ASSERT_TRUE(s.step());
  EXPECT_EQ(s.int64(0), 2);
  EXPECT_EQ(s.int64(1), local_day(first + 399 * kDay));
}

TEST_F(Usage, AFailedWriteKeepsTheCounts) {
  const auto missing = dir.path() / "not-yet";
  UsageCounter counter(missing, clock.fn());
  counter.signup();
  counter.flush();  // the directory does not exist: logged, kept
  EXPECT_TRUE(counter.next_write());
  std::filesystem::create_directories(missing);
  counter.flush();
  EXPECT_EQ(UsageStore(missing).report(local_day(clock.now)).today_figures.signups, 1);
}

TEST_F(Usage, WhatWaitsIsWrittenAtTheEnd) {
  {
    UsageCounter counter(dir.path(), clock.fn());
    counter.signup();
  }
  EXPECT_EQ(report().today_figures.signups, 1);
}

TEST_F(Usage, ANewerFileIsRefused) {
  { UsageStore store(dir.path()); }
  {
    sql::Database db(UsageStore::file_in(dir.path()), sql::Database::Mode::ReadWrite);
    db.set_user_version(99);
  }
  EXPECT_THROW(UsageStore store(dir.path()), sql::SqliteError);
}

}  // namespace
}  // namespace kiosk::stats

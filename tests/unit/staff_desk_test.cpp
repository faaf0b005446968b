#include "kiosk/staff/staff_desk.h"

#include <sys/stat.h>

#include <fstream>

#include <gtest/gtest.h>

#include "kiosk/base/run_queue.h"
#include "kiosk/i18n/time_zone.h"
#include "tests/unit/temp_dir.h"

namespace kiosk::staff {
namespace {

using kiosk::testing::TempDir;

const std::string& hash_of_2468() {
  static const std::string hash = hash_pin("2468").value_or("");
  return hash;
}

struct Desk {
  explicit Desk(const std::filesystem::path& dir, std::string hash = hash_of_2468())
      : desk(dir, std::move(hash), clock, queue, [this] { return now; }) {}
  // Waits for the PIN check's answer to come back through the queue, as the UI thread would.
  std::optional<PinGate::Result> check(std::string_view pin) {
    std::optional<PinGate::Result> answer;
    desk.check_pin(pin, [&](PinGate::Result r) { answer = r; });
    for (int i = 0; i < 500 && !answer; ++i) {
      queue.drain();
      if (!answer) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return answer;
  }
  std::int64_t now = 1'765'000'000;
  Clock clock;
  RunQueue queue;
  StaffDesk desk;
};

TEST(StaffDesk, ChecksThePinOffTheCallingThread) {
  TempDir dir;
  Desk d(dir.path());
  ASSERT_TRUE(d.desk.entry_configured());
  EXPECT_EQ(d.check("1111"), PinGate::Result::Wrong);
  EXPECT_EQ(d.desk.failures(), 1);
  EXPECT_FALSE(d.desk.checking());
  EXPECT_EQ(d.check("2468"), PinGate::Result::Accepted);
  EXPECT_EQ(d.desk.failures(), 0);  // the right PIN forgives the wrong ones
}

TEST(StaffDesk, FifthWrongPinLocksEvenTheRightOne) {
  TempDir dir;
  Desk d(dir.path());
  for (int i = 0; i < 5; ++i) EXPECT_EQ(d.check("0000"), PinGate::Result::Wrong);
  EXPECT_TRUE(d.desk.locked());
  EXPECT_EQ(d.check("2468"), PinGate::Result::Locked);
  EXPECT_GT(d.desk.lock_left().count(), 290);
  // A restart does not forget the lock.
  Desk again(dir.path());
  EXPECT_TRUE(again.desk.locked());
  // The kiosk clock moving on (automation's `advance`) ends it.
  again.clock.advance(std::chrono::minutes(5) + std::chrono::seconds(1));
  EXPECT_FALSE(again.desk.locked());
  EXPECT_EQ(again.check("2468"), PinGate::Result::Accepted);
}

TEST(StaffDesk, NoHashMeansNoEntry) {
  TempDir dir;
  Desk d(dir.path(), "");
  EXPECT_FALSE(d.desk.entry_configured());
  EXPECT_EQ(d.check("2468"), PinGate::Result::NoPin);
}

TEST(StaffDesk, NoticeShowsUntilItsTimeAndSurvivesARestart) {
  TempDir dir;
  {
    Desk d(dir.path());
    EXPECT_EQ(d.desk.notice(), nullptr);
    d.desk.put_notice({"Closing at 5 PM today.", "Cerramos a las 5 PM hoy.", d.now + 3600});
    ASSERT_NE(d.desk.notice(), nullptr);
    EXPECT_EQ(d.desk.notice()->es, "Cerramos a las 5 PM hoy.");
  }
  Desk d(dir.path());
  ASSERT_NE(d.desk.notice(), nullptr);
  EXPECT_EQ(d.desk.notice()->en, "Closing at 5 PM today.");
  d.now += 3600;  // its time is up
  EXPECT_EQ(d.desk.notice(), nullptr);
  d.now -= 10;
  d.desk.take_down_notice();
  EXPECT_EQ(d.desk.notice(), nullptr);
  Desk after(dir.path());
  EXPECT_EQ(after.desk.notice(), nullptr);
  struct stat st {};
  ASSERT_EQ(::stat((dir.path() / StaffDesk::kFileName).c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST(StaffDesk, NoticeRefusesWhatCannotBeShown) {
  TempDir dir;
  Desk d(dir.path());
  d.desk.put_notice({"", "", d.now + 60});                     // nothing to say
  d.desk.put_notice({std::string(200, 'a'), "", d.now + 60});  // over 160 bytes
  d.desk.put_notice({"line\nbreak", "", d.now + 60});          // a control character
  d.desk.put_notice({"bad \xC3 utf-8", "", d.now + 60});       // not UTF-8
  EXPECT_EQ(d.desk.notice(), nullptr);
  d.desk.put_notice({"", "Solo en español.", d.now + 60});  // one language is enough
  ASSERT_NE(d.desk.notice(), nullptr);
}

TEST(StaffDesk, OutOfServiceSurvivesARestart) {
  TempDir dir;
  {
    Desk d(dir.path());
    EXPECT_FALSE(d.desk.out_of_service());
    d.desk.set_out_of_service(true);
    EXPECT_EQ(d.desk.out_of_service_since(), d.now);
  }
  Desk d(dir.path());
  EXPECT_TRUE(d.desk.out_of_service());
  d.desk.set_out_of_service(false);
  Desk after(dir.path());
  EXPECT_FALSE(after.desk.out_of_service());
}

TEST(StaffDesk, DamagedStateFileMeansInServiceWithoutNotice) {
  TempDir dir;
  std::ofstream(dir.path() / StaffDesk::kFileName) << "{\"out_of_service\": tr";
  Desk d(dir.path());
  EXPECT_FALSE(d.desk.out_of_service());
  EXPECT_EQ(d.desk.notice(), nullptr);
  std::ofstream(dir.path() / StaffDesk::kFileName)
      << R"({"out_of_service": false, "notice": {"en": "x\u0007", "es": "", "until": 9999999999}})";
  Desk again(dir.path());
  EXPECT_EQ(again.desk.notice(), nullptr);  // a control character: not shown
}

TEST(StaffDesk, NoticeLengths) {
  ASSERT_TRUE(use_time_zone("America/New_York"));
  const std::int64_t now = 1'765'040'400;  // 2025-12-06 12:00 in Miami (17:00 UTC)
  EXPECT_EQ(notice_until(NoticeLength::OneHour, now), now + 3600);
  EXPECT_EQ(notice_until(NoticeLength::FourHours, now), now + 4 * 3600);
  EXPECT_EQ(notice_until(NoticeLength::OneWeek, now), now + 7 * 86400);
  EXPECT_EQ(notice_until(NoticeLength::EndOfDay, now), now + 12 * 3600);  // Miami's midnight
}

}  // namespace
}  // namespace kiosk::staff

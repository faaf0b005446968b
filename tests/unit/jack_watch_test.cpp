#include "kiosk/access/jack_watch.h"

#include <gtest/gtest.h>
#include <linux/input.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <mutex>
#include <vector>

#include "tests/unit/temp_dir.h"

namespace kiosk {
namespace {

input_event make_event(unsigned short type, unsigned short code, int value) {
  input_event ev{};
  ev.type = type;
  ev.code = code;
  ev.value = value;
  return ev;
}

std::vector<unsigned char> bytes_of(const std::vector<input_event>& events) {
  std::vector<unsigned char> out(events.size() * sizeof(input_event));
  if (!events.empty()) std::memcpy(out.data(), events.data(), out.size());
  return out;
}

TEST(JackEventParser, CountsOnlyHeadphonesGoingIn) {
  JackEventParser parser;
  const auto bytes = bytes_of({
      make_event(EV_SW, SW_HEADPHONE_INSERT, 1),   // in
      make_event(EV_SYN, SYN_REPORT, 0),           //
      make_event(EV_SW, SW_HEADPHONE_INSERT, 0),   // out: not a start
      make_event(EV_SW, SW_MICROPHONE_INSERT, 1),  // a microphone alone: not headphones
      make_event(EV_KEY, KEY_VOLUMEUP, 1),         // a button on the same card
      make_event(EV_SW, SW_HEADPHONE_INSERT, 1),   // in again
  });
  EXPECT_EQ(parser.feed(bytes.data(), bytes.size()), 2);
  EXPECT_EQ(parser.feed(nullptr, 0), 0);
}

TEST(JackEventParser, EventsCutAcrossReadsAreJoined) {
  JackEventParser parser;
  const auto bytes = bytes_of(
      {make_event(EV_SW, SW_HEADPHONE_INSERT, 1), make_event(EV_SW, SW_HEADPHONE_INSERT, 1)});
  const std::size_t cut = sizeof(input_event) / 2;
  EXPECT_EQ(parser.feed(bytes.data(), cut), 0);
  EXPECT_EQ(parser.feed(bytes.data() + cut, sizeof(input_event)), 1);
  EXPECT_EQ(parser.feed(bytes.data() + cut + sizeof(input_event),
                        bytes.size() - cut - sizeof(input_event)),
            1);
}

// Counts the callbacks; waits for a number of them without asserting how long it takes.
class Inserts {
 public:
  void add() {
    std::lock_guard lock(mutex_);
    ++count_;
    changed_.notify_all();
  }
  int wait_for(int n) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, std::chrono::seconds(30), [&] { return count_ >= n; });
    return count_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int count_ = 0;
};

struct Pipe {
  UniqueFd read_end, write_end;
  Pipe() {
    int fds[2] = {-1, -1};
    if (::pipe(fds) == 0) {
      read_end = UniqueFd(fds[0]);
      write_end = UniqueFd(fds[1]);
    }
  }
  void send(const std::vector<input_event>& events) const {
    const auto bytes = bytes_of(events);
    ASSERT_EQ(::write(write_end.get(), bytes.data(), bytes.size()),
              static_cast<ssize_t>(bytes.size()));
  }
};

TEST(JackWatch, CallsBackForEachInsertOnEveryDevice) {
  Pipe a, b;
  ASSERT_TRUE(a.read_end && b.read_end);
  Inserts inserts;
  std::vector<UniqueFd> sources;
  sources.push_back(std::move(a.read_end));
  sources.push_back(std::move(b.read_end));
  JackWatch watch(std::move(sources), [&] { inserts.add(); });
  EXPECT_EQ(watch.devices(), 2u);
  a.send({make_event(EV_SW, SW_HEADPHONE_INSERT, 1), make_event(EV_SYN, SYN_REPORT, 0)});
  EXPECT_EQ(inserts.wait_for(1), 1);
  b.send({make_event(EV_SW, SW_HEADPHONE_INSERT, 0), make_event(EV_SW, SW_HEADPHONE_INSERT, 1)});
  EXPECT_EQ(inserts.wait_for(2), 2);
}

TEST(JackWatch, AClosedDeviceIsDroppedAndTheOthersStillWork) {
  Pipe a, b;
  Inserts inserts;
  std::vector<UniqueFd> sources;
  sources.push_back(std::move(a.read_end));
  sources.push_back(std::move(b.read_end));
  JackWatch watch(std::move(sources), [&] { inserts.add(); });
  a.write_end.reset();  // an unplugged USB sound card
  b.send({make_event(EV_SW, SW_HEADPHONE_INSERT, 1)});
  EXPECT_EQ(inserts.wait_for(1), 1);
}

TEST(JackWatch, StopsCleanlyWithNothingHappening) {
  Pipe a;
  std::vector<UniqueFd> sources;
  sources.push_back(std::move(a.read_end));
  int calls = 0;
  {
    JackWatch watch(std::move(sources), [&] { ++calls; });
  }  // must not hang in poll
  EXPECT_EQ(calls, 0);
  // The read end was closed with the watch: writing now fails with EPIPE, not blocks.
  const input_event ev = make_event(EV_SW, SW_HEADPHONE_INSERT, 1);
  std::signal(SIGPIPE, SIG_IGN);
  EXPECT_EQ(::write(a.write_end.get(), &ev, sizeof ev), -1);
}

TEST(JackWatch, APipeIsNotAJackAndAnEmptyDirectoryHasNone) {
  Pipe a;
  EXPECT_FALSE(reports_headphone_jack(a.read_end.get()));
  const testing::TempDir dir;
  std::string error;
  EXPECT_EQ(JackWatch::start([] {}, &error, dir.path()), nullptr);
  EXPECT_NE(error.find("headphone jack"), std::string::npos) << error;
  EXPECT_EQ(JackWatch::start([] {}, &error, dir.path() / "missing"), nullptr);
  EXPECT_NE(error.find("cannot list"), std::string::npos) << error;
}

}  // namespace
}  // namespace kiosk

#include "kiosk/signup/outbox.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <set>

#include <gtest/gtest.h>

#include "tests/unit/temp_dir.h"

namespace kiosk {
namespace {

using kiosk::testing::TempDir;

std::vector<unsigned char> bytes(std::string_view text) {
  return {text.begin(), text.end()};
}

TEST(Outbox, AddListAndReadBack) {
  TempDir dir;
  Outbox box(dir.path());
  EXPECT_TRUE(std::filesystem::exists(Outbox::file_in(dir.path())));
  EXPECT_EQ(box.counts().pending, 0);
  EXPECT_FALSE(box.counts().oldest_created);

  box.add("b-id", bytes("second\0blob"), 200);
  box.add("a-id", bytes("first"), 100);
  const auto list = box.list();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, "b-id");  // in order of arrival
  EXPECT_EQ(list[0].created, 200);
  EXPECT_EQ(list[0].attempts, 0);
  EXPECT_FALSE(list[0].held);
  EXPECT_EQ(list[1].id, "a-id");
  EXPECT_EQ(box.sealed("a-id"), bytes("first"));
  EXPECT_FALSE(box.sealed("nope"));

  const auto counts = box.counts();
  EXPECT_EQ(counts.pending, 2);
  EXPECT_EQ(counts.held, 0);
  EXPECT_EQ(counts.oldest_created, 100);
}

TEST(Outbox, BlobsKeepEveryByte) {
  TempDir dir;
  Outbox box(dir.path());
  std::vector<unsigned char> all(256);
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = static_cast<unsigned char>(i);
  box.add("x", all, 1);
  EXPECT_EQ(box.sealed("x"), all);
}

TEST(Outbox, TheSameIdIsStoredOnce) {
  TempDir dir;
  Outbox box(dir.path());
  box.add("same", bytes("one"), 1);
  box.add("same", bytes("two"), 2);
  EXPECT_EQ(box.counts().pending, 1);
  EXPECT_EQ(box.sealed("same"), bytes("one"));
}

TEST(Outbox, AttemptsBackoffHoldAndRemove) {
  TempDir dir;
  Outbox box(dir.path());
  box.add("a", bytes("A"), 10);
  box.add("b", bytes("B"), 20);
  box.add("c", bytes("C"), 30);
  EXPECT_EQ(box.due(0).size(), 3u);

  box.record_attempt("a", 503, 1000);
  box.hold("b", 422);
  auto due = box.due(999);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].id, "c");
  due = box.due(1000);
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].id, "a");
  EXPECT_EQ(due[0].attempts, 1);
  EXPECT_EQ(due[0].last_status, 503);

  const auto list = box.list();
  EXPECT_TRUE(list[1].held);
  EXPECT_EQ(list[1].attempts, 1);
  EXPECT_EQ(list[1].last_status, 422);
  auto counts = box.counts();
  EXPECT_EQ(counts.pending, 3);
  EXPECT_EQ(counts.held, 1);

  box.remove("c");
  box.remove("c");  // a second receipt for the same envelope changes nothing
  box.release_held();
  due = box.due(0);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].id, "b");
  counts = box.counts();
  EXPECT_EQ(counts.pending, 2);
  EXPECT_EQ(counts.held, 0);
}

TEST(Outbox, SurvivesReopeningAndASecondConnection) {
  TempDir dir;
  {
    Outbox box(dir.path());
    box.add("kept", bytes("sealed"), 5);
  }
  Outbox writer(dir.path());
  const Outbox reader(dir.path());
  writer.add("new", bytes("n"), 6);
  EXPECT_EQ(reader.counts().pending, 2);
  EXPECT_EQ(reader.sealed("kept"), bytes("sealed"));
}

TEST(Outbox, RefusesAnOutboxFromANewerVersion) {
  TempDir dir;
  {
    sql::Database db(Outbox::file_in(dir.path()), sql::Database::Mode::ReadWrite);
    db.set_user_version(99);
  }
  EXPECT_THROW(Outbox box(dir.path()), sql::SqliteError);
}

// A process killed (SIGKILL) while it stores envelopes: every add it reported done is there
// once, whole, after a restart; nothing is there twice.
TEST(Outbox, AKilledWriterLosesNothingItCommitted) {
  TempDir dir;
  { Outbox create(dir.path()); }
  int acks[2];
  ASSERT_EQ(::pipe(acks), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::close(acks[0]);
    Outbox box(dir.path());
    for (int i = 0;; ++i) {
      const std::string id = "id-" + std::to_string(i);
      box.add(id, std::vector<unsigned char>(100 + i % 50, static_cast<unsigned char>(i)), i);
      if (::write(acks[1], &i, sizeof i) != sizeof i) ::_exit(1);
    }
  }
  ::close(acks[1]);
  int last = -1;
  for (int n = 0; n < 40; ++n) {
    ASSERT_EQ(::read(acks[0], &last, sizeof last), static_cast<ssize_t>(sizeof last));
  }
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  ::close(acks[0]);

  Outbox box(dir.path());
  const auto list = box.list();
  ASSERT_GE(static_cast<int>(list.size()), last + 1);
  std::set<std::string> ids;
  for (std::size_t i = 0; i < list.size(); ++i) {
    EXPECT_EQ(list[i].id, "id-" + std::to_string(i));
    ids.insert(list[i].id);
    const auto sealed = box.sealed(list[i].id);
    ASSERT_TRUE(sealed);
    EXPECT_EQ(*sealed, std::vector<unsigned char>(100 + i % 50, static_cast<unsigned char>(i)));
  }
  EXPECT_EQ(ids.size(), list.size());
}

}  // namespace
}  // namespace kiosk

// Signed remote configuration against a real server on 127.0.0.1: the watcher fetches config_url
// while the server serves a tampered, an old-version, an expired and a good file in turn (and then
// nothing); each verdict, what is stored in the data directory, and what start-up uses after.
#include "kiosk/fleet/remote_config.h"

#include <sys/stat.h>

#include <chrono>
#include <condition_variable>
#include <fstream>
#include <iterator>
#include <mutex>

#include <gtest/gtest.h>

#include "kiosk/base/iso_time.h"
#include "kiosk/fleet/signed_config.h"
#include "tests/integration/http_test_server.h"
#include "tests/unit/temp_dir.h"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using testing::HttpRequest;
using testing::HttpResponse;
using testing::HttpTestServer;
using Result = RemoteConfigStatus::Result;

std::int64_t now_unix() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string read_all(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string site(std::int64_t version, std::int64_t expires, const std::string& location) {
  return "[kiosk]\nid = \"fleet-wide\"\nlocation = \"" + location +
         "\"\n[fleet]\nconfig_version = " + std::to_string(version) + "\nconfig_expires = \"" +
         iso_utc(expires) + "\"\n";
}

// A signing pair written by the real keygen, read back as the commands read it.
struct SigningKeys {
  kiosk::testing::TempDir dir;
  SecretBytes secret;
  std::string pub;
  SigningKeys() {
    EXPECT_EQ(fleet::write_signing_key_pair(dir.path() / "keys"), std::nullopt);
    auto key = fleet::read_signing_secret_key(dir.path() / "keys" / "signing.key");
    EXPECT_TRUE(key.key) << key.error;
    if (key.key) secret = std::move(*key.key);
    pub = fleet::read_signing_public_key(dir.path() / "keys" / "signing.pub").text;
  }
};

TEST(RemoteConfigServer, TamperedOldExpiredRefusedThenTheGoodOneAccepted) {
  const SigningKeys keys;
  const kiosk::testing::TempDir& dir = keys.dir;
  const SecretBytes& secret = keys.secret;
  const std::string& pub = keys.pub;

  HttpTestServer server;
  std::mutex mu;
  std::string serving;
  int status = 200;
  server.route("/kiosk.toml.signed", [&](const HttpRequest&) {
    const std::lock_guard lock(mu);
    HttpResponse r;
    r.status = status;
    r.body = serving;
    return r;
  });
  const auto serve = [&](std::string body, int code = 200) {
    const std::lock_guard lock(mu);
    serving = std::move(body);
    status = code;
  };

  const std::string etc =
      "[kiosk]\nid = \"mdpl-main-01\"\nlocation = \"Main Library\"\n[fleet]\n"
      "config_url = \"" +
      server.url("/kiosk.toml.signed") + "\"\nconfig_public_key = \"" + pub +
      "\"\nconfig_version = 10\n";
  const ConfigResult local = parse_config(etc, "etc.toml");
  ASSERT_TRUE(local.config) << local.errors.front().to_string();
  const fs::path data = dir.path() / "data";
  fs::create_directories(data);
  const auto startup = fleet::startup_config(*local.config, data, now_unix());
  fleet::RemoteConfigWatcher watcher(*local.config, data, startup.status);
  int wakes = 0;
  watcher.set_waker([&] { ++wakes; });
  const std::int64_t day = 86400;

  // Tampered: one byte of a good file changed on the way.
  std::string tampered = *fleet::sign_text(site(11, now_unix() + day, "Tampered"), secret);
  tampered[tampered.find("Tampered")] = 't';
  serve(tampered);
  auto st = watcher.check_now(now_unix());
  EXPECT_EQ(st.last_result, Result::Refused);
  EXPECT_NE(st.reason.find("signature does not match"), std::string::npos) << st.reason;
  EXPECT_TRUE(st.last_check);

  // Old: validly signed, version 9 < 10.
  serve(*fleet::sign_text(site(9, now_unix() + day, "Old"), secret));
  st = watcher.check_now(now_unix());
  EXPECT_EQ(st.last_result, Result::Refused);
  EXPECT_EQ(st.refused_version, 9);
  EXPECT_NE(st.reason.find("no rollback"), std::string::npos) << st.reason;

  // Expired an hour ago.
  serve(*fleet::sign_text(site(12, now_unix() - 3600, "Expired"), secret));
  st = watcher.check_now(now_unix());
  EXPECT_EQ(st.last_result, Result::Refused);
  EXPECT_EQ(st.refused_version, 12);
  EXPECT_NE(st.reason.find("expired"), std::string::npos) << st.reason;

  // The server fails.
  serve("", 503);
  st = watcher.check_now(now_unix());
  EXPECT_EQ(st.last_result, Result::Unreachable);
  EXPECT_FALSE(watcher.has_accepted());
  EXPECT_FALSE(fs::exists(fleet::stored_remote_file(data)));  // nothing refused was kept
  EXPECT_EQ(wakes, 0);

  // Good.
  const std::string good = *fleet::sign_text(site(13, now_unix() + day, "Remote Branch"), secret);
  serve(good);
  st = watcher.check_now(now_unix());
  EXPECT_EQ(st.last_result, Result::Applied) << st.reason;
  EXPECT_EQ(st.running_version, 10);  // accepted, not applied yet
  EXPECT_EQ(wakes, 1);
  EXPECT_EQ(read_all(fleet::stored_remote_file(data)), good);
  struct stat info {};
  ASSERT_EQ(::stat(fleet::stored_remote_file(data).c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0640);

  // Fetched again before it was applied: not taken twice.
  st = watcher.check_now(now_unix());
  EXPECT_EQ(wakes, 1);
  ASSERT_TRUE(watcher.has_accepted());
  const auto applied = watcher.take_accepted();
  ASSERT_TRUE(applied);
  EXPECT_EQ(applied->kiosk.location, "Remote Branch");
  EXPECT_EQ(applied->kiosk.id, "mdpl-main-01");
  EXPECT_EQ(watcher.status().running_version, 13);
  st = watcher.check_now(now_unix());
  EXPECT_EQ(st.last_result, Result::UpToDate);

  // A tampered file after the good one leaves the good one stored.
  serve(tampered);
  EXPECT_EQ(watcher.check_now(now_unix()).last_result, Result::Refused);
  EXPECT_EQ(read_all(fleet::stored_remote_file(data)), good);

  // The next start uses the stored file, with /etc's id.
  const auto next = fleet::startup_config(*local.config, data, now_unix());
  EXPECT_EQ(next.config.kiosk.location, "Remote Branch");
  EXPECT_EQ(next.config.kiosk.id, "mdpl-main-01");
  EXPECT_EQ(next.status.running_version, 13);
  EXPECT_GE(server.hits("/kiosk.toml.signed"), 8);
}

TEST(RemoteConfigServer, TheWatcherThreadChecksAtOnceAndStops) {
  const SigningKeys keys;
  const kiosk::testing::TempDir& dir = keys.dir;
  const SecretBytes& secret = keys.secret;
  const std::string& pub = keys.pub;
  HttpTestServer server;
  const std::string good = *fleet::sign_text(site(2, now_unix() + 86400, "Threaded"), secret);
  server.route("/c", [&](const HttpRequest&) {
    HttpResponse r;
    r.body = good;
    return r;
  });
  const auto local = parse_config(
      "[fleet]\nconfig_url = \"" + server.url("/c") + "\"\nconfig_public_key = \"" + pub + "\"\n",
      "etc.toml");
  ASSERT_TRUE(local.config);
  std::mutex mu;
  std::condition_variable woke;
  bool accepted = false;
  {
    fleet::RemoteConfigWatcher watcher(*local.config, dir.path(), {});
    watcher.set_waker([&] {
      const std::lock_guard lock(mu);
      accepted = true;
      woke.notify_all();
    });
    watcher.start(std::chrono::minutes(60));
    std::unique_lock lock(mu);
    ASSERT_TRUE(woke.wait_for(lock, std::chrono::seconds(30), [&] { return accepted; }));
    EXPECT_TRUE(watcher.has_accepted());
  }  // the destructor stops the thread while it sleeps an hour
  EXPECT_EQ(server.hits("/c"), 1);
}

}  // namespace
}  // namespace kiosk

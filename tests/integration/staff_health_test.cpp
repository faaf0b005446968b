// What the staff panel's buttons start, against real servers on 127.0.0.1: feed errors an HTTP
// server causes, in staff's words; "Sync now" with its progress, never two syncs at once; "Send
// sign-ups now" with what it did.
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kiosk/base/log.h"
#include "kiosk/base/run_queue.h"
#include "kiosk/signup/outbox.h"
#include "kiosk/signup/signup_service.h"
#include "kiosk/staff/health.h"
#include "kiosk/sync/fetch.h"
#include "kiosk/sync/sync_service.h"
#include "tests/integration/http_test_server.h"
#include "tests/unit/temp_dir.h"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using staff::classify_feed_error;
using staff::FeedProblem;
using testing::HttpRequest;
using testing::HttpResponse;
using testing::HttpTestServer;
using testing::TempDir;

constexpr std::int64_t kNow = 1796575000;

// Drains the queue (as the UI does between frames) until `done` holds, for at most 30 s.
template <typename Done>
bool drain_until(RunQueue& queue, Done done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (!done() && std::chrono::steady_clock::now() < deadline) {
    queue.drain();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  queue.drain();
  return done();
}

std::string fetch_error(const std::string& url) {
  FetchRequest request;
  request.url = url;
  request.connect_timeout_ms = 2000;
  request.total_timeout_ms = 500;
  const FetchResult result = fetch(request);
  EXPECT_EQ(result.status, FetchResult::Status::Failed) << url;
  return result.error;
}

TEST(StaffFeedProblems, WhatAnHttpServerCanDo) {
  HttpTestServer server;
  server.route("/cut", [](const HttpRequest&) {
    HttpResponse r{200, {}, std::string(4000, 'x')};
    r.truncate = true;
    return r;
  });
  server.route("/slow", [](const HttpRequest&) {
    HttpResponse r{200, {}, "{}"};
    r.delay_ms = 3000;
    return r;
  });
  server.route("/loop", [&server](const HttpRequest&) {
    return HttpResponse{302, {{"Location", server.url("/loop")}}, ""};
  });
  server.route("/down", [](const HttpRequest&) { return HttpResponse{503, {}, "busy"}; });
  const std::string missing = fetch_error(server.url("/missing"));
  EXPECT_EQ(classify_feed_error(missing), FeedProblem::Refused) << missing;
  const std::string down = fetch_error(server.url("/down"));
  EXPECT_EQ(classify_feed_error(down), FeedProblem::Refused) << down;
  const std::string loop = fetch_error(server.url("/loop"));
  EXPECT_EQ(classify_feed_error(loop), FeedProblem::Refused) << loop;
  const std::string cut = fetch_error(server.url("/cut"));
  EXPECT_EQ(classify_feed_error(cut), FeedProblem::Unreachable) << cut;
  const std::string slow = fetch_error(server.url("/slow"));
  EXPECT_EQ(classify_feed_error(slow), FeedProblem::Unreachable) << slow;
}

// ---- Sync now -------------------------------------------------------------------------------

std::string jobs_feed(const std::string& id) {
  return R"({"@context":"https://schema.org","@graph":[{"@type":"JobPosting","identifier":")" + id +
         R"(","title":"Line Cook","hiringOrganization":{"name":"Bayfront"},"datePosted":"2026-11-01"}]})";
}

TEST(StaffSyncNow, ProgressPerFeedAndNoSecondSyncWhileOneRuns) {
  log::set_level(log::Level::Error);
  TempDir dir;
  HttpTestServer server;
  std::mutex mu;
  std::condition_variable cv;
  bool release = false;
  server.route("/a", [&](const HttpRequest&) {
    std::unique_lock lock(mu);
    cv.wait_for(lock, std::chrono::seconds(20), [&] { return release; });
    return HttpResponse{200, {}, jobs_feed("a1")};
  });
  server.route("/b", [](const HttpRequest&) { return HttpResponse{200, {}, jobs_feed("b1")}; });

  SyncOptions options;
  options.now = [] { return kNow; };
  options.request_template.total_timeout_ms = 30000;
  RunQueue queue;
  std::vector<std::string> events;  // UI thread only
  int listened = 0;
  SyncService service({{server.url("/a"), ListingKind::Job}, {server.url("/b"), ListingKind::Job}},
                      options, dir.path(), std::chrono::minutes(60), queue,
                      [&](const std::vector<FeedOutcome>& outcomes, const ListingsStatus&) {
                        ++listened;
                        events.push_back("listener " + std::to_string(outcomes.size()));
                      });
  service.on_progress([&](const SyncProgress& p) {
    events.push_back(std::string(p.running ? "running " : "ended ") + std::to_string(p.done) + "/" +
                     std::to_string(p.total));
  });
  service.start();
  ASSERT_TRUE(drain_until(queue, [&] { return server.hits("/a") == 1 && !events.empty(); }));
  service.sync_now();  // staff press "Sync now" while the first sync waits for /a
  service.sync_now();
  {
    const std::lock_guard lock(mu);
    release = true;
  }
  cv.notify_all();
  ASSERT_TRUE(drain_until(queue, [&] { return !events.empty() && events.back() == "ended 2/2"; }));
  EXPECT_EQ(events, (std::vector<std::string>{"running 0/2", "running 1/2", "running 2/2",
                                              "listener 2", "ended 2/2"}));
  // No second sync follows: the one running answered the presses.
  const auto settle = std::chrono::steady_clock::now() + std::chrono::milliseconds(500);
  while (std::chrono::steady_clock::now() < settle) {
    queue.drain();
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(listened, 1);
  EXPECT_EQ(server.hits("/a"), 1);

  // Idle, "Sync now" syncs at once.
  events.clear();
  service.sync_now();
  ASSERT_TRUE(drain_until(queue, [&] { return !events.empty() && events.back() == "ended 2/2"; }));
  EXPECT_EQ(listened, 2);
  EXPECT_EQ(server.hits("/a"), 2);
  log::set_level(log::Level::Info);
}

// ---- Send sign-ups now ------------------------------------------------------------------------

class StaffSendNow : public ::testing::Test {
 protected:
  void SetUp() override {
    log::set_level(log::Level::Error);
    Outbox outbox(dir_.path());
    outbox.add("id-1", std::vector<unsigned char>(64, 1), kNow - 100);
    outbox.add("id-2", std::vector<unsigned char>(64, 2), kNow - 50);
  }
  void TearDown() override { log::set_level(log::Level::Info); }

  // Staff's press before the uploader starts, so its first pass is the one that answers.
  SendReport send_now(const std::string& endpoint) {
    SignupSettings settings;
    settings.endpoint = endpoint;
    SignupService service(settings, dir_.path(), queue_);
    std::optional<SendReport> report;
    service.send_now([&report](SendReport r) { report = r; });
    service.start();
    EXPECT_TRUE(drain_until(queue_, [&] { return report.has_value(); }));
    return report.value_or(SendReport{-1, -1, true});
  }

  TempDir dir_;
  RunQueue queue_;
};

TEST_F(StaffSendNow, DeliveredReportsWhatWentAndWhatIsLeft) {
  HttpTestServer server;
  server.route("/intake", [](const HttpRequest&) { return HttpResponse{201, {}, ""}; });
  const SendReport report = send_now(server.url("/intake"));
  EXPECT_EQ(report.sent, 2);
  EXPECT_EQ(report.left, 0);
  EXPECT_TRUE(report.reached);
  EXPECT_EQ(server.hits("/intake"), 2);
  EXPECT_EQ(Outbox(dir_.path()).counts().pending, 0);
}

TEST_F(StaffSendNow, AServerThatIsBusyWasStillReached) {
  HttpTestServer server;
  server.route("/intake", [](const HttpRequest&) { return HttpResponse{503, {}, ""}; });
  const SendReport report = send_now(server.url("/intake"));
  EXPECT_EQ(report.sent, 0);
  EXPECT_EQ(report.left, 2);
  EXPECT_TRUE(report.reached);
}

TEST_F(StaffSendNow, NoServerListening) {
  std::string url;
  {
    HttpTestServer gone;  // its port, closed again
    url = gone.url("/intake");
  }
  const SendReport report = send_now(url);
  EXPECT_EQ(report.sent, 0);
  EXPECT_EQ(report.left, 2);
  EXPECT_FALSE(report.reached);
  EXPECT_EQ(Outbox(dir_.path()).counts().pending, 2);
}

TEST_F(StaffSendNow, NoEndpointConfigured) {
  const SendReport report = send_now("");
  EXPECT_EQ(report.sent, 0);
  EXPECT_EQ(report.left, 2);
  EXPECT_FALSE(report.reached);
}

// ---- Export to a drive that is really mounted ------------------------------------------------

// The command's standard output and its exit status.
std::pair<std::string, int> run(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return {"", -1};
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) out += buffer;
  const int status = ::pclose(pipe);
  return {out, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

std::string quoted(const fs::path& p) {
  std::string q = "'";
  for (const char c : p.string()) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// A tmpfs mounted below a temporary root in a mount namespace of its own (unshare, as an
// unprivileged user mapped to root): the probe finds it in /proc/self/mounts as the kiosk would
// find a USB stick under /media, and exports the outbox onto it.
TEST(StaffExport, OntoAFileSystemMountedBelowTheRoot) {
  if (run("unshare --user --map-root-user --mount true 2>/dev/null").second != 0) {
    GTEST_SKIP() << "unshare --user --mount is not permitted here";
  }
  TempDir dir;
  const fs::path data = dir.path() / "data";
  const fs::path root = dir.path() / "media";
  const fs::path usb = root / "USB STICK";
  fs::create_directories(data);
  fs::create_directories(usb);
  {
    Outbox outbox(data);
    outbox.add("id-1", std::vector<unsigned char>(80, 1), kNow - 100);
    outbox.add("id-2", std::vector<unsigned char>(80, 2), kNow - 50);
    outbox.add("id-3", std::vector<unsigned char>(80, 3), kNow - 10);
  }
  const std::string inner =
      "mount -t tmpfs -o size=4m tmpfs \"$1\" || exit 77; exec \"$2\" \"$3\" \"$4\" k-1";
  const auto [out, status] =
      run("unshare --user --map-root-user --mount sh -c '" + inner + "' sh " + quoted(usb) + " " +
          quoted(STAFF_EXPORT_PROBE) + " " + quoted(data) + " " + quoted(root) + " 2>&1");
  if (status == 77) GTEST_SKIP() << "mounting a tmpfs is not permitted here: " << out;
  ASSERT_EQ(status, 0) << out;
  const auto report = nlohmann::json::parse(out, nullptr, false);
  ASSERT_TRUE(report.is_object()) << out;
  EXPECT_EQ(report["drives"], nlohmann::json::array({usb.string()}));
  EXPECT_EQ(report["files"], 3);
  EXPECT_EQ(report["on_drive"], 3);
  EXPECT_TRUE(
      report["folder"].get<std::string>().starts_with((usb / "workforce-kiosk" / "k-1-").string()))
      << out;
  // The files were on the tmpfs, gone with its namespace; the outbox still holds every envelope.
  EXPECT_TRUE(fs::is_empty(usb));
  EXPECT_EQ(Outbox(data).counts().pending, 3);
}

}  // namespace
}  // namespace kiosk

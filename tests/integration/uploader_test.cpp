// Delivering sealed sign-ups against real servers on 127.0.0.1: the reference intake receiver
// (packaging/intake) and the test server answering what a test needs. A 2xx deletes the row, a
// 409 is tried again later, a 422 is held and never retried, a 503's backoff grows, and a POST
// repeated after a lost receipt leaves one stored envelope.
#include "kiosk/signup/uploader.h"

#include <chrono>
#include <condition_variable>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kiosk/base/log.h"
#include "kiosk/base/run_queue.h"
#include "kiosk/cli/cli.h"
#include "kiosk/signup/envelope.h"
#include "kiosk/signup/sealing.h"
#include "kiosk/signup/signup_service.h"
#include "packaging/intake/receiver.h"
#include "tests/integration/http_test_server.h"
#include "tests/unit/signup_test_support.h"
#include "tests/unit/temp_dir.h"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using testing::HttpRequest;
using testing::HttpResponse;
using testing::HttpTestServer;

constexpr std::int64_t kNow = 1793664000;

std::vector<unsigned char> fake_envelope(int n) {
  // Not a real sealed box (the receiver has no secret key here): 48+ bytes of something.
  std::vector<unsigned char> bytes(64 + static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<unsigned char>(i * 7 + n);
  return bytes;
}

std::string read_all(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class UploaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    log::set_level(log::Level::Error);
    fs::create_directories(dir_ / "data");
    outbox_.emplace(dir_ / "data");
    options_.random_unit = [] { return 0.0; };  // no jitter: the backoff is exact
  }
  void TearDown() override {
    outbox_.reset();
    log::set_level(log::Level::Info);
  }

  std::string add(int n) {
    const std::string id = "00000000-0000-4000-8000-" + std::to_string(100000000000 + n);
    outbox_->add(id, fake_envelope(n), kNow - 100 + n);
    return id;
  }

  OutboxEntry entry(const std::string& id) {
    for (const OutboxEntry& e : outbox_->list()) {
      if (e.id == id) return e;
    }
    ADD_FAILURE() << "not in the outbox: " << id;
    return {};
  }

  UploadSettings to(const std::string& url) {
    UploadSettings settings;
    settings.endpoint = url;
    settings.connect_timeout_ms = 2000;
    settings.total_timeout_ms = 5000;
    return settings;
  }

  intake::ReceiverOptions receiver_options() {
    intake::ReceiverOptions options;
    options.store = dir_ / "store";
    options.quiet = true;
    return options;
  }

  testing::TempDir temp_;
  const fs::path& dir_ = temp_.path();
  std::optional<Outbox> outbox_;
  SendOptions options_;
};

TEST_F(UploaderTest, DeliveredEnvelopesAreStoredOnceAndLeaveTheOutbox) {
  intake::Receiver receiver(receiver_options());
  ASSERT_FALSE(receiver.bind());
  receiver.start();
  const std::string a = add(1);
  const std::string b = add(2);

  const SendSummary summary = send_pending(*outbox_, to(receiver.url()), kNow, options_);
  EXPECT_EQ(summary.delivered, 2);
  EXPECT_EQ(summary.remaining, 0);
  EXPECT_TRUE(outbox_->list().empty());
  const auto bytes = fake_envelope(1);
  EXPECT_EQ(read_all(dir_ / "store" / (a + ".sealed")), std::string(bytes.begin(), bytes.end()));
  EXPECT_TRUE(fs::exists(dir_ / "store" / (b + ".sealed")));
  EXPECT_EQ(receiver.counts().stored, 2);
}

TEST_F(UploaderTest, PostsRawBytesWithTheIdempotencyKey) {
  HttpTestServer server;
  HttpRequest seen;
  std::mutex mu;
  server.route("/signups", [&](const HttpRequest& r) {
    const std::lock_guard lock(mu);
    seen = r;
    return HttpResponse{201, {{"Content-Type", "application/json"}}, R"({"received":"x"})"};
  });
  const std::string id = add(3);
  EXPECT_EQ(send_pending(*outbox_, to(server.url("/signups")), kNow, options_).delivered, 1);
  const std::lock_guard lock(mu);
  EXPECT_EQ(seen.method, "POST");
  EXPECT_EQ(seen.headers["content-type"], "application/octet-stream");
  EXPECT_EQ(seen.headers["idempotency-key"], id);
  const auto bytes = fake_envelope(3);
  EXPECT_EQ(seen.body, std::string(bytes.begin(), bytes.end()));
}

TEST_F(UploaderTest, ConflictIsTriedAgainLater) {
  HttpTestServer server;
  int status = 409;
  server.route("/s", [&status](const HttpRequest&) { return HttpResponse{status, {}, "{}"}; });
  const std::string id = add(1);

  SendSummary summary = send_pending(*outbox_, to(server.url("/s")), kNow, options_);
  EXPECT_EQ(summary.retry_later, 1);
  EXPECT_EQ(summary.held, 0);
  OutboxEntry e = entry(id);
  EXPECT_FALSE(e.held);
  EXPECT_EQ(e.attempts, 1);
  EXPECT_EQ(e.last_status, 409);
  EXPECT_EQ(e.next_attempt, kNow + 30);

  // Not due yet: nothing is sent.
  summary = send_pending(*outbox_, to(server.url("/s")), kNow + 10, options_);
  EXPECT_EQ(server.hits("/s"), 1);
  // Due: sent again, and this time received.
  status = 201;
  summary = send_pending(*outbox_, to(server.url("/s")), kNow + 30, options_);
  EXPECT_EQ(summary.delivered, 1);
  EXPECT_EQ(server.hits("/s"), 2);
  EXPECT_TRUE(outbox_->list().empty());
}

TEST_F(UploaderTest, RefusedEnvelopeIsHeldAndNeverRetried) {
  HttpTestServer server;
  server.route("/s", [](const HttpRequest&) {
    return HttpResponse{422, {{"Content-Type", "application/json"}}, R"({"error":"no"})"};
  });
  const std::string held = add(1);
  const std::string other = add(2);

  SendSummary summary = send_pending(*outbox_, to(server.url("/s")), kNow, options_);
  EXPECT_EQ(summary.held, 2);
  EXPECT_EQ(summary.held_total, 2);
  EXPECT_EQ(summary.remaining, 2);
  EXPECT_TRUE(entry(held).held);
  EXPECT_EQ(entry(held).last_status, 422);
  EXPECT_EQ(outbox_->counts().held, 2);

  // Neither a later pass nor "send now" posts a held envelope again.
  send_pending(*outbox_, to(server.url("/s")), kNow + 86400, options_);
  SendOptions now = options_;
  now.ignore_backoff = true;
  summary = send_pending(*outbox_, to(server.url("/s")), kNow + 86400, now);
  EXPECT_EQ(server.hits("/s"), 2);
  EXPECT_EQ(summary.delivered + summary.held + summary.retry_later, 0);
  EXPECT_TRUE(outbox_->sealed(other).has_value());  // kept for staff
}

TEST_F(UploaderTest, UnavailableServerBacksOffExponentiallyUpToAnHour) {
  HttpTestServer server;
  server.route("/s", [](const HttpRequest&) { return HttpResponse{503, {}, "busy"}; });
  const std::string id = add(1);
  std::int64_t now = kNow;
  std::vector<std::int64_t> waits;
  for (int i = 0; i < 9; ++i) {
    const SendSummary summary = send_pending(*outbox_, to(server.url("/s")), now, options_);
    EXPECT_EQ(summary.retry_later, 1);
    const OutboxEntry e = entry(id);
    EXPECT_EQ(e.attempts, i + 1);
    EXPECT_EQ(e.last_status, 503);
    waits.push_back(e.next_attempt - now);
    now = e.next_attempt;
  }
  EXPECT_EQ(waits, (std::vector<std::int64_t>{30, 60, 120, 240, 480, 960, 1920, 3600, 3600}));
  EXPECT_EQ(server.hits("/s"), 9);
}

TEST_F(UploaderTest, JitterStaysWithinAQuarter) {
  for (int attempts = 1; attempts < 12; ++attempts) {
    const std::int64_t base = backoff_seconds(attempts, 0.0);
    EXPECT_GE(backoff_seconds(attempts, 0.999), base);
    EXPECT_LE(backoff_seconds(attempts, 0.999), base + base / 4);
  }
  EXPECT_NE(backoff_seconds(3, 0.0), backoff_seconds(3, 0.9));
}

TEST_F(UploaderTest, OutcomesByStatus) {
  EXPECT_EQ(classify(200), UploadOutcome::Delivered);
  EXPECT_EQ(classify(201), UploadOutcome::Delivered);
  for (long code : {0L, 408L, 409L, 429L, 500L, 502L, 503L, 504L}) {
    EXPECT_EQ(classify(code), UploadOutcome::RetryLater) << code;
  }
  for (long code : {400L, 401L, 403L, 404L, 413L, 415L, 422L}) {
    EXPECT_EQ(classify(code), UploadOutcome::Held) << code;
  }
}

TEST_F(UploaderTest, NoAnswerEndsThePassAndLeavesTheRestUntouched) {
  int port = 0;
  {
    HttpTestServer gone;  // a port that was just free: nothing listens there now
    port = gone.port();
  }
  const std::string first = add(1);
  const std::string second = add(2);
  const SendSummary summary =
      send_pending(*outbox_, to("http://127.0.0.1:" + std::to_string(port) + "/s"), kNow, options_);
  EXPECT_TRUE(summary.network_failed);
  EXPECT_TRUE(summary.stopped_early);
  EXPECT_FALSE(summary.last_error.empty());
  EXPECT_EQ(summary.remaining, 2);
  EXPECT_EQ(entry(first).attempts, 1);
  EXPECT_EQ(entry(first).last_status, 0);
  EXPECT_EQ(entry(second).attempts, 0);
}

TEST_F(UploaderTest, PlainHttpOffThisMachineIsRefusedBeforeSending) {
  const PostResult result =
      post_envelope(to("http://intake.example.org/signups"), "k", fake_envelope(1));
  EXPECT_EQ(result.http_code, 0);
  EXPECT_NE(result.error.find("https"), std::string::npos);
}

TEST_F(UploaderTest, RetryAfterALostReceiptStoresOneEnvelope) {
  intake::Receiver receiver(receiver_options());
  ASSERT_FALSE(receiver.bind());
  receiver.start();
  receiver.set_faults(1, 0.0, 1.0);  // every POST is stored, then answered 503
  const std::string id = add(1);

  SendSummary summary = send_pending(*outbox_, to(receiver.url()), kNow, options_);
  EXPECT_EQ(summary.retry_later, 1);
  EXPECT_EQ(receiver.counts().stored, 1);  // stored, but the kiosk did not hear so

  receiver.set_faults(0, 0.0, 0.0);
  summary = send_pending(*outbox_, to(receiver.url()), kNow + 30, options_);
  EXPECT_EQ(summary.delivered, 1);
  EXPECT_TRUE(outbox_->list().empty());
  const intake::ReceiverCounts counts = receiver.counts();
  EXPECT_EQ(counts.stored, 1);
  EXPECT_EQ(counts.replayed, 1);
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& f : fs::directory_iterator(dir_ / "store")) ++files;
  EXPECT_EQ(files, 1U);
}

TEST_F(UploaderTest, ReceiverRepeatsTheFirstReceiptAndRefusesAReusedKey) {
  intake::Receiver receiver(receiver_options());
  ASSERT_FALSE(receiver.bind());
  receiver.start();
  const UploadSettings settings = to(receiver.url());
  EXPECT_EQ(post_envelope(settings, "key-1", fake_envelope(1)).http_code, 201);
  EXPECT_EQ(post_envelope(settings, "key-1", fake_envelope(1)).http_code, 201);
  EXPECT_EQ(post_envelope(settings, "key-1", fake_envelope(2)).http_code, 422);
  EXPECT_EQ(post_envelope(settings, "bad key", fake_envelope(1)).http_code, 400);
  EXPECT_EQ(post_envelope(settings, "key-2", {1, 2, 3}).http_code, 422);  // too short to be sealed
  EXPECT_EQ(receiver.counts().stored, 1);
  EXPECT_EQ(receiver.counts().replayed, 1);
}

TEST_F(UploaderTest, ReceiverAnswers409WhileTheSameKeyIsInProgress) {
  std::mutex mu;
  std::condition_variable cv;
  bool holding = false;
  bool release = false;
  intake::ReceiverOptions options = receiver_options();
  options.while_handling = [&](const std::string&) {
    std::unique_lock lock(mu);
    if (holding) return;  // only the first request is held
    holding = true;
    cv.notify_all();
    cv.wait(lock, [&] { return release; });
  };
  intake::Receiver receiver(std::move(options));
  ASSERT_FALSE(receiver.bind());
  receiver.start();
  const UploadSettings settings = to(receiver.url());
  long first = 0;
  std::thread t([&] { first = post_envelope(settings, "key-1", fake_envelope(1)).http_code; });
  {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return holding; });
  }
  EXPECT_EQ(post_envelope(settings, "key-1", fake_envelope(1)).http_code, 409);
  {
    const std::lock_guard lock(mu);
    release = true;
  }
  cv.notify_all();
  t.join();
  EXPECT_EQ(first, 201);
  EXPECT_EQ(post_envelope(settings, "key-1", fake_envelope(1)).http_code, 201);  // the repeat
  EXPECT_EQ(receiver.counts().stored, 1);
}

TEST_F(UploaderTest, BackgroundLoopDeliversWhatIsAddedAndStops) {
  intake::Receiver receiver(receiver_options());
  ASSERT_FALSE(receiver.bind());
  receiver.start();
  add(1);
  UploadLoop loop(dir_ / "data", to(receiver.url()));
  loop.start();
  add(2);
  loop.wake();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (!outbox_->list().empty() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(outbox_->list().empty());
  EXPECT_EQ(receiver.counts().stored, 2);
  loop.stop();
  EXPECT_GE(loop.passes(), 1);
}

TEST_F(UploaderTest, ReceiverWithTheSecretKeyOpensAndChecksEachEnvelope) {
  ASSERT_FALSE(write_key_pair(dir_ / "keys"));
  SecretKeyResult secret = read_secret_key(dir_ / "keys" / "intake.key");
  ASSERT_TRUE(secret.key) << secret.error;
  std::ifstream pub_file(dir_ / "keys" / "intake.pub");
  std::string pub;
  std::getline(pub_file, pub);
  const std::optional<PublicKey> key = parse_public_key(pub);
  ASSERT_TRUE(key);

  intake::ReceiverOptions options = receiver_options();
  options.secret_key = std::move(secret.key);
  intake::Receiver receiver(std::move(options));
  ASSERT_FALSE(receiver.bind());
  receiver.start();

  const EnvelopeMeta meta{"K7M4-QX2P", "0f8b6a52-1c1e-4b59-9d55-3f1f0a8d1e21",
                          "k1",        "Library",
                          "es",        testing::kSignupShown};
  const std::vector<unsigned char> sealed =
      seal(envelope_json(testing::complete_signup_form(), meta).view(), *key);
  const UploadSettings settings = to(receiver.url());
  EXPECT_EQ(post_envelope(settings, meta.idempotency_key, sealed).http_code, 201);
  EXPECT_EQ(post_envelope(settings, "another-key", sealed).http_code, 422);        // not its key
  EXPECT_EQ(post_envelope(settings, "garbage", fake_envelope(1)).http_code, 422);  // does not open
  EXPECT_EQ(receiver.counts().stored, 1);
}

TEST_F(UploaderTest, SignupServiceDeliversWhatIsSubmitted) {
  ASSERT_FALSE(write_key_pair(dir_ / "keys"));
  std::ifstream pub_file(dir_ / "keys" / "intake.pub");
  SignupSettings settings;
  std::getline(pub_file, settings.public_key);
  intake::Receiver receiver(receiver_options());
  ASSERT_FALSE(receiver.bind());
  receiver.start();
  settings.endpoint = receiver.url();
  RunQueue queue;
  SignupService service(settings, dir_ / "data", queue);
  service.start();
  std::optional<SubmitResult> submitted;
  service.submit(testing::complete_signup_form(), "es", testing::kSignupShown,
                 [&submitted](SubmitResult r) { submitted = std::move(r); });
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while ((!submitted || receiver.counts().stored == 0 || !outbox_->list().empty()) &&
         std::chrono::steady_clock::now() < deadline) {
    queue.drain();
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_TRUE(submitted);
  EXPECT_TRUE(submitted->ok) << submitted->error;
  EXPECT_EQ(receiver.counts().stored, 1);
  EXPECT_TRUE(outbox_->list().empty());
}

// `workforce-kiosk outbox send --json`: exit 0 only when nothing is left.
class OutboxSendTest : public UploaderTest {
 protected:
  int send(const std::string& endpoint, std::string* out, std::string* err) {
    {
      std::ofstream config(dir_ / "kiosk.toml");
      config << "[signup]\nendpoint = \"" << endpoint << "\"\n";
    }
    const ParsedOptions parsed =
        parse_options({"outbox", "send", "--config", (dir_ / "kiosk.toml").string(), "--data-dir",
                       (dir_ / "data").string(), "--json"});
    EXPECT_TRUE(parsed.options) << parsed.error;
    if (!parsed.options) return -1;
    ::testing::internal::CaptureStdout();
    ::testing::internal::CaptureStderr();
    const int rc = run_outbox_send(*parsed.options);
    *out = ::testing::internal::GetCapturedStdout();
    *err = ::testing::internal::GetCapturedStderr();
    return rc;
  }
};

TEST_F(OutboxSendTest, ExitsZeroWhenEverythingWasDelivered) {
  intake::Receiver receiver(receiver_options());
  ASSERT_FALSE(receiver.bind());
  receiver.start();
  add(1);
  add(2);
  std::string out;
  std::string err;
  EXPECT_EQ(send(receiver.url(), &out, &err), 0) << err;
  const auto json = nlohmann::json::parse(out);
  EXPECT_EQ(json["delivered"], 2);
  EXPECT_EQ(json["remaining"], 0);
  EXPECT_TRUE(outbox_->list().empty());
  // Nothing left: still 0.
  EXPECT_EQ(send(receiver.url(), &out, &err), 0) << err;
}

TEST_F(OutboxSendTest, ExitsOneWithTheCountWhenEnvelopesAreHeld) {
  HttpTestServer server;
  server.route("/s", [](const HttpRequest&) { return HttpResponse{422, {}, "{}"}; });
  add(1);
  std::string out;
  std::string err;
  EXPECT_EQ(send(server.url("/s"), &out, &err), 1);
  EXPECT_EQ(nlohmann::json::parse(out)["held_total"], 1);
  EXPECT_NE(err.find("1 envelope waits, 1 of them held"), std::string::npos) << err;
}

TEST_F(OutboxSendTest, ExitsOneAndSaysWhyWhenTheServerCannotBeReached) {
  int port = 0;
  {
    HttpTestServer gone;
    port = gone.port();
  }
  add(1);
  add(2);
  std::string out;
  std::string err;
  EXPECT_EQ(send("http://127.0.0.1:" + std::to_string(port) + "/s", &out, &err), 1);
  EXPECT_TRUE(nlohmann::json::parse(out)["network_failed"].get<bool>());
  EXPECT_NE(err.find("2 envelopes wait: could not connect"), std::string::npos) << err;
}

TEST_F(OutboxSendTest, IgnoresBackoffButNotHolds) {
  HttpTestServer server;
  int status = 503;
  server.route("/s", [&status](const HttpRequest&) { return HttpResponse{status, {}, ""}; });
  add(1);
  // A pass "tomorrow": the envelope is not due again until after that …
  const std::int64_t tomorrow = static_cast<std::int64_t>(std::time(nullptr)) + 86400;
  ASSERT_EQ(send_pending(*outbox_, to(server.url("/s")), tomorrow, options_).retry_later, 1);
  status = 201;
  std::string out;
  std::string err;
  // … but `outbox send` tries it at once.
  EXPECT_EQ(send(server.url("/s"), &out, &err), 0) << err;
  EXPECT_EQ(server.hits("/s"), 2);
}

}  // namespace
}  // namespace kiosk

// Delivering the outbox: each sealed envelope is POSTed to [signup] endpoint (libcurl; TLS
// verified always; plain http only to a loopback address, for tests) as application/octet-stream
// with its Idempotency-Key, so a repeat after a lost receipt is stored once. What an answer does:
//   2xx                               delivered: the row is deleted (only now)
//   409 (the same key is in progress) tried again later, with backoff
//   408, 429, 5xx, no answer          tried again later, with exponential backoff and jitter
//   any other 4xx (422, 400, 413, …)  held for staff: kept, counted, never retried in a loop
// Logs ids and statuses only, never an envelope.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/signup/outbox.h"

namespace kiosk {

struct UploadSettings {
  std::string endpoint;  // https://…, or http:// to loopback
  long connect_timeout_ms = 10000;
  long total_timeout_ms = 30000;
  std::string user_agent = "WorkforceKiosk";
};

// One POST and what came back.
struct PostResult {
  long http_code = 0;  // 0: no answer (network error, timeout, cancelled)
  std::string error;   // one sentence when http_code is 0
};
PostResult post_envelope(const UploadSettings& settings, const std::string& id,
                         const std::vector<unsigned char>& sealed,
                         const std::atomic<bool>* cancel = nullptr);

enum class UploadOutcome { Delivered, RetryLater, Held };
UploadOutcome classify(long http_code);

// Seconds to wait after the attempt numbered `attempts` (1 = the first failed): 30 s × 2^(n-1),
// at most an hour, plus up to a quarter more of random jitter so kiosks that lost the network
// together do not come back together. `unit` is a number in [0, 1) (random in use, fixed in tests).
std::int64_t backoff_seconds(int attempts, double unit);

struct SendSummary {
  int delivered = 0;
  int retry_later = 0;  // answered 408/409/429/5xx or not at all: still pending, with backoff
  int held = 0;         // refused with a 4xx in this pass: waits for staff
  int remaining = 0;    // still in the outbox after the pass, held ones included
  int held_total = 0;   // held in the outbox after the pass
  bool network_failed = false;  // the pass stopped at an envelope that got no answer
  bool stopped_early = false;   // no answer or a 429: the envelopes after it were not tried
  bool cancelled = false;
  std::string last_error;  // the last failure, one sentence (no contents)
};

struct SendOptions {
  bool ignore_backoff = false;  // staff's "send now" and `outbox send`: every envelope not held
  const std::atomic<bool>* cancel = nullptr;
  std::function<double()> random_unit;  // jitter source; a real random one when empty
};

// One pass over what is due at `now` (unix seconds), oldest first. The pass ends early when an
// envelope gets no answer or a 429 (the rest wait, untouched) or when cancelled.
SendSummary send_pending(Outbox& outbox, const UploadSettings& settings, std::int64_t now,
                         const SendOptions& options = {});

// The background uploader SignupService runs: a thread with its own Outbox connection that sends
// what is due, then sleeps until the next envelope is due (at most a minute), woken early by
// wake() (a new envelope) or send_now() (staff). Stopping cancels an upload in flight; its row
// stays and is sent again later.
class UploadLoop {
 public:
  UploadLoop(std::filesystem::path data_dir, UploadSettings settings);
  ~UploadLoop();
  UploadLoop(const UploadLoop&) = delete;
  UploadLoop& operator=(const UploadLoop&) = delete;

  void start();
  void wake();  // something new is in the outbox
  // One pass ignoring backoff (held envelopes stay held). Returns the request's number: a pass
  // whose on_pass callback gets a `served` number at least this big began after the request.
  std::uint64_t send_now();
  void stop();
  // Runs on the loop's thread after every pass (SignupService refreshes its counts and answers
  // staff's "send now"): what the pass did, and the last send_now() number it served (0: none).
  void on_pass(std::function<void(const SendSummary&, std::uint64_t served)> callback);

  // Passes completed (tests wait on it).
  int passes() const;
  SendSummary last_summary() const;

 private:
  void run();

  std::filesystem::path data_dir_;
  UploadSettings settings_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  bool woken_ = false;
  bool ignore_backoff_ = false;
  std::uint64_t requested_ = 0;  // send_now() calls so far
  int passes_ = 0;
  SendSummary last_;
  std::function<void(const SendSummary&, std::uint64_t)> on_pass_;
  std::atomic<bool> cancel_{false};
  std::thread thread_;
};

}  // namespace kiosk

// The sign-up's way out of the UI: submit() seals the form on the calling (UI) thread, so the
// plaintext never crosses threads, then stores the envelope and delivers it on a worker thread of
// its own, waking the UI through the RunQueue with the answer. Delivery: POST the sealed bytes to
// [signup] endpoint with the Idempotency-Key, exponential backoff with jitter, row deleted on a
// 2xx (kiosk/signup/uploader.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/signup/form.h"
#include "kiosk/signup/outbox.h"

namespace kiosk {

class RunQueue;

struct SignupSettings {
  std::string public_key;    // base64; empty: sign-ups are off on this kiosk
  std::string endpoint;      // https:// (or http:// to loopback, tests); empty: staff export
  std::string activate_url;  // the QR on the confirmation; "{reference}" is replaced
  std::string kiosk_id;
  std::string location;
};

// The activation link for the confirmation's QR: `activate_url` with every "{reference}" replaced
// by `reference`.
std::string activate_link(std::string_view activate_url, std::string_view reference);

struct SubmitResult {
  bool ok = false;
  std::string reference;  // for the resident: "K7M4-QX2P"
  std::string error;      // for the log (never the resident's data) when !ok
};

// What staff's "Send sign-ups now" did.
struct SendReport {
  int sent = 0;         // delivered in that pass
  int left = 0;         // still in the outbox after it, held ones included
  bool reached = true;  // false: the endpoint could not be reached, or none is configured
};

class SignupService {
 public:
  SignupService(SignupSettings settings, std::filesystem::path data_dir, RunQueue& ui_queue);
  ~SignupService();  // stops the worker (an upload in flight is cancelled; the row stays)
  SignupService(const SignupService&) = delete;
  SignupService& operator=(const SignupService&) = delete;

  // False when no usable public key is configured: the wizard says sign-up is not set up here.
  bool accepting() const;
  const SignupSettings& settings() const { return settings_; }
  // The activation link for the confirmation's QR.
  std::string activate_link(const std::string& reference) const;

  // Seals `form` now (on this thread) and stores it on the worker; `done` runs on the UI thread.
  void submit(const SignupForm& form, const std::string& session_language, std::int64_t now,
              std::function<void(SubmitResult)> done);

  // Starts the uploader (after the first frame); a no-op without an endpoint.
  void start();
  // Staff: try everything pending now (held ones stay held). `done` runs on the UI thread after
  // the delivery pass that began after this call; without an endpoint at once, with sent 0,
  // left the pending count and reached false. A pass cut by the kiosk stopping never answers.
  void send_now(std::function<void(SendReport)> done);
  void send_now() { send_now(nullptr); }
  OutboxCounts counts() const;

 private:
  struct Impl;
  SignupSettings settings_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kiosk

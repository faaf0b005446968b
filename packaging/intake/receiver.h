// The reference intake receiver (`workforce-intake`): what a center without a back end of its own
// runs to collect the kiosks' sign-ups, and what the delivery tests post to. Built on cpp-httplib.
//
// POST <path> (default /signups), body = the raw sealed envelope (application/octet-stream), with
// an Idempotency-Key header (letters, digits, '-' and '_', at most 128):
//   201 {"received":"KEY","bytes":N[,"reference":"K7M4-QX2P"]}   stored (or stored before: the
//        same body and status as the first time, plus the header Idempotent-Replayed: true)
//   400 no or a malformed Idempotency-Key      415 not application/octet-stream
//   409 a request with the same key is still being handled (retry later)
//   413 larger than 1 MiB
//   422 not a sealed envelope: too short, or (with a secret key) it does not open, is not a
//       sign-up this build knows, or carries another idempotency_key than the header; also a
//       key reused with a different body
//   503 injected failure (tests: fail_every / fail_rate), or the store cannot be written
// Every envelope is one file, STORE/KEY.sealed, the raw sealed bytes, written atomically (temporary
// file, fsync, rename, fsync of the directory), the same files `workforce-kiosk outbox export`
// writes, so `workforce-kiosk outbox open --secret-key intake.key STORE/*.sealed` reads them.
// The receiver never logs contents: keys, sizes and statuses only.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "kiosk/signup/sealing.h"

namespace httplib {
class Server;
}

namespace kiosk::intake {

inline constexpr std::size_t kMaxEnvelopeBytes = std::size_t{1} << 20;
inline constexpr std::string_view kDefaultPath = "/signups";

struct ReceiverOptions {
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 0;                    // 0: any free port (see Receiver::port())
  std::string path{kDefaultPath};
  std::filesystem::path store;
  std::optional<SecretBytes> secret_key;  // when set, every body must open and be a sign-up
  // Test-only fault injection. A failing request answers 503; half of them (chosen at random)
  // store the envelope first, as when a receipt is lost on the way back.
  int fail_every = 0;       // every Nth POST fails (0: never)
  double fail_rate = 0.0;   // each POST fails with this probability
  double lose_share = 0.5;  // of the failing POSTs, this share stores the envelope first
  std::uint64_t seed = 1;   // for fail_rate and the lost-receipt choice
  int handle_delay_ms = 0;  // hold each POST this long (a repeat meanwhile gets 409)
  bool quiet = false;       // no line per request on stderr
  // Tests: runs while a POST holds its key (after the checks, before storing).
  std::function<void(const std::string& key)> while_handling;
};

struct ReceiverCounts {
  int requests = 0;   // POSTs to the path
  int stored = 0;     // new envelopes written
  int replayed = 0;   // repeats answered with the first receipt
  int injected = 0;   // injected 503s
  int conflicts = 0;  // 409s
  int refused = 0;    // other 4xx
};

class Receiver {
 public:
  explicit Receiver(ReceiverOptions options);
  ~Receiver();  // stops and joins
  Receiver(const Receiver&) = delete;
  Receiver& operator=(const Receiver&) = delete;

  // Creates the store, removes temporary files a killed receiver left, binds. nullopt on success,
  // else one sentence.
  std::optional<std::string> bind();
  int port() const { return port_; }
  std::string url() const;  // http://HOST:PORT/PATH

  void run();    // serves on this thread until stop()
  void start();  // serves on a thread of its own (tests)
  void stop();

  ReceiverCounts counts() const;
  // Tests: changes the fault injection of a running receiver.
  void set_faults(int fail_every, double fail_rate, double lose_share);

  // One POST to the path, as the server hands it over (the body already within
  // kMaxEnvelopeBytes): what every request meets, public for tests/fuzz/intake_fuzz.cpp.
  struct Answer {
    int status = 0;
    std::string body;  // JSON
    bool replayed = false;
  };
  Answer handle(const std::string& key, const std::string& content_type, const std::string& body);

 private:
  Answer store_envelope(const std::string& key, const std::string& body, bool lose_receipt);
  std::optional<std::string> reference_of(const std::string& key, const std::string& body,
                                          std::string* error) const;
  bool inject_failure(bool* lose_receipt);

  ReceiverOptions options_;
  std::unique_ptr<httplib::Server> server_;
  int port_ = 0;
  std::thread thread_;

  mutable std::mutex mu_;  // guards everything below
  std::set<std::string> in_progress_;
  ReceiverCounts counts_;
  std::mt19937_64 random_;
};

// `workforce-intake` itself: parses argv (without argv[0]) and runs. Returns the exit code.
int intake_main(const std::vector<std::string>& args);

}  // namespace kiosk::intake

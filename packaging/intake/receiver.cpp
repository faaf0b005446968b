#include "packaging/intake/receiver.h"

#include <fcntl.h>
#include <httplib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <pthread.h>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "kiosk/base/atomic_file.h"
#include "kiosk/base/log.h"
#include "kiosk/base/paths.h"
#include "kiosk/signup/envelope.h"

namespace kiosk::intake {
namespace {

constexpr std::size_t kSealOverheadBytes = 48;  // crypto_box_SEALBYTES: key + MAC
constexpr std::size_t kMaxKeyBytes = 128;
constexpr std::string_view kSuffix = ".sealed";

bool good_key(const std::string& key) {
  if (key.empty() || key.size() > kMaxKeyBytes) return false;
  return std::ranges::all_of(key, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

std::string error_json(std::string_view error) {
  return nlohmann::json{{"error", error}}.dump();
}

std::optional<std::string> read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Holds a key as "being handled" for the life of a request.
class InProgress {
 public:
  InProgress(std::mutex& mu, std::set<std::string>& keys, std::string key)
      : mu_(mu), keys_(keys), key_(std::move(key)) {}
  ~InProgress() {
    const std::lock_guard lock(mu_);
    keys_.erase(key_);
  }
  InProgress(const InProgress&) = delete;
  InProgress& operator=(const InProgress&) = delete;

 private:
  std::mutex& mu_;
  std::set<std::string>& keys_;
  std::string key_;
};

}  // namespace

Receiver::Receiver(ReceiverOptions options)
    : options_(std::move(options)),
      server_(std::make_unique<httplib::Server>()),
      random_(options_.seed) {}

Receiver::~Receiver() {
  stop();
}

std::optional<std::string> Receiver::bind() {
  if (auto why = paths::ensure_private_dir(options_.store)) return why;
  std::error_code ec;
  // A receiver killed while writing leaves its temporary file; the envelope itself was not
  // acknowledged, so the kiosk sends it again.
  for (const auto& entry : std::filesystem::directory_iterator(options_.store, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with('.') && name.find(kPartialMarker) != std::string::npos) {
      std::filesystem::remove(entry.path(), ec);
    }
  }

  server_->set_payload_max_length(kMaxEnvelopeBytes);
  server_->set_read_timeout(10);
  server_->set_write_timeout(10);
  server_->Post(options_.path, [this](const httplib::Request& req, httplib::Response& res) {
    const Answer answer = handle(req.get_header_value("Idempotency-Key"),
                                 req.get_header_value("Content-Type"), req.body);
    res.status = answer.status;
    if (answer.replayed) res.set_header("Idempotent-Replayed", "true");
    if (answer.status == 409) res.set_header("Retry-After", "1");
    res.set_content(answer.body, "application/json");
  });
  server_->set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (res.body.empty()) res.set_content(error_json("not found"), "application/json");
  });

  if (options_.port == 0) {
    port_ = server_->bind_to_any_port(options_.host);
    if (port_ <= 0) return "cannot listen on " + options_.host;
  } else {
    if (!server_->bind_to_port(options_.host, options_.port)) {
      return "cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
             " (in use, or not an address of this machine)";
    }
    port_ = options_.port;
  }
  return std::nullopt;
}

std::string Receiver::url() const {
  const bool v6 = options_.host.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + options_.host + "]" : options_.host) + ":" +
         std::to_string(port_) + options_.path;
}

void Receiver::run() {
  server_->listen_after_bind();
}

void Receiver::start() {
  thread_ = std::thread([this] { run(); });
  // Ready once the accept loop runs: requests made before would still wait in the backlog.
  while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void Receiver::stop() {
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

ReceiverCounts Receiver::counts() const {
  const std::lock_guard lock(mu_);
  return counts_;
}

void Receiver::set_faults(int fail_every, double fail_rate, double lose_share) {
  const std::lock_guard lock(mu_);
  options_.fail_every = fail_every;
  options_.fail_rate = fail_rate;
  options_.lose_share = lose_share;
}

bool Receiver::inject_failure(bool* lose_receipt) {
  // Called with mu_ held.
  bool fail = options_.fail_every > 0 && counts_.requests % options_.fail_every == 0;
  if (!fail && options_.fail_rate > 0) {
    fail = std::uniform_real_distribution<double>(0.0, 1.0)(random_) < options_.fail_rate;
  }
  *lose_receipt =
      fail && std::uniform_real_distribution<double>(0.0, 1.0)(random_) < options_.lose_share;
  return fail;
}

std::optional<std::string> Receiver::reference_of(const std::string& key, const std::string& body,
                                                  std::string* error) const {
  if (!options_.secret_key) return std::nullopt;
  const std::vector<unsigned char> sealed(body.begin(), body.end());
  const std::optional<SecretBytes> plain = open_sealed(sealed, *options_.secret_key);
  if (!plain) {
    *error = "the envelope does not open with this receiver's key";
    return std::nullopt;
  }
  if (auto why = check_envelope_json(plain->view())) {
    *error = *why;
    return std::nullopt;
  }
  const auto json = nlohmann::json::parse(plain->view(), nullptr, false);
  const auto field = [&json](const char* name) {
    return json.is_object() && json.contains(name) && json[name].is_string()
               ? json[name].get<std::string>()
               : std::string();
  };
  if (field("idempotency_key") != key) {
    *error = "the Idempotency-Key header is not the envelope's idempotency_key";
    return std::nullopt;
  }
  return field("reference");
}

Receiver::Answer Receiver::store_envelope(const std::string& key, const std::string& body,
                                          bool lose_receipt) {
  const std::filesystem::path file = options_.store / (key + std::string(kSuffix));
  const std::optional<std::string> stored = read_file(file);
  if (stored && *stored != body) {
    return {422, error_json("this Idempotency-Key was used before with a different envelope")};
  }
  if (body.size() < kSealOverheadBytes) return {422, error_json("not a sealed envelope")};
  std::string error;
  const std::optional<std::string> reference = reference_of(key, body, &error);
  if (!error.empty()) return {422, error_json(error)};

  nlohmann::json receipt{{"received", key}, {"bytes", body.size()}};
  if (reference && !reference->empty()) receipt["reference"] = *reference;
  if (stored) return {201, receipt.dump(), true};

  if (auto why = write_file_atomically(file, body)) {
    log::error("intake: " + key + ": " + *why);
    return {503, error_json("the envelope could not be stored; try again later")};
  }
  {
    const std::lock_guard lock(mu_);
    ++counts_.stored;
  }
  if (lose_receipt) return {503, error_json("injected failure after storing (test)")};
  return {201, receipt.dump()};
}

Receiver::Answer Receiver::handle(const std::string& key, const std::string& content_type,
                                  const std::string& body) {
  bool fail = false;
  bool lose_receipt = false;
  {
    const std::lock_guard lock(mu_);
    ++counts_.requests;
    if (!good_key(key)) {
      ++counts_.refused;
      return {400, error_json("an Idempotency-Key header (letters, digits, - and _) is required")};
    }
    if (!content_type.starts_with("application/octet-stream")) {
      ++counts_.refused;
      return {415, error_json("the body must be application/octet-stream")};
    }
    if (in_progress_.contains(key)) {
      ++counts_.conflicts;
      return {409, error_json("a request with this Idempotency-Key is still being handled")};
    }
    in_progress_.insert(key);
    fail = inject_failure(&lose_receipt);
    if (fail && !lose_receipt) ++counts_.injected;
  }
  const InProgress guard(mu_, in_progress_, key);
  if (options_.while_handling) options_.while_handling(key);
  if (options_.handle_delay_ms > 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(options_.handle_delay_ms));
  }
  Answer answer = fail && !lose_receipt ? Answer{503, error_json("injected failure (test)")}
                                        : store_envelope(key, body, lose_receipt);
  {
    const std::lock_guard lock(mu_);
    if (answer.replayed) ++counts_.replayed;
    if (lose_receipt && answer.status == 503) ++counts_.injected;
    if (answer.status >= 400 && answer.status < 500) ++counts_.refused;
  }
  if (!options_.quiet) {
    log::info("intake: " + key + " " + std::to_string(body.size()) + " bytes -> " +
              std::to_string(answer.status) +
              (answer.replayed ? " (repeat)"
               : fail          ? " (injected)"
                               : ""));
  }
  return answer;
}

// ---- [SECTION] The command line ----------------------------------------------------------------

namespace {

constexpr std::string_view kUsage =
    "usage: workforce-intake --store DIR [--listen HOST:PORT] [--path /signups]\n"
    "                        [--secret-key FILE]\n"
    "  --listen HOST:PORT  where to listen (default 127.0.0.1:8480; PORT 0 picks a free one)\n"
    "  --store DIR         one file per envelope: DIR/KEY.sealed\n"
    "  --path PATH         the URL path kiosks post to (default /signups)\n"
    "  --secret-key FILE   intake.key: refuse (422) bodies that do not open into a sign-up\n"
    "  --quiet             no line per request\n"
    "test only:\n"
    "  --fail-every N      every Nth request answers 503\n"
    "  --fail-rate P       each request answers 503 with probability P (0..1)\n"
    "  --lose-share S      of the failing requests, this share (default 0.5) stores the\n"
    "                      envelope before failing, as when a receipt is lost\n"
    "  --seed N            for --fail-rate (default: the time; printed)\n"
    "  --delay-ms N        hold each request N ms (a repeat meanwhile gets 409)\n"
    "Read what it stored: workforce-kiosk outbox open --secret-key FILE DIR/*.sealed\n";

int usage_error(const std::string& why) {
  std::cerr << "workforce-intake: " << why << "\n" << kUsage;
  return 2;
}

}  // namespace

int intake_main(const std::vector<std::string>& args) {
  ReceiverOptions options;
  options.port = 8480;
  std::optional<std::filesystem::path> secret_key_file;
  bool seeded = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    }
    if (arg == "--quiet") {
      options.quiet = true;
      continue;
    }
    if (i + 1 >= args.size()) return usage_error(arg + " needs a value");
    const std::string& value = args[++i];
    try {
      if (arg == "--listen") {
        const auto colon = value.rfind(':');
        if (colon == std::string::npos) return usage_error("--listen takes HOST:PORT");
        options.host = value.substr(0, colon);
        if (options.host.starts_with('[') && options.host.ends_with(']')) {
          options.host = options.host.substr(1, options.host.size() - 2);
        }
        options.port = std::stoi(value.substr(colon + 1));
        if (options.port < 0 || options.port > 65535) return usage_error("bad port in --listen");
      } else if (arg == "--store") {
        options.store = value;
      } else if (arg == "--path") {
        if (!value.starts_with('/')) return usage_error("--path must start with /");
        options.path = value;
      } else if (arg == "--secret-key") {
        secret_key_file = value;
      } else if (arg == "--fail-every") {
        options.fail_every = std::stoi(value);
      } else if (arg == "--fail-rate") {
        options.fail_rate = std::stod(value);
        if (options.fail_rate < 0 || options.fail_rate > 1) return usage_error("--fail-rate: 0..1");
      } else if (arg == "--lose-share") {
        options.lose_share = std::stod(value);
      } else if (arg == "--seed") {
        options.seed = std::stoull(value);
        seeded = true;
      } else if (arg == "--delay-ms") {
        options.handle_delay_ms = std::stoi(value);
      } else {
        return usage_error("unknown option " + arg);
      }
    } catch (const std::exception&) {
      return usage_error("bad value for " + arg + ": " + value);
    }
  }
  if (options.store.empty()) return usage_error("--store DIR is required");
  if (!seeded) {
    options.seed =
        static_cast<std::uint64_t>(std::chrono::system_clock::now().time_since_epoch().count());
  }
  if (secret_key_file) {
    if (!sodium_ready()) {
      std::cerr << "workforce-intake: libsodium cannot start\n";
      return 1;
    }
    SecretKeyResult key = read_secret_key(*secret_key_file);
    if (!key.key) {
      std::cerr << "workforce-intake: " << key.error << "\n";
      return 1;
    }
    options.secret_key = std::move(key.key);
  }

  // SIGINT/SIGTERM end the server cleanly: a thread waits for them (a handler may not stop it).
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  const bool faults = options.fail_every > 0 || options.fail_rate > 0;
  const std::uint64_t seed = options.seed;
  Receiver receiver(std::move(options));
  if (auto why = receiver.bind()) {
    std::cerr << "workforce-intake: " << *why << "\n";
    return 1;
  }
  std::cout << "listening on " << receiver.url() << std::endl;
  if (faults) std::cout << "fault injection on, seed " << seed << std::endl;
  std::thread waiter([&receiver, signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    receiver.stop();
  });
  receiver.run();
  // Stopped by a signal, or the server failed: wake the waiter if it still waits.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  return 0;
}

}  // namespace kiosk::intake

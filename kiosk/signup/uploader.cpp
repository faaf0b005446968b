#include "kiosk/signup/uploader.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <random>

#include "kiosk/base/curl_handle.h"
#include "kiosk/base/log.h"
#include "kiosk/base/url.h"

namespace kiosk {
namespace {

constexpr std::int64_t kFirstBackoffSeconds = 30;
constexpr std::int64_t kMaxBackoffSeconds = 3600;
constexpr std::int64_t kIdleWakeSeconds = 60;
constexpr std::size_t kMaxReceiptBytes = std::size_t{64} * 1024;

// The receipt is not needed (the status says it all); read and drop it, bounded.
std::size_t on_receipt(char* /*data*/, std::size_t size, std::size_t count, void* user) {
  auto* received = static_cast<std::size_t*>(user);
  *received += size * count;
  return *received > kMaxReceiptBytes ? 0 : size * count;
}

bool allowed_endpoint(const std::string& url, std::string* why) {
  for (const char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) {
      *why = "the endpoint contains spaces or control characters";
      return false;
    }
  }
  if ((url.starts_with("https://") && url.size() > 8) || loopback_url(url)) return true;
  *why = "the endpoint must be https:// (plain http:// only to this machine)";
  return false;
}

std::string describe(CURLcode rc, const char* detail) {
  switch (rc) {
    case CURLE_OPERATION_TIMEDOUT:
      return "the intake server did not answer in time";
    case CURLE_COULDNT_RESOLVE_HOST:
      return "could not find the intake server (no network, or a wrong address)";
    case CURLE_COULDNT_CONNECT:
      return "could not connect to the intake server";
    case CURLE_ABORTED_BY_CALLBACK:
      return "the upload was cancelled";
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CACERT_BADFILE:
      return std::string("the secure connection could not be verified (") + detail + ")";
    default:
      return std::string("the upload failed (") + detail + ")";
  }
}

double random_unit() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

std::int64_t unix_now() {
  return static_cast<std::int64_t>(std::time(nullptr));
}

}  // namespace

PostResult post_envelope(const UploadSettings& settings, const std::string& id,
                         const std::vector<unsigned char>& sealed,
                         const std::atomic<bool>* cancel) {
  PostResult result;
  if (!allowed_endpoint(settings.endpoint, &result.error)) return result;
  curl::global_init();
  const curl::Easy easy(curl_easy_init());
  if (!easy) {
    result.error = "cannot start a network transfer";
    return result;
  }
  curl::List headers;
  curl::append(headers, "Content-Type: application/octet-stream");
  curl::append(headers, "Idempotency-Key: " + id);
  curl::append(headers, "Accept: application/json");
  curl::append(headers, "Expect:");  // small bodies: no 100-continue round trip

  std::size_t received = 0;
  char error_buffer[CURL_ERROR_SIZE] = {};
  CURL* c = easy.get();
  curl_easy_setopt(c, CURLOPT_URL, settings.endpoint.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https,http");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);  // a redirected POST is not a receipt
  curl::secure_defaults(c, settings.connect_timeout_ms, settings.total_timeout_ms);
  curl_easy_setopt(c, CURLOPT_USERAGENT, settings.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_POST, 1L);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, sealed.data());
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(sealed.size()));
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_receipt);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &received);
  curl::cancel_with(c, cancel);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error_buffer);

  const CURLcode rc = curl_easy_perform(c);
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &result.http_code);
  if (rc == CURLE_WRITE_ERROR && result.http_code != 0) return result;  // an oversized receipt
  if (rc != CURLE_OK) {
    result.http_code = 0;  // no complete answer: the server may or may not have stored it
    result.error = describe(rc, error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(rc));
  }
  return result;
}

UploadOutcome classify(long http_code) {
  if (http_code >= 200 && http_code < 300) return UploadOutcome::Delivered;
  if (http_code >= 400 && http_code < 500 && http_code != 408 && http_code != 409 &&
      http_code != 425 && http_code != 429) {
    return UploadOutcome::Held;
  }
  return UploadOutcome::RetryLater;  // no answer, 408, 409, 425, 429, 5xx (and odd 1xx/3xx)
}

std::int64_t backoff_seconds(int attempts, double unit) {
  const int doublings = std::clamp(attempts - 1, 0, 20);
  const std::int64_t base =
      std::min(kMaxBackoffSeconds, kFirstBackoffSeconds * (std::int64_t{1} << doublings));
  const double jitter = std::clamp(unit, 0.0, 1.0) * static_cast<double>(base) / 4.0;
  return base + static_cast<std::int64_t>(jitter);
}

SendSummary send_pending(Outbox& outbox, const UploadSettings& settings, std::int64_t now,
                         const SendOptions& options) {
  SendSummary summary;
  const auto unit = [&options] {
    return options.random_unit ? options.random_unit() : random_unit();
  };
  std::vector<OutboxEntry> entries;
  if (options.ignore_backoff) {
    for (OutboxEntry& e : outbox.list()) {
      if (!e.held) entries.push_back(std::move(e));
    }
  } else {
    entries = outbox.due(now);
  }

  for (const OutboxEntry& entry : entries) {
    if (options.cancel != nullptr && options.cancel->load()) {
      summary.cancelled = true;
      break;
    }
    const std::optional<std::vector<unsigned char>> sealed = outbox.sealed(entry.id);
    if (!sealed) continue;  // delivered meanwhile by another process
    const PostResult posted = post_envelope(settings, entry.id, *sealed, options.cancel);
    if (posted.http_code == 0 && options.cancel != nullptr && options.cancel->load()) {
      summary.cancelled = true;  // stopping: the row stays as it was
      break;
    }
    const std::string status =
        posted.http_code == 0 ? "no answer" : "HTTP " + std::to_string(posted.http_code);
    switch (classify(posted.http_code)) {
      case UploadOutcome::Delivered:
        outbox.remove(entry.id);
        ++summary.delivered;
        log::info("signup: delivered " + entry.id + " (" + status + ")");
        break;
      case UploadOutcome::Held:
        outbox.hold(entry.id, static_cast<int>(posted.http_code));
        ++summary.held;
        summary.last_error = "the intake server refused an envelope (" + status + ")";
        log::warn("signup: " + entry.id + " refused (" + status + "), held for staff");
        break;
      case UploadOutcome::RetryLater: {
        const std::int64_t wait = backoff_seconds(entry.attempts + 1, unit());
        outbox.record_attempt(entry.id, static_cast<int>(posted.http_code), now + wait);
        ++summary.retry_later;
        summary.last_error =
            posted.http_code == 0 ? posted.error : "the intake server answered " + status;
        log::info("signup: " + entry.id + " not delivered (" + status + "), next try in " +
                  std::to_string(wait) + " s");
        break;
      }
    }
    if (posted.http_code == 0 || posted.http_code == 429) {
      // No answer: the others would most likely fail the same way; 429: asked to slow down.
      summary.network_failed = posted.http_code == 0;
      summary.stopped_early = true;
      break;
    }
  }
  const OutboxCounts counts = outbox.counts();
  summary.remaining = counts.pending;
  summary.held_total = counts.held;
  return summary;
}

// ---- [SECTION] The background loop -------------------------------------------------------------

UploadLoop::UploadLoop(std::filesystem::path data_dir, UploadSettings settings)
    : data_dir_(std::move(data_dir)), settings_(std::move(settings)) {}

UploadLoop::~UploadLoop() {
  stop();
}

void UploadLoop::start() {
  const std::lock_guard lock(mu_);
  if (thread_.joinable() || stopping_ || settings_.endpoint.empty()) return;
  thread_ = std::thread([this] { run(); });
}

void UploadLoop::wake() {
  {
    const std::lock_guard lock(mu_);
    woken_ = true;
  }
  cv_.notify_all();
}

std::uint64_t UploadLoop::send_now() {
  std::uint64_t ticket = 0;
  {
    const std::lock_guard lock(mu_);
    woken_ = true;
    ignore_backoff_ = true;
    ticket = ++requested_;
  }
  cv_.notify_all();
  return ticket;
}

void UploadLoop::stop() {
  {
    const std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cancel_.store(true);
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void UploadLoop::on_pass(std::function<void(const SendSummary&, std::uint64_t)> callback) {
  const std::lock_guard lock(mu_);
  on_pass_ = std::move(callback);
}

int UploadLoop::passes() const {
  const std::lock_guard lock(mu_);
  return passes_;
}

SendSummary UploadLoop::last_summary() const {
  const std::lock_guard lock(mu_);
  return last_;
}

void UploadLoop::run() {
  try {
    Outbox outbox(data_dir_);  // this thread's own connection
    while (true) {
      bool ignore_backoff = false;
      std::uint64_t served = 0;
      {
        const std::lock_guard lock(mu_);
        if (stopping_) return;
        ignore_backoff = ignore_backoff_;
        served = requested_;
        ignore_backoff_ = false;
        woken_ = false;
      }
      const std::int64_t now = unix_now();
      SendOptions options;
      options.ignore_backoff = ignore_backoff;
      options.cancel = &cancel_;
      const SendSummary summary = send_pending(outbox, settings_, now, options);

      // Sleep until the next envelope is due; after a pass that stopped early (no answer, 429),
      // until the backoff of the one that failed, so the untried ones do not spin.
      std::int64_t next = now + kIdleWakeSeconds;
      for (const OutboxEntry& e : outbox.list()) {
        if (e.held) continue;
        if (summary.stopped_early && e.next_attempt <= now) continue;
        next = std::min(next, e.next_attempt);
      }
      next = std::max(next, now + 1);
      std::function<void(const SendSummary&, std::uint64_t)> after_pass;
      {
        const std::lock_guard lock(mu_);
        last_ = summary;
        ++passes_;
        after_pass = on_pass_;
      }
      if (after_pass) after_pass(summary, served);
      std::unique_lock lock(mu_);
      cv_.wait_until(lock,
                     std::chrono::system_clock::now() + std::chrono::seconds(next - unix_now()),
                     [this] { return stopping_ || woken_; });
    }
  } catch (const std::exception& e) {
    log::error(std::string("signup: the uploader stopped: ") + e.what());
  }
}

}  // namespace kiosk

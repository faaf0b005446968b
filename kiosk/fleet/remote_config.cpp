#include "kiosk/fleet/remote_config.h"

#include <chrono>

#include "kiosk/base/atomic_file.h"
#include "kiosk/base/iso_time.h"
#include "kiosk/base/log.h"
#include "kiosk/fleet/signed_config.h"
#include "kiosk/sync/fetch.h"

namespace kiosk {

std::string_view result_name(RemoteConfigStatus::Result result) {
  switch (result) {
    case RemoteConfigStatus::Result::NotConfigured:
      return "not configured";
    case RemoteConfigStatus::Result::Applied:
      return "applied";
    case RemoteConfigStatus::Result::UpToDate:
      return "up to date";
    case RemoteConfigStatus::Result::Refused:
      return "refused";
    case RemoteConfigStatus::Result::Unreachable:
      return "unreachable";
  }
  return "unknown";
}

namespace fleet {
namespace {

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

RemoteVerdict refused(std::string reason, std::optional<std::int64_t> version = std::nullopt) {
  RemoteVerdict verdict;
  verdict.kind = RemoteVerdict::Kind::Refused;
  verdict.reason = std::move(reason);
  verdict.version = version;
  return verdict;
}

}  // namespace

std::filesystem::path stored_remote_file(const std::filesystem::path& data_dir) {
  return data_dir / "remote_config.toml.signed";
}

Config merge_remote(const Config& local, Config remote) {
  remote.kiosk.id = local.kiosk.id;
  remote.fleet.config_url = local.fleet.config_url;
  remote.fleet.config_public_key = local.fleet.config_public_key;
  return remote;
}

RemoteVerdict check_remote_config(std::string_view signed_text, const Config& local,
                                  std::int64_t running_version, std::int64_t now_unix) {
  const auto key = parse_signing_public_key(local.fleet.config_public_key);
  if (!key) return refused("this kiosk has no [fleet] config_public_key to check signatures with");
  const SplitResult split = split_signed(signed_text);
  if (!split.parts) return refused(split.error);
  if (!signature_valid(*split.parts, *key)) {
    return refused(
        "the signature does not match [fleet] config_public_key (the file was changed after it "
        "was signed, or signed with another key)");
  }
  ConfigResult parsed = parse_config(split.parts->body, "remote configuration");
  if (!parsed.config) {
    std::string reason = "it does not pass check-config: " + parsed.errors.front().to_string();
    if (parsed.errors.size() > 1) {
      reason += " (and " + std::to_string(parsed.errors.size() - 1) + " more)";
    }
    return refused(std::move(reason));
  }
  const std::int64_t version = parsed.config->fleet.config_version;
  if (version == running_version) {
    RemoteVerdict verdict;
    verdict.kind = RemoteVerdict::Kind::UpToDate;
    verdict.version = version;
    verdict.reason = "version " + std::to_string(version) + " is the one running";
    return verdict;
  }
  if (version < running_version) {
    return refused("version " + std::to_string(version) + " is older than the running version " +
                       std::to_string(running_version) + " (no rollback)",
                   version);
  }
  if (const auto expires = parsed.config->fleet.config_expires_unix;
      expires && *expires <= now_unix) {
    return refused("version " + std::to_string(version) + " expired at " + iso_utc(*expires),
                   version);
  }
  RemoteVerdict verdict;
  verdict.kind = RemoteVerdict::Kind::Accepted;
  verdict.version = version;
  verdict.config = merge_remote(local, std::move(*parsed.config));
  return verdict;
}

StartupConfig startup_config(const Config& local, const std::filesystem::path& data_dir,
                             std::int64_t now_unix) {
  StartupConfig out{local, {}};
  out.status.running_version = local.fleet.config_version;
  if (local.fleet.config_url.empty()) {
    out.status.reason = "no [fleet] config_url";
    return out;
  }
  out.status.last_result = RemoteConfigStatus::Result::UpToDate;
  out.status.reason = "not checked yet";
  const auto file = stored_remote_file(data_dir);
  const auto text = read_small_file(file, kMaxSignedBytes);
  if (!text) return out;
  RemoteVerdict verdict = check_remote_config(*text, local, local.fleet.config_version, now_unix);
  if (verdict.kind != RemoteVerdict::Kind::Accepted) {
    const std::string line =
        "the stored remote configuration " + file.string() + " is not used: " + verdict.reason;
    if (verdict.kind == RemoteVerdict::Kind::Refused) {
      log::warn(line);
    } else {
      log::info(line);
    }
    return out;
  }
  out.config = std::move(*verdict.config);
  out.config.source = file;
  out.status.running_version = *verdict.version;
  out.status.last_result = RemoteConfigStatus::Result::Applied;
  out.status.reason = "version " + std::to_string(*verdict.version) + " from " + file.string();
  log::info("remote configuration version " + std::to_string(*verdict.version) + " in use (" +
            file.string() + ")");
  return out;
}

RemoteConfigWatcher::RemoteConfigWatcher(Config local, std::filesystem::path data_dir,
                                         RemoteConfigStatus initial)
    : local_(std::move(local)), data_dir_(std::move(data_dir)), status_(std::move(initial)) {}

RemoteConfigWatcher::~RemoteConfigWatcher() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void RemoteConfigWatcher::start(std::chrono::minutes refresh) {
  const std::lock_guard lock(mutex_);
  refresh_ = refresh;
  if (thread_.joinable() || local_.fleet.config_url.empty()) return;
  thread_ = std::thread([this] { run(); });
}

void RemoteConfigWatcher::set_waker(std::function<void()> waker) {
  const std::lock_guard lock(mutex_);
  waker_ = std::move(waker);
}

void RemoteConfigWatcher::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    check_now(unix_now());
    lock.lock();
    wake_.wait_for(lock, refresh_, [this] { return stopping_.load(); });
  }
}

RemoteConfigStatus RemoteConfigWatcher::check_now(std::int64_t now_unix) {
  std::int64_t newest = 0;
  {
    const std::lock_guard lock(mutex_);
    // A file accepted but not applied yet counts: the same one is not taken twice.
    newest = accepted_ ? accepted_->fleet.config_version : status_.running_version;
  }
  FetchRequest request;
  request.url = local_.fleet.config_url;
  request.max_bytes = kMaxSignedBytes;
  request.connect_timeout_ms = 10000;
  request.total_timeout_ms = 60000;
  const FetchResult fetched = fetch(request, &stopping_);

  RemoteVerdict verdict;
  std::optional<std::string> store_error;
  if (fetched.status == FetchResult::Status::Ok) {
    verdict = check_remote_config(fetched.body, local_, newest, now_unix);
    if (verdict.kind == RemoteVerdict::Kind::Accepted) {
      store_error = write_file_atomically(stored_remote_file(data_dir_), fetched.body, 0640);
    }
  }

  std::function<void()> waker;
  RemoteConfigStatus status;
  {
    const std::lock_guard lock(mutex_);
    status_.last_check = now_unix;
    if (fetched.status != FetchResult::Status::Ok) {
      status_.last_result = RemoteConfigStatus::Result::Unreachable;
      status_.reason = "cannot fetch " + local_.fleet.config_url + ": " +
                       (fetched.error.empty() ? "no answer" : fetched.error);
    } else if (store_error) {
      status_.last_result = RemoteConfigStatus::Result::Refused;
      status_.refused_version = verdict.version;
      status_.reason = "version " + std::to_string(*verdict.version) +
                       " is valid but cannot be stored: " + *store_error;
    } else if (verdict.kind == RemoteVerdict::Kind::Accepted) {
      status_.last_result = RemoteConfigStatus::Result::Applied;
      status_.reason = "version " + std::to_string(*verdict.version) +
                       " accepted; it is applied when no session is in progress";
      accepted_ = std::move(verdict.config);
      waker = waker_;
    } else if (verdict.kind == RemoteVerdict::Kind::UpToDate) {
      // A file accepted and waiting stays "applied … when no session is in progress".
      if (!accepted_) {
        status_.last_result = RemoteConfigStatus::Result::UpToDate;
        status_.reason = verdict.reason;
      }
    } else {
      status_.last_result = RemoteConfigStatus::Result::Refused;
      status_.refused_version = verdict.version;
      status_.reason = verdict.reason;
    }
    status = status_;
  }
  if (status.last_result == RemoteConfigStatus::Result::Refused) {
    log::warn("remote configuration refused: " + status.reason);
  } else if (status.last_result == RemoteConfigStatus::Result::Unreachable) {
    log::warn("remote configuration: " + status.reason);
  } else if (waker) {
    log::info("remote configuration " + status.reason);
  }
  if (waker) waker();
  return status;
}

RemoteConfigStatus RemoteConfigWatcher::status() const {
  const std::lock_guard lock(mutex_);
  return status_;
}

bool RemoteConfigWatcher::has_accepted() const {
  const std::lock_guard lock(mutex_);
  return accepted_.has_value();
}

std::optional<Config> RemoteConfigWatcher::take_accepted() {
  const std::lock_guard lock(mutex_);
  std::optional<Config> out = std::move(accepted_);
  accepted_.reset();
  if (out) {
    status_.running_version = out->fleet.config_version;
    status_.last_result = RemoteConfigStatus::Result::Applied;
    status_.reason = "version " + std::to_string(out->fleet.config_version) + " applied";
  }
  return out;
}

}  // namespace fleet
}  // namespace kiosk

// Signed remote configuration (README, "Remote configuration, signed"): a worker fetches [fleet]
// config_url every config_refresh_minutes and accepts a file only when its signature is valid for
// [fleet] config_public_key, it passes check-config, its config_version is newer than the running
// one and its config_expires has not passed. An accepted file is stored in the data directory and
// waits until the app can apply it between sessions; a refused one is kept out, with the reason
// in the log and in RemoteConfigStatus (the staff panel, the metrics).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "kiosk/config/config.h"

namespace kiosk {

// What the staff panel and the metrics show.
struct RemoteConfigStatus {
  std::int64_t running_version = 0;        // [fleet] config_version of the configuration in use
  std::optional<std::int64_t> last_check;  // Unix seconds of the last fetch; none yet
  enum class Result { NotConfigured, Applied, UpToDate, Refused, Unreachable };
  Result last_result = Result::NotConfigured;
  std::string reason;                           // plain English for the log and the panel
  std::optional<std::int64_t> refused_version;  // the version of the file last refused, if known
};

std::string_view result_name(RemoteConfigStatus::Result result);  // "applied", "refused", …

namespace fleet {

// The file in the data directory an accepted remote configuration is kept in.
std::filesystem::path stored_remote_file(const std::filesystem::path& data_dir);

struct RemoteVerdict {
  enum class Kind { Accepted, UpToDate, Refused } kind = Kind::Refused;
  std::string reason;                   // why refused (or up to date); empty when accepted
  std::optional<std::int64_t> version;  // the file's config_version, once it could be read
  std::optional<Config> config;         // when accepted: the remote file merged with `local`
};

// Judges a signed file against the technician's configuration (`local`: /etc's file, whose
// [kiosk] id, [fleet] config_url and config_public_key always win) and the version running now.
// In order: the signature, check-config's validation, the version, the expiry.
RemoteVerdict check_remote_config(std::string_view signed_text, const Config& local,
                                  std::int64_t running_version, std::int64_t now_unix);

// What the remote file may not change: the kiosk's id and where remote files come from.
Config merge_remote(const Config& local, Config remote);

// At start-up: /etc's configuration, or the stored remote file when it is still valid (signed,
// newer than /etc's config_version, not expired). `status` says which and why.
struct StartupConfig {
  Config config;
  RemoteConfigStatus status;
};
StartupConfig startup_config(const Config& local, const std::filesystem::path& data_dir,
                             std::int64_t now_unix);

// Fetches and judges; one thread, started after the kiosk's first frame. Thread-safe.
class RemoteConfigWatcher {
 public:
  RemoteConfigWatcher(Config local, std::filesystem::path data_dir, RemoteConfigStatus initial);
  ~RemoteConfigWatcher();  // stops the thread, a fetch in progress is cancelled
  RemoteConfigWatcher(const RemoteConfigWatcher&) = delete;
  RemoteConfigWatcher& operator=(const RemoteConfigWatcher&) = delete;

  // Starts the thread (once; nothing when config_url is empty): a check at once, then every
  // `refresh`. Called again after a reload, it only takes the new configuration's refresh.
  void start(std::chrono::minutes refresh);
  // Called (from the worker's thread) when a file was accepted; the app wakes up for it.
  void set_waker(std::function<void()> waker);

  // One fetch and verdict, now, on the calling thread (the worker's loop; tests).
  RemoteConfigStatus check_now(std::int64_t now_unix);

  RemoteConfigStatus status() const;
  bool has_accepted() const;
  // The accepted configuration waiting to be applied (once); the status says it runs from now.
  std::optional<Config> take_accepted();

 private:
  void run();

  const Config local_;
  const std::filesystem::path data_dir_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  RemoteConfigStatus status_;
  std::optional<Config> accepted_;  // stored, not applied yet
  std::function<void()> waker_;
  std::chrono::minutes refresh_{60};
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace fleet
}  // namespace kiosk

// Sync in the background: a worker thread syncs every feed at start-up (never delaying the first
// frame) and then every refresh interval, with its own writer connection. Results reach the UI
// thread through the RunQueue, which wakes it with an SDL user event.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "kiosk/base/run_queue.h"
#include "kiosk/sync/status.h"
#include "kiosk/sync/sync.h"

namespace kiosk {

class SyncService {
 public:
  // Called on the UI thread after each sync, with what the sync did and what the cache now holds
  // (counted on the worker, so the UI thread never waits for the database).
  using Listener = std::function<void(const std::vector<FeedOutcome>&, const ListingsStatus&)>;

  // Settings come from kiosk/setup (feed_specs, sync_options): sync never reads the configuration.
  SyncService(std::vector<FeedSpec> feeds, SyncOptions options, std::filesystem::path data_dir,
              std::chrono::minutes interval, RunQueue& queue, Listener listener);
  ~SyncService();  // cancels a transfer in progress and joins the worker
  SyncService(const SyncService&) = delete;
  SyncService& operator=(const SyncService&) = delete;

  void start();
  void sync_now();  // staff tools later; also tests

 private:
  void run();

  std::vector<FeedSpec> feeds_;
  SyncOptions options_;
  std::filesystem::path data_dir_;
  std::chrono::minutes interval_;
  RunQueue& queue_;
  Listener listener_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  bool now_ = false;
  std::atomic<bool> cancel_{false};
  std::thread thread_;
};

}  // namespace kiosk

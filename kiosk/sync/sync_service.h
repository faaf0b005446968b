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

// Where a sync stands, for the staff panel's "Sync now".
struct SyncProgress {
  bool running = false;
  int done = 0;   // feeds synced so far
  int total = 0;  // feeds configured
};

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

  // Called on the UI thread (through the RunQueue) when a sync starts, after each feed, and when
  // it ends (after the Listener). Set it before start().
  void on_progress(std::function<void(const SyncProgress&)> fn);
  // Called once on the UI thread (through the RunQueue) as the first sync starts, with what the
  // cache holds before it: a kiosk that has listings need not wait for a slow or stalled feed.
  // Set it before start().
  void on_cached(std::function<void(const ListingsStatus&)> fn);

  void start();
  // Staff's "Sync now" (and tests): a sync at once, unless one is running: then that one is the
  // answer (no second sync, its Listener and last progress come at its end).
  void sync_now();

 private:
  void run();
  void post_progress(const SyncProgress& progress);

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
  bool running_ = false;  // a sync is in progress (or about to start)
  std::function<void(const SyncProgress&)> progress_;
  std::function<void(const ListingsStatus&)> cached_;
  std::atomic<bool> cancel_{false};
  std::thread thread_;
};

}  // namespace kiosk

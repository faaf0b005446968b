#include "kiosk/sync/sync_service.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "kiosk/base/log.h"
#include "kiosk/base/scrub.h"

namespace kiosk {

SyncService::SyncService(std::vector<FeedSpec> feeds, SyncOptions options,
                         std::filesystem::path data_dir, std::chrono::minutes interval,
                         RunQueue& queue, Listener listener)
    : feeds_(std::move(feeds)),
      options_(std::move(options)),
      data_dir_(std::move(data_dir)),
      interval_(interval),
      queue_(queue),
      listener_(std::move(listener)) {}

SyncService::~SyncService() {
  {
    const std::lock_guard lock(mutex_);
    stop_ = true;
  }
  cancel_ = true;
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SyncService::on_progress(std::function<void(const SyncProgress&)> fn) {
  const std::lock_guard lock(mutex_);
  progress_ = std::move(fn);
}

void SyncService::on_cached(std::function<void(const ListingsStatus&)> fn) {
  const std::lock_guard lock(mutex_);
  cached_ = std::move(fn);
}

void SyncService::start() {
  if (thread_.joinable()) return;
  {
    const std::lock_guard lock(mutex_);
    running_ = true;  // the first sync starts at once: a sync_now() meanwhile is answered by it
  }
  thread_ = std::thread([this] { run(); });
}

void SyncService::sync_now() {
  {
    const std::lock_guard lock(mutex_);
    if (running_) return;
    now_ = true;
  }
  wake_.notify_all();
}

void SyncService::post_progress(const SyncProgress& progress) {
  std::function<void(const SyncProgress&)> fn;
  {
    const std::lock_guard lock(mutex_);
    fn = progress_;
  }
  if (fn) queue_.post([fn = std::move(fn), progress] { fn(progress); });
}

void SyncService::run() {
  // A low priority (nice 10, inherited by the parser thread it starts): on two cores a big
  // import yields to the frames a resident is waiting for, yet is never starved the way
  // SCHED_IDLE starves it on a machine that is busy for a while (measured: the tests' first
  // sync stalled behind a parallel build).
  const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
  if (::setpriority(PRIO_PROCESS, tid, 10) != 0) log::warn("could not lower the sync's priority");
  const int total = static_cast<int>(feeds_.size());
  bool first = true;
  for (;;) {
    std::vector<FeedOutcome> outcomes;
    ListingsStatus status;
    int done = 0;
    post_progress({true, 0, total});
    SyncOptions options = options_;
    options.on_feed = [this, &done, total](std::size_t n, std::size_t) {
      done = static_cast<int>(n);
      post_progress({true, done, total});
    };
    try {
      // Open for one sync only: between syncs (an hour) the writer's page cache, up to 24 MB
      // after a big import, would stay in the kiosk's memory for nothing.
      Store store(data_dir_, Store::Mode::Writer);
      if (first) {
        first = false;
        std::function<void(const ListingsStatus&)> fn;
        {
          const std::lock_guard lock(mutex_);
          fn = cached_;
        }
        if (fn) {
          const ListingsStatus before = listings_status(store, {}, options_.now());
          queue_.post([fn = std::move(fn), before] { fn(before); });
        }
      }
      outcomes = sync_all(store, feeds_, options, &cancel_);
      status = listings_status(store, outcomes, options_.now());
    } catch (const std::exception& e) {  // a broken cache file must not take the kiosk down
      log::error(std::string("sync: ") + e.what());
    }
    scrub::release_free_memory();  // and what the import freed goes back to the system
    queue_.post([this, outcomes = std::move(outcomes), status] { listener_(outcomes, status); });
    post_progress({false, done, total});

    std::unique_lock lock(mutex_);
    running_ = false;
    wake_.wait_for(lock, interval_, [this] { return stop_ || now_; });
    if (stop_) return;
    now_ = false;
    running_ = true;
  }
}

}  // namespace kiosk

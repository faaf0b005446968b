// Health for the monitoring a fleet already runs: the kiosk's figures in Prometheus text format,
// written whole (NAME.prom.tmp beside the file, fsync, rename) for node_exporter's textfile
// collector, every minute and at start and stop, on a thread of its own. Counts and times only:
// nothing a resident typed, chose or saw.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/base/worker.h"

namespace kiosk::fleet {

struct FeedMetrics {
  std::string kind;    // jobs, programs, events, services, faq
  std::string source;  // the host of http(s), the file name of file: (kiosk/staff/health.h)
  std::string status;  // updated, unchanged, failed, or "" never synced
  std::int64_t records = 0;
  std::optional<std::int64_t> last_sync;  // Unix seconds of the last good sync
};

// What one write says. The app fills what it holds on the UI thread; add_stored_figures() the
// rest on the writer's thread.
struct MetricsSnapshot {
  bool up = true;            // false in the file written at a clean stop
  std::string version;       // kiosk::version()
  std::string kiosk_id;      // [kiosk] id
  std::int64_t started = 0;  // Unix seconds
  std::vector<FeedMetrics> feeds;
  std::vector<std::pair<std::string, std::int64_t>> listings;  // kind → listings residents see
  std::int64_t outbox_pending = 0;  // sealed sign-ups not yet delivered, held ones included
  std::int64_t outbox_held = 0;     // refused by the intake server, waiting for staff
  std::int64_t outbox_oldest_age_seconds = 0;  // 0 when nothing waits
  std::int64_t sessions_today = 0;             // the local day's sessions (kiosk/stats/usage.h)
  std::uint64_t warnings = 0;                  // log lines since the process started
  std::uint64_t errors = 0;
  std::int64_t restarts = 0;  // starts not preceded by a clean stop (run_state.h)
  // Free bytes on the disk that holds the data directory (nullopt: cannot tell). A sync needs
  // room before it writes (kiosk/sync/sync.cpp); watch it fall before the listings stop updating.
  std::optional<std::uint64_t> data_disk_available_bytes;
  // [fleet] config_version of the running configuration; 0 without one.
  std::int64_t remote_config_version = 0;
  // The last check of [fleet] config_url (kiosk/fleet/remote_config.h): its result's name
  // ("applied", "up_to_date", "refused", "unreachable"; empty: never checked), when, and the
  // version a refused file carried.
  std::string remote_config_result;
  std::optional<std::int64_t> remote_config_checked;
  std::optional<std::int64_t> remote_config_refused_version;
};

// A label value as the text format wants it: backslash, double quote and line feed escaped,
// anything not UTF-8 replaced.
std::string escape_label_value(std::string_view value);

// The snapshot in Prometheus text exposition format 0.0.4: every family with HELP and TYPE,
// names prefixed workforce_kiosk_, ending in a line feed.
std::string render_metrics(const MetricsSnapshot& snapshot);

// The feeds (the cache), the outbox and the log's counters, read from DATA; what cannot be read
// stays as it was (logged at debug). Blocking: call it off the UI thread.
void add_stored_figures(MetricsSnapshot& snapshot, const std::filesystem::path& data_dir,
                        std::int64_t now);

// Writes the metrics file on its own thread. With an empty path every call does nothing.
class MetricsWriter {
 public:
  static constexpr std::int64_t kWriteEvery = 60;  // seconds

  explicit MetricsWriter(std::filesystem::path file);
  ~MetricsWriter();  // lets a running write finish
  MetricsWriter(const MetricsWriter&) = delete;
  MetricsWriter& operator=(const MetricsWriter&) = delete;

  bool enabled() const { return !file_.empty(); }
  static std::filesystem::path temp_file(const std::filesystem::path& file);  // NAME.prom.tmp

  // When the next write is due (Unix seconds); nothing when disabled.
  std::optional<std::int64_t> next_write() const;
  // Runs `collect` then writes what it returns, on the writer's thread; the next write falls due
  // kWriteEvery seconds after `now`. A write still waiting is replaced.
  void write(std::int64_t now, std::function<MetricsSnapshot()> collect);
  void drain();  // waits for the writes posted so far (the stop, tests)

 private:
  std::filesystem::path file_;
  std::optional<std::int64_t> next_write_;
  std::string last_error_;  // the writer's thread only: a failure is logged when it changes
  Worker worker_;           // declared last: stopped first
};

}  // namespace kiosk::fleet

#include "kiosk/fleet/metrics.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "kiosk/base/atomic_file.h"
#include "kiosk/base/log.h"
#include "kiosk/base/utf8.h"
#include "kiosk/signup/outbox.h"
#include "kiosk/staff/health.h"
#include "kiosk/store/sqlite.h"
#include "kiosk/store/store.h"

namespace kiosk::fleet {
namespace {

constexpr std::string_view kPrefix = "workforce_kiosk_";

// One metric family: its HELP and TYPE lines, then its samples.
class Family {
 public:
  Family(std::string& out, std::string_view name, std::string_view type, std::string_view help)
      : out_(out), name_(std::string(kPrefix) + std::string(name)) {
    out_ += "# HELP " + name_ + ' ' + std::string(help) + '\n';
    out_ += "# TYPE " + name_ + ' ' + std::string(type) + '\n';
  }
  using Labels = std::vector<std::pair<std::string_view, std::string_view>>;
  void sample(std::int64_t value, const Labels& labels = {}) {
    out_ += name_;
    if (!labels.empty()) {
      out_ += '{';
      bool first = true;
      for (const auto& [key, value_text] : labels) {
        if (!first) out_ += ',';
        first = false;
        out_ += std::string(key) + "=\"" + escape_label_value(value_text) + '"';
      }
      out_ += '}';
    }
    out_ += ' ' + std::to_string(value) + '\n';
  }

 private:
  std::string& out_;
  std::string name_;
};

// Two feeds of a kind on one host (or two files of one name) would give the same labels, which
// Prometheus refuses: the second becomes "host (2)", the third "host (3)", in the feeds' order.
std::vector<std::string> distinct_sources(const std::vector<FeedMetrics>& feeds) {
  std::map<std::pair<std::string, std::string>, int> seen;
  std::vector<std::string> sources;
  for (const auto& feed : feeds) {
    const int n = ++seen[{feed.kind, feed.source}];
    sources.push_back(n == 1 ? feed.source : feed.source + " (" + std::to_string(n) + ")");
  }
  return sources;
}

}  // namespace

std::string escape_label_value(std::string_view value) {
  const std::string text = utf8::sanitize(value);
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string render_metrics(const MetricsSnapshot& s) {
  std::string out;
  Family(out, "up", "gauge", "1 while the kiosk runs; 0 once it stopped cleanly.")
      .sample(s.up ? 1 : 0);
  Family(out, "build_info", "gauge", "The kiosk's version and id; always 1.")
      .sample(1, {{"version", s.version}, {"kiosk_id", s.kiosk_id}});
  Family(out, "start_time_seconds", "gauge", "When the kiosk started, in Unix seconds.")
      .sample(s.started);

  const std::vector<std::string> sources = distinct_sources(s.feeds);
  const auto labels = [&](std::size_t i) {
    return Family::Labels{{"kind", s.feeds[i].kind}, {"source", sources[i]}};
  };
  {
    Family f(out, "feed_last_sync_timestamp_seconds", "gauge",
             "When the feed last synced well (updated or unchanged), in Unix seconds; absent "
             "before its first good sync.");
    for (std::size_t i = 0; i < s.feeds.size(); ++i) {
      if (s.feeds[i].last_sync) f.sample(*s.feeds[i].last_sync, labels(i));
    }
  }
  {
    Family f(out, "feed_last_sync_ok", "gauge",
             "1 when the feed's last sync worked (updated or unchanged), 0 when it failed or "
             "never ran.");
    for (std::size_t i = 0; i < s.feeds.size(); ++i) {
      const bool ok = s.feeds[i].status == "updated" || s.feeds[i].status == "unchanged";
      f.sample(ok ? 1 : 0, labels(i));
    }
  }
  {
    Family f(out, "feed_records", "gauge", "Records the cache holds from the feed.");
    for (std::size_t i = 0; i < s.feeds.size(); ++i) f.sample(s.feeds[i].records, labels(i));
  }
  {
    Family f(out, "listings", "gauge",
             "Listings residents can find, per kind (events: upcoming ones).");
    for (const auto& [kind, count] : s.listings) f.sample(count, {{"kind", kind}});
  }
  Family(out, "outbox_pending", "gauge",
         "Sealed sign-ups not yet delivered to the intake team, held ones included.")
      .sample(s.outbox_pending);
  Family(out, "outbox_held", "gauge", "Sign-ups the intake server refused, waiting for staff.")
      .sample(s.outbox_held);
  Family(out, "outbox_oldest_age_seconds", "gauge",
         "Age of the oldest sign-up waiting in the outbox; 0 when none waits.")
      .sample(s.outbox_oldest_age_seconds);
  Family(out, "sessions_today", "gauge", "Resident sessions today, local time.")
      .sample(s.sessions_today);
  if (s.data_disk_available_bytes) {
    Family(out, "data_disk_available_bytes", "gauge",
           "Free bytes on the disk of the data directory; a sync needs room before it writes.")
        .sample(static_cast<std::int64_t>(*s.data_disk_available_bytes));
  }
  Family(out, "log_warnings_total", "counter", "Warnings logged since the kiosk started.")
      .sample(static_cast<std::int64_t>(s.warnings));
  Family(out, "log_errors_total", "counter", "Errors logged since the kiosk started.")
      .sample(static_cast<std::int64_t>(s.errors));
  Family(out, "restarts_total", "counter",
         "Starts that followed a start without a clean stop (a crash, a kill, the watchdog).")
      .sample(s.restarts);
  Family(out, "remote_config_version", "gauge",
         "[fleet] config_version of the running configuration; 0 without one.")
      .sample(s.remote_config_version);
  if (!s.remote_config_result.empty()) {
    // One series per result, 1 for the last one: alert on result="refused" == 1.
    Family results(out, "remote_config_last_result", "gauge",
                   "The last check of [fleet] config_url: 1 for its result, 0 for the others.");
    for (const char* result : {"applied", "up_to_date", "refused", "unreachable"}) {
      results.sample(s.remote_config_result == result ? 1 : 0, {{"result", result}});
    }
  }
  if (s.remote_config_checked) {
    Family(out, "remote_config_last_check_timestamp_seconds", "gauge",
           "When [fleet] config_url was last fetched, Unix seconds.")
        .sample(*s.remote_config_checked);
  }
  if (s.remote_config_refused_version) {
    Family(out, "remote_config_refused_version", "gauge",
           "The config_version of the last remote file refused (bad signature, old, expired or "
           "invalid).")
        .sample(*s.remote_config_refused_version);
  }
  return out;
}

void add_stored_figures(MetricsSnapshot& snapshot, const std::filesystem::path& data_dir,
                        std::int64_t now) {
  snapshot.warnings = log::count(log::Level::Warn);
  snapshot.errors = log::count(log::Level::Error);
  std::error_code ec;
  if (const auto space = std::filesystem::space(data_dir, ec); !ec) {
    snapshot.data_disk_available_bytes = space.available;
  }
  try {
    if (std::filesystem::exists(Store::file_in(data_dir), ec)) {
      Store store(data_dir, Store::Mode::Reader);
      snapshot.feeds.clear();
      for (const auto& feed : staff::feed_health(store)) {
        snapshot.feeds.push_back(FeedMetrics{.kind = feed.kind,
                                             .source = feed.source,
                                             .status = feed.status,
                                             .records = feed.records,
                                             .last_sync = feed.last_good});
      }
    }
  } catch (const std::exception& e) {
    log::debug(std::string("metrics: cannot read the cache: ") + e.what());
  }
  try {
    if (std::filesystem::exists(Outbox::file_in(data_dir), ec)) {
      const OutboxCounts counts = Outbox(data_dir).counts();
      snapshot.outbox_pending = counts.pending;
      snapshot.outbox_held = counts.held;
      snapshot.outbox_oldest_age_seconds =
          counts.oldest_created ? std::max<std::int64_t>(0, now - *counts.oldest_created) : 0;
    }
  } catch (const std::exception& e) {
    log::debug(std::string("metrics: cannot read the outbox: ") + e.what());
  }
}

MetricsWriter::MetricsWriter(std::filesystem::path file) : file_(std::move(file)) {}

MetricsWriter::~MetricsWriter() {
  worker_.stop();
}

std::filesystem::path MetricsWriter::temp_file(const std::filesystem::path& file) {
  return std::filesystem::path(file).concat(".tmp");
}

std::optional<std::int64_t> MetricsWriter::next_write() const {
  if (!enabled()) return std::nullopt;
  return next_write_.value_or(0);
}

void MetricsWriter::write(std::int64_t now, std::function<MetricsSnapshot()> collect) {
  if (!enabled()) return;
  next_write_ = now + kWriteEvery;
  worker_.post(
      [this, collect = std::move(collect)] {
        const std::string text = render_metrics(collect());
        const auto error = write_file_atomically_via(file_, temp_file(file_), text, 0644);
        if (error && *error != last_error_) log::warn("metrics: " + *error);
        if (!error && !last_error_.empty())
          log::info("metrics: written again to " + file_.string());
        last_error_ = error.value_or("");
      },
      "write");
}

void MetricsWriter::drain() {
  worker_.drain();
}

}  // namespace kiosk::fleet

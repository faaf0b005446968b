#include "kiosk/stats/usage.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>

#include "kiosk/base/log.h"
#include "kiosk/i18n/time_zone.h"

namespace kiosk::stats {
namespace {

constexpr int kSchemaVersion = 1;

// One row per day and counter: new counters need no migration, and a day nobody used costs
// nothing. `counter` is one of the keys below, never anything a resident typed.
constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS usage (
  day INTEGER NOT NULL,
  counter TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (day, counter)
) WITHOUT ROWID;
)sql";

constexpr std::string_view kJourneyPrefix = "journey.";

// A screen's stable name ("jobs.search"): the only outside text that becomes a key, checked so
// nothing else ever can.
bool screen_name(std::string_view name) {
  return !name.empty() && name.size() <= 40 && std::ranges::all_of(name, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_';
  });
}

// Each stored counter and the figure it adds to (journeys: by prefix, below).
struct Field {
  std::string_view key;
  std::int64_t Figures::*figure;
};
constexpr std::array kFields{
    Field{"sessions", &Figures::sessions},   Field{"session_seconds", &Figures::session_seconds},
    Field{"lang.en", &Figures::sessions_en}, Field{"lang.es", &Figures::sessions_es},
    Field{"searches", &Figures::searches},   Field{"searches_empty", &Figures::searches_empty},
    Field{"signups", &Figures::signups},     Field{"qr_shown", &Figures::qr_shown},
    Field{"prints", &Figures::prints},
};

void count_into(Figures& f, const std::string& key, std::int64_t n) {
  if (key.starts_with(kJourneyPrefix)) {
    f.journeys += n;
    f.journey_screens[key.substr(kJourneyPrefix.size())] += n;
    return;
  }
  for (const Field& field : kFields) {
    if (field.key == key) f.*field.figure += n;
  }  // a key from a newer kiosk: not ours to show
}

std::int64_t system_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

std::string day_text(std::int64_t day) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{day}}};
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return out;
}

UsageStore::UsageStore(const std::filesystem::path& data_dir)
    : db_(file_in(data_dir), sql::Database::Mode::ReadWrite) {
  // WAL with synchronous = FULL: each write (once a minute at most, so the fsync is cheap in
  // total) is durable when commit() returns, and a power cut mid-write leaves the previous
  // figures whole: WAL replays only committed frames. NORMAL would be durable against a crash
  // of the process but could lose the last commit on a power cut, which the issue rules out.
  sql::open_durable(db_, kSchema, kSchemaVersion, file_in(data_dir), "usage");
}

std::filesystem::path UsageStore::file_in(const std::filesystem::path& data_dir) {
  return data_dir / "usage.sqlite";
}

void UsageStore::add(const Deltas& deltas, std::int64_t today) {
  sql::Transaction t(db_);
  sql::Statement up(db_,
                    "INSERT INTO usage (day, counter, count) VALUES (?1, ?2, ?3) "
                    "ON CONFLICT (day, counter) DO UPDATE SET count = count + excluded.count");
  for (const auto& [at, n] : deltas) {
    up.bind(1, at.first).bind(2, at.second).bind(3, n);
    up.run();
    up.reset();
  }
  sql::Statement prune(db_, "DELETE FROM usage WHERE day <= ?1");
  prune.bind(1, today - kKeepDays);
  prune.run();
  t.commit();
}

Figures UsageStore::sum(std::int64_t first_day, std::int64_t last_day) const {
  sql::Statement s(db_,
                   "SELECT counter, sum(count) FROM usage WHERE day BETWEEN ?1 AND ?2 "
                   "GROUP BY counter");
  s.bind(1, first_day).bind(2, last_day);
  Figures f;
  while (s.step()) count_into(f, s.text(0), s.int64(1));
  return f;
}

UsageReport UsageStore::report(std::int64_t today) const {
  UsageReport r;
  r.today = today;
  r.today_figures = sum(today, today);
  r.last_7_days = sum(today - 6, today);
  r.last_30_days = sum(today - 29, today);
  for (std::int64_t day = today - 29; day <= today; ++day) r.days.push_back({day, {}});
  sql::Statement s(db_, "SELECT day, counter, count FROM usage WHERE day BETWEEN ?1 AND ?2");
  s.bind(1, today - 29).bind(2, today);
  while (s.step()) {
    count_into(r.days[static_cast<std::size_t>(s.int64(0) - (today - 29))].figures, s.text(1),
               s.int64(2));
  }
  return r;
}

UsageCounter::UsageCounter(std::filesystem::path data_dir, WallClock clock)
    : data_dir_(std::move(data_dir)), clock_(clock ? std::move(clock) : WallClock(system_seconds)) {
  last_write_ = clock_();
}

void UsageCounter::add(std::string key, std::int64_t amount) {
  const std::int64_t day = local_day(clock_());
  const std::scoped_lock lock(mutex_);
  pending_[{day, std::move(key)}] += amount;
}

void UsageCounter::session_ended(std::int64_t seconds, Language language) {
  add("sessions");
  add("session_seconds", seconds < 0 ? 0 : seconds);
  add(language == Language::Es ? "lang.es" : "lang.en");
}

void UsageCounter::journey(std::string_view screen) {
  if (screen_name(screen)) add(std::string(kJourneyPrefix) + std::string(screen));
}

void UsageCounter::search(bool found_nothing) {
  add("searches");
  if (found_nothing) add("searches_empty");
}

void UsageCounter::signup() {
  add("signups");
}

void UsageCounter::qr_shown() {
  add("qr_shown");
}

void UsageCounter::print() {
  add("prints");
}

std::optional<std::int64_t> UsageCounter::next_write() const {
  const std::scoped_lock lock(mutex_);
  if (pending_.empty()) return std::nullopt;
  return last_write_ + kWriteEvery;
}

Deltas UsageCounter::take() {
  Deltas deltas;
  const std::scoped_lock lock(mutex_);
  deltas.swap(pending_);
  last_write_ = clock_();
  return deltas;
}

void UsageCounter::flush_if_due() {
  const auto due = next_write();
  if (!due || clock_() < *due) return;
  writer_.post(
      [this, deltas = take(), today = local_day(clock_())]() mutable { write(deltas, today); });
}

void UsageCounter::flush() {
  writer_.drain();
  Deltas deltas = take();
  if (!deltas.empty()) write(deltas, local_day(clock_()));
}

void UsageCounter::drain() {
  writer_.drain();
}

UsageCounter::~UsageCounter() {
  try {
    flush();
  } catch (...) {  // nothing throws from a destructor; the counts are only figures
    log::error("usage figures lost at exit");
  }
}

UsageReport UsageCounter::report_now() {
  const std::int64_t today = local_day(clock_());
  UsageReport r;
  {
    const std::scoped_lock lock(write_mutex_);
    try {
      if (!store_) store_.emplace(data_dir_);
      r = store_->report(today);
    } catch (const sql::SqliteError& e) {
      log::warn(std::string("usage figures not read: ") + e.what());
      r = UsageReport{};
      r.today = today;
      for (std::int64_t day = today - 29; day <= today; ++day) r.days.push_back({day, {}});
    }
  }
  Deltas waiting;
  {
    const std::scoped_lock lock(mutex_);
    waiting = pending_;
  }
  for (const auto& [at, n] : waiting) {
    const auto [day, key] = at;
    if (day > today || day < today - 29) continue;
    count_into(r.days[static_cast<std::size_t>(day - (today - 29))].figures, key, n);
    if (day > today - 30) count_into(r.last_30_days, key, n);
    if (day > today - 7) count_into(r.last_7_days, key, n);
    if (day == today) count_into(r.today_figures, key, n);
  }
  return r;
}

void UsageCounter::write(const Deltas& deltas, std::int64_t today) {
  const std::scoped_lock lock(write_mutex_);
  try {
    const auto started = std::chrono::steady_clock::now();
    if (!store_) store_.emplace(data_dir_);
    store_->add(deltas, today);
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - started);
    log::info("usage figures written (" + std::to_string(deltas.size()) + " counts) in " +
              std::to_string(static_cast<double>(us.count()) / 1000.0).substr(0, 5) + " ms");
  } catch (const sql::SqliteError& e) {
    // Kept for the next write: counts are lost only if the file never comes back.
    log::warn(std::string("usage figures not written: ") + e.what());
    const std::scoped_lock again(mutex_);
    for (const auto& [at, n] : deltas) pending_[at] += n;
  }
}

}  // namespace kiosk::stats

// Anonymous usage figures for staff: counts per local day, never words. Nothing a resident typed,
// chose or read reaches this file: only how many sessions, how long, in which language, which
// screens were opened from home, how many searches (and how many found nothing), sign-ups, QR
// codes shown and printouts.
//
// Days are the kiosk's wall-clock days (the configured time zone: kiosk/i18n/time_zone.h), kept
// as civil day numbers. A session counts on the day it ends, once, under the language it ended
// in (the one the resident chose last), so languages.en + languages.es == sessions; a session
// nobody touched (a tap that woke the attract screen and went no further) is not counted.
// A journey is a screen opened from home (one per tap on a home tile, whatever follows).
// A search is each new set of words or filters a listing screen answered (search as you type
// answers after a pause in typing; the same words again in the other language, sorted or with
// more results are not new), and each FAQ question once its words are settled (the keyboard
// put away, or a suggested question tapped); it found nothing when it had no result.
// QR codes shown: a listing page's link or calendar code, the sign-up's activation code.
// Printouts: pages the print service accepted. Sign-ups: sealed into the outbox.
//
// UsageStore is the file (DATA/usage.sqlite); UsageCounter keeps increments in memory and writes
// them at most once a minute (a counted event asks for a write a minute after the last one), and
// at once on flush() (shutdown): a power cut loses a minute of counts at most, never the file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/base/worker.h"
#include "kiosk/i18n/language.h"
#include "kiosk/store/sqlite.h"

namespace kiosk::stats {

// The figures of one day or a sum of days.
struct Figures {
  std::int64_t sessions = 0;
  std::int64_t session_seconds = 0;
  std::int64_t sessions_en = 0;
  std::int64_t sessions_es = 0;
  std::int64_t journeys = 0;                            // every screen opened from home
  std::map<std::string, std::int64_t> journey_screens;  // the same, by screen name
  std::int64_t searches = 0;
  std::int64_t searches_empty = 0;
  std::int64_t signups = 0;
  std::int64_t qr_shown = 0;
  std::int64_t prints = 0;

  bool operator==(const Figures&) const = default;
};

struct DayFigures {
  std::int64_t day = 0;  // civil day number (days since 1970-01-01, local)
  Figures figures;
};

// What staff and `workforce-kiosk stats` see.
struct UsageReport {
  std::int64_t today = 0;
  Figures today_figures;
  Figures last_7_days;           // today and the 6 days before
  Figures last_30_days;          // today and the 29 days before
  std::vector<DayFigures> days;  // the last 30 days, oldest first, every day (zeros included)
};

inline constexpr std::int64_t kKeepDays = 400;  // older days are deleted at each write

// "2026-12-06" for a civil day number.
std::string day_text(std::int64_t day);

// Increments waiting to be written: (day, counter key) → amount.
using Deltas = std::map<std::pair<std::int64_t, std::string>, std::int64_t>;

class UsageStore {
 public:
  // Opens (creating) DATA/usage.sqlite; DATA must exist. Throws sql::SqliteError when it cannot.
  explicit UsageStore(const std::filesystem::path& data_dir);
  static std::filesystem::path file_in(const std::filesystem::path& data_dir);

  // Adds the deltas in one transaction and deletes days before today - kKeepDays + 1: all of it
  // or nothing.
  void add(const Deltas& deltas, std::int64_t today);
  UsageReport report(std::int64_t today) const;

 private:
  Figures sum(std::int64_t first_day, std::int64_t last_day) const;
  sql::Database db_;
};

// The app's counter: cheap increments from any thread (a map entry under a mutex), written by
// flush_if_due() on a thread of its own (a commit waits for the disk: never on the UI thread)
// or by flush(), which waits (shutdown).
class UsageCounter {
 public:
  using WallClock = std::function<std::int64_t()>;  // unix seconds; a test clock in tests
  static constexpr std::int64_t kWriteEvery = 60;   // seconds between writes, at least

  // Nothing is opened until the first write, so a data directory that cannot hold the file
  // costs the kiosk nothing but the figures (logged once per failed write).
  explicit UsageCounter(std::filesystem::path data_dir, WallClock clock = {});
  ~UsageCounter();  // writes what waits
  UsageCounter(const UsageCounter&) = delete;
  UsageCounter& operator=(const UsageCounter&) = delete;

  void session_ended(std::int64_t seconds, Language language);
  void journey(std::string_view screen);  // a screen opened from home (its stable name)
  void search(bool found_nothing);
  void signup();
  void qr_shown();
  void print();

  // When the next write is due (unix seconds), if anything waits.
  std::optional<std::int64_t> next_write() const;
  void flush_if_due();  // when next_write() has come, hands the counts to the writing thread
  void flush();         // writes now whatever waits, and waits (shutdown); failures are logged
  void drain();         // waits for the writes flush_if_due() started (tests)
  std::int64_t now() const { return clock_(); }
  // The figures as staff see them: what is written plus what waits to be written. Reads the
  // file: call it off the UI thread (the staff panel's worker). Zeros when the file cannot be
  // read (logged).
  UsageReport report_now();

 private:
  void add(std::string key, std::int64_t amount = 1);
  Deltas take();  // what waits, and the time of this write
  // Writes on the caller's thread; `today` is read by the thread that took the counts (the clock
  // is the app's, read on its thread).
  void write(const Deltas& deltas, std::int64_t today);

  std::filesystem::path data_dir_;
  WallClock clock_;
  mutable std::mutex mutex_;
  Deltas pending_;               // guarded by mutex_
  std::int64_t last_write_ = 0;  // guarded by mutex_ (the start counts as a write)
  std::mutex write_mutex_;       // one write at a time; the store is used only under it
  std::optional<UsageStore> store_;
  Worker writer_;  // declared last: stopped first, before what its writes use
};

}  // namespace kiosk::stats

// `workforce-kiosk self-test`: what a technician checks on a fresh or a troubled machine, one
// line per check. A check that does not apply where it runs (no display, no systemd, no cache
// yet, no intake endpoint) is skipped with its reason and does not fail the test. The display
// and fonts are checked by the UI (ui/display_check.h); everything else here.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {
struct Config;
}

namespace kiosk::fleet {

enum class CheckStatus { Ok, Failed, Skipped };
std::string_view status_name(CheckStatus status);  // ok, failed, skipped

struct CheckResult {
  std::string check;  // "catalogs", "feed jobs example.org", …
  CheckStatus status = CheckStatus::Ok;
  std::string detail;  // one sentence: what was found, or why it failed or was skipped
};

inline constexpr std::uint64_t kMinFreeBytes = std::uint64_t{200} * 1024 * 1024;
inline constexpr std::chrono::milliseconds kReachTimeout{5000};

// Both message catalogs (en.json, es.json) in `locales_dir` load.
CheckResult check_catalogs(const std::filesystem::path& locales_dir);
// PRAGMA quick_check on the listings cache and the outbox in DATA; skipped when neither exists.
CheckResult check_databases(const std::filesystem::path& data_dir);
// At least `min_free` bytes free on the file system holding DATA.
CheckResult check_disk(const std::filesystem::path& data_dir,
                       std::uint64_t min_free = kMinFreeBytes);
// One result per configured feed: a file: feed's file exists, an http(s) feed's server answers
// (TCP and TLS); file: relative to `resource_dir` as the kiosk reads them.
std::vector<CheckResult> check_feeds(const Config& config,
                                     std::chrono::milliseconds timeout = kReachTimeout);
// [signup] endpoint answers; skipped when none is configured.
CheckResult check_intake(const Config& config, std::chrono::milliseconds timeout = kReachTimeout);
// The year `now_unix` falls in is at least `year_built` and at most 30 years after.
CheckResult check_clock(std::int64_t now_unix, int year_built);
int build_year();  // the year this binary was compiled
// espeak-ng speaks a word in English and in Spanish.
CheckResult check_voices();
// WATCHDOG_USEC's value: set under systemd's watchdog; skipped otherwise.
CheckResult check_watchdog(const char* watchdog_usec);

// The results as the command prints them: "ok       catalogs: en and es loaded" lines; and
// [{"check":…,"status":…,"detail":…}, …].
std::string format_results(const std::vector<CheckResult>& results);
std::string format_results_json(const std::vector<CheckResult>& results);
bool any_failed(const std::vector<CheckResult>& results);

}  // namespace kiosk::fleet

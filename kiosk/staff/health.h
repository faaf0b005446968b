// What the staff panel shows about the kiosk's health and what its buttons do below the screen:
// each feed's last sync in words staff understand, free disk, whether the feeds' servers answer,
// and the outbox carried to a USB drive. Nothing here draws; the network and the drive are
// blocking calls the UI runs off its thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {
class Store;
}

namespace kiosk::staff {

// Why a feed failed, for a sentence a staff member understands ("could not be reached since 9:12").
enum class FeedProblem {
  None,
  Unreachable,  // no network, no answer, a refused or cut connection, TLS, an unreadable file
  Refused,      // the server answered with an HTTP error (404, 500, …)
  NotAFeed,     // it came, but is not a feed the kiosk reads (format, text, wrong kind, empty)
  TooBig,       // over [feeds] max_feed_mb
  Key,          // an API key refused (401, 403), or missing from the secrets file
  DiskFull,     // the kiosk's disk is full, or has too little room for the update
  Other,        // the kiosk's own trouble (disk, cache, configuration, cancelled)
};

// From the error sync keeps for a feed (FeedOutcome::error, FeedState::error): the wording of
// kiosk/sync/fetch.cpp and kiosk/sync/sync.cpp. Empty: None.
FeedProblem classify_feed_error(std::string_view error);

struct FeedHealth {
  std::string kind;    // jobs, programs, events, services, faq
  std::string source;  // what staff may see: the host of http(s) (no path, query, port or
                       // credentials), the file name of file:
  std::string status;  // updated, unchanged, failed, or "" never synced
  std::int64_t records = 0;
  std::optional<std::int64_t> last_attempt;  // Unix seconds
  std::optional<std::int64_t> last_good;     // last_confirmed or last_success, the newer
  FeedProblem problem = FeedProblem::None;   // None unless status is failed
};

// Every feed in the cache, in the order jobs, programs, services, events, faq, then by source.
// Throws sql::SqliteError as the store does.
std::vector<FeedHealth> feed_health(Store& store);

// Bytes free for the kiosk on the file system holding `dir`; nothing when it cannot be asked.
std::optional<std::uint64_t> free_bytes(const std::filesystem::path& dir);

struct NetworkReport {
  int hosts = 0;  // distinct http(s) servers among the URLs
  int reachable = 0;
  std::vector<std::string> unreachable;  // their host names, in the URLs' order
};

// A TCP connection (and for https the TLS handshake) to each distinct http(s) server of `urls`,
// one after another, `timeout_per_host` each; file: and other URLs are left out. Blocking.
NetworkReport check_network(const std::vector<std::string>& urls,
                            std::chrono::milliseconds timeout_per_host);

// Mount points listed in `mounts_file` (the /proc/self/mounts format, octal escapes such as \040
// decoded) strictly below one of `roots`, mounted read-write and writable by this process;
// sorted, each once.
std::vector<std::filesystem::path> removable_drives(
    const std::filesystem::path& mounts_file, const std::vector<std::filesystem::path>& roots);

struct ExportReport {
  bool ok = false;
  int files = 0;
  std::filesystem::path folder;  // <drive>/workforce-kiosk/<kiosk_id>-<YYYYMMDD-HHMMSS>, UTC
  std::string error;             // one sentence for the log when !ok
};

// The sealed envelopes waiting in DATA's outbox, copied to a new folder on `drive` and flushed
// (kiosk/signup/outbox_export.h): nothing leaves the outbox.
ExportReport export_outbox_to(const std::filesystem::path& data_dir,
                              const std::filesystem::path& drive, const std::string& kiosk_id,
                              std::int64_t now_unix);

}  // namespace kiosk::staff

// config/kiosk.toml: everything site-specific, validated before the kiosk starts. A bad file is
// refused with file:line, the key and what was expected; the kiosk never starts half-configured.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/i18n/language.h"

namespace kiosk {

struct KioskSection {
  std::string id = "kiosk";                    // reported to the fleet; letters, digits, - and _
  std::string name = "Workforce Kiosk";        // shown at the top of every screen
  std::string location;                        // the branch or center, shown under the name
  std::string time_zone = "America/New_York";  // IANA: dates, times and opening hours
  Language default_language = Language::En;    // language at start-up and after every session
  // Where a resident finds a staff member ("Ask at the information desk on the first floor"),
  // in each language; empty: the kiosk's own general words (the Questions screen).
  std::string help_desk_en;
  std::string help_desk_es;
};

struct SessionSection {
  int idle_timeout_s = 120;  // seconds without a touch before "Are you still there?"
  int idle_warning_s = 30;   // seconds the warning counts down before the session is wiped
};

// One HTTP header a feed is fetched with: "User-Agent", "Authorization-Key" = "secret:usajobs".
struct FeedHeader {
  std::string name;
  std::string value;  // as written: "secret:NAME" is looked up in [feeds] secrets_file
  bool operator==(const FeedHeader&) const = default;
};

// One configured feed: a URL in quotes, or an inline table
// { url = "…", format = "usajobs", headers = { … }, max_pages = 10 }.
struct FeedSource {
  // https://, file:///absolute/path, file:relative/path (inside the kiosk's resource directory),
  // or http:// to this machine only (tests). As written: "{secret:NAME}" parts are filled in
  // from the secrets file only when the feed is fetched. It names the feed in the cache, the
  // logs and `sync --json`, so it never holds a secret.
  std::string url;
  std::string format = "auto";  // auto, jsonld, greenhouse, lever, ashby, etpl, ctdl, usajobs,
                                // careeronestop, xml
  std::vector<FeedHeader> headers;
  int max_pages = 10;  // paged sources (USAJOBS, CareerOneStop): the most pages read per sync

  FeedSource() = default;
  FeedSource(std::string u) : url(std::move(u)) {}  // NOLINT: a plain URL is a feed
  bool operator==(const FeedSource&) const = default;
};

// The formats `format` takes, in the order the README lists them.
inline constexpr std::string_view kFeedFormats[] = {
    "auto", "jsonld", "greenhouse", "lever",         "ashby",
    "etpl", "ctdl",   "usajobs",    "careeronestop", "xml"};

struct FeedsSection {
  std::vector<FeedSource> jobs, programs, events, services, faq;  // per kind of listing
  int refresh_minutes = 60;  // how often sync runs while the kiosk is up
  // The largest feed accepted, in MB; a larger one fails and its old listings stay. The default
  // takes a 100,000-job JSON-LD file (about 150 MB) in one piece.
  int max_feed_mb = 200;
  // API keys and tokens the feeds refer to as "secret:NAME": a TOML file of NAME = "value"
  // lines, mode 0600, owned by the kiosk's user (kiosk/config/secrets.h). Empty: none.
  std::filesystem::path secrets_file;
};

struct PrinterSection {
  // The CUPS queue that prints summaries for residents; empty: no printer, no Print button.
  std::string queue;
};

struct SignupSection {
  // The intake team's X25519 public key, padded base64 (`workforce-kiosk keygen` writes it);
  // empty: this kiosk takes no sign-ups.
  std::string public_key;
  // Where sealed sign-ups are POSTed: https:// (or http:// to this machine, tests); empty: they
  // wait in the outbox for staff to export.
  std::string endpoint;
  // Opened by the QR on the confirmation to activate the account; "{reference}" is replaced.
  std::string activate_url = "https://workforce.miami/activate?ref={reference}";
};

struct StaffSection {
  // The staff PIN's argon2id hash, as `workforce-kiosk pin-hash` prints it ("$argon2id$v=19$…");
  // never the PIN itself. Empty: the hidden staff entry does nothing.
  std::string pin_hash;
  // Where the system mounts USB drives (absolute folders): a drive mounted below one of them is
  // offered for the outbox export. At most 8.
  std::vector<std::filesystem::path> usb_roots = {"/media", "/run/media"};
};

// Fleet management (README, "Remote configuration, signed").
struct FleetSection {
  // Where a signed configuration for this kiosk is fetched: https:// (or http:// to this machine,
  // tests); empty: no remote configuration.
  std::string config_url;
  int config_refresh_minutes = 60;  // how often config_url is fetched (5 to 1440)
  // The ed25519 public key remote files must be signed with, padded base64 (`workforce-kiosk
  // keygen --signing` writes it into signing.pub). Needed when config_url is set.
  std::string config_public_key;
  // The version of this file: a remote file is applied only when its version is newer.
  std::int64_t config_version = 0;
  // RFC 3339 ("2027-01-31T00:00:00Z"); after it, a remote file is refused. Empty: never.
  std::string config_expires;
  std::optional<std::int64_t> config_expires_unix;  // the same, read (Unix seconds)
  // Where the kiosk writes its health in Prometheus text format every minute, for
  // node_exporter's textfile collector (an absolute path ending in .prom); empty: not written.
  std::filesystem::path metrics_file;
};

struct Config {
  KioskSection kiosk;
  SessionSection session;
  FeedsSection feeds;
  PrinterSection printer;
  SignupSection signup;
  StaffSection staff;
  FleetSection fleet;
  std::filesystem::path source;  // the file it came from (empty for text parsed in memory)
};

struct ConfigError {
  std::string file;
  int line = 0;  // 1-based; 0 when the problem has no place in the file (missing file)
  int column = 0;
  std::string message;

  std::string to_string() const;  // "file:line:column: message"
};

struct ConfigResult {
  std::optional<Config> config;     // set only when errors is empty
  std::vector<ConfigError> errors;  // every problem found, in file order
};

ConfigResult parse_config(std::string_view text, std::string_view source_name);
ConfigResult load_config(const std::filesystem::path& file);

}  // namespace kiosk

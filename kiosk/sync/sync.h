// Sync: fetch every configured feed, parse it (the format is detected from the content), and
// swap its records into the cache in one transaction. A failed, truncated, empty or malformed
// feed changes nothing and is reported with its URL and reason; the previous listings stay.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/config/config.h"
#include "kiosk/model/model.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/fetch.h"
#include "kiosk/sync/source_api.h"

namespace kiosk {

struct FeedSpec {
  // As configured: it names the feed in the cache, the logs and `sync --json`, and may hold
  // {secret:NAME} parts, filled in only for the request (kiosk/config/secrets.h).
  std::string url;
  ListingKind kind = ListingKind::Job;
  std::string format = "auto";      // a key of kFeedFormats (kiosk/config/config.h)
  std::vector<FeedHeader> headers;  // as configured: values may be "secret:NAME"
  int max_pages = 10;               // paged sources: the most pages read per sync
  // [feeds] secrets_file: read at each sync run that needs it, so a new key works at once.
  std::filesystem::path secrets_file;

  FeedSpec() = default;
  FeedSpec(std::string feed_url, ListingKind feed_kind)
      : url(std::move(feed_url)), kind(feed_kind) {}
};

struct FeedOutcome {
  std::string url;
  ListingKind kind = ListingKind::Job;
  // Removed: the feed is no longer configured; its listings (`records` of them) went.
  enum class Status { Updated, Unchanged, Failed, Removed };
  Status status = Status::Failed;
  std::int64_t records = 0;
  std::string error;
  std::vector<std::string> warnings;  // also: pages left unread, a count-only answer
  // Records of an updated feed left out by the bounds per record (kiosk/feeds/bounds.h) or for
  // repeating an id, and why: "3 records skipped: title longer than 1,000 characters".
  std::int64_t skipped = 0;
  std::vector<std::string> skip_reasons;
};

std::string_view status_key(FeedOutcome::Status status);  // updated, unchanged, failed, removed

// What the parsers make of a feed changes now and then (a field read, text cleaned better). This
// tag is kept in front of each feed's content hash; a cache whose hashes carry another tag is
// fetched in full and imported again at the next sync, not only when a feed changes. Raise it
// with every change to what parsing yields.
// 3: bounds per record, CTDL, occupations, program schedule and degree; 4: FAQ answers' links;
// 5: jobs tagged with an occupation by their titles; 6: what finds a job posted twice, and the
// USAJOBS, CareerOneStop, Ashby and XML readers; 7: JSON-LD links with spaces or of another
// scheme (a service's "tel:" serviceUrl) dropped, as the other readers do. (A new occupation
// vocabulary also imports every feed again: its version follows this tag in the hash.)
inline constexpr std::string_view kParserVersion = "parser-7:";

// Looks at the content, not the URL or the content type.
FeedFormat detect_format(std::string_view body);
// With `format` named (a feed's `format` setting), that reader is used whatever the content.
ParseResult parse_feed(std::string_view body, const std::string& source_url,
                       std::optional<FeedFormat> format = std::nullopt);

// The most listings the kiosk keeps from one feed: two and a half times the largest feed it was
// measured with (100,000 jobs: a 12-second import and a cache of about 500 MB). A feed with more
// is refused whole, in words, and its old listings stay; a million tiny records within
// max_feed_mb would otherwise cost minutes of a kiosk's two cores and gigabytes of its disk.
inline constexpr std::int64_t kMaxRecordsPerFeed = 250000;

struct SyncOptions {
  FetchRequest request_template;  // sizes (max_bytes: [feeds] max_feed_mb), timeouts, agent
  std::int64_t max_records = kMaxRecordsPerFeed;  // per feed (tests set fewer)
  std::function<std::int64_t()> now;              // Unix seconds (a test clock in tests)
  std::filesystem::path scratch_dir;  // where downloads wait while they are read (default: temp)
  // The occupation vocabulary (kiosk/store/occupation_vocabulary.h): loaded into the cache for
  // searches across languages, and used to tag jobs by title. Empty: neither (a missing or
  // damaged file is a warning, and the sync goes on without it).
  std::filesystem::path vocabulary_file;
  // Called by sync_all after each configured feed (on the syncing thread): feeds done, of total.
  std::function<void(std::size_t done, std::size_t total)> on_feed;
};

FeedOutcome sync_feed(Store& store, const FeedSpec& feed, const SyncOptions& options,
                      const std::atomic<bool>* cancel = nullptr);
// Every feed in turn; first, the feeds in the cache that `feeds` no longer lists are removed
// with their listings (one transaction; an outcome with status Removed each).
std::vector<FeedOutcome> sync_all(Store& store, const std::vector<FeedSpec>& feeds,
                                  const SyncOptions& options,
                                  const std::atomic<bool>* cancel = nullptr);

}  // namespace kiosk

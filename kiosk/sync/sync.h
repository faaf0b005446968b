// Sync: fetch every configured feed, parse it (the format is detected from the content), and
// swap its records into the cache in one transaction. A failed, truncated, empty or malformed
// feed changes nothing and is reported with its URL and reason; the previous listings stay.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/model/model.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/fetch.h"

namespace kiosk {

struct FeedSpec {
  std::string url;
  ListingKind kind = ListingKind::Job;
};

struct FeedOutcome {
  std::string url;
  ListingKind kind = ListingKind::Job;
  enum class Status { Updated, Unchanged, Failed };
  Status status = Status::Failed;
  std::int64_t records = 0;
  std::string error;
  std::vector<std::string> warnings;
};

std::string_view status_key(FeedOutcome::Status status);  // updated, unchanged, failed

// What the parsers make of a feed changes now and then (a field read, text cleaned better). This
// tag is kept in front of each feed's content hash; a cache whose hashes carry another tag is
// fetched in full and imported again at the next sync, not only when a feed changes. Raise it
// with every change to what parsing yields.
inline constexpr std::string_view kParserVersion = "parser-3:";

enum class FeedFormat { JsonLd, Greenhouse, Lever, EtplCsv, Unknown };

// Looks at the content, not the URL or the content type.
FeedFormat detect_format(std::string_view body);
ParseResult parse_feed(std::string_view body, const std::string& source_url);

struct SyncOptions {
  FetchRequest request_template;      // sizes, timeouts, user agent
  std::function<std::int64_t()> now;  // Unix seconds (a test clock in tests)
  std::filesystem::path scratch_dir;  // where downloads wait while they are read (default: temp)
};

FeedOutcome sync_feed(Store& store, const FeedSpec& feed, const SyncOptions& options,
                      const std::atomic<bool>* cancel = nullptr);
std::vector<FeedOutcome> sync_all(Store& store, const std::vector<FeedSpec>& feeds,
                                  const SyncOptions& options,
                                  const std::atomic<bool>* cancel = nullptr);

}  // namespace kiosk

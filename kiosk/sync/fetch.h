// Fetching a feed: https:// (TLS verified, always), http:// to a loopback address only (tests),
// and file:// (absolute) or file:relative/path (inside the kiosk's resource directory).
// Conditional requests (ETag, Last-Modified), gzip, a size cap (on the decoded body, so a small
// gzip bomb stops there too), timeouts, a low-speed limit (a server that stalls or trickles), a
// cap on response headers (a server that sends them forever), a redirect limit.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kiosk {

struct FetchRequest {
  std::string url;
  std::string etag;           // sent as If-None-Match when not empty
  std::string last_modified;  // sent as If-Modified-Since when not empty
  std::size_t max_bytes = std::size_t{64} * 1024 * 1024;  // sync sets [feeds] max_feed_mb
  long connect_timeout_ms = 10000;
  long total_timeout_ms = 120000;
  // Slower than this many bytes a second for low_speed_time_s seconds running, the transfer
  // ends: a server that stalls mid-body or trickles a byte a second costs that long, not the
  // whole total_timeout_ms. 1,000 bytes a second is far below the slowest link a kiosk sits on;
  // 30 seconds lets a slow search API think before it answers.
  long low_speed_bytes_per_s = 1000;
  long low_speed_time_s = 30;
  // Response headers (all of them, redirects included) past this size end the transfer: no real
  // feed server sends more than a few KB. libcurl's own cap (300 KB a response, a header line
  // every few ms never reaches it quickly) is not the kiosk's answer.
  std::size_t max_header_bytes = std::size_t{64} * 1024;
  std::string user_agent = "WorkforceKiosk";
  // A feed's own headers (an API key, a User-Agent that replaces the one above), secrets already
  // filled in: wiped with the transfer, never logged.
  std::vector<std::pair<std::string, std::string>> headers;
  // When set, an http(s) body is written to this file instead of FetchResult::body (large feeds
  // never sit in memory whole). The file is created or truncated.
  std::filesystem::path body_file;
};

struct FetchResult {
  enum class Status { Ok, NotModified, Failed };
  Status status = Status::Failed;
  long http_code = 0;
  std::string body;
  std::string etag;
  std::string last_modified;
  std::string content_type;
  // 429 Too Many Requests or 503 with Retry-After: the seconds the server asked to wait.
  std::optional<long> retry_after_s;
  std::string error;  // one sentence, when Failed
};

// Why a feed of more than `max_bytes` is refused: one sentence naming the limit.
std::string over_size_limit(std::size_t max_bytes);

// Blocking; call it off the UI thread. `cancel` (optional) aborts a transfer in progress.
FetchResult fetch(const FetchRequest& request, const std::atomic<bool>* cancel = nullptr);

}  // namespace kiosk

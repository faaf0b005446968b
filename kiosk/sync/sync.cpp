#include "kiosk/sync/sync.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <exception>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "kiosk/base/log.h"
#include "kiosk/base/url.h"
#include "kiosk/base/utf8.h"
#include "kiosk/base/wipe.h"
#include "kiosk/config/secrets.h"
#include "kiosk/feeds/ashby.h"
#include "kiosk/feeds/bounds.h"
#include "kiosk/feeds/careeronestop.h"
#include "kiosk/feeds/ctdl.h"
#include "kiosk/feeds/etpl_csv.h"
#include "kiosk/feeds/greenhouse.h"
#include "kiosk/feeds/json_cut.h"
#include "kiosk/feeds/jsonld.h"
#include "kiosk/feeds/lever.h"
#include "kiosk/feeds/sample_dates.h"
#include "kiosk/feeds/usajobs.h"
#include "kiosk/feeds/xml_jobs.h"
#include "kiosk/store/occupation_vocabulary.h"
#include "kiosk/store/record_json.h"

namespace kiosk {
namespace {

std::size_t records_of(const ParsedFeed& feed, ListingKind kind) {
  switch (kind) {
    case ListingKind::Job:
      return feed.jobs.size();
    case ListingKind::Program:
      return feed.programs.size();
    case ListingKind::Event:
      return feed.events.size();
    case ListingKind::Service:
      return feed.services.size();
    case ListingKind::Faq:
      return feed.faq.size();
  }
  return 0;
}

// Keeps only the records of the kind the feed is configured for.
ParsedFeed only(ParsedFeed feed, ListingKind kind) {
  ParsedFeed out;
  out.warnings = std::move(feed.warnings);
  switch (kind) {
    case ListingKind::Job:
      out.jobs = std::move(feed.jobs);
      break;
    case ListingKind::Program:
      out.programs = std::move(feed.programs);
      break;
    case ListingKind::Event:
      out.events = std::move(feed.events);
      break;
    case ListingKind::Service:
      out.services = std::move(feed.services);
      break;
    case ListingKind::Faq:
      out.faq = std::move(feed.faq);
      break;
  }
  return out;
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += (out.empty() ? "" : "; ") + line;
  return out;
}

// What goes into the cache of a parsed batch: the records of the feed's kind, within the
// bounds per record; the ones skipped are counted in `skipped`.
// Sample events move forward to stay upcoming (kiosk/feeds/sample_dates.h).
// Jobs whose feed names no occupation are tagged by their titles.
ParsedFeed admit(ParsedFeed feed, ListingKind kind, feeds::SkippedRecords& skipped,
                 std::int64_t now, const OccupationTagger* tagger) {
  ParsedFeed out = only(std::move(feed), kind);
  feeds::bound_records(out, skipped);
  feeds::shift_sample_events(out.events, feeds::sample_event_weeks(out.events, now));
  if (tagger != nullptr) {
    for (auto& job : out.jobs) tagger->tag(job);
  }
  return out;
}

// The occupation vocabulary of one sync run: read once, loaded into the cache when it changed,
// and made into a tagger only when a feed is imported.
class RunVocabulary {
 public:
  RunVocabulary(const std::filesystem::path& file, Store& store) {
    if (file.empty()) return;
    std::string why;
    vocabulary_ = OccupationVocabulary::load(file, &why);
    if (!vocabulary_) {
      log::warn("occupation vocabulary not loaded (" + why +
                "): searches stay in the words typed, and jobs keep their feeds' occupations");
      return;
    }
    try {
      if (store.load_occupations(*vocabulary_)) {
        log::info(
            "occupation vocabulary loaded: " + std::to_string(vocabulary_->occupations.size()) +
            " occupations, " + std::to_string(vocabulary_->phrases()) + " phrases");
      }
    } catch (const sql::SqliteError& e) {
      log::warn(std::string("could not save the occupation vocabulary: ") + e.what());
    }
  }

  // Goes into each feed's content hash: a new vocabulary tags every feed again.
  std::string tag() const {
    return vocabulary_ ? "voc" + vocabulary_->version.substr(0, 16) + ":" : std::string();
  }
  const OccupationTagger* tagger() {
    if (!vocabulary_) return nullptr;
    if (!tagger_) tagger_.emplace(*vocabulary_);
    return &*tagger_;
  }

 private:
  std::optional<OccupationVocabulary> vocabulary_;
  std::optional<OccupationTagger> tagger_;
};

}  // namespace

std::string_view status_key(FeedOutcome::Status status) {
  switch (status) {
    case FeedOutcome::Status::Updated:
      return "updated";
    case FeedOutcome::Status::Unchanged:
      return "unchanged";
    case FeedOutcome::Status::Failed:
      return "failed";
    case FeedOutcome::Status::Removed:
      return "removed";
  }
  return "";
}

FeedFormat detect_format(std::string_view body) {
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  while (!body.empty() && (body.front() == ' ' || body.front() == '\n' || body.front() == '\r' ||
                           body.front() == '\t')) {
    body.remove_prefix(1);
  }
  if (body.empty()) return FeedFormat::Unknown;
  const std::string_view head = body.substr(0, 1 << 16);
  if (body.front() == '{' || body.front() == '[') {
    if (head.find("\"absolute_url\"") != std::string_view::npos) return FeedFormat::Greenhouse;
    if (head.find("\"hostedUrl\"") != std::string_view::npos) return FeedFormat::Lever;
    if (feeds::looks_like_usajobs(head)) return FeedFormat::Usajobs;
    if (feeds::looks_like_careeronestop(head)) return FeedFormat::CareerOneStop;
    if (feeds::looks_like_ashby(head)) return FeedFormat::Ashby;
    if (feeds::looks_like_ctdl(head)) return FeedFormat::Ctdl;  // before the schema.org check
    if (head.find("\"@type\"") != std::string_view::npos ||
        head.find("\"@graph\"") != std::string_view::npos ||
        head.find("\"@context\"") != std::string_view::npos) {
      return FeedFormat::JsonLd;
    }
    return FeedFormat::Unknown;
  }
  if (body.front() == '<') {  // XML job feeds; an HTML page or other XML is not a feed we read
    return feeds::looks_like_xml_jobs(head) ? FeedFormat::Xml : FeedFormat::Unknown;
  }
  const std::string_view first_line = head.substr(0, head.find('\n'));
  if (first_line.find(',') != std::string_view::npos) return FeedFormat::EtplCsv;
  return FeedFormat::Unknown;
}

ParseResult parse_feed(std::string_view body, const std::string& source_url,
                       std::optional<FeedFormat> format) {
  const FeedFormat chosen = format.value_or(detect_format(body));
  // XML says its own encoding (libxml2 converts it to UTF-8, or refuses the document).
  if (chosen != FeedFormat::Xml && !utf8::valid(body)) {
    return ParseError{"the feed is not valid UTF-8 text"};
  }
  switch (chosen) {
    case FeedFormat::JsonLd:
      return feeds::parse_jsonld(body, source_url);
    case FeedFormat::Greenhouse:
      return feeds::parse_greenhouse(body, source_url);
    case FeedFormat::Lever:
      return feeds::parse_lever(body, source_url);
    case FeedFormat::EtplCsv:
      return feeds::parse_etpl_csv(body, source_url);
    case FeedFormat::Ctdl:
      return feeds::parse_ctdl(body, source_url);
    case FeedFormat::Usajobs:
      return feeds::parse_usajobs(body, source_url);
    case FeedFormat::CareerOneStop:
      return feeds::parse_careeronestop(body, source_url);
    case FeedFormat::Ashby:
      return feeds::parse_ashby(body, source_url);
    case FeedFormat::Xml:
      return feeds::parse_xml_jobs(body, source_url);
    case FeedFormat::Unknown:
      break;
  }
  const std::string_view start = body.substr(0, 200);
  if (start.find("<html") != std::string_view::npos ||
      start.find("<!DOCTYPE") != std::string_view::npos ||
      start.find("<!doctype") != std::string_view::npos) {
    return ParseError{"the address returned a web page, not a feed"};
  }
  if (body.find_first_not_of(" \r\n\t") == std::string_view::npos)
    return ParseError{"the feed is empty"};
  return ParseError{
      "not a feed format the kiosk reads (schema.org JSON-LD, Greenhouse, Lever, Ashby, ETPL CSV, "
      "CTDL, USAJOBS, CareerOneStop or an XML job feed)"};
}

namespace {

// A full disk, in words a technician can act on.
std::string megabytes(std::uint64_t bytes) {
  return std::to_string((bytes + (1u << 19)) >> 20) + " MB";
}

std::string disk_full_words(const std::filesystem::path& dir,
                            std::optional<std::uint64_t> needed = std::nullopt) {
  std::error_code ec;
  const auto space = std::filesystem::space(dir, ec);
  std::string words = needed ? "the disk has too little room" : "the disk is full";
  if (!ec) {
    words += " (" + megabytes(space.available) + " free";
    if (needed) words += "; this update needs about " + megabytes(*needed);
    words += ")";
  }
  return words + ": the listings the kiosk has stay, and it tries again at the next sync once " +
         dir.string() + " has room";
}

std::string too_many_records(std::int64_t max_records) {
  return "the feed has more than " + feeds::with_commas(max_records) +
         " listings, more than the kiosk keeps from one feed: none of it was imported, and the "
         "listings the kiosk has stay";
}

// The import's peak on disk, measured: a 17 MB JSON-LD feed of 20,000 jobs grew the cache by
// 39 MB and its write-ahead log by 65 MB before the log was folded in, about 6 bytes per byte of
// feed. An import starts only with that much free, and a margin.
constexpr std::uint64_t kImportBytesPerFeedByte = 6;
constexpr std::uint64_t kImportMargin = std::uint64_t{16} << 20;

std::optional<std::string> room_for_import(const std::filesystem::path& dir,
                                           std::uint64_t feed_bytes) {
  std::error_code ec;
  const auto space = std::filesystem::space(dir, ec);
  if (ec) return std::nullopt;  // cannot tell: SQLite will say if it runs out
  const std::uint64_t needed = feed_bytes * kImportBytesPerFeedByte + kImportMargin;
  if (space.available >= needed) return std::nullopt;
  return disk_full_words(dir, needed);
}

// Carries batches from one thread of an import to the next (parsed → prepared → inserted);
// bounded, so a fast stage cannot fill memory ahead of a slow one.
template <typename Batch>
class BatchPipe {
 public:
  bool push(Batch batch) {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [this] { return queue_.size() < kDepth || cancelled_; });
    if (cancelled_) return false;
    queue_.push_back(std::move(batch));
    ready_.notify_all();
    return true;
  }
  std::optional<Batch> pop() {  // nothing once the stage before has finished, or on cancel
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [this] { return !queue_.empty() || finished_ || cancelled_; });
    if (queue_.empty() || cancelled_) return std::nullopt;
    auto batch = std::move(queue_.front());
    queue_.pop_front();
    ready_.notify_all();
    return batch;
  }
  void finish() {
    const std::lock_guard lock(mutex_);
    finished_ = true;
    ready_.notify_all();
  }
  void cancel() {
    const std::lock_guard lock(mutex_);
    cancelled_ = true;
    ready_.notify_all();
  }

 private:
  static constexpr std::size_t kDepth = 4;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Batch> queue_;
  bool finished_ = false;
  bool cancelled_ = false;
};

// A downloaded feed waits in a scratch file that is removed however the sync ends.
class ScratchFile {
 public:
  explicit ScratchFile(std::filesystem::path path) : path_(std::move(path)) {}
  ~ScratchFile() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

struct FileFacts {
  std::string hash;
  bool utf8 = true;
  std::string head;  // the first 64 KiB, for format detection
};

std::optional<FileFacts> inspect(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  FileFacts facts;
  utf8::Validator utf8_check;
  std::uint64_t h = 1469598103934665603ull;
  std::size_t size = 0;
  std::vector<char> buffer(1 << 16);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const auto n = static_cast<std::size_t>(in.gcount());
    if (n == 0) break;
    const std::string_view chunk(buffer.data(), n);
    if (facts.head.size() < buffer.size())
      facts.head.append(chunk.substr(0, buffer.size() - facts.head.size()));
    utf8_check.feed(chunk);
    for (const char c : chunk) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    size += n;
  }
  char out[48];
  std::snprintf(out, sizeof out, "%016llx-%zx", static_cast<unsigned long long>(h), size);
  facts.hash = out;
  facts.utf8 = utf8_check.ok();
  return facts;
}

// The whole body, for the readers that parse a document at once; JSON has its long strings cut
// first (json_cut.h), so a huge value is never held, parsed or copied whole.
std::string read_body(const std::filesystem::path& path, FeedFormat format) {
  std::ifstream in(path, std::ios::binary);
  if (format == FeedFormat::Greenhouse || format == FeedFormat::Lever) {
    return feeds::read_json_cut(in);
  }
  std::error_code ec;
  std::string body(static_cast<std::size_t>(std::filesystem::file_size(path, ec)), '\0');
  if (ec || !in.read(body.data(), static_cast<std::streamsize>(body.size()))) return {};
  return body;
}

// The first 64 KiB of a file, for format detection.
std::string read_head(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(std::size_t{1} << 16, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

// The feed's URL and headers as configured (secrets still named, not filled in).
FeedSource feed_source_of(const FeedSpec& feed) {
  FeedSource source(feed.url);
  source.headers = feed.headers;
  return source;
}

// The secrets file of one sync run: read once, when the first feed needs it.
class RunSecrets {
 public:
  // Why the feeds that need it cannot have it, or nullopt.
  std::optional<std::string> load(const std::filesystem::path& file) {
    if (!loaded_) {
      loaded_ = true;
      if (file.empty()) return std::nullopt;  // resolve_feed says which secret has no file
      auto result = Secrets::load(file);
      if (auto* why = std::get_if<std::string>(&result)) {
        problem_ = *why;
      } else {
        secrets_.emplace(std::move(std::get<Secrets>(result)));
      }
    }
    return problem_;
  }
  const Secrets* get() const { return secrets_ ? &*secrets_ : nullptr; }

 private:
  bool loaded_ = false;
  std::optional<std::string> problem_;
  std::optional<Secrets> secrets_;
};

// Feeds whose server asked for a longer wait than a sync makes (Retry-After): not asked again
// before that time, for as long as the kiosk runs.
class RetryWaits {
 public:
  void until(const std::string& url, std::int64_t when) {
    const std::lock_guard lock(mutex_);
    until_[url] = when;
  }
  std::optional<std::string> waiting(const std::string& url, std::int64_t now) {
    const std::lock_guard lock(mutex_);
    const auto it = until_.find(url);
    if (it == until_.end()) return std::nullopt;
    if (now >= it->second) {
      until_.erase(it);
      return std::nullopt;
    }
    const std::int64_t minutes = (it->second - now + 59) / 60;
    return "not asked again yet: the server asked the kiosk to wait " + std::to_string(minutes) +
           (minutes == 1 ? " more minute" : " more minutes") +
           " (Retry-After); the listings it has stay";
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::int64_t> until_;
};

RetryWaits& retry_waits() {
  static RetryWaits waits;
  return waits;
}

// A request made again after a short Retry-After (429, 503), at most twice; a longer wait, or a
// third refusal, is the answer.
FetchResult fetch_honouring_retry(const FetchRequest& request, const std::atomic<bool>* cancel) {
  for (int attempt = 0;; ++attempt) {
    FetchResult result = fetch(request, cancel);
    const bool busy = result.http_code == 429 || result.http_code == 503;
    if (result.status != FetchResult::Status::Failed || !busy || !result.retry_after_s ||
        *result.retry_after_s > kMaxRetryWaitSeconds || attempt == 2) {
      return result;
    }
    const auto until = std::chrono::steady_clock::now() +
                       std::chrono::seconds(std::max<long>(1, *result.retry_after_s));
    while (std::chrono::steady_clock::now() < until) {
      if (cancel != nullptr && cancel->load()) return result;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
}

// Wipes a request's header values (a key among them) when the scope ends, however it ends.
class WipeHeadersOnExit {
 public:
  explicit WipeHeadersOnExit(std::vector<std::pair<std::string, std::string>>& headers)
      : headers_(headers) {}
  ~WipeHeadersOnExit() {
    for (auto& header : headers_) wipe(header.second);
  }
  WipeHeadersOnExit(const WipeHeadersOnExit&) = delete;
  WipeHeadersOnExit& operator=(const WipeHeadersOnExit&) = delete;

 private:
  std::vector<std::pair<std::string, std::string>>& headers_;
};

FeedOutcome sync_one(Store& store, const FeedSpec& feed, const SyncOptions& options,
                     const std::atomic<bool>* cancel, RunVocabulary& vocabulary,
                     RunSecrets& secrets) {
  FeedOutcome out;
  out.url = feed.url;
  out.kind = feed.kind;
  const std::string kind(kind_key(feed.kind));
  const std::int64_t now = options.now ? options.now() : 0;
  const auto previous = store.feed_state(feed.url);
  const bool have_data = previous && previous->records > 0 && previous->kind == kind;
  // Imported by these parsers: only then may an unchanged feed be skipped.
  const bool same_parser = have_data && previous->content_hash.starts_with(kParserVersion);
  const auto fail = [&](std::string why) {
    out.status = FeedOutcome::Status::Failed;
    out.error = std::move(why);
    out.records = have_data ? previous->records : 0;
    try {
      store.record_failure(feed.url, kind, out.error, now);
    } catch (const sql::SqliteError& e) {  // a full disk: the outcome still says why
      log::warn("sync " + feed_log_name(feed.url) + ": could not note the failure: " + e.what());
    }
    log::warn("sync " + feed_log_name(feed.url) + ": " + out.error);
    return out;
  };
  const auto unchanged = [&] {
    out.records = previous->records;
    try {
      store.confirm_feed(feed.url, kind, now);
    } catch (const sql::SqliteError& e) {
      // Unchanged, so the listings are right; only the time it was checked is not saved.
      out.status = FeedOutcome::Status::Failed;
      out.error = e.disk_full() ? disk_full_words(store.data_dir())
                                : std::string("could not note the check: ") + e.what();
      log::warn("sync " + feed_log_name(feed.url) + ": " + out.error);
      return out;
    }
    out.status = FeedOutcome::Status::Unchanged;
    return out;
  };

  // 1. The body, as files: the source itself for file: URLs, scratch downloads otherwise (one
  // per page of a paged search API, read as they come to know whether another page follows).
  const std::optional<FeedFormat> named = configured_format(feed.format);
  std::vector<std::filesystem::path> bodies;
  std::deque<ScratchFile> scratch;  // not movable: a deque never moves them
  std::vector<ParsedFeed> pages;    // a paged source's records, page by page
  std::string etag;
  std::string last_modified;
  std::optional<FeedFormat> format = named;
  if (feed.url.starts_with("file:")) {
    std::string why;
    bodies.push_back(file_url_path(feed.url, &why));
    if (bodies.back().empty()) return fail(why);
    std::error_code ec;
    const auto size = std::filesystem::file_size(bodies.back(), ec);
    if (ec) return fail("cannot read " + bodies.back().string() + ": " + ec.message());
    if (size > options.request_template.max_bytes) {
      return fail(over_size_limit(options.request_template.max_bytes));
    }
  } else {
    if (const auto wait = retry_waits().waiting(feed.url, now)) return fail(*wait);
    const Secrets* keys = nullptr;
    if (!secret_names(feed_source_of(feed)).empty()) {
      if (const auto problem = secrets.load(feed.secrets_file)) return fail(*problem);
      keys = secrets.get();
    }
    auto resolved = resolve_feed(feed_source_of(feed), keys);
    if (auto* why = std::get_if<std::string>(&resolved)) return fail(*why);
    const ResolvedFeed& target = std::get<ResolvedFeed>(resolved);
    FetchRequest request = options.request_template;
    const WipeHeadersOnExit wipe_headers(request.headers);
    for (const auto& header : target.headers)
      request.headers.emplace_back(header.name, header.value);
    const bool with_key = !secret_names(feed_source_of(feed)).empty();
    // Conditional requests only for a feed of one page (a paged answer is compared whole).
    if (same_parser && !(named && paged_format(*named))) {
      request.etag = previous->etag;
      request.last_modified = previous->last_modified;
    }
    std::string first_url = named ? first_page_url(target.url, *named) : target.url;
    std::string page_url = first_url;
    const WipeOnExit wipe_first(first_url);
    const WipeOnExit wipe_page(page_url);
    std::size_t total_bytes = 0;
    std::int64_t records_read = 0;
    bool tried_v1 = false;
    for (int page = 1;;) {
      static std::atomic<unsigned> counter{0};
      const auto dir = options.scratch_dir.empty() ? std::filesystem::temp_directory_path()
                                                   : options.scratch_dir;
      scratch.emplace_back(dir / ("download-" + std::to_string(::getpid()) + "-" +
                                  std::to_string(counter++) + ".tmp"));
      request.url = page_url;
      request.body_file = scratch.back().path();
      if (total_bytes >= options.request_template.max_bytes) {
        return fail(over_size_limit(options.request_template.max_bytes));
      }
      request.max_bytes = options.request_template.max_bytes - total_bytes;
      const std::string who = source_name(feed.url, format);
      FetchResult fetched = fetch_honouring_retry(request, cancel);
      wipe(request.url);
      if (fetched.status == FetchResult::Status::Failed) {
        // CareerOneStop: v2 first, v1 where v2 is not offered.
        if (page == 1 && fetched.http_code == 404 && !tried_v1) {
          if (auto v1 = careeronestop_v1_url(page_url)) {
            log::info("sync " + feed_log_name(feed.url) + ": " + who +
                      " has no v2 job search here; asking v1");
            tried_v1 = true;
            first_url = page_url = std::move(*v1);
            scratch.pop_back();
            continue;
          }
        }
        if (fetched.retry_after_s && *fetched.retry_after_s > kMaxRetryWaitSeconds) {
          retry_waits().until(feed.url, now + *fetched.retry_after_s);
        }
        if (page > 1 && fetched.error.starts_with("the feed is larger than")) {
          fetched.error =
              over_size_limit(options.request_template.max_bytes) + " (its pages together)";
        }
        const std::string words = refusal_words(fetched, who, with_key);
        return fail(page == 1 ? words : "page " + std::to_string(page) + ": " + words);
      }
      if (fetched.status == FetchResult::Status::NotModified) {
        if (!have_data)
          return fail("the server said the feed had not changed, but nothing is cached");
        return unchanged();
      }
      std::error_code ec;
      total_bytes += static_cast<std::size_t>(std::filesystem::file_size(request.body_file, ec));
      bodies.push_back(request.body_file);
      if (page == 1) {
        etag = fetched.etag;
        last_modified = fetched.last_modified;
        if (!format) format = detect_format(read_head(request.body_file));
      }
      if (!paged_format(*format)) break;
      // A paged source: read this page now, to know whether another follows.
      etag.clear();  // compared whole, by content
      last_modified.clear();
      ParseResult parsed = parse_feed(read_body(request.body_file, *format), feed.url, *format);
      if (auto* error = std::get_if<ParseError>(&parsed)) {
        return fail(page == 1 ? error->reason
                              : "page " + std::to_string(page) + ": " + error->reason);
      }
      ParsedFeed& records = pages.emplace_back(std::move(std::get<ParsedFeed>(parsed)));
      records_read += static_cast<std::int64_t>(records.size());
      auto next = next_page_url(first_url, *format, page, records_read, records);
      if (next && page >= feed.max_pages) {
        out.warnings.push_back(who + " has " +
                               (records.source_total
                                    ? feeds::with_commas(*records.source_total) + " listings"
                                    : std::string("more pages")) +
                               "; the kiosk read the first " + std::to_string(page) + " pages (" +
                               feeds::with_commas(records_read) + ") as max_pages allows");
        next.reset();
      }
      if (!next) break;
      page_url = std::move(*next);
      ++page;
    }
  }

  // 2. Unchanged content costs nothing more; damaged text goes no further.
  FileFacts facts;
  for (const auto& body : bodies) {
    const auto page_facts = inspect(body);
    if (!page_facts) return fail("cannot read " + body.string());
    facts.hash += (facts.hash.empty() ? "" : "+") + page_facts->hash;
    facts.utf8 = facts.utf8 && page_facts->utf8;
    if (facts.head.empty()) facts.head = page_facts->head;
  }
  const std::filesystem::path& body = bodies.front();
  // Events are read again each day even when the file is the same: sample events move with the
  // calendar (kiosk/feeds/sample_dates.h), and an events feed is small.
  const std::string content_hash =
      std::string(kParserVersion) + vocabulary.tag() + facts.hash +
      (feed.kind == ListingKind::Event ? "+day" + std::to_string(now / 86400) : std::string());
  if (same_parser && content_hash == previous->content_hash) return unchanged();
  if (!facts.utf8 && format.value_or(detect_format(facts.head)) != FeedFormat::Xml) {
    return fail("the feed is not valid UTF-8 text");  // XML says its own encoding
  }

  // Room on the disk for the import first: a log that fills the disk cannot be folded in, and
  // the cache could take no more writes at all.
  std::uint64_t body_bytes = 0;
  for (const auto& b : bodies) {
    std::error_code ec;
    body_bytes += std::filesystem::file_size(b, ec);
  }
  if (auto room = room_for_import(store.data_dir(), body_bytes)) return fail(*room);

  // 3. Parse into the open transaction; only a complete, non-empty feed is committed.
  FeedState state;
  state.url = feed.url;
  state.kind = kind;
  state.etag = etag;
  state.last_modified = last_modified;
  state.content_hash = content_hash;
  std::int64_t other_kinds = 0;
  feeds::SkippedRecords skipped;
  std::string error;         // set inside the import's scope, reported after its rollback
  bool allow_empty = false;  // the source answered "none" (counts only): not a failure
  try {
    const OccupationTagger* tagger = vocabulary.tagger();
    FeedImport import(store, state, now);
    const auto take = [&](ParsedFeed& batch) {
      other_kinds += static_cast<std::int64_t>(batch.size() - records_of(batch, feed.kind));
      import.add(admit(std::move(batch), feed.kind, skipped, now, tagger));
      batch = ParsedFeed{};
    };
    if (!format) format = detect_format(facts.head);
    bool counts_only = !pages.empty();
    std::optional<std::int64_t> counted;
    for (auto& page : pages) {  // a paged source, read while paging
      counts_only = counts_only && page.counts_only;
      if (page.source_total) counted = page.source_total;
      out.warnings.insert(out.warnings.end(), page.warnings.begin(), page.warnings.end());
      take(page);
    }
    if (!pages.empty()) {
      allow_empty = counts_only;
      if (counts_only) {
        out.warnings.push_back(source_name(feed.url, format) + " answered with counts only (" +
                               feeds::with_commas(counted.value_or(0)) +
                               " listings) and no list of them: 0 imported");
      }
    } else if (*format == FeedFormat::JsonLd || *format == FeedFormat::Xml) {
      // Three stages overlap: a parser thread reads and admits records, a second thread turns
      // them into rows (text flattened, the record packed), and this one inserts. The packing
      // alone is a sixth of an import's work (100,000 jobs: about 2.5 s of zlib); two cores share
      // the three (the UI needs little during a sync).
      BatchPipe<ParsedFeed> parsed;
      BatchPipe<std::shared_ptr<PreparedRecords>> prepared_pipe;
      std::variant<feeds::StreamSummary, ParseError> streamed;
      std::thread parser([&] {
        const feeds::BatchSink sink = [&](ParsedFeed& batch) {
          other_kinds += static_cast<std::int64_t>(batch.size() - records_of(batch, feed.kind));
          if (!parsed.push(admit(std::move(batch), feed.kind, skipped, now, tagger))) {
            throw std::runtime_error("the import stopped");
          }
          batch = ParsedFeed{};
        };
        if (*format == FeedFormat::Xml) {
          streamed = feeds::stream_xml_jobs(body, feed.url, sink);
        } else {
          std::ifstream file(body, std::ios::binary);
          feeds::JsonCutStream in(file);
          streamed = feeds::stream_jsonld(in, feed.url, sink);
        }
        parsed.finish();
      });
      std::exception_ptr preparing_failed;
      std::thread preparer([&] {
        try {
          while (auto batch = parsed.pop()) {
            if (!prepared_pipe.push(prepare_records(*batch))) break;
          }
        } catch (...) {
          preparing_failed = std::current_exception();  // out of memory: rethrown below
          parsed.cancel();
          prepared_pipe.cancel();
        }
        prepared_pipe.finish();
      });
      const auto stop = [&] {
        prepared_pipe.cancel();
        parsed.cancel();
      };
      try {
        while (auto prepared = prepared_pipe.pop()) {
          import.add(std::move(*prepared));
          if (import.count() > options.max_records) {  // the parser stops at its next batch
            error = too_many_records(options.max_records);
            stop();
            break;
          }
        }
      } catch (...) {
        stop();
        preparer.join();
        parser.join();
        throw;
      }
      preparer.join();
      parser.join();
      if (preparing_failed) std::rethrow_exception(preparing_failed);
      if (!error.empty()) {
        // Too many records: what the stopped parser said is no news.
      } else if (auto* parse_error = std::get_if<ParseError>(&streamed)) {
        error = parse_error->reason;
      } else {
        const auto& streamed_warnings = std::get<feeds::StreamSummary>(streamed).warnings;
        out.warnings.insert(out.warnings.end(), streamed_warnings.begin(), streamed_warnings.end());
      }
    } else {
      ParseResult parsed = parse_feed(read_body(body, *format), feed.url, named);
      if (auto* parse_error = std::get_if<ParseError>(&parsed)) {
        error = parse_error->reason;
      } else {
        auto& records = std::get<ParsedFeed>(parsed);
        out.warnings.insert(out.warnings.end(), records.warnings.begin(), records.warnings.end());
        if (records.counts_only && records.size() == 0) {
          allow_empty = true;
          out.warnings.push_back(source_name(feed.url, format) + " answered with counts only (" +
                                 feeds::with_commas(records.source_total.value_or(0)) +
                                 " listings) and no list of them: 0 imported");
        }
        take(records);
      }
    }
    if (error.empty() && import.count() > options.max_records) {
      error = too_many_records(options.max_records);
    }
    if (error.empty() && cancel != nullptr && cancel->load()) error = "the sync was cancelled";
    if (import.repeated_ids() > 0) {
      skipped.by_reason["the same id as an earlier record"] += import.repeated_ids();
    }
    if (error.empty() && import.count() == 0 && !allow_empty) {
      error = other_kinds > 0 ? "expected " + kind + " but the feed holds other kinds of listings"
              : skipped.count() > 0 ? "every listing was skipped (" + join(skipped.summary()) + ")"
                                    : "the feed has no listings";
    }
    if (error.empty()) {
      import.commit();
      out.records = import.count();
      out.skipped = skipped.count();
      out.skip_reasons = skipped.summary();
    }
  } catch (const sql::SqliteError& e) {
    error = e.disk_full() ? disk_full_words(store.data_dir())
                          : std::string("could not save the listings: ") + e.what();
  }
  if (!error.empty()) return fail(error);
  out.status = FeedOutcome::Status::Updated;
  log::info("sync " + feed_log_name(feed.url) + ": " + std::to_string(out.records) + " " + kind);
  for (const auto& reason : out.skip_reasons) {
    log::warn("sync " + feed_log_name(feed.url) + ": " + reason);
  }
  for (const auto& warning : out.warnings) {
    log::info("sync " + feed_log_name(feed.url) + ": " + warning);
  }
  return out;
}

}  // namespace

namespace {

// One card per job (kiosk/store/duplicates.h), once the jobs have changed: the import or the
// removal noted the pass it owes in its own transaction, so a sync killed before this pass
// leaves it for the next one, even when no feed changes again (issue 18).
void mark_duplicates_after(Store& store) {
  try {
    if (!store.duplicates_due()) return;
    const auto start = std::chrono::steady_clock::now();
    const std::int64_t hidden = store.mark_duplicates();
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - start)
                        .count();
    log::info("sync: " + std::to_string(hidden) + (hidden == 1 ? " job was" : " jobs were") +
              " posted again by another feed and shows once (" + std::to_string(ms) + " ms)");
  } catch (const sql::SqliteError& e) {  // the listings stay; a job may show twice until next time
    log::warn(std::string("sync: could not mark the jobs posted twice: ") + e.what());
  }
}

}  // namespace

FeedOutcome sync_feed(Store& store, const FeedSpec& feed, const SyncOptions& options,
                      const std::atomic<bool>* cancel) {
  RunVocabulary vocabulary(options.vocabulary_file, store);
  RunSecrets secrets;
  FeedOutcome out = sync_one(store, feed, options, cancel, vocabulary, secrets);
  mark_duplicates_after(store);
  return out;
}

namespace {

std::vector<FeedOutcome> remove_unlisted_feeds(Store& store, const std::vector<FeedSpec>& feeds) {
  std::vector<FeedOutcome> removed;
  std::vector<std::string> urls;
  for (const auto& state : store.feed_states()) {
    const bool listed = std::any_of(feeds.begin(), feeds.end(),
                                    [&](const FeedSpec& f) { return f.url == state.url; });
    if (listed) continue;
    FeedOutcome out;
    out.url = state.url;
    out.kind = kind_from_key(state.kind).value_or(ListingKind::Job);
    out.status = FeedOutcome::Status::Removed;
    out.records = state.records;
    removed.push_back(std::move(out));
    urls.push_back(state.url);
  }
  try {
    store.remove_feeds(urls);
  } catch (const sql::SqliteError& e) {  // the feeds still configured are synced all the same
    log::error(std::string("sync: could not remove the feeds no longer configured: ") + e.what());
    return {};
  }
  for (const auto& out : removed) {
    log::info("sync " + feed_log_name(out.url) + ": no longer configured; " +
              std::to_string(out.records) + " listings removed");
  }
  return removed;
}

}  // namespace

std::vector<FeedOutcome> sync_all(Store& store, const std::vector<FeedSpec>& feeds,
                                  const SyncOptions& options, const std::atomic<bool>* cancel) {
  if (cancel != nullptr && cancel->load()) return {};
  // A log left by a full disk is folded in first, once there is room; while there is none,
  // nothing is written and every feed says why (its listings stay, searchable as they are).
  if (store.checkpoint().disk_full) {
    std::vector<FeedOutcome> outcomes;
    for (const auto& feed : feeds) {
      FeedOutcome out;
      out.url = feed.url;
      out.kind = feed.kind;
      out.status = FeedOutcome::Status::Failed;
      out.error = disk_full_words(store.data_dir());
      if (const auto state = store.feed_state(feed.url)) out.records = state->records;
      log::warn("sync " + feed_log_name(feed.url) + ": " + out.error);
      outcomes.push_back(std::move(out));
    }
    return outcomes;
  }
  std::vector<FeedOutcome> outcomes = remove_unlisted_feeds(store, feeds);
  RunVocabulary vocabulary(options.vocabulary_file, store);
  RunSecrets secrets;
  std::size_t done = 0;
  for (const auto& feed : feeds) {
    if (cancel != nullptr && cancel->load()) break;
    outcomes.push_back(sync_one(store, feed, options, cancel, vocabulary, secrets));
    if (options.on_feed) options.on_feed(++done, feeds.size());
  }
  mark_duplicates_after(store);
  // The import's pages into the cache file, and the log back to nothing.
  if (const auto after = store.checkpoint(); !after.done) {
    log::warn("sync: the cache's log stays: " + after.why);
  }
  return outcomes;
}

}  // namespace kiosk

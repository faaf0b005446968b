#include "kiosk/sync/sync.h"

#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <fstream>
#include <mutex>
#include <optional>
#include <thread>

#include "kiosk/base/log.h"
#include "kiosk/base/url.h"
#include "kiosk/base/utf8.h"
#include "kiosk/feeds/bounds.h"
#include "kiosk/feeds/ctdl.h"
#include "kiosk/feeds/etpl_csv.h"
#include "kiosk/feeds/greenhouse.h"
#include "kiosk/feeds/json_cut.h"
#include "kiosk/feeds/jsonld.h"
#include "kiosk/feeds/lever.h"
#include "kiosk/feeds/sample_dates.h"
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

ParseResult parse_feed(std::string_view body, const std::string& source_url) {
  const FeedFormat format = detect_format(body);
  // XML says its own encoding (libxml2 converts it to UTF-8, or refuses the document).
  if (format != FeedFormat::Xml && !utf8::valid(body)) {
    return ParseError{"the feed is not valid UTF-8 text"};
  }
  switch (format) {
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
      "not a feed format the kiosk reads (JSON-LD, Greenhouse, Lever, ETPL CSV or XML job feeds)"};
}

namespace {

// Carries prepared batches from the parser thread to the inserting one; bounded, so a fast
// parser cannot fill memory ahead of the database.
class BatchPipe {
 public:
  bool push(std::shared_ptr<PreparedRecords> batch) {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [this] { return queue_.size() < kDepth || cancelled_; });
    if (cancelled_) return false;
    queue_.push_back(std::move(batch));
    ready_.notify_all();
    return true;
  }
  std::shared_ptr<PreparedRecords> pop() {  // nullptr once the parser has finished
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [this] { return !queue_.empty() || finished_; });
    if (queue_.empty()) return nullptr;
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
  std::deque<std::shared_ptr<PreparedRecords>> queue_;
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

FeedOutcome sync_one(Store& store, const FeedSpec& feed, const SyncOptions& options,
                     const std::atomic<bool>* cancel, RunVocabulary& vocabulary) {
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
    store.record_failure(feed.url, kind, out.error, now);
    log::warn("sync " + feed.url + ": " + out.error);
    return out;
  };
  const auto unchanged = [&] {
    store.confirm_feed(feed.url, kind, now);
    out.status = FeedOutcome::Status::Unchanged;
    out.records = previous->records;
    return out;
  };

  // 1. The body, as a file: the source itself for file: URLs, a scratch download otherwise.
  std::filesystem::path body;
  std::optional<ScratchFile> scratch;
  std::string etag;
  std::string last_modified;
  if (feed.url.starts_with("file:")) {
    std::string why;
    body = file_url_path(feed.url, &why);
    if (body.empty()) return fail(why);
    std::error_code ec;
    const auto size = std::filesystem::file_size(body, ec);
    if (ec) return fail("cannot read " + body.string() + ": " + ec.message());
    if (size > options.request_template.max_bytes) {
      return fail(over_size_limit(options.request_template.max_bytes));
    }
  } else {
    static std::atomic<unsigned> counter{0};
    const auto dir =
        options.scratch_dir.empty() ? std::filesystem::temp_directory_path() : options.scratch_dir;
    scratch.emplace(dir / ("download-" + std::to_string(::getpid()) + "-" +
                           std::to_string(counter++) + ".tmp"));
    FetchRequest request = options.request_template;
    request.url = feed.url;
    request.body_file = scratch->path();
    if (same_parser) {
      request.etag = previous->etag;
      request.last_modified = previous->last_modified;
    }
    FetchResult fetched = fetch(request, cancel);
    if (fetched.status == FetchResult::Status::Failed) return fail(fetched.error);
    if (fetched.status == FetchResult::Status::NotModified) {
      if (!have_data)
        return fail("the server said the feed had not changed, but nothing is cached");
      return unchanged();
    }
    body = scratch->path();
    etag = fetched.etag;
    last_modified = fetched.last_modified;
  }

  // 2. Unchanged content costs nothing more; damaged text goes no further.
  const auto facts = inspect(body);
  if (!facts) return fail("cannot read " + body.string());
  // Events are read again each day even when the file is the same: sample events move with the
  // calendar (kiosk/feeds/sample_dates.h), and an events feed is small.
  const std::string content_hash =
      std::string(kParserVersion) + vocabulary.tag() + facts->hash +
      (feed.kind == ListingKind::Event ? "+day" + std::to_string(now / 86400) : std::string());
  if (same_parser && content_hash == previous->content_hash) return unchanged();
  if (!facts->utf8 && detect_format(facts->head) != FeedFormat::Xml) {
    return fail("the feed is not valid UTF-8 text");  // XML says its own encoding
  }

  // 3. Parse into the open transaction; only a complete, non-empty feed is committed.
  FeedState state;
  state.url = feed.url;
  state.kind = kind;
  state.etag = etag;
  state.last_modified = last_modified;
  state.content_hash = content_hash;
  std::int64_t other_kinds = 0;
  feeds::SkippedRecords skipped;
  std::string error;  // set inside the import's scope, reported after its rollback
  try {
    const OccupationTagger* tagger = vocabulary.tagger();
    FeedImport import(store, state, now);
    const auto take = [&](ParsedFeed& batch) {
      other_kinds += static_cast<std::int64_t>(batch.size() - records_of(batch, feed.kind));
      import.add(admit(std::move(batch), feed.kind, skipped, now, tagger));
      batch = ParsedFeed{};
    };
    const FeedFormat format = detect_format(facts->head);
    if (format == FeedFormat::JsonLd || format == FeedFormat::Xml) {
      // Parsing and inserting overlap: a parser thread prepares batches while this thread
      // inserts the previous ones (a kiosk has two cores; the UI needs little during a sync).
      BatchPipe pipe;
      std::variant<feeds::StreamSummary, ParseError> streamed;
      std::thread parser([&] {
        const feeds::BatchSink sink = [&](ParsedFeed& batch) {
          other_kinds += static_cast<std::int64_t>(batch.size() - records_of(batch, feed.kind));
          auto prepared = prepare_records(admit(std::move(batch), feed.kind, skipped, now, tagger));
          batch = ParsedFeed{};
          if (!pipe.push(std::move(prepared))) throw std::runtime_error("the import stopped");
        };
        if (format == FeedFormat::Xml) {
          streamed = feeds::stream_xml_jobs(body, feed.url, sink);
        } else {
          std::ifstream file(body, std::ios::binary);
          feeds::JsonCutStream in(file);
          streamed = feeds::stream_jsonld(in, feed.url, sink);
        }
        pipe.finish();
      });
      try {
        while (auto prepared = pipe.pop()) import.add(*prepared);
      } catch (...) {
        pipe.cancel();
        parser.join();
        throw;
      }
      parser.join();
      if (auto* parse_error = std::get_if<ParseError>(&streamed)) {
        error = parse_error->reason;
      } else {
        out.warnings = std::get<feeds::StreamSummary>(streamed).warnings;
      }
    } else {
      ParseResult parsed = parse_feed(read_body(body, format), feed.url);
      if (auto* parse_error = std::get_if<ParseError>(&parsed)) {
        error = parse_error->reason;
      } else {
        auto& records = std::get<ParsedFeed>(parsed);
        out.warnings = records.warnings;
        take(records);
      }
    }
    if (error.empty() && cancel != nullptr && cancel->load()) error = "the sync was cancelled";
    if (import.repeated_ids() > 0) {
      skipped.by_reason["the same id as an earlier record"] += import.repeated_ids();
    }
    if (error.empty() && import.count() == 0) {
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
    error = std::string("could not save the listings: ") + e.what();
  }
  if (!error.empty()) return fail(error);
  out.status = FeedOutcome::Status::Updated;
  log::info("sync " + feed.url + ": " + std::to_string(out.records) + " " + kind);
  for (const auto& reason : out.skip_reasons) log::warn("sync " + feed.url + ": " + reason);
  return out;
}

}  // namespace

FeedOutcome sync_feed(Store& store, const FeedSpec& feed, const SyncOptions& options,
                      const std::atomic<bool>* cancel) {
  RunVocabulary vocabulary(options.vocabulary_file, store);
  return sync_one(store, feed, options, cancel, vocabulary);
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
    log::info("sync " + out.url + ": no longer configured; " + std::to_string(out.records) +
              " listings removed");
  }
  return removed;
}

}  // namespace

std::vector<FeedOutcome> sync_all(Store& store, const std::vector<FeedSpec>& feeds,
                                  const SyncOptions& options, const std::atomic<bool>* cancel) {
  if (cancel != nullptr && cancel->load()) return {};
  std::vector<FeedOutcome> outcomes = remove_unlisted_feeds(store, feeds);
  RunVocabulary vocabulary(options.vocabulary_file, store);
  std::size_t done = 0;
  for (const auto& feed : feeds) {
    if (cancel != nullptr && cancel->load()) break;
    outcomes.push_back(sync_one(store, feed, options, cancel, vocabulary));
    if (options.on_feed) options.on_feed(++done, feeds.size());
  }
  return outcomes;
}

}  // namespace kiosk

// The listings cache: one SQLite file in the data directory (WAL, foreign keys, migrations by
// user_version). A feed's records are swapped in with one transaction, so a failed or killed
// sync leaves the previous set whole. The UI reads through its own read-only Store; sync writes
// through another.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/i18n/language.h"
#include "kiosk/model/enums.h"
#include "kiosk/model/model.h"
#include "kiosk/store/sqlite.h"

namespace kiosk {

struct FeedState {
  std::string url;
  std::string kind;  // jobs, programs, events, services, faq
  std::string etag;
  std::string last_modified;
  std::string content_hash;  // of the last body imported (file:// feeds have no ETag)
  std::optional<std::int64_t> last_attempt;
  std::optional<std::int64_t> last_success;    // last time new records were swapped in
  std::optional<std::int64_t> last_confirmed;  // last time the source was seen up to date
  std::string status;                          // updated, unchanged, failed
  std::string error;  // the last failure's reason (kept until the next success)
  std::int64_t records = 0;
};

enum class SortOrder { Relevance, Newest, Pay, Soonest };  // Soonest: events, by start

struct SearchQuery {
  std::string text;  // as typed: words, accents and case do not matter; the last word is a prefix
  // Any of these occupations (SOC or O*NET-SOC codes): a job's own code; a program's own codes
  // and those its CIP codes lead to through the crosswalk.
  std::vector<std::string> occupations;
  std::optional<std::int64_t> exclude_key;  // leave this listing out (the one being shown)
  std::optional<double> min_pay_hourly;     // USD an hour (yearly pay counts at 2080 hours)
  std::optional<double> max_cost;           // USD
  std::int64_t now = 0;  // Unix seconds; expired listings (valid_through < now) never appear
  std::optional<int> posted_days;
  int limit = 20;
  int offset = 0;
  ListingKind kind = ListingKind::Job;
  Language language = Language::En;  // which title to show
  SortOrder sort = SortOrder::Relevance;
  std::optional<Industry> industry;
  std::optional<Workplace> workplace;
  std::optional<ProgramType> program_type;
  std::optional<ProgramFormat> format;
  std::optional<CostBucket> cost;
  std::optional<LengthBucket> length;
  std::uint8_t employment_types = 0;  // any of these bits
  std::uint8_t schedule = 0;          // ProgramSchedule bits: any of these
  std::uint8_t event_types = 0;       // EventType bits: any of these
  std::optional<ServiceNeed> service_need;
  bool any_word = false;  // "more like this": any whole word of `text` matches, best first
  bool no_degree = false;
  bool paid = false;     // paid while learning
  bool spanish = false;  // taught in Spanish
  // Search across languages (kiosk/store/occupation_vocabulary.h): typed words that name an
  // occupation also find its phrases in both languages, unless the resident took it out.
  bool expand = true;
  std::vector<std::string> not_expanded;  // O*NET-SOC codes the resident removed
};

// An occupation a search added to what was typed ("Also showing: registered nurse").
struct SearchExpansion {
  std::string occupation;  // O*NET-SOC code: SearchQuery::not_expanded takes it out
  std::string name;        // in the query's language
};

struct SearchHit {
  std::int64_t key = 0;  // the cache's row key, for detail lookups
  ListingKind kind = ListingKind::Job;
  std::string id;
  std::string title;  // in the query's language when the source has it
  std::string org;    // employer, provider, organizer
  std::string industry;
  std::string city;
  std::string workplace;  // a job's; "online" for an event held online
  std::uint8_t employment_types = 0;
  std::optional<double> pay_min, pay_max;
  std::string pay_unit;
  std::string program_type;    // a program's type; an event's type; a service's need (their keys)
  std::optional<double> cost;  // an event: 0 when free
  bool paid = false;
  std::optional<std::int64_t> posted;
  std::optional<std::int64_t> start;
  std::optional<int> weeks;           // how long a program takes
  std::optional<std::int64_t> until;  // an event's end; a posting's last day
  std::string occupation;             // a job's O*NET-SOC or SOC code, from its feed or title
  bool sample = false;
};

struct SearchResult {
  std::int64_t total = 0;       // matching listings (at most kCountCap, see total_capped)
  bool total_capped = false;    // more than kCountCap match: say "more than N"
  std::vector<SearchHit> hits;  // the requested page
  // When nothing is found (see search_with_help): the typed words with misspellings corrected,
  // when that finds something ("enfermra" → "enfermera"), and a few words that find listings.
  std::optional<std::string> suggestion;
  std::vector<std::string> tips;
  // Occupations whose phrases the search added to the typed words, in the order added. The
  // typed words' own matches rank first.
  std::vector<SearchExpansion> expanded;
};

class Store;
class PhraseCounts;           // kiosk/store/rank.h
struct Vocabulary;            // the titles' words, for suggestions (kiosk/store/vocabulary.cpp)
struct OccupationVocabulary;  // kiosk/store/occupation_vocabulary.h

// Records turned into cache rows (text flattened, detail serialized): the CPU work of an import,
// which any thread may do while another inserts the previous batch.
struct PreparedRecords;
std::shared_ptr<PreparedRecords> prepare_records(const ParsedFeed& feed);

// One feed's new records going into the cache: the constructor opens a transaction and removes
// the feed's old records (invisible to readers until commit); add() inserts as records arrive;
// commit() swaps the whole set in at once. Destroyed without commit(), it rolls back: the old
// set stays, whole.
class FeedImport {
 public:
  FeedImport(Store& store, FeedState state, std::int64_t now);
  ~FeedImport();
  FeedImport(const FeedImport&) = delete;
  FeedImport& operator=(const FeedImport&) = delete;

  void add(const ParsedFeed& feed);
  void add(std::shared_ptr<const PreparedRecords> records);  // held until indexed
  std::int64_t count() const { return inserted_; }
  std::int64_t repeated_ids() const;  // records left out: the same id as an earlier one
  void commit();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::int64_t inserted_ = 0;
};

class Store {
 public:
  static constexpr int kSchemaVersion = 7;
  static constexpr std::int64_t kCountCap = 500;  // "more than 500 jobs" says enough
  static constexpr int kRankWindow = 500;         // relevance ranks the newest this-many matches
  // A reader maps this much of the cache file (twice a 100,000-job cache); past it, read().
  static constexpr std::int64_t kReaderMapBytes = std::int64_t{256} << 20;

  enum class Mode { Writer, Reader };
  // Opens (and for a writer creates and migrates) <data_dir>/listings.sqlite3. Throws
  // sql::SqliteError (a reader: also when there is no cache yet).
  Store(const std::filesystem::path& data_dir, Mode mode);
  static std::filesystem::path file_in(const std::filesystem::path& data_dir);
  const std::filesystem::path& data_dir() const { return data_dir_; }

  // Folds the write-ahead log into the cache file and empties it. A sync does it after writing,
  // so the log never holds a whole import on a small disk, and before, so a log a full disk left
  // behind is folded in as soon as there is room.
  struct Checkpoint {
    bool done = true;
    bool disk_full = false;  // no room to fold the log in: nothing more can be written
    std::string why;         // when not done: readers still on old pages, or SQLite's error
  };
  Checkpoint checkpoint();

  std::optional<FeedState> feed_state(const std::string& url);
  std::vector<FeedState> feed_states();

  // Replaces every record of the feed with `feed`, in one transaction.
  void replace_feed(const FeedState& state, const ParsedFeed& feed, std::int64_t now);
  // The source was fetched and had not changed: only the feed's state row is touched.
  void confirm_feed(const std::string& url, const std::string& kind, std::int64_t now);
  // A failure: the listings stay; the feed's state records why.
  void record_failure(const std::string& url, const std::string& kind, const std::string& error,
                      std::int64_t now);
  // Feeds taken out of the configuration: their listings and state rows go, in one transaction.
  void remove_feeds(const std::vector<std::string>& urls);

  SearchResult search(const SearchQuery& query);

  // The occupation vocabulary, for searches across languages (kiosk/store/expansion.cpp):
  // replaced in one transaction when its version differs from the one loaded; true when it was.
  bool load_occupations(const OccupationVocabulary& vocabulary);
  std::string occupations_version();  // empty when none is loaded
  std::int64_t count(ListingKind kind, std::int64_t now);
  std::optional<std::int64_t> last_confirmed(ListingKind kind);  // newest confirmation of its feeds

  std::optional<Job> job(std::int64_t key);  // with also_posted filled in

  // One card per job (kiosk/store/duplicates.h): marks the jobs posted again by another feed,
  // in one transaction, after a sync changed the jobs. How many are now hidden behind another.
  std::int64_t mark_duplicates();
  // The jobs changed since the last mark_duplicates(): an import or a removal of jobs notes it in
  // its own transaction, so a sync killed between its commit and the pass still owes the pass,
  // and the next sync makes it even when no feed has changed since.
  bool duplicates_due();
  // The feeds (URLs as configured) whose copies of this job are hidden behind it.
  std::vector<std::string> also_posted(std::int64_t key);
  std::optional<Program> program(std::int64_t key);
  std::optional<Event> event(std::int64_t key);
  std::optional<Service> service(std::int64_t key);
  // Every question of the FAQ feeds, in id order (the FAQ is ranked in memory: kiosk/faq/).
  static constexpr std::size_t kMaxFaqEntries = 2000;  // a center's FAQ is dozens
  std::vector<FaqEntry> faq_entries();

  // For a search that found nothing (kiosk/store/vocabulary.cpp). Both read the titles' words,
  // gathered again only after a sync has changed the listings; what is kept holds listing words
  // only, never what was typed.
  // The query's text with each word the index does not hold replaced by the closest title word
  // or one of its forms (at most two edits, one for words of four letters or less; common words
  // first), when the corrected text finds listings with the query's kind and filters.
  std::optional<std::string> suggest(const SearchQuery& query);
  // Up to `count` words from the titles of the query's kind and language (the most common main
  // word: "técnico", "technician"), each finding listings with the query's filters.
  std::vector<std::string> tip_words(const SearchQuery& query, std::size_t count);
  // The titles' words outlive a connection (a session's end closes it): reading them again
  // costs seconds at 100,000 jobs. They are checked against the cache before use.
  std::shared_ptr<Vocabulary> vocabulary_cache() const { return vocabulary_; }
  void reuse_vocabulary(std::shared_ptr<Vocabulary> vocabulary) {
    vocabulary_ = std::move(vocabulary);
  }

  // For the matcher (kiosk/match/): the keys of up to `limit` current listings of `kind` whose
  // index matches `match`, newest first. `match` is an FTS5 expression the caller builds from
  // its own word tables, never from what a resident typed. Defined in match_keys.cpp.
  std::vector<std::int64_t> newest_matching(ListingKind kind, const std::string& match,
                                            std::int64_t now, int limit);

 private:
  friend class FeedImport;
  void migrate();
  // Rebuilds the search indexes when this kiosk derives their text otherwise than the one that
  // wrote them (an upgrade, or version 6's rows moved to version 7).
  void ensure_index();
  template <typename T>
  std::optional<T> record(std::int64_t key);
  std::shared_ptr<Vocabulary> vocabulary();
  bool in_index(const std::string& match);  // an FTS5 expression matches some listing
  std::string accented(const std::string& term, const std::string& form);
  // The FTS5 text of a search's words, with what the vocabulary added (expansion.cpp).
  struct TextMatch {
    std::string fts;  // empty: nothing searchable was typed
    // Phrase ranges of the typed words' own forms, and how many phrases the vocabulary added
    // after them, one per expanded group ("0-3+4,8-9+2"): a row matching none of a group's
    // own phrases was found through the vocabulary only.
    std::string own;
    std::vector<SearchExpansion> expanded;
  };
  TextMatch text_match(const SearchQuery& query);

  // Listings per phrase for ranking (kiosk/store/rank.h); before db_, so it outlives it.
  std::shared_ptr<PhraseCounts> phrase_counts_;
  std::filesystem::path data_dir_;
  sql::Database db_;
  std::shared_ptr<Vocabulary> vocabulary_;  // see suggest()
};

// The FTS5 query for what a resident typed: words quoted with their gender and number forms
// (kiosk/store/word_forms.h), the last one a prefix; empty when there is nothing searchable.
// A lone one- or two-letter word searches titles only.
std::string fts_query(std::string_view typed);
// The FTS5 query matching any whole word of three letters or more (for "more like this").
std::string fts_any_word_query(std::string_view text);

}  // namespace kiosk

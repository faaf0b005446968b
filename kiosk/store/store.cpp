#include "kiosk/store/store.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <variant>

#include <sqlite3.h>

#include "kiosk/base/log.h"
#include "kiosk/feeds/html_text.h"
#include "kiosk/feeds/normalize.h"
#include "kiosk/model/enums.h"
#include "kiosk/store/duplicates.h"
#include "kiosk/store/occupation_facets.h"
#include "kiosk/store/rank.h"
#include "kiosk/store/record_json.h"
#include "kiosk/store/word_forms.h"

namespace kiosk {
namespace {

// Version 2: feeds, listings, and an FTS5 index over listings' searchable text. Listing keys
// grow with the posting date, so "newest first" is the FTS index's own rowid order. The index
// is kept by FeedImport with single-row statements, not triggers: a trigger makes every insert
// a statement transaction, and FTS5 flushes its in-memory index at each one (measured: 16 s
// instead of a few for 100,000 jobs). Filters live in the index too, as facet words in their
// own column (kindjobs, indhealth, wpremote, …): FTS5 intersects them with the text's matches
// instead of SQL rejecting row after row. Version 1 had no facets; a cache is rebuilt by the
// next sync, so migrating from it drops everything.
constexpr const char* kSchema = R"sql(
CREATE TABLE feeds (
  url TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  etag TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT '',
  content_hash TEXT NOT NULL DEFAULT '',
  last_attempt INTEGER,
  last_success INTEGER,
  last_confirmed INTEGER,
  status TEXT NOT NULL DEFAULT '',
  error TEXT NOT NULL DEFAULT '',
  records INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE listings (
  key INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  feed TEXT NOT NULL REFERENCES feeds(url) ON DELETE CASCADE,
  id TEXT NOT NULL,
  title TEXT NOT NULL,
  org TEXT NOT NULL,
  body TEXT NOT NULL,
  skills TEXT NOT NULL,
  facets TEXT NOT NULL,
  title_en TEXT NOT NULL,
  title_es TEXT NOT NULL,
  industry TEXT NOT NULL,
  types INTEGER NOT NULL,
  workplace TEXT NOT NULL,
  no_degree INTEGER NOT NULL,
  pay_min REAL,
  pay_max REAL,
  pay_unit TEXT NOT NULL,
  pay_hourly REAL,
  program_type TEXT NOT NULL,
  cost REAL,
  paid INTEGER NOT NULL,
  city TEXT NOT NULL,
  posted INTEGER,
  valid_through INTEGER,
  start INTEGER,
  weeks INTEGER,
  sample INTEGER NOT NULL,
  detail TEXT NOT NULL,
  occupation TEXT NOT NULL DEFAULT '',
  apply_key TEXT NOT NULL DEFAULT '',
  same_key TEXT NOT NULL DEFAULT '',
  richness INTEGER NOT NULL DEFAULT 0,
  dup_of INTEGER
);
CREATE UNIQUE INDEX listings_source ON listings(feed, kind, id);
CREATE INDEX listings_kind ON listings(kind, key);
CREATE INDEX listings_pay ON listings(kind, pay_hourly);
CREATE INDEX listings_dup ON listings(dup_of) WHERE dup_of IS NOT NULL;
CREATE VIRTUAL TABLE listings_fts USING fts5(
  title, org, body, skills, facets,
  content='listings', content_rowid='key',
  tokenize='unicode61 remove_diacritics 2',
  prefix='1 2 3'
);
-- Larger index pages and fewer automatic merges while a big feed goes in: 100,000 jobs import
-- in 9.5 s instead of 11.5 s, with search as fast (measured; BENCHMARKS.md).
INSERT INTO listings_fts(listings_fts, rank) VALUES ('pgsz', 8000);
INSERT INTO listings_fts(listings_fts, rank) VALUES ('automerge', 8);
)sql";

// Work a commit leaves for after it, noted in the same transaction so that a kill in between
// cannot lose it (since schema version 6): 'duplicates' while the jobs changed since the last
// duplicates pass (Store::duplicates_due).
constexpr const char* kDueSchema = R"sql(
CREATE TABLE IF NOT EXISTS due (what TEXT PRIMARY KEY) WITHOUT ROWID;
)sql";

// The occupation vocabulary (kiosk/store/expansion.cpp), since schema version 4.
constexpr const char* kVocabularySchema = R"sql(
CREATE TABLE vocab_meta (version TEXT NOT NULL);
CREATE TABLE vocab_occupations (
  code TEXT PRIMARY KEY,
  name_en TEXT NOT NULL,
  name_es TEXT NOT NULL,
  search_en TEXT NOT NULL,  -- folded phrases, one a line
  search_es TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE vocab_terms (
  term TEXT NOT NULL,  -- folded phrase
  code TEXT NOT NULL,
  weight INTEGER NOT NULL,  -- 2: a phrase searches add; 1: another name
  PRIMARY KEY (term, code)
) WITHOUT ROWID;
)sql";

constexpr std::int64_t kKeySpread = 1 << 20;  // keys per second of posting date

std::uint32_t fnv1a(std::string_view a, std::string_view b) {
  std::uint32_t h = 2166136261u;
  for (const char c : a) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  h = (h ^ 0xFFu) * 16777619u;
  for (const char c : b) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

std::string plain(const LocalRichText& text) {
  return join({feeds::blocks_to_plain(text.en), feeds::blocks_to_plain(text.es)}, "\n");
}

std::string both(const LocalText& text) {
  return text.en == text.es ? text.en : join({text.en, text.es}, "\n");
}

// One row of the listings table, whatever the kind.
struct Row {
  std::string id;
  std::string title, org, body, skills, facets;
  LocalText display_title;
  std::string industry;
  std::string workplace;
  Pay pay;
  std::string program_type;
  std::optional<double> cost;
  std::string city;
  std::optional<std::int64_t> posted, valid_through, start;
  std::optional<std::int64_t> weeks;  // how long a program takes
  std::string occupation;             // a job's
  std::string apply_key;              // a job's apply link, normalized (duplicates.cpp)
  std::string same_key;               // a job's title, employer and city, folded
  std::int64_t richness = 0;          // how much a job's record says: the richer one is shown
  std::string detail;
  ListingKind kind = ListingKind::Job;
  std::uint8_t types = 0;
  bool no_degree = false;
  bool paid = false;
  bool sample = false;
};

std::string first_city(const std::vector<Place>& places) {
  return places.empty() ? std::string() : places.front().city;
}

// [SECTION] Facet words: a listing's filter values as words in the index's facets column, and
// the same words in a query's match. Both come from the tables in kiosk/model/enums.h, so what
// is indexed and what is asked for cannot drift apart.

// The facet words of one listing, space separated.
class FacetWords {
 public:
  explicit FacetWords(ListingKind kind) { add(facet_of(kind)); }
  void add(std::string_view word) {
    if (word.empty()) return;
    if (!text_.empty()) text_ += ' ';
    text_ += word;
  }
  template <typename E>
  void add_value(E value) {
    add(facet_of(value));
  }
  template <typename E>
  void add_bits(std::uint8_t bits) {
    for_each_bit<E>(bits, [&](const EnumRow<E>& row) { add(row.facet); });
  }
  void add_flag(Flag flag, bool on) {
    if (on) add(facet_of(flag));
  }
  std::string take() { return std::move(text_); }

 private:
  std::string text_;
};

std::string job_facets(const Job& j) {
  FacetWords f(ListingKind::Job);
  f.add_value(j.industry);
  f.add_bits<EmploymentType>(j.employment_types);
  f.add_value(j.workplace);
  f.add_flag(Flag::NoDegree, j.no_degree);
  return f.take();
}

std::string program_facets(const Program& p) {
  FacetWords f(ListingKind::Program);
  f.add_value(p.industry);
  f.add_value(p.type);
  f.add_value(p.format);
  f.add_bits<ProgramSchedule>(p.schedule_times);
  for (const auto& row : kCostBuckets) {
    if (in_bucket(row.value, p.cost)) f.add(row.facet);
  }
  if (const auto length = length_bucket(p.duration_weeks)) f.add_value(*length);
  f.add_flag(Flag::NoDegree, p.no_degree);
  f.add_flag(Flag::Paid, p.paid_while_learning);
  f.add_flag(Flag::Spanish, taught_in_spanish(p.language));
  return f.take();
}

// The query's filters as an FTS5 match on the facets column: every chosen value, and any one of
// a bit set's.
class FacetMatch {
 public:
  void all(std::string_view word) {
    if (word.empty()) return;
    match_ += match_.empty() ? "" : " AND ";
    match_ += "facets : ";
    match_ += word;
  }
  template <typename E>
  void all(const std::optional<E>& value) {
    if (value) all(facet_of(*value));
  }
  void flag(Flag flag, bool on) {
    if (on) all(facet_of(flag));
  }
  template <typename E>
  void any_bit(std::uint8_t bits) {
    if (bits == 0) return;
    std::string any;
    for_each_bit<E>(bits, [&](const EnumRow<E>& row) {
      any += (any.empty() ? "" : " OR ") + std::string("facets : ") + std::string(row.facet);
    });
    match_ += (match_.empty() ? "(" : " AND (") + any + ")";
  }
  // A ready-made group ("(facets : occ291141 OR …)").
  void all_of(const std::string& group) {
    if (group.empty()) return;
    match_ += (match_.empty() ? "" : " AND ") + group;
  }
  std::string take() { return std::move(match_); }

 private:
  std::string match_;
};

std::string facet_match(const SearchQuery& q) {
  FacetMatch m;
  // Jobs are the bulk of the cache, so "kindjobs" would only slow every intersection down; the
  // smaller kinds are worth intersecting with. (The SQL conditions check the kind anyway.)
  if (q.kind != ListingKind::Job) m.all(facet_of(q.kind));
  m.all(q.industry);
  m.any_bit<EmploymentType>(q.employment_types);
  m.all(q.workplace);
  m.flag(Flag::NoDegree, q.no_degree);
  m.all(q.program_type);
  m.flag(Flag::Paid, q.paid);
  m.all(q.format);
  m.any_bit<ProgramSchedule>(q.schedule);
  m.all(q.cost);
  m.all(q.length);
  m.flag(Flag::Spanish, q.spanish);
  m.any_bit<EventType>(q.event_types);
  m.all(q.service_need);
  // No SQL condition for occupations: the facet words are the only record of them.
  if (!q.occupations.empty()) m.all_of(occupation_match(q.occupations));
  return m.take();
}

Row row_of(const Job& j) {
  Row r;
  r.kind = ListingKind::Job;
  r.id = j.id;
  r.title = both(j.title);
  r.org = j.employer;
  r.body = plain(j.description);
  r.skills = join(j.skills, ", ");
  if (!j.skills_es.empty()) r.skills += ", " + join(j.skills_es, ", ");  // found in either language
  r.display_title = j.title;
  r.industry = std::string(feeds::industry_key(j.industry));
  r.types = j.employment_types;
  r.workplace = std::string(workplace_key(j.workplace));
  r.no_degree = j.no_degree;
  r.pay = j.pay;
  r.city = first_city(j.locations);
  r.posted = j.posted;
  r.valid_through = j.valid_through;
  r.sample = j.sample;
  r.detail = nlohmann::json(j).dump();
  r.occupation = j.occupation_code;
  r.facets = job_facets(j) + occupation_facets(j);
  r.apply_key = apply_link_key(j.apply_url);
  r.same_key = same_job_key(j);
  r.richness = job_richness(j, r.body.size());
  return r;
}

Row row_of(const Program& p) {
  Row r;
  r.kind = ListingKind::Program;
  r.id = p.id;
  r.title = both(p.name);
  r.org = p.provider;
  r.body = join({plain(p.description), both(p.credential), both(p.prerequisites)}, "\n");
  r.display_title = p.name;
  r.industry = std::string(feeds::industry_key(p.industry));
  r.pay = p.wage;
  r.program_type = std::string(feeds::program_type_key(p.type));
  r.cost = p.cost;
  r.paid = p.paid_while_learning;
  r.no_degree = p.no_degree;
  r.city = first_city(p.locations);
  r.posted = p.start_date;  // programs sort by when they start
  r.valid_through = p.valid_through;
  r.start = p.start_date;
  if (p.duration_weeks) r.weeks = *p.duration_weeks;
  r.sample = p.sample;
  r.detail = nlohmann::json(p).dump();
  r.facets = program_facets(p) + occupation_facets(p);
  return r;
}

std::string event_facets(const Event& e) {
  FacetWords f(ListingKind::Event);
  if (const auto type = from_key<EventType>(e.type)) f.add_value(*type);
  return f.take();
}

std::string service_facets(const Service& s) {
  FacetWords f(ListingKind::Service);
  if (const auto need = from_key<ServiceNeed>(s.type)) f.add_value(*need);
  return f.take();
}

Row row_of(const Event& e) {
  Row r;
  r.kind = ListingKind::Event;
  r.id = e.id;
  r.title = both(e.name);
  r.org = e.organizer;
  r.body = join({plain(e.description), e.place.name, e.place.city}, "\n");
  r.display_title = e.name;
  r.city = e.place.city;
  r.posted = e.start;
  r.valid_through = e.end ? e.end : e.start;  // a past event disappears
  r.start = e.start;
  // The columns jobs and programs fill, as a card needs them: the type's key, online, free.
  if (from_key<EventType>(e.type)) r.program_type = e.type;
  if (e.online) r.workplace = "online";
  if (e.free) r.cost = 0.0;
  r.sample = e.sample;
  r.detail = nlohmann::json(e).dump();
  r.facets = event_facets(e);
  return r;
}

Row row_of(const Service& s) {
  Row r;
  r.kind = ListingKind::Service;
  r.id = s.id;
  r.title = both(s.name);
  r.org = s.provider;
  r.body = join({plain(s.description), both(s.eligibility), s.type}, "\n");
  r.display_title = s.name;
  r.city = s.place.city;
  if (from_key<ServiceNeed>(s.type)) r.program_type = s.type;  // the need, for its card
  r.sample = s.sample;
  r.detail = nlohmann::json(s).dump();
  r.facets = service_facets(s);
  return r;
}

Row row_of(const FaqEntry& f) {
  Row r;
  r.kind = ListingKind::Faq;
  r.id = f.id;
  r.title = both(f.question);
  r.body = join({plain(f.answer), f.topic}, "\n");
  r.display_title = f.question;
  r.sample = f.sample;
  r.detail = nlohmann::json(f).dump();
  r.facets = FacetWords(r.kind).take();
  return r;
}

using Param = std::variant<std::int64_t, double, std::string>;

void bind_all(sql::Statement& s, const std::vector<Param>& params) {
  int i = 1;
  for (const auto& p : params) {
    std::visit([&](const auto& v) { s.bind(i, v); }, p);
    ++i;
  }
}

}  // namespace

namespace {

std::vector<std::string> query_words(std::string_view typed) {
  return split_words(typed, 8);  // a query is a few words, not a paste of a page
}

}  // namespace

std::string fts_any_word_query(std::string_view text) {
  std::string out;
  for (const auto& w : query_words(text)) {
    if (w.size() < 3) continue;  // "de", "of", "(CNA)" stays: it is a good word
    if (!out.empty()) out += " OR ";
    out += '"' + w + '"';
  }
  return out;
}

std::string fts_query(std::string_view typed) {
  const std::vector<std::string> words = query_words(typed);
  if (words.empty()) return {};
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (!out.empty()) out += " AND ";
    out += fts_word_forms(words[i], i + 1 == words.size());  // quoted: FTS5 syntax stays out
  }
  if (words.size() == 1 && words[0].size() <= 2) out = "title : " + out;
  return out;
}

std::filesystem::path Store::file_in(const std::filesystem::path& data_dir) {
  return data_dir / "listings.sqlite3";
}

Store::Store(const std::filesystem::path& data_dir, Mode mode)
    : phrase_counts_(std::make_shared<PhraseCounts>()),
      data_dir_(data_dir),
      db_(file_in(data_dir),
          mode == Mode::Writer ? sql::Database::Mode::ReadWrite : sql::Database::Mode::ReadOnly) {
  if (mode == Mode::Writer) {
    db_.exec("PRAGMA journal_mode = WAL");
    db_.exec("PRAGMA synchronous = NORMAL");
    db_.exec("PRAGMA cache_size = -24000");  // 24 MB: a 100,000-job import touches many pages
  }
  db_.exec("PRAGMA foreign_keys = ON");
  register_rank_function(db_, phrase_counts_.get());
  if (mode == Mode::Writer) {
    migrate();
  } else if (db_.user_version() != kSchemaVersion) {
    throw sql::SqliteError(SQLITE_CORRUPT, "the cache has no listings yet (run a sync first)");
  }
}

Store::Checkpoint Store::checkpoint() {
  try {
    sql::Statement s(db_, "PRAGMA wal_checkpoint(TRUNCATE)");
    if (s.step() && s.int64(0) != 0) return {false, false, "a reader still uses the old pages"};
  } catch (const sql::SqliteError& e) {
    return {false, e.disk_full(), e.what()};
  }
  return {};
}

void Store::migrate() {
  const int version = db_.user_version();
  if (version == kSchemaVersion) return;
  if (version > kSchemaVersion) {
    throw sql::SqliteError(SQLITE_ERROR, "the cache was written by a newer version of the kiosk");
  }
  sql::Transaction tx(db_);
  if (version >= 2 && version <= 5) {
    // Version 3 keeps how long a program takes, for its card; version 4 each job's occupation
    // (from its feed or its title) and the occupation vocabulary; version 5 what finds the same
    // job posted twice (kiosk/store/duplicates.cpp). The rows fill at the next import (the
    // parser version went up with each). Version 6 notes the duplicates pass a commit owes.
    if (version == 2) db_.exec("ALTER TABLE listings ADD COLUMN weeks INTEGER");
    if (version <= 3) {
      db_.exec("ALTER TABLE listings ADD COLUMN occupation TEXT NOT NULL DEFAULT ''");
      db_.exec(kVocabularySchema);
    }
    if (version <= 4) {
      db_.exec(
          "ALTER TABLE listings ADD COLUMN apply_key TEXT NOT NULL DEFAULT '';"
          "ALTER TABLE listings ADD COLUMN same_key TEXT NOT NULL DEFAULT '';"
          "ALTER TABLE listings ADD COLUMN richness INTEGER NOT NULL DEFAULT 0;"
          "ALTER TABLE listings ADD COLUMN dup_of INTEGER;"
          "CREATE INDEX listings_dup ON listings(dup_of) WHERE dup_of IS NOT NULL;");
    }
    db_.exec(kDueSchema);
    // A version 5 cache may hold the marks of a sync killed before its pass: one pass to be sure.
    db_.exec("INSERT OR IGNORE INTO due VALUES ('duplicates')");
    db_.set_user_version(kSchemaVersion);
    tx.commit();
    log::info("cache schema at version " + std::to_string(kSchemaVersion));
    return;
  }
  if (version == 1) {
    // Version 1 had no facet column. The cache holds nothing that the next sync cannot fetch
    // again: start afresh (the feeds' hashes go too, so nothing is mistaken for unchanged).
    db_.exec(
        "DROP TABLE IF EXISTS listings_fts; DROP TABLE IF EXISTS listings; DROP TABLE IF EXISTS "
        "feeds;");
  }
  db_.exec(kSchema);
  db_.exec(kVocabularySchema);
  db_.exec(kDueSchema);
  db_.set_user_version(kSchemaVersion);
  tx.commit();
  log::info("cache schema at version " + std::to_string(kSchemaVersion));
}

std::vector<FeedState> Store::feed_states() {
  sql::Statement s(
      db_,
      "SELECT url, kind, etag, last_modified, content_hash, last_attempt, last_success, "
      "last_confirmed, status, error, records FROM feeds ORDER BY url");
  std::vector<FeedState> out;
  while (s.step()) {
    FeedState f;
    f.url = s.text(0);
    f.kind = s.text(1);
    f.etag = s.text(2);
    f.last_modified = s.text(3);
    f.content_hash = s.text(4);
    f.last_attempt = s.opt_int64(5);
    f.last_success = s.opt_int64(6);
    f.last_confirmed = s.opt_int64(7);
    f.status = s.text(8);
    f.error = s.text(9);
    f.records = s.int64(10);
    out.push_back(std::move(f));
  }
  return out;
}

std::optional<FeedState> Store::feed_state(const std::string& url) {
  for (auto& f : feed_states()) {
    if (f.url == url) return std::move(f);
  }
  return std::nullopt;
}

void Store::replace_feed(const FeedState& state, const ParsedFeed& feed, std::int64_t now) {
  FeedImport import(*this, state, now);
  import.add(feed);
  import.commit();
}

namespace {

// Takes a feed's records out of the index, then out of the table (inside the caller's
// transaction: the index is kept by hand, see kSchema). By ascending key, as FeedImport::add
// indexes: a lower rowid than the last makes FTS5 write a segment, deletes included.
void remove_listings(sql::Database& db, const std::string& url) {
  std::vector<std::int64_t> keys;  // the keys alone are sorted, not the rows' text
  sql::Statement feed_keys(db, "SELECT key FROM listings WHERE feed = ?1 ORDER BY key");
  feed_keys.bind(1, url);
  while (feed_keys.step()) keys.push_back(feed_keys.int64(0));
  sql::Statement old(db, "SELECT title, org, body, skills, facets FROM listings WHERE key = ?1");
  sql::Statement unindex(db, R"sql(
    INSERT INTO listings_fts(listings_fts, rowid, title, org, body, skills, facets)
    VALUES ('delete', ?1, ?2, ?3, ?4, ?5, ?6))sql");
  for (const std::int64_t key : keys) {
    old.reset();
    old.bind(1, key);
    if (!old.step()) continue;
    unindex.reset();
    unindex.bind(1, key).bind(2, old.text(0)).bind(3, old.text(1));
    unindex.bind(4, old.text(2)).bind(5, old.text(3)).bind(6, old.text(4)).run();
  }
  sql::Statement remove(db, "DELETE FROM listings WHERE feed = ?1");
  remove.bind(1, url).run();
}

}  // namespace

void Store::remove_feeds(const std::vector<std::string>& urls) {
  if (urls.empty()) return;
  sql::Transaction tx(db_);
  for (const auto& url : urls) {
    sql::Statement due(db_,
                       "INSERT OR IGNORE INTO due SELECT 'duplicates' FROM feeds "
                       "WHERE url = ?1 AND kind = 'jobs'");
    due.bind(1, url).run();
    remove_listings(db_, url);
    sql::Statement feed_row(db_, "DELETE FROM feeds WHERE url = ?1");
    feed_row.bind(1, url).run();
  }
  tx.commit();
}

struct FeedImport::Impl {
  Impl(sql::Database& database, FeedState feed_state, std::int64_t at)
      : db(database),
        tx(database),
        state(std::move(feed_state)),
        now(at),
        index(database,
              "INSERT INTO listings_fts(rowid, title, org, body, skills, facets) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
        insert(database, R"sql(
    INSERT INTO listings(key, kind, feed, id, title, org, body, skills, title_en, title_es,
      industry, types, workplace, no_degree, pay_min, pay_max, pay_unit, pay_hourly, program_type,
      cost, paid, city, posted, valid_through, start, sample, detail, facets, weeks, occupation,
      apply_key, same_key, richness)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
      ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33))sql") {
    sql::Statement feed_row(db, "INSERT OR IGNORE INTO feeds(url, kind) VALUES (?1, ?2)");
    feed_row.bind(1, state.url).bind(2, state.kind).run();  // listings refer to it
    remove_listings(db, state.url);
  }

  // The row's key, or nothing when the record repeats an id already imported from this feed.
  // The row goes into the table only: index_row() adds it to the search index.
  std::optional<std::int64_t> add(const Row& r) {
    const std::int64_t when =
        std::clamp<std::int64_t>(r.posted.value_or(now), 0, std::int64_t{1} << 40);
    std::int64_t key =
        when * kKeySpread + static_cast<std::int64_t>(fnv1a(state.url, r.id) % kKeySpread);
    for (;;) {
      while (used.contains(key)) ++key;
      insert.reset();
      insert.bind(1, key).bind(2, kind_key(r.kind)).bind(3, state.url).bind(4, r.id);
      insert.bind(5, r.title).bind(6, r.org).bind(7, r.body).bind(8, r.skills);
      insert.bind(9, r.display_title.en).bind(10, r.display_title.es).bind(11, r.industry);
      insert.bind(12, static_cast<std::int64_t>(r.types)).bind(13, r.workplace);
      insert.bind(14, r.no_degree ? 1 : 0).bind(15, r.pay.min).bind(16, r.pay.max);
      insert.bind(17, pay_unit_key(r.pay.unit)).bind(18, hourly(r.pay)).bind(19, r.program_type);
      insert.bind(20, r.cost).bind(21, r.paid ? 1 : 0).bind(22, r.city).bind(23, r.posted);
      insert.bind(24, r.valid_through).bind(25, r.start).bind(26, r.sample ? 1 : 0);
      insert.bind(27, r.detail).bind(28, r.facets).bind(29, r.weeks).bind(30, r.occupation);
      insert.bind(31, r.apply_key).bind(32, r.same_key).bind(33, r.richness);
      try {
        insert.run();
        used.insert(key);
        return key;
      } catch (const sql::SqliteError& e) {
        if (e.code() == SQLITE_CONSTRAINT_PRIMARYKEY) {
          used.insert(key);  // another feed's listing holds this key: take the next
          continue;
        }
        if (e.code() == SQLITE_CONSTRAINT_UNIQUE) return std::nullopt;
        throw;
      }
    }
  }

  void index_row(std::int64_t key, const Row& r) {
    index.reset();
    index.bind(1, key).bind(2, r.title).bind(3, r.org).bind(4, r.body).bind(5, r.skills);
    index.bind(6, r.facets).run();
  }

  sql::Database& db;
  sql::Transaction tx;
  FeedState state;
  std::int64_t now;
  sql::Statement index;
  sql::Statement insert;
  std::unordered_set<std::int64_t> used;
  std::int64_t skipped = 0;
};

FeedImport::FeedImport(Store& store, FeedState state, std::int64_t now)
    : impl_(std::make_unique<Impl>(store.db_, std::move(state), now)) {}

FeedImport::~FeedImport() = default;

std::int64_t FeedImport::repeated_ids() const {
  return impl_->skipped;
}

struct PreparedRecords {
  std::vector<Row> rows;
};

std::shared_ptr<PreparedRecords> prepare_records(const ParsedFeed& feed) {
  auto prepared = std::make_shared<PreparedRecords>();
  prepared->rows.reserve(feed.size());
  for (const auto& j : feed.jobs) prepared->rows.push_back(row_of(j));
  for (const auto& p : feed.programs) prepared->rows.push_back(row_of(p));
  for (const auto& e : feed.events) prepared->rows.push_back(row_of(e));
  for (const auto& s : feed.services) prepared->rows.push_back(row_of(s));
  for (const auto& f : feed.faq) prepared->rows.push_back(row_of(f));
  return prepared;
}

void FeedImport::add(const ParsedFeed& feed) {
  add(*prepare_records(feed));
}

void FeedImport::add(const PreparedRecords& records) {
  // Into the table in the feed's order (the first of a repeated id wins; a key taken moves the
  // later record on), into the index by ascending key: FTS5 writes its in-memory index out as a
  // new segment whenever a rowid is lower than the one before, so feed order (dates at random)
  // wrote a segment for every other listing, and merging them was most of an import (measured:
  // BENCHMARKS.md, 2026-12-06).
  std::vector<std::pair<std::int64_t, const Row*>> added;
  added.reserve(records.rows.size());
  for (const Row& row : records.rows) {
    if (const auto key = impl_->add(row)) {
      added.emplace_back(*key, &row);
      ++inserted_;
    } else {
      ++impl_->skipped;  // the same id twice in one feed: the first wins
    }
  }
  std::sort(added.begin(), added.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [key, row] : added) impl_->index_row(key, *row);
}

void FeedImport::commit() {
  const FeedState& state = impl_->state;
  sql::Statement upsert(impl_->db, R"sql(
    INSERT INTO feeds(url, kind, etag, last_modified, content_hash, last_attempt, last_success,
                      last_confirmed, status, error, records)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?6, 'updated', '', ?7)
    ON CONFLICT(url) DO UPDATE SET kind = ?2, etag = ?3, last_modified = ?4, content_hash = ?5,
      last_attempt = ?6, last_success = ?6, last_confirmed = ?6, status = 'updated', error = '',
      records = ?7)sql");
  upsert.bind(1, state.url).bind(2, state.kind).bind(3, state.etag).bind(4, state.last_modified);
  upsert.bind(5, state.content_hash).bind(6, impl_->now).bind(7, inserted_);
  upsert.run();
  if (state.kind == kind_key(ListingKind::Job)) {
    impl_->db.exec("INSERT OR IGNORE INTO due VALUES ('duplicates')");  // with the new jobs
  }
  if (impl_->skipped > 0) {
    log::warn(state.url + ": " + std::to_string(impl_->skipped) +
              " records repeated an id; kept the first");
  }
  impl_->tx.commit();
}

void Store::confirm_feed(const std::string& url, const std::string& kind, std::int64_t now) {
  sql::Statement s(db_, R"sql(
    INSERT INTO feeds(url, kind, last_attempt, last_confirmed, status) VALUES (?1, ?2, ?3, ?3, 'unchanged')
    ON CONFLICT(url) DO UPDATE SET last_attempt = ?3, last_confirmed = ?3, status = 'unchanged',
      error = '')sql");
  s.bind(1, url).bind(2, kind).bind(3, now).run();
}

void Store::record_failure(const std::string& url, const std::string& kind,
                           const std::string& error, std::int64_t now) {
  sql::Statement s(db_, R"sql(
    INSERT INTO feeds(url, kind, last_attempt, status, error) VALUES (?1, ?2, ?3, 'failed', ?4)
    ON CONFLICT(url) DO UPDATE SET last_attempt = ?3, status = 'failed', error = ?4)sql");
  s.bind(1, url).bind(2, kind).bind(3, now).bind(4, error).run();
}

std::optional<std::int64_t> Store::last_confirmed(ListingKind kind) {
  sql::Statement s(db_, "SELECT max(last_confirmed) FROM feeds WHERE kind = ?1");
  s.bind(1, kind_key(kind));
  if (!s.step()) return std::nullopt;
  return s.opt_int64(0);
}

std::int64_t Store::count(ListingKind kind, std::int64_t now) {
  sql::Statement s(db_,
                   "SELECT count(*) FROM listings WHERE kind = ?1 AND dup_of IS NULL AND "
                   "(valid_through IS NULL OR "
                   "valid_through >= ?2)");
  s.bind(1, kind_key(kind)).bind(2, now);
  s.step();
  return s.int64(0);
}

namespace {

// [SECTION] Search, in parts: the SQL conditions, the browse path (nothing to match), the
// windowed rank path (a match), and the page's rows.

// WHERE conditions and their parameters, in binding order.
struct Conditions {
  std::string where;
  std::vector<Param> params;

  void add(std::string_view condition) {
    where += where.empty() ? "" : " AND ";
    where += condition;
  }
  void add(std::string_view condition, Param param) {
    add(condition);
    params.push_back(std::move(param));
  }
};

std::int64_t posted_since(const SearchQuery& q) {
  return q.now - static_cast<std::int64_t>(*q.posted_days) * 86400;
}

// Every filter as SQL on the listings row, so a result is right even where the facet words
// only narrow (and so browsing, which has no match, filters at all).
Conditions sql_conditions(const SearchQuery& q) {
  Conditions c;
  c.add("l.kind = ?", std::string(kind_key(q.kind)));
  c.add("(l.valid_through IS NULL OR l.valid_through >= ?)", q.now);
  c.add("l.dup_of IS NULL");  // a job posted twice is one card (duplicates.cpp)
  if (q.industry) c.add("l.industry = ?", std::string(key_of(*q.industry)));
  if (q.employment_types != 0) {
    c.add("(l.types & ?) != 0", static_cast<std::int64_t>(q.employment_types));
  }
  if (q.workplace) c.add("l.workplace = ?", std::string(key_of(*q.workplace)));
  if (q.no_degree) c.add("l.no_degree = 1");
  if (q.min_pay_hourly) c.add("l.pay_hourly >= ?", *q.min_pay_hourly);
  if (q.posted_days) c.add("l.posted >= ?", posted_since(q));
  if (q.program_type) c.add("l.program_type = ?", std::string(key_of(*q.program_type)));
  if (q.max_cost) c.add("l.cost <= ?", *q.max_cost);
  if (q.paid) c.add("l.paid = 1");
  if (q.cost == CostBucket::Free) c.add("l.cost = 0");
  if (q.cost == CostBucket::Under1000) c.add("l.cost >= 0 AND l.cost < 1000");
  if (q.exclude_key) c.add("l.key != ?", *q.exclude_key);
  return c;
}

// The columns read_hit() reads, the title in the query's language when the listing has it.
std::string hit_columns(Language language) {
  return std::string("l.key, l.kind, l.id, ") +
         (language == Language::Es
              ? "CASE WHEN l.title_es != '' THEN l.title_es ELSE l.title_en END"
              : "CASE WHEN l.title_en != '' THEN l.title_en ELSE l.title_es END") +
         ", l.org, l.industry, l.city, l.workplace, l.types, l.pay_min, l.pay_max, l.pay_unit, "
         "l.program_type, l.cost, l.paid, l.posted, l.start, l.sample, l.weeks, l.valid_through, "
         "l.occupation";
}

SearchHit read_hit(const sql::Statement& s) {
  SearchHit h;
  h.key = s.int64(0);
  h.kind = kind_from_key(s.text(1)).value_or(ListingKind::Job);
  h.id = s.text(2);
  h.title = s.text(3);
  h.org = s.text(4);
  h.industry = s.text(5);
  h.city = s.text(6);
  h.workplace = s.text(7);
  h.employment_types = static_cast<std::uint8_t>(s.int64(8));
  h.pay_min = s.opt_real(9);
  h.pay_max = s.opt_real(10);
  h.pay_unit = s.text(11);
  h.program_type = s.text(12);
  h.cost = s.opt_real(13);
  h.paid = s.int64(14) != 0;
  h.posted = s.opt_int64(15);
  h.start = s.opt_int64(16);
  h.sample = s.int64(17) != 0;
  if (const auto weeks = s.opt_int64(18)) h.weeks = static_cast<int>(*weeks);
  h.until = s.opt_int64(19);
  h.occupation = s.text(20);
  return h;
}

// The requested page, clamped: a screen never asks for more, a script cannot ask for all.
struct Page {
  std::int64_t limit;
  std::int64_t offset;
};
Page page_of(const SearchQuery& q) {
  return {std::clamp(q.limit, 0, 500), std::clamp(q.offset, 0, 100000)};
}

// "More than 500" says enough: counting further costs time and tells a resident nothing.
void set_total(SearchResult& result, std::int64_t n) {
  result.total = std::min(n, Store::kCountCap);
  result.total_capped = n > Store::kCountCap;
}

constexpr const char* kPayOrder = "l.pay_hourly IS NULL, l.pay_hourly DESC, l.key DESC";

// Nothing typed and no facet to match: the table's own indexes count and order.
SearchResult browse(sql::Database& db, const SearchQuery& q, const Conditions& c) {
  SearchResult result;
  sql::Statement count(db, "SELECT count(*) FROM (SELECT 1 FROM listings l WHERE " + c.where +
                               " LIMIT " + std::to_string(Store::kCountCap + 1) + ")");
  bind_all(count, c.params);
  count.step();
  set_total(result, count.int64(0));
  sql::Statement page(db, "SELECT " + hit_columns(q.language) + " FROM listings l WHERE " +
                              c.where + " ORDER BY " +
                              (q.sort == SortOrder::Pay       ? kPayOrder
                               : q.sort == SortOrder::Soonest ? "l.key ASC"
                                                              : "l.key DESC") +
                              " LIMIT ? OFFSET ?");
  const Page p = page_of(q);
  std::vector<Param> params = c.params;
  params.emplace_back(p.limit);
  params.emplace_back(p.offset);
  bind_all(page, params);
  while (page.step()) result.hits.push_back(read_hit(page));
  return result;
}

// A match, as the ranked path sees it: the FROM clause and its parameters, the match first.
struct Matched {
  std::string from;
  std::vector<Param> params;
  bool by_date = false;  // by date (newest first, or soonest with SortOrder::Soonest), no score
  std::string own;       // the typed words' phrases, when the vocabulary added some (rank.h)
};

struct Candidate {
  std::int64_t key;
  double score;
  std::optional<double> pay;
};

// One pass over the index and the table gives the exact total up to the cap and, for the
// newest kRankWindow matches, what ordering needs. Ranking every match of a common word would
// cost tens of milliseconds at 100,000 listings; when the window is not full it holds every
// match. (Separate passes for counting and scoring, or counting in the index alone first,
// measured slower.)
std::vector<Candidate> rank_window(sql::Database& db, const SearchQuery& q, const Matched& m,
                                   SearchResult& result) {
  static_assert(Store::kRankWindow <= Store::kCountCap, "the window is counted in the same pass");
  // bm25 with these column weights (kiosk/store/rank.h): title, org, body, skills, facets.
  // `own` holds digits, '-' and ',' only (expansion.cpp): safe as a literal.
  const std::string score = m.by_date || q.sort == SortOrder::Pay
                                ? std::string("0.0")
                                : std::string(kRankFunction) +
                                      "(listings_fts, 10.0, 4.0, 1.0, 3.0, 0.0" +
                                      (m.own.empty() ? std::string() : ", '" + m.own + "'") + ")";
  sql::Statement w(db, "SELECT f.rowid, " + score + ", l.pay_hourly " + m.from +
                           " ORDER BY f.rowid DESC LIMIT " + std::to_string(Store::kCountCap + 1));
  bind_all(w, m.params);
  std::vector<Candidate> window;
  std::int64_t n = 0;
  while (w.step()) {
    if (n++ < Store::kRankWindow) window.push_back({w.int64(0), w.real(1), w.opt_real(2)});
  }
  set_total(result, n);
  return window;
}

// The keys of the requested page: from the window, ordered as asked, or (newest first, past a
// full window) straight from the index.
std::vector<std::int64_t> page_keys(sql::Database& db, const SearchQuery& q, const Matched& m,
                                    std::vector<Candidate> window) {
  const Page p = page_of(q);
  std::vector<std::int64_t> keys;
  if (m.by_date && p.offset + p.limit > static_cast<std::int64_t>(window.size()) &&
      window.size() == static_cast<std::size_t>(Store::kRankWindow)) {
    sql::Statement page(db, "SELECT f.rowid " + m.from + " ORDER BY f.rowid " +
                                (q.sort == SortOrder::Soonest ? "ASC" : "DESC") +
                                " LIMIT ? OFFSET ?");
    std::vector<Param> params = m.params;
    params.emplace_back(p.limit);
    params.emplace_back(p.offset);
    bind_all(page, params);
    while (page.step()) keys.push_back(page.int64(0));
    return keys;
  }
  if (q.sort == SortOrder::Pay) {
    std::stable_sort(window.begin(), window.end(), [](const Candidate& a, const Candidate& b) {
      if (a.pay.has_value() != b.pay.has_value()) return a.pay.has_value();
      return a.pay.value_or(0) > b.pay.value_or(0);
    });
  } else if (q.sort == SortOrder::Soonest) {
    // Keys grow with the date (an event's start): the soonest first.
    std::sort(window.begin(), window.end(),
              [](const Candidate& a, const Candidate& b) { return a.key < b.key; });
  } else if (!m.by_date) {
    std::stable_sort(window.begin(), window.end(),
                     [](const Candidate& a, const Candidate& b) { return a.score < b.score; });
  }
  for (auto i = static_cast<std::size_t>(p.offset);
       i < window.size() && keys.size() < static_cast<std::size_t>(p.limit); ++i) {
    keys.push_back(window[i].key);
  }
  return keys;
}

// The rows of the page's keys, in the keys' order.
std::vector<SearchHit> fetch_hits(sql::Database& db, Language language,
                                  const std::vector<std::int64_t>& keys) {
  std::vector<SearchHit> hits;
  if (keys.empty()) return hits;
  std::string in = "?";
  for (std::size_t i = 1; i < keys.size(); ++i) in += ",?";
  sql::Statement page(
      db, "SELECT " + hit_columns(language) + " FROM listings l WHERE l.key IN (" + in + ")");
  for (std::size_t i = 0; i < keys.size(); ++i) page.bind(static_cast<int>(i + 1), keys[i]);
  std::unordered_map<std::int64_t, SearchHit> found;
  while (page.step()) {
    SearchHit h = read_hit(page);
    found.emplace(h.key, std::move(h));
  }
  for (const auto key : keys) {
    if (auto it = found.find(key); it != found.end()) hits.push_back(std::move(it->second));
  }
  return hits;
}

// The filters the index must intersect for a search with these words. "No degree" is on most
// jobs (74 % of the benchmark's 100,000) and sql_conditions() checks it on each joined row
// anyway: intersecting its doclist with the text's matches changes nothing but the cost, about
// a third of a two-word search's instructions ("asistente medico", health + no degree). Rarer
// facets (an industry, part-time, remote) stay in the match: they spare reading rows. Without
// words typed the facets are the whole match and all stay.
SearchQuery facets_to_intersect(const SearchQuery& q, const std::string& text) {
  SearchQuery f = q;
  if (!text.empty()) f.no_degree = false;
  return f;
}

}  // namespace

SearchResult Store::search(const SearchQuery& q) {
  Conditions c = sql_conditions(q);
  TextMatch typed = text_match(q);
  const std::string& text = typed.fts;
  const std::string facets = facet_match(facets_to_intersect(q, text));
  if (text.empty() && facets.empty()) return browse(db_, q, c);

  if (q.posted_days) {
    // Keys grow with the posting date: FTS5 can skip older listings by rowid.
    c.add("f.rowid >= ?", posted_since(q) * kKeySpread);
  }
  Matched m;
  // CROSS JOIN keeps the FTS index as the outer loop: the other order would run the MATCH once
  // per listing.
  m.from =
      "FROM listings_fts f CROSS JOIN listings l ON l.key = f.rowid WHERE listings_fts MATCH "
      "? AND " +
      c.where;
  m.params.emplace_back(text.empty() || facets.empty() ? text + facets
                                                       : "(" + text + ") AND " + facets);
  m.params.insert(m.params.end(), c.params.begin(), c.params.end());
  // A lone one- or two-letter prefix matches titles only and has no meaningful relevance:
  // newest first, straight from the index.
  const bool short_prefix = text.starts_with("title : ");
  m.by_date = q.sort == SortOrder::Newest || q.sort == SortOrder::Soonest ||
              (q.sort == SortOrder::Relevance && (short_prefix || text.empty()));

  m.own = typed.own;

  SearchResult result;
  const PhraseCounts::Scope counts(*phrase_counts_, db_, text);
  std::vector<Candidate> window = rank_window(db_, q, m, result);
  result.hits = fetch_hits(db_, q.language, page_keys(db_, q, m, std::move(window)));
  result.expanded = std::move(typed.expanded);
  return result;
}

std::string Store::detail(std::int64_t key) {
  sql::Statement s(db_, "SELECT detail FROM listings WHERE key = ?1");
  s.bind(1, key);
  return s.step() ? s.text(0) : std::string();
}

template <typename T>
std::optional<T> Store::record(std::int64_t key) {
  const std::string text = detail(key);
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (text.empty() || j.is_discarded() || !j.is_object()) return std::nullopt;
  return j.get<T>();
}

std::optional<Job> Store::job(std::int64_t key) {
  auto job = record<Job>(key);
  if (job) job->also_posted = also_posted(key);
  return job;
}

std::optional<Program> Store::program(std::int64_t key) {
  return record<Program>(key);
}

std::optional<Event> Store::event(std::int64_t key) {
  return record<Event>(key);
}

std::optional<Service> Store::service(std::int64_t key) {
  return record<Service>(key);
}

std::vector<FaqEntry> Store::faq_entries() {
  std::vector<FaqEntry> out;
  sql::Statement s(db_, "SELECT detail FROM listings WHERE kind = ?1 ORDER BY id LIMIT ?2");
  s.bind(1, kind_key(ListingKind::Faq)).bind(2, static_cast<std::int64_t>(kMaxFaqEntries));
  while (s.step()) {
    const auto j = nlohmann::json::parse(s.text(0), nullptr, false);
    if (j.is_object()) out.push_back(j.get<FaqEntry>());
  }
  return out;
}

}  // namespace kiosk

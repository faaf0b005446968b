#include "kiosk/store/store.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <variant>

#include <sqlite3.h>

#include "kiosk/base/log.h"
#include "kiosk/feeds/html_text.h"
#include "kiosk/feeds/normalize.h"
#include "kiosk/model/enums.h"
#include "kiosk/model/occupations.h"
#include "kiosk/store/detail_codec.h"
#include "kiosk/store/duplicates.h"
#include "kiosk/store/occupation_facets.h"
#include "kiosk/store/rank.h"
#include "kiosk/store/record_json.h"
#include "kiosk/store/word_forms.h"

namespace kiosk {
namespace {

// The feeds and their listings. Listing keys grow with the posting date, so "newest first" is
// the search index's own rowid order. Filters live in the index too, as facet words in their own
// column (kindjobs, indhealth, wpremote, …): FTS5 intersects them with the text's matches instead
// of SQL rejecting row after row.
//
// Since version 7 a listing's record is kept once, deflated (`detail`, detail_codec.h), and the
// text the index holds is kept nowhere else: the indexes are contentless, and what goes in and
// comes out again is derived from the record (indexed_text()). Version 6 kept the plain text, the
// facet words and the joined title beside the record, and the index had prefixes 1–3: 370 MB
// for 100,000 jobs against 125 MB now (BENCHMARKS.md, "Listings cache").
// Listings name their feed by its number (since version 7: the URL in every row and in the
// listings_source index was 6 MB of 100,000 jobs).
std::string feeds_schema(std::string_view table) {
  return "CREATE TABLE " + std::string(table) + R"sql( (
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
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
);)sql";
}

// The listings table under the name `table`, its feeds in `feeds` (a migration builds both beside
// the old ones, then renames them: SQLite renames the reference too).
std::string listings_schema(std::string_view table, std::string_view feeds) {
  return "CREATE TABLE " + std::string(table) + R"sql( (
  key INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  feed INTEGER NOT NULL REFERENCES )sql" +
         std::string(feeds) + R"sql((id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  org TEXT NOT NULL,
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
  occupation TEXT NOT NULL DEFAULT '',
  apply_key TEXT NOT NULL DEFAULT '',
  richness INTEGER NOT NULL DEFAULT 0,
  dup_of INTEGER,
  detail BLOB NOT NULL
);)sql";
}

// The listings' indexes, and the two search indexes:
// - listings_fts, every word of a listing by column, for searching words and phrases;
// - titles_fts, the titles with their one- and two-letter prefixes and no positions, for the
//   first letters a resident types (a lone "n" searches titles). Without it, a one-letter prefix
//   in listings_fts walks every word starting with it (18 ms for "a"); prefixes of every word in
//   listings_fts cost 75 MB at 100,000 jobs, titles_fts costs 4 MB. It holds the facet words
//   too, spelled "_indhealth" ('_' is part of a word there, and no typed word starts with it): a
//   filter narrows "ma" inside the index (2 ms) instead of row by row (41 ms).
// The index is kept by FeedImport with single-row statements, not triggers: a trigger makes every
// insert a statement transaction, and FTS5 flushes its in-memory index at each one.
constexpr const char* kIndexesSchema = R"sql(
CREATE UNIQUE INDEX listings_source ON listings(feed, kind, id);
CREATE INDEX listings_kind ON listings(kind, key);
CREATE INDEX listings_pay ON listings(kind, pay_hourly);
CREATE INDEX listings_dup ON listings(dup_of) WHERE dup_of IS NOT NULL;
CREATE VIRTUAL TABLE listings_fts USING fts5(
  title, org, body, skills, facets,
  content='',
  tokenize='unicode61 remove_diacritics 2'
);
-- Larger index pages and fewer automatic merges while a big feed goes in (BENCHMARKS.md).
INSERT INTO listings_fts(listings_fts, rank) VALUES ('pgsz', 8000);
INSERT INTO listings_fts(listings_fts, rank) VALUES ('automerge', 8);
CREATE VIRTUAL TABLE titles_fts USING fts5(
  title,
  content='', detail=none, columnsize=0, prefix='1 2',
  tokenize="unicode61 remove_diacritics 2 tokenchars '_'"
);
INSERT INTO titles_fts(titles_fts, rank) VALUES ('pgsz', 8000);
-- What derived the indexes' text (index_fingerprint()): another one rebuilds them.
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
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

// What a listing puts into the search indexes (kIndexesSchema). The cache keeps only the record:
// taking a listing out of the contentless indexes derives this again from it, so the same record
// must always give the same text. A change to what is derived here (or in what it calls) goes
// with a new kIndexFormat: the next writer then rebuilds both indexes (Store::ensure_index).
struct IndexedText {
  std::string title, org, body, skills, facets;
};

// One row of the listings table, whatever the kind.
struct Row {
  std::string id;
  IndexedText text;  // into the indexes only
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
  std::int64_t richness = 0;          // how much a job's record says: the richer one is shown
  std::string detail;                 // the record, packed (detail_codec.h)
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

IndexedText indexed_text(const Job& j) {
  IndexedText t;
  t.title = both(j.title);
  t.org = j.employer;
  t.body = plain(j.description);
  t.skills = join(j.skills, ", ");
  if (!j.skills_es.empty()) t.skills += ", " + join(j.skills_es, ", ");  // found in either language
  t.facets = job_facets(j) + occupation_facets(j);
  return t;
}

IndexedText indexed_text(const Program& p) {
  IndexedText t;
  t.title = both(p.name);
  t.org = p.provider;
  t.body = join({plain(p.description), both(p.credential), both(p.prerequisites)}, "\n");
  t.facets = program_facets(p) + occupation_facets(p);
  return t;
}

IndexedText indexed_text(const Event& e) {
  IndexedText t;
  t.title = both(e.name);
  t.org = e.organizer;
  t.body = join({plain(e.description), e.place.name, e.place.city}, "\n");
  t.facets = event_facets(e);
  return t;
}

IndexedText indexed_text(const Service& s) {
  IndexedText t;
  t.title = both(s.name);
  t.org = s.provider;
  t.body = join({plain(s.description), both(s.eligibility), s.type}, "\n");
  t.facets = service_facets(s);
  return t;
}

IndexedText indexed_text(const FaqEntry& f) {
  IndexedText t;
  t.title = both(f.question);
  t.body = join({plain(f.answer), f.topic}, "\n");
  t.facets = FacetWords(ListingKind::Faq).take();
  return t;
}

// The record of a cached listing, from its packed detail; nothing when it cannot be read.
template <typename T>
std::optional<T> record_of(std::string_view stored) {
  const auto text = unpack_detail(stored);
  if (!text) return std::nullopt;
  const auto j = nlohmann::json::parse(*text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  try {
    return j.get<T>();
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;  // a field of another type than the record's
  }
}

// What the listing put into the indexes, derived again from its record.
std::optional<IndexedText> indexed_text_of(ListingKind kind, std::string_view stored) {
  const auto derive = [&]<typename T>(std::type_identity<T>) -> std::optional<IndexedText> {
    const auto record = record_of<T>(stored);
    return record ? std::optional(indexed_text(*record)) : std::nullopt;
  };
  switch (kind) {
    case ListingKind::Job:
      return derive(std::type_identity<Job>{});
    case ListingKind::Program:
      return derive(std::type_identity<Program>{});
    case ListingKind::Event:
      return derive(std::type_identity<Event>{});
    case ListingKind::Service:
      return derive(std::type_identity<Service>{});
    case ListingKind::Faq:
      return derive(std::type_identity<FaqEntry>{});
  }
  return std::nullopt;
}

// The record as the detail column keeps it: without its id and feed, which the row's own
// columns hold (cached_record() puts them back).
template <typename T>
std::string packed(const T& record, DetailPacker& packer) {
  nlohmann::json j = record;
  j.erase("id");
  j.erase("source");
  return packer.pack(j.dump());
}

// A cached record from a row's detail, id and feed URL (in that order, from column 0).
template <typename T>
std::optional<T> cached_record(const sql::Statement& s) {
  auto record = record_of<T>(s.text(0));
  if (record) {
    record->id = s.text(1);
    record->source = s.text(2);
  }
  return record;
}

Row row_of(const Job& j, DetailPacker& packer) {
  Row r;
  r.kind = ListingKind::Job;
  r.id = j.id;
  r.text = indexed_text(j);
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
  r.detail = packed(j, packer);
  r.occupation = j.occupation_code;
  r.apply_key = apply_link_key(j.apply_url);
  r.richness = job_richness(j, r.text.body.size());
  return r;
}

Row row_of(const Program& p, DetailPacker& packer) {
  Row r;
  r.kind = ListingKind::Program;
  r.id = p.id;
  r.text = indexed_text(p);
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
  r.detail = packed(p, packer);
  return r;
}

Row row_of(const Event& e, DetailPacker& packer) {
  Row r;
  r.kind = ListingKind::Event;
  r.id = e.id;
  r.text = indexed_text(e);
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
  r.detail = packed(e, packer);
  return r;
}

Row row_of(const Service& s, DetailPacker& packer) {
  Row r;
  r.kind = ListingKind::Service;
  r.id = s.id;
  r.text = indexed_text(s);
  r.display_title = s.name;
  r.city = s.place.city;
  if (from_key<ServiceNeed>(s.type)) r.program_type = s.type;  // the need, for its card
  r.sample = s.sample;
  r.detail = packed(s, packer);
  return r;
}

Row row_of(const FaqEntry& f, DetailPacker& packer) {
  Row r;
  r.kind = ListingKind::Faq;
  r.id = f.id;
  r.text = indexed_text(f);
  r.display_title = f.question;
  r.sample = f.sample;
  r.detail = packed(f, packer);
  return r;
}

// Puts listings into both search indexes, or takes them out with the text they went in with.
// By ascending key within a run: a rowid lower than the last makes FTS5 write out a segment.
class IndexWriter {
 public:
  explicit IndexWriter(sql::Database& db)
      : words_(db,
               "INSERT INTO listings_fts(rowid, title, org, body, skills, facets) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
        titles_(db, "INSERT INTO titles_fts(rowid, title) VALUES (?1, ?2)"),
        unword_(db,
                "INSERT INTO listings_fts(listings_fts, rowid, title, org, body, skills, facets) "
                "VALUES ('delete', ?1, ?2, ?3, ?4, ?5, ?6)"),
        untitle_(db, "INSERT INTO titles_fts(titles_fts, rowid, title) VALUES ('delete', ?1, ?2)") {
  }

  void add(std::int64_t key, const IndexedText& t) { run(words_, titles_, key, t); }
  void remove(std::int64_t key, const IndexedText& t) { run(unword_, untitle_, key, t); }

 private:
  static void run(sql::Statement& words, sql::Statement& titles, std::int64_t key,
                  const IndexedText& t) {
    words.reset();
    words.bind(1, key).bind(2, t.title).bind(3, t.org).bind(4, t.body).bind(5, t.skills);
    words.bind(6, t.facets).run();
    titles.reset();
    titles.bind(1, key).bind(2, t.title + title_facets(t.facets)).run();
  }

  // "kindjobs indhealth" → "\n_kindjobs _indhealth" (kIndexesSchema, titles_fts).
  static std::string title_facets(std::string_view facets) {
    std::string out;
    while (!facets.empty()) {
      const std::string_view word = facets.substr(0, facets.find(' '));
      if (!word.empty()) out += (out.empty() ? "\n_" : " _") + std::string(word);
      facets.remove_prefix(std::min(facets.size(), word.size() + 1));
    }
    return out;
  }

  sql::Statement words_, titles_, unword_, untitle_;
};

// What derives the indexes' text: indexed_text() (kIndexFormat names its version) and the
// shipped crosswalk a program's occupations come from. A kiosk that derives otherwise could not
// take the old text out of the contentless indexes, so it rebuilds them (Store::ensure_index).
constexpr std::string_view kIndexFormat = "index-1";

std::string index_fingerprint() {
  std::ifstream in(occupations::shipped_crosswalk_file(), std::ios::binary);
  const std::string crosswalk((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", fnv1a(crosswalk, kIndexFormat));
  return std::string(kIndexFormat) + ":" + hex;
}

// Both search indexes anew from every listing's record, inside the caller's transaction. A
// record that cannot be read stays out of search (its card still shows). How many went in.
std::int64_t rebuild_index(sql::Database& db) {
  db.exec(
      "INSERT INTO listings_fts(listings_fts) VALUES ('delete-all');"
      "INSERT INTO titles_fts(titles_fts) VALUES ('delete-all');");
  IndexWriter index(db);
  std::int64_t n = 0;
  sql::Statement rows(db, "SELECT key, kind, detail FROM listings ORDER BY key");
  while (rows.step()) {
    const auto kind = kind_from_key(rows.text(1));
    if (const auto text = kind ? indexed_text_of(*kind, rows.text(2)) : std::nullopt) {
      index.add(rows.int64(0), *text);
      ++n;
    }
  }
  sql::Statement mark(db, "INSERT OR REPLACE INTO meta(name, value) VALUES ('index', ?1)");
  mark.bind(1, index_fingerprint()).run();
  return n;
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
  if (mode == Mode::Reader) {
    // Searches read the cache through a memory map, not read() into SQLite's 2 MB page cache: a
    // common two-word search touches more than 2 MB (doclists, rows), and copying those pages
    // in again for every search was a fifth of its time (BENCHMARKS.md). The mapped pages are
    // the kernel's file cache, shared and reclaimable, not this process's heap. Nothing ever
    // shrinks the file (no VACUUM), which is what makes a map unsafe.
    db_.exec("PRAGMA mmap_size = " + std::to_string(kReaderMapBytes));
  }
  register_rank_function(db_, phrase_counts_.get());
  if (mode == Mode::Writer) {
    migrate();
    ensure_index();
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
  if (version >= 2 && version <= 6) {
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
          "ALTER TABLE listings ADD COLUMN dup_of INTEGER;");
    }
    if (version <= 5) {
      db_.exec(kDueSchema);
      // A version 5 cache may hold the marks of a sync killed before its pass: one to be sure.
      db_.exec("INSERT OR IGNORE INTO due VALUES ('duplicates')");
    }
    // Version 7 keeps each record once and derives the indexes' text from it. The rows move to
    // a table without the plain copies, with the same keys; their records stay JSON text until
    // their feed changes (unpack_detail() reads both), and ensure_index() then builds the new
    // indexes from them. The listings stay searchable through an upgrade with no network.
    db_.exec(feeds_schema("feeds_v7"));
    db_.exec(
        "INSERT INTO feeds_v7 (url, kind, etag, last_modified, content_hash, last_attempt, "
        "last_success, last_confirmed, status, error, records) SELECT url, kind, etag, "
        "last_modified, content_hash, last_attempt, last_success, last_confirmed, status, error, "
        "records FROM feeds");
    db_.exec(listings_schema("listings_v7", "feeds_v7"));
    constexpr const char* kKept =
        "key, kind, id, org, title_en, title_es, industry, types, workplace, no_degree, "
        "pay_min, pay_max, pay_unit, pay_hourly, program_type, cost, paid, city, posted, "
        "valid_through, start, weeks, sample, occupation, apply_key, richness, dup_of, "
        "detail";
    db_.exec(std::string("INSERT INTO listings_v7 (feed, ") + kKept +
             ") SELECT (SELECT f.id FROM feeds_v7 f WHERE f.url = l.feed), " + kKept +
             " FROM listings l");
    db_.exec(
        "DROP TABLE listings_fts; DROP TABLE listings; DROP TABLE feeds; "
        "ALTER TABLE feeds_v7 RENAME TO feeds; ALTER TABLE listings_v7 RENAME TO listings;");
    db_.exec(kIndexesSchema);
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
  db_.exec(feeds_schema("feeds"));
  db_.exec(listings_schema("listings", "feeds"));
  db_.exec(kIndexesSchema);
  db_.exec(kVocabularySchema);
  db_.exec(kDueSchema);
  db_.set_user_version(kSchemaVersion);
  tx.commit();
  log::info("cache schema at version " + std::to_string(kSchemaVersion));
}

void Store::ensure_index() {
  const std::string want = index_fingerprint();
  {
    sql::Statement s(db_, "SELECT value FROM meta WHERE name = 'index'");
    if (s.step() && s.text(0) == want) return;
  }
  sql::Transaction tx(db_);
  const auto listings = rebuild_index(db_);
  tx.commit();
  if (listings > 0) log::info("search index rebuilt: " + std::to_string(listings) + " listings");
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

// Takes a feed's records out of the indexes, then out of the table (inside the caller's
// transaction). By ascending key, as FeedImport::add indexes. False when a record could not be
// read back to know its words: the caller then rebuilds the indexes before it commits.
bool remove_listings(sql::Database& db, std::int64_t feed) {
  std::vector<std::int64_t> keys;  // the keys alone are sorted, not the records
  sql::Statement feed_keys(db, "SELECT key FROM listings WHERE feed = ?1 ORDER BY key");
  feed_keys.bind(1, feed);
  while (feed_keys.step()) keys.push_back(feed_keys.int64(0));
  IndexWriter index(db);
  bool exact = true;
  sql::Statement old(db, "SELECT kind, detail FROM listings WHERE key = ?1");
  for (const std::int64_t key : keys) {
    old.reset();
    old.bind(1, key);
    if (!old.step()) continue;
    const auto kind = kind_from_key(old.text(0));
    const auto text = kind ? indexed_text_of(*kind, old.text(1)) : std::nullopt;
    if (text) {
      index.remove(key, *text);
    } else {
      exact = false;
    }
  }
  sql::Statement remove(db, "DELETE FROM listings WHERE feed = ?1");
  remove.bind(1, feed).run();
  return exact;
}

}  // namespace

void Store::remove_feeds(const std::vector<std::string>& urls) {
  if (urls.empty()) return;
  sql::Transaction tx(db_);
  bool exact = true;
  for (const auto& url : urls) {
    sql::Statement due(db_,
                       "INSERT OR IGNORE INTO due SELECT 'duplicates' FROM feeds "
                       "WHERE url = ?1 AND kind = 'jobs'");
    due.bind(1, url).run();
    sql::Statement id(db_, "SELECT id FROM feeds WHERE url = ?1");
    if (id.bind(1, url).step()) exact = remove_listings(db_, id.int64(0)) && exact;
    sql::Statement feed_row(db_, "DELETE FROM feeds WHERE url = ?1");
    feed_row.bind(1, url).run();
  }
  if (!exact) rebuild_index(db_);
  tx.commit();
}

struct FeedImport::Impl {
  Impl(sql::Database& database, FeedState feed_state, std::int64_t at)
      : db(database),
        tx(database),
        state(std::move(feed_state)),
        now(at),
        index(database),
        insert(database, R"sql(
    INSERT INTO listings(key, kind, feed, id, org, title_en, title_es, industry, types, workplace,
      no_degree, pay_min, pay_max, pay_unit, pay_hourly, program_type, cost, paid, city, posted,
      valid_through, start, sample, detail, weeks, occupation, apply_key, richness)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,
      ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28))sql") {
    sql::Statement feed_row(db, "INSERT OR IGNORE INTO feeds(url, kind) VALUES (?1, ?2)");
    feed_row.bind(1, state.url).bind(2, state.kind).run();  // listings refer to it
    sql::Statement id(db, "SELECT id FROM feeds WHERE url = ?1");
    id.bind(1, state.url).step();
    feed = id.int64(0);
    exact = remove_listings(db, feed);
  }

  // The row's key, or nothing when the record repeats an id already imported from this feed.
  // The row goes into the table only: the caller indexes it.
  std::optional<std::int64_t> add(const Row& r) {
    const std::int64_t when =
        std::clamp<std::int64_t>(r.posted.value_or(now), 0, std::int64_t{1} << 40);
    std::int64_t key =
        when * kKeySpread + static_cast<std::int64_t>(fnv1a(state.url, r.id) % kKeySpread);
    for (;;) {
      while (used.contains(key)) ++key;
      insert.reset();
      insert.bind(1, key).bind(2, kind_key(r.kind)).bind(3, feed).bind(4, r.id);
      insert.bind(5, r.text.org).bind(6, r.display_title.en).bind(7, r.display_title.es);
      insert.bind(8, r.industry).bind(9, static_cast<std::int64_t>(r.types));
      insert.bind(10, r.workplace).bind(11, r.no_degree ? 1 : 0).bind(12, r.pay.min);
      insert.bind(13, r.pay.max).bind(14, pay_unit_key(r.pay.unit)).bind(15, hourly(r.pay));
      insert.bind(16, r.program_type).bind(17, r.cost).bind(18, r.paid ? 1 : 0).bind(19, r.city);
      insert.bind(20, r.posted).bind(21, r.valid_through).bind(22, r.start);
      insert.bind(23, r.sample ? 1 : 0).bind_blob(24, r.detail).bind(25, r.weeks);
      insert.bind(26, r.occupation).bind(27, r.apply_key).bind(28, r.richness);
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

  // The rows added since the last run into the index, by ascending key, then let go.
  void index_pending() {
    std::sort(pending.begin(), pending.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [key, row] : pending) index.add(key, row->text);
    pending.clear();
    held.clear();
  }

  static constexpr std::size_t kIndexRun = 4000;  // about 3 MB of rows held

  sql::Database& db;
  sql::Transaction tx;
  FeedState state;
  std::int64_t feed = 0;  // its row in `feeds`
  std::int64_t now;
  IndexWriter index;
  std::vector<std::pair<std::int64_t, const Row*>> pending;  // inserted, not yet indexed
  std::vector<std::shared_ptr<const PreparedRecords>> held;  // the rows `pending` points into
  sql::Statement insert;
  std::unordered_set<std::int64_t> used;
  std::int64_t skipped = 0;
  bool exact = true;  // the old records' words all came out of the indexes (remove_listings)
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
  DetailPacker packer;
  for (const auto& j : feed.jobs) prepared->rows.push_back(row_of(j, packer));
  for (const auto& p : feed.programs) prepared->rows.push_back(row_of(p, packer));
  for (const auto& e : feed.events) prepared->rows.push_back(row_of(e, packer));
  for (const auto& s : feed.services) prepared->rows.push_back(row_of(s, packer));
  for (const auto& f : feed.faq) prepared->rows.push_back(row_of(f, packer));
  return prepared;
}

void FeedImport::add(const ParsedFeed& feed) {
  add(prepare_records(feed));
}

void FeedImport::add(std::shared_ptr<const PreparedRecords> records) {
  // Into the table in the feed's order (the first of a repeated id wins; a key taken moves the
  // later record on), into the index by ascending key: FTS5 writes its in-memory index out as a
  // new segment whenever a rowid is lower than the one before, so feed order (dates at random)
  // wrote a segment for every other listing, and merging them was most of an import (measured:
  // BENCHMARKS.md, 2026-12-06). Batches wait until kIndexRun rows are pending and go into the
  // index sorted together: 100,000 jobs write 25 segments instead of 200.
  for (const Row& row : records->rows) {
    if (const auto key = impl_->add(row)) {
      impl_->pending.emplace_back(*key, &row);
      ++inserted_;
    } else {
      ++impl_->skipped;  // the same id twice in one feed: the first wins
    }
  }
  impl_->held.push_back(std::move(records));
  if (impl_->pending.size() >= Impl::kIndexRun) impl_->index_pending();
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
  impl_->index_pending();
  // A record that could not be read back left its words behind: the indexes anew, with the new set.
  if (!impl_->exact) rebuild_index(impl_->db);
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
  // A lone one- or two-letter prefix matches titles only, in the titles' own index (it has their
  // short prefixes), and has no meaningful relevance: newest first, straight from the index.
  const bool short_prefix = text.starts_with("title : ");
  Matched m;
  // CROSS JOIN keeps the FTS index as the outer loop: the other order would run the MATCH once
  // per listing.
  const std::string index = short_prefix ? "titles_fts" : "listings_fts";
  m.from = "FROM " + index + " f CROSS JOIN listings l ON l.key = f.rowid WHERE " + index +
           " MATCH ? AND " + c.where;
  if (short_prefix) {
    // Without positions FTS5 takes no column filter: the typed prefix without one, the facet
    // words as that index spells them ("facets : indhealth" → "_indhealth").
    const std::string typed_prefix = text.substr(std::string_view("title : ").size());
    std::string title_facets = facets;
    for (std::size_t at = 0; (at = title_facets.find("facets : ", at)) != std::string::npos;) {
      title_facets.replace(at, std::string_view("facets : ").size(), "_");
    }
    m.params.emplace_back(title_facets.empty() ? typed_prefix
                                               : "(" + typed_prefix + ") AND " + title_facets);
  } else {
    m.params.emplace_back(text.empty() || facets.empty() ? text + facets
                                                         : "(" + text + ") AND " + facets);
  }
  m.params.insert(m.params.end(), c.params.begin(), c.params.end());
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

template <typename T>
std::optional<T> Store::record(std::int64_t key) {
  sql::Statement s(db_,
                   "SELECT l.detail, l.id, f.url FROM listings l JOIN feeds f ON f.id = l.feed "
                   "WHERE l.key = ?1");
  s.bind(1, key);
  return s.step() ? cached_record<T>(s) : std::nullopt;
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
  sql::Statement s(db_,
                   "SELECT l.detail, l.id, f.url FROM listings l JOIN feeds f ON f.id = l.feed "
                   "WHERE l.kind = ?1 ORDER BY l.id LIMIT ?2");
  s.bind(1, kind_key(ListingKind::Faq)).bind(2, static_cast<std::int64_t>(kMaxFaqEntries));
  while (s.step()) {
    if (auto entry = cached_record<FaqEntry>(s)) out.push_back(std::move(*entry));
  }
  return out;
}

}  // namespace kiosk

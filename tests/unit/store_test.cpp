#include "kiosk/store/store.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "kiosk/feeds/jsonld.h"
#include "kiosk/feeds/normalize.h"
#include "kiosk/search/facets.h"
#include "kiosk/search/filters.h"
#include "kiosk/search/listings_reader.h"
#include "kiosk/store/detail_codec.h"
#include "kiosk/store/record_json.h"
#include "tests/unit/old_cache.h"
#include "tests/unit/temp_dir.h"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
constexpr std::int64_t kNow = 1793664000;  // 2026-11-03
constexpr std::int64_t kDay = 86400;

using kiosk::testing::TempDir;
using kiosk::testing::write_version6_cache;

Job job(std::string id, std::string en, std::string es, std::string employer, std::string body,
        std::int64_t posted_days_ago) {
  Job j;
  j.id = std::move(id);
  j.title = {std::move(en), std::move(es)};
  j.employer = std::move(employer);
  j.description.en = {{TextBlock::Type::Paragraph, {std::move(body)}}};
  j.posted = kNow - posted_days_ago * kDay;
  j.industry = Industry::Health;
  j.employment_types = kFullTime;
  j.workplace = Workplace::Onsite;
  j.pay = {18, 20, PayUnit::Hour, "USD"};
  j.locations = {{"", "", "Miami", "FL", "33136", "US"}};
  return j;
}

ParsedFeed sample_feed() {
  ParsedFeed f;
  f.jobs.push_back(job("1", "Registered Nurse", "Enfermera registrada", "Bayfront Clinic",
                       "Care for patients in the cardiac unit.", 1));
  f.jobs.push_back(job("2", "Técnico de mantenimiento", "Técnico de mantenimiento",
                       "Coral Facilities", "Fix HVAC units and plumbing.", 2));
  f.jobs.push_back(job("3", "Line Cook", "Cocinero de línea", "Sunrise Diner",
                       "Prepare breakfast; work with a nurse station caterer.", 3));
  Job remote = job("4", "Help Desk Technician", "Técnico de soporte", "Circuit IT",
                   "Answer calls and tickets.", 10);
  remote.workplace = Workplace::Remote;
  remote.industry = Industry::Technology;
  remote.pay = {52000, 60000, PayUnit::Year, "USD"};
  remote.no_degree = true;
  remote.employment_types = kPartTime;
  f.jobs.push_back(remote);
  Job expired = job("5", "Nurse Assistant", "Asistente de enfermería", "Old Clinic", "Gone.", 30);
  expired.valid_through = kNow - kDay;
  f.jobs.push_back(expired);
  return f;
}

FeedState state(const std::string& url) {
  FeedState s;
  s.url = url;
  s.kind = "jobs";
  s.content_hash = "h1";
  return s;
}

std::vector<std::string> ids(const SearchResult& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) out.push_back(h.id);
  return out;
}

SearchResult find(Store& store, const std::string& text, SortOrder sort = SortOrder::Relevance) {
  SearchQuery q;
  q.text = text;
  q.now = kNow;
  q.sort = sort;
  return store.search(q);
}

TEST(Store, MigratesAndReopens) {
  TempDir dir;
  { Store s(dir.path(), Store::Mode::Writer); }
  Store again(dir.path(), Store::Mode::Writer);
  Store reader(dir.path(), Store::Mode::Reader);
  EXPECT_TRUE(reader.feed_states().empty());
}

// A reader searches through a memory map of the cache (the kernel's file cache), not through
// copies in its own heap; a writer does not map it.
TEST(Store, AReaderMapsTheCacheAndAWriterDoesNot) {
  TempDir dir;
  const auto mapped = [&] {
    std::ifstream maps("/proc/self/maps");
    const std::string file = Store::file_in(dir.path()).string();
    for (std::string line; std::getline(maps, line);) {
      if (line.ends_with(file)) return true;
    }
    return false;
  };
  Store writer(dir.path(), Store::Mode::Writer);
  writer.replace_feed(state("f"), sample_feed(), kNow);
  EXPECT_FALSE(find(writer, "nurse").hits.empty());
  EXPECT_FALSE(mapped());
  // As after a sync: the pages are in the file, not in the write-ahead log (which is read()).
  EXPECT_TRUE(writer.checkpoint().done);
  Store reader(dir.path(), Store::Mode::Reader);
  EXPECT_FALSE(find(reader, "nurse").hits.empty());
  EXPECT_TRUE(mapped());
}

// The duplicates pass a commit owes (kiosk/store/duplicates.h) outlives the process, as after a
// sync killed between its import and the pass (issue 18): noted by an import or a removal of
// jobs in its own transaction, cleared by the pass.
TEST(Store, TheDuplicatesPassAnImportOwesOutlivesTheProcess) {
  TempDir dir;
  {
    Store s(dir.path(), Store::Mode::Writer);
    EXPECT_FALSE(s.duplicates_due());
    FeedState programs = state("p");
    programs.kind = "programs";
    s.replace_feed(programs, ParsedFeed{}, kNow);
    EXPECT_FALSE(s.duplicates_due());  // no job changed
    s.replace_feed(state("f"), sample_feed(), kNow);
    EXPECT_TRUE(s.duplicates_due());
  }  // closed before the pass
  {
    Store s(dir.path(), Store::Mode::Writer);
    EXPECT_TRUE(s.duplicates_due());
    s.mark_duplicates();
    EXPECT_FALSE(s.duplicates_due());
    s.remove_feeds({"p"});
    EXPECT_FALSE(s.duplicates_due());
    s.remove_feeds({"f"});
    EXPECT_TRUE(s.duplicates_due());
  }
  EXPECT_TRUE(Store(dir.path(), Store::Mode::Writer).duplicates_due());
}

// A version 5 cache may hold the marks of a sync killed before its pass: it owes one pass.
TEST(Store, AVersionFiveCacheOwesOneDuplicatesPass) {
  TempDir dir;
  write_version6_cache(dir.path(), "f", sample_feed());
  {
    sql::Database db(Store::file_in(dir.path()), sql::Database::Mode::ReadWrite);
    db.exec("DROP TABLE due; PRAGMA user_version = 5;");
  }
  Store s(dir.path(), Store::Mode::Writer);
  EXPECT_TRUE(s.duplicates_due());
  EXPECT_EQ(find(s, "nurse").total, 2);  // the listings stay
}

TEST(Store, AnOlderCacheIsRebuiltFromScratch) {
  TempDir dir;
  {
    sql::Database db(Store::file_in(dir.path()), sql::Database::Mode::ReadWrite);
    db.exec(
        "CREATE TABLE feeds(url TEXT PRIMARY KEY, kind TEXT); CREATE TABLE listings(key INTEGER);"
        "INSERT INTO feeds VALUES ('f', 'jobs'); PRAGMA user_version = 1;");
  }
  Store s(dir.path(), Store::Mode::Writer);
  EXPECT_TRUE(s.feed_states().empty());
  s.replace_feed(state("f"), sample_feed(), kNow);
  EXPECT_EQ(find(s, "nurse").total, 2);
}

// [SECTION] One copy of each record (schema version 7): the indexes are contentless, and what a
// listing put into them is derived again from its record when it goes.

// Every word instance of both indexes (term, listing, column, position), from fts5vocab.
std::vector<std::string> index_words(const fs::path& data_dir) {
  sql::Database db(Store::file_in(data_dir), sql::Database::Mode::ReadWrite);
  db.exec(
      "CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, listings_fts, 'instance');"
      "CREATE VIRTUAL TABLE temp.titles USING fts5vocab(main, titles_fts, 'row');");
  std::vector<std::string> out;
  sql::Statement words(db, "SELECT term, doc, col, offset FROM temp.words");
  while (words.step()) {
    out.push_back(words.text(0) + " " + std::to_string(words.int64(1)) + " " + words.text(2) + " " +
                  std::to_string(words.int64(3)));
  }
  sql::Statement titles(db, "SELECT term, doc, cnt FROM temp.titles");
  while (titles.step()) {
    out.push_back("title " + titles.text(0) + " " + std::to_string(titles.int64(1)) + " " +
                  std::to_string(titles.int64(2)));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The second feed: a job gone, one changed, one new.
ParsedFeed changed_feed() {
  ParsedFeed f = sample_feed();
  f.jobs.erase(f.jobs.begin());
  f.jobs[0].title = {"Maintenance Supervisor", "Supervisor de mantenimiento"};
  f.jobs[0].skills = {"HVAC", "Plumbing"};
  f.jobs.push_back(job("9", "Pharmacy Technician", "Técnico de farmacia", "Coral Pharmacy",
                       "Fill prescriptions and help customers.", 4));
  return f;
}

// The indexes of a cache that imported changed_feed() and nothing before it.
std::vector<std::string> fresh_index_words() {
  TempDir fresh;
  {
    Store s(fresh.path(), Store::Mode::Writer);
    s.replace_feed(state("f"), changed_feed(), kNow);
  }
  return index_words(fresh.path());
}

TEST(Store, AReplacedFeedLeavesTheIndexAsAFreshImportWould) {
  TempDir replaced;
  {
    Store s(replaced.path(), Store::Mode::Writer);
    s.replace_feed(state("f"), sample_feed(), kNow);
    s.replace_feed(state("other"), changed_feed(), kNow);
    s.replace_feed(state("f"), changed_feed(), kNow);
    s.remove_feeds({"other"});
    EXPECT_EQ(find(s, "nurse").total, 1);  // the expired one is not shown
    EXPECT_EQ(find(s, "pharmacy").total, 1);
    EXPECT_EQ(find(s, "line cook").total, 1);
  }
  const auto words = index_words(replaced.path());
  EXPECT_GT(words.size(), 50u);
  EXPECT_EQ(words, fresh_index_words());
}

// Each record of a kind, as the store gives it back by its search hit's key.
template <typename T, typename Read>
void expect_records_back(Store& s, ListingKind kind, const std::vector<T>& records, Read read) {
  SearchQuery q;
  q.kind = kind;
  q.now = 0;  // past ones too
  q.limit = 500;
  std::size_t compared = 0;
  for (const auto& hit : s.search(q).hits) {
    for (const T& record : records) {
      if (record.id != hit.id) continue;
      EXPECT_EQ(read(hit.key), record) << record.id;
      ++compared;
    }
  }
  EXPECT_EQ(compared, records.size());
}

TEST(Store, RecordsComeBackAsTheFeedGaveThem) {
  TempDir dir;
  Store s(dir.path(), Store::Mode::Writer);
  for (const char* kind : {"jobs", "programs", "events", "services", "faq"}) {
    const std::string name = kind + std::string(".jsonld");
    std::ifstream in(fs::path(KIOSK_SOURCE_DIR) / "assets" / "sample" / name);
    std::stringstream text;
    text << in.rdbuf();
    auto parsed = feeds::parse_jsonld(text.str(), "file:" + name);
    ASSERT_TRUE(std::holds_alternative<ParsedFeed>(parsed)) << kind;
    const ParsedFeed& feed = std::get<ParsedFeed>(parsed);
    FeedState st = state("file:" + name);
    st.kind = kind;
    s.replace_feed(st, feed, kNow);
    expect_records_back(s, ListingKind::Job, feed.jobs, [&](auto key) { return s.job(key); });
    expect_records_back(s, ListingKind::Program, feed.programs,
                        [&](auto key) { return s.program(key); });
    expect_records_back(s, ListingKind::Event, feed.events, [&](auto key) { return s.event(key); });
    expect_records_back(s, ListingKind::Service, feed.services,
                        [&](auto key) { return s.service(key); });
    if (!feed.faq.empty()) {
      auto expected = feed.faq;
      std::sort(expected.begin(), expected.end(),
                [](const auto& a, const auto& b) { return a.id < b.id; });
      EXPECT_EQ(s.faq_entries(), expected);
    }
  }
}

TEST(Store, AVersionSixCacheKeepsItsListingsWithOneCopyOfEach) {
  TempDir dir;
  write_version6_cache(dir.path(), "f", sample_feed());
  {
    Store s(dir.path(), Store::Mode::Writer);
    const SearchResult r = find(s, "nurse");
    ASSERT_EQ(r.total, 2);  // the index was built again from the records
    const auto nurse = s.job(r.hits[0].key);
    ASSERT_TRUE(nurse.has_value());
    EXPECT_EQ(nurse->source, "f");
    EXPECT_EQ(find(s, "n").total, 1);  // titles' own index, with short prefixes
    // The records are still the version 6 JSON: a new set takes their words out exactly.
    s.replace_feed(state("f"), changed_feed(), kNow);
  }
  EXPECT_EQ(index_words(dir.path()), fresh_index_words());
}

TEST(Store, AnotherDerivationRebuildsTheIndex) {
  TempDir dir;
  {
    Store s(dir.path(), Store::Mode::Writer);
    s.replace_feed(state("f"), sample_feed(), kNow);
  }
  const auto before = index_words(dir.path());
  {
    sql::Database db(Store::file_in(dir.path()), sql::Database::Mode::ReadWrite);
    db.exec(
        "UPDATE meta SET value = 'index-0:00000000' WHERE name = 'index';"
        "INSERT INTO listings_fts(listings_fts) VALUES ('delete-all');");
  }
  {
    Store reader(dir.path(), Store::Mode::Reader);  // a reader searches what it finds
    EXPECT_EQ(find(reader, "nurse").total, 0);
  }
  Store s(dir.path(), Store::Mode::Writer);  // a writer rebuilds
  EXPECT_EQ(find(s, "nurse").total, 2);
  EXPECT_EQ(index_words(dir.path()), before);
}

TEST(Store, ARecordThatCannotBeReadIsTakenOutByARebuild) {
  TempDir dir;
  {
    Store s(dir.path(), Store::Mode::Writer);
    s.replace_feed(state("f"), sample_feed(), kNow);
  }
  {
    sql::Database db(Store::file_in(dir.path()), sql::Database::Mode::ReadWrite);
    db.exec("UPDATE listings SET detail = x'01789c0000' WHERE id = '3'");  // damaged
  }
  {
    Store s(dir.path(), Store::Mode::Writer);
    EXPECT_EQ(find(s, "cook").total, 1);  // found, though its page cannot open
    s.replace_feed(state("f"), changed_feed(), kNow);
  }
  EXPECT_EQ(index_words(dir.path()), fresh_index_words());
}

TEST(Store, AOneLetterSearchKeepsEveryFilter) {
  TempDir dir;
  Store s(dir.path(), Store::Mode::Writer);
  ParsedFeed f = sample_feed();
  f.jobs[0].occupation_code = "29-1141.00";  // the registered nurse
  s.replace_feed(state("f"), f, kNow);
  SearchQuery q;
  q.text = "r";
  q.now = kNow;
  EXPECT_EQ(ids(s.search(q)), (std::vector<std::string>{"1"}));
  q.occupations = {"29-1141"};
  EXPECT_EQ(ids(s.search(q)), (std::vector<std::string>{"1"}));
  q.occupations = {"35-2014"};
  EXPECT_TRUE(s.search(q).hits.empty());
  q.occupations.clear();
  q.text = "te";
  q.workplace = Workplace::Remote;
  EXPECT_EQ(ids(s.search(q)), (std::vector<std::string>{"4"}));
}

TEST(DetailCodec, PacksSmallerAndUnpacksWhatItPacked) {
  DetailPacker packer;
  Job j = job("7", "Registered Nurse", "Enfermera registrada", "Bayfront Clinic",
              "Care for patients in the cardiac unit.", 1);
  const std::string json = nlohmann::json(j).dump();
  const std::string packed = packer.pack(json);
  EXPECT_LT(packed.size(), json.size() * 3 / 4);
  EXPECT_EQ(unpack_detail(packed), json);
  EXPECT_EQ(unpack_detail(packer.pack(json)), json);  // the packer is reused record after record
  EXPECT_EQ(unpack_detail(json), json);               // JSON as version 6 kept it
  EXPECT_EQ(unpack_detail(""), std::nullopt);
  EXPECT_EQ(unpack_detail(packed.substr(0, packed.size() - 3)), std::nullopt);  // cut short
  std::string other = packed;
  other[0] = '\x02';  // a format this kiosk does not know
  EXPECT_EQ(unpack_detail(other), std::nullopt);
  std::string flipped = packed;
  flipped[packed.size() / 2] = static_cast<char>(flipped[packed.size() / 2] ^ 0x55);
  EXPECT_NE(unpack_detail(flipped), json);
  const std::string huge(kMaxDetailBytes + 1, 'x');  // inflates past the cap
  EXPECT_EQ(unpack_detail(packer.pack(huge)), std::nullopt);
}

TEST(Store, ReaderWithoutCacheFails) {
  TempDir dir;
  EXPECT_THROW(Store(dir.path(), Store::Mode::Reader), sql::SqliteError);
}

TEST(Store, AccentAndCaseInsensitivePrefixSearch) {
  TempDir dir;
  Store s(dir.path(), Store::Mode::Writer);
  s.replace_feed(state("f"), sample_feed(), kNow);
  EXPECT_EQ(ids(find(s, "tecnico")), (std::vector<std::string>{"2", "4"}));
  EXPECT_EQ(find(s, "TÉCNICO").total, 2);
  EXPECT_EQ(ids(find(s, "ENFERMERA")), (std::vector<std::string>{"1"}));
  EXPECT_EQ(ids(find(s, "enferm")), (std::vector<std::string>{"1"}));  // the last word is a prefix
  EXPECT_EQ(find(s, "coral").total, 1);                                // employer names
  EXPECT_EQ(find(s, "hvac").total, 1);                                 // descriptions
  EXPECT_EQ(find(s, "zzz").total, 0);
  EXPECT_EQ(find(s, "nurse AND OR \"").total, 0);  // FTS syntax is inert
}

TEST(Store, MoreLikeThisMatchesAnyWordAndLeavesTheJobOut) {
  TempDir dir;
  Store s(dir.path(), Store::Mode::Writer);
  s.replace_feed(state("f"), sample_feed(), kNow);
  EXPECT_EQ(fts_any_word_query("Técnico de soporte (TI)"), "\"Técnico\" OR \"soporte\"");
  EXPECT_EQ(fts_any_word_query("a de"), "");
  const auto all = find(s, "tecnico");
  ASSERT_EQ(all.hits.size(), 2u);
  SearchQuery q;
  q.text = "Help Desk Technician";
  q.any_word = true;
  q.now = kNow;
  q.exclude_key = all.hits[1].key;  // "Help Desk Technician" itself (job 4)
  const auto similar = s.search(q);
  for (const auto& hit : similar.hits) EXPECT_NE(hit.id, "4");
}

TEST(ListingsReader, AnswersOnTheUiThreadAndWaitsForACache) {
  TempDir dir;
  RunQueue ui;
  ListingsReader reader(dir.path(), ui);
  std::optional<SearchResult> got;
  SearchQuery q;
  q.now = kNow;
  reader.search(q, "t", [&](SearchResult r) { got = std::move(r); });
  reader.drain();
  EXPECT_FALSE(got);  // answers arrive only through the queue, on the UI thread
  EXPECT_EQ(ui.drain(), 1u);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->total, 0);  // no cache yet: nothing, and no error

  {
    Store writer(dir.path(), Store::Mode::Writer);
    writer.replace_feed(state("f"), sample_feed(), kNow);
  }
  q.text = "enfermera";
  reader.search(q, "t", [&](SearchResult r) { got = std::move(r); });
  reader.drain();
  ui.drain();
  ASSERT_EQ(got->hits.size(), 1u);
  std::optional<Listing> listing;
  reader.listing(ListingKind::Job, got->hits[0].key,
                 [&](std::optional<Listing> l) { listing = std::move(l); });
  reader.drain();
  ui.drain();
  ASSERT_TRUE(listing);
  ASSERT_TRUE(std::holds_alternative<Job>(*listing));
  EXPECT_EQ(std::get<Job>(*listing).title.es, "Enfermera registrada");
}

TEST(Store, TitleMatchesRankAboveDescriptionMatches) {
  TempDir dir;
  Store s(dir.path(), Store::Mode::Writer);
  s.replace_feed(state("f"), sample_feed(), kNow);
  const auto r = find(s, "nurse");
  ASSERT_EQ(r.total, 2);         // the expired one is gone
  EXPECT_EQ(r.hits[0].id, "1");  // title match first, though the cook is mentioned later
  EXPECT_EQ(r.hits[1].id, "3");
}

TEST(Store, ShortPrefixesSearchTitlesOnly) {
  TempDir dir;
  Store s(dir.path(), Store::Mode::Writer);
  s.replace_feed(state("f"), sample_feed(), kNow);
  EXPECT_EQ(ids(find(s, "t")), (std::vector<std::string>{"2", "4"}));  // newest first
  EXPECT_EQ(fts_query("t"), "title : \"t\"*");
  EXPECT_EQ(fts_query("line co"), "(\"line\" OR \"lines\") AND \"co\"*");
  EXPECT_EQ(fts_query("  ¿?  "), "title : \"¿\"*");
  EXPECT_EQ(fts_query(" ,. "), "");
}

TEST(Store, ExpiredPostingsDisappearWithoutASync) {
  TempDir dir;
  Store s(dir.path(), Store::Mode::Writer);
  s.replace_feed(state("f"), sample_feed(), kNow - 5 * kDay);
  SearchQuery q;
  q.text = "assistant";
  q.now = kNow - 5 * kDay;
  EXPECT_EQ(s.search(q).total, 1);
  q.now = kNow;
  EXPECT_EQ(s.search(q).total, 0);
  EXPECT_EQ(s.count(ListingKind::Job, kNow), 4);
}

TEST(Store, FiltersCombineWithTheQuery) {
  TempDir dir;
  Store s(dir.path(), Store::Mode::Writer);
  s.replace_feed(state("f"), sample_feed(), kNow);
  SearchQuery q;
  q.now = kNow;
  q.text = "tecnico";
  q.workplace = Workplace::Remote;
  EXPECT_EQ(ids(s.search(q)), (std::vector<std::string>{"4"}));
  q = SearchQuery{};
  q.now = kNow;
  q.no_degree = true;
  EXPECT_EQ(ids(s.search(q)), (std::vector<std::string>{"4"}));
  q = SearchQuery{};
  q.now = kNow;
  q.min_pay_hourly = 24;  // $52,000 a year is $25 an hour
  EXPECT_EQ(ids(s.search(q)), (std::vector<std::string>{"4"}));
  q = SearchQuery{};
  q.now = kNow;
  q.posted_days = 2;
  EXPECT_EQ(ids(s.search(q)), (std::vector<std::string>{"1", "2"}));
  q = SearchQuery{};
  q.now = kNow;
  q.industry = Industry::Technology;
  q.employment_types = kPartTime | kTemporary;
  EXPECT_EQ(ids(s.search(q)), (std::vector<std::string>{"4"}));
  q.sort = SortOrder::Pay;
  q.industry.reset();
  q.employment_types = 0;
  EXPECT_EQ(s.search(q).hits.front().id, "4");
  q = SearchQuery{};
  q.now = kNow;
  q.text = "nurse";
  q.employment_types = kFullTime;
  q.industry = Industry::Health;
  q.posted_days = 2;
  EXPECT_EQ(ids(s.search(q)), (std::vector<std::string>{"1"}));  // text, facets and dates together
  q.workplace = Workplace::Remote;
  EXPECT_EQ(s.search(q).total, 0);
}

Program program(std::string id, ProgramType type, std::optional<double> cost, int weeks,
                std::uint8_t times, ProgramFormat format, std::string language) {
  Program p;
  p.id = std::move(id);
  p.name = {"Program " + p.id, "Programa " + p.id};
  p.provider = "Bayfront Training";
  p.type = type;
  p.industry = Industry::Health;
  p.cost = cost;
  p.duration_weeks = weeks;
  p.schedule_times = times;
  p.format = format;
  p.language = std::move(language);
  p.start_date = kNow + 30 * kDay;
  return p;
}

std::vector<std::string> program_ids(Store& s, std::initializer_list<const char*> filters) {
  SearchQuery q;
  q.kind = ListingKind::Program;
  q.now = kNow;
  for (const char* f : filters) EXPECT_FALSE(apply_filter(q, f)) << f;
  auto out = ids(s.search(q));
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Store, AVersionTwoCacheKeepsItsListingsAndGainsProgramLengths) {
  TempDir dir;
  write_version6_cache(dir.path(), "f", sample_feed());
  {  // what a version 2 cache looked like: no weeks, occupation or vocabulary
    sql::Database db(Store::file_in(dir.path()), sql::Database::Mode::ReadWrite);
    db.exec(
        "DROP INDEX listings_dup; ALTER TABLE listings DROP COLUMN apply_key; ALTER TABLE listings "
        "DROP COLUMN same_key; ALTER TABLE listings DROP COLUMN richness; ALTER TABLE listings "
        "DROP COLUMN dup_of; "
        "ALTER TABLE listings DROP COLUMN weeks; ALTER TABLE listings DROP COLUMN occupation; "
        "DROP TABLE vocab_meta; DROP TABLE vocab_occupations; DROP TABLE vocab_terms; "
        "PRAGMA user_version = 2;");
  }
  Store s(dir.path(), Store::Mode::Writer);
  EXPECT_EQ(find(s, "nurse").total, 2);  // the listings stay until the next import
  ParsedFeed programs;
  programs.programs.push_back(
      program("p1", ProgramType::Classroom, 0.0, 16, 0, ProgramFormat::InPerson, "en"));
  FeedState ps = state("p");
  ps.kind = "programs";
  s.replace_feed(ps, programs, kNow);
  SearchQuery q;
  q.kind = ListingKind::Program;
  q.now = kNow;
  const SearchResult r = s.search(q);
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].weeks, 16);  // the card says how long it takes
}

TEST(Store, ProgramFiltersMatchTheirFacets) {
  TempDir dir;
  Store s(dir.path(), Store::Mode::Writer);
  ParsedFeed f;
  f.programs.push_back(
      program("a", ProgramType::Apprenticeship, 0, 208, kDaytime, ProgramFormat::Hybrid, "en"));
  f.programs.back().no_degree = true;
  f.programs.back().paid_while_learning = true;
  f.programs.push_back(program("b", ProgramType::Classroom, 650, 6, kEvening | kWeekend,
                               ProgramFormat::InPerson, "en,es"));
  f.programs.push_back(
      program("c", ProgramType::Classroom, 2800, 24, kEvening, ProgramFormat::Online, "es"));
  f.programs.push_back(
      program("d", ProgramType::Internship, std::nullopt, 0, 0, ProgramFormat::Unknown, ""));
  FeedState st = state("p");
  st.kind = "programs";
  s.replace_feed(st, f, kNow);
  using V = std::vector<std::string>;
  EXPECT_EQ(program_ids(s, {}), (V{"a", "b", "c", "d"}));
  EXPECT_EQ(program_ids(s, {"cost=free"}), (V{"a"}));
  EXPECT_EQ(program_ids(s, {"cost=under_1000"}), (V{"a", "b"}));
  EXPECT_EQ(program_ids(s, {"length=under_3_months"}), (V{"b"}));
  EXPECT_EQ(program_ids(s, {"length=3_to_12_months"}), (V{"c"}));
  EXPECT_EQ(program_ids(s, {"length=over_12_months"}), (V{"a"}));
  EXPECT_EQ(program_ids(s, {"schedule=evening"}), (V{"b", "c"}));
  EXPECT_EQ(program_ids(s, {"schedule=daytime", "schedule=weekend"}), (V{"a", "b"}));
  EXPECT_EQ(program_ids(s, {"format=online"}), (V{"c"}));
  EXPECT_EQ(program_ids(s, {"format=in_person"}), (V{"b"}));
  EXPECT_EQ(program_ids(s, {"spanish=true"}), (V{"b", "c"}));
  EXPECT_EQ(program_ids(s, {"no_degree=true"}), (V{"a"}));
  EXPECT_EQ(program_ids(s, {"paid=true"}), (V{"a"}));
  EXPECT_EQ(program_ids(s, {"program_type=internship"}), (V{"d"}));
  EXPECT_EQ(program_ids(s, {"schedule=evening", "cost=under_1000", "spanish=true"}), (V{"b"}));
  EXPECT_EQ(program_ids(s, {"industry=technology"}), V{});
}

// Every chip of the training screen finds at least one program in the bundled sample data.
TEST(Store, EveryProgramChipFindsASampleProgram) {
  const fs::path file = fs::path(KIOSK_SOURCE_DIR) / "assets" / "sample" / "programs.jsonld";
  std::ifstream in(file, std::ios::binary);
  std::stringstream body;
  body << in.rdbuf();
  const ParseResult parsed = feeds::parse_jsonld(body.str(), "file:programs.jsonld");
  ASSERT_TRUE(std::holds_alternative<ParsedFeed>(parsed));
  TempDir dir;
  Store s(dir.path(), Store::Mode::Writer);
  FeedState st = state("p");
  st.kind = "programs";
  s.replace_feed(st, std::get<ParsedFeed>(parsed), kNow);
  for (const auto& group : filter_groups(ListingKind::Program)) {
    for (const auto& v : group.values) {
      const std::string filter = std::string(group.key) + "=" + std::string(v.value);
      SearchQuery q;
      q.kind = ListingKind::Program;
      q.now = kNow;
      ASSERT_FALSE(apply_filter(q, filter)) << filter;
      EXPECT_GT(s.search(q).total, 0) << filter << " finds no sample program";
    }
  }
}

TEST(Store, SpanishTitlesWhenAsked) {
  TempDir dir;
  Store s(dir.path(), Store::Mode::Writer);
  s.replace_feed(state("f"), sample_feed(), kNow);
  SearchQuery q;
  q.now = kNow;
  q.text = "cook";
  q.language = Language::Es;
  const auto r = s.search(q);
  ASSERT_EQ(r.total, 1);
  EXPECT_EQ(r.hits[0].title, "Cocinero de línea");
}

TEST(Store, ReplacingAFeedSwapsItsRecordsOnly) {
  TempDir dir;
  Store s(dir.path(), Store::Mode::Writer);
  s.replace_feed(state("a"), sample_feed(), kNow);
  ParsedFeed other;
  other.jobs.push_back(job("x", "Solar Installer", "Instalador solar", "Sun Co", "Roofs.", 0));
  s.replace_feed(state("b"), other, kNow);
  EXPECT_EQ(s.count(ListingKind::Job, kNow), 5);
  ParsedFeed smaller;
  smaller.jobs.push_back(job("1", "Registered Nurse", "", "Bayfront Clinic", "Updated.", 0));
  s.replace_feed(state("a"), smaller, kNow);
  EXPECT_EQ(s.count(ListingKind::Job, kNow), 2);
  EXPECT_EQ(find(s, "tecnico").total, 0);  // the FTS index followed the swap
  EXPECT_EQ(find(s, "solar").total, 1);
  EXPECT_EQ(s.feed_state("a")->records, 1);
}

TEST(Store, DuplicateIdsKeepTheFirst) {
  TempDir dir;
  Store s(dir.path(), Store::Mode::Writer);
  ParsedFeed f = sample_feed();
  f.jobs.push_back(f.jobs.front());
  s.replace_feed(state("f"), f, kNow);
  EXPECT_EQ(s.feed_state("f")->records, 5);
}

TEST(Store, FailureAndConfirmationTouchOnlyTheFeedState) {
  TempDir dir;
  Store s(dir.path(), Store::Mode::Writer);
  s.replace_feed(state("f"), sample_feed(), kNow - kDay);
  s.record_failure("f", "jobs", "the server answered HTTP 500", kNow);
  auto st = s.feed_state("f");
  EXPECT_EQ(st->status, "failed");
  EXPECT_EQ(st->error, "the server answered HTTP 500");
  EXPECT_EQ(st->records, 5);
  EXPECT_EQ(st->last_confirmed, kNow - kDay);
  EXPECT_EQ(find(s, "nurse").total, 2);
  s.confirm_feed("f", "jobs", kNow);
  st = s.feed_state("f");
  EXPECT_EQ(st->status, "unchanged");
  EXPECT_EQ(st->error, "");
  EXPECT_EQ(s.last_confirmed(ListingKind::Job), kNow);
}

TEST(Store, JobDetailRoundTrips) {
  TempDir dir;
  Store s(dir.path(), Store::Mode::Writer);
  s.replace_feed(state("f"), sample_feed(), kNow);
  const auto hit = find(s, "help desk").hits.at(0);
  const auto j = s.job(hit.key);
  ASSERT_TRUE(j);
  EXPECT_EQ(j->title.es, "Técnico de soporte");
  EXPECT_EQ(j->pay.unit, PayUnit::Year);
  EXPECT_EQ(j->workplace, Workplace::Remote);
  EXPECT_EQ(j->description.en[0].lines[0], "Answer calls and tickets.");
  EXPECT_FALSE(s.job(12345));
}

TEST(Store, NewestSortIsByPostingDate) {
  TempDir dir;
  Store s(dir.path(), Store::Mode::Writer);
  s.replace_feed(state("f"), sample_feed(), kNow);
  EXPECT_EQ(ids(find(s, "", SortOrder::Newest)), (std::vector<std::string>{"1", "2", "3", "4"}));
  EXPECT_EQ(ids(find(s, "tecnico", SortOrder::Newest)), (std::vector<std::string>{"2", "4"}));
}

}  // namespace
}  // namespace kiosk

// The occupation vocabulary: its file format, tagging titles, and searches across languages
// on a small vocabulary written here (the shipped one is tested in cross_language_test.cpp).
#include "kiosk/store/occupation_vocabulary.h"

#include <gtest/gtest.h>

#include "kiosk/store/store.h"
#include "tests/unit/old_cache.h"
#include "tests/unit/temp_dir.h"

namespace kiosk {
namespace {

constexpr std::int64_t kNow = 1796644800;  // 2026-12-07

constexpr const char* kSmall = R"json({
  "format": 1,
  "occupations": [
    {"code": "29-1141.00", "name": {"en": "registered nurse", "es": "enfermero/a registrado/a"},
     "zone": 3,
     "search": {"en": ["registered nurse"], "es": ["enfermera", "enfermero"]},
     "titles": {"en": ["staff nurse", "nurse"], "es": ["enfermera registrada"]}},
    {"code": "29-2061.00", "name": {"en": "licensed practical nurse", "es": "enfermero/a práctico/a"},
     "zone": 3,
     "search": {"en": ["licensed practical nurse"], "es": ["enfermera practica"]},
     "titles": {"en": ["lpn", "nurse"], "es": ["enfermera"]}},
    {"code": "41-2011.00", "name": {"en": "cashier", "es": "cajero/a"}, "zone": 1,
     "search": {"en": ["cashier"], "es": ["cajero", "cajera"]},
     "titles": {"en": ["checker"], "es": []}},
    {"code": "35-3031.00", "name": {"en": "waiter or waitress", "es": "mesero/a"}, "zone": 1,
     "search": {"en": ["waiter", "waitress", "server"], "es": ["mesero", "mesera"]},
     "titles": {}},
    {"code": "bad", "name": {"en": "left out"}},
    {"code": "15-1232.00", "name": {"en": "computer user support specialist"},
     "search": {"en": ["help desk technician"]}, "titles": {"en": ["server"]}}
  ]
})json";

OccupationVocabulary small() {
  std::string why;
  auto v = OccupationVocabulary::parse(kSmall, &why);
  EXPECT_TRUE(v.has_value()) << why;
  return v.value_or(OccupationVocabulary{});
}

TEST(OccupationVocabulary, ReadsTheFormatAndLeavesOutDamagedEntries) {
  const OccupationVocabulary v = small();
  ASSERT_EQ(v.occupations.size(), 5u);  // "bad" is not a code
  EXPECT_EQ(v.occupations[0].code, "29-1141.00");
  EXPECT_EQ(v.occupations[0].name.es, "enfermero/a registrado/a");
  EXPECT_EQ(v.occupations[0].zone, 3);
  EXPECT_EQ(v.occupations[0].search_es.size(), 2u);
  EXPECT_EQ(v.occupations[4].name.es, "");  // no Spanish name: the screens fall back
  EXPECT_FALSE(v.version.empty());
  EXPECT_NE(v.version, OccupationVocabulary::parse(std::string(kSmall) + " ")->version);
}

TEST(OccupationVocabulary, RefusesWhatIsNotTheVocabulary) {
  std::string why;
  EXPECT_FALSE(OccupationVocabulary::parse("", &why));
  EXPECT_FALSE(OccupationVocabulary::parse("[1,2]", &why));
  EXPECT_FALSE(OccupationVocabulary::parse(R"({"format": 2, "occupations": []})", &why));
  EXPECT_EQ(why, "the vocabulary is not format 1");
  EXPECT_FALSE(OccupationVocabulary::parse(R"({"format": 1, "occupations": [{"code": 5}]})", &why));
  EXPECT_EQ(why, "the vocabulary has no valid occupation");
  // Phrases: trimmed, bounded, strings only.
  const auto v = OccupationVocabulary::parse(
      R"({"format": 1, "occupations": [{"code": "41-2011.00",
          "search": {"en": ["  cashier ", 7, "", ")" +
      std::string(200, 'x') + R"("]}}]})");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->occupations[0].search_en, std::vector<std::string>{"cashier"});
}

TEST(OccupationVocabulary, FoldsPhrasesAsTheIndexDoes) {
  EXPECT_EQ(fold_phrase("Cajero/a"), "cajero a");
  EXPECT_EQ(fold_phrase("Técnico(a) de  Farmacia"), "tecnico a de farmacia");
  EXPECT_EQ(fold_phrase("  "), "");
}

TEST(OccupationTagger, NamesTheOccupationOfTheLongestPhraseInATitle) {
  const OccupationTagger tagger(small());
  EXPECT_EQ(tagger.tag("Cajero/a"), "41-2011.00");
  EXPECT_EQ(tagger.tag("Cashiers – Weekends"), "41-2011.00");  // a plural form
  EXPECT_EQ(tagger.tag("Licensed Practical Nurse (LPN) – Nights"), "29-2061.00");
  EXPECT_EQ(tagger.tag("Registered Nurse – Medical/Surgical Unit"), "29-1141.00");
  EXPECT_EQ(tagger.tag("Enfermera registrada"), "29-1141.00");
  // "nurse" names two occupations, both second in their lists: the first by code.
  EXPECT_EQ(tagger.tag("Nurse"), "29-1141.00");
  // "enfermera" is the first Spanish search phrase of one, a title of the other.
  EXPECT_EQ(tagger.tag("Enfermera"), "29-1141.00");
  // "server" is a search phrase of one and only a title of the other: the stronger wins.
  EXPECT_EQ(tagger.tag("Banquet Server"), "35-3031.00");
  EXPECT_EQ(tagger.tag("Software Developer"), "");
}

TEST(OccupationTagger, KeepsTheFeedsOwnCode) {
  const OccupationTagger tagger(small());
  Job job;
  job.title = {"Cashier", ""};
  job.occupation_code = "41-2031.00";  // the feed says retail salesperson
  EXPECT_FALSE(tagger.tag(job));
  EXPECT_EQ(job.occupation_code, "41-2031.00");
  Job spanish;
  spanish.title = {"", "Mesera"};
  EXPECT_TRUE(tagger.tag(spanish));
  EXPECT_EQ(spanish.occupation_code, "35-3031.00");
}

class Expansion : public ::testing::Test {
 protected:
  void SetUp() override {
    ParsedFeed f;
    // Posted in one language each, as real feeds are; the newest first in key order.
    f.jobs.push_back(job("rn-en", {"Registered Nurse – Medical/Surgical", ""}, 1));
    f.jobs.push_back(job("rn-es", {"", "Enfermera"}, 5));
    f.jobs.push_back(job("cashier-en", {"Cashier", ""}, 2));
    f.jobs.push_back(job("cajero-es", {"", "Cajero/a"}, 3));
    f.jobs.push_back(job("dev", {"Software Developer", ""}, 4));
    FeedState s;
    s.url = "file:jobs";
    s.kind = "jobs";
    store_.replace_feed(s, f, kNow);
    EXPECT_TRUE(store_.load_occupations(small()));
  }

  static Job job(const std::string& id, LocalText title, int days_ago) {
    Job j;
    j.id = id;
    j.title = std::move(title);
    j.description.en = {TextBlock{TextBlock::Type::Paragraph, {"A job in Miami."}}};
    j.posted = kNow - days_ago * 86400;
    return j;
  }

  SearchResult find(const std::string& text, Language language = Language::En,
                    std::vector<std::string> not_expanded = {}, bool expand = true) {
    SearchQuery q;
    q.text = text;
    q.now = kNow;
    q.language = language;
    q.not_expanded = std::move(not_expanded);
    q.expand = expand;
    return store_.search(q);
  }

  static std::vector<std::string> ids(const SearchResult& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(h.id);
    return out;
  }

  testing::TempDir dir_;
  Store store_{dir_.path(), Store::Mode::Writer};
};

TEST_F(Expansion, ASpanishWordFindsEnglishPostingsAfterItsOwn) {
  const SearchResult r = find("enfermera", Language::Es);
  // Her own word first, although the English posting is newer.
  EXPECT_EQ(ids(r), (std::vector<std::string>{"rn-es", "rn-en"}));
  ASSERT_EQ(r.expanded.size(), 2u);
  EXPECT_EQ(r.expanded[0].occupation, "29-1141.00");
  EXPECT_EQ(r.expanded[0].name, "enfermero/a registrado/a");  // in her language
  EXPECT_EQ(r.expanded[1].occupation, "29-2061.00");
}

TEST_F(Expansion, AnEnglishWordFindsSpanishPostings) {
  const SearchResult r = find("cashier");
  EXPECT_EQ(ids(r), (std::vector<std::string>{"cashier-en", "cajero-es"}));
  ASSERT_EQ(r.expanded.size(), 1u);
  // What was added is named in the other language when the resident's is what they typed.
  EXPECT_EQ(r.expanded[0].name, "cajero/a");
}

TEST_F(Expansion, AccentsCaseAndPluralsDoNotMatter) {
  EXPECT_EQ(ids(find("CAJEROS")), (std::vector<std::string>{"cajero-es", "cashier-en"}));
  EXPECT_EQ(ids(find("Cajera")), (std::vector<std::string>{"cajero-es", "cashier-en"}));
}

TEST_F(Expansion, OneTapTakesAnOccupationOut) {
  const SearchResult r = find("cajero", Language::Es, {"41-2011.00"});
  EXPECT_EQ(ids(r), std::vector<std::string>{"cajero-es"});
  EXPECT_TRUE(r.expanded.empty());
  EXPECT_EQ(ids(find("cajero", Language::Es, {}, false)), std::vector<std::string>{"cajero-es"});
}

TEST_F(Expansion, WordsOutsideTheVocabularyStayAsTyped) {
  const SearchResult r = find("software");
  EXPECT_EQ(ids(r), std::vector<std::string>{"dev"});
  EXPECT_TRUE(r.expanded.empty());
  // Two words, one naming an occupation: both must still match.
  EXPECT_TRUE(find("cashier software").hits.empty());
  EXPECT_EQ(ids(find("registered nurse medical")), std::vector<std::string>{"rn-en"});
}

TEST_F(Expansion, ANewVocabularyNeedsNoImport) {
  EXPECT_FALSE(store_.load_occupations(small()));  // the same: nothing to do
  auto other = OccupationVocabulary::parse(R"({"format": 1, "occupations": [
      {"code": "15-1252.00", "name": {"en": "software developer", "es": "desarrollador/a"},
       "search": {"en": ["software developer"], "es": ["programador"]}}]})");
  ASSERT_TRUE(other);
  EXPECT_TRUE(store_.load_occupations(*other));
  EXPECT_EQ(ids(find("programador")), std::vector<std::string>{"dev"});
  EXPECT_TRUE(find("cajero").hits.size() == 1);  // the old vocabulary is gone
}

TEST_F(Expansion, OnlyJobsAndTrainingAreExpanded) {
  SearchQuery q;
  q.text = "cajero";
  q.now = kNow;
  q.kind = ListingKind::Service;
  EXPECT_TRUE(store_.search(q).expanded.empty());
}

// A cache of today's version holding one job, "Cashier", for the migration tests to age.
// A version 6 cache with one job: the versions before it are made from it.
void cache_with_a_cashier(const std::filesystem::path& dir) {
  ParsedFeed f;
  Job j;
  j.id = "a";
  j.source = "file:jobs";
  j.title = {"Cashier", ""};
  j.posted = kNow;
  f.jobs.push_back(j);
  testing::write_version6_cache(dir, "file:jobs", f);
}

TEST(StoreMigration, AVersionThreeCacheGainsTheVocabularyAndKeepsItsListings) {
  testing::TempDir dir;
  cache_with_a_cashier(dir.path());
  {  // what a version 3 cache looked like
    sql::Database db(Store::file_in(dir.path()), sql::Database::Mode::ReadWrite);
    db.exec(
        "DROP INDEX listings_dup; ALTER TABLE listings DROP COLUMN apply_key; ALTER TABLE listings "
        "DROP COLUMN same_key; ALTER TABLE listings DROP COLUMN richness; ALTER TABLE listings "
        "DROP COLUMN dup_of; "
        "ALTER TABLE listings DROP COLUMN occupation; DROP TABLE vocab_meta; DROP TABLE "
        "vocab_occupations; DROP TABLE vocab_terms; PRAGMA user_version = 3;");
  }
  Store s(dir.path(), Store::Mode::Writer);
  EXPECT_EQ(s.occupations_version(), "");
  EXPECT_TRUE(s.load_occupations(small()));
  SearchQuery q;
  q.text = "cajero";
  q.now = kNow;
  const SearchResult r = s.search(q);
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].occupation, "");  // filled at the next import
}

// Version 4 (before duplicates were marked): the listings stay and show; what finds a job
// posted twice fills at the next import.
TEST(StoreMigration, AVersionFourCacheGainsDuplicateMarksAndKeepsItsListings) {
  testing::TempDir dir;
  cache_with_a_cashier(dir.path());
  {
    sql::Database db(Store::file_in(dir.path()), sql::Database::Mode::ReadWrite);
    db.exec(
        "DROP INDEX listings_dup; ALTER TABLE listings DROP COLUMN apply_key; ALTER TABLE listings "
        "DROP COLUMN same_key; ALTER TABLE listings DROP COLUMN richness; ALTER TABLE listings "
        "DROP COLUMN dup_of; "
        "PRAGMA user_version = 4;");
  }
  Store s(dir.path(), Store::Mode::Writer);
  EXPECT_EQ(s.count(ListingKind::Job, kNow), 1);
  EXPECT_EQ(s.mark_duplicates(), 0);
  SearchQuery q;
  q.text = "cashier";
  q.now = kNow;
  ASSERT_EQ(s.search(q).hits.size(), 1u);
}

}  // namespace
}  // namespace kiosk

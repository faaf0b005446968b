// Word forms, "Did you mean" and tip words on the bundled sample data: what a fresh kiosk shows.
#include "kiosk/search/search_help.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "feed_test_support.h"
#include "kiosk/feeds/jsonld.h"
#include "kiosk/store/word_forms.h"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
constexpr std::int64_t kNow = 1795219200;  // 2026-11-21: every sample job posted, most open

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

class SampleData : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("kiosk-words-test-" + std::to_string(::getpid())));
    fs::create_directories(*dir_);
    store_ = new Store(*dir_, Store::Mode::Writer);
    const fs::path sample = fs::path(KIOSK_SOURCE_DIR) / "assets" / "sample";
    for (const char* kind : {"jobs", "programs", "events", "services", "faq"}) {
      const std::string file = std::string(kind) + ".jsonld";
      FeedState state;
      state.url = "file:assets/sample/" + file;
      state.kind = kind;
      store_->replace_feed(
          state, testing::parse_ok(feeds::parse_jsonld, read(sample / file), state.url), kNow);
    }
  }
  static void TearDownTestSuite() {
    delete store_;
    std::error_code ec;
    fs::remove_all(*dir_, ec);
    delete dir_;
  }

  static SearchResult find(const std::string& text, Language language = Language::Es,
                           ListingKind kind = ListingKind::Job) {
    SearchQuery q;
    q.kind = kind;
    q.text = text;
    q.language = language;
    q.now = kNow;
    q.limit = 100;
    return search_with_help(*store_, q);
  }
  static std::vector<std::string> titles(const SearchResult& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(h.title);
    return out;
  }
  static bool any_title_has(const SearchResult& r, const std::string& part) {
    const auto t = titles(r);
    return std::any_of(t.begin(), t.end(),
                       [&](const std::string& s) { return s.find(part) != std::string::npos; });
  }

  static inline fs::path* dir_ = nullptr;
  static inline Store* store_ = nullptr;
};

TEST_F(SampleData, EitherGenderAndNumberFindsTheJob) {
  const std::size_t cooks = find("cocinero").total;
  EXPECT_GE(cooks, 4u);
  for (const char* word :
       {"cocinera", "cocineros", "cocineras", "Cocinera", "cocinero(a)", "cocinero/a"}) {
    const auto r = find(word);
    EXPECT_EQ(r.total, cooks) << word;
    EXPECT_TRUE(any_title_has(r, "Cocinero(a)")) << word;
  }
  EXPECT_TRUE(any_title_has(find("cocin"), "Cocinero(a)"));  // still a prefix while typing
  EXPECT_GE(find("cocin").total, cooks);
  for (const char* word : {"mesera", "meseras", "mesero"}) {
    EXPECT_TRUE(any_title_has(find(word), "Mesero(a) de banquetes")) << word;
  }
  for (const char* word : {"enfermera", "enfermeras", "enfermeros", "enfermera registrada"}) {
    EXPECT_TRUE(any_title_has(find(word), "Enfermero(a) registrado(a)")) << word;
  }
  EXPECT_TRUE(any_title_has(find("promotora de salud"), "Promotor(a) de salud"));
  EXPECT_TRUE(any_title_has(find("contadora"), "Contador(a)"));
  EXPECT_TRUE(any_title_has(find("técnica de farmacia"), "Técnico(a) de farmacia"));
}

TEST_F(SampleData, EnglishSearchesKeepTheirResults) {
  EXPECT_TRUE(any_title_has(find("data", Language::En), "Data Analyst"));
  EXPECT_TRUE(any_title_has(find("data analyst", Language::En), "Data Analyst"));
  EXPECT_TRUE(any_title_has(find("nurse", Language::En), "Registered Nurse"));
  EXPECT_TRUE(any_title_has(find("nurses", Language::En), "Registered Nurse"));
  EXPECT_TRUE(any_title_has(find("pro", Language::En), "Project"));
  EXPECT_TRUE(any_title_has(find("line cook", Language::En), "Line Cook"));
  // "sales" does not widen to "sal…" (salary, salud).
  EXPECT_LE(find("sales", Language::En).total, find("sale", Language::En).total);
}

TEST_F(SampleData, DidYouMeanTheClosestWordThatFindsJobs) {
  const auto nurse = find("enfermra");
  EXPECT_EQ(nurse.total, 0);
  EXPECT_EQ(nurse.suggestion, "enfermera");
  EXPECT_TRUE(any_title_has(find(*nurse.suggestion), "Enfermero(a)"));
  EXPECT_EQ(find("cosinero").suggestion, "cocinero");
  EXPECT_EQ(find("cosinero de linea").suggestion, "cocinero de linea");
  EXPECT_EQ(find("enfremero").suggestion, "enfermero");  // a swap
  EXPECT_EQ(find("tecnca").suggestion, "técnica");       // the titles' accent comes back
  EXPECT_EQ(find("plumer", Language::En).suggestion, "plumber");
  EXPECT_EQ(find("qzxwv").suggestion, std::nullopt);
  EXPECT_EQ(find("xkcdqq").suggestion, std::nullopt);
  // Found something: no suggestion.
  EXPECT_EQ(find("enfermera").suggestion, std::nullopt);
}

TEST_F(SampleData, SuggestionsRespectFilters) {
  SearchQuery q;
  q.text = "enfermra";
  q.language = Language::Es;
  q.now = kNow;
  q.industry = Industry::Construction;  // no nurses in construction
  EXPECT_EQ(search_with_help(*store_, q).suggestion, std::nullopt);
  q.industry = Industry::Health;
  EXPECT_EQ(search_with_help(*store_, q).suggestion, "enfermera");
}

TEST_F(SampleData, EveryTipWordFindsJobs) {
  for (const Language language : {Language::En, Language::Es}) {
    const auto r = find("qzxwv", language);
    ASSERT_EQ(r.tips.size(), kTipWords);
    for (const auto& tip : r.tips) {
      EXPECT_GT(find(tip, language).total, 0) << tip;
      EXPECT_EQ(tip.find(' '), std::string::npos) << tip;
    }
  }
  const auto es = find("qzxwv", Language::Es).tips;
  EXPECT_NE(std::find(es.begin(), es.end(), "técnico"), es.end());
  const auto en = find("qzxwv", Language::En).tips;
  EXPECT_NE(std::find(en.begin(), en.end(), "technician"), en.end());
  EXPECT_TRUE(find("enfermera").tips.empty());  // only when nothing is found
}

TEST_F(SampleData, TheVocabularyFollowsTheCache) {
  EXPECT_EQ(find("taxidermista").suggestion, std::nullopt);
  Store reader(*dir_, Store::Mode::Reader);  // a reader keeps its vocabulary between searches
  SearchQuery q;
  q.text = "taxidermsta";
  q.language = Language::Es;
  q.now = kNow;
  EXPECT_EQ(search_with_help(reader, q).suggestion, std::nullopt);
  ParsedFeed extra;
  Job odd;
  odd.id = "z1";
  odd.title = {"Taxidermist", "Taxidermista"};
  odd.posted = kNow - 86400;
  extra.jobs.push_back(odd);
  FeedState state;
  state.url = "file:extra";
  state.kind = "jobs";
  store_->replace_feed(state, extra, kNow);
  EXPECT_EQ(search_with_help(reader, q).suggestion, "taxidermista");
  // A new connection (the next session) reuses the words while the cache has not changed...
  Store next(*dir_, Store::Mode::Reader);
  next.reuse_vocabulary(reader.vocabulary_cache());
  EXPECT_EQ(search_with_help(next, q).suggestion, "taxidermista");
  EXPECT_EQ(next.vocabulary_cache(), reader.vocabulary_cache());
  // ...and reads them again when it has.
  store_->replace_feed(state, ParsedFeed{}, kNow);
  EXPECT_EQ(search_with_help(next, q).suggestion, std::nullopt);
  EXPECT_NE(next.vocabulary_cache(), reader.vocabulary_cache());
}

// Example words in the catalogs' messages (between “ ” quotes) must find jobs on this kiosk.
TEST_F(SampleData, CatalogExampleWordsFindJobs) {
  for (const auto& [file, language] :
       {std::pair{"en.json", Language::En}, std::pair{"es.json", Language::Es}}) {
    const auto catalog = nlohmann::json::parse(read(fs::path(KIOSK_SOURCE_DIR) / "locales" / file));
    const std::regex quoted("\u201c([^\u201d]+)\u201d");
    for (const auto& [key, value] : catalog.items()) {
      if (!key.starts_with("jobs.")) continue;
      const std::string text = value.get<std::string>();
      for (std::sregex_iterator it(text.begin(), text.end(), quoted), end; it != end; ++it) {
        const std::string word = (*it)[1].str();
        EXPECT_GT(find(word, language).total, 0) << key << ": " << word;
      }
    }
  }
}

}  // namespace
}  // namespace kiosk

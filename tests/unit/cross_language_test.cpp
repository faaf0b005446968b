// Searching across languages with the vocabulary the kiosk ships, on the bundled sample data
// set synced the way the kiosk syncs it: a table of queries, Spanish to English postings and
// back, with and without accents, everyday words and formal titles, each with the postings it
// must find in its first ten results. A second check keeps the vocabulary honest: what it adds
// must be the occupations asked for, not a flood of unrelated jobs (precision of the top ten,
// printed; the figures go in the note).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "kiosk/store/occupation_vocabulary.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/sync.h"
#include "tests/unit/temp_dir.h"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kNow = 1796644800;  // 2026-12-07

struct Case {
  const char* text;
  Language language;
  std::vector<const char*> must;  // ids among the first ten results
  std::vector<const char*> socs;  // SOC codes of the occupations asked for (relevance)
};

// clang-format off
const std::vector<Case> kCases = {
    // Spanish words, English postings (and the Spanish ones)
    {"cajero", Language::Es, {"job-0158", "job-0166"}, {"41-2011"}},
    {"cajera", Language::Es, {"job-0158", "job-0166"}, {"41-2011"}},
    {"cajeros", Language::Es, {"job-0158"}, {"41-2011"}},
    {"chofer", Language::Es, {"job-0159", "job-0167"}, {"53-3031", "53-3032", "53-3033"}},
    {"chófer", Language::Es, {"job-0159"}, {"53-3031", "53-3032", "53-3033"}},
    {"almacén", Language::Es, {"job-0160", "job-0168"}, {"53-7062", "53-7065"}},
    {"almacen", Language::Es, {"job-0160"}, {"53-7062", "53-7065"}},
    {"niñera", Language::Es, {"job-0161", "job-0169"}, {"39-9011"}},
    {"ninera", Language::Es, {"job-0161"}, {"39-9011"}},
    {"jardinero", Language::Es, {"job-0162", "job-0170"}, {"37-3011"}},
    {"jardinera", Language::Es, {"job-0162"}, {"37-3011"}},
    {"mesero", Language::Es, {"job-0163", "job-0171", "job-0093"}, {"35-3031"}},
    {"mesera", Language::Es, {"job-0163"}, {"35-3031"}},
    {"enfermera", Language::Es, {"job-0164", "job-0174", "job-0010", "job-0012"}, {"29-1141", "29-2061"}},
    {"enfermero", Language::Es, {"job-0164", "job-0012"}, {"29-1141", "29-2061"}},
    {"enfermera registrada", Language::Es, {"job-0164", "job-0010"}, {"29-1141"}},
    {"guardia de seguridad", Language::Es, {"job-0165"}, {"33-9032"}},
    {"soldador", Language::Es, {"job-0074", "job-0172"}, {"51-4121"}},
    {"electricista", Language::Es, {"job-0055", "job-0056", "job-0057", "job-0058"}, {"47-2111"}},
    {"plomero", Language::Es, {"job-0061", "job-0059"}, {"47-2152", "47-3015"}},
    {"carpintero", Language::Es, {"job-0062", "job-0063"}, {"47-2031"}},
    {"cocinero", Language::Es, {"job-0081", "job-0083"}, {"35-2014", "35-2012", "35-2021", "35-1011"}},
    {"lavaplatos", Language::Es, {"job-0097"}, {"35-9021"}},
    {"limpieza", Language::Es, {"job-0173"}, {"37-2011", "37-2012"}},
    {"auxiliar de enfermería", Language::Es, {"job-0001", "job-0002", "job-0003"}, {"31-1131"}},
    {"auxiliar de enfermeria", Language::Es, {"job-0001"}, {"31-1131"}},
    {"técnico de farmacia", Language::Es, {"job-0013", "job-0014"}, {"29-2052"}},
    {"contador", Language::Es, {"job-0132", "job-0133"}, {"13-2011"}},
    {"pintor", Language::Es, {"job-0075"}, {"47-2141"}},
    {"techador", Language::Es, {"job-0078"}, {"47-2181"}},
    // English words, Spanish postings (and the English ones)
    {"cashier", Language::En, {"job-0158", "job-0166"}, {"41-2011"}},
    {"Cashiers", Language::En, {"job-0166"}, {"41-2011"}},
    {"delivery driver", Language::En, {"job-0159", "job-0167"}, {"53-3031", "53-3032", "53-3033"}},
    {"warehouse", Language::En, {"job-0160", "job-0168"}, {"53-7062", "53-7065"}},
    {"nanny", Language::En, {"job-0161", "job-0169"}, {"39-9011"}},
    {"landscaper", Language::En, {"job-0162", "job-0170"}, {"37-3011"}},
    {"waiter", Language::En, {"job-0163", "job-0171"}, {"35-3031"}},
    {"waitress", Language::En, {"job-0171"}, {"35-3031"}},
    {"welder", Language::En, {"job-0074", "job-0172"}, {"51-4121"}},
    {"janitor", Language::En, {"job-0173"}, {"37-2011", "37-2012"}},
    {"nurse", Language::En, {"job-0174", "job-0164", "job-0010"}, {"29-1141", "29-2061"}},
    {"registered nurse", Language::En, {"job-0174", "job-0010", "job-0164"}, {"29-1141"}},
    {"security guard", Language::En, {"job-0165"}, {"33-9032"}},
    // Formal titles, as O*NET writes them
    {"Licensed Practical Nurse", Language::En, {"job-0012"}, {"29-2061"}},
    {"Electrician", Language::En, {"job-0055", "job-0058"}, {"47-2111"}},
    {"Landscaping and Groundskeeping Workers", Language::En, {"job-0170"}, {"37-3011"}},
};
// clang-format on

class CrossLanguage : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    store_ = new Store(dir_->path(), Store::Mode::Writer);
    const fs::path root(KIOSK_SOURCE_DIR);
    SyncOptions options;
    options.now = [] { return kNow; };
    options.vocabulary_file = root / "assets" / "vocabulary" / "occupations.json";
    const auto outcomes = sync_all(*store_,
                                   {{"file:assets/sample/jobs.jsonld", ListingKind::Job},
                                    {"file:assets/sample/programs.jsonld", ListingKind::Program}},
                                   options);
    for (const auto& o : outcomes) ASSERT_EQ(o.status, FeedOutcome::Status::Updated) << o.error;
  }
  static void TearDownTestSuite() {
    delete store_;
    delete dir_;
  }

  static SearchResult search(const Case& c, bool expand = true) {
    SearchQuery q;
    q.text = c.text;
    q.language = c.language;
    q.now = kNow;
    q.limit = 10;
    q.expand = expand;
    return store_->search(q);
  }

  static inline testing::TempDir* dir_ = nullptr;
  static inline Store* store_ = nullptr;
};

bool relevant(const SearchHit& hit, const Case& c) {
  return std::any_of(c.socs.begin(), c.socs.end(),
                     [&](const char* soc) { return hit.occupation.starts_with(soc); });
}

TEST_F(CrossLanguage, EachQueryFindsItsPostingsInTheFirstTen) {
  ASSERT_GE(kCases.size(), 40u);
  for (const Case& c : kCases) {
    const SearchResult r = search(c);
    std::set<std::string> top;
    for (const auto& h : r.hits) top.insert(h.id);
    for (const char* id : c.must) {
      EXPECT_TRUE(top.contains(id)) << '"' << c.text << "\" did not find " << id;
    }
  }
}

TEST_F(CrossLanguage, WhatTheVocabularyAddsIsWhatWasAskedFor) {
  // Precision of the first ten: over all results, and over those found only through the
  // vocabulary (not by the typed words themselves). Only the second is the vocabulary's doing;
  // it must stay high, or expansion floods results with unrelated jobs.
  int shown = 0;
  int shown_relevant = 0;
  int added = 0;
  int added_relevant = 0;
  for (const Case& c : kCases) {
    std::set<std::string> own;
    for (const auto& h : search(c, false).hits) own.insert(h.id);
    const SearchResult r = search(c);
    int q_added = 0;
    int q_relevant = 0;
    for (const auto& h : r.hits) {
      ++shown;
      shown_relevant += relevant(h, c) ? 1 : 0;
      if (own.contains(h.id)) continue;
      ++q_added;
      q_relevant += relevant(h, c) ? 1 : 0;
      EXPECT_TRUE(relevant(h, c)) << '"' << c.text << "\" added " << h.id << " " << h.title << " ("
                                  << h.occupation << ")";
    }
    added += q_added;
    added_relevant += q_relevant;
    std::printf("  %-40s top %2zu, added %d, relevant added %d\n", c.text, r.hits.size(), q_added,
                q_relevant);
  }
  ASSERT_GT(added, 0);
  const double added_precision = static_cast<double>(added_relevant) / added;
  std::printf(
      "precision of the first ten: all %.2f (%d/%d), added by the vocabulary %.2f (%d/%d)\n",
      static_cast<double>(shown_relevant) / shown, shown_relevant, shown, added_precision,
      added_relevant, added);
  EXPECT_GE(added_precision, 0.9);
}

TEST_F(CrossLanguage, OwnWordsRankBeforeWhatWasAdded) {
  for (const Case& c : kCases) {
    std::set<std::string> own;
    for (const auto& h : search(c, false).hits) own.insert(h.id);
    bool added_seen = false;
    for (const auto& h : search(c).hits) {
      if (!own.contains(h.id)) {
        added_seen = true;
      } else {
        EXPECT_FALSE(added_seen) << '"' << c.text << "\": " << h.id << " came after an added one";
      }
    }
  }
}

TEST_F(CrossLanguage, PostingsWithoutACodeAreTaggedByTitle) {
  // The English- and Spanish-only postings carry no occupationalCategory.
  const std::vector<std::pair<const char*, const char*>> tagged = {
      {"job-0158", "41-2011"}, {"job-0166", "41-2011"}, {"job-0163", "35-3031"},
      {"job-0171", "35-3031"}, {"job-0164", "29-1141"}, {"job-0174", "29-1141"},
      {"job-0172", "51-4121"}, {"job-0161", "39-9011"}, {"job-0169", "39-9011"},
  };
  SearchQuery q;
  q.now = kNow;
  q.limit = 500;
  std::map<std::string, std::string> occupation;
  for (const auto& h : store_->search(q).hits) occupation[h.id] = h.occupation;
  for (const auto& [id, soc] : tagged) {
    EXPECT_TRUE(occupation[id].starts_with(soc)) << id << " tagged " << occupation[id];
  }
  EXPECT_EQ(occupation["job-0010"], "29-1141.00");  // the feed's own code stays
  // The careers pages count jobs by occupation: the tagged postings count too.
  SearchQuery rn;
  rn.now = kNow;
  rn.occupations = {"29-1141"};
  std::set<std::string> found;
  for (const auto& h : store_->search(rn).hits) found.insert(h.id);
  EXPECT_TRUE(found.contains("job-0164"));
  EXPECT_TRUE(found.contains("job-0174"));
}

}  // namespace
}  // namespace kiosk

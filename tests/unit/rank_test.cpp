#include "kiosk/store/rank.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "kiosk/store/sqlite.h"

namespace kiosk {
namespace {

// A table shaped like the listings index (a last column weighing 0.0 for the facet words).
sql::Database sample_index(PhraseCounts* counts = nullptr) {
  sql::Database db(":memory:", sql::Database::Mode::ReadWrite);
  register_rank_function(db, counts);
  db.exec(
      "CREATE VIRTUAL TABLE t USING fts5(title, org, body, facets, tokenize='unicode61 "
      "remove_diacritics 2', prefix='1 2 3')");
  const std::vector<std::vector<std::string>> rows = {
      {"Registered Nurse", "Bayfront Clinic", "Care for patients in Miami.", "indhealth nodegree"},
      {"Enfermera registrada", "Clínica Bayfront", "Cuidar pacientes en Miami, Miami Beach.",
       "indhealth"},
      {"Asistente médico", "Doral Health", "Medical assistant for a busy Miami clinic.",
       "indhealth nodegree"},
      {"Medical Assistant", "Hialeah Care", "Assist the nurse; medical records.", "indhealth"},
      {"Line Cook", "Sunrise Diner", "Prepare breakfast near Miami.", "indfood nodegree"},
      {"Cocinero de línea", "Diner", "Cocinar desayunos.", "indfood nodegree"},
      {"Técnico médico", "Lab", "Medicos y medicas del laboratorio.", "indhealth"},
  };
  sql::Statement insert(db, "INSERT INTO t(title, org, body, facets) VALUES (?1, ?2, ?3, ?4)");
  for (const auto& r : rows) {
    insert.reset();
    insert.bind(1, r[0]).bind(2, r[1]).bind(3, r[2]).bind(4, r[3]).run();
  }
  return db;
}

// Every row's kiosk_bm25 equals bm25 for `match`; the rows found.
int expect_same_scores(const sql::Database& db, const std::string& match) {
  sql::Statement s(db,
                   "SELECT rowid, kiosk_bm25(t, 10.0, 4.0, 1.0, 0.0), bm25(t, 10.0, 4.0, 1.0, "
                   "0.0) FROM t WHERE t MATCH ?1 ORDER BY rowid");
  s.bind(1, match);
  int rows = 0;
  while (s.step()) {
    ++rows;
    EXPECT_EQ(s.real(1), s.real(2)) << match << " row " << s.int64(0);
  }
  return rows;
}

// kiosk_bm25 gives FTS5's bm25 to the last bit: only the reading of counts is skipped.
TEST(Rank, SameScoresAsFts5Bm25) {
  sql::Database db = sample_index();
  const std::vector<std::string> matches = {
      "\"miami\"*",
      "\"nurse\" OR \"enfermera\"",
      "(\"asistente\" OR \"asistentes\") AND (\"medico\"* OR \"medica\"*)",
      "(\"miami\"*) AND facets : indhealth AND facets : nodegree",
      "(\"medical\" OR \"cook\") AND facets : nodegree",
      "facets : indfood",
      "title : \"me\"*",
  };
  for (const auto& match : matches) EXPECT_GT(expect_same_scores(db, match), 0) << match;
}

// Without weights every column counts 1.0, as for bm25(t).
TEST(Rank, UnweightedLikeBm25) {
  sql::Database db = sample_index();
  sql::Statement s(db, "SELECT kiosk_bm25(t), bm25(t) FROM t WHERE t MATCH 'miami OR medical'");
  int rows = 0;
  while (s.step()) {
    ++rows;
    EXPECT_EQ(s.real(0), s.real(1));
  }
  EXPECT_EQ(rows, 5);
}

// A match on words of a zero-weight column only scores 0 (bm25 says -0.0 times the IDFs' sum).
TEST(Rank, ZeroWeightColumnScoresZero) {
  sql::Database db = sample_index();
  sql::Statement s(db,
                   "SELECT kiosk_bm25(t, 1.0, 1.0, 1.0, 0.0) FROM t WHERE t MATCH 'facets : "
                   "nodegree'");
  int rows = 0;
  while (s.step()) {
    ++rows;
    EXPECT_EQ(s.real(0), 0.0);
  }
  EXPECT_EQ(rows, 4);
}

// The same, under `text`'s kept counts.
int expect_same_scores(const sql::Database& db, PhraseCounts& counts, const std::string& text,
                       const std::string& match) {
  const PhraseCounts::Scope scope(counts, db, text);
  return expect_same_scores(db, match);
}

// Counts kept from one search serve the next with the same text, whatever facets follow.
TEST(Rank, KeptCountsGiveTheSameScores) {
  PhraseCounts counts;
  sql::Database db = sample_index(&counts);
  const std::string text = "(\"asistente\" OR \"medical\") AND (\"miami\"* OR \"medica\"*)";
  EXPECT_EQ(expect_same_scores(db, counts, text, text), 2);
  EXPECT_EQ(expect_same_scores(db, counts, text, text), 2);
  EXPECT_EQ(expect_same_scores(db, counts, text, "(" + text + ") AND facets : nodegree"), 1);
  EXPECT_EQ(expect_same_scores(db, counts, "\"miami\"*", "\"miami\"*"), 4);
}

// A change to the index forgets the counts: a new listing with "miami" changes its IDF.
TEST(Rank, CountsForgottenWhenTheIndexChanges) {
  PhraseCounts counts;
  sql::Database db = sample_index(&counts);
  const std::string match = "\"miami\"* AND \"clinic\"";
  EXPECT_EQ(expect_same_scores(db, counts, match, match), 2);
  db.exec(
      "INSERT INTO t(title, org, body, facets) VALUES ('Miami clinic aide', 'Miami Clinic', "
      "'Miami', 'indhealth'), ('Miami driver', 'Miami Cabs', 'Miami roads', 'indtransport')");
  EXPECT_EQ(expect_same_scores(db, counts, match, match), 3);
}

}  // namespace
}  // namespace kiosk

// Relevance for the search: FTS5's bm25, computed the same way to the last bit, except that a
// phrase's document count is read only when a row holds the phrase in a weighted column.
//
// FTS5's own bm25() counts, on its first row, the listings holding each phrase of the match,
// one walk over the phrase's whole doclist each: the facet words too ("nodegree" is in three
// listings of four), although their column weighs 0.0 and so adds exactly 0.0 to every score.
// Those walks were most of a filtered search at 100,000 listings (BENCHMARKS.md, 2026-12-06).
// Here a phrase whose frequency in a row is 0.0 adds nothing and is not counted; every other
// term is the same expression in the same order, so the scores, and the order of results, are
// identical.
//
// A phrase's count is the same for every search until the index changes, and reading it walks
// the phrase's whole doclist: for "medica"* (which holds "medical") that was a third of a
// two-word Spanish search. PhraseCounts keeps the counts of one connection's searches, by the
// text's match and the phrase's place in it, until the data changes.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "kiosk/store/sqlite.h"

namespace kiosk {

// The SQL name: kiosk_bm25(listings_fts, weight of column 0, …, weight of column 4), as bm25(),
// and optionally a sixth argument for searches the occupation vocabulary expanded
// (kiosk/store/expansion.cpp): the typed words' phrase ranges, one per expanded group, each with
// the count of phrases the vocabulary added after it, as text "0-3+4,8-9+2". A row matching
// none of some group's own phrases was found through the vocabulary only; it scores after every
// row that holds the resident's own words. Added phrases are not counted for their idf.
inline constexpr const char* kRankFunction = "kiosk_bm25";

class PhraseCounts {
 public:
  // While a Scope lives, kiosk_bm25 reads and keeps counts for the phrases of `text`: the part of
  // the match that comes first (its phrases are numbered first, whatever facets follow). An
  // empty text keeps nothing. Any change to the database since the last scope, by this
  // connection or another, forgets every count. (A sync committed between the scope's start and
  // the search's first read is seen by the next scope, not this one.) The keys hold the words
  // typed: they go with the connection, which a session's end closes.
  class Scope {
   public:
    Scope(PhraseCounts& counts, const sql::Database& db, std::string text);
    ~Scope() { counts_.text_.clear(); }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    PhraseCounts& counts_;
  };

  std::optional<std::int64_t> find(int phrase) const;
  void keep(int phrase, std::int64_t rows);

 private:
  static constexpr std::size_t kMaxKept = 4096;            // phrases; past it, start afresh
  std::pair<std::int64_t, std::int64_t> version_{-1, -1};  // data_version, total changes
  std::string text_;
  std::map<std::pair<std::string, int>, std::int64_t> rows_;
};

// Makes kiosk_bm25 known to the connection, keeping phrase counts in `counts` when given (it
// must outlive the connection). Throws sql::SqliteError when SQLite has no FTS5.
void register_rank_function(sql::Database& db, PhraseCounts* counts = nullptr);

}  // namespace kiosk

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
#pragma once

#include "kiosk/store/sqlite.h"

namespace kiosk {

// The SQL name: kiosk_bm25(listings_fts, weight of column 0, weight of column 1, …), as bm25().
inline constexpr const char* kRankFunction = "kiosk_bm25";

// Makes kiosk_bm25 known to the connection. Throws sql::SqliteError when SQLite has no FTS5.
void register_rank_function(sql::Database& db);

}  // namespace kiosk

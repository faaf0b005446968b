// Store::newest_matching: the matcher's way into the index (kiosk/match/matcher.h).
#include <algorithm>

#include "kiosk/model/enums.h"
#include "kiosk/store/record_json.h"
#include "kiosk/store/store.h"

namespace kiosk {

std::vector<std::int64_t> Store::newest_matching(ListingKind kind, const std::string& match,
                                                 std::int64_t now, int limit) {
  std::vector<std::int64_t> keys;
  if (match.empty() || limit <= 0) return keys;
  // Jobs are the bulk of the cache: the kind is checked on the row. The smaller kinds are worth
  // intersecting in the index, so a phrase common in jobs does not walk them all.
  const std::string expression =
      kind == ListingKind::Job ? match
                               : "(" + match + ") AND facets : " + std::string(facet_of(kind));
  // CROSS JOIN keeps the index the outer loop, read newest first: LIMIT stops it early.
  sql::Statement s(db_,
                   "SELECT f.rowid FROM listings_fts f CROSS JOIN listings l ON l.key = f.rowid "
                   "WHERE listings_fts MATCH ?1 AND l.kind = ?2 AND l.dup_of IS NULL AND "
                   "(l.valid_through IS NULL OR "
                   "l.valid_through >= ?3) ORDER BY f.rowid DESC LIMIT ?4");
  s.bind(1, expression)
      .bind(2, kind_key(kind))
      .bind(3, now)
      .bind(4, static_cast<std::int64_t>(std::min(limit, 1000)));
  while (s.step()) keys.push_back(s.int64(0));
  return keys;
}

}  // namespace kiosk

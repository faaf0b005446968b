// What a resident is doing in one listing browser (jobs, training, …) during one session: what
// they typed, the filters they chose, the results in view. Part of the visit (kiosk/session/
// visit.h), not of a screen, so the browser and the detail screen share it (previous/next) and
// the end of a session wipes it in one place.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/wipe.h"
#include "kiosk/i18n/language.h"
#include "kiosk/model/model.h"
#include "kiosk/store/store.h"

namespace kiosk {

// Active filters as the `search --filter` contract names them (KEY=VALUE). Chips toggle them:
// several job types may be on at once; every other key holds one value.
class FilterSet {
 public:
  bool active(std::string_view key, std::string_view value) const;
  void toggle(std::string_view key, std::string_view value);
  void remove_key(std::string_view key);
  void clear() { items_.clear(); }
  bool empty() const { return items_.empty(); }
  std::size_t size() const { return items_.size(); }
  const std::vector<std::string>& items() const { return items_; }
  // Applies every filter; a filter the query refuses is dropped (never happens for chips).
  void apply(SearchQuery& query) const;

 private:
  std::vector<std::string> items_;  // "type=part_time", "industry=health", …
};

// How a kind's listings are ordered until the resident chooses: events by when they start, the
// soonest first; everything else by relevance (the newest first while browsing).
constexpr SortOrder default_sort(ListingKind kind) {
  return kind == ListingKind::Event ? SortOrder::Soonest : SortOrder::Relevance;
}

class ListingSearch {
 public:
  static constexpr int kPageSize = 30;
  static constexpr std::size_t kMaxQueryBytes = 120;

  explicit ListingSearch(ListingKind kind = ListingKind::Job)
      : sort(default_sort(kind)), kind_(kind) {}
  ListingKind kind() const { return kind_; }

  std::string text;  // as typed
  FilterSet filters;
  SortOrder sort = SortOrder::Relevance;
  // Occupations the resident took out of "Also showing" (O*NET-SOC codes): a search adds them
  // no more until the search is cleared.
  std::vector<std::string> not_expanded;

  // The query for the current text, filters and sort. With nothing typed and no sort chosen,
  // the newest listings come first (browsing).
  SearchQuery query(Language language, std::int64_t now, int limit) const;
  bool browsing() const;  // nothing typed and no filters

  // The results on screen (a detail screen steps through them with previous/next).
  SearchResult results;
  bool has_results = false;  // a search has answered since the last change

  void clear();  // everything the resident did, wiped

 private:
  ListingKind kind_;
};

}  // namespace kiosk

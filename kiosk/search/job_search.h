// What a resident is doing in "Find a job" during one session: what they typed, the filters they
// chose, the results in view, the job they opened and the jobs they saved. Kept here (not in a
// screen) so the search, detail and My list screens share it and the end of a session can wipe
// it in one place.
#pragma once

#include <cstdint>
#include <optional>
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

struct SavedItem {
  ListingKind kind = ListingKind::Job;
  std::int64_t key = 0;  // the cache row
  LocalText title;       // both languages: the list follows the language switch
  std::string org;
  std::string link;  // apply or contact link (the QR)
};

// "My list": what the resident keeps during this session only.
class SavedList {
 public:
  bool contains(ListingKind kind, std::int64_t key) const;
  void add(SavedItem item);  // a second add of the same listing does nothing
  void remove(ListingKind kind, std::int64_t key);
  const std::vector<SavedItem>& items() const { return items_; }
  std::size_t size() const { return items_.size(); }
  void clear();

 private:
  std::vector<SavedItem> items_;
};

class JobSearch {
 public:
  static constexpr int kPageSize = 30;
  static constexpr std::size_t kMaxQueryBytes = 120;

  std::string text;  // as typed
  FilterSet filters;
  SortOrder sort = SortOrder::Relevance;

  // The query for the current text, filters and sort. With nothing typed and no sort chosen,
  // the newest jobs come first (browsing).
  SearchQuery query(Language language, std::int64_t now, int limit) const;
  bool browsing() const;  // nothing typed and no filters

  // The results on screen and which one is open.
  SearchResult results;
  bool has_results = false;               // a search has answered since the last change
  std::optional<std::size_t> open_index;  // into results.hits, for previous/next
  std::int64_t open_key = 0;              // the job on the detail screen

  void clear();  // everything the resident did, wiped
};

}  // namespace kiosk

#include "kiosk/search/listing_search.h"

#include <algorithm>

#include "kiosk/search/facets.h"
#include "kiosk/search/filters.h"

namespace kiosk {

namespace {

std::string item(std::string_view key, std::string_view value) {
  std::string s(key);
  s += '=';
  s += value;
  return s;
}

// Job types and program schedules: several at once (see kiosk/search/facets.h).
bool multi_valued(std::string_view key) {
  for (const ListingKind kind : {ListingKind::Job, ListingKind::Program, ListingKind::Event}) {
    if (const FilterGroup* g = filter_group(kind, key); g != nullptr && g->multi) return true;
  }
  return false;
}

}  // namespace

bool FilterSet::active(std::string_view key, std::string_view value) const {
  const std::string wanted = item(key, value);
  return std::find(items_.begin(), items_.end(), wanted) != items_.end();
}

void FilterSet::remove_key(std::string_view key) {
  const std::string prefix = item(key, "");
  std::erase_if(items_, [&](const std::string& s) { return s.starts_with(prefix); });
}

void FilterSet::toggle(std::string_view key, std::string_view value) {
  const std::string wanted = item(key, value);
  const auto it = std::find(items_.begin(), items_.end(), wanted);
  if (it != items_.end()) {
    items_.erase(it);
    return;
  }
  if (!multi_valued(key)) remove_key(key);
  items_.push_back(wanted);
}

void FilterSet::apply(SearchQuery& query) const {
  for (const auto& f : items_) {
    SearchQuery trial = query;
    if (!apply_filter(trial, f)) query = std::move(trial);
  }
}

SearchQuery ListingSearch::query(Language language, std::int64_t now, int limit) const {
  SearchQuery q;
  q.kind = kind_;
  q.text = text;
  q.language = language;
  q.sort = sort;
  q.limit = limit;
  q.now = now;
  q.not_expanded = not_expanded;
  filters.apply(q);
  return q;
}

bool ListingSearch::browsing() const {
  return text.find_first_not_of(' ') == std::string::npos && filters.empty();
}

void ListingSearch::clear() {
  wipe(text);
  filters.clear();
  not_expanded.clear();
  sort = default_sort(kind_);
  results = {};
  has_results = false;
}

}  // namespace kiosk

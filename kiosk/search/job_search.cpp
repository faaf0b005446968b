#include "kiosk/search/job_search.h"

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
  for (const ListingKind kind : {ListingKind::Job, ListingKind::Program}) {
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

bool SavedList::contains(ListingKind kind, std::int64_t key) const {
  return std::any_of(items_.begin(), items_.end(),
                     [&](const SavedItem& i) { return i.kind == kind && i.key == key; });
}

void SavedList::add(SavedItem item) {
  if (contains(item.kind, item.key)) return;
  items_.push_back(std::move(item));
}

void SavedList::remove(ListingKind kind, std::int64_t key) {
  for (auto& i : items_) {
    if (i.kind == kind && i.key == key) {
      wipe(i.title.en);
      wipe(i.title.es);
      wipe(i.org);
      wipe(i.link);
    }
  }
  std::erase_if(items_, [&](const SavedItem& i) { return i.kind == kind && i.key == key; });
}

void SavedList::clear() {
  for (auto& i : items_) {
    wipe(i.title.en);
    wipe(i.title.es);
    wipe(i.org);
    wipe(i.link);
  }
  items_.clear();
}

SearchQuery JobSearch::query(Language language, std::int64_t now, int limit) const {
  SearchQuery q;
  q.kind = ListingKind::Job;
  q.text = text;
  q.language = language;
  q.sort = sort;
  q.limit = limit;
  q.now = now;
  filters.apply(q);
  return q;
}

bool JobSearch::browsing() const {
  return text.find_first_not_of(' ') == std::string::npos && filters.empty();
}

void JobSearch::clear() {
  wipe(text);
  filters.clear();
  sort = SortOrder::Relevance;
  results = {};
  has_results = false;
  open_index.reset();
  open_key = 0;
}

}  // namespace kiosk

#include "kiosk/session/visit.h"

#include <algorithm>

#include "kiosk/base/wipe.h"

namespace kiosk {

namespace {

void wipe_item(SavedItem& i) {
  wipe(i.title.en);
  wipe(i.title.es);
  wipe(i.org);
  wipe(i.link);
}

}  // namespace

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
    if (i.kind == kind && i.key == key) wipe_item(i);
  }
  std::erase_if(items_, [&](const SavedItem& i) { return i.kind == kind && i.key == key; });
}

void SavedList::clear() {
  for (auto& i : items_) wipe_item(i);
  items_.clear();
}

Visit::Visit()
    : searches_{ListingSearch(ListingKind::Job), ListingSearch(ListingKind::Program),
                ListingSearch(ListingKind::Event), ListingSearch(ListingKind::Service),
                ListingSearch(ListingKind::Faq)} {}

bool Visit::empty() const {
  const bool searches_empty = std::all_of(searches_.begin(), searches_.end(), [](const auto& s) {
    return s.text.empty() && s.filters.empty() && s.sort == default_sort(s.kind()) &&
           !s.has_results && s.results.hits.empty() && s.results.total == 0;
  });
  return searches_empty && saved.size() == 0 && signup.empty();
}

void Visit::wipe() {
  for (auto& s : searches_) s.clear();
  saved.clear();
  signup.wipe();
}

}  // namespace kiosk

// Everything one resident's visit creates, in one object: a search per kind of listing, the
// saved list ("My list", any kind of listing) and, as later journeys arrive, what they collect.
// The end of a session calls wipe() and nothing of the visit is left: typed text is overwritten
// before it is freed.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/model/model.h"
#include "kiosk/search/listing_search.h"
#include "kiosk/signup/form.h"

namespace kiosk {

struct SavedItem {
  ListingKind kind = ListingKind::Job;
  std::int64_t key = 0;  // the cache row
  LocalText title;       // both languages: the list follows the language switch
  std::string org;       // employer or provider
  std::string link;      // apply, contact or program page (the QR)
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

class Visit {
 public:
  Visit();

  ListingSearch& search(ListingKind kind) { return searches_.at(static_cast<std::size_t>(kind)); }
  const ListingSearch& search(ListingKind kind) const {
    return searches_.at(static_cast<std::size_t>(kind));
  }
  SavedList saved;
  SignupForm signup;  // the sign-up being filled in; wiped once sealed, or with the visit

  // True when the visit holds nothing a resident did (a fresh visit, or after wipe()).
  bool empty() const;
  void wipe();

 private:
  static constexpr std::size_t kKinds = static_cast<std::size_t>(ListingKind::Faq) + 1;
  std::array<ListingSearch, kKinds> searches_;
};

}  // namespace kiosk

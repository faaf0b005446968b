// What the UI says about its data: when it was last confirmed fresh, whether the last sync could
// reach its feeds, and how many listings of each kind the cache holds.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "kiosk/store/store.h"
#include "kiosk/sync/sync.h"

namespace kiosk {

struct ListingsStatus {
  std::optional<std::int64_t> updated;  // Unix seconds: newest confirmation of any feed
  bool offline = false;                 // the last sync reached none of its network feeds
  std::int64_t jobs = 0;
  std::int64_t programs = 0;
  std::int64_t events = 0;  // upcoming
  std::int64_t services = 0;

  std::int64_t count(ListingKind kind) const {
    switch (kind) {
      case ListingKind::Job:
        return jobs;
      case ListingKind::Program:
        return programs;
      case ListingKind::Event:
        return events;
      case ListingKind::Service:
        return services;
      case ListingKind::Faq:
        break;
    }
    return 0;
  }
};
ListingsStatus listings_status(Store& reader, const std::vector<FeedOutcome>& last_sync,
                               std::int64_t now);

}  // namespace kiosk

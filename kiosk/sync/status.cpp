#include "kiosk/sync/status.h"

namespace kiosk {

ListingsStatus listings_status(Store& reader, const std::vector<FeedOutcome>& last_sync,
                               std::int64_t now) {
  ListingsStatus status;
  for (const auto& feed : reader.feed_states()) {
    if (feed.last_confirmed && (!status.updated || *feed.last_confirmed > *status.updated)) {
      status.updated = feed.last_confirmed;
    }
  }
  bool any_network = false;
  bool any_reached = false;
  for (const auto& o : last_sync) {
    if (o.url.starts_with("file:") || o.status == FeedOutcome::Status::Removed) continue;
    any_network = true;
    any_reached = any_reached || o.status != FeedOutcome::Status::Failed;
  }
  status.offline = any_network && !any_reached;
  status.jobs = reader.count(ListingKind::Job, now);
  status.programs = reader.count(ListingKind::Program, now);
  status.events = reader.count(ListingKind::Event, now);
  status.services = reader.count(ListingKind::Service, now);
  return status;
}

}  // namespace kiosk

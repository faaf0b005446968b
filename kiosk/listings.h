// Glue between the configuration, the cache and its users (the command line and the UI): which
// feeds to sync, how, and how a filter written KEY=VALUE becomes part of a query.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/config.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/sync.h"

namespace kiosk {

std::vector<FeedSpec> feed_specs(const Config& config);
// The real clock, the kiosk's user agent, downloads waiting in the data directory.
SyncOptions sync_options(const Config& config, const std::filesystem::path& data_dir);

// Applies one KEY=VALUE filter (the `search --filter` contract) to the query. Returns an error
// sentence for an unknown key or a bad value.
std::optional<std::string> apply_filter(SearchQuery& query, const std::string& key_value);

// What the UI says about its data: when it was last confirmed fresh, and whether the last
// sync could reach its feeds.
struct ListingsStatus {
  std::optional<std::int64_t> updated;  // Unix seconds: newest confirmation of any feed
  bool offline = false;                 // the last sync reached none of its network feeds
  std::int64_t jobs = 0;
  std::int64_t programs = 0;
};
ListingsStatus listings_status(Store& reader, const std::vector<FeedOutcome>& last_sync,
                               std::int64_t now);

// Employment type bits and their filter names: full_time, part_time, temporary, internship,
// contract.
const std::vector<std::pair<std::uint8_t, std::string>>& employment_type_names();

}  // namespace kiosk

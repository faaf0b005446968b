// The configuration turned into each service's settings. Sync takes its settings and never reads
// the configuration itself; this is the one place that knows both.
#pragma once

#include <filesystem>
#include <vector>

#include "kiosk/config/config.h"
#include "kiosk/signup/signup_service.h"
#include "kiosk/sync/sync.h"

namespace kiosk {

std::vector<FeedSpec> feed_specs(const Config& config);
// The real clock, the kiosk's user agent, downloads waiting in the data directory, the size cap
// of [feeds] max_feed_mb.
SyncOptions sync_options(const Config& config, const std::filesystem::path& data_dir);
// [signup] with the kiosk's id and location, which every envelope carries.
SignupSettings signup_settings(const Config& config);

}  // namespace kiosk

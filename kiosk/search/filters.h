// How a filter written KEY=VALUE (the `search --filter` contract, and the chips' ids) becomes
// part of a query.
#pragma once

#include <optional>
#include <string>

#include "kiosk/store/store.h"

namespace kiosk {

// Applies one KEY=VALUE filter to the query. Returns an error sentence for an unknown key or a
// bad value (listing the values the key takes). Keys and values come from the tables in
// kiosk/model/enums.h; kiosk/search/facets.h groups them for the screens.
std::optional<std::string> apply_filter(SearchQuery& query, const std::string& key_value);

}  // namespace kiosk

// How a filter written KEY=VALUE (the `search --filter` contract, and the chips' ids) becomes
// part of a query.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/store/store.h"

namespace kiosk {

// Applies one KEY=VALUE filter to the query. Returns an error sentence for an unknown key or a
// bad value.
std::optional<std::string> apply_filter(SearchQuery& query, const std::string& key_value);

// Employment type bits and their filter names: full_time, part_time, temporary, internship,
// contract.
const std::vector<std::pair<std::uint8_t, std::string>>& employment_type_names();

}  // namespace kiosk

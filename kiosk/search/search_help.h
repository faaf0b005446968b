// A search as a resident meets it: the results, and when there are none, help to find some.
#pragma once

#include <cstddef>

#include "kiosk/store/store.h"

namespace kiosk {

inline constexpr std::size_t kTipWords = 3;  // "Try: técnico, asistente, instalador"

// Runs the search; when it finds nothing for typed words, adds the spelling suggestion (only one
// that finds listings) and tip words that each find listings of the query's kind.
SearchResult search_with_help(Store& store, const SearchQuery& query);

}  // namespace kiosk

#include "kiosk/search/search_help.h"

namespace kiosk {

SearchResult search_with_help(Store& store, const SearchQuery& query) {
  SearchResult result = store.search(query);
  const bool typed = query.text.find_first_not_of(' ') != std::string::npos;
  if (result.total == 0 && typed && !query.any_word) {
    result.suggestion = store.suggest(query);
    result.tips = store.tip_words(query, kTipWords);
  }
  return result;
}

}  // namespace kiosk

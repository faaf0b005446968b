// How the kiosk asks each kind of source: the formats it reads and their names, the pages of
// the paged search APIs (USAJOBS, CareerOneStop), and what an HTTP refusal means in words a
// technician understands ("USAJOBS refused the API key (401)").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/model/model.h"
#include "kiosk/sync/fetch.h"

namespace kiosk {

enum class FeedFormat {
  JsonLd,
  Greenhouse,
  Lever,
  Ashby,
  EtplCsv,
  Ctdl,
  Usajobs,
  CareerOneStop,
  Xml,
  Unknown
};

// The format a feed's `format` setting names; nullopt for "auto" (found from the content).
std::optional<FeedFormat> configured_format(std::string_view key);
// "USAJOBS", "CareerOneStop", "schema.org JSON-LD", … for messages.
std::string_view format_name(FeedFormat format);
// Search APIs that answer one page at a time.
bool paged_format(FeedFormat format);

// The source's name for a technician: the API's own name when the URL or the format tells it
// (USAJOBS, CareerOneStop, Greenhouse, Lever, Ashby), else the host or file name.
std::string source_name(std::string_view url, std::optional<FeedFormat> format);

// The first page's URL as the kiosk requests it: USAJOBS gets ResultsPerPage=500 (its largest)
// unless the URL sets it. Unchanged for other formats.
std::string first_page_url(std::string_view url, FeedFormat format);
// The URL of the page after `pages_read` pages (`records_read` records in all, the last page
// `last`), or nullopt when the answer is complete: the last page was empty, the source's count
// or page count is reached, or the URL has no place for a page (a CareerOneStop URL without
// startRecord and pageSize).
std::optional<std::string> next_page_url(std::string_view first_url, FeedFormat format,
                                         int pages_read, std::int64_t records_read,
                                         const ParsedFeed& last);
// CareerOneStop's v1 endpoint for a v2 URL (…/v2/jobsearch/… → …/v1/jobsearch/…); nullopt for
// other URLs.
std::optional<std::string> careeronestop_v1_url(std::string_view url);

// A failed request in words: an HTTP refusal said for what it is (a key refused, a limit
// reached); other failures as fetch() words them. `with_key`: the feed sends a key.
std::string refusal_words(const FetchResult& result, std::string_view source, bool with_key);

// Retry-After is honoured: a wait up to this long happens within the sync (then the request is
// made again); a longer one ends the feed's sync, and it is not asked again before that time.
inline constexpr long kMaxRetryWaitSeconds = 60;

}  // namespace kiosk

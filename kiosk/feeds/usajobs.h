// USAJOBS, the federal government's job board. Two shapes:
// - its Search API's responses (data.usajobs.gov/api/search): {"SearchResult":
//   {"SearchResultItems": [{"MatchedObjectId", "MatchedObjectDescriptor": {…}}],
//   "SearchResultCount", "SearchResultCountAll", "UserArea": {"NumberOfPages"}}}; one page of a
//   paged answer, and a page with no items is a valid page with zero jobs (counts_only);
// - the flattened records of the usajobs_historical project: an array of objects (or an object
//   holding one) with position_title or title, control_number, usajobs_url or url, department,
//   agency or organization, open_date, close_date, occupation_series, min_salary, max_salary,
//   telework, location, duties, qualifications.
#pragma once

#include <string>
#include <string_view>

#include "kiosk/model/model.h"

namespace kiosk::feeds {

ParseResult parse_usajobs(std::string_view body, const std::string& source_url);

// The first 64 KiB of a body look like either shape: "SearchResultItems",
// "MatchedObjectDescriptor", or a control_number with position_title or a usajobs_url.
bool looks_like_usajobs(std::string_view head);

}  // namespace kiosk::feeds

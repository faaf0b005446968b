// schema.org JSON-LD feeds: JobPosting (the kiosk's own sync format, as Google for Jobs and most
// applicant tracking systems publish it), EducationalOccupationalProgram / WorkBasedProgram /
// Course, Event, Service and FAQPage. A single object, an array, or an @graph, in any mix.
// Text may be a plain string or language-tagged values ([{"@value": …, "@language": "es"}]).
#pragma once

#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <variant>

#include "kiosk/model/model.h"

namespace kiosk::feeds {

ParseResult parse_jsonld(std::string_view body, const std::string& source_url);

// The same, read from a stream item by item: each top-level item (an element of @graph or of a
// top-level array, or a single object) is converted as soon as it is complete and handed to
// `sink` in batches, so memory stays flat however large the feed. The sink takes the records
// out of the batch; it may throw to abort. Returns how many records went to the sink.
using BatchSink = std::function<void(ParsedFeed& batch)>;
struct StreamSummary {
  std::size_t records = 0;
  std::vector<std::string> warnings;
};
std::variant<StreamSummary, ParseError> stream_jsonld(std::istream& in,
                                                      const std::string& source_url,
                                                      const BatchSink& sink);

}  // namespace kiosk::feeds

// XML job feeds in the layout job boards syndicate (Indeed, ZipRecruiter, Appcast, Jooble):
// <source> (or <jobs>) holding one <job> per posting, each with <title>, <date>,
// <referencenumber>, <url>, <company>, <city>, <state>, <postalcode>, <country>, <description>
// (HTML, usually in CDATA), <salary>, <jobtype>, <category>, <remotetype>, … Read with libxml2's
// streaming xmlTextReader, so a feed of any size is read in bounded memory; never from the
// network, never with external entities or a DTD loaded, never with entities expanded.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <variant>

#include "kiosk/feeds/jsonld.h"  // BatchSink, StreamSummary
#include "kiosk/model/model.h"

namespace kiosk::feeds {

// The first 64 KiB of a body: XML (an optional BOM, <?xml …?>, comments) whose root element is
// <source> or <jobs>, or that holds a <job> element.
bool looks_like_xml_jobs(std::string_view head);

// Streams the file: each <job> becomes a Job handed to `sink` in batches, as stream_jsonld does.
// A document that is not well-formed XML (a truncated download included) is a ParseError even
// when jobs were read before the damage; so is a feed without jobs.
std::variant<StreamSummary, ParseError> stream_xml_jobs(const std::filesystem::path& file,
                                                        const std::string& source_url,
                                                        const BatchSink& sink);

// The same over a body in memory.
ParseResult parse_xml_jobs(std::string_view body, const std::string& source_url);

}  // namespace kiosk::feeds

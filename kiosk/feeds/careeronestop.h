// CareerOneStop's job search (api.careeronestop.org …/jobsearch/…, "List Jobs" v2 and v1), which
// serves the National Labor Exchange's jobs from the state job banks: {"Jobs": [{"JvId",
// "JobTitle", "Company", "DatePosted" (v2) or "AccquisitionDate" (v1, spelled so), "URL",
// "Location", "Fc", "DescriptionSnippet", "OnetCodes"}], "JobCount" (v2) or "Jobcount" (v1, a
// string), "JobsKeywordLocations", "Locations", "Companies", "ErrorMessage"}; also one job object
// with a JvId and a JobTitle ("Get job by ID"). An answer with counts and no job list (or an empty
// one) is zero jobs with counts_only set, not an error.
#pragma once

#include <string>
#include <string_view>

#include "kiosk/model/model.h"

namespace kiosk::feeds {

ParseResult parse_careeronestop(std::string_view body, const std::string& source_url);

// The first 64 KiB of a body look like a CareerOneStop job search answer: "JobsKeywordLocations",
// "JvId", or a job count with a "Jobs" list.
bool looks_like_careeronestop(std::string_view head);

}  // namespace kiosk::feeds

// Ashby's public job board API (api.ashbyhq.com/posting-api/job-board/{board}
// ?includeCompensation=true): {"apiVersion": "1", "jobs": [{"id", "title", "location",
// "secondaryLocations": [{"location", "address"}], "department", "team", "isListed", "isRemote",
// "workplaceType", "employmentType", "descriptionHtml", "descriptionPlain", "publishedAt",
// "jobUrl", "applyUrl", "address": {"postalAddress": {…}}, "compensation": {"summaryComponents":
// […]}}]}, or one such job. Unlisted jobs (isListed false) are left out without a warning: the
// employer hid them. The employer is the board's name in the feed's URL or the job's.
#pragma once

#include <string>
#include <string_view>

#include "kiosk/model/model.h"

namespace kiosk::feeds {

ParseResult parse_ashby(std::string_view body, const std::string& source_url);

// The first 64 KiB of a body look like an Ashby job board: "jobUrl" with "isListed",
// "apiVersion" or "workplaceType" (Lever postings have the last but no jobUrl).
bool looks_like_ashby(std::string_view head);

}  // namespace kiosk::feeds

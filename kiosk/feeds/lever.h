// Lever Postings API (api.lever.co/v0/postings/{site}?mode=json): an array of postings, or one
// posting object (…/postings/{site}/{id}).
#pragma once

#include <string>
#include <string_view>

#include "kiosk/model/model.h"

namespace kiosk::feeds {

ParseResult parse_lever(std::string_view body, const std::string& source_url);

}  // namespace kiosk::feeds

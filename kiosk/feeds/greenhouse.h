// Greenhouse Job Board API (boards-api.greenhouse.io/v1/boards/{board}/jobs[?content=true], or
// …/jobs/{id}): a {"jobs": […], "meta": …} list or one job object.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/model/model.h"

namespace kiosk::feeds {

ParseResult parse_greenhouse(std::string_view body, const std::string& source_url);

// ---- Shared with the Lever reader --------------------------------------------------------------
// Both applicant tracking systems write locations as free text and name the employer only in
// their URLs. (These would sit better in normalize.h, which this change leaves untouched.)

struct LocationText {
  std::vector<Place> places;
  Workplace workplace = Workplace::Unknown;  // from "Remote", "Hybrid", "On-site" in the text
};

// "Miami, FL", "Toronto, ON, CA", "New York, NY, United States", "Remote - US",
// "Remote, Bangalore", "Hybrid (Doral, Florida 33172)", "Miami, FL; Remote" → places and
// workplace.
LocationText parse_location_text(std::string_view text);

// The board or site name in a Greenhouse, Lever or Ashby URL as a display name:
// "https://jobs.lever.co/acme-corp/…" → "Acme Corp", "https://boards.greenhouse.io/acme/jobs/1"
// and "https://boards-api.greenhouse.io/v1/boards/acme/jobs" → "Acme",
// "https://jobs.ashbyhq.com/acme/…" and "https://api.ashbyhq.com/posting-api/job-board/acme" →
// "Acme". Empty for other URLs.
std::string employer_from_ats_url(std::string_view url);

// "Florida" or "FL" → "FL" (the 50 states and DC); nullopt for anything else.
std::optional<std::string> us_state_code(std::string_view text);

// EmploymentType bits of a free-text value, also when the type is one word among others:
// "Regular Full Time (Salary)", "Full-time / Part-time", "Intern".
std::uint8_t employment_types_in(std::string_view text);

// The URL if it is http(s) (what a phone can open from the kiosk's QR code); empty otherwise.
std::string web_url(std::string_view url);

}  // namespace kiosk::feeds

// Tolerant readers for the values real feeds get wrong: numbers written as strings ("18.50",
// "$52,000"), "Full-time" for FULL_TIME, country names for codes, dates with or without times.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "kiosk/model/model.h"

namespace kiosk::feeds {

// ASCII lower case (UTF-8 bytes pass through), and ASCII white space trimmed at both ends.
std::string lower(std::string_view s);
std::string_view trim(std::string_view s);

// A number, or a string holding one ("18.5", "$18.50", "52,000", " 17 "). Nullopt otherwise.
std::optional<double> to_number(const nlohmann::json& value);
std::optional<double> parse_number(std::string_view text);

// A member of a JSON object, or nullptr when it is absent, null, or `obj` is not an object.
const nlohmann::json* json_field(const nlohmann::json& obj, std::string_view key);

// A one-line text field (title, id, name): line breaks become spaces, hidden characters go.
std::string one_line(std::string_view text);

// The text of a value: a string, a number, or a JSON-LD {"@value": …}; empty otherwise.
std::string to_text(const nlohmann::json& value);

// EmploymentType bits from schema.org values and their real-world spellings: FULL_TIME,
// "Full-time", "full time", PART_TIME, TEMPORARY, "Seasonal", INTERN, "Internship", CONTRACTOR,
// "Contract", PER_DIEM (temporary). Unknown words give 0.
std::uint8_t employment_type(std::string_view text);

// "US", "USA", "United States", "United States of America", "Estados Unidos" → "US"; an
// alpha-2 code passes through upper-cased; unknown names are returned as given.
std::string country_code(std::string_view text);

PayUnit pay_unit(std::string_view text);  // HOUR, "hourly", "per hour", YEAR, "annual", …

// ISO 8601 date or date-time ("2026-11-03", "2026-11-03T09:00:00Z", "…-05:00",
// "2026-11-03 09:00:00") to Unix seconds (a bare date is midnight UTC). Nullopt otherwise.
std::optional<std::int64_t> parse_date(std::string_view text);

// ISO 8601 duration to weeks ("P12W", "P6M", "P2Y", "P90D", "PT160H" at 40 hours a week).
std::optional<int> duration_weeks(std::string_view text);

// The kiosk's industry for an industry name or, failing that, an O*NET-SOC/SOC code.
Industry industry(std::string_view name, std::string_view occupation_code);

// The kiosk's industry for a CIP 2020 code ("51.3801"), when no SOC code says better.
Industry industry_from_cip(std::string_view cip);

// Filter names used by the command line and the screens ("health", "clean_energy", …), from
// the tables in kiosk/model/enums.h.
std::string_view industry_key(Industry value);
std::optional<Industry> industry_from_key(std::string_view key);

ProgramType program_type(
    std::string_view text);  // "apprenticeship", "OJT", "On-the-job training", …
std::string_view program_type_key(ProgramType type);

// Removes control characters (except newline and tab), Unicode bidi overrides and isolates,
// zero-width characters and invalid UTF-8; collapses runs of spaces. Never lets raw bytes
// that could reorder or hide text reach the screen.
std::string clean_text(std::string_view text);

// A college degree is not required by this education text/category.
bool no_degree_from(std::string_view education);

// The text asks for a college degree ("Associate degree in nursing", "bachelor's"), and does not
// say one is not needed.
bool asks_for_degree(std::string_view text);

// No college degree needed to join: apprenticeships, pre-apprenticeships and on-the-job
// training, unless their prerequisites ask for one.
bool program_no_degree(ProgramType type, std::string_view prerequisites);

// ProgramSchedule bits from a schedule as feeds write it, in English or Spanish: "Evenings,
// Monday to Thursday, 5:30 to 9:30 p.m." (evening), "Saturdays, 8 a.m. to 2 p.m." (weekend),
// "Monday to Friday, 9 a.m. to 1 p.m." (daytime). 0 when the text says nothing about it.
std::uint8_t schedule_times(std::string_view text);

}  // namespace kiosk::feeds

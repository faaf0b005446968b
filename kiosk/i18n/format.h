// How the screens say money, pay, counts and ages in the resident's language: ICU for numbers
// and currency (en-US, es-US), the message catalogs for the words around them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/i18n/i18n.h"
#include "kiosk/i18n/language.h"
#include "kiosk/model/enums.h"
#include "kiosk/model/model.h"

namespace kiosk {

// "$18.50", "$52,000": cents only when there are any.
std::string format_money(double usd, Language language);

// "$18.50 an hour", "$17.50 to $19 an hour", "Up to $60,000 a year", "$52,000 a year"; empty
// when the posting gives no pay.
std::string format_pay(Translator& tr, std::optional<double> min, std::optional<double> max,
                       PayUnit unit);
inline std::string format_pay(Translator& tr, const Pay& pay) {
  return format_pay(tr, pay.min, pay.max, pay.unit);
}

// Whole days from `then` to `now` (0 for today, negative when `then` is in the future).
int days_between(std::int64_t then, std::int64_t now);

// "Posted today", "Posted yesterday", "Posted 3 days ago".
std::string format_posted(Translator& tr, std::int64_t posted, std::int64_t now);

// "Updated just now", "Updated 5 minutes ago", "Updated 3 hours ago", "Updated 2 days ago".
std::string format_updated(Translator& tr, std::int64_t updated, std::int64_t now);

// "Full-time, part-time" for EmploymentType bits.
std::string format_job_types(Translator& tr, std::uint8_t types);

// The translated name of a value of a table in kiosk/model/enums.h ("Health care" / "Salud");
// empty for a value without a message (Unknown, Industry::Other).
template <typename E>
std::string enum_name(Translator& tr, E value) {
  const auto* row = row_of(value);
  return row == nullptr || row->message.key.empty() ? std::string() : tr.text(row->message);
}

// The translated name of an industry ("Health care" / "Salud").
std::string industry_name(Translator& tr, Industry industry);

// "Remote", "Hybrid", "On site"; empty for Unknown.
std::string workplace_name(Translator& tr, Workplace workplace);

// schema.org's "no requirements" education (in either language field): say it in words.
bool no_education_required(const LocalText& education);

// "Miami, FL 33136" (or the place's name when it has no city).
std::string place_line(const Place& place);

// What a posting asks for education, in the resident's language: schema.org's credential
// categories ("high school", "bachelor degree", "no requirements", …) by the catalogs, any other
// text as the feed gives it (its Spanish when it has one).
std::string education_text(Translator& tr, const LocalText& education);

// Every place on one line, "; " between them, each with its street (and, with `names`, the
// place's name first: a school's campus).
std::string places_line(const std::vector<Place>& places, bool names);

// A link as a resident can read and type it: no "https://", no "www.", no trailing slash.
std::string short_link(std::string_view url);

}  // namespace kiosk

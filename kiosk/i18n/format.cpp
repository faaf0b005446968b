#include "kiosk/i18n/format.h"

#include <cctype>
#include <cmath>
#include <memory>

#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/unistr.h>

#include "kiosk/model/enums.h"

namespace kiosk {

using namespace literals;

std::string format_money(double usd, Language language) {
  if (!std::isfinite(usd)) return {};
  namespace number = icu::number;
  UErrorCode status = U_ZERO_ERROR;
  const bool whole = std::abs(usd - std::round(usd)) < 0.005;
  const auto formatter =
      number::NumberFormatter::withLocale(icu::Locale(icu_locale(language)))
          .unit(icu::CurrencyUnit(u"USD", status))
          .precision(whole ? number::Precision::integer() : number::Precision::fixedFraction(2));
  const auto formatted = formatter.formatDouble(usd, status);
  if (U_FAILURE(status) != 0) return {};
  std::string out;
  formatted.toString(status).toUTF8String(out);
  if (U_FAILURE(status) != 0) return {};
  return out;
}

std::string format_pay(Translator& tr, std::optional<double> min, std::optional<double> max,
                       PayUnit unit) {
  // Plain numbers, 0 for "not given": a posting's "0" means no pay was listed.
  double low = min.value_or(0);
  double high = max.value_or(0);
  if (!(low > 0)) low = 0;
  if (!(high > 0)) high = 0;
  if (low > 0 && high > 0 && high < low) std::swap(low, high);
  if (low > 0 && std::abs(high - low) < 0.005) high = 0;
  const Language lang = tr.language();
  const std::string_view key = key_of(unit);  // "hour", "year", … ("" when unknown)
  const std::string u = key.empty() ? "other" : std::string(key);
  if (low > 0 && high > 0) {
    return tr.format(
        "pay.range"_msg,
        {{"min", format_money(low, lang)}, {"max", format_money(high, lang)}, {"unit", u}});
  }
  if (low > 0)
    return tr.format("pay.amount"_msg, {{"amount", format_money(low, lang)}, {"unit", u}});
  if (high > 0)
    return tr.format("pay.up_to"_msg, {{"amount", format_money(high, lang)}, {"unit", u}});
  return {};
}

int days_between(std::int64_t then, std::int64_t now) {
  // Whole days, rounding down: a posting from 23 hours ago was posted "today" or "yesterday"
  // by the calendar, but residents read "1 day ago" as "about a day" — count 24-hour days.
  const std::int64_t seconds = now - then;
  if (seconds >= 0) return static_cast<int>(seconds / 86400);
  return -static_cast<int>((-seconds + 86399) / 86400);
}

std::string format_posted(Translator& tr, std::int64_t posted, std::int64_t now) {
  const int days = std::max(0, days_between(posted, now));
  return tr.format("jobs.posted"_msg, {{"days", static_cast<std::int64_t>(days)}});
}

std::string format_updated(Translator& tr, std::int64_t updated, std::int64_t now) {
  const std::int64_t seconds = std::max<std::int64_t>(0, now - updated);
  std::string unit = "now";
  std::int64_t n = 0;
  if (seconds >= std::int64_t{2} * 86400) {
    unit = "days";
    n = seconds / 86400;
  } else if (seconds >= 3600) {
    unit = "hours";
    n = seconds / 3600;
  } else if (seconds >= 60) {
    unit = "minutes";
    n = seconds / 60;
  }
  return tr.format("listings.updated_ago"_msg, {{"unit", unit}, {"n", n}});
}

std::string format_job_types(Translator& tr, std::uint8_t types) {
  std::string out;
  for_each_bit<EmploymentType>(types, [&](const EnumRow<EmploymentType>& row) {
    if (!out.empty()) out += ", ";
    out += tr.text(row.message);
  });
  return out;
}

std::string industry_name(Translator& tr, Industry industry) {
  return enum_name(tr, industry);
}

std::string workplace_name(Translator& tr, Workplace workplace) {
  return enum_name(tr, workplace);
}

bool no_education_required(const LocalText& education) {
  const auto is_none = [](const std::string& s) {
    std::string l;
    for (char c : s) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return l == "no requirements" || l == "none" || l == "no requirement";
  };
  return is_none(education.en) || (education.en.empty() && is_none(education.es));
}

std::string education_text(Translator& tr, const LocalText& education) {
  if (no_education_required(education)) return tr.text("education.none"_msg);
  std::string l;
  for (char c : education.en) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  struct Category {
    std::string_view name;
    MsgKey message;
  };
  static constexpr Category kCategories[] = {
      {"high school", "education.high_school"_msg},
      {"high school diploma", "education.high_school"_msg},
      {"certificate", "education.certificate"_msg},
      {"professional certificate", "education.certificate"_msg},
      {"associate degree", "education.associate"_msg},
      {"bachelor degree", "education.bachelor"_msg},
      {"bachelor's degree", "education.bachelor"_msg},
      {"postgraduate degree", "education.postgraduate"_msg},
  };
  for (const auto& c : kCategories) {
    if (l == c.name) return tr.text(c.message);
  }
  return education.in(tr.language() == Language::Es);
}

std::string place_line(const Place& place) {
  std::string out = place.city;
  if (!place.region.empty()) {
    if (!out.empty()) out += ", ";
    out += place.region;
  }
  if (!place.postal_code.empty()) {
    if (!out.empty()) out += ' ';
    out += place.postal_code;
  }
  if (out.empty()) out = place.name;
  return out;
}

std::string places_line(const std::vector<Place>& places, bool names) {
  std::string where;
  for (const auto& place : places) {
    std::string line = place_line(place);
    if (!place.street.empty()) line.insert(0, place.street + ", ");
    if (names && !place.name.empty() && line != place.name) line.insert(0, place.name + ", ");
    if (line.empty()) continue;
    if (!where.empty()) where += "; ";
    where += line;
  }
  return where;
}

std::string short_link(std::string_view url) {
  for (std::string_view prefix : {"https://", "http://"}) {
    if (url.starts_with(prefix)) {
      url.remove_prefix(prefix.size());
      break;
    }
  }
  if (url.starts_with("www.")) url.remove_prefix(4);
  while (url.ends_with('/')) url.remove_suffix(1);
  return std::string(url);
}

}  // namespace kiosk

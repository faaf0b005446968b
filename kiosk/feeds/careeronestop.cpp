#include "kiosk/feeds/careeronestop.h"

#include <cctype>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "kiosk/base/utf8.h"
#include "kiosk/feeds/api_fields.h"
#include "kiosk/feeds/greenhouse.h"
#include "kiosk/feeds/html_text.h"
#include "kiosk/feeds/normalize.h"

namespace kiosk::feeds {
namespace {

using nlohmann::json;

bool digit_at(std::string_view s, std::size_t i) {
  return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) != 0;
}

// Reads up to `max` digits at `pos`; false when there is none.
bool read_digits(std::string_view s, std::size_t& pos, std::size_t max, int& value) {
  value = 0;
  const std::size_t start = pos;
  while (pos - start < max && digit_at(s, pos)) value = value * 10 + (s[pos++] - '0');
  return pos > start;
}

// "2/13/2024", "2/13/2024 3:05:00 PM": the US way some CareerOneStop answers write dates (as UTC,
// like the other dates without a zone). Nullopt for anything else.
std::optional<std::int64_t> us_date(std::string_view text) {
  const std::string_view s = trim(text);
  std::size_t pos = 0;
  int month = 0;
  int day = 0;
  int year = 0;
  if (!read_digits(s, pos, 2, month) || pos >= s.size() || s[pos++] != '/' ||
      !read_digits(s, pos, 2, day) || pos >= s.size() || s[pos++] != '/' ||
      !read_digits(s, pos, 4, year) || year < 1970 || month < 1 || month > 12 || day < 1 ||
      day > 31) {
    return std::nullopt;
  }
  const auto two = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
  auto date = parse_date(std::to_string(year) + "-" + two(month) + "-" + two(day));
  if (!date) return std::nullopt;
  int hour = 0;
  int minute = 0;
  if (pos < s.size() && s[pos] == ' ' && read_digits(s, ++pos, 2, hour) && pos < s.size() &&
      s[pos] == ':' && read_digits(s, ++pos, 2, minute)) {
    const std::string rest = lower(s.substr(pos));
    if (text_contains(rest, "pm") && hour < 12) hour += 12;
    if (text_contains(rest, "am") && hour == 12) hour = 0;
    if (hour < 24 && minute < 60) *date += hour * 3600 + minute * 60;
  }
  return date;
}

std::optional<std::int64_t> posted_date(const json& job) {
  for (const char* key : {"DatePosted", "AccquisitionDate", "AcquisitionDate"}) {
    const std::string text = text_field(job, key);
    if (text.empty()) continue;
    if (auto date = parse_date(text)) return date;
    if (auto date = us_date(text)) return date;
  }
  return std::nullopt;
}

// "15-1254.00" or "15-1254" at the start of a text; empty when there is none.
std::string onet_code(std::string_view text) {
  const std::string_view t = trim(text);
  if (t.size() < 7 || t[2] != '-') return {};
  for (const std::size_t i : {0, 1, 3, 4, 5, 6}) {
    if (!digit_at(t, i)) return {};
  }
  if (t.size() >= 10 && t[7] == '.' && digit_at(t, 8) && digit_at(t, 9)) {
    return std::string(t.substr(0, 10));
  }
  return std::string(t.substr(0, 7));
}

// OnetCodes: an array of codes (or of objects with one), or one code, or codes in one text.
std::string occupation(const json& job) {
  for (const char* key : {"OnetCodes", "OnetCode", "ONetCode"}) {
    const json* v = json_field(job, key);
    if (v == nullptr) continue;
    if (v->is_array()) {
      for (const auto& e : *v) {
        std::string code = onet_code(e.is_object() ? text_field(e, "OnetCode") : to_text(e));
        if (!code.empty()) return code;
      }
    } else {
      std::string code = onet_code(one_line(to_text(*v)));
      if (!code.empty()) return code;
    }
  }
  return {};
}

std::optional<Job> to_job(const json& item, const std::string& source_url, std::string& why) {
  std::optional<Job> made = new_job(item, "JvId", "JobTitle", source_url, why);
  if (!made) return std::nullopt;
  Job& job = *made;
  job.employer = text_field(item, "Company");
  job.apply_url = web_url(text_field(item, "URL"));
  const LocationText location =
      parse_location_text(text_field(item, "Location", kMaxLocationTextBytes));
  add_places(job.locations, location.places);
  job.workplace = location.workplace;
  // A job read by its id carries the whole description; a list, a snippet of it.
  std::string description = raw_field(item, "Description");
  if (clean_text(description).empty()) description = raw_field(item, "DescriptionSnippet");
  job.description.en = description_blocks(description);
  job.posted = posted_date(item);
  job.occupation_code = occupation(item);
  if (!job.occupation_code.empty()) job.industry = industry("", job.occupation_code);
  return made;
}

}  // namespace

bool looks_like_careeronestop(std::string_view head) {
  return text_contains(head, "\"JobsKeywordLocations\"") || text_contains(head, "\"JvId\"") ||
         ((text_contains(head, "\"Jobcount\"") || text_contains(head, "\"JobCount\"")) &&
          text_contains(head, "\"Jobs\""));
}

ParseResult parse_careeronestop(std::string_view body, const std::string& source_url) {
  return read_api_body(body, "CareerOneStop", [&](const json& doc) -> ParseResult {
    if (!doc.is_object()) {
      return ParseError{"a CareerOneStop answer must be a JSON object with \"Jobs\" or job counts"};
    }
    ParsedFeed feed;
    feed.source_total = count_field(doc, "JobCount");
    if (!feed.source_total) feed.source_total = count_field(doc, "Jobcount");
    const json* jobs = json_field(doc, "Jobs");
    const bool single =
        json_field(doc, "JvId") != nullptr && json_field(doc, "JobTitle") != nullptr;
    const json* searched = json_field(doc, "JobsKeywordLocations");
    const bool has_list = jobs != nullptr && jobs->is_array() && !jobs->empty();
    const std::string error = text_field(doc, "ErrorMessage");
    const std::string said = error.substr(0, utf8::cut(error, 200));
    if (!has_list && !single && !error.empty() && !feed.source_total) {
      return ParseError{"CareerOneStop answered with an error: " + said};
    }
    if ((jobs != nullptr && !jobs->is_array()) ||
        (jobs == nullptr && !single && !feed.source_total &&
         (searched == nullptr || !searched->is_object()))) {
      return ParseError{
          "not a CareerOneStop job search answer (no \"Jobs\" list, job count or "
          "\"JobsKeywordLocations\")"};
    }
    if (!error.empty()) feed.warnings.push_back("CareerOneStop said: " + said);
    if (!has_list && !single) {
      feed.counts_only = true;  // counts only: zero jobs, and the sync says so
      return feed;
    }
    read_jobs(
        has_list ? *jobs : doc, single && !has_list, "CareerOneStop job", "JvId",
        [&](const json& item, std::string& why) { return to_job(item, source_url, why); }, feed);
    return feed;
  });
}

}  // namespace kiosk::feeds

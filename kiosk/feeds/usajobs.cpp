#include "kiosk/feeds/usajobs.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/feeds/api_fields.h"
#include "kiosk/feeds/bounds.h"
#include "kiosk/feeds/greenhouse.h"
#include "kiosk/feeds/normalize.h"

namespace kiosk::feeds {
namespace {

using nlohmann::json;

// The texts of a field that is a string or an array of strings (MajorDuties, KeyRequirements).
std::vector<std::string> strings_of(const json& obj, std::string_view key) {
  std::vector<std::string> out;
  const json* v = json_field(obj, key);
  if (v == nullptr) return out;
  if (v->is_string()) {
    out.push_back(v->get<std::string>());
  } else if (v->is_array()) {
    for (const auto& e : *v) {
      if (e.is_string()) out.push_back(e.get<std::string>());
    }
  }
  return out;
}

std::vector<std::string> split(std::string_view s, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t end = s.find(separator, start);
    const std::string part = one_line(trim(s.substr(start, end - start)));
    if (!part.empty()) parts.push_back(part);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

// ---- Places -------------------------------------------------------------------------------------

struct FederalPlace {
  std::optional<Place> place;
  bool remote = false;
};

// "Warren, Michigan", "Gunter AFB, Alabama, Alabama" (the flattened records repeat the state),
// "Pentagon, Arlington, Virginia", "Yokosuka Naval Base, Japan". No place for
// "Anywhere in the U.S. (remote job)", "Location Negotiable After Selection" or "Multiple
// Locations": they name no place a resident could travel to.
FederalPlace federal_place(std::string_view text) {
  FederalPlace out;
  const std::string low = lower(text);
  out.remote = text_contains(low, "remote");
  if (out.remote || text_contains(low, "anywhere") || text_contains(low, "negotiable") ||
      text_contains(low, "multiple locations")) {
    return out;
  }
  std::vector<std::string> parts = split(text, ',');
  while (parts.size() >= 2 && lower(parts.back()) == lower(parts[parts.size() - 2])) {
    parts.pop_back();
  }
  if (parts.empty()) return out;
  Place place;
  if (const auto state = us_state_code(parts.back())) {
    place.region = *state;
    place.country = "US";
    parts.pop_back();
  } else if (parts.size() >= 2 || country_code(parts.back()).size() == 2) {
    place.country = country_code(parts.back());
    parts.pop_back();
  }
  if (!parts.empty()) {
    place.city = std::move(parts.back());
    parts.pop_back();
  }
  for (const auto& part : parts) {  // "Pentagon" in "Pentagon, Arlington, Virginia"
    place.name += (place.name.empty() ? "" : ", ") + part;
  }
  out.place = std::move(place);
  return out;
}

void add_federal_place(Job& job, const FederalPlace& found) {
  if (found.remote) job.workplace = Workplace::Remote;
  if (found.place) add_places(job.locations, {*found.place});
}

// PositionLocation[]: LocationName ("Warren, Michigan"), CityName (the same, or the city alone),
// CountrySubDivisionCode ("Michigan"), CountryCode ("United States").
void read_locations(const json& d, Job& job) {
  for (const json* location : object_entries(d, "PositionLocation")) {
    if (job.locations.size() >= kMaxPlaces) break;
    std::string name = text_field(*location, "LocationName", kMaxLocationTextBytes);
    if (name.empty()) name = text_field(*location, "CityName", kMaxLocationTextBytes);
    if (name.empty()) name = text_field(*location, "City", kMaxLocationTextBytes);
    FederalPlace found = federal_place(name);
    if (found.place) {
      Place& place = *found.place;
      const std::string state = text_field(*location, "CountrySubDivisionCode");
      if (place.region.empty() && !state.empty()) {
        place.region = us_state_code(state).value_or(state);
      }
      if (place.country.empty()) place.country = country_code(text_field(*location, "CountryCode"));
    }
    add_federal_place(job, found);
  }
  if (job.locations.empty() && job.workplace != Workplace::Remote) {
    const std::string display = text_field(d, "PositionLocationDisplay", kMaxLocationTextBytes);
    const std::string low = lower(display);
    if (!text_contains(low, "multiple") && !text_contains(low, "negotiable")) {
      const LocationText found = parse_location_text(display);
      add_places(job.locations, found.places);
      if (found.workplace != Workplace::Unknown) job.workplace = found.workplace;
    }
  }
}

// The flattened records' "location": places separated by semicolons.
void read_location_list(std::string_view text, Job& job) {
  for (const auto& piece : split(text, ';')) {
    if (job.locations.size() >= kMaxPlaces) break;
    add_federal_place(job, federal_place(piece));
  }
}

// ---- Pay, schedule, appointment -----------------------------------------------------------------

// RateIntervalCode: PA per year, PH per hour, PD per day, PW per week, PM per month, BW every two
// weeks (halved to a week), WC without compensation; "Per Year" and the like in Description.
void read_pay(const json& d, Pay& pay) {
  for (const json* r : object_entries(d, "PositionRemuneration")) {
    std::string code = text_field(*r, "RateIntervalCode");
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (code == "WC") continue;
    const std::optional<double> min = amount_field(*r, "MinimumRange");
    const std::optional<double> max = amount_field(*r, "MaximumRange");
    if (!min && !max) continue;
    double divisor = 1;
    if (code == "PA") {
      pay.unit = PayUnit::Year;
    } else if (code == "PH") {
      pay.unit = PayUnit::Hour;
    } else if (code == "PD") {
      pay.unit = PayUnit::Day;
    } else if (code == "PW") {
      pay.unit = PayUnit::Week;
    } else if (code == "PM") {
      pay.unit = PayUnit::Month;
    } else if (code == "BW") {
      pay.unit = PayUnit::Week;
      divisor = 2;
    } else {
      pay.unit = pay_unit(text_field(*r, "Description"));
    }
    if (min) pay.min = *min / divisor;
    if (max) pay.max = *max / divisor;
    break;
  }
}

// Flattened records: min_salary and max_salary without an interval. Federal pay plans are yearly
// salaries or hourly wages; the amount tells which.
void read_flat_pay(const json& record, Pay& pay) {
  pay.min = amount_field(record, "min_salary");
  pay.max = amount_field(record, "max_salary");
  if (!pay.min && !pay.max) return;
  const double amount = pay.max ? *pay.max : *pay.min;
  if (amount >= 10000) pay.unit = PayUnit::Year;
  if (amount <= 200) pay.unit = PayUnit::Hour;
}

void order_pay(Pay& pay) {
  if (pay.min && pay.max && *pay.min > *pay.max) std::swap(pay.min, pay.max);
}

// PositionSchedule[]: Name ("Full-time", "Part-time", "Intermittent", "Job sharing", …) or, when
// the name is empty, Code (1 full-time, 2 part-time, 3 shift work, 4 intermittent, 5 job
// sharing, 6 multiple schedules). Intermittent work and job sharing are less than full time:
// part-time is the filter a resident looking for them chooses.
std::uint8_t schedule_types(const json& d) {
  std::uint8_t bits = 0;
  for (const json* s : object_entries(d, "PositionSchedule")) {
    const std::string name = lower(text_field(*s, "Name"));
    if (!name.empty()) {
      bits |= employment_types_in(name);
      if (text_contains(name, "intermittent") || text_contains(name, "job shar")) bits |= kPartTime;
      continue;
    }
    const std::string code = text_field(*s, "Code");
    if (code == "1") bits |= kFullTime;
    if (code == "2" || code == "4" || code == "5") bits |= kPartTime;
  }
  return bits;
}

// An appointment or offering type ("Permanent", "Temporary", "Term", "Seasonal", "Internships",
// "This position is to be filled as a TEMPORARY position Not-to-Exceed (NTE) 5 Years.").
std::uint8_t appointment_types(std::string_view text) {
  std::uint8_t bits = 0;
  std::string word;
  const std::string low = lower(text.substr(0, 500));
  for (std::size_t i = 0; i <= low.size(); ++i) {
    const char c = i < low.size() ? low[i] : ' ';
    if (std::isalpha(static_cast<unsigned char>(c)) != 0) {
      word += c;
      continue;
    }
    if (word == "temporary" || word == "term" || word == "seasonal") bits |= kTemporary;
    if (word == "intern" || word == "internship" || word == "internships" || word == "pathways") {
      bits |= kInternship;
    }
    word.clear();
  }
  return bits;
}

// ---- Other fields -------------------------------------------------------------------------------

// "0801", "801" or "1701 - General Education And Training" → the four-digit series; empty when
// the text does not start with one.
std::string series_code(std::string_view text) {
  const std::string_view t = trim(text);
  std::size_t n = 0;
  while (n < t.size() && std::isdigit(static_cast<unsigned char>(t[n])) != 0) ++n;
  if (n == 0 || n > 4) return {};
  return std::string(4 - n, '0') + std::string(t.substr(0, n));
}

// The agency with its department when the department adds something: "United States Army
// Futures Command, Department of the Army"; the agency alone when that would be too long for a
// card, or when the department is only a bucket ("Other Agencies and Independent
// Organizations", "Unknown").
std::string federal_employer(const std::string& agency, const std::string& department) {
  const std::string dept = lower(department);
  const bool bucket = dept.empty() || dept == "unknown" || dept.starts_with("other agencies");
  if (agency.empty()) return bucket ? std::string() : department;
  if (bucket || text_contains(lower(agency), dept)) return agency;
  std::string both = agency + ", " + department;
  return both.size() <= kOrgBytes ? both : agency;
}

// USAJOBS gives dates in Eastern time, and an announcement closes at 11:59 PM Eastern on its
// closing day: the posting is shown until the end of that day in Miami (at standard time; an
// hour longer in summer, never shorter).
constexpr std::int64_t kEndOfEasternDay = 86400 + 5 * 3600 - 1;

std::optional<std::int64_t> closing_time(std::string_view text) {
  const std::string_view t = trim(text);
  const auto day = parse_date(t.substr(0, 10));
  if (!day) return std::nullopt;
  return *day + kEndOfEasternDay;
}

// The number an announcement has on usajobs.gov, from its link (…/job/846709300,
// …/GetJob/ViewDetails/793682000?…).
std::string number_in_url(std::string_view url) {
  url = url.substr(0, url.find_first_of("?#"));
  const std::size_t slash = url.find_last_of('/');
  if (slash == std::string_view::npos) return {};
  const std::string_view last = url.substr(slash + 1);
  const bool digits = !last.empty() && std::all_of(last.begin(), last.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
  return digits ? std::string(last) : std::string();
}

bool set_title(Job& job, std::string title, std::string& why) {
  if (job.id.empty()) {
    why = "no id";
    return false;
  }
  if (title.empty()) {
    why = "no title";
    return false;
  }
  job.title.en = std::move(title);
  job.language = "en";
  return true;
}

// ---- The Search API -----------------------------------------------------------------------------

RichText api_description(const json& d) {
  RichText out;
  const json* user_area = json_field(d, "UserArea");
  const json* details = user_area != nullptr ? json_field(*user_area, "Details") : nullptr;
  const json none;
  const json& x = details != nullptr ? *details : none;  // read as nothing unless an object
  append_section(out, "Summary", raw_field(x, "JobSummary"));
  append_list_section(out, "Duties", strings_of(x, "MajorDuties"));
  append_list_section(out, "Conditions of employment", strings_of(x, "KeyRequirements"));
  append_section(out, "Requirements", raw_field(x, "Requirements"));
  append_section(out, "Qualifications", raw_field(d, "QualificationSummary"));
  append_section(out, "Education", raw_field(x, "Education"));
  append_section(out, "How you will be evaluated", raw_field(x, "Evaluations"));
  append_section(out, "Required documents", raw_field(x, "RequiredDocuments"));
  append_section(out, "How to apply", raw_field(x, "HowToApply"));
  return out;
}

std::optional<Job> api_job(const json& item, const std::string& source_url, std::string& why) {
  if (!item.is_object()) {
    why = "not a JSON object";
    return std::nullopt;
  }
  const json* descriptor = json_field(item, "MatchedObjectDescriptor");
  if (descriptor == nullptr && json_field(item, "PositionTitle") != nullptr) descriptor = &item;
  if (descriptor == nullptr || !descriptor->is_object()) {
    why = "no MatchedObjectDescriptor object";
    return std::nullopt;
  }
  const json& d = *descriptor;
  Job job;
  job.id = text_field(item, "MatchedObjectId");
  if (job.id.empty()) job.id = text_field(d, "MatchedObjectId");
  if (job.id.empty()) job.id = text_field(d, "PositionID");
  if (!set_title(job, text_field(d, "PositionTitle"), why)) return std::nullopt;
  job.source = source_url;
  job.employer =
      federal_employer(text_field(d, "OrganizationName"), text_field(d, "DepartmentName"));
  job.description.en = api_description(d);

  if (const json* apply = first_of(d, "ApplyURI"))
    job.apply_url = web_url(one_line(to_text(*apply)));
  if (job.apply_url.empty()) job.apply_url = web_url(text_field(d, "PositionURI"));

  read_locations(d, job);
  read_pay(d, job.pay);
  order_pay(job.pay);
  job.employment_types = schedule_types(d);
  for (const json* offering : object_entries(d, "PositionOfferingType")) {
    job.employment_types |= appointment_types(text_field(*offering, "Name"));
  }

  if (const json* category = first_of(d, "JobCategory"); category != nullptr) {
    job.occupation_series = series_code(text_field(*category, "Code"));
    const Industry found = industry(text_field(*category, "Name"), "");
    if (found != Industry::Other) job.industry = found;
  }

  job.posted = parse_date(text_field(d, "PublicationStartDate"));
  if (!job.posted) job.posted = parse_date(text_field(d, "PositionStartDate"));
  job.valid_through = closing_time(text_field(d, "ApplicationCloseDate"));
  if (!job.valid_through) job.valid_through = closing_time(text_field(d, "PositionEndDate"));

  if (const json* user_area = json_field(d, "UserArea"); user_area != nullptr) {
    if (const json* details = json_field(*user_area, "Details"); details != nullptr) {
      if (flag_field(*details, "TeleworkEligible") && job.workplace != Workplace::Remote) {
        job.workplace = Workplace::Hybrid;
      }
      if (flag_field(*details, "RemoteIndicator")) job.workplace = Workplace::Remote;
      job.education.en = text_field(*details, "Education");
    }
  }
  return job;
}

ParseResult parse_search_result(const json& result, const std::string& source_url) {
  if (!result.is_object()) return ParseError{"the USAJOBS \"SearchResult\" is not an object"};
  ParsedFeed feed;
  feed.source_total = count_field(result, "SearchResultCountAll");
  if (const json* user_area = json_field(result, "UserArea")) {
    feed.source_pages = count_field(*user_area, "NumberOfPages");
  }
  const json* items = json_field(result, "SearchResultItems");
  if (items == nullptr || !items->is_array()) {
    if (items != nullptr || (!feed.source_total && !count_field(result, "SearchResultCount"))) {
      return ParseError{"the USAJOBS answer has no \"SearchResultItems\" list and no counts"};
    }
    feed.counts_only = true;
    return feed;
  }
  feed.counts_only = items->empty();
  read_jobs(
      *items, /*single=*/false, "USAJOBS job", "MatchedObjectId",
      [&](const json& item, std::string& why) { return api_job(item, source_url, why); }, feed);
  return feed;
}

// ---- The flattened records ----------------------------------------------------------------------

bool is_flat_record(const json& v) {
  if (!v.is_object()) return false;
  const bool titled =
      json_field(v, "position_title") != nullptr || json_field(v, "title") != nullptr;
  return titled &&
         (json_field(v, "control_number") != nullptr || json_field(v, "usajobs_url") != nullptr);
}

std::optional<Job> flat_job(const json& record, const std::string& source_url, std::string& why) {
  if (!record.is_object()) {
    why = "not a JSON object";
    return std::nullopt;
  }
  std::string url = text_field(record, "usajobs_url");
  if (url.empty()) url = text_field(record, "url");
  Job job;
  job.id = text_field(record, "control_number");
  if (job.id.empty()) job.id = number_in_url(url);
  std::string title = text_field(record, "position_title");
  if (title.empty()) title = text_field(record, "title");
  if (!set_title(job, std::move(title), why)) return std::nullopt;
  job.source = source_url;
  job.apply_url = web_url(url);
  std::string agency = text_field(record, "agency");
  if (agency.empty()) agency = text_field(record, "organization");
  job.employer = federal_employer(agency, text_field(record, "department"));
  append_section(job.description.en, "Duties", raw_field(record, "duties"));
  append_section(job.description.en, "Qualifications", raw_field(record, "qualifications"));
  read_location_list(text_field(record, "location", kMaxLocationTextBytes), job);
  read_flat_pay(record, job.pay);
  order_pay(job.pay);
  job.employment_types = appointment_types(text_field(record, "appointment_type"));
  if (const json* series = first_of(record, "occupation_series")) {
    job.occupation_series = series_code(to_text(*series));
  }
  if (flag_field(record, "telework") && job.workplace != Workplace::Remote) {
    job.workplace = Workplace::Hybrid;
  }
  job.posted = parse_date(text_field(record, "open_date"));
  job.valid_through = closing_time(text_field(record, "close_date"));
  return job;
}

// The records: the document itself when it is an array, else the first array member that holds
// them ({"jobs": […]}); the document alone when it is one record.
const json* flat_records(const json& doc, bool& single) {
  single = false;
  if (doc.is_array()) return &doc;
  if (!doc.is_object()) return nullptr;
  if (is_flat_record(doc)) {
    single = true;
    return &doc;
  }
  for (const auto& [key, value] : doc.items()) {
    if (value.is_array() && std::any_of(value.begin(), value.end(), is_flat_record)) {
      return &value;
    }
  }
  return nullptr;
}

ParseResult parse_flat(const json& doc, const std::string& source_url) {
  bool single = false;
  const json* records = flat_records(doc, single);
  if (records == nullptr || (!single && !records->empty() &&
                             std::none_of(records->begin(), records->end(), is_flat_record))) {
    return ParseError{
        "not a USAJOBS answer: no \"SearchResult\" and no records with a position_title and a "
        "control_number or usajobs_url"};
  }
  ParsedFeed feed;
  read_jobs(
      *records, single, "USAJOBS record", "control_number",
      [&](const json& record, std::string& why) { return flat_job(record, source_url, why); },
      feed);
  return feed;
}

}  // namespace

bool looks_like_usajobs(std::string_view head) {
  if (text_contains(head, "\"SearchResultItems\"") ||
      text_contains(head, "\"MatchedObjectDescriptor\"")) {
    return true;
  }
  const bool control = text_contains(head, "\"control_number\"");
  return (control &&
          (text_contains(head, "\"position_title\"") || text_contains(head, "usajobs.gov"))) ||
         (text_contains(head, "\"position_title\"") && text_contains(head, "\"usajobs_url\""));
}

ParseResult parse_usajobs(std::string_view body, const std::string& source_url) {
  return read_api_body(body, "USAJOBS", [&](const json& doc) {
    if (const json* result = json_field(doc, "SearchResult")) {
      return parse_search_result(*result, source_url);
    }
    return parse_flat(doc, source_url);
  });
}

}  // namespace kiosk::feeds

#include "kiosk/feeds/ashby.h"

#include <cctype>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "kiosk/feeds/api_fields.h"
#include "kiosk/feeds/greenhouse.h"
#include "kiosk/feeds/html_text.h"
#include "kiosk/feeds/normalize.h"

namespace kiosk::feeds {
namespace {

using nlohmann::json;

// address.postalAddress {addressLocality, addressRegion, postalCode, addressCountry,
// streetAddress} → a place; nullopt when it names neither a city, a region nor a country.
std::optional<Place> postal_place(const json& owner) {
  const json* address = json_field(owner, "address");
  const json* postal = address != nullptr ? json_field(*address, "postalAddress") : nullptr;
  if (postal == nullptr || !postal->is_object()) return std::nullopt;
  Place place;
  place.street = text_field(*postal, "streetAddress");
  place.city = text_field(*postal, "addressLocality");
  place.postal_code = text_field(*postal, "postalCode");
  const std::string country = text_field(*postal, "addressCountry");
  if (!country.empty()) place.country = country_code(country);
  const std::string region = text_field(*postal, "addressRegion");
  const auto state = us_state_code(region);
  if (state && (place.country.empty() || place.country == "US")) {
    place.region = *state;
    place.country = "US";
  } else {
    place.region = region;
  }
  if (place.city.empty() && place.region.empty() && place.country.empty()) return std::nullopt;
  return place;
}

// One location: its postal address when it has one, else its text ("Remote - European Union",
// "Miami, FL"). The text still tells remote or hybrid.
Workplace add_location(const json& owner, const char* text_key, Job& job) {
  const LocationText found =
      parse_location_text(text_field(owner, text_key, kMaxLocationTextBytes));
  if (auto place = postal_place(owner)) {
    add_places(job.locations, {*place});
  } else {
    add_places(job.locations, found.places);
  }
  return found.workplace;
}

Workplace workplace_type(std::string_view text) {
  const std::string t = lower(text);
  if (t == "remote") return Workplace::Remote;
  if (t == "hybrid") return Workplace::Hybrid;
  if (t == "onsite" || t == "on-site" || t == "on_site") return Workplace::Onsite;
  return Workplace::Unknown;
}

// compensation.summaryComponents[]: the one of compensationType "Salary" (others are bonus,
// equity, commission), with minValue, maxValue, interval ("1 YEAR", "1 HOUR") and currencyCode.
void read_pay(const json& job, Pay& pay) {
  const json* compensation = json_field(job, "compensation");
  if (compensation == nullptr) return;
  for (const json* part : object_entries(*compensation, "summaryComponents")) {
    if (lower(text_field(*part, "compensationType")) != "salary") continue;
    pay.min = amount_field(*part, "minValue");
    pay.max = amount_field(*part, "maxValue");
    if (!pay.min && !pay.max) continue;
    if (pay.min && pay.max && *pay.min > *pay.max) std::swap(pay.min, pay.max);
    const std::string interval = lower(trim(text_field(*part, "interval")));
    if (interval.starts_with("1 ")) pay.unit = pay_unit(interval.substr(2));
    std::string currency = text_field(*part, "currencyCode");
    for (char& c : currency) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (currency.size() == 3) pay.currency = currency;
    return;
  }
}

std::string employer(const json& item, const std::string& source_url) {
  for (const std::string& url :
       {source_url, text_field(item, "jobUrl"), text_field(item, "applyUrl")}) {
    std::string name = employer_from_ats_url(url);
    if (!name.empty()) return name;
  }
  return {};
}

std::optional<Job> to_job(const json& item, const std::string& source_url, std::string& why) {
  std::optional<Job> made = new_job(item, "id", "title", source_url, why);
  if (!made) return std::nullopt;
  Job& job = *made;
  job.employer = employer(item, source_url);
  job.apply_url = web_url(text_field(item, "applyUrl"));
  if (job.apply_url.empty()) job.apply_url = web_url(text_field(item, "jobUrl"));

  const std::string html = raw_field(item, "descriptionHtml");
  job.description.en = clean_text(html).empty()
                           ? text_to_blocks(raw_field(item, "descriptionPlain"))
                           : html_to_blocks(html);

  Workplace from_text = add_location(item, "location", job);
  for (const json* secondary : object_entries(item, "secondaryLocations")) {
    const Workplace found = add_location(*secondary, "location", job);
    if (from_text == Workplace::Unknown) from_text = found;
  }
  job.workplace = workplace_type(text_field(item, "workplaceType"));
  if (job.workplace == Workplace::Unknown && flag_field(item, "isRemote")) {
    job.workplace = Workplace::Remote;
  }
  if (job.workplace == Workplace::Unknown) job.workplace = from_text;

  job.employment_types = employment_types_in(text_field(item, "employmentType"));
  for (const char* key : {"department", "team"}) {
    const Industry found = industry(text_field(item, key), "");
    if (job.industry == Industry::Unknown && found != Industry::Other) job.industry = found;
  }
  job.posted = parse_date(text_field(item, "publishedAt"));
  read_pay(item, job.pay);
  return made;
}

// isListed false (or "false"): the employer took the job off its board. Any other value, or
// none, leaves it listed.
bool unlisted(const json& item) {
  const json* listed = json_field(item, "isListed");
  if (listed == nullptr) return false;
  if (listed->is_boolean()) return !listed->get<bool>();
  return listed->is_string() && lower(trim(listed->get<std::string>())) == "false";
}

}  // namespace

bool looks_like_ashby(std::string_view head) {
  return text_contains(head, "\"jobUrl\"") &&
         (text_contains(head, "\"isListed\"") || text_contains(head, "\"apiVersion\"") ||
          text_contains(head, "\"workplaceType\""));
}

ParseResult parse_ashby(std::string_view body, const std::string& source_url) {
  return read_api_body(body, "Ashby", [&](const json& doc) -> ParseResult {
    if (!doc.is_object()) {
      return ParseError{"an Ashby job board must be a JSON object with a \"jobs\" array"};
    }
    const json* jobs = json_field(doc, "jobs");
    const bool single = json_field(doc, "id") != nullptr && json_field(doc, "title") != nullptr &&
                        json_field(doc, "jobUrl") != nullptr;
    if ((jobs == nullptr || !jobs->is_array()) && !single) {
      return ParseError{"no \"jobs\" array and not a single Ashby job (id, title and jobUrl)"};
    }
    ParsedFeed feed;
    read_jobs(
        single ? doc : *jobs, single, "Ashby job", "id",
        [&](const json& item, std::string& why) -> std::optional<Job> {
          if (unlisted(item)) return std::nullopt;  // without a reason: no warning
          return to_job(item, source_url, why);
        },
        feed);
    return feed;
  });
}

}  // namespace kiosk::feeds

#include "kiosk/feeds/jsonld.h"

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "kiosk/feeds/greenhouse.h"
#include "kiosk/feeds/html_text.h"
#include "kiosk/feeds/normalize.h"
#include "kiosk/feeds/opening_hours.h"
#include "kiosk/model/enums.h"

namespace kiosk::feeds {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxItems = 500000;

// The @type of an item, without a schema.org prefix; the first one when it is an array.
std::string type_of(const json& item) {
  const auto it = item.find("@type");
  if (it == item.end()) return {};
  std::string t = it->is_array() && !it->empty() ? to_text((*it)[0]) : to_text(*it);
  for (const char* prefix : {"http://schema.org/", "https://schema.org/", "schema:"}) {
    if (t.starts_with(prefix)) t = t.substr(std::string_view(prefix).size());
  }
  return t;
}

bool has_type(const json& item, std::string_view wanted) {
  const auto it = item.find("@type");
  if (it == item.end()) return false;
  if (it->is_array()) {
    return std::any_of(it->begin(), it->end(), [&](const json& t) {
      const std::string s = to_text(t);
      return s == wanted || s.ends_with("/" + std::string(wanted));
    });
  }
  return type_of(item) == wanted;
}

const json* field(const json& item, std::string_view key) {
  return json_field(item, key);
}

// Placeholders some ATS exports put where they have nothing.
bool placeholder(std::string_view s) {
  const std::string l = lower(std::string(s));
  return l == "unavailable" || l == "n/a" || l == "na" || l == "none" || l == "null" || l == "-";
}

std::string clean(std::string_view s) {
  std::string out =
      clean_text(s.find('&') != std::string_view::npos ? decode_html_entities(s) : std::string(s));
  return placeholder(out) ? std::string() : out;
}

// Plain text of a value; "en"/"es" tagged values are chosen by `lang` when given.
std::string text_of(const json* v, std::string_view lang = {}) {
  if (v == nullptr) return {};
  if (v->is_array()) {
    std::string fallback;
    for (const auto& e : *v) {
      const json* tag = field(e, "@language");
      std::string t = clean(to_text(e));
      if (t.empty()) continue;
      if (tag != nullptr && !lang.empty() && lower(to_text(*tag)).starts_with(lang)) return t;
      if (tag == nullptr && fallback.empty()) fallback = t;
      if (lang.empty() && fallback.empty()) fallback = t;
    }
    return fallback;
  }
  if (v->is_object()) {
    if (const json* name = field(*v, "name")) return text_of(name, lang);
    if (const json* value = field(*v, "@value")) return clean(to_text(*value));
    return {};
  }
  return clean(to_text(*v));
}

bool tagged(const json* v) {
  if (v == nullptr) return false;
  if (v->is_object()) return v->contains("@language");
  if (v->is_array()) {
    return std::any_of(v->begin(), v->end(),
                       [](const json& e) { return e.is_object() && e.contains("@language"); });
  }
  return false;
}

// Bilingual text: tagged values go to their language; an untagged value goes to the item's
// language (inLanguage), English when unknown.
LocalText local_text(const json* v, bool item_spanish) {
  LocalText out;
  if (v == nullptr) return out;
  if (tagged(v)) {
    out.en = text_of(v, "en");
    out.es = text_of(v, "es");
    if (out.en.empty() && out.es.empty()) out.en = text_of(v);
    return out;
  }
  (item_spanish ? out.es : out.en) = text_of(v);
  return out;
}

RichText blocks_of(std::string_view raw) {
  std::string text(raw);
  if (text.find("&lt;") != std::string::npos) text = decode_html_entities(text);  // escaped HTML
  return description_blocks(text);
}

std::string raw_text_of(const json* v, std::string_view lang) {
  if (v == nullptr) return {};
  if (v->is_array()) {
    std::string fallback;
    for (const auto& e : *v) {
      const json* tag = field(e, "@language");
      std::string t = to_text(e);
      if (t.empty()) continue;
      if (tag != nullptr && lower(to_text(*tag)).starts_with(lang)) return t;
      if (fallback.empty()) fallback = t;
    }
    return fallback;
  }
  return to_text(*v);
}

LocalRichText rich_text(const json* v, bool item_spanish) {
  LocalRichText out;
  if (v == nullptr) return out;
  if (tagged(v)) {
    out.en = blocks_of(raw_text_of(v, "en"));
    out.es = blocks_of(raw_text_of(v, "es"));
    return out;
  }
  (item_spanish ? out.es : out.en) = blocks_of(raw_text_of(v, ""));
  return out;
}

std::string language_of(const json& item) {
  const json* v = field(item, "inLanguage");
  if (v == nullptr) return {};
  if (v->is_array()) {
    std::string all;
    for (const auto& e : *v) {
      const std::string code = lower(text_of(&e)).substr(0, 2);
      if (code.empty()) continue;
      if (!all.empty()) all += ',';
      all += code;
    }
    return all;
  }
  return lower(text_of(v)).substr(0, 2);
}

// additionalProperty PropertyValues, wherever a feed hid them.
// The additionalProperty PropertyValue named `name` (by name or propertyID), whole.
const json* property_node(const json& item, std::string_view name) {
  const json* props = field(item, "additionalProperty");
  if (props == nullptr) return nullptr;
  const auto matches = [&](const json& p) {
    if (!p.is_object()) return false;
    const json* n = field(p, "name");
    const json* id = field(p, "propertyID");
    return (n != nullptr && to_text(*n) == name) || (id != nullptr && to_text(*id) == name);
  };
  if (props->is_object()) return matches(*props) ? props : nullptr;
  if (props->is_array()) {
    for (const auto& p : *props) {
      if (matches(p)) return &p;
    }
  }
  return nullptr;
}

const json* property(const json& item, std::string_view name) {
  const json* p = property_node(item, name);
  return p == nullptr ? nullptr : field(*p, "value");
}

bool flag(const json& item, std::string_view name) {
  const json* v = property(item, name);
  if (v == nullptr) return false;
  if (v->is_boolean()) return v->get<bool>();
  std::string t = lower(to_text(*v));
  return t == "true" || t == "yes" || t == "1";
}

Place place_of(const json& p) {
  Place place;
  if (p.is_string()) {
    place.name = clean(p.get<std::string>());
    return place;
  }
  place.name = text_of(field(p, "name"));
  const json* a = field(p, "address");
  if (a != nullptr && a->is_string()) {
    place.street = clean(a->get<std::string>());
  } else if (a != nullptr && a->is_object()) {
    place.street = text_of(field(*a, "streetAddress"));
    place.city = text_of(field(*a, "addressLocality"));
    place.region = text_of(field(*a, "addressRegion"));
    place.postal_code = text_of(field(*a, "postalCode"));
    const std::string country = text_of(field(*a, "addressCountry"));
    place.country = country.empty() ? std::string() : country_code(country);
  }
  return place;
}

std::vector<Place> places_of(const json* v) {
  std::vector<Place> out;
  if (v == nullptr) return out;
  const auto add = [&](const json& p) {
    Place place = place_of(p);
    if (!place.name.empty() || !place.city.empty() || !place.street.empty() ||
        !place.region.empty()) {
      out.push_back(std::move(place));
    }
  };
  if (v->is_array()) {
    for (const auto& p : *v) add(p);
  } else {
    add(*v);
  }
  return out;
}

bool mentions_telecommute(const json& v) {
  if (v.is_string()) {
    std::string t = lower(v.get<std::string>());
    return t.find("telecommute") != std::string::npos || t == "remote";
  }
  if (v.is_array() || v.is_object()) {
    return std::any_of(v.begin(), v.end(), [](const json& e) { return mentions_telecommute(e); });
  }
  return false;
}

Pay pay_of(const json& item, const json* salary) {
  Pay pay;
  if (salary == nullptr) return pay;
  if (const json* currency = field(item, "salaryCurrency")) pay.currency = text_of(currency);
  if (salary->is_object()) {
    if (const json* c = field(*salary, "currency")) pay.currency = text_of(c);
    const json* value = field(*salary, "value");
    const json* unit = field(*salary, "unitText");
    if (value != nullptr && value->is_object()) {
      if (const json* u = field(*value, "unitText")) unit = u;
      pay.min = field(*value, "minValue") != nullptr ? to_number(*field(*value, "minValue"))
                                                     : std::nullopt;
      pay.max = field(*value, "maxValue") != nullptr ? to_number(*field(*value, "maxValue"))
                                                     : std::nullopt;
      if (!pay.min && !pay.max && field(*value, "value") != nullptr)
        pay.min = to_number(*field(*value, "value"));
    } else if (value != nullptr) {
      pay.min = to_number(*value);
    }
    if (const json* median = field(*salary, "median")) {  // MonetaryAmountDistribution
      if (!pay.min) pay.min = to_number(*median);
    }
    if (unit != nullptr) pay.unit = pay_unit(text_of(unit));
  } else {
    pay.min = to_number(*salary);  // "100000"
  }
  if (pay.min && pay.max && *pay.min > *pay.max) std::swap(pay.min, pay.max);
  if (pay.unit == PayUnit::Unknown && (pay.min || pay.max)) {
    const double amount = pay.min.value_or(pay.max.value_or(0));
    pay.unit = amount >= 1000               ? PayUnit::Year
               : amount > 0 && amount < 300 ? PayUnit::Hour
                                            : PayUnit::Unknown;
  }
  if (pay.currency.empty()) pay.currency = "USD";
  if ((pay.min && *pay.min < 0) || (pay.max && *pay.max < 0)) pay = Pay{};
  return pay;
}

std::string identifier_of(const json& item) {
  const json* id = field(item, "identifier");
  if (id != nullptr) {
    if (id->is_object()) {
      if (const json* v = field(*id, "value")) return text_of(v);
    }
    std::string t = text_of(id);
    if (!t.empty()) return t;
  }
  if (const json* at_id = field(item, "@id")) return text_of(at_id);
  if (const json* url = field(item, "url")) return text_of(url);
  return {};
}

std::optional<std::int64_t> date_of(const json* v) {
  return v == nullptr ? std::nullopt : parse_date(text_of(v));
}

std::vector<std::string> list_of(const json* v) {
  std::vector<std::string> out;
  if (v == nullptr) return out;
  if (v->is_array()) {
    for (const auto& e : *v) {
      std::string t = text_of(&e);
      if (!t.empty()) out.push_back(std::move(t));
    }
  } else {
    std::string t = text_of(v);
    if (!t.empty()) out.push_back(std::move(t));
  }
  return out;
}

// A web link a phone can open from a QR code (greenhouse.h's web_url): http(s), no spaces.
std::string url_of(const json& item) {
  for (const char* key : {"url", "sameAs"}) {
    if (std::string u = web_url(text_of(field(item, key))); !u.empty()) return u;
  }
  return {};
}

bool is_spanish(const json& item) {
  return language_of(item) == "es";
}

Job job_of(const json& item, const std::string& source) {
  Job job;
  const bool es = is_spanish(item);
  job.source = source;
  job.id = identifier_of(item);
  job.title = local_text(field(item, "title"), es);
  job.employer = text_of(field(item, "hiringOrganization"));
  job.description = rich_text(field(item, "description"), es);
  for (const char* extra : {"responsibilities", "qualifications"}) {
    LocalRichText more = rich_text(field(item, extra), es);
    job.description.en.insert(job.description.en.end(), more.en.begin(), more.en.end());
    job.description.es.insert(job.description.es.end(), more.es.begin(), more.es.end());
  }
  const std::string occupation = text_of(field(item, "occupationalCategory"));
  job.occupation_code = occupation.substr(0, occupation.find(' '));
  if (job.occupation_code.empty() ||
      std::isdigit(static_cast<unsigned char>(job.occupation_code[0])) == 0) {
    job.occupation_code.clear();
  }
  job.industry = industry(text_of(field(item, "industry")), job.occupation_code);
  for (const auto& t : list_of(field(item, "employmentType")))
    job.employment_types |= employment_type(t);
  job.locations = places_of(field(item, "jobLocation"));

  const json* location_type = field(item, "jobLocationType");
  const json* location = field(item, "jobLocation");
  const std::string workplace = lower(text_of(property(item, "workplaceType")));
  if (workplace == "hybrid") {
    job.workplace = Workplace::Hybrid;
  } else if (workplace == "remote" ||
             (location_type != nullptr && mentions_telecommute(*location_type)) ||
             (location != nullptr && mentions_telecommute(*location)) ||
             mentions_telecommute(json(lower(text_of(property(item, "remote")))))) {
    job.workplace = Workplace::Remote;
  } else if (workplace == "onsite" || workplace == "on-site" || !job.locations.empty()) {
    job.workplace = Workplace::Onsite;
  }
  job.pay = pay_of(item, field(item, "baseSalary"));

  const json* education = field(item, "educationRequirements");
  std::string category;
  if (education != nullptr && education->is_object()) {
    category = text_of(field(*education, "credentialCategory"));
  } else {
    category = text_of(education);
  }
  job.education = local_text(education != nullptr && education->is_object()
                                 ? field(*education, "credentialCategory")
                                 : education,
                             es);
  job.no_degree = no_degree_from(category) || flag(item, "noDegreeRequired");
  if (const json* experience = field(item, "experienceRequirements")) {
    if (experience->is_object()) {
      if (const json* months = field(*experience, "monthsOfExperience")) {
        if (auto m = to_number(*months)) job.experience_months = static_cast<int>(*m);
      }
    }
  }
  job.skills = list_of(field(item, "skills"));
  if (job.skills.size() == 1 && job.skills[0].find(',') != std::string::npos) {
    std::vector<std::string> split;
    std::string part;
    for (const char c : job.skills[0] + ",") {
      if (c == ',') {
        if (std::string t = clean_text(part); !t.empty()) split.push_back(std::move(t));
        part.clear();
      } else {
        part += c;
      }
    }
    job.skills = std::move(split);
  }
  job.skills_es = list_of(property(item, "skillsEs"));
  job.posted = date_of(field(item, "datePosted"));
  job.valid_through = date_of(field(item, "validThrough"));
  job.apply_url = url_of(item);
  job.language = language_of(item);
  job.sample = flag(item, "sampleData");
  return job;
}

// ProgramSchedule bits: a feed's own "scheduleTimes" property (daytime, evening, weekend),
// else what its schedule text says.
std::uint8_t schedule_times_of(const json& item, const LocalText& schedule) {
  std::uint8_t bits = 0;
  for (const auto& word : list_of(property(item, "scheduleTimes"))) {
    if (const auto bit = from_key<ProgramSchedule>(lower(trim(word)))) bits |= *bit;
  }
  return bits != 0 ? bits : schedule_times(schedule.en.empty() ? schedule.es : schedule.en);
}

Program program_of(const json& item, const std::string& source) {
  Program p;
  const bool es = is_spanish(item);
  p.source = source;
  p.id = identifier_of(item);
  p.name = local_text(field(item, "name"), es);
  p.provider = text_of(field(item, "provider"));
  p.description = rich_text(field(item, "description"), es);
  const std::string occupation = text_of(field(item, "occupationalCategory"));
  p.occupation_code = occupation.substr(0, occupation.find(' '));
  p.industry = industry(text_of(field(item, "industry")), p.occupation_code);
  p.type = program_type(text_of(field(item, "programType")));
  if (p.type == ProgramType::Unknown) {
    p.type =
        has_type(item, "WorkBasedProgram") ? ProgramType::Apprenticeship : ProgramType::Classroom;
  }
  if (const json* offers = field(item, "offers")) {
    const json& offer = offers->is_array() && !offers->empty() ? (*offers)[0] : *offers;
    if (const json* price = field(offer, "price")) p.cost = to_number(*price);
  }
  if (const json* cost = field(item, "estimatedCost")) {
    if (!p.cost) {
      p.cost = cost->is_object() && field(*cost, "value") != nullptr
                   ? to_number(*field(*cost, "value"))
                   : to_number(*cost);
    }
  }
  p.duration_weeks = duration_weeks(text_of(field(item, "timeToComplete")));
  p.schedule = local_text(property(item, "schedule"), es);
  p.schedule_times = schedule_times_of(item, p.schedule);
  const std::string mode = lower(text_of(field(item, "educationalProgramMode")));
  p.format =
      mode.find("hybrid") != std::string::npos ? ProgramFormat::Hybrid
      : mode.find("online") != std::string::npos || mode.find("distance") != std::string::npos
          ? ProgramFormat::Online
      : mode.empty() ? ProgramFormat::Unknown
                     : ProgramFormat::InPerson;
  p.credential = local_text(field(item, "occupationalCredentialAwarded"), es);
  p.prerequisites = local_text(field(item, "programPrerequisites"), es);
  p.wage = pay_of(item, field(item, "trainingSalary"));
  p.paid_while_learning = flag(item, "paidWhileLearning") || p.wage.min.has_value();
  p.no_degree = flag(item, "noDegreeRequired") ||
                program_no_degree(p.type, p.prerequisites.en + "\n" + p.prerequisites.es);
  p.wioa_eligible = flag(item, "wioaEligible");
  p.taa_eligible = flag(item, "taaEligible");
  const std::string aid = lower(text_of(field(item, "financialAidEligible")));
  if (aid.find("wioa") != std::string::npos) p.wioa_eligible = true;
  if (aid.find("taa") != std::string::npos) p.taa_eligible = true;
  p.language = language_of(item);
  p.locations = places_of(field(item, "location"));
  p.start_date = date_of(field(item, "startDate"));
  p.valid_through = date_of(field(item, "applicationDeadline"));
  if (!p.valid_through) p.valid_through = date_of(field(item, "endDate"));
  p.url = url_of(item);
  p.sample = flag(item, "sampleData");
  return p;
}

Event event_of(const json& item, const std::string& source) {
  Event e;
  const bool es = is_spanish(item);
  e.source = source;
  e.id = identifier_of(item);
  e.type = text_of(property(item, "eventType"));
  e.name = local_text(field(item, "name"), es);
  e.description = rich_text(field(item, "description"), es);
  e.organizer = text_of(field(item, "organizer"));
  e.start = date_of(field(item, "startDate"));
  e.end = date_of(field(item, "endDate"));
  const json* location = field(item, "location");
  if (location != nullptr) {
    const json& first = location->is_array() && !location->empty() ? (*location)[0] : *location;
    e.online = has_type(first, "VirtualLocation");
    if (!e.online) e.place = place_of(first);
  }
  const std::string mode = text_of(field(item, "eventAttendanceMode"));
  if (mode.find("Online") != std::string::npos) e.online = true;
  if (const json* free = field(item, "isAccessibleForFree");
      free != nullptr && free->is_boolean()) {
    e.free = free->get<bool>();
  }
  e.url = url_of(item);
  e.sample = flag(item, "sampleData");
  return e;
}

// Opening hours wherever schema.org puts them: OpeningHoursSpecification objects (in
// hoursAvailable or openingHoursSpecification) and openingHours lines ("Mo-Fr 09:00-17:00").
void add_opening_hours(const json* v, std::vector<OpeningHours>& out) {
  if (v == nullptr) return;
  const auto one = [&](const json& h) {
    if (out.size() >= kMaxOpeningHours) return;
    if (h.is_string()) {
      for (const auto& spec : parse_opening_hours(h.get_ref<const std::string&>())) {
        if (out.size() < kMaxOpeningHours) out.push_back(spec);
      }
      return;
    }
    if (!h.is_object() || !has_type(h, "OpeningHoursSpecification")) return;
    const auto opens = minutes_of(text_of(field(h, "opens")));
    const auto closes = minutes_of(text_of(field(h, "closes")));
    std::uint8_t days = 0;
    if (const json* d = field(h, "dayOfWeek")) {
      const auto add_day = [&](const json& day) {
        if (const auto w = weekday_of(to_text(day))) days |= static_cast<std::uint8_t>(1u << *w);
      };
      if (d->is_array()) {
        for (const auto& day : *d) add_day(day);
      } else {
        add_day(*d);
      }
    }
    if (opens && closes && *closes > *opens && days != 0) out.push_back({days, *opens, *closes});
  };
  if (v->is_array()) {
    for (const auto& h : *v) one(h);
  } else {
    one(*v);
  }
}

// The words of hoursAvailable, when it is words rather than OpeningHoursSpecifications.
const json* hours_words(const json* v) {
  if (v == nullptr) return nullptr;
  const auto words = [](const json& h) { return h.is_string() || field(h, "@value") != nullptr; };
  if (v->is_array()) return std::any_of(v->begin(), v->end(), words) ? v : nullptr;
  return words(*v) ? v : nullptr;
}

Service service_of(const json& item, const std::string& source) {
  Service s;
  const bool es = is_spanish(item);
  s.source = source;
  s.id = identifier_of(item);
  s.type = text_of(field(item, "serviceType"));
  s.name = local_text(field(item, "name"), es);
  s.description = rich_text(field(item, "description"), es);
  s.provider = text_of(field(item, "provider"));
  s.eligibility = local_text(property(item, "eligibility"), es);
  s.hours = local_text(hours_words(field(item, "hoursAvailable")), es);
  add_opening_hours(field(item, "hoursAvailable"), s.opening_hours);
  add_opening_hours(field(item, "openingHoursSpecification"), s.opening_hours);
  add_opening_hours(field(item, "openingHours"), s.opening_hours);
  if (const json* channel = field(item, "availableChannel")) {
    const json& c = channel->is_array() && !channel->empty() ? (*channel)[0] : *channel;
    if (const json* phone = field(c, "servicePhone")) {
      s.phone = phone->is_object() ? text_of(field(*phone, "telephone")) : text_of(phone);
    }
    s.url = web_url(text_of(field(c, "serviceUrl")));
    if (const json* where = field(c, "serviceLocation")) {
      s.place = place_of(*where);
      if (s.opening_hours.empty() && where->is_object()) {
        add_opening_hours(field(*where, "openingHoursSpecification"), s.opening_hours);
        add_opening_hours(field(*where, "openingHours"), s.opening_hours);
      }
    }
  }
  if (s.url.empty()) s.url = url_of(item);
  s.sample = flag(item, "sampleData");
  return s;
}

// Only what a route or a filter can be: lower-case letters, digits and a little punctuation,
// short. Anything else (a URL, markup, a megabyte) is no link at all.
bool route_like(std::string_view s, std::string_view punctuation, std::size_t max) {
  return !s.empty() && s.size() <= max && std::all_of(s.begin(), s.end(), [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           punctuation.find(c) != std::string_view::npos;
  });
}

// additionalProperty `opens`: "programs.search?program_type=apprenticeship" (a screen, then
// one KEY=VALUE filter), its description the button's words in each language.
FaqLink link_of(const json& question, bool es) {
  FaqLink link;
  const json* node = property_node(question, "opens");
  if (node == nullptr) return link;
  const std::string value = lower(text_of(field(*node, "value")));
  const auto mark = value.find('?');
  const std::string route = value.substr(0, mark);
  const std::string filter = mark == std::string::npos ? std::string() : value.substr(mark + 1);
  if (!route_like(route, "._", 64)) return link;
  if (!filter.empty()) {
    const auto eq = filter.find('=');
    if (!route_like(filter, "_=,.-", 64) || eq == std::string::npos || eq == 0 ||
        eq + 1 == filter.size() || filter.find('=', eq + 1) != std::string::npos) {
      return link;
    }
  }
  link.route = route;
  link.filter = filter;
  link.label = local_text(field(*node, "description"), es);
  return link;
}

FaqEntry faq_of(const json& question, const std::string& source, bool sample) {
  FaqEntry f;
  const bool es = is_spanish(question);
  f.source = source;
  f.id = identifier_of(question);
  f.topic = text_of(field(question, "about"));
  f.question = local_text(field(question, "name"), es);
  if (const json* answer = field(question, "acceptedAnswer")) {
    const json& a = answer->is_array() && !answer->empty() ? (*answer)[0] : *answer;
    f.answer = rich_text(field(a, "text"), es);
  }
  f.link = link_of(question, es);
  f.sample = sample || flag(question, "sampleData");
  if (f.id.empty()) f.id = f.question.en.empty() ? f.question.es : f.question.en;
  return f;
}

// Feeds without an identifier or url still need a stable id, so a record keeps its place
// from one sync to the next: a hash of what identifies the posting to a person.
std::string hash_id(std::initializer_list<std::string_view> parts) {
  std::uint64_t h = 1469598103934665603ull;
  for (const auto part : parts) {
    for (const char c : part) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    h = (h ^ 0x1Fu) * 1099511628211ull;
  }
  char out[24];
  std::snprintf(out, sizeof out, "h-%016llx", static_cast<unsigned long long>(h));
  return out;
}

std::string synthetic_id(const Job& j) {
  const std::string city = j.locations.empty() ? std::string() : j.locations[0].city;
  const std::string posted = j.posted ? std::to_string(*j.posted) : std::string();
  return j.title.empty() ? std::string()
                         : hash_id({j.title.en, j.title.es, j.employer, city, posted});
}
std::string synthetic_id(const Program& p) {
  return p.name.empty() ? std::string() : hash_id({p.name.en, p.name.es, p.provider});
}
std::string synthetic_id(const Event& e) {
  const std::string start = e.start ? std::to_string(*e.start) : std::string();
  return e.name.empty() ? std::string() : hash_id({e.name.en, e.name.es, start});
}
std::string synthetic_id(const Service& s) {
  return s.name.empty() ? std::string() : hash_id({s.name.en, s.name.es, s.provider});
}
std::string synthetic_id(const FaqEntry& f) {
  return f.question.empty() ? std::string() : hash_id({f.question.en, f.question.es});
}

class Collector {
 public:
  static constexpr std::size_t kBatch = 500;

  explicit Collector(const std::string& source, const BatchSink* sink = nullptr)
      : source_(source), sink_(sink) {}

  void visit(const json& node, int depth) {
    if (depth > 8 || count_ > kMaxItems) return;
    if (node.is_array()) {
      for (const auto& e : node) visit(e, depth + 1);
      return;
    }
    if (!node.is_object()) return;
    if (const json* graph = field(node, "@graph")) {
      visit(*graph, depth + 1);
      if (!node.contains("@type")) return;
    }
    ++count_;
    const std::string type = type_of(node);
    if (type == "JobPosting") {
      add(job_of(node, source_), feed_.jobs, "JobPosting");
    } else if (type == "EducationalOccupationalProgram" || type == "WorkBasedProgram" ||
               type == "Course") {
      add(program_of(node, source_), feed_.programs, type);
    } else if (type == "Event" || type.ends_with("Event")) {
      add(event_of(node, source_), feed_.events, "Event");
    } else if (type == "Service" || type == "GovernmentService") {
      add(service_of(node, source_), feed_.services, "Service");
    } else if (type == "FAQPage") {
      const bool sample = flag(node, "sampleData");
      if (const json* entities = field(node, "mainEntity")) {
        const auto take = [&](const json& q) {
          if (type_of(q) == "Question") add(faq_of(q, source_, sample), feed_.faq, "Question");
        };
        if (entities->is_array()) {
          for (const auto& q : *entities) take(q);
        } else {
          take(*entities);
        }
      }
    } else if (type == "Question") {
      add(faq_of(node, source_, false), feed_.faq, "Question");
    } else if (!type.empty()) {
      ++ignored_;
    }
  }

  ParseResult finish() {
    if (ignored_ > 0) {
      feed_.warnings.push_back(std::to_string(ignored_) +
                               " items of other schema.org types were ignored");
    }
    if (records_ == 0) return empty_error();
    return std::move(feed_);
  }

  ParseError empty_error() const {
    if (skipped_ > 0) {
      return ParseError{"none of its " + std::to_string(skipped_) +
                        " listings had the required fields"};
    }
    return ParseError{"no JobPosting, program, event, service or FAQ items in the JSON-LD"};
  }

  // Streaming: hands what has been collected to the sink.
  void flush() {
    if (sink_ == nullptr || feed_.size() == 0) return;
    std::vector<std::string> warnings = std::move(feed_.warnings);
    (*sink_)(feed_);
    feed_ = ParsedFeed{};
    feed_.warnings = std::move(warnings);
  }

  StreamSummary summary() {
    if (ignored_ > 0) {
      feed_.warnings.push_back(std::to_string(ignored_) +
                               " items of other schema.org types were ignored");
    }
    return {records_, std::move(feed_.warnings)};
  }

  std::size_t records() const { return records_; }

 private:
  template <typename Record>
  void add(Record record, std::vector<Record>& into, std::string_view what) {
    std::string missing;
    if (record.id.empty()) record.id = synthetic_id(record);
    if constexpr (std::is_same_v<Record, Job>) {
      if (record.title.empty()) missing = "a title";
    } else if constexpr (std::is_same_v<Record, FaqEntry>) {
      if (record.question.empty()) missing = "a question";
    } else {
      if (record.name.empty()) missing = "a name";
    }
    if (!missing.empty()) {
      ++skipped_;
      if (feed_.warnings.size() < 20) {
        feed_.warnings.push_back(std::string(what) + " #" + std::to_string(count_) +
                                 " skipped: it has no " + missing);
      }
      return;
    }
    into.push_back(std::move(record));
    ++records_;
    if (sink_ != nullptr && feed_.size() >= kBatch) flush();
  }

  const std::string& source_;
  const BatchSink* sink_;
  std::size_t records_ = 0;
  ParsedFeed feed_;
  std::size_t count_ = 0;
  std::size_t ignored_ = 0;
  std::size_t skipped_ = 0;
};

// Follows where the parser is, so the callback knows which completed objects are top-level items.
struct Frame {
  bool array = false;
  std::string key;  // the key this container has in its parent object, if any
};

}  // namespace

std::variant<StreamSummary, ParseError> stream_jsonld(std::istream& in,
                                                      const std::string& source_url,
                                                      const BatchSink& sink) {
  Collector collector(source_url, &sink);
  std::vector<Frame> stack;
  std::string pending_key;
  std::string sink_error;
  bool root_item = false;
  const auto callback = [&](int /*depth*/, json::parse_event_t event, json& parsed) -> bool {
    switch (event) {
      case json::parse_event_t::key:
        pending_key = parsed.get<std::string>();
        return true;
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        stack.push_back({event == json::parse_event_t::array_start,
                         stack.empty() || stack.back().array ? std::string() : pending_key});
        pending_key.clear();
        return true;
      case json::parse_event_t::array_end:
        if (!stack.empty()) stack.pop_back();
        return true;
      case json::parse_event_t::object_end: {
        if (!stack.empty()) stack.pop_back();
        if (stack.empty()) {  // the root object: an item itself unless it only wraps @graph
          root_item = parsed.contains("@type");
          return true;
        }
        const Frame& parent = stack.back();
        const bool item = parent.array && (parent.key == "@graph" || stack.size() == 1);
        if (!item) return true;
        try {
          collector.visit(parsed, 1);
        } catch (const json::exception&) {
          // A value of an unexpected type deep inside one item: that item only is skipped.
        } catch (const std::exception& e) {
          if (sink_error.empty()) sink_error = e.what();
          throw;
        }
        return false;  // converted: drop it from the document being built
      }
      case json::parse_event_t::value:
        return true;
    }
    return true;
  };
  json rest;
  try {
    rest = json::parse(in, callback, /*allow_exceptions=*/false);
  } catch (const std::exception& e) {
    return ParseError{sink_error.empty() ? std::string("could not read the feed: ") + e.what()
                                         : "could not save the listings: " + sink_error};
  }
  if (rest.is_discarded()) {
    return ParseError{collector.records() > 0
                          ? "not valid JSON: the feed breaks off or is damaged after " +
                                std::to_string(collector.records()) + " listings"
                          : std::string("not valid JSON (or not valid UTF-8)")};
  }
  if (!rest.is_object() && !rest.is_array()) {
    return ParseError{"JSON-LD must be an object or an array"};
  }
  try {
    if (root_item) collector.visit(rest, 0);
    collector.flush();
  } catch (const json::exception& e) {
    return ParseError{std::string("unexpected JSON-LD structure: ") + e.what()};
  }
  if (collector.records() == 0) return collector.empty_error();
  return collector.summary();
}

ParseResult parse_jsonld(std::string_view body, const std::string& source_url) {
  const json doc = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return ParseError{"not valid JSON (or not valid UTF-8)"};
  if (!doc.is_object() && !doc.is_array())
    return ParseError{"JSON-LD must be an object or an array"};
  try {
    Collector collector(source_url);
    collector.visit(doc, 0);
    return collector.finish();
  } catch (const json::exception& e) {  // a value of an unexpected type deep inside
    return ParseError{std::string("unexpected JSON-LD structure: ") + e.what()};
  }
}

}  // namespace kiosk::feeds

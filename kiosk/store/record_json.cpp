#include "kiosk/store/record_json.h"

#include "kiosk/model/enums.h"

namespace kiosk {
namespace {

// Only what differs from a default-constructed record is written: reading leaves the rest at
// its default, so the record comes back equal. Empty texts, lists and flags were a tenth of a
// job's detail (100,000 jobs: 11 MB of the cache).
template <typename T>
void put(nlohmann::json& j, const char* key, const std::optional<T>& v) {
  if (v) j[key] = *v;
}
template <typename T>
void put(nlohmann::json& j, const char* key, const T& v, const T& unset) {
  if (!(v == unset)) j[key] = v;
}
template <typename T>
void get(const nlohmann::json& j, const char* key, std::optional<T>& v) {
  if (auto it = j.find(key); it != j.end() && !it->is_null()) v = it->get<T>();
}
template <typename T>
void get(const nlohmann::json& j, const char* key, T& v) {
  if (auto it = j.find(key); it != j.end() && !it->is_null()) v = it->get<T>();
}

}  // namespace

NLOHMANN_JSON_SERIALIZE_ENUM(TextBlock::Type, {{TextBlock::Type::Paragraph, "p"},
                                               {TextBlock::Type::Heading, "h"},
                                               {TextBlock::Type::Bullets, "ul"}})
// Enumerations by their stable keys, from the tables; an unknown key reads as Unknown.
template <typename E>
requires requires {
  table_of(E{});
}
void to_json(nlohmann::json& j, const E& v) {
  j = key_of(v);
}
template <typename E>
requires requires {
  table_of(E{});
}
void from_json(const nlohmann::json& j, E& v) {
  v = j.is_string() ? from_key<E>(j.get_ref<const std::string&>()).value_or(E{}) : E{};
}

void to_json(nlohmann::json& j, const LocalText& v) {
  static const LocalText unset;
  j = nlohmann::json::object();
  put(j, "en", v.en, unset.en);
  put(j, "es", v.es, unset.es);
}
void from_json(const nlohmann::json& j, LocalText& v) {
  get(j, "en", v.en);
  get(j, "es", v.es);
}
void to_json(nlohmann::json& j, const TextBlock& v) {
  static const TextBlock unset;
  j = nlohmann::json::object();
  put(j, "type", v.type, unset.type);
  put(j, "lines", v.lines, unset.lines);
}
void from_json(const nlohmann::json& j, TextBlock& v) {
  get(j, "type", v.type);
  get(j, "lines", v.lines);
}
void to_json(nlohmann::json& j, const LocalRichText& v) {
  static const LocalRichText unset;
  j = nlohmann::json::object();
  put(j, "en", v.en, unset.en);
  put(j, "es", v.es, unset.es);
}
void from_json(const nlohmann::json& j, LocalRichText& v) {
  get(j, "en", v.en);
  get(j, "es", v.es);
}
void to_json(nlohmann::json& j, const Place& v) {
  static const Place unset;
  j = nlohmann::json::object();
  put(j, "name", v.name, unset.name);
  put(j, "street", v.street, unset.street);
  put(j, "city", v.city, unset.city);
  put(j, "region", v.region, unset.region);
  put(j, "postal_code", v.postal_code, unset.postal_code);
  put(j, "country", v.country, unset.country);
}
void from_json(const nlohmann::json& j, Place& v) {
  get(j, "name", v.name);
  get(j, "street", v.street);
  get(j, "city", v.city);
  get(j, "region", v.region);
  get(j, "postal_code", v.postal_code);
  get(j, "country", v.country);
}
void to_json(nlohmann::json& j, const Pay& v) {
  static const Pay unset;
  j = nlohmann::json::object();
  put(j, "unit", v.unit, unset.unit);
  put(j, "currency", v.currency, unset.currency);
  put(j, "min", v.min);
  put(j, "max", v.max);
}
void from_json(const nlohmann::json& j, Pay& v) {
  get(j, "min", v.min);
  get(j, "max", v.max);
  get(j, "unit", v.unit);
  get(j, "currency", v.currency);
}

void to_json(nlohmann::json& j, const Job& v) {
  static const Job unset;
  j = nlohmann::json::object();
  put(j, "id", v.id, unset.id);
  put(j, "source", v.source, unset.source);
  put(j, "title", v.title, unset.title);
  put(j, "employer", v.employer, unset.employer);
  put(j, "description", v.description, unset.description);
  put(j, "industry", v.industry, unset.industry);
  put(j, "occupation_code", v.occupation_code, unset.occupation_code);
  put(j, "occupation_series", v.occupation_series, unset.occupation_series);
  put(j, "employment_types", v.employment_types, unset.employment_types);
  put(j, "workplace", v.workplace, unset.workplace);
  put(j, "locations", v.locations, unset.locations);
  put(j, "pay", v.pay, unset.pay);
  put(j, "education", v.education, unset.education);
  put(j, "no_degree", v.no_degree, unset.no_degree);
  put(j, "skills", v.skills, unset.skills);
  put(j, "skills_es", v.skills_es, unset.skills_es);
  put(j, "apply_url", v.apply_url, unset.apply_url);
  put(j, "language", v.language, unset.language);
  put(j, "sample", v.sample, unset.sample);
  put(j, "experience_months", v.experience_months);
  put(j, "posted", v.posted);
  put(j, "valid_through", v.valid_through);
}
void from_json(const nlohmann::json& j, Job& v) {
  get(j, "id", v.id);
  get(j, "source", v.source);
  get(j, "title", v.title);
  get(j, "employer", v.employer);
  get(j, "description", v.description);
  get(j, "industry", v.industry);
  get(j, "occupation_code", v.occupation_code);
  get(j, "occupation_series", v.occupation_series);
  get(j, "employment_types", v.employment_types);
  get(j, "workplace", v.workplace);
  get(j, "locations", v.locations);
  get(j, "pay", v.pay);
  get(j, "education", v.education);
  get(j, "experience_months", v.experience_months);
  get(j, "no_degree", v.no_degree);
  get(j, "skills", v.skills);
  get(j, "skills_es", v.skills_es);
  get(j, "posted", v.posted);
  get(j, "valid_through", v.valid_through);
  get(j, "apply_url", v.apply_url);
  get(j, "language", v.language);
  get(j, "sample", v.sample);
}

void to_json(nlohmann::json& j, const Program& v) {
  static const Program unset;
  j = nlohmann::json::object();
  put(j, "id", v.id, unset.id);
  put(j, "source", v.source, unset.source);
  put(j, "type", v.type, unset.type);
  put(j, "name", v.name, unset.name);
  put(j, "provider", v.provider, unset.provider);
  put(j, "description", v.description, unset.description);
  put(j, "industry", v.industry, unset.industry);
  put(j, "occupation_code", v.occupation_code, unset.occupation_code);
  put(j, "occupation_codes", v.occupation_codes, unset.occupation_codes);
  put(j, "cip_codes", v.cip_codes, unset.cip_codes);
  put(j, "schedule", v.schedule, unset.schedule);
  put(j, "format", v.format, unset.format);
  put(j, "credential", v.credential, unset.credential);
  put(j, "prerequisites", v.prerequisites, unset.prerequisites);
  put(j, "schedule_times", v.schedule_times, unset.schedule_times);
  put(j, "no_degree", v.no_degree, unset.no_degree);
  put(j, "paid_while_learning", v.paid_while_learning, unset.paid_while_learning);
  put(j, "wage", v.wage, unset.wage);
  put(j, "wioa_eligible", v.wioa_eligible, unset.wioa_eligible);
  put(j, "taa_eligible", v.taa_eligible, unset.taa_eligible);
  put(j, "language", v.language, unset.language);
  put(j, "locations", v.locations, unset.locations);
  put(j, "url", v.url, unset.url);
  put(j, "sample", v.sample, unset.sample);
  put(j, "cost", v.cost);
  put(j, "duration_weeks", v.duration_weeks);
  put(j, "start_date", v.start_date);
  put(j, "valid_through", v.valid_through);
}
void from_json(const nlohmann::json& j, Program& v) {
  get(j, "id", v.id);
  get(j, "source", v.source);
  get(j, "type", v.type);
  get(j, "name", v.name);
  get(j, "provider", v.provider);
  get(j, "description", v.description);
  get(j, "industry", v.industry);
  get(j, "occupation_code", v.occupation_code);
  get(j, "occupation_codes", v.occupation_codes);
  get(j, "cip_codes", v.cip_codes);
  get(j, "cost", v.cost);
  get(j, "duration_weeks", v.duration_weeks);
  get(j, "schedule", v.schedule);
  get(j, "format", v.format);
  get(j, "credential", v.credential);
  get(j, "prerequisites", v.prerequisites);
  get(j, "schedule_times", v.schedule_times);
  get(j, "no_degree", v.no_degree);
  get(j, "paid_while_learning", v.paid_while_learning);
  get(j, "wage", v.wage);
  get(j, "wioa_eligible", v.wioa_eligible);
  get(j, "taa_eligible", v.taa_eligible);
  get(j, "language", v.language);
  get(j, "locations", v.locations);
  get(j, "start_date", v.start_date);
  get(j, "valid_through", v.valid_through);
  get(j, "url", v.url);
  get(j, "sample", v.sample);
}

void to_json(nlohmann::json& j, const Event& v) {
  static const Event unset;
  j = nlohmann::json::object();
  put(j, "id", v.id, unset.id);
  put(j, "source", v.source, unset.source);
  put(j, "type", v.type, unset.type);
  put(j, "name", v.name, unset.name);
  put(j, "description", v.description, unset.description);
  put(j, "organizer", v.organizer, unset.organizer);
  put(j, "place", v.place, unset.place);
  put(j, "online", v.online, unset.online);
  put(j, "free", v.free, unset.free);
  put(j, "url", v.url, unset.url);
  put(j, "sample", v.sample, unset.sample);
  put(j, "start", v.start);
  put(j, "end", v.end);
}
void from_json(const nlohmann::json& j, Event& v) {
  get(j, "id", v.id);
  get(j, "source", v.source);
  get(j, "type", v.type);
  get(j, "name", v.name);
  get(j, "description", v.description);
  get(j, "organizer", v.organizer);
  get(j, "start", v.start);
  get(j, "end", v.end);
  get(j, "place", v.place);
  get(j, "online", v.online);
  get(j, "free", v.free);
  get(j, "url", v.url);
  get(j, "sample", v.sample);
}

void to_json(nlohmann::json& j, const OpeningHours& v) {
  static const OpeningHours unset;
  j = nlohmann::json::object();
  put(j, "days", v.days, unset.days);
  put(j, "opens", v.opens, unset.opens);
  put(j, "closes", v.closes, unset.closes);
}
void from_json(const nlohmann::json& j, OpeningHours& v) {
  get(j, "days", v.days);
  get(j, "opens", v.opens);
  get(j, "closes", v.closes);
}

void to_json(nlohmann::json& j, const Service& v) {
  static const Service unset;
  j = nlohmann::json::object();
  put(j, "id", v.id, unset.id);
  put(j, "source", v.source, unset.source);
  put(j, "type", v.type, unset.type);
  put(j, "name", v.name, unset.name);
  put(j, "description", v.description, unset.description);
  put(j, "provider", v.provider, unset.provider);
  put(j, "eligibility", v.eligibility, unset.eligibility);
  put(j, "hours", v.hours, unset.hours);
  put(j, "opening_hours", v.opening_hours, unset.opening_hours);
  put(j, "phone", v.phone, unset.phone);
  put(j, "url", v.url, unset.url);
  put(j, "place", v.place, unset.place);
  put(j, "sample", v.sample, unset.sample);
}
void from_json(const nlohmann::json& j, Service& v) {
  get(j, "id", v.id);
  get(j, "source", v.source);
  get(j, "type", v.type);
  get(j, "name", v.name);
  get(j, "description", v.description);
  get(j, "provider", v.provider);
  get(j, "eligibility", v.eligibility);
  get(j, "hours", v.hours);
  get(j, "opening_hours", v.opening_hours);
  get(j, "phone", v.phone);
  get(j, "url", v.url);
  get(j, "place", v.place);
  get(j, "sample", v.sample);
}

void to_json(nlohmann::json& j, const FaqLink& v) {
  static const FaqLink unset;
  j = nlohmann::json::object();
  put(j, "route", v.route, unset.route);
  put(j, "filter", v.filter, unset.filter);
  put(j, "label", v.label, unset.label);
}
void from_json(const nlohmann::json& j, FaqLink& v) {
  get(j, "route", v.route);
  get(j, "filter", v.filter);
  get(j, "label", v.label);
}

void to_json(nlohmann::json& j, const FaqEntry& v) {
  static const FaqEntry unset;
  j = nlohmann::json::object();
  put(j, "id", v.id, unset.id);
  put(j, "source", v.source, unset.source);
  put(j, "topic", v.topic, unset.topic);
  put(j, "question", v.question, unset.question);
  put(j, "answer", v.answer, unset.answer);
  put(j, "link", v.link, unset.link);
  put(j, "sample", v.sample, unset.sample);
}
void from_json(const nlohmann::json& j, FaqEntry& v) {
  get(j, "id", v.id);
  get(j, "source", v.source);
  get(j, "topic", v.topic);
  get(j, "question", v.question);
  get(j, "answer", v.answer);
  get(j, "link", v.link);
  get(j, "sample", v.sample);
}

std::string_view kind_key(ListingKind kind) {
  return key_of(kind);
}

std::optional<ListingKind> kind_from_key(std::string_view key) {
  return from_key<ListingKind>(key);
}

std::string_view workplace_key(Workplace w) {
  return key_of(w);
}

std::string_view pay_unit_key(PayUnit u) {
  return key_of(u);
}

std::optional<double> hourly(const Pay& pay, bool use_max) {
  const std::optional<double> amount =
      use_max ? (pay.max ? pay.max : pay.min) : (pay.min ? pay.min : pay.max);
  if (!amount || pay.currency != "USD") return std::nullopt;
  switch (pay.unit) {
    case PayUnit::Hour:
      return *amount;
    case PayUnit::Day:
      return *amount / 8;
    case PayUnit::Week:
      return *amount / 40;
    case PayUnit::Month:
      return *amount * 12 / 2080;
    case PayUnit::Year:
      return *amount / 2080;
    case PayUnit::Unknown:
      break;
  }
  return std::nullopt;
}

}  // namespace kiosk

#include "kiosk/store/record_json.h"

#include "kiosk/model/enums.h"

namespace kiosk {
namespace {

template <typename T>
void put(nlohmann::json& j, const char* key, const std::optional<T>& v) {
  if (v) j[key] = *v;
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
  j = {{"en", v.en}, {"es", v.es}};
}
void from_json(const nlohmann::json& j, LocalText& v) {
  get(j, "en", v.en);
  get(j, "es", v.es);
}
void to_json(nlohmann::json& j, const TextBlock& v) {
  j = {{"type", v.type}, {"lines", v.lines}};
}
void from_json(const nlohmann::json& j, TextBlock& v) {
  get(j, "type", v.type);
  get(j, "lines", v.lines);
}
void to_json(nlohmann::json& j, const LocalRichText& v) {
  j = {{"en", v.en}, {"es", v.es}};
}
void from_json(const nlohmann::json& j, LocalRichText& v) {
  get(j, "en", v.en);
  get(j, "es", v.es);
}
void to_json(nlohmann::json& j, const Place& v) {
  j = {{"name", v.name},     {"street", v.street},           {"city", v.city},
       {"region", v.region}, {"postal_code", v.postal_code}, {"country", v.country}};
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
  j = {{"unit", v.unit}, {"currency", v.currency}};
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
  j = {{"id", v.id},
       {"source", v.source},
       {"title", v.title},
       {"employer", v.employer},
       {"description", v.description},
       {"industry", v.industry},
       {"occupation_code", v.occupation_code},
       {"occupation_series", v.occupation_series},
       {"employment_types", v.employment_types},
       {"workplace", v.workplace},
       {"locations", v.locations},
       {"pay", v.pay},
       {"education", v.education},
       {"no_degree", v.no_degree},
       {"skills", v.skills},
       {"skills_es", v.skills_es},
       {"apply_url", v.apply_url},
       {"language", v.language},
       {"sample", v.sample}};
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
  j = {{"id", v.id},
       {"source", v.source},
       {"type", v.type},
       {"name", v.name},
       {"provider", v.provider},
       {"description", v.description},
       {"industry", v.industry},
       {"occupation_code", v.occupation_code},
       {"occupation_codes", v.occupation_codes},
       {"cip_codes", v.cip_codes},
       {"schedule", v.schedule},
       {"format", v.format},
       {"credential", v.credential},
       {"prerequisites", v.prerequisites},
       {"schedule_times", v.schedule_times},
       {"no_degree", v.no_degree},
       {"paid_while_learning", v.paid_while_learning},
       {"wage", v.wage},
       {"wioa_eligible", v.wioa_eligible},
       {"taa_eligible", v.taa_eligible},
       {"language", v.language},
       {"locations", v.locations},
       {"url", v.url},
       {"sample", v.sample}};
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
  j = {{"id", v.id},
       {"source", v.source},
       {"type", v.type},
       {"name", v.name},
       {"description", v.description},
       {"organizer", v.organizer},
       {"place", v.place},
       {"online", v.online},
       {"free", v.free},
       {"url", v.url},
       {"sample", v.sample}};
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
  j = {{"days", v.days}, {"opens", v.opens}, {"closes", v.closes}};
}
void from_json(const nlohmann::json& j, OpeningHours& v) {
  get(j, "days", v.days);
  get(j, "opens", v.opens);
  get(j, "closes", v.closes);
}

void to_json(nlohmann::json& j, const Service& v) {
  j = {{"id", v.id},
       {"source", v.source},
       {"type", v.type},
       {"name", v.name},
       {"description", v.description},
       {"provider", v.provider},
       {"eligibility", v.eligibility},
       {"hours", v.hours},
       {"opening_hours", v.opening_hours},
       {"phone", v.phone},
       {"url", v.url},
       {"place", v.place},
       {"sample", v.sample}};
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
  j = {{"route", v.route}, {"filter", v.filter}, {"label", v.label}};
}
void from_json(const nlohmann::json& j, FaqLink& v) {
  get(j, "route", v.route);
  get(j, "filter", v.filter);
  get(j, "label", v.label);
}

void to_json(nlohmann::json& j, const FaqEntry& v) {
  j = {{"id", v.id},         {"source", v.source}, {"topic", v.topic}, {"question", v.question},
       {"answer", v.answer}, {"sample", v.sample}};
  if (!v.link.empty()) j["link"] = v.link;
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

#include "kiosk/store/record_json.h"

#include <concepts>
#include <type_traits>

#include "kiosk/model/enums.h"

namespace kiosk {
namespace {

// Only what differs from a default-constructed record is written: reading leaves the rest at
// its default, so the record comes back equal. Empty texts, lists and flags were a tenth of a
// job's detail (100,000 jobs: 11 MB of the cache).
template <typename T>
void put(nlohmann::json& j, const char* key, const T& v, const T& unset) {
  if (!(v == unset)) j[key] = v;
}
template <typename T>
void put(nlohmann::json& j, const char* key, const std::optional<T>& v,
         const std::optional<T>& unset) {
  if (v && v != unset) j[key] = *v;
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

// Each record type lists its fields once, with their JSON names (the C++ names): fields(v,
// unset, f) calls f(name, v's field, unset's field) for each. Writing compares with a default
// record; reading passes the record twice. One list, so no field can be written and not read.
template <typename T>
void write_record(nlohmann::json& j, const T& v) {
  static const T unset;
  j = nlohmann::json::object();
  fields(v, unset, [&](const char* key, const auto& value, const auto& default_value) {
    put(j, key, value, default_value);
  });
}
template <typename T>
void read_record(const nlohmann::json& j, T& v) {
  fields(v, v, [&](const char* key, auto& value, auto&) { get(j, key, value); });
}

template <typename R, typename F>
requires std::same_as<std::remove_const_t<R>, LocalText>
void fields(R& v, R& unset, F&& f) {
  f("en", v.en, unset.en);
  f("es", v.es, unset.es);
}
void to_json(nlohmann::json& j, const LocalText& v) {
  write_record(j, v);
}
void from_json(const nlohmann::json& j, LocalText& v) {
  read_record(j, v);
}
template <typename R, typename F>
requires std::same_as<std::remove_const_t<R>, TextBlock>
void fields(R& v, R& unset, F&& f) {
  f("type", v.type, unset.type);
  f("lines", v.lines, unset.lines);
}
void to_json(nlohmann::json& j, const TextBlock& v) {
  write_record(j, v);
}
void from_json(const nlohmann::json& j, TextBlock& v) {
  read_record(j, v);
}
template <typename R, typename F>
requires std::same_as<std::remove_const_t<R>, LocalRichText>
void fields(R& v, R& unset, F&& f) {
  f("en", v.en, unset.en);
  f("es", v.es, unset.es);
}
void to_json(nlohmann::json& j, const LocalRichText& v) {
  write_record(j, v);
}
void from_json(const nlohmann::json& j, LocalRichText& v) {
  read_record(j, v);
}
template <typename R, typename F>
requires std::same_as<std::remove_const_t<R>, Place>
void fields(R& v, R& unset, F&& f) {
  f("name", v.name, unset.name);
  f("street", v.street, unset.street);
  f("city", v.city, unset.city);
  f("region", v.region, unset.region);
  f("postal_code", v.postal_code, unset.postal_code);
  f("country", v.country, unset.country);
}
void to_json(nlohmann::json& j, const Place& v) {
  write_record(j, v);
}
void from_json(const nlohmann::json& j, Place& v) {
  read_record(j, v);
}
template <typename R, typename F>
requires std::same_as<std::remove_const_t<R>, Pay>
void fields(R& v, R& unset, F&& f) {
  f("unit", v.unit, unset.unit);
  f("currency", v.currency, unset.currency);
  f("min", v.min, unset.min);
  f("max", v.max, unset.max);
}
void to_json(nlohmann::json& j, const Pay& v) {
  write_record(j, v);
}
void from_json(const nlohmann::json& j, Pay& v) {
  read_record(j, v);
}

template <typename R, typename F>
requires std::same_as<std::remove_const_t<R>, Job>
void fields(R& v, R& unset, F&& f) {
  f("id", v.id, unset.id);
  f("source", v.source, unset.source);
  f("title", v.title, unset.title);
  f("employer", v.employer, unset.employer);
  f("description", v.description, unset.description);
  f("industry", v.industry, unset.industry);
  f("occupation_code", v.occupation_code, unset.occupation_code);
  f("occupation_series", v.occupation_series, unset.occupation_series);
  f("employment_types", v.employment_types, unset.employment_types);
  f("workplace", v.workplace, unset.workplace);
  f("locations", v.locations, unset.locations);
  f("pay", v.pay, unset.pay);
  f("education", v.education, unset.education);
  f("no_degree", v.no_degree, unset.no_degree);
  f("skills", v.skills, unset.skills);
  f("skills_es", v.skills_es, unset.skills_es);
  f("apply_url", v.apply_url, unset.apply_url);
  f("language", v.language, unset.language);
  f("sample", v.sample, unset.sample);
  f("experience_months", v.experience_months, unset.experience_months);
  f("posted", v.posted, unset.posted);
  f("valid_through", v.valid_through, unset.valid_through);
}
void to_json(nlohmann::json& j, const Job& v) {
  write_record(j, v);
}
void from_json(const nlohmann::json& j, Job& v) {
  read_record(j, v);
}

template <typename R, typename F>
requires std::same_as<std::remove_const_t<R>, Program>
void fields(R& v, R& unset, F&& f) {
  f("id", v.id, unset.id);
  f("source", v.source, unset.source);
  f("type", v.type, unset.type);
  f("name", v.name, unset.name);
  f("provider", v.provider, unset.provider);
  f("description", v.description, unset.description);
  f("industry", v.industry, unset.industry);
  f("occupation_code", v.occupation_code, unset.occupation_code);
  f("occupation_codes", v.occupation_codes, unset.occupation_codes);
  f("cip_codes", v.cip_codes, unset.cip_codes);
  f("schedule", v.schedule, unset.schedule);
  f("format", v.format, unset.format);
  f("credential", v.credential, unset.credential);
  f("prerequisites", v.prerequisites, unset.prerequisites);
  f("schedule_times", v.schedule_times, unset.schedule_times);
  f("no_degree", v.no_degree, unset.no_degree);
  f("paid_while_learning", v.paid_while_learning, unset.paid_while_learning);
  f("wage", v.wage, unset.wage);
  f("wioa_eligible", v.wioa_eligible, unset.wioa_eligible);
  f("taa_eligible", v.taa_eligible, unset.taa_eligible);
  f("language", v.language, unset.language);
  f("locations", v.locations, unset.locations);
  f("url", v.url, unset.url);
  f("sample", v.sample, unset.sample);
  f("cost", v.cost, unset.cost);
  f("duration_weeks", v.duration_weeks, unset.duration_weeks);
  f("start_date", v.start_date, unset.start_date);
  f("valid_through", v.valid_through, unset.valid_through);
}
void to_json(nlohmann::json& j, const Program& v) {
  write_record(j, v);
}
void from_json(const nlohmann::json& j, Program& v) {
  read_record(j, v);
}

template <typename R, typename F>
requires std::same_as<std::remove_const_t<R>, Event>
void fields(R& v, R& unset, F&& f) {
  f("id", v.id, unset.id);
  f("source", v.source, unset.source);
  f("type", v.type, unset.type);
  f("name", v.name, unset.name);
  f("description", v.description, unset.description);
  f("organizer", v.organizer, unset.organizer);
  f("place", v.place, unset.place);
  f("online", v.online, unset.online);
  f("free", v.free, unset.free);
  f("url", v.url, unset.url);
  f("sample", v.sample, unset.sample);
  f("start", v.start, unset.start);
  f("end", v.end, unset.end);
}
void to_json(nlohmann::json& j, const Event& v) {
  write_record(j, v);
}
void from_json(const nlohmann::json& j, Event& v) {
  read_record(j, v);
}

template <typename R, typename F>
requires std::same_as<std::remove_const_t<R>, OpeningHours>
void fields(R& v, R& unset, F&& f) {
  f("days", v.days, unset.days);
  f("opens", v.opens, unset.opens);
  f("closes", v.closes, unset.closes);
}
void to_json(nlohmann::json& j, const OpeningHours& v) {
  write_record(j, v);
}
void from_json(const nlohmann::json& j, OpeningHours& v) {
  read_record(j, v);
}

template <typename R, typename F>
requires std::same_as<std::remove_const_t<R>, Service>
void fields(R& v, R& unset, F&& f) {
  f("id", v.id, unset.id);
  f("source", v.source, unset.source);
  f("type", v.type, unset.type);
  f("name", v.name, unset.name);
  f("description", v.description, unset.description);
  f("provider", v.provider, unset.provider);
  f("eligibility", v.eligibility, unset.eligibility);
  f("hours", v.hours, unset.hours);
  f("opening_hours", v.opening_hours, unset.opening_hours);
  f("phone", v.phone, unset.phone);
  f("url", v.url, unset.url);
  f("place", v.place, unset.place);
  f("sample", v.sample, unset.sample);
}
void to_json(nlohmann::json& j, const Service& v) {
  write_record(j, v);
}
void from_json(const nlohmann::json& j, Service& v) {
  read_record(j, v);
}

template <typename R, typename F>
requires std::same_as<std::remove_const_t<R>, FaqLink>
void fields(R& v, R& unset, F&& f) {
  f("route", v.route, unset.route);
  f("filter", v.filter, unset.filter);
  f("label", v.label, unset.label);
}
void to_json(nlohmann::json& j, const FaqLink& v) {
  write_record(j, v);
}
void from_json(const nlohmann::json& j, FaqLink& v) {
  read_record(j, v);
}

template <typename R, typename F>
requires std::same_as<std::remove_const_t<R>, FaqEntry>
void fields(R& v, R& unset, F&& f) {
  f("id", v.id, unset.id);
  f("source", v.source, unset.source);
  f("topic", v.topic, unset.topic);
  f("question", v.question, unset.question);
  f("answer", v.answer, unset.answer);
  f("link", v.link, unset.link);
  f("sample", v.sample, unset.sample);
}
void to_json(nlohmann::json& j, const FaqEntry& v) {
  write_record(j, v);
}
void from_json(const nlohmann::json& j, FaqEntry& v) {
  read_record(j, v);
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

#include "kiosk/search/filters.h"

#include <algorithm>

#include "kiosk/feeds/normalize.h"
#include "kiosk/model/enums.h"
#include "kiosk/model/occupations.h"

namespace kiosk {
namespace {

// "health, technology … or professional": the values a filter takes, from its table.
template <typename E>
std::string choices() {
  std::vector<std::string_view> keys;
  for (const auto& row : rows<E>()) {
    if (!row.message.key.empty()) keys.push_back(row.key);
  }
  std::string out;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i > 0) out += i + 1 == keys.size() ? " or " : ", ";
    out += keys[i];
  }
  return out;
}

// A filter's value read through its table; the error sentence lists the valid ones.
template <typename E>
std::optional<std::string> read(std::optional<E>& out, std::string_view value, const auto& bad) {
  const auto v = filter_value<E>(value);
  if (!v) return bad(choices<E>());
  out = v;
  return std::nullopt;
}

// A bit-set filter (several may be on at once: any of them matches).
template <typename E>
std::optional<std::string> read_bit(std::uint8_t& bits, std::string_view value, const auto& bad) {
  const auto v = filter_value<E>(value);
  if (!v) return bad(choices<E>());
  bits |= static_cast<std::uint8_t>(*v);
  return std::nullopt;
}

bool* flag_field(SearchQuery& q, Flag flag) {
  switch (flag) {
    case Flag::NoDegree:
      return &q.no_degree;
    case Flag::Paid:
      return &q.paid;
    case Flag::Spanish:
      return &q.spanish;
  }
  return nullptr;
}

}  // namespace

std::optional<std::string> apply_filter(SearchQuery& q, const std::string& key_value) {
  const auto eq = key_value.find('=');
  if (eq == std::string::npos) return "a filter is KEY=VALUE, like industry=health";
  const std::string key = key_value.substr(0, eq);
  const std::string value = key_value.substr(eq + 1);
  const auto bad = [&](const std::string& expected) -> std::optional<std::string> {
    return "bad filter " + key_value + ": " + key + " takes " + expected;
  };
  const auto number = [&]() { return feeds::parse_number(value); };
  if (const auto flag = from_key<Flag>(key)) {
    if (value != "true" && value != "false") return bad("true or false");
    *flag_field(q, *flag) = value == "true";
    return std::nullopt;
  }
  if (key == "industry") return read(q.industry, value, bad);
  if (key == "type" && q.kind == ListingKind::Event) {
    return read_bit<EventType>(q.event_types, value, bad);
  }
  if (key == "type") return read_bit<EmploymentType>(q.employment_types, value, bad);
  if (key == "need") return read(q.service_need, value, bad);
  if (key == "workplace") return read(q.workplace, value, bad);
  if (key == "program_type") return read(q.program_type, value, bad);
  if (key == "format") return read(q.format, value, bad);
  if (key == "schedule") return read_bit<ProgramSchedule>(q.schedule, value, bad);
  if (key == "cost") return read(q.cost, value, bad);
  if (key == "length") return read(q.length, value, bad);
  if (key == "min_pay") {
    const auto n = number();
    if (!n || *n < 0 || *n > 10000) return bad("dollars an hour, like 18.50");
    q.min_pay_hourly = n;
  } else if (key == "max_cost") {
    const auto n = number();
    if (!n || *n < 0) return bad("dollars, like 500");
    q.max_cost = n;
  } else if (key == "posted_days") {
    const auto n = number();
    if (!n || *n < 1 || *n > 3650 || *n != static_cast<int>(*n))
      return bad("a whole number of days");
    q.posted_days = static_cast<int>(*n);
  } else if (key == "occupation") {
    // SOC or O*NET-SOC codes, any of them: occupation=29-1141 or occupation=29-1141,29-2061.
    std::size_t start = 0;
    while (start <= value.size()) {
      const std::size_t end = std::min(value.find(',', start), value.size());
      std::string soc = occupations::soc_code(value.substr(start, end - start));
      if (soc.empty()) {
        return bad("SOC codes like 29-1141 (or O*NET-SOC, 29-1141.00), separated by commas");
      }
      if (std::find(q.occupations.begin(), q.occupations.end(), soc) == q.occupations.end()) {
        q.occupations.push_back(std::move(soc));
      }
      start = end + 1;
    }
  } else {
    return "unknown filter '" + key + "' (see --help)";
  }
  return std::nullopt;
}

}  // namespace kiosk

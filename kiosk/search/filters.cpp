#include "kiosk/search/filters.h"

#include <algorithm>

#include "kiosk/feeds/normalize.h"
#include "kiosk/model/occupations.h"

namespace kiosk {

const std::vector<std::pair<std::uint8_t, std::string>>& employment_type_names() {
  static const std::vector<std::pair<std::uint8_t, std::string>> kNames = {
      {kFullTime, "full_time"},
      {kPartTime, "part_time"},
      {kTemporary, "temporary"},
      {kInternship, "internship"},
      {kContract, "contract"}};
  return kNames;
}

std::optional<std::string> apply_filter(SearchQuery& q, const std::string& key_value) {
  const auto eq = key_value.find('=');
  if (eq == std::string::npos) return "a filter is KEY=VALUE, like industry=health";
  const std::string key = key_value.substr(0, eq);
  const std::string value = key_value.substr(eq + 1);
  const auto bad = [&](const std::string& expected) {
    return "bad filter " + key_value + ": " + key + " takes " + expected;
  };
  const auto number = [&]() { return feeds::parse_number(value); };
  if (key == "industry") {
    const auto i = feeds::industry_from_key(value);
    if (!i || *i == Industry::Other) {
      return bad("health, technology, construction, hospitality, clean_energy or professional");
    }
    q.industry = i;
  } else if (key == "type") {
    for (const auto& [bit, name] : employment_type_names()) {
      if (name == value) q.employment_types |= bit;
    }
    if (q.employment_types == 0)
      return bad("full_time, part_time, temporary, internship or contract");
  } else if (key == "workplace") {
    static const std::pair<const char*, Workplace> kPlaces[] = {{"onsite", Workplace::Onsite},
                                                                {"remote", Workplace::Remote},
                                                                {"hybrid", Workplace::Hybrid}};
    for (const auto& [name, place] : kPlaces) {
      if (value == name) q.workplace = place;
    }
    if (!q.workplace) return bad("onsite, remote or hybrid");
  } else if (key == "no_degree") {
    if (value != "true" && value != "false") return bad("true or false");
    q.no_degree = value == "true";
  } else if (key == "paid") {
    if (value != "true" && value != "false") return bad("true or false");
    q.paid = value == "true";
  } else if (key == "min_pay") {
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
  } else if (key == "program_type") {
    const auto t = feeds::program_type(value);
    if (t == ProgramType::Unknown || feeds::program_type_key(t) != value) {
      return bad("apprenticeship, pre_apprenticeship, internship, ojt or classroom");
    }
    q.program_type = t;
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

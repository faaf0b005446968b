#include "kiosk/feeds/normalize.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <ctime>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/base/utf8.h"
#include "kiosk/model/enums.h"

namespace kiosk::feeds {
namespace {

// Lower-case letters and digits only: "Full-time" and "FULL_TIME" both become "fulltime".
std::string squash(std::string_view s) {
  std::string out;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0) out += static_cast<char>(std::tolower(u));
  }
  return out;
}

bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [s](std::string_view p) { return s.starts_with(p); });
}

// Days from 1970-01-01 to y-m-d (proleptic Gregorian), Howard Hinnant's algorithm.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool contains_degree_word(const std::string& lowered) {
  for (const char* degree : {"bachelor", "associate", "master", "doctor", "degree", "licenciatura",
                             "título", "titulo", "college"}) {
    if (lowered.find(degree) != std::string::npos) return true;
  }
  return false;
}

bool read_int(std::string_view s, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > s.size()) return false;
  const char* b = s.data() + pos;
  const auto [ptr, ec] = std::from_chars(b, b + len, out);
  return ec == std::errc() && ptr == b + len;
}

}  // namespace

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) s.remove_suffix(1);
  return s;
}

std::optional<double> parse_number(std::string_view text) {
  std::string digits;
  bool seen_digit = false;
  for (const char c : trim(text)) {
    if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      digits += c;
      seen_digit = true;
    } else if (c == '.' || (c == '-' && digits.empty())) {
      digits += c;
    } else if (c == ',' || c == '$' || c == ' ' || c == '_') {
      continue;  // thousands separators and currency signs
    } else if (seen_digit) {
      break;  // "18.50/hr"
    } else if (c != '+') {
      return std::nullopt;
    }
  }
  if (!seen_digit) return std::nullopt;
  double value = 0;
  const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || !std::isfinite(value)) return std::nullopt;
  return value;
}

namespace {

// JSON-LD's {"@value": …} unwrapped, a few levels at most: deeper is no value (following a
// hostile feed's nesting down would recurse as deep as it is and overflow the stack).
const nlohmann::json* unwrap_value(const nlohmann::json& value) {
  const nlohmann::json* v = &value;
  for (int depth = 0; v->is_object(); ++depth) {
    const auto it = v->find("@value");
    if (it == v->end() || depth == 4) return nullptr;
    v = &*it;
  }
  return v;
}

}  // namespace

std::optional<double> to_number(const nlohmann::json& wrapped) {
  const nlohmann::json* unwrapped = unwrap_value(wrapped);
  if (unwrapped == nullptr) return std::nullopt;
  const nlohmann::json& value = *unwrapped;
  if (value.is_number()) {
    const double d = value.get<double>();
    return std::isfinite(d) ? std::optional(d) : std::nullopt;
  }
  if (value.is_string()) return parse_number(value.get_ref<const std::string&>());
  return std::nullopt;
}

const nlohmann::json* json_field(const nlohmann::json& obj, std::string_view key) {
  if (!obj.is_object()) return nullptr;
  const auto it = obj.find(key);
  return it == obj.end() || it->is_null() ? nullptr : &*it;
}

std::string one_line(std::string_view text) {
  std::string line(text);
  for (char& c : line) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return clean_text(line);
}

std::string to_text(const nlohmann::json& wrapped) {
  const nlohmann::json* unwrapped = unwrap_value(wrapped);
  if (unwrapped == nullptr) return {};
  const nlohmann::json& value = *unwrapped;
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
  if (value.is_number()) {
    std::string s = std::to_string(value.get<double>());
    while (s.find('.') != std::string::npos && (s.back() == '0' || s.back() == '.')) {
      const bool dot = s.back() == '.';
      s.pop_back();
      if (dot) break;
    }
    return s;
  }
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  return {};
}

std::uint8_t employment_type(std::string_view text) {
  const std::string s = squash(text);
  if (s.empty()) return 0;
  // Whole words only where a prefix could be something else ("Fullstack", "Partner").
  if (s == "full" || s == "permanent" || starts_with_any(s, {"fulltime", "tiempocompleto"})) {
    return kFullTime;
  }
  if (s == "part" || starts_with_any(s, {"parttime", "mediotiempo", "tiempoparcial"})) {
    return kPartTime;
  }
  if (starts_with_any(s, {"temp", "seasonal", "perdiem", "prn", "temporal"})) return kTemporary;
  if (starts_with_any(s, {"intern", "pasant", "practic", "apprentice"})) return kInternship;
  if (starts_with_any(s, {"contract", "freelance", "consult", "contrat"})) return kContract;
  return 0;
}

std::string country_code(std::string_view text) {
  const std::string s = squash(text);
  static const std::array<std::pair<std::string_view, std::string_view>, 10> kNames = {{
      {"us", "US"},
      {"usa", "US"},
      {"unitedstates", "US"},
      {"unitedstatesofamerica", "US"},
      {"estadosunidos", "US"},
      {"pr", "PR"},
      {"puertorico", "PR"},
      {"mexico", "MX"},
      {"canada", "CA"},
      {"colombia", "CO"},
  }};
  for (const auto& [name, code] : kNames) {
    if (s == name) return std::string(code);
  }
  const std::string_view t = trim(text);
  if (t.size() == 2 && std::isalpha(static_cast<unsigned char>(t[0])) != 0 &&
      std::isalpha(static_cast<unsigned char>(t[1])) != 0) {
    std::string code(t);
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return code;
  }
  return std::string(t);
}

PayUnit pay_unit(std::string_view text) {
  const std::string s = squash(text);
  if (starts_with_any(s, {"hour", "perhour", "hr", "hora"})) return PayUnit::Hour;
  if (starts_with_any(s, {"day", "daily", "perday", "dia"})) return PayUnit::Day;
  if (starts_with_any(s, {"week", "perweek", "semana"})) return PayUnit::Week;
  if (starts_with_any(s, {"month", "permonth", "mes"})) return PayUnit::Month;
  if (starts_with_any(s, {"year", "annual", "peryear", "salary", "yr", "ano", "anual"})) {
    return PayUnit::Year;
  }
  return PayUnit::Unknown;
}

std::optional<std::int64_t> parse_date(std::string_view text) {
  const std::string_view s = trim(text);
  int y = 0;
  int m = 0;
  int d = 0;
  if (s.size() < 10 || s[4] != '-' || s[7] != '-' || !read_int(s, 0, 4, y) ||
      !read_int(s, 5, 2, m) || !read_int(s, 8, 2, d)) {
    return std::nullopt;
  }
  if (y < 1970 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  std::int64_t seconds =
      days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * 86400;
  if (s.size() == 10) return seconds;
  if (s[10] != 'T' && s[10] != ' ' && s[10] != 't') return std::nullopt;
  int hh = 0;
  int mm = 0;
  int ss = 0;
  if (!read_int(s, 11, 2, hh) || s.size() < 16 || s[13] != ':' || !read_int(s, 14, 2, mm)) {
    return std::nullopt;
  }
  std::size_t pos = 16;
  if (pos < s.size() && s[pos] == ':') {
    if (!read_int(s, pos + 1, 2, ss)) return std::nullopt;
    pos += 3;
  }
  if (pos < s.size() && s[pos] == '.') {  // fractions of a second
    ++pos;
    while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos])) != 0) ++pos;
  }
  if (hh > 24 || mm > 59 || ss > 60) return std::nullopt;
  seconds += hh * 3600 + mm * 60 + ss;
  if (pos == s.size() || s[pos] == 'Z' || s[pos] == 'z') return seconds;  // local time: as UTC
  if (s[pos] != '+' && s[pos] != '-') return std::nullopt;
  int oh = 0;
  int om = 0;
  if (!read_int(s, pos + 1, 2, oh)) return std::nullopt;
  std::size_t mpos = pos + 3;
  if (mpos < s.size() && s[mpos] == ':') ++mpos;
  if (mpos < s.size() && !read_int(s, mpos, 2, om)) return std::nullopt;
  const int offset = (oh * 3600 + om * 60) * (s[pos] == '-' ? -1 : 1);
  return seconds - offset;
}

std::optional<int> duration_weeks(std::string_view text) {
  const std::string_view s = trim(text);
  if (s.size() < 3 || (s[0] != 'P' && s[0] != 'p')) return std::nullopt;
  double weeks = 0;
  bool in_time = false;
  std::string number;
  bool any = false;
  for (std::size_t i = 1; i < s.size(); ++i) {
    const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(s[i])));
    if (c == 'T') {
      in_time = true;
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.') {
      number += c;
      continue;
    }
    const auto n = parse_number(number);
    number.clear();
    if (!n) return std::nullopt;
    any = true;
    if (in_time) {
      if (c == 'H') weeks += *n / 40.0;  // training hours at full time; minutes do not matter
      continue;
    }
    switch (c) {
      case 'Y':
        weeks += *n * 52;
        break;
      case 'M':
        weeks += *n * 52.0 / 12.0;
        break;
      case 'W':
        weeks += *n;
        break;
      case 'D':
        weeks += *n / 7.0;
        break;
      default:
        return std::nullopt;
    }
  }
  if (!any || !number.empty()) return std::nullopt;
  return std::max(1, static_cast<int>(std::lround(weeks)));
}

Industry industry(std::string_view name, std::string_view occupation_code) {
  // Padded with spaces so a short word (" it ") matches only as a word, not inside "credit".
  const std::string s = " " + lower(name) + " ";
  const auto has = [&s](std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(),
                       [&s](std::string_view w) { return s.find(w) != std::string::npos; });
  };
  if (s.size() > 2) {
    if (has({"clean energy", "renewable", "solar", "energ"})) return Industry::CleanEnergy;
    if (has({"technology", "software", "information", "tecnolog", " it ", "computer"})) {
      return Industry::Technology;
    }
    if (has({"construction", "skilled trade", "trades", "manufactur", "construcci"})) {
      return Industry::Construction;
    }
    if (has({"hospitality", "tourism", "hotel", "restaurant", "food service", "hospitalidad",
             "turismo"})) {
      return Industry::Hospitality;
    }
    if (has({"health", "medical", "social assistance", "hospital", "salud", "nursing"})) {
      return Industry::Health;
    }
    if (has({"professional", "business", "finance", "legal", "accounting", "administrat",
             "profesional"})) {
      return Industry::Professional;
    }
  }
  // SOC major groups: https://www.bls.gov/soc/2018/major_groups.htm
  const std::string_view code = trim(occupation_code);
  if (code.size() >= 2 && std::isdigit(static_cast<unsigned char>(code[0])) != 0) {
    const std::string_view major = code.substr(0, 2);
    if (code.starts_with("47-2231")) return Industry::CleanEnergy;  // solar PV installers
    if (code.starts_with("49-9081")) return Industry::CleanEnergy;  // wind turbine technicians
    if (major == "29" || major == "31" || major == "21") return Industry::Health;
    if (major == "15") return Industry::Technology;
    if (major == "47" || major == "49" || major == "51") return Industry::Construction;
    if (major == "35" || major == "39") return Industry::Hospitality;
    if (major == "11" || major == "13" || major == "23" || major == "43") {
      return Industry::Professional;
    }
  }
  return s.size() <= 2 && code.empty() ? Industry::Unknown : Industry::Other;
}

// By program family (https://nces.ed.gov/ipeds/cipcode/browse.aspx?y=56).
Industry industry_from_cip(std::string_view cip) {
  if (cip.size() < 7) return Industry::Unknown;
  const std::string_view family = cip.substr(0, 2);
  const std::string_view series = cip.substr(0, 5);
  if (cip.starts_with("15.0503") || cip.starts_with("15.0505") || cip.starts_with("03.0209") ||
      cip.starts_with("14.4701")) {
    return Industry::CleanEnergy;  // energy management, solar, energy and environmental policy
  }
  if (family == "51") return Industry::Health;
  if (family == "11" || series == "15.12") return Industry::Technology;
  if (family == "46" || family == "47" || family == "48" || family == "15") {
    return Industry::Construction;  // construction trades, repair, precision production
  }
  if (series == "12.05" || series == "52.09") return Industry::Hospitality;  // culinary, hotels
  if (family == "52" || family == "22") return Industry::Professional;       // business, legal
  return Industry::Other;
}

std::string_view industry_key(Industry value) {
  return key_of(value);
}

std::optional<Industry> industry_from_key(std::string_view key) {
  return from_key<Industry>(key);
}

ProgramType program_type(std::string_view text) {
  const std::string s = squash(text);
  if (starts_with_any(s, {"preapprentice", "preaprendiz"})) return ProgramType::PreApprenticeship;
  if (s.find("apprentice") != std::string::npos || s.starts_with("aprendiz")) {
    return ProgramType::Apprenticeship;
  }
  if (starts_with_any(s, {"intern", "workexperience", "pasant", "practic"})) {
    return ProgramType::Internship;
  }
  if (starts_with_any(s, {"ojt", "onthejob", "entrenamientoeneltrabajo"})) return ProgramType::Ojt;
  if (starts_with_any(
          s, {"class", "course", "training", "certificate", "digital", "curso", "clase", "wioa"})) {
    return ProgramType::Classroom;
  }
  return ProgramType::Unknown;
}

std::string_view program_type_key(ProgramType type) {
  return key_of(type);
}

std::string clean_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    // ASCII without a call: this runs over every byte of every description.
    const utf8::Decoded d =
        byte < 0x80 ? utf8::Decoded{byte, 1, true} : utf8::decode(text.substr(i));
    if (!d.valid) {
      i += d.size;  // invalid UTF-8: dropped
      continue;
    }
    const char32_t cp = d.cp;
    const std::size_t n = d.size;
    const bool whitespace = cp == ' ' || cp == '\t' || cp == 0xA0 || cp == '\r';
    const bool hidden = cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||  // controls
                        (cp >= 0x200B && cp <= 0x200F) ||  // zero-width, LRM, RLM
                        (cp >= 0x202A && cp <= 0x202E) ||  // bidi embeddings and overrides
                        (cp >= 0x2066 && cp <= 0x2069) ||  // bidi isolates
                        cp == 0xFEFF || cp == 0x00AD;      // BOM, soft hyphen
    if (cp == '\n') {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      out += '\n';
      space = false;
    } else if (whitespace) {
      space = true;
    } else if (!hidden) {
      if (space && !out.empty() && out.back() != '\n') out += ' ';
      space = false;
      out.append(text.substr(i, n));
    }
    i += n;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  std::size_t start = 0;
  while (start < out.size() && (out[start] == ' ' || out[start] == '\n')) ++start;
  return out.substr(start);
}

bool no_degree_from(std::string_view education) {
  const std::string s = lower(education);
  if (s.empty()) return false;
  return !asks_for_degree(s);  // "high school", "no requirements", "certificate", "GED", …
}

bool asks_for_degree(std::string_view text) {
  const std::string s = lower(text);
  if (!contains_degree_word(s)) return false;
  return s.find("no degree") == std::string::npos && s.find("not required") == std::string::npos;
}

bool program_no_degree(ProgramType type, std::string_view prerequisites) {
  const bool work_based = type == ProgramType::Apprenticeship ||
                          type == ProgramType::PreApprenticeship || type == ProgramType::Ojt;
  return work_based && !asks_for_degree(prerequisites);
}

namespace {

// One clause of a schedule ("Tuesday and Thursday, 6 to 9:30 p.m."): its clock times in
// minutes after midnight. "6 to 9:30 p.m." gives both times the p.m. of the second.
struct ClauseTimes {
  std::vector<int> starts;  // the first time of each range, or a lone time
  std::vector<int> ends;
};

ClauseTimes clock_times(std::string_view clause) {
  struct Time {
    int minutes;
    int meridiem;  // 0 none, 1 a.m., 2 p.m.
    bool range_start;
  };
  std::vector<Time> times;
  std::size_t i = 0;
  bool after_to = false;
  while (i < clause.size()) {
    const auto c = static_cast<unsigned char>(clause[i]);
    if (std::isdigit(c) == 0) {
      if (clause.substr(i).starts_with(" to ") || clause.substr(i).starts_with(" a ") ||
          clause[i] == '-' || clause.substr(i).starts_with("–")) {
        after_to = !times.empty();
      }
      ++i;
      continue;
    }
    int hour = 0;
    while (i < clause.size() && std::isdigit(static_cast<unsigned char>(clause[i])) != 0) {
      hour = hour * 10 + (clause[i] - '0');
      ++i;
      if (hour > 99) break;
    }
    int minute = 0;
    if (i + 2 < clause.size() && clause[i] == ':' &&
        std::isdigit(static_cast<unsigned char>(clause[i + 1])) != 0) {
      minute = (clause[i + 1] - '0') * 10 + (clause[i + 2] - '0');
      i += 3;
    }
    const std::string r(trim(clause.substr(i, 6)));  // the clause is lower case already
    int meridiem = 0;
    if (r.starts_with("a.m") || r.starts_with("am")) meridiem = 1;
    if (r.starts_with("p.m") || r.starts_with("pm")) meridiem = 2;
    if (hour >= 1 && hour <= 12 && minute < 60) {
      times.push_back({hour % 12 * 60 + minute, meridiem, !after_to});
    }
    after_to = false;
  }
  // A time without a.m./p.m. takes the next one's ("5:30 to 8:30 p.m.").
  for (std::size_t k = times.size(); k-- > 0;) {
    if (times[k].meridiem == 0 && k + 1 < times.size()) times[k].meridiem = times[k + 1].meridiem;
  }
  ClauseTimes out;
  for (const Time& t : times) {
    if (t.meridiem == 0) continue;  // "20 hours a week" is no clock time
    const int minutes = t.minutes + (t.meridiem == 2 ? 12 * 60 : 0);
    (t.range_start ? out.starts : out.ends).push_back(minutes);
  }
  return out;
}

bool mentions(const std::string& s, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(),
                     [&s](std::string_view w) { return s.find(w) != std::string::npos; });
}

}  // namespace

std::uint8_t schedule_times(std::string_view text) {
  std::uint8_t bits = 0;
  const std::string all = lower(text);
  std::size_t begin = 0;
  while (begin <= all.size()) {
    const std::size_t end = std::min(all.find(';', begin), all.size());
    const std::string clause = all.substr(begin, end - begin);
    begin = end + 1;
    if (trim(clause).empty()) continue;
    const ClauseTimes t = clock_times(clause);
    const bool late_start =
        std::any_of(t.starts.begin(), t.starts.end(), [](int m) { return m >= 17 * 60; });
    const bool late_end =
        std::any_of(t.ends.begin(), t.ends.end(), [](int m) { return m >= 19 * 60; });
    const bool evening =
        late_start || late_end || mentions(clause, {"evening", "night", "noche", "nocturn"});
    const bool weekend = mentions(clause, {"saturday", "sunday", "weekend", "sábado", "sabado",
                                           "domingo", "fin de semana", "fines de semana"});
    const bool day_time =
        std::any_of(t.starts.begin(), t.starts.end(), [](int m) { return m < 16 * 60; });
    const bool day_words =
        mentions(clause, {"morning", "afternoon", "daytime", "business hours", "mañana", "tarde",
                          "full-time", "full time", "days a week", "hours a week"});
    const bool weekdays =
        mentions(clause, {"monday", "tuesday", "wednesday", "thursday", "friday", "weekday",
                          "lunes", "martes", "miércoles", "jueves", "viernes"});
    if (evening) bits |= kEvening;
    if (weekend) bits |= kWeekend;
    if (day_time || (!evening && (day_words || weekdays))) bits |= kDaytime;
  }
  return bits;
}

}  // namespace kiosk::feeds

#include "kiosk/feeds/etpl_csv.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <exception>
#include <initializer_list>
#include <optional>
#include <utility>
#include <vector>

#include "kiosk/base/utf8.h"
#include "kiosk/feeds/bounds.h"
#include "kiosk/feeds/greenhouse.h"
#include "kiosk/feeds/html_text.h"
#include "kiosk/feeds/normalize.h"
#include "kiosk/model/occupations.h"

namespace kiosk::feeds {
namespace {

constexpr std::size_t kMaxWarnings = 20;
constexpr int kMaxWeeks = 520;  // ten years: anything longer is a data-entry error

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

bool contains_any(std::string_view haystack, std::initializer_list<std::string_view> needles) {
  return std::any_of(needles.begin(), needles.end(), [haystack](std::string_view n) {
    return haystack.find(n) != std::string_view::npos;
  });
}

// ---- bytes to UTF-8 text -----------------------------------------------------------------------

// Excel on Windows saves "CSV" in the ANSI code page: "Español" arrives as "Espa\xF1ol".
std::string windows1252_to_utf8(std::string_view s) {
  static constexpr std::array<char32_t, 32> k80 = {
      0x20AC, 0xFFFD, 0x201A, 0x192,  0x201E, 0x2026, 0x2020, 0x2021, 0x2C6,  0x2030, 0x160,
      0x2039, 0x152,  0xFFFD, 0x17D,  0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x2DC,  0x2122, 0x161,  0x203A, 0x153,  0xFFFD, 0x17E,  0x178,
  };
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out += ch;
    } else if (c < 0xA0) {
      utf8::append(out, k80[c - 0x80]);
    } else {
      utf8::append(out, c);
    }
  }
  return out;
}

// ---- CSV (RFC 4180, leniently) ---------------------------------------------------------------

struct CsvRow {
  std::vector<std::string> fields;
  std::size_t line = 0;  // where the record starts, for warnings
};

// The delimiter of the header line: comma unless semicolons (European Excel) or tabs
// clearly dominate.
char detect_delimiter(std::string_view text) {
  std::size_t commas = 0;
  std::size_t semicolons = 0;
  std::size_t tabs = 0;
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    commas += c == ',' ? 1 : 0;
    semicolons += c == ';' ? 1 : 0;
    tabs += c == '\t' ? 1 : 0;
  }
  if (tabs > commas && tabs >= semicolons) return '\t';
  if (semicolons > commas) return ';';
  return ',';
}

class CsvReader {
 public:
  CsvReader(std::string_view text, char delimiter) : text_(text), delimiter_(delimiter) {}

  // The next record, or nullopt at the end. Quoted fields may hold delimiters, doubled quotes
  // and line breaks; CRLF, LF and CR all end a record.
  std::optional<CsvRow> next() {
    if (pos_ >= text_.size()) return std::nullopt;
    CsvRow row;
    row.line = line_;
    std::string field;
    bool quoted = false;      // inside quotes now
    bool was_quoted = false;  // this field started with a quote
    bool full = false;        // the field reached kMaxRawValueBytes: the rest is left out
    const auto append = [&](char ch) {
      // A cut falls where a character starts, never inside one.
      if (field.size() >= kMaxRawValueBytes && (static_cast<unsigned char>(ch) & 0xC0) != 0x80) {
        full = true;
      }
      if (!full) field += ch;
    };
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (quoted) {
        if (c == '"') {
          if (pos_ < text_.size() && text_[pos_] == '"') {
            append('"');
            ++pos_;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n' || (c == '\r' && (pos_ >= text_.size() || text_[pos_] != '\n'))) ++line_;
          append(c);
        }
        continue;
      }
      if (c == '"' && !was_quoted && trim(field).empty()) {
        field.clear();  // spaces before an opening quote do not count
        quoted = true;
        was_quoted = true;
        continue;
      }
      if (c == delimiter_) {
        row.fields.push_back(std::move(field));
        field.clear();
        was_quoted = false;
        full = false;
        continue;
      }
      if (c == '\r' || c == '\n') {
        if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
        ++line_;
        row.fields.push_back(std::move(field));
        return row;
      }
      append(c);  // includes a stray quote in the middle of an unquoted field
    }
    if (quoted) unterminated_ = true;
    row.fields.push_back(std::move(field));
    return row;
  }

  bool unterminated() const { return unterminated_; }

 private:
  std::string_view text_;
  char delimiter_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  bool unterminated_ = false;
};

// "Program Name", "program_name" and "PROGRAMNAME" are the same column.
std::string column_key(std::string_view header) {
  std::string key;
  for (const char c : header) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0) key += static_cast<char>(std::tolower(u));
  }
  return key;
}

// Some exports quote a field twice ("""High School Diploma""", inner quotes doubled again):
// after CSV unquoting it still carries its own quotes. A lone leading or trailing quote is the
// same mistake cut short.
std::string unwrap_quotes(std::string_view value) {
  std::string_view v = trim(value);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') {
    std::string inner(v.substr(1, v.size() - 2));
    std::size_t pos = 0;
    while ((pos = inner.find("\"\"", pos)) != std::string::npos) {
      inner.erase(pos, 1);
      ++pos;
    }
    return std::string(trim(inner));
  }
  const auto quotes = std::count(v.begin(), v.end(), '"');
  if (quotes % 2 == 1 && !v.empty() && v.front() == '"') v.remove_prefix(1);
  if (quotes % 2 == 1 && !v.empty() && v.back() == '"') v.remove_suffix(1);
  return std::string(trim(v));
}

// One-line text of a cell, its stray quoting removed.
std::string cell_line(std::string_view value) {
  return one_line(unwrap_quotes(value));
}

// "1", "Y", "Yes", "TRUE", "X" → true; "0", "2" (NJ's "no"), "N", "No", "FALSE" → false.
std::optional<bool> flag(std::string_view value) {
  const std::string v = lower(trim(value));
  if (v == "1" || v == "y" || v == "yes" || v == "true" || v == "t" || v == "x" || v == "si" ||
      v == "s\xC3\xAD") {
    return true;
  }
  if (v == "0" || v == "2" || v == "n" || v == "no" || v == "false" || v == "f") return false;
  return std::nullopt;
}

// ---- columns -----------------------------------------------------------------------------------

using Col = std::optional<std::size_t>;

class Header {
 public:
  explicit Header(const std::vector<std::string>& fields) {
    for (const auto& f : fields) keys_.push_back(column_key(unwrap_quotes(f)));
  }

  // The first of `names` (normalized) that the file has, skipping columns already taken.
  Col find(std::initializer_list<std::string_view> names, Col except = std::nullopt) const {
    for (const std::string_view name : names) {
      for (std::size_t k = 0; k < keys_.size(); ++k) {
        if (keys_[k] == name && k != except) return k;
      }
    }
    return std::nullopt;
  }

  bool has(std::string_view name) const { return find({name}).has_value(); }

 private:
  std::vector<std::string> keys_;
};

struct Columns {
  Col id, name, alt_name, provider, provider_id, description, alt_description, features;
  Col total_cost, weeks, months, duration_text, calendar_length, hours;
  std::vector<Col> cost_parts;
  Col schedule, evening, weekend, format, distance, online, mention_remote, mention_hybrid,
      mention_inperson;
  std::vector<Col> credentials;
  Col prerequisites, language, street1, street2, city, state, zip, country, website;
  Col cip, soc, industry_name, wioa, wioa_mention, taa, status, provider_status, type,
      apprenticeship, start_date, expires, paid, wage, wage_unit;
  bool other_languages = false;  // NJ: "languages" lists languages besides English
};

Columns find_columns(const Header& h) {
  Columns c;
  c.name =
      h.find({"officialname", "programname", "programtitle", "trainingprogramname", "nameofprogram",
              "programofstudy", "coursename", "coursetitle", "program", "title"});
  c.provider = h.find({"providername", "trainingprovidername", "trainingprovider", "provider",
                       "institutionname", "schoolname", "institution", "school", "organizationname",
                       "organization", "agencyname"});
  // NJ calls the provider just "name"; elsewhere a lone "name" is the program.
  if (!c.name && c.provider) c.name = h.find({"name"});
  if (!c.provider) c.provider = h.find({"name", "standardizedname1"}, c.name);
  if (!c.name) c.name = h.find({"standardizedname"});
  c.alt_name = h.find({"standardizedname"}, c.name);
  c.id = h.find({"programid", "programcode", "programnumber", "etplprogramid", "etplid",
                 "trainingprogramid", "id"});
  c.provider_id = h.find({"providerid", "trainingproviderid", "institutionid", "schoolid"});
  c.description = h.find({"description", "programdescription", "coursedescription",
                          "programsummary", "summary", "standardizeddescription"});
  c.alt_description = h.find({"standardizeddescription"}, c.description);
  c.features = h.find({"featuresdescription", "programfeatures", "features"});
  c.total_cost = h.find({"totalcost", "totalprogramcost", "programcost", "totaltuitionandfees",
                         "tuitionandfees", "cost", "price"});
  for (const std::string_view part :
       {"tuition", "fees", "booksmaterialscost", "suppliestoolscost", "othercosts", "books",
        "supplies", "otherfees", "registrationfee", "materialscost"}) {
    if (const Col col = h.find({part}); col && col != c.total_cost) c.cost_parts.push_back(col);
  }
  c.weeks = h.find({"durationweeks", "durationinweeks", "lengthweeks", "lengthinweeks",
                    "programlengthweeks", "programweeks", "weeks", "numberofweeks"});
  c.months = h.find({"durationmonths", "durationinmonths", "lengthinmonths", "lengthmonths",
                     "programlengthmonths", "months", "numberofmonths"});
  c.duration_text = h.find({"duration", "programlength", "programduration", "length",
                            "timetocomplete", "lengthofprogram"});
  c.calendar_length = h.find({"calendarlengthid"});
  c.hours = h.find({"totalclockhours", "clockhours", "contacthours", "totalhours", "programhours",
                    "traininghours", "hours"});
  c.schedule = h.find({"schedule", "classschedule", "programschedule", "classtimes"});
  c.evening = h.find({"eveningcourses", "eveningclasses", "evening"});
  c.weekend = h.find({"weekendcourses", "weekendclasses", "weekend"});
  c.format =
      h.find({"format", "deliverymode", "deliverymethod", "deliveryformat", "instructionmode",
              "instructionalmethod", "modality", "delivery", "trainingformat"});
  c.distance = h.find({"distancelearning"});
  c.online = h.find({"online", "onlineprogram", "isonline"});
  c.mention_remote = h.find({"mentionremote"});
  c.mention_hybrid = h.find({"mentionhybrid"});
  c.mention_inperson = h.find({"mentioninperson"});
  for (const std::string_view cred :
       {"credentialtype", "credential", "credentialawarded", "certification", "certificationname",
        "degreeawardedname", "licenseawardedname", "industrycredentialname", "awardtype"}) {
    if (const Col col = h.find({cred})) c.credentials.push_back(col);
  }
  c.prerequisites = h.find({"prerequisites", "prerequisite", "entryrequirements",
                            "admissionrequirements", "requirements", "eligibility"});
  c.language = h.find({"languages", "language", "languageofinstruction", "instructionlanguage",
                       "languagesoffered"});
  c.other_languages = h.has("otherlanguages");
  c.street1 =
      h.find({"street1", "address1", "streetaddress", "address", "street", "physicaladdress"});
  c.street2 = h.find({"street2", "address2"});
  c.city = h.find({"city", "town"});
  c.state = h.find({"state", "statecode", "stateabbreviation"});
  c.zip = h.find({"zip", "zipcode", "postalcode", "zip5"});
  c.country = h.find({"country", "countrycode"});
  c.website = h.find({"website", "programurl", "programwebsite", "url", "providerwebsite", "web",
                      "link", "webaddress"});
  c.cip = h.find({"cipcode", "cip", "cip2020code", "cip2020", "cipcode2020", "programcip"});
  c.soc = h.find({"soccode", "soc", "socs", "soccodes", "onetcode", "onetsoccode", "onetsoc",
                  "onet", "occupationcode", "soc2018code"});
  c.industry_name = h.find({"industry", "industrysector", "sector", "careercluster"});
  c.wioa = h.find(
      {"wioaeligible", "wiaeligible", "wioa", "wioaapproved", "etpleligible", "itaeligible"});
  c.wioa_mention = h.find({"mentionswioa"});
  c.taa = h.find({"taaeligible", "taa", "taaapproved"});
  c.status = h.find({"statusname", "programstatus", "status", "approvalstatus"});
  c.provider_status = h.find({"providerstatusname", "providerstatus"});
  c.type = h.find({"programtype", "trainingtype", "typeofprogram", "typeoftraining",
                   "programcategory", "type"});
  c.apprenticeship = h.find({"apprenticeship", "registeredapprenticeship", "isapprenticeship"});
  c.start_date = h.find({"startdate", "nextstartdate", "classstartdate", "begindate"});
  c.expires = h.find({"expirationdate", "approvalexpirationdate", "etplexpirationdate",
                      "certapprovalexp", "expires"});
  c.paid = h.find({"paidwhilelearning", "earnwhileyoulearn", "paidtraining", "paid"});
  c.wage =
      h.find({"startingwage", "apprenticewage", "entrywage", "traineewage", "wage", "hourlywage"});
  c.wage_unit = h.find({"wageunit", "wageperiod", "wagefrequency"});
  return c;
}

// ---- values ------------------------------------------------------------------------------------

// "12 weeks", "6 months", "1 year", "160 hours", "10 days", "P12W" → weeks.
std::optional<int> weeks_from_text(std::string_view text) {
  if (const auto iso = duration_weeks(text)) return std::min(*iso, kMaxWeeks);
  const auto n = parse_number(text);
  if (!n || *n <= 0) return std::nullopt;
  const std::string t = lower(text);
  double weeks = 0;
  if (contains_any(t, {"week", "wk", "semana"})) {
    weeks = *n;
  } else if (contains_any(t, {"month", "mes"})) {
    weeks = *n * 52.0 / 12.0;
  } else if (contains_any(t, {"year", "yr", "a\xC3\xB1o", "ano"})) {
    weeks = *n * 52.0;
  } else if (contains_any(t, {"day", "d\u00EDa", "dia"})) {
    weeks = *n / 7.0;
  } else if (contains_any(t, {"hour", "hr", "hora"})) {
    weeks = *n / 40.0;  // at full time, as duration_weeks does for PT…H
  } else {
    return std::nullopt;
  }
  if (!std::isfinite(weeks)) return std::nullopt;
  return std::max(1, static_cast<int>(std::lround(std::min(weeks, double{kMaxWeeks}))));
}

std::optional<int> weeks_from_number(std::optional<double> n, double per_unit) {
  if (!n || *n <= 0 || !std::isfinite(*n)) return std::nullopt;
  return std::max(1, static_cast<int>(std::lround(std::min(*n * per_unit, double{kMaxWeeks}))));
}

// New Jersey's calendar length codes (d4ad's CalendarLength), as the upper end of each range:
// a resident planning around a program should not be surprised by it running longer.
std::optional<int> weeks_from_calendar_length(std::string_view code) {
  static constexpr std::array<int, 11> kWeeks = {0, 1, 1, 1, 3, 11, 22, 52, 104, 208, 260};
  const auto n = parse_number(code);
  if (!n || *n < 1 || *n > 10 || *n != std::floor(*n)) return std::nullopt;
  return kWeeks[static_cast<std::size_t>(*n)];
}

std::optional<ProgramFormat> format_from_text(std::string_view text) {
  const std::string t = lower(text);
  if (t.empty()) return std::nullopt;
  const bool hybrid = contains_any(t, {"hybrid", "blended", "h\u00EDbrido", "hibrido"});
  const bool online = contains_any(t, {"online", "virtual", "distance", "remote", "web-based",
                                       "e-learning", "elearning", "en l\u00EDnea"});
  const bool in_person =
      contains_any(t, {"in person", "in-person", "inperson", "classroom", "on site", "onsite",
                       "on-site", "campus", "face to face", "face-to-face", "presencial"});
  if (hybrid || (online && in_person)) return ProgramFormat::Hybrid;
  if (online) return ProgramFormat::Online;
  if (in_person) return ProgramFormat::InPerson;
  return std::nullopt;
}

// "English, Spanish", "Español", "EN/ES" → "en,es".
std::string language_codes(std::string_view text, bool besides_english) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kNames = {{
      {"english", "en"},   {"ingl", "en"},    {"spanish", "es"}, {"espa", "es"},
      {"creole", "ht"},    {"haitian", "ht"}, {"krey", "ht"},    {"portug", "pt"},
      {"french", "fr"},    {"fran", "fr"},    {"chinese", "zh"}, {"mandarin", "zh"},
      {"cantonese", "zh"}, {"russian", "ru"}, {"arabic", "ar"},  {"vietnamese", "vi"},
      {"korean", "ko"},    {"tagalog", "tl"}, {"polish", "pl"},  {"italian", "it"},
      {"german", "de"},    {"hindi", "hi"},
  }};
  std::vector<std::string> codes;
  const auto add = [&codes](const std::string& code) {
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  };
  if (besides_english) add("en");
  std::string separated = lower(text);
  for (char& c : separated) {
    if (c == ';' || c == '/' || c == '|' || c == '&') c = ',';
  }
  std::size_t start = 0;
  while (start <= separated.size()) {
    std::size_t end = separated.find(',', start);
    if (end == std::string::npos) end = separated.size();
    std::string_view token = trim(std::string_view(separated).substr(start, end - start));
    if (token.starts_with("and ")) token.remove_prefix(4);
    start = end + 1;
    if (token.empty()) continue;
    bool known = false;
    for (const auto& [name, code] : kNames) {
      if (token.find(name) != std::string_view::npos) {
        add(std::string(code));
        known = true;
        break;
      }
    }
    if (!known && token.size() == 2 && std::isalpha(static_cast<unsigned char>(token[0])) != 0 &&
        std::isalpha(static_cast<unsigned char>(token[1])) != 0) {
      add(std::string(token));
    }
  }
  std::string out;
  for (const auto& code : codes) out += (out.empty() ? "" : ",") + code;
  return out;
}

// ETPL exports keep leading zeros out of ZIP codes (New Jersey's 08360 arrives as 8360).
std::string postal_code(std::string_view raw) {
  const std::string_view t = trim(raw);
  if (is_digits(t) && t.size() >= 3 && t.size() <= 4) {
    return std::string(5 - t.size(), '0') + std::string(t);
  }
  if (is_digits(t) && t.size() == 9)
    return std::string(t.substr(0, 5)) + "-" + std::string(t.substr(5));
  if (is_digits(t) && t.size() >= 7 && t.size() <= 8) {
    const std::string padded = std::string(9 - t.size(), '0') + std::string(t);
    return padded.substr(0, 5) + "-" + padded.substr(5);
  }
  return std::string(t);
}

// Websites are typed by hand ("www.vineland.org/adulted"): give them a scheme so a phone can
// open them; anything that is not a web address is dropped.
std::string website(std::string_view raw) {
  const std::string_view t = trim(raw);
  if (t.empty()) return {};
  if (std::string url = web_url(t); !url.empty()) return url;
  const bool looks_like_host =
      t.find('.') != std::string_view::npos && t.find('@') == std::string_view::npos &&
      t.find("://") == std::string_view::npos && t.find(':') == std::string_view::npos;
  return looks_like_host ? web_url("https://" + std::string(t)) : std::string();
}

// US dates as ETPL exports write them: "3/28/2014", "1/1/02 0:00"; ISO dates as well.
std::optional<std::int64_t> date(std::string_view raw) {
  const std::string_view t = trim(raw);
  if (const auto iso = parse_date(t)) return iso;
  int part[3] = {0, 0, 0};
  std::size_t k = 0;
  std::size_t digits = 0;
  std::size_t i = 0;
  for (; i < t.size() && k < 3; ++i) {
    const char c = t[i];
    if (std::isdigit(static_cast<unsigned char>(c)) != 0 && digits < 4) {
      part[k] = part[k] * 10 + (c - '0');
      ++digits;
    } else if (c == '/' && digits > 0 && k < 2) {
      ++k;
      digits = 0;
    } else {
      break;
    }
  }
  if (k != 2 || digits == 0) return std::nullopt;
  int year = part[2];
  if (digits <= 2) year += year < 70 ? 2000 : 1900;
  if (part[0] < 1 || part[0] > 12 || part[1] < 1 || part[1] > 31) return std::nullopt;
  char iso[32];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, part[0], part[1]);
  return parse_date(iso);
}

bool inactive_status(std::string_view status) {
  const std::string s = lower(status);
  return contains_any(
      s, {"suspend", "denied", "deny", "pending", "inactive", "withdraw", "expired", "removed",
          "closed", "rejected", "terminated", "revoked", "disapproved", "not approved"});
}

// ---- rows --------------------------------------------------------------------------------------

class RowReader {
 public:
  explicit RowReader(const CsvRow& row) : row_(row) {}
  std::string raw(Col col) const {
    return col && *col < row_.fields.size() ? row_.fields[*col] : std::string();
  }
  std::string text(Col col) const { return cell_line(raw(col)); }
  std::optional<bool> yes(Col col) const { return flag(unwrap_quotes(raw(col))); }
  std::optional<double> number(Col col) const {
    const std::string t = lower(text(col));
    if (t == "free" || t == "no cost" || t == "none" || t == "gratis") return 0.0;
    const auto n = parse_number(t);
    if (n && *n >= 0) return n;
    return std::nullopt;
  }

 private:
  const CsvRow& row_;
};

std::string capitalized(std::string s) {
  if (!s.empty() && std::islower(static_cast<unsigned char>(s[0])) != 0) {
    s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  }
  return s;
}

Program to_program(const RowReader& r, const Columns& c, const std::string& source_url) {
  Program p;
  p.source = source_url;
  p.name.en = r.text(c.name);
  if (p.name.en.empty()) p.name.en = r.text(c.alt_name);
  p.provider = r.text(c.provider);
  p.id = r.text(c.id);
  if (p.id.empty()) {
    // No program id column: the provider and name identify it as well as anything can.
    std::string provider = r.text(c.provider_id);
    if (provider.empty()) provider = p.provider;
    p.id = provider + "/" + p.name.en;
  }

  p.type = program_type(r.text(c.type));
  if (r.yes(c.apprenticeship).value_or(false)) p.type = ProgramType::Apprenticeship;
  if (p.type == ProgramType::Unknown || p.type == ProgramType::Classroom) {
    const ProgramType by_name = program_type(p.name.en);
    if (by_name == ProgramType::Apprenticeship || by_name == ProgramType::PreApprenticeship) {
      p.type = by_name;
    }
  }
  if (p.type == ProgramType::Unknown) p.type = ProgramType::Classroom;

  std::string description = unwrap_quotes(r.raw(c.description));
  if (clean_text(description).empty()) description = unwrap_quotes(r.raw(c.alt_description));
  p.description.en = description_blocks(description);
  for (auto& block : description_blocks(unwrap_quotes(r.raw(c.features)))) {
    p.description.en.push_back(std::move(block));
  }

  p.cost = r.number(c.total_cost);
  if (!p.cost) {
    double sum = 0;
    bool any = false;
    for (const Col& part : c.cost_parts) {
      if (const auto n = r.number(part)) {
        sum += *n;
        any = true;
      }
    }
    if (any) p.cost = sum;
  }

  p.duration_weeks = weeks_from_number(r.number(c.weeks), 1.0);
  if (!p.duration_weeks) p.duration_weeks = weeks_from_number(r.number(c.months), 52.0 / 12.0);
  if (!p.duration_weeks) p.duration_weeks = weeks_from_text(r.text(c.duration_text));
  if (!p.duration_weeks) p.duration_weeks = weeks_from_calendar_length(r.text(c.calendar_length));
  if (!p.duration_weeks) p.duration_weeks = weeks_from_number(r.number(c.hours), 1.0 / 40.0);

  p.schedule.en = r.text(c.schedule);
  const bool evening = r.yes(c.evening).value_or(false);
  const bool weekend = r.yes(c.weekend).value_or(false);
  p.schedule_times = schedule_times(p.schedule.en);
  if (evening) p.schedule_times |= kEvening;
  if (weekend) p.schedule_times |= kWeekend;
  if (p.schedule.en.empty()) {
    if (evening && weekend) {
      p.schedule = {"Evening and weekend classes available",
                    "Clases por la noche y los fines de semana"};
    } else if (evening) {
      p.schedule = {"Evening classes available", "Clases por la noche"};
    } else if (weekend) {
      p.schedule = {"Weekend classes available", "Clases los fines de semana"};
    }
  }

  std::optional<ProgramFormat> format = format_from_text(r.text(c.format));
  if (!format) {
    const bool remote = r.yes(c.mention_remote).value_or(false) ||
                        r.yes(c.online).value_or(false) || r.yes(c.distance).value_or(false);
    const bool hybrid = r.yes(c.mention_hybrid).value_or(false);
    const bool in_person = r.yes(c.mention_inperson).value_or(false);
    if (hybrid || (remote && in_person)) {
      format = ProgramFormat::Hybrid;
    } else if (remote) {
      format = ProgramFormat::Online;
    } else if (in_person || (r.yes(c.distance) == false && !r.text(c.street1).empty())) {
      format = ProgramFormat::InPerson;  // no distance learning, and a classroom address
    }
  }
  p.format = format.value_or(ProgramFormat::Unknown);

  std::vector<std::string> credentials;
  for (const Col& col : c.credentials) {
    std::string value = capitalized(r.text(col));
    if (value.empty()) continue;
    const bool dup =
        std::any_of(credentials.begin(), credentials.end(),
                    [&value](const std::string& v) { return lower(v) == lower(value); });
    if (!dup) credentials.push_back(std::move(value));
  }
  for (const auto& value : credentials) {
    p.credential.en += (p.credential.en.empty() ? "" : "; ") + value;
  }
  p.prerequisites.en = r.text(c.prerequisites);
  p.no_degree = program_no_degree(p.type, p.prerequisites.en);

  p.wioa_eligible = r.yes(c.wioa).value_or(false) || r.yes(c.wioa_mention).value_or(false);
  p.taa_eligible = r.yes(c.taa).value_or(false);

  // A language column that is present but empty still means English instruction: these are US
  // state lists. NJ's "languages" lists the languages offered besides English.
  p.language = language_codes(r.text(c.language), c.other_languages);
  if (p.language.empty()) p.language = "en";

  Place place;
  place.name = p.provider;
  place.street = r.text(c.street1);
  if (const std::string street2 = r.text(c.street2); !street2.empty()) {
    place.street += (place.street.empty() ? "" : ", ") + street2;
  }
  place.city = r.text(c.city);
  const std::string state = r.text(c.state);
  place.region = state;
  if (state.size() > 2) {
    const LocationText found = parse_location_text(state);  // "Florida" → "FL"
    if (!found.places.empty() && !found.places[0].region.empty()) {
      place.region = found.places[0].region;
    }
  } else {
    for (char& ch : place.region)
      ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  }
  place.postal_code = postal_code(r.text(c.zip));
  const std::string country = r.text(c.country);
  if (!place.street.empty() || !place.city.empty() || !place.region.empty() ||
      !place.postal_code.empty()) {
    place.country = country.empty() ? "US" : country_code(country);
    p.locations.push_back(std::move(place));
  }

  p.url = website(r.text(c.website));

  p.occupation_codes = occupations::onet_codes_in(r.text(c.soc));
  if (!p.occupation_codes.empty()) p.occupation_code = p.occupation_codes.front();
  p.cip_codes = occupations::cip_codes_in(r.text(c.cip));
  const std::string cip = p.cip_codes.empty() ? std::string() : p.cip_codes.front();
  const std::string industry_name = r.text(c.industry_name);
  if (!industry_name.empty() || !p.occupation_code.empty()) {
    p.industry = industry(industry_name, p.occupation_code);
  }
  if ((p.industry == Industry::Unknown || p.industry == Industry::Other) && !cip.empty()) {
    p.industry = industry_from_cip(cip);
  }
  if (p.industry == Industry::Unknown || p.industry == Industry::Other) {
    const Industry by_name = industry(p.name.en, "");
    if (by_name != Industry::Other && by_name != Industry::Unknown) p.industry = by_name;
  }

  p.start_date = date(r.text(c.start_date));
  p.valid_through = date(r.text(c.expires));

  // Apprenticeships and on-the-job training pay by definition; a column may say so for others.
  p.paid_while_learning =
      r.yes(c.paid).value_or(p.type == ProgramType::Apprenticeship || p.type == ProgramType::Ojt);
  if (const auto wage = r.number(c.wage); wage && *wage > 0) {
    p.paid_while_learning = true;
    p.wage.min = *wage;
    p.wage.unit = pay_unit(r.text(c.wage_unit));
    if (p.wage.unit == PayUnit::Unknown && *wage <= 200) p.wage.unit = PayUnit::Hour;
  }
  return p;
}

}  // namespace

ParseResult parse_etpl_csv(std::string_view body, const std::string& source_url) {
  try {
    if (body.starts_with("\xFF\xFE") || body.starts_with("\xFE\xFF")) {
      return ParseError{"the CSV is UTF-16 (Excel \"Unicode Text\"); save it as CSV UTF-8"};
    }
    if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
    if (body.substr(0, 4096).find('\0') != std::string_view::npos) {
      return ParseError{"not a CSV text file (it contains binary data)"};
    }
    ParsedFeed feed;
    std::string converted;
    if (!utf8::valid(body)) {
      converted = windows1252_to_utf8(body);
      body = converted;
      feed.warnings.emplace_back("the CSV is not UTF-8; read it as Windows-1252");
    }

    CsvReader reader(body, detect_delimiter(body));
    std::optional<CsvRow> header_row;
    while (auto row = reader.next()) {
      const bool blank = std::all_of(row->fields.begin(), row->fields.end(),
                                     [](const std::string& f) { return trim(f).empty(); });
      if (!blank) {
        header_row = std::move(row);
        break;
      }
    }
    if (!header_row) return ParseError{"the CSV is empty"};
    const Header header(header_row->fields);
    const Columns columns = find_columns(header);
    if (!columns.name) {
      return ParseError{
          "no program-name column (looked for officialname, program name, program title, course "
          "name, title)"};
    }
    if (!columns.provider) {
      return ParseError{
          "no training-provider column (looked for provider name, provider, institution, "
          "school, name)"};
    }

    std::size_t skipped = 0;
    const auto warn = [&](std::string text) {
      if (feed.warnings.size() < kMaxWarnings) {
        feed.warnings.push_back(std::move(text));
      } else {
        ++skipped;
      }
    };
    while (auto row = reader.next()) {
      const bool blank = std::all_of(row->fields.begin(), row->fields.end(),
                                     [](const std::string& f) { return trim(f).empty(); });
      if (blank) continue;  // trailing empty lines, ",,,," rows
      const RowReader r(*row);
      const std::string where = "line " + std::to_string(row->line);
      if (r.text(columns.name).empty() && r.text(columns.alt_name).empty()) {
        warn("training program on " + where + " skipped: no program name");
        continue;
      }
      // Suspended or pending programs are on the list but cannot take WIOA-funded students.
      std::string status = r.text(columns.status);
      if (!inactive_status(status)) status = r.text(columns.provider_status);
      if (inactive_status(status)) {
        warn("training program on " + where + " (\"" + r.text(columns.name).substr(0, 80) +
             "\") skipped: status " + status.substr(0, 40));
        continue;
      }
      feed.programs.push_back(to_program(r, columns, source_url));
    }
    if (reader.unterminated()) {
      warn("the CSV ends inside a quoted field; its last record may be cut short");
    }
    if (skipped > 0) feed.warnings.push_back("and " + std::to_string(skipped) + " more warnings");
    return feed;
  } catch (const std::exception& e) {
    return ParseError{std::string("could not read the training-program CSV: ") + e.what()};
  }
}

}  // namespace kiosk::feeds

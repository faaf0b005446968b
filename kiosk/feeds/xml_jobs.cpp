#include "kiosk/feeds/xml_jobs.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlversion.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/feeds/bounds.h"
#include "kiosk/feeds/greenhouse.h"
#include "kiosk/feeds/html_text.h"
#include "kiosk/feeds/normalize.h"

namespace kiosk::feeds {
namespace {

constexpr std::size_t kBatch = 500;
constexpr std::size_t kMaxWarnings = 20;
// Child elements of one <job> looked at; a real posting has a few dozen.
constexpr std::size_t kMaxChildren = 256;
// Text kept for one job in all: a long description and every other field at their longest.
constexpr std::size_t kMaxJobBytes = 4 * kMaxRawValueBytes;
constexpr std::size_t kMaxReasonBytes = 200;  // libxml2's message, in the one sentence

// ---- libxml2: handles and errors ---------------------------------------------------------------

struct ReaderFree {
  void operator()(xmlTextReaderPtr reader) const { xmlFreeTextReader(reader); }
};
using Reader = std::unique_ptr<xmlTextReader, ReaderFree>;

struct XmlCharFree {
  void operator()(xmlChar* text) const { xmlFree(text); }
};
using XmlString = std::unique_ptr<xmlChar, XmlCharFree>;

const char* chars(const xmlChar* text) {
  return reinterpret_cast<const char*>(text);
}

// No document is ever allowed to bring in another: not a DTD, not an external entity, not
// over the network (the kiosk is libxml2's only user in the process, so the loader is global).
xmlParserInputPtr no_external_input(const char* /*url*/, const char* /*id*/,
                                    xmlParserCtxtPtr /*ctxt*/) {
  return nullptr;
}

void init_libxml() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    xmlSetExternalEntityLoader(no_external_input);
  });
}

// No NOENT (entities stay references, never expanded), no DTDLOAD, no HUGE (libxml2's limits
// on text, names and depth hold), nothing from the network.
constexpr int kReaderOptions = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

// The first error libxml2 reports (the first fatal one, when there is one), for the one sentence
// a technician reads.
struct Errors {
  std::string first;
  int line = 0;
  bool fatal = false;
};

void note_error(void* context, const xmlError* error) {
  auto* errors = static_cast<Errors*>(context);
  if (errors == nullptr || error == nullptr || error->level < XML_ERR_ERROR) return;
  const bool first_fatal = error->level == XML_ERR_FATAL && !errors->fatal;
  if (error->level == XML_ERR_FATAL) errors->fatal = true;
  if (!errors->first.empty() && !first_fatal) return;
  std::string message(trim(one_line(error->message != nullptr ? error->message : "")));
  if (message.size() > kMaxReasonBytes) message = cut_at_word(message, kMaxReasonBytes);
  if (lower(message).find("huge") != std::string::npos) {
    // libxml2's limits without XML_PARSE_HUGE: a text node or name of 10 MB, a line of input.
    message = "one element holds more text than any job feed needs (10 MB or more)";
  }
  errors->first = message.empty() ? std::string("damaged XML") : message;
  errors->line = error->line;
}

// libxml2 2.12 made the error const; Debian 12 has 2.9.
#if LIBXML_VERSION >= 21200
void on_error(void* context, const xmlError* error) {
  note_error(context, error);
}
#else
void on_error(void* context, xmlErrorPtr error) {
  note_error(context, error);
}
#endif

void ignore_generic(void* /*context*/, const char* /*format*/, ...) {}

// While a document is read, libxml2's messages go to `errors` on this thread, never to stderr
// (also those raised outside the reader, such as an unknown encoding).
class ErrorScope {
 public:
  explicit ErrorScope(Errors& errors)
      : structured_(xmlStructuredError),
        structured_context_(xmlStructuredErrorContext),
        generic_(xmlGenericError),
        generic_context_(xmlGenericErrorContext) {
    xmlSetStructuredErrorFunc(&errors, on_error);
    xmlSetGenericErrorFunc(nullptr, ignore_generic);
  }
  ~ErrorScope() {
    xmlSetStructuredErrorFunc(structured_context_, structured_);
    xmlSetGenericErrorFunc(generic_context_, generic_);
  }
  ErrorScope(const ErrorScope&) = delete;
  ErrorScope& operator=(const ErrorScope&) = delete;

 private:
  xmlStructuredErrorFunc structured_;
  void* structured_context_;
  xmlGenericErrorFunc generic_;
  void* generic_context_;
};

// ---- What one <job> holds ----------------------------------------------------------------------

enum Field {
  kTitle,
  kDate,
  kReference,
  kUrl,
  kCompany,
  kCity,
  kState,
  kPostalCode,
  kCountry,
  kStreet,
  kLocation,
  kDescription,
  kSalary,
  kJobType,
  kCategory,
  kRemote,
  kExpires,
  kEducation,
  kExperience,
  kLanguage,
  kFieldCount,
};

// Element names (lower case) as Indeed, ZipRecruiter, Appcast and Jooble write them.
constexpr std::array<std::pair<std::string_view, Field>, 55> kFieldNames = {{
    {"title", kTitle},
    {"jobtitle", kTitle},
    {"job_title", kTitle},
    {"name", kTitle},
    {"date", kDate},
    {"pubdate", kDate},
    {"posted_at", kDate},
    {"date_posted", kDate},
    {"dateposted", kDate},
    {"referencenumber", kReference},
    {"reference_number", kReference},
    {"reference", kReference},
    {"job_reference", kReference},
    {"requisitionid", kReference},
    {"jobid", kReference},
    {"job_id", kReference},
    {"id", kReference},
    {"url", kUrl},
    {"link", kUrl},
    {"apply_url", kUrl},
    {"applyurl", kUrl},
    {"company", kCompany},
    {"companyname", kCompany},
    {"company_name", kCompany},
    {"employer", kCompany},
    {"city", kCity},
    {"state", kState},
    {"province", kState},
    {"postalcode", kPostalCode},
    {"postal_code", kPostalCode},
    {"zip", kPostalCode},
    {"zipcode", kPostalCode},
    {"country", kCountry},
    {"streetaddress", kStreet},
    {"street_address", kStreet},
    {"location", kLocation},
    {"region", kLocation},
    {"description", kDescription},
    {"body", kDescription},
    {"salary", kSalary},
    {"compensation", kSalary},
    {"jobtype", kJobType},
    {"job_type", kJobType},
    {"employmenttype", kJobType},
    {"category", kCategory},
    {"industry", kCategory},
    {"remote", kRemote},
    {"remotetype", kRemote},
    {"remote_type", kRemote},
    {"expirationdate", kExpires},
    {"expiration_date", kExpires},
    {"expire", kExpires},
    {"education", kEducation},
    {"experience", kExperience},
    {"language", kLanguage},
}};

std::optional<Field> field_named(std::string_view name) {
  for (const auto& [known, field] : kFieldNames) {
    if (name == known) return field;
  }
  return std::nullopt;
}

struct RawJob {
  std::array<std::string, kFieldCount> fields;
  std::array<bool, kFieldCount> seen{};  // the first element of a name wins
  std::string id_attribute;              // Jooble: <job id="…">
  std::size_t bytes = 0;
  std::size_t children = 0;

  void append(Field field, std::string_view text) {
    std::string& value = fields[field];
    const std::size_t room = std::min(kMaxRawValueBytes - std::min(kMaxRawValueBytes, value.size()),
                                      kMaxJobBytes - std::min(kMaxJobBytes, bytes));
    const std::size_t n = std::min(room, text.size());
    value.append(text.substr(0, n));  // a cut inside a character is dropped by clean_text
    bytes += n;
  }
};

// ---- Values as job boards write them -----------------------------------------------------------

bool placeholder(std::string_view s) {
  const std::string l = lower(s);
  return l == "n/a" || l == "na" || l == "none" || l == "null" || l == "-" || l == "unknown" ||
         l == "confidential";
}

// One line of text: entities a feed escaped once more decoded, hidden characters gone.
std::string line_of(const std::string& raw) {
  const std::string text =
      one_line(raw.find('&') != std::string::npos ? decode_html_entities(raw) : raw);
  const std::string_view t = trim(text);
  return placeholder(t) ? std::string() : std::string(t);
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

int to_int(std::string_view digits) {
  int n = 0;
  for (const char c : digits.substr(0, 6)) n = n * 10 + (c - '0');
  return n;
}

// "Jul", "july", "JULY" → 7; 0 for anything else.
int month_number(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  const std::string l = lower(word.substr(0, 3));
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    if (l == kMonths[m]) return static_cast<int>(m) + 1;
  }
  return 0;
}

// RFC 822 time zones as feeds write them, in minutes east of UTC.
std::optional<int> zone_minutes(std::string_view zone) {
  static constexpr std::array<std::pair<std::string_view, int>, 12> kZones = {{
      {"gmt", 0},
      {"ut", 0},
      {"utc", 0},
      {"z", 0},
      {"est", -300},
      {"edt", -240},
      {"cst", -360},
      {"cdt", -300},
      {"mst", -420},
      {"mdt", -360},
      {"pst", -480},
      {"pdt", -420},
  }};
  const std::string l = lower(zone);
  for (const auto& [name, minutes] : kZones) {
    if (l == name) return minutes;
  }
  if (zone.size() == 5 && (zone[0] == '+' || zone[0] == '-') && all_digits(zone.substr(1))) {
    const int minutes = to_int(zone.substr(1, 2)) * 60 + to_int(zone.substr(3, 2));
    return zone[0] == '-' ? -minutes : minutes;
  }
  return std::nullopt;
}

// "07:27:14", "7:27" → "07:27:14", "07:27:00".
std::optional<std::string> clock_of(std::string_view token) {
  int parts[3] = {0, 0, 0};
  int n = 0;
  std::size_t i = 0;
  while (n < 3 && i <= token.size()) {
    const std::size_t colon = std::min(token.find(':', i), token.size());
    const std::string_view part = token.substr(i, colon - i);
    if (!all_digits(part) || part.size() > 2) return std::nullopt;
    parts[n++] = to_int(part);
    i = colon + 1;
  }
  if (n < 2 || i <= token.size() || parts[0] > 23 || parts[1] > 59 || parts[2] > 60) {
    return std::nullopt;
  }
  char out[48];
  std::snprintf(out, sizeof out, "%02d:%02d:%02d", parts[0], parts[1], parts[2]);
  return std::string(out);
}

// "Thu, 31 Jul 2014 07:27:14 PDT", "31 Jul 2014", "July 31, 2014 10:00": the parts in any
// order, as ISO 8601 for parse_date.
std::optional<std::int64_t> rfc822_date(std::string_view text) {
  int day = 0;
  int month = 0;
  int year = 0;
  std::string time = "00:00:00";
  int zone = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t end = text.find_first_of(" ,\t", i);
    const std::string_view token =
        text.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
    i = end == std::string_view::npos ? text.size() : end + 1;
    if (token.empty()) continue;
    if (all_digits(token) && token.size() == 4) {
      year = to_int(token);
    } else if (all_digits(token) && token.size() <= 2) {
      if (day == 0) {
        day = to_int(token);
      } else if (year == 0) {
        year = 2000 + to_int(token);  // RFC 822's two-digit years are this century's
      }
    } else if (const auto clock = clock_of(token)) {
      time = *clock;
    } else if (const int m = month_number(token); m != 0) {
      month = m;
    } else if (const auto minutes = zone_minutes(token)) {
      zone = *minutes;
    }
  }
  if (day == 0 || month == 0 || year == 0) return std::nullopt;
  char iso[48];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%s%c%02d:%02d", year, month, day, time.c_str(),
                zone < 0 ? '-' : '+', std::abs(zone) / 60, std::abs(zone) % 60);
  return parse_date(iso);
}

// ISO 8601 (with " UTC" or " GMT" after it, as some exports write), RFC 822, or the US
// "07/31/2014".
std::optional<std::int64_t> date_of(std::string_view raw) {
  const std::string_view t = trim(raw);
  if (t.empty()) return std::nullopt;
  if (const auto iso = parse_date(t)) return iso;
  for (const std::string_view suffix : {" UTC", " GMT", " utc", " gmt"}) {
    if (t.ends_with(suffix)) {
      if (const auto iso = parse_date(t.substr(0, t.size() - suffix.size()))) return iso;
    }
  }
  const std::string_view first = t.substr(0, t.find(' '));
  const std::size_t slash1 = first.find('/');
  const std::size_t slash2 = first.find('/', slash1 == std::string_view::npos ? 0 : slash1 + 1);
  if (slash1 != std::string_view::npos && slash2 != std::string_view::npos) {
    const std::string_view m = first.substr(0, slash1);
    const std::string_view d = first.substr(slash1 + 1, slash2 - slash1 - 1);
    const std::string_view y = first.substr(slash2 + 1);
    if (all_digits(m) && all_digits(d) && all_digits(y) && m.size() <= 2 && d.size() <= 2 &&
        y.size() == 4) {
      char iso[48];
      std::snprintf(iso, sizeof iso, "%s-%02d-%02d", std::string(y).c_str(), to_int(m), to_int(d));
      return parse_date(iso);
    }
  }
  return rfc822_date(t);
}

// The words of a lower-case text: runs of letters (any non-ASCII byte counts as one).
std::vector<std::string_view> words_of(std::string_view s) {
  const auto letter = [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalpha(u) != 0 || u >= 0x80;
  };
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !letter(s[i])) ++i;
    std::size_t end = i;
    while (end < s.size() && letter(s[end])) ++end;
    if (end > i) words.push_back(s.substr(i, end - i));
    i = end;
  }
  return words;
}

// The unit a pay text names, by its first word that is one.
PayUnit unit_in(const std::vector<std::string_view>& words) {
  static constexpr std::array<std::pair<std::string_view, PayUnit>, 25> kWords = {{
      {"hour", PayUnit::Hour},     {"hours", PayUnit::Hour},  {"hr", PayUnit::Hour},
      {"hrs", PayUnit::Hour},      {"hourly", PayUnit::Hour}, {"hora", PayUnit::Hour},
      {"day", PayUnit::Day},       {"daily", PayUnit::Day},   {"week", PayUnit::Week},
      {"weekly", PayUnit::Week},   {"wk", PayUnit::Week},     {"month", PayUnit::Month},
      {"monthly", PayUnit::Month}, {"mo", PayUnit::Month},    {"mes", PayUnit::Month},
      {"year", PayUnit::Year},     {"years", PayUnit::Year},  {"yr", PayUnit::Year},
      {"yearly", PayUnit::Year},   {"annual", PayUnit::Year}, {"annually", PayUnit::Year},
      {"annum", PayUnit::Year},    {"salary", PayUnit::Year}, {"año", PayUnit::Year},
      {"anual", PayUnit::Year},
  }};
  for (const std::string_view word : words) {
    for (const auto& [name, unit] : kWords) {
      if (word == name) return unit;
    }
  }
  return PayUnit::Unknown;
}

struct Amount {
  double value = 0;
  std::size_t begin = 0;  // where it starts in the text (its currency sign included)
  std::size_t end = 0;
  bool currency = false;  // written with a currency sign
};

// Every amount of a pay text: "$45,000", "17.50", "45k".
std::vector<Amount> amounts_in(std::string_view s) {
  std::vector<Amount> out;
  std::size_t i = 0;
  while (i < s.size() && out.size() < 8) {
    if (std::isdigit(static_cast<unsigned char>(s[i])) == 0) {
      ++i;
      continue;
    }
    Amount a;
    a.begin = i;
    if (i > 0 && s[i - 1] == '$') {
      a.currency = true;
      a.begin = i - 1;
    }
    std::string digits;
    while (i < s.size()) {
      const char c = s[i];
      if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
        digits += c;
      } else if (c == ',' && i + 3 < s.size() && all_digits(s.substr(i + 1, 3)) &&
                 (i + 4 >= s.size() || std::isdigit(static_cast<unsigned char>(s[i + 4])) == 0)) {
        // a thousands separator
      } else if (c == '.' && i + 1 < s.size() &&
                 std::isdigit(static_cast<unsigned char>(s[i + 1])) != 0 &&
                 digits.find('.') == std::string::npos) {
        digits += c;
      } else {
        break;
      }
      ++i;
    }
    if (digits.size() > 12) continue;  // not a wage
    a.value = std::strtod(digits.c_str(), nullptr);
    if (i < s.size() && (s[i] == 'k' || s[i] == 'K') &&
        (i + 1 >= s.size() || std::isalpha(static_cast<unsigned char>(s[i + 1])) == 0)) {
      a.value *= 1000;
      ++i;
    }
    a.end = i;
    out.push_back(a);
  }
  return out;
}

// "$17 - $19 per hour", "$45,000/year", "$45K - $55K a year", "Up to $20/hr", "18.50 hourly".
Pay pay_of(std::string_view raw) {
  Pay pay;
  const std::string s = lower(trim(raw));
  if (s.empty()) return pay;
  std::vector<Amount> amounts = amounts_in(s);
  // With a currency sign in the text, only amounts written with one are wages ("$20/hr + 401k").
  if (std::any_of(amounts.begin(), amounts.end(), [](const Amount& a) { return a.currency; })) {
    std::erase_if(amounts, [](const Amount& a) { return !a.currency; });
  }
  if (amounts.empty() || amounts[0].value <= 0) return pay;
  const std::string_view before = std::string_view(s).substr(0, amounts[0].begin);
  const bool up_to = before.find("up to") != std::string_view::npos ||
                     before.find("hasta") != std::string_view::npos;
  (up_to ? pay.max : pay.min) = amounts[0].value;
  if (!up_to && amounts.size() > 1) {
    std::string between(
        trim(std::string_view(s).substr(amounts[0].end, amounts[1].begin - amounts[0].end)));
    std::erase(between, '$');
    if (between == "-" || between == "to" || between == "a" || between == "and" ||
        between == "\xe2\x80\x93" || between == "\xe2\x80\x94") {
      pay.max = amounts[1].value;
    }
  }
  const std::vector<std::string_view> words = words_of(s);
  const auto has_word = [&words](std::string_view w) {
    return std::find(words.begin(), words.end(), w) != words.end();
  };
  pay.unit = unit_in(words);
  if (pay.unit == PayUnit::Unknown) {
    const double amount = pay.max.value_or(*pay.min);
    pay.unit = amount >= 1000 ? PayUnit::Year : amount < 300 ? PayUnit::Hour : PayUnit::Unknown;
  }
  if (s.find("\xe2\x82\xac") != std::string::npos || has_word("eur")) {
    pay.currency = "EUR";
  } else if (s.find("\xc2\xa3") != std::string::npos || has_word("gbp")) {
    pay.currency = "GBP";
  } else if (s.find("c$") != std::string::npos || has_word("cad")) {
    pay.currency = "CAD";
  }
  if (pay.min && pay.max && *pay.min > *pay.max) std::swap(pay.min, pay.max);
  return pay;
}

// "2+ years", "1-3 years", "6 months", "Entry level", "No experience required".
std::optional<int> experience_months_of(std::string_view raw) {
  const std::string s = lower(trim(raw));
  if (s.empty()) return std::nullopt;
  if (s.find("no experience") != std::string::npos || s.find("entry") != std::string::npos ||
      s == "none") {
    return 0;
  }
  const auto digit = std::find_if(
      s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
  if (digit == s.end()) return std::nullopt;
  const auto pos = static_cast<std::size_t>(digit - s.begin());
  std::size_t end = pos;
  while (end < s.size() && end - pos < 3 && std::isdigit(static_cast<unsigned char>(s[end])) != 0) {
    ++end;
  }
  const int n = to_int(std::string_view(s).substr(pos, end - pos));
  const std::string_view rest = std::string_view(s).substr(end);
  const std::size_t month = rest.find("month");
  const std::size_t year = rest.find("year");
  return month != std::string_view::npos && month < year ? n : n * 12;
}

// remote / remotetype: "yes", "Fully remote", "Hybrid remote", "no", "On-site".
Workplace workplace_of(std::string_view raw) {
  const std::string s = lower(trim(raw));
  if (s.empty()) return Workplace::Unknown;
  if (s.find("hybrid") != std::string::npos) return Workplace::Hybrid;
  if (s == "no" || s == "false" || s == "0" || s.starts_with("no ") || s.starts_with("not ")) {
    return Workplace::Onsite;
  }
  if (s == "yes" || s == "true" || s == "1" || s.find("remote") != std::string::npos ||
      s.find("work from home") != std::string::npos || s.find("telecommute") != std::string::npos) {
    return Workplace::Remote;  // also "Fully remote, no office"
  }
  if (s.find("on-site") != std::string::npos || s.find("onsite") != std::string::npos ||
      s.find("on site") != std::string::npos || s.find("office") != std::string::npos) {
    return Workplace::Onsite;
  }
  return Workplace::Unknown;
}

// "CA", "California", "florida" → the US state's code when the place is in the US (or says no
// country); as written otherwise ("Ontario").
std::string region_of(const std::string& state, const std::string& country, bool& us_state) {
  us_state = false;
  if (state.empty()) return {};
  if (country.empty() || country == "US") {
    const LocationText found = parse_location_text(state);
    if (found.places.size() == 1 && found.places[0].city.empty() &&
        found.places[0].country == "US" && !found.places[0].region.empty()) {
      us_state = true;
      return found.places[0].region;
    }
  }
  return state;
}

// A stable id for a posting that has no reference number and no link: what identifies it to a
// person.
std::string hashed_id(const Job& job, std::string_view date) {
  std::uint64_t h = 1469598103934665603ull;
  const std::string city = job.locations.empty() ? std::string() : job.locations[0].city;
  for (const std::string_view part :
       {std::string_view(job.title.en), std::string_view(job.title.es),
        std::string_view(job.employer), std::string_view(city), date}) {
    for (const char c : part) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    h = (h ^ 0x1Fu) * 1099511628211ull;
  }
  char out[32];
  std::snprintf(out, sizeof out, "x-%016llx", static_cast<unsigned long long>(h));
  return out;
}

Job job_of(const RawJob& raw, const std::string& source) {
  const auto text = [&raw](Field f) { return line_of(raw.fields[f]); };
  // Links and ids as written: the XML reader decoded them once, and "&reg=1" in a query is not ®.
  const auto verbatim = [&raw](Field f) { return std::string(trim(one_line(raw.fields[f]))); };
  Job job;
  job.source = source;
  const std::string language = lower(text(kLanguage)).substr(0, 2);
  if (language.size() == 2 && std::isalpha(static_cast<unsigned char>(language[0])) != 0 &&
      std::isalpha(static_cast<unsigned char>(language[1])) != 0) {
    job.language = language;
  }
  const bool spanish = job.language == "es";
  (spanish ? job.title.es : job.title.en) = text(kTitle);
  job.employer = text(kCompany);
  job.apply_url = web_url(verbatim(kUrl));

  std::string description = raw.fields[kDescription];
  if (description.find("&lt;") != std::string::npos) {
    description = decode_html_entities(description);  // HTML escaped once more than needed
  }
  (spanish ? job.description.es : job.description.en) = description_blocks(description);

  Place place;
  place.street = text(kStreet);
  place.city = text(kCity);
  const std::string city = lower(place.city);
  const bool remote_city = city == "remote" || city == "anywhere" || city == "work from home";
  if (remote_city) place.city.clear();
  place.postal_code = text(kPostalCode);
  const std::string country = text(kCountry);
  place.country = country.empty() ? std::string() : country_code(country);
  bool us_state = false;
  place.region = region_of(text(kState), place.country, us_state);
  if (us_state && place.country.empty()) place.country = "US";
  const LocationText location = parse_location_text(text(kLocation));
  if (!place.city.empty() || !place.region.empty() || !place.postal_code.empty() ||
      !place.street.empty()) {
    job.locations.push_back(std::move(place));
  } else {
    job.locations = location.places;
  }

  job.workplace = workplace_of(text(kRemote));
  if (job.workplace == Workplace::Unknown) job.workplace = location.workplace;
  if (job.workplace == Workplace::Unknown && remote_city) job.workplace = Workplace::Remote;
  if (job.workplace == Workplace::Unknown && !job.locations.empty()) {
    job.workplace = Workplace::Onsite;
  }

  job.posted = date_of(text(kDate));
  job.valid_through = date_of(text(kExpires));
  job.pay = pay_of(text(kSalary));
  job.employment_types = employment_types_in(text(kJobType));
  const std::string category = text(kCategory);
  job.industry = category.empty() ? Industry::Unknown : industry(category, "");
  const std::string education = text(kEducation);
  (spanish ? job.education.es : job.education.en) = education;
  job.no_degree = no_degree_from(education);
  job.experience_months = experience_months_of(text(kExperience));

  job.id = verbatim(kReference);
  if (job.id.empty()) job.id = std::string(trim(one_line(raw.id_attribute)));
  if (job.id.empty()) job.id = job.apply_url;
  if (job.id.empty() && !job.title.empty()) job.id = hashed_id(job, text(kDate));
  return job;
}

// ---- The reader --------------------------------------------------------------------------------

std::string lower_name(const xmlChar* name) {
  return name == nullptr ? std::string() : lower(chars(name));
}

class JobCollector {
 public:
  JobCollector(const std::string& source, const BatchSink& sink) : source_(source), sink_(sink) {}

  // Reads the whole document; a ParseError when it is not well-formed or holds no jobs.
  std::variant<StreamSummary, ParseError> read(xmlTextReaderPtr reader, Errors& errors) {
    xmlTextReaderSetStructuredErrorHandler(reader, on_error, &errors);
    int status = 0;
    while ((status = xmlTextReaderRead(reader)) == 1 && !errors.fatal) visit(reader);
    if (status != 0 || errors.fatal) return damaged(errors);
    flush();
    if (records_ == 0) {
      if (skipped_ > 0) {
        return ParseError{"none of its " + std::to_string(skipped_) + " jobs has a title"};
      }
      return ParseError{"the XML feed holds no <job> elements"};
    }
    if (skipped_ > kMaxWarnings) {
      warnings_.push_back("and " + std::to_string(skipped_ - kMaxWarnings) + " more jobs skipped");
    }
    return StreamSummary{records_, std::move(warnings_)};
  }

 private:
  ParseError damaged(const Errors& errors) const {
    std::string why = errors.first.empty() ? std::string("the document is damaged") : errors.first;
    if (errors.line > 0) why = "line " + std::to_string(errors.line) + ": " + why;
    if (const std::size_t read = records_ + pending_.size(); read > 0) {
      return ParseError{"not well-formed XML: the feed breaks off or is damaged after " +
                        std::to_string(read) + (read == 1 ? " job (" : " jobs (") + why + ")"};
    }
    return ParseError{"not well-formed XML (" + why + ")"};
  }

  void visit(xmlTextReaderPtr reader) {
    const int type = xmlTextReaderNodeType(reader);
    const int depth = xmlTextReaderDepth(reader);
    switch (type) {
      case XML_READER_TYPE_ELEMENT: {
        const std::string name = lower_name(xmlTextReaderConstLocalName(reader));
        const bool empty = xmlTextReaderIsEmptyElement(reader) == 1;
        if (job_depth_ < 0) {
          if (name != "job") return;
          job_depth_ = depth;
          raw_ = RawJob{};
          const XmlString id(
              xmlTextReaderGetAttribute(reader, reinterpret_cast<const xmlChar*>("id")));
          if (id) raw_.id_attribute = std::string(chars(id.get())).substr(0, kMaxIdBytes + 1);
          if (empty) finish_job();
        } else if (depth == job_depth_ + 1) {
          field_.reset();
          if (++raw_.children > kMaxChildren || empty) return;
          const auto field = field_named(name);
          if (!field || raw_.seen[*field]) return;
          raw_.seen[*field] = true;
          field_ = field;
          field_depth_ = depth;
        } else if (field_ == kDescription) {
          // XHTML written as elements rather than in CDATA: its tags, without attributes,
          // for the HTML reader.
          raw_.append(kDescription, "<" + name + (empty ? "/>" : ">"));
        }
        return;
      }
      case XML_READER_TYPE_END_ELEMENT:
        if (job_depth_ < 0) return;
        if (depth == job_depth_) {
          finish_job();
        } else if (field_ && depth == field_depth_) {
          field_.reset();
        } else if (field_ == kDescription) {
          raw_.append(kDescription, "</" + lower_name(xmlTextReaderConstLocalName(reader)) + ">");
        }
        return;
      case XML_READER_TYPE_TEXT:
      case XML_READER_TYPE_CDATA:
      case XML_READER_TYPE_WHITESPACE:
      case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        if (field_) {
          if (const xmlChar* value = xmlTextReaderConstValue(reader)) {
            raw_.append(*field_, chars(value));
          }
        }
        return;
      default:  // comments, processing instructions, the DTD, entity references (never expanded)
        return;
    }
  }

  void finish_job() {
    job_depth_ = -1;
    field_.reset();
    ++count_;
    Job job = job_of(raw_, source_);
    raw_ = RawJob{};
    if (job.title.empty()) {
      if (++skipped_ <= kMaxWarnings) {
        warnings_.push_back("job #" + std::to_string(count_) + " skipped: it has no title");
      }
      return;
    }
    pending_.jobs.push_back(std::move(job));
    if (pending_.jobs.size() >= kBatch) flush();
  }

  void flush() {
    if (pending_.jobs.empty()) return;
    records_ += pending_.jobs.size();
    sink_(pending_);
    pending_ = ParsedFeed{};
  }

  const std::string& source_;
  const BatchSink& sink_;
  ParsedFeed pending_;
  std::vector<std::string> warnings_;
  std::size_t records_ = 0;
  std::size_t count_ = 0;
  std::size_t skipped_ = 0;
  RawJob raw_;
  int job_depth_ = -1;  // the depth of the <job> being read, -1 outside one
  std::optional<Field> field_;
  int field_depth_ = 0;
};

std::variant<StreamSummary, ParseError> read_with(Reader reader, Errors& errors,
                                                  const std::string& source_url,
                                                  const BatchSink& sink) {
  if (!reader) {
    return ParseError{
        "not well-formed XML (" +
        (errors.first.empty() ? std::string("the reader could not start") : errors.first) + ")"};
  }
  JobCollector collector(source_url, sink);
  try {
    return collector.read(reader.get(), errors);
  } catch (const std::exception& e) {
    return ParseError{std::string("could not save the listings: ") + e.what()};
  }
}

// libxml2 pulls the file through this, a buffer at a time.
int read_stream(void* context, char* buffer, int length) {
  auto* in = static_cast<std::ifstream*>(context);
  in->read(buffer, length);
  if (in->bad()) return -1;
  return static_cast<int>(in->gcount());
}

}  // namespace

bool looks_like_xml_jobs(std::string_view head) {
  std::string_view s = head;
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  // The prolog: declaration, comments, processing instructions, a DOCTYPE.
  while (true) {
    s = trim(s);
    std::size_t end = std::string_view::npos;
    if (s.starts_with("<?")) {
      end = s.find("?>");
      if (end != std::string_view::npos) end += 2;
    } else if (s.starts_with("<!--")) {
      end = s.find("-->");
      if (end != std::string_view::npos) end += 3;
    } else if (s.starts_with("<!")) {
      const std::size_t bracket = s.find('[');
      const std::size_t close = s.find('>');
      end = bracket != std::string_view::npos && bracket < close ? s.find("]>") : close;
      if (end != std::string_view::npos) end += s[end] == ']' ? 2 : 1;
    } else {
      break;
    }
    if (end == std::string_view::npos) return false;
    s.remove_prefix(end);
  }
  if (!s.starts_with('<')) return false;
  const std::size_t name_end = s.find_first_of(" \t\r\n/>", 1);
  std::string root = lower(s.substr(1, name_end == std::string_view::npos ? 0 : name_end - 1));
  if (const std::size_t colon = root.find(':'); colon != std::string::npos) {
    root = root.substr(colon + 1);
  }
  if (root == "source" || root == "jobs") return true;
  if (root == "html") return false;
  const std::string all = lower(s);
  return all.find("<job>") != std::string::npos || all.find("<job ") != std::string::npos;
}

std::variant<StreamSummary, ParseError> stream_xml_jobs(const std::filesystem::path& file,
                                                        const std::string& source_url,
                                                        const BatchSink& sink) {
  init_libxml();
  std::ifstream in(file, std::ios::binary);
  if (!in) return ParseError{"cannot read " + file.string()};
  Errors errors;
  const ErrorScope scope(errors);
  // No close callback: `in` closes itself.
  Reader reader(xmlReaderForIO(read_stream, nullptr, &in, nullptr, nullptr, kReaderOptions));
  return read_with(std::move(reader), errors, source_url, sink);
}

ParseResult parse_xml_jobs(std::string_view body, const std::string& source_url) {
  init_libxml();
  if (body.size() > static_cast<std::size_t>(INT_MAX)) return ParseError{"the feed is too large"};
  ParsedFeed all;
  const BatchSink keep = [&all](ParsedFeed& batch) {
    std::move(batch.jobs.begin(), batch.jobs.end(), std::back_inserter(all.jobs));
    batch = ParsedFeed{};
  };
  Errors errors;
  const ErrorScope scope(errors);
  Reader reader(xmlReaderForMemory(body.data(), static_cast<int>(body.size()), nullptr, nullptr,
                                   kReaderOptions));
  auto result = read_with(std::move(reader), errors, source_url, keep);
  if (auto* error = std::get_if<ParseError>(&result)) return std::move(*error);
  all.warnings = std::move(std::get<StreamSummary>(result).warnings);
  return all;
}

}  // namespace kiosk::feeds

#include "kiosk/feeds/greenhouse.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <exception>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "kiosk/feeds/html_text.h"
#include "kiosk/feeds/normalize.h"

namespace kiosk::feeds {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxWarnings = 20;  // the rest are summarized: a log line, not a dump

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Trims separators left over once "Remote" and the like are taken out of a location.
std::string_view trim_punct(std::string_view s) {
  const auto junk = [](char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0 || c == '-' || c == ',' || c == '(' ||
           c == ')' || c == ':' || c == '/' || c == '|' || c == '.';
  };
  while (!s.empty() && junk(s.front())) s.remove_prefix(1);
  while (!s.empty() && junk(s.back())) s.remove_suffix(1);
  return s;
}

// Every occurrence of `from` replaced by `to`. (Built by appending: GCC 12 warns falsely about
// std::string::replace with a shorter replacement at -O3, bug 105329.)
std::string replace_all(std::string_view s, std::string_view from, std::string_view to) {
  std::string out;
  out.reserve(s.size());
  std::size_t pos = 0;
  std::size_t hit = 0;
  while ((hit = s.find(from, pos)) != std::string_view::npos) {
    out.append(s.substr(pos, hit - pos));
    out.append(to);
    pos = hit + from.size();
  }
  out.append(s.substr(pos));
  return out;
}

std::vector<std::string> split_any(std::string_view s, std::string_view separators) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t end = s.find_first_of(separators, start);
    const std::string_view part =
        s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    parts.emplace_back(trim(part));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

const json* field(const json& obj, const char* key) {
  return json_field(obj, key);
}

std::string text_of(const json& obj, const char* key) {
  const json* v = field(obj, key);
  return v == nullptr ? std::string() : one_line(to_text(*v));
}

constexpr std::array<std::pair<std::string_view, std::string_view>, 51> kUsStates = {{
    {"AL", "alabama"},        {"AK", "alaska"},         {"AZ", "arizona"},
    {"AR", "arkansas"},       {"CA", "california"},     {"CO", "colorado"},
    {"CT", "connecticut"},    {"DE", "delaware"},       {"DC", "district of columbia"},
    {"FL", "florida"},        {"GA", "georgia"},        {"HI", "hawaii"},
    {"ID", "idaho"},          {"IL", "illinois"},       {"IN", "indiana"},
    {"IA", "iowa"},           {"KS", "kansas"},         {"KY", "kentucky"},
    {"LA", "louisiana"},      {"ME", "maine"},          {"MD", "maryland"},
    {"MA", "massachusetts"},  {"MI", "michigan"},       {"MN", "minnesota"},
    {"MS", "mississippi"},    {"MO", "missouri"},       {"MT", "montana"},
    {"NE", "nebraska"},       {"NV", "nevada"},         {"NH", "new hampshire"},
    {"NJ", "new jersey"},     {"NM", "new mexico"},     {"NY", "new york"},
    {"NC", "north carolina"}, {"ND", "north dakota"},   {"OH", "ohio"},
    {"OK", "oklahoma"},       {"OR", "oregon"},         {"PA", "pennsylvania"},
    {"RI", "rhode island"},   {"SC", "south carolina"}, {"SD", "south dakota"},
    {"TN", "tennessee"},      {"TX", "texas"},          {"UT", "utah"},
    {"VT", "vermont"},        {"VA", "virginia"},       {"WA", "washington"},
    {"WV", "west virginia"},  {"WI", "wisconsin"},      {"WY", "wyoming"},
}};

// "FL" or "Florida" → "FL"; nullopt for anything that is not a US state.
std::optional<std::string> us_state(std::string_view text) {
  const std::string t = lower(trim(text));
  for (const auto& [code, name] : kUsStates) {
    if (t == name || t == lower(code)) return std::string(code);
  }
  return std::nullopt;
}

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

// A country named in full or as a known code ("United States", "USA", "Canada").
std::optional<std::string> known_country(std::string_view text) {
  const std::string code = country_code(text);
  const std::string_view t = trim(text);
  if (code.size() == 2 && (t.size() > 2 || upper(t) == "US")) return code;
  return std::nullopt;
}

// Region text that may end in a ZIP code: "FL 33101" → ("FL", "33101").
std::pair<std::string_view, std::string_view> split_zip(std::string_view text) {
  const std::string_view t = trim(text);
  const std::size_t space = t.find_last_of(' ');
  if (space == std::string_view::npos) return {t, {}};
  const std::string_view zip = t.substr(space + 1);
  if ((zip.size() == 5 && is_digits(zip)) ||
      (zip.size() == 10 && zip[5] == '-' && is_digits(zip.substr(0, 5)))) {
    return {trim(t.substr(0, space)), zip};
  }
  return {t, {}};
}

// Sets region (and postal code, and US) when the text is a US state; false otherwise.
bool set_us_region(Place& place, std::string_view text) {
  const auto [region, zip] = split_zip(text);
  const auto state = us_state(region);
  if (!state) return false;
  place.region = *state;
  place.postal_code = std::string(zip);
  if (place.country.empty()) place.country = "US";
  return true;
}

std::optional<Place> place_from_parts(const std::vector<std::string>& parts) {
  std::vector<std::string_view> p;
  for (const auto& part : parts) {
    if (!part.empty()) p.push_back(part);
  }
  Place place;
  if (p.empty()) return std::nullopt;
  if (p.size() == 1) {
    if (set_us_region(place, p[0])) return place;
    if (const auto country = known_country(p[0])) {
      place.country = *country;
    } else {
      place.city = std::string(p[0]);
    }
    return place;
  }
  place.city = std::string(p[0]);
  if (p.size() >= 3) {
    // "Toronto, ON, CA": the last part is the country (there, CA is Canada).
    place.country = country_code(p.back());
    if (!set_us_region(place, p[1])) {
      const auto [region, zip] = split_zip(p[1]);
      place.region = std::string(region);
      place.postal_code = std::string(zip);
    }
    return place;
  }
  // "City, ST", "City, State 33101", "City, Country", "Toronto, ON".
  if (set_us_region(place, p[1])) return place;
  if (const auto country = known_country(p[1])) {
    place.country = *country;
  } else if (p[1].size() == 2) {
    place.region = upper(p[1]);  // a province or state code elsewhere
  } else {
    place.country = country_code(p[1]);
  }
  return place;
}

bool has_word(std::string_view haystack, std::string_view word) {
  std::size_t pos = 0;
  while ((pos = haystack.find(word, pos)) != std::string_view::npos) {
    const bool start_ok =
        pos == 0 || std::isalpha(static_cast<unsigned char>(haystack[pos - 1])) == 0;
    const std::size_t end = pos + word.size();
    const bool end_ok =
        end >= haystack.size() || std::isalpha(static_cast<unsigned char>(haystack[end])) == 0;
    if (start_ok && end_ok) return true;
    pos = end;
  }
  return false;
}

// Removes the workplace words from a location text, case-insensitively.
std::string strip_workplace_words(std::string_view text) {
  std::string out(text);
  for (const std::string_view word :
       {"fully remote", "remote first", "remote-first", "remote", "hybrid", "on-site", "onsite",
        "in-office", "in office", "work from home"}) {
    const std::string low = lower(out);  // same length: only ASCII letters change
    std::string kept;
    std::size_t from = 0;
    for (std::size_t pos = low.find(word); pos != std::string::npos; pos = low.find(word, pos)) {
      const std::size_t end = pos + word.size();
      const bool start_ok = pos == 0 || std::isalpha(static_cast<unsigned char>(low[pos - 1])) == 0;
      const bool end_ok =
          end >= low.size() || std::isalpha(static_cast<unsigned char>(low[end])) == 0;
      if (start_ok && end_ok) {
        kept.append(out, from, pos - from);
        kept += ' ';
        from = end;
      }
      pos = end;
    }
    kept.append(std::string_view(out).substr(from));
    out = std::move(kept);
  }
  // "Remote in Florida", "Remote within the US": the leftover preposition goes too.
  std::string_view rest = trim_punct(out);
  for (const std::string_view lead : {"in the ", "within the ", "in ", "within ", "- "}) {
    if (lower(rest.substr(0, lead.size())) == lead) rest.remove_prefix(lead.size());
  }
  return std::string(trim_punct(rest));
}

struct UrlParts {
  std::string host;
  std::vector<std::string> path;
  std::string query;
};

std::optional<UrlParts> split_url(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::nullopt;
  std::string_view rest = url.substr(scheme + 3);
  const std::size_t fragment = rest.find('#');
  rest = rest.substr(0, fragment);
  UrlParts parts;
  const std::size_t q = rest.find('?');
  if (q != std::string_view::npos) {
    parts.query = std::string(rest.substr(q + 1));
    rest = rest.substr(0, q);
  }
  const std::size_t slash = rest.find('/');
  std::string_view host = rest.substr(0, slash);
  if (const std::size_t at = host.rfind('@'); at != std::string_view::npos) {
    host.remove_prefix(at + 1);
  }
  host = host.substr(0, host.find(':'));
  parts.host = lower(host);
  if (slash != std::string_view::npos) {
    for (auto& segment : split_any(rest.substr(slash + 1), "/")) {
      if (!segment.empty()) parts.path.push_back(std::move(segment));
    }
  }
  return parts;
}

bool host_is(const std::string& host, std::string_view domain) {
  return host == domain || (host.size() > domain.size() && host.ends_with(domain) &&
                            host[host.size() - domain.size() - 1] == '.');
}

// "acme-corp" → "Acme Corp".
std::string display_name(std::string_view slug) {
  std::string out;
  bool word_start = true;
  for (const char c : slug) {
    if (c == '-' || c == '_' || c == '+' || c == ' ') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      word_start = true;
      continue;
    }
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) == 0 && c != '.' && c != '&') return {};  // not a plain slug
    out += word_start ? static_cast<char>(std::toupper(u)) : c;
    word_start = false;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string query_value(std::string_view query, std::string_view key) {
  for (const auto& pair : split_any(query, "&")) {
    if (pair.size() > key.size() && pair.compare(0, key.size(), key) == 0 &&
        pair[key.size()] == '=') {
      return pair.substr(key.size() + 1);
    }
  }
  return {};
}

// The segment that follows `marker` in a path ("…/boards/{token}/…").
std::string segment_after(const std::vector<std::string>& path, std::string_view marker) {
  for (std::size_t k = 0; k + 1 < path.size(); ++k) {
    if (path[k] == marker) return path[k + 1];
  }
  return {};
}

// A company from any URL: the ATS board name when there is one, else the site's own name
// ("https://stripe.com/jobs/search?gh_jid=1" → "Stripe").
std::string employer_from_any_url(std::string_view url) {
  std::string name = employer_from_ats_url(url);
  if (!name.empty()) return name;
  const auto parts = split_url(url);
  if (!parts || parts->host.empty()) return {};
  std::vector<std::string> labels = split_any(parts->host, ".");
  if (labels.size() < 2) return {};
  labels.pop_back();  // the top-level domain
  // "careers.acme.co.uk" → "acme": skip a second-level "co"/"com" and the usual subdomains.
  while (labels.size() > 1 && (labels.back() == "co" || labels.back() == "com")) labels.pop_back();
  const std::string& label = labels.back();
  if (is_digits(label)) return {};
  return display_name(label);
}

// ---- Greenhouse --------------------------------------------------------------------------------

struct Board {
  std::string name;  // from the board itself, when the caller merged it into the body
  std::string source_url;
};

// Greenhouse's "content" is HTML escaped as text once (and in the API documentation's examples
// twice): unescape until it is HTML again. Content that is already HTML is left alone, so an
// "&lt;" the author wrote as text stays text.
std::string unescape_content(std::string content) {
  for (int level = 0; level < 3 && !looks_like_html(content); ++level) {
    const std::string low = lower(content);
    if (low.find("&lt;") == std::string::npos && low.find("&amp;lt;") == std::string::npos &&
        low.find("&#60;") == std::string::npos && low.find("&#x3c;") == std::string::npos) {
      break;
    }
    content = decode_html_entities(content);
  }
  return content;
}

bool is_employment_field(std::string_view name) {
  const std::string n = lower(name);
  const auto keys = {"employment",  "job type",      "time type",     "commitment",
                     "worker type", "position type", "schedule type", "employee type"};
  return std::any_of(keys.begin(), keys.end(),
                     [&n](const char* key) { return n.find(key) != std::string::npos; });
}

// Departments are named by the company, so only a name that is plainly an employment type
// counts ("Internships" does, "Full Stack Engineering" must not).
std::uint8_t employment_from_department(std::string_view name) {
  std::string s;
  for (const char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (s.find("internship") != std::string::npos || s == "intern" || s == "interns") {
    return kInternship;
  }
  if (s.find("parttime") != std::string::npos) return kPartTime;
  if (s == "temporary" || s == "seasonal" || s == "contract" || s == "contractor" ||
      s == "contractors") {
    return employment_type(s);
  }
  return 0;
}

void read_pay(const json& job, Pay& pay) {
  const json* ranges = field(job, "pay_input_ranges");
  if (ranges == nullptr || !ranges->is_array() || ranges->empty()) return;
  std::string currency;
  for (const auto& range : *ranges) {
    if (!range.is_object()) continue;
    std::string cur = upper(text_of(range, "currency_type"));
    if (cur.empty()) cur = "USD";
    if (currency.empty()) {
      currency = cur;
    } else if (cur != currency) {
      continue;  // ranges in another currency cannot be merged into one
    }
    // Several ranges are for different locations ("NYC Salary Range", "SF Salary Range"): the
    // resident sees the whole span.
    if (const json* v = field(range, "min_cents")) {
      if (const auto n = to_number(*v); n && *n > 0) {
        pay.min = pay.min ? std::min(*pay.min, *n / 100) : *n / 100;
      }
    }
    if (const json* v = field(range, "max_cents")) {
      if (const auto n = to_number(*v); n && *n > 0) {
        pay.max = pay.max ? std::max(*pay.max, *n / 100) : *n / 100;
      }
    }
    if (pay.unit == PayUnit::Unknown) {
      pay.unit = pay_unit(text_of(range, "unit"));
      if (pay.unit == PayUnit::Unknown) {
        for (const auto& word : split_any(text_of(range, "title"), " -/()")) {
          if (word.size() >= 3) pay.unit = pay_unit(word);
          if (pay.unit != PayUnit::Unknown) break;
        }
      }
    }
  }
  if (!pay.min && !pay.max) return;
  pay.currency = currency;
  if (pay.min && pay.max && *pay.min > *pay.max) std::swap(pay.min, pay.max);
  if (pay.unit == PayUnit::Unknown) {
    // Greenhouse ranges without a unit are, in practice, yearly salaries or hourly wages; the
    // amount tells which.
    const double amount = pay.max ? *pay.max : *pay.min;
    if (amount >= 10000) pay.unit = PayUnit::Year;
    if (amount <= 200) pay.unit = PayUnit::Hour;
  }
}

void add_locations(const LocationText& found, Job& job) {
  for (const auto& place : found.places) {
    const bool dup = std::any_of(job.locations.begin(), job.locations.end(), [&](const Place& p) {
      return p.city == place.city && p.region == place.region && p.country == place.country;
    });
    if (!dup) job.locations.push_back(place);
  }
  if (found.workplace == Workplace::Remote || job.workplace == Workplace::Unknown) {
    if (found.workplace != Workplace::Unknown) job.workplace = found.workplace;
  }
}

std::optional<Job> to_job(const json& item, const Board& board, std::string& why) {
  if (!item.is_object()) {
    why = "not a JSON object";
    return std::nullopt;
  }
  Job job;
  job.id = text_of(item, "id");
  const std::string title = text_of(item, "title");
  if (job.id.empty()) {
    why = "no id";
    return std::nullopt;
  }
  if (title.empty()) {
    why = "no title";
    return std::nullopt;
  }
  job.source = board.source_url;
  job.language = lower(text_of(item, "language"));
  if (job.language.empty()) job.language = "en";
  const bool spanish = job.language == "es" || job.language.starts_with("es-");
  (spanish ? job.title.es : job.title.en) = title;

  const std::string absolute_url = text_of(item, "absolute_url");
  job.apply_url = web_url(absolute_url);
  job.employer = text_of(item, "company_name");
  if (job.employer.empty()) job.employer = board.name;
  if (job.employer.empty()) job.employer = employer_from_ats_url(board.source_url);
  if (job.employer.empty()) job.employer = employer_from_any_url(absolute_url);

  if (const json* content = field(item, "content"); content != nullptr && content->is_string()) {
    RichText blocks = html_to_blocks(unescape_content(content->get<std::string>()));
    (spanish ? job.description.es : job.description.en) = std::move(blocks);
  }

  if (const json* location = field(item, "location")) {
    add_locations(parse_location_text(location->is_object() ? text_of(*location, "name")
                                                            : one_line(to_text(*location))),
                  job);
  }
  if (job.locations.empty()) {
    // Lists fetched without the location name still carry the offices.
    if (const json* offices = field(item, "offices"); offices != nullptr && offices->is_array()) {
      for (const auto& office : *offices) {
        std::string text = text_of(office, "location");
        if (text.empty()) text = text_of(office, "name");
        add_locations(parse_location_text(text), job);
      }
    }
  }

  // first_published is when the resident could first have seen it; updated_at moves with every
  // edit, so it is only the fallback.
  job.posted = parse_date(text_of(item, "first_published"));
  if (!job.posted) job.posted = parse_date(text_of(item, "updated_at"));
  job.valid_through = parse_date(text_of(item, "application_deadline"));

  if (const json* metadata = field(item, "metadata"); metadata != nullptr && metadata->is_array()) {
    for (const auto& entry : *metadata) {
      if (!is_employment_field(text_of(entry, "name"))) continue;
      const json* value = field(entry, "value");
      if (value == nullptr) continue;
      if (value->is_array()) {
        for (const auto& v : *value) job.employment_types |= employment_types_in(to_text(v));
      } else {
        job.employment_types |= employment_types_in(to_text(*value));
      }
    }
  }
  if (const json* departments = field(item, "departments");
      departments != nullptr && departments->is_array()) {
    for (const auto& department : *departments) {
      const std::string name = text_of(department, "name");
      job.employment_types |= employment_from_department(name);
      const Industry found = industry(name, "");
      if (job.industry == Industry::Unknown && found != Industry::Other) job.industry = found;
    }
  }
  read_pay(item, job.pay);
  return job;
}

class Warnings {
 public:
  explicit Warnings(ParsedFeed& feed) : feed_(feed) {}
  void add(std::string text) {
    if (feed_.warnings.size() < kMaxWarnings) {
      feed_.warnings.push_back(std::move(text));
    } else {
      ++dropped_;
    }
  }
  void finish() {
    if (dropped_ > 0) {
      feed_.warnings.push_back("and " + std::to_string(dropped_) + " more records skipped");
    }
  }

 private:
  ParsedFeed& feed_;
  std::size_t dropped_ = 0;
};

}  // namespace

LocationText parse_location_text(std::string_view text) {
  LocationText out;
  // Several places in one string: "Miami, FL; Orlando, FL", "New York, NY or Remote", or one
  // per line.
  std::string separated = clean_text(text);
  std::replace(separated.begin(), separated.end(), '\n', ';');
  for (const std::string_view sep : {" or ", " OR ", " Or ", " | ", " / ", " & "}) {
    separated = replace_all(separated, sep, ";");
  }
  bool remote = false;
  bool hybrid = false;
  bool onsite = false;
  for (const auto& piece : split_any(separated, ";|")) {
    const std::string low = lower(piece);
    if (has_word(low, "remote") || low.find("work from home") != std::string::npos ||
        has_word(low, "anywhere")) {
      remote = true;
    }
    if (has_word(low, "hybrid")) hybrid = true;
    if (has_word(low, "on-site") || has_word(low, "onsite") || has_word(low, "in-office")) {
      onsite = true;
    }
    std::string rest = strip_workplace_words(piece);
    if (lower(rest) == "anywhere") rest.clear();
    // "Remote (United States)", "Doral (Miami, FL)": brackets separate like commas.
    if (auto place = place_from_parts(split_any(rest, ",()"))) out.places.push_back(*place);
  }
  if (hybrid) {
    out.workplace = Workplace::Hybrid;
  } else if (remote) {
    out.workplace = Workplace::Remote;
  } else if (onsite) {
    out.workplace = Workplace::Onsite;
  }
  return out;
}

std::string employer_from_ats_url(std::string_view url) {
  const auto parts = split_url(url);
  if (!parts || parts->path.empty()) return {};
  const std::string& host = parts->host;
  std::string slug;
  if (host_is(host, "greenhouse.io")) {
    if (host.starts_with("boards-api.") || host.starts_with("api.")) {
      slug = segment_after(parts->path, "boards");
    } else if (parts->path.front() == "embed") {
      slug = query_value(parts->query, "for");
    } else {
      slug = parts->path.front();
    }
  } else if (host_is(host, "lever.co")) {
    slug = host.starts_with("api.") ? segment_after(parts->path, "postings") : parts->path.front();
  } else if (host_is(host, "ashbyhq.com")) {
    slug = host.starts_with("api.") ? segment_after(parts->path, "job-board") : parts->path.front();
    slug = replace_all(slug, "%20", " ");  // Ashby board names may hold spaces
  }
  return display_name(slug);
}

std::optional<std::string> us_state_code(std::string_view text) {
  return us_state(text);
}

std::uint8_t employment_types_in(std::string_view text) {
  std::uint8_t bits = 0;
  std::string separated = lower(text);
  for (const std::string_view sep : {" or ", " and ", " & "}) {
    separated = replace_all(separated, sep, ",");
  }
  for (const auto& piece : split_any(separated, ",/;|")) {
    std::uint8_t found = employment_type(piece);
    if (found == 0) {
      // "Regular Full Time (Salary)": the type is one of the words.
      for (const auto& word : split_any(piece, " ()[]-_")) {
        found = employment_type(word);
        if (found != 0) break;
      }
    }
    bits |= found;
  }
  return bits;
}

std::string web_url(std::string_view url) {
  const std::string_view t = trim(url);
  const std::string low = lower(t.substr(0, 8));
  if (!low.starts_with("http://") && !low.starts_with("https://")) return {};
  if (std::any_of(t.begin(), t.end(), [](char c) {
        return static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '<' || c == '>';
      })) {
    return {};
  }
  return std::string(t);
}

ParseResult parse_greenhouse(std::string_view body, const std::string& source_url) {
  try {
    // Comments are tolerated: the API documentation's own examples carry them.
    const json doc = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false,
                                 /*ignore_comments=*/true);
    if (doc.is_discarded()) return ParseError{"not valid JSON (or not valid UTF-8)"};
    if (!doc.is_object()) {
      return ParseError{"a Greenhouse feed must be a JSON object with a \"jobs\" array"};
    }
    const json* jobs = field(doc, "jobs");
    const bool single = field(doc, "id") != nullptr && field(doc, "title") != nullptr &&
                        field(doc, "absolute_url") != nullptr;
    if ((jobs == nullptr || !jobs->is_array()) && !single) {
      return ParseError{
          "no \"jobs\" array and not a single Greenhouse job (id, title and absolute_url)"};
    }
    Board board;
    board.source_url = source_url;
    if (!single) {
      // The board's own endpoint ({"name": …}) merged in by the caller, if it was.
      board.name = text_of(doc, "name");
      if (const json* b = field(doc, "board"); board.name.empty() && b != nullptr) {
        board.name = b->is_object() ? text_of(*b, "name") : one_line(to_text(*b));
      }
    }
    ParsedFeed feed;
    Warnings warnings(feed);
    const auto take = [&](const json& item, std::size_t index) {
      std::string why;
      if (auto job = to_job(item, board, why)) {
        feed.jobs.push_back(std::move(*job));
        return;
      }
      std::string id = item.is_object() ? text_of(item, "id") : std::string();
      warnings.add("Greenhouse job #" + std::to_string(index) +
                   (id.empty() ? std::string() : " (id " + id.substr(0, 40) + ")") +
                   " skipped: " + why);
    };
    if (jobs != nullptr && jobs->is_array()) {
      std::size_t index = 0;
      for (const auto& item : *jobs) take(item, ++index);
    } else {
      take(doc, 1);
    }
    warnings.finish();
    return feed;
  } catch (const std::exception& e) {
    return ParseError{std::string("unexpected Greenhouse structure: ") + e.what()};
  }
}

}  // namespace kiosk::feeds

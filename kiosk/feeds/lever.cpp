#include "kiosk/feeds/lever.h"

#include <algorithm>
#include <cctype>
#include <exception>
#include <optional>
#include <utility>

#include <nlohmann/json.hpp>

#include "kiosk/feeds/greenhouse.h"
#include "kiosk/feeds/html_text.h"
#include "kiosk/feeds/normalize.h"

namespace kiosk::feeds {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxWarnings = 20;

// createdAt is in milliseconds; anything below this is taken to be seconds (a caller that
// converted it already), which keeps both readings inside 1973…5138.
constexpr double kMillisecondsThreshold = 1e11;

const json* field(const json& obj, const char* key) {
  return json_field(obj, key);
}

std::string text_of(const json& obj, const char* key) {
  const json* v = field(obj, key);
  return v == nullptr ? std::string() : one_line(to_text(*v));
}

// Raw string field (HTML or multi-line plain text), not yet cleaned: cleaning would flatten it.
std::string raw_of(const json& obj, const char* key) {
  const json* v = field(obj, key);
  return v != nullptr && v->is_string() ? v->get<std::string>() : std::string();
}

std::size_t size_of(const TextBlock& block) {
  std::size_t n = 0;
  for (const auto& line : block.lines) n += line.size();
  return n;
}

std::size_t size_of(const RichText& blocks) {
  std::size_t n = 0;
  for (const auto& b : blocks) n += size_of(b);
  return n;
}

// A posting's parts are converted one by one, each within the per-description cap; together
// they must respect it too.
void append(RichText& into, RichText more) {
  std::size_t used = size_of(into);
  for (auto& block : more) {
    const std::size_t size = size_of(block);
    if (used + size > kMaxDescriptionBytes) return;
    used += size;
    into.push_back(std::move(block));
  }
}

// HTML when the posting has it (it keeps headings and lists), its plain twin otherwise.
RichText html_or_plain(const json& posting, const char* html_key, const char* plain_key) {
  const std::string html = raw_of(posting, html_key);
  if (!clean_text(html).empty()) return description_blocks(html);
  return text_to_blocks(raw_of(posting, plain_key));
}

RichText description(const json& posting) {
  RichText out;
  RichText body = html_or_plain(posting, "description", "descriptionPlain");
  if (body.empty()) {
    // Newer postings split the description into an opening and a body.
    body = html_or_plain(posting, "opening", "openingPlain");
    append(body, html_or_plain(posting, "descriptionBody", "descriptionBodyPlain"));
  }
  append(out, std::move(body));
  if (const json* lists = field(posting, "lists"); lists != nullptr && lists->is_array()) {
    for (const auto& list : *lists) {
      if (!list.is_object()) continue;
      RichText part;
      // The list's title is meant as plain text, but it is description text all the same: it
      // gets the same cleaning (markup, hidden characters) as the rest.
      const json* title = field(list, "text");
      std::string heading =
          blocks_to_plain(description_blocks(title != nullptr ? to_text(*title) : ""));
      std::replace(heading.begin(), heading.end(), '\n', ' ');
      if (!heading.empty()) {
        part.push_back(TextBlock{TextBlock::Type::Heading, {std::move(heading)}});
      }
      RichText items = description_blocks(raw_of(list, "content"));
      // The content is meant as list items; written as plain lines, it still is one list.
      const bool has_bullets = std::any_of(items.begin(), items.end(), [](const TextBlock& b) {
        return b.type == TextBlock::Type::Bullets;
      });
      if (!has_bullets && !items.empty()) {
        TextBlock bullets{TextBlock::Type::Bullets, {}};
        for (auto& b : items) {
          for (auto& line : b.lines) bullets.lines.push_back(std::move(line));
        }
        items = {std::move(bullets)};
      }
      if (!items.empty()) append(part, std::move(items));
      if (!part.empty() && !(part.size() == 1 && part[0].type == TextBlock::Type::Heading)) {
        append(out, std::move(part));
      }
    }
  }
  append(out, html_or_plain(posting, "additional", "additionalPlain"));
  append(out, html_or_plain(posting, "salaryDescription", "salaryDescriptionPlain"));
  return out;
}

void add_places(const LocationText& found, Job& job) {
  for (const auto& place : found.places) {
    const bool dup = std::any_of(job.locations.begin(), job.locations.end(), [&](const Place& p) {
      return p.city == place.city && p.region == place.region && p.country == place.country;
    });
    if (!dup) job.locations.push_back(place);
  }
  if (job.workplace == Workplace::Unknown) job.workplace = found.workplace;
}

Workplace workplace_type(std::string_view text) {
  const std::string t = lower(text);
  if (t == "remote") return Workplace::Remote;
  if (t == "hybrid") return Workplace::Hybrid;
  if (t == "onsite" || t == "on-site" || t == "on_site" || t == "in-office") {
    return Workplace::Onsite;
  }
  return Workplace::Unknown;  // "unspecified"
}

void read_pay(const json& posting, Pay& pay) {
  const json* range = field(posting, "salaryRange");
  if (range == nullptr || !range->is_object()) return;
  if (const json* v = field(*range, "min")) {
    if (const auto n = to_number(*v); n && *n > 0) pay.min = *n;
  }
  if (const json* v = field(*range, "max")) {
    if (const auto n = to_number(*v); n && *n > 0) pay.max = *n;
  }
  if (!pay.min && !pay.max) return;
  if (pay.min && pay.max && *pay.min > *pay.max) std::swap(pay.min, pay.max);
  pay.unit = pay_unit(text_of(*range, "interval"));  // "per-hour-wage", "per-year-salary", …
  std::string currency = text_of(*range, "currency");
  for (char& c : currency) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!currency.empty()) pay.currency = currency;
}

// The employer: a name the caller's data carries, else the Lever site name in the posting's
// URLs or the feed's URL ("https://jobs.lever.co/acme/…" → "Acme").
std::string employer(const json& posting, const std::string& source_url) {
  for (const char* key : {"company", "companyName", "company_name", "employer"}) {
    if (const json* v = field(posting, key)) {
      std::string name = v->is_object() ? text_of(*v, "name") : one_line(to_text(*v));
      if (!name.empty()) return name;
    }
  }
  for (const std::string& url :
       {text_of(posting, "hostedUrl"), text_of(posting, "applyUrl"), source_url}) {
    std::string name = employer_from_ats_url(url);
    if (!name.empty()) return name;
  }
  return {};
}

std::optional<Job> to_job(const json& posting, const std::string& source_url, std::string& why) {
  if (!posting.is_object()) {
    why = "not a JSON object";
    return std::nullopt;
  }
  Job job;
  job.id = text_of(posting, "id");
  std::string title = text_of(posting, "text");
  if (job.id.empty()) {
    why = "no id";
    return std::nullopt;
  }
  if (title.empty()) {
    why = "no title (\"text\")";
    return std::nullopt;
  }
  job.source = source_url;
  job.language = lower(text_of(posting, "language"));
  if (job.language.empty()) job.language = lower(text_of(posting, "lang"));
  const bool spanish = job.language == "es" || job.language.starts_with("es-");
  (spanish ? job.title.es : job.title.en) = std::move(title);
  (spanish ? job.description.es : job.description.en) = description(posting);
  job.employer = employer(posting, source_url);

  job.apply_url = web_url(text_of(posting, "applyUrl"));
  if (job.apply_url.empty()) job.apply_url = web_url(text_of(posting, "hostedUrl"));

  job.workplace = workplace_type(text_of(posting, "workplaceType"));
  if (const json* categories = field(posting, "categories"); categories != nullptr) {
    if (const json* all = field(*categories, "allLocations"); all != nullptr && all->is_array()) {
      for (const auto& location : *all) add_places(parse_location_text(to_text(location)), job);
    }
    if (job.locations.empty()) {
      add_places(parse_location_text(text_of(*categories, "location")), job);
    }
    job.employment_types = employment_types_in(text_of(*categories, "commitment"));
    for (const char* key : {"department", "team"}) {
      const Industry found = industry(text_of(*categories, key), "");
      if (job.industry == Industry::Unknown && found != Industry::Other) job.industry = found;
    }
  }
  if (const std::string country = text_of(posting, "country"); !country.empty()) {
    const std::string code = country_code(country);
    for (auto& place : job.locations) {
      if (place.country.empty()) place.country = code;
    }
    if (job.locations.empty()) {
      Place place;
      place.country = code;
      job.locations.push_back(std::move(place));
    }
  }

  if (const json* created = field(posting, "createdAt")) {
    if (const auto n = to_number(*created); n && *n > 0) {
      const double seconds = *n >= kMillisecondsThreshold ? *n / 1000 : *n;
      if (seconds < 7e9) job.posted = static_cast<std::int64_t>(seconds);  // before 2191
    }
  }
  read_pay(posting, job.pay);
  return job;
}

}  // namespace

ParseResult parse_lever(std::string_view body, const std::string& source_url) {
  try {
    // Comments are tolerated: the API documentation's own examples carry them.
    const json doc = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false,
                                 /*ignore_comments=*/true);
    if (doc.is_discarded()) return ParseError{"not valid JSON (or not valid UTF-8)"};
    const json* postings = nullptr;
    bool single = false;
    if (doc.is_array()) {
      postings = &doc;
    } else if (doc.is_object()) {
      if (const json* data = field(doc, "data"); data != nullptr && data->is_array()) {
        postings = data;  // the authenticated API's {"data": […], "hasNext": …}
      } else if (field(doc, "id") != nullptr && field(doc, "text") != nullptr) {
        single = true;
      } else if (const std::string error = text_of(doc, "error"); !error.empty()) {
        // Lever answers an unknown site with {"ok": false, "error": "Document not found"}.
        return ParseError{"Lever answered with an error: " + error.substr(0, 200)};
      }
    }
    if (postings == nullptr && !single) {
      return ParseError{"not a Lever postings array and not a single posting (id and text)"};
    }
    ParsedFeed feed;
    std::size_t dropped = 0;
    const auto take = [&](const json& posting, std::size_t index) {
      std::string why;
      if (auto job = to_job(posting, source_url, why)) {
        feed.jobs.push_back(std::move(*job));
        return;
      }
      if (feed.warnings.size() >= kMaxWarnings) {
        ++dropped;
        return;
      }
      const std::string id = posting.is_object() ? text_of(posting, "id") : std::string();
      feed.warnings.push_back("Lever posting #" + std::to_string(index) +
                              (id.empty() ? std::string() : " (id " + id.substr(0, 40) + ")") +
                              " skipped: " + why);
    };
    if (single) {
      take(doc, 1);
    } else {
      std::size_t index = 0;
      for (const auto& posting : *postings) take(posting, ++index);
    }
    if (dropped > 0) {
      feed.warnings.push_back("and " + std::to_string(dropped) + " more postings skipped");
    }
    return feed;
  } catch (const std::exception& e) {
    return ParseError{std::string("unexpected Lever structure: ") + e.what()};
  }
}

}  // namespace kiosk::feeds

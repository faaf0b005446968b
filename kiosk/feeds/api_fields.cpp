#include "kiosk/feeds/api_fields.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <utility>

#include <nlohmann/json.hpp>

#include "kiosk/base/utf8.h"
#include "kiosk/feeds/bounds.h"
#include "kiosk/feeds/html_text.h"
#include "kiosk/feeds/normalize.h"

namespace kiosk::feeds {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxWarnings = 20;  // the rest are summarized: a log line, not a dump

std::size_t size_of(const RichText& blocks) {
  std::size_t n = 0;
  for (const auto& block : blocks) {
    for (const auto& line : block.lines) n += line.size();
  }
  return n;
}

}  // namespace

ParseResult read_api_body(std::string_view body, std::string_view api,
                          const std::function<ParseResult(const json&)>& convert) {
  try {
    const json doc = json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false,
                                 /*ignore_comments=*/true);
    if (doc.is_discarded()) return ParseError{"not valid JSON (or not valid UTF-8)"};
    return convert(doc);
  } catch (const std::exception& e) {
    return ParseError{"unexpected " + std::string(api) + " structure: " + e.what()};
  }
}

std::string text_field(const json& obj, std::string_view key, std::size_t max_bytes) {
  const json* v = json_field(obj, key);
  if (v == nullptr) return {};
  const std::string text = to_text(*v);
  const std::string_view view(text);
  return one_line(view.size() <= max_bytes ? view : view.substr(0, utf8::cut(view, max_bytes)));
}

std::string raw_field(const json& obj, std::string_view key) {
  const json* v = json_field(obj, key);
  return v != nullptr && v->is_string() ? v->get<std::string>() : std::string();
}

std::optional<std::int64_t> count_field(const json& obj, std::string_view key) {
  const json* v = json_field(obj, key);
  if (v == nullptr || v->is_boolean()) return std::nullopt;
  const auto n = to_number(*v);
  // Whole numbers below 2^53 only: a count is exact or it is not a count.
  if (!n || *n < 0 || *n > 9e15 || std::floor(*n) != *n) return std::nullopt;
  return static_cast<std::int64_t>(*n);
}

std::optional<double> amount_field(const json& obj, std::string_view key) {
  const json* v = json_field(obj, key);
  if (v == nullptr) return std::nullopt;
  const auto n = to_number(*v);
  return n && *n > 0 ? n : std::nullopt;
}

bool flag_field(const json& obj, std::string_view key) {
  const json* v = json_field(obj, key);
  if (v == nullptr) return false;
  if (v->is_boolean()) return v->get<bool>();
  if (!v->is_string()) return false;
  const std::string s = lower(trim(v->get<std::string>()));
  return s == "true" || s == "yes" || s == "1";
}

std::vector<const json*> object_entries(const json& obj, std::string_view key) {
  std::vector<const json*> out;
  const json* v = json_field(obj, key);
  if (v == nullptr) return out;
  if (v->is_object()) {
    out.push_back(v);
  } else if (v->is_array()) {
    for (const auto& e : *v) {
      if (e.is_object()) out.push_back(&e);
    }
  }
  return out;
}

const json* first_of(const json& obj, std::string_view key) {
  const json* v = json_field(obj, key);
  if (v == nullptr || !v->is_array()) return v;
  return v->empty() || v->front().is_null() ? nullptr : &v->front();
}

std::optional<Job> new_job(const json& item, std::string_view id_key, std::string_view title_key,
                           const std::string& source_url, std::string& why) {
  if (!item.is_object()) {
    why = "not a JSON object";
    return std::nullopt;
  }
  Job job;
  job.id = text_field(item, id_key);
  std::string title = text_field(item, title_key);
  if (job.id.empty() || title.empty()) {
    why = "no " + std::string(job.id.empty() ? id_key : title_key);
    return std::nullopt;
  }
  job.title.en = std::move(title);
  job.language = "en";
  job.source = source_url;
  return job;
}

void append_blocks(RichText& into, RichText more) {
  std::size_t used = size_of(into);
  for (auto& block : more) {
    std::size_t size = 0;
    for (const auto& line : block.lines) size += line.size();
    if (used + size > kMaxDescriptionBytes) return;
    used += size;
    into.push_back(std::move(block));
  }
}

void append_section(RichText& into, std::string_view heading, std::string_view text) {
  RichText body = description_blocks(text);
  if (body.empty()) return;
  RichText part;
  part.push_back(TextBlock{TextBlock::Type::Heading, {std::string(heading)}});
  part.insert(part.end(), std::make_move_iterator(body.begin()),
              std::make_move_iterator(body.end()));
  append_blocks(into, std::move(part));
}

void append_list_section(RichText& into, std::string_view heading,
                         const std::vector<std::string>& items) {
  TextBlock bullets{TextBlock::Type::Bullets, {}};
  std::size_t size = 0;
  for (const auto& item : items) {
    // Each item through the same reader as any description text, then one bullet per line.
    for (auto& block : description_blocks(item)) {
      for (auto& line : block.lines) {
        size += line.size();
        if (size > kMaxDescriptionBytes) break;
        bullets.lines.push_back(std::move(line));
      }
    }
  }
  if (bullets.lines.empty()) return;
  RichText part;
  part.push_back(TextBlock{TextBlock::Type::Heading, {std::string(heading)}});
  part.push_back(std::move(bullets));
  append_blocks(into, std::move(part));
}

void add_places(std::vector<Place>& into, const std::vector<Place>& places) {
  for (const auto& place : places) {
    if (into.size() >= kMaxPlaces) return;
    if (place.city.empty() && place.region.empty() && place.country.empty() &&
        place.postal_code.empty()) {
      continue;
    }
    const bool dup = std::any_of(into.begin(), into.end(), [&](const Place& p) {
      return p.city == place.city && p.region == place.region && p.country == place.country;
    });
    if (!dup) into.push_back(place);
  }
}

void read_jobs(const json& records, bool single, std::string_view what, std::string_view id_key,
               const JobReader& read, ParsedFeed& feed) {
  std::size_t index = 0;
  std::size_t dropped = 0;
  const auto take = [&](const json& record) {
    ++index;
    std::string why;
    if (auto job = read(record, why)) {
      feed.jobs.push_back(std::move(*job));
      return;
    }
    if (why.empty()) return;
    if (feed.warnings.size() >= kMaxWarnings) {
      ++dropped;
      return;
    }
    std::string line = std::string(what) + " #" + std::to_string(index);
    if (const std::string id = text_field(record, id_key); !id.empty()) {
      line += " (id " + id.substr(0, utf8::cut(id, 40)) + ")";
    }
    feed.warnings.push_back(line + " skipped: " + why);
  };
  if (single) {
    take(records);
  } else if (records.is_array()) {
    for (const auto& record : records) take(record);
  }
  if (dropped > 0) {
    feed.warnings.push_back("and " + std::to_string(dropped) + " more records skipped");
  }
}

}  // namespace kiosk::feeds

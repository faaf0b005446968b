#include "kiosk/feeds/bounds.h"

#include <algorithm>
#include <optional>

#include "kiosk/base/utf8.h"

namespace kiosk::feeds {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // …

bool space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

void cut(std::string& text, std::size_t max_bytes) {
  if (text.size() > max_bytes) text = cut_at_word(text, max_bytes);
}

void cut(LocalText& text, std::size_t max_bytes) {
  cut(text.en, max_bytes);
  cut(text.es, max_bytes);
}

// A code or a link is right whole or wrong: too long, it goes.
void drop_if_longer(std::string& value, std::size_t max_bytes) {
  if (value.size() > max_bytes) value.clear();
}

void bound(Place& place) {
  cut(place.name, kPlaceBytes);
  cut(place.street, kPlaceBytes);
  cut(place.city, kPlaceBytes);
  cut(place.region, kPlaceBytes);
  drop_if_longer(place.postal_code, kCodeBytes);
  drop_if_longer(place.country, kCodeBytes);
}

void bound(std::vector<Place>& places) {
  if (places.size() > kMaxPlaces) places.resize(kMaxPlaces);
  for (auto& place : places) bound(place);
}

void bound_skills(std::vector<std::string>& skills) {
  if (skills.size() > kMaxSkills) skills.resize(kMaxSkills);
  for (auto& skill : skills) cut(skill, kSkillBytes);
}

// Each line at most kLineBytes, the whole at most kMaxDescriptionBytes and
// kMaxDescriptionLines; a description cut short ends with "…" (room for it is kept).
void bound(RichText& blocks) {
  std::size_t room = kMaxDescriptionBytes - kEllipsis.size();
  std::size_t lines_left = kMaxDescriptionLines;
  bool full = false;
  RichText kept;
  for (auto& block : blocks) {
    TextBlock out{block.type, {}};
    for (auto& line : block.lines) {
      if (room <= kEllipsis.size() || lines_left == 0) {
        full = true;
        break;
      }
      if (line.size() > std::min(kLineBytes, room)) {
        full = line.size() > room;
        line = cut_at_word(line, std::min(kLineBytes, room));
      }
      room -= line.size();
      --lines_left;
      out.lines.push_back(std::move(line));
      if (full) break;
    }
    if (!out.lines.empty()) kept.push_back(std::move(out));
    if (full) break;
  }
  if (full && !kept.empty() && !kept.back().lines.back().ends_with(kEllipsis)) {
    kept.back().lines.back() += kEllipsis;  // the cut shows
  }
  blocks = std::move(kept);
}

void bound(LocalRichText& text) {
  bound(text.en);
  bound(text.es);
}

// Why a record with this id and title must be skipped, if it must.
std::optional<std::string> absurd(const std::string& id, const LocalText& title,
                                  std::string_view title_word) {
  if (id.size() > kMaxIdBytes) return "id longer than " + with_commas(kMaxIdBytes) + " bytes";
  if (utf8::length(title.en) > kMaxTitleChars || utf8::length(title.es) > kMaxTitleChars) {
    return std::string(title_word) + " longer than " + with_commas(kMaxTitleChars) + " characters";
  }
  return std::nullopt;
}

std::optional<std::string> bound(Job& j) {
  if (auto why = absurd(j.id, j.title, "title")) return why;
  cut(j.title, kTitleBytes);
  cut(j.employer, kOrgBytes);
  bound(j.description);
  drop_if_longer(j.occupation_code, kCodeBytes);
  bound(j.locations);
  drop_if_longer(j.pay.currency, kCodeBytes);
  cut(j.education, kShortTextBytes);
  bound_skills(j.skills);
  bound_skills(j.skills_es);
  drop_if_longer(j.apply_url, kUrlBytes);
  drop_if_longer(j.language, kCodeBytes);
  return std::nullopt;
}

std::optional<std::string> bound(Program& p) {
  if (auto why = absurd(p.id, p.name, "name")) return why;
  cut(p.name, kTitleBytes);
  cut(p.provider, kOrgBytes);
  bound(p.description);
  drop_if_longer(p.occupation_code, kCodeBytes);
  cut(p.schedule, kShortTextBytes);
  cut(p.credential, kShortTextBytes);
  cut(p.prerequisites, kShortTextBytes);
  drop_if_longer(p.wage.currency, kCodeBytes);
  drop_if_longer(p.language, kCodeBytes);
  bound(p.locations);
  drop_if_longer(p.url, kUrlBytes);
  return std::nullopt;
}

std::optional<std::string> bound(Event& e) {
  if (auto why = absurd(e.id, e.name, "name")) return why;
  drop_if_longer(e.type, kCodeBytes);
  cut(e.name, kTitleBytes);
  bound(e.description);
  cut(e.organizer, kOrgBytes);
  bound(e.place);
  drop_if_longer(e.url, kUrlBytes);
  return std::nullopt;
}

std::optional<std::string> bound(Service& s) {
  if (auto why = absurd(s.id, s.name, "name")) return why;
  drop_if_longer(s.type, kCodeBytes);
  cut(s.name, kTitleBytes);
  bound(s.description);
  cut(s.provider, kOrgBytes);
  cut(s.eligibility, kShortTextBytes);
  cut(s.hours, kShortTextBytes);
  drop_if_longer(s.phone, kCodeBytes);
  drop_if_longer(s.url, kUrlBytes);
  bound(s.place);
  return std::nullopt;
}

std::optional<std::string> bound(FaqEntry& f) {
  if (auto why = absurd(f.id, f.question, "question")) return why;
  drop_if_longer(f.topic, kCodeBytes);
  cut(f.question, kTitleBytes);
  bound(f.answer);
  cut(f.link.label, kLinkLabelBytes);
  return std::nullopt;
}

template <typename Record>
void bound_all(std::vector<Record>& records, SkippedRecords& skipped) {
  std::erase_if(records, [&](Record& record) {
    auto why = bound(record);
    if (!why) return false;
    ++skipped.by_reason[*why];
    return true;
  });
}

}  // namespace

std::int64_t SkippedRecords::count() const {
  std::int64_t n = 0;
  for (const auto& [reason, records] : by_reason) n += records;
  return n;
}

std::vector<std::string> SkippedRecords::summary() const {
  std::vector<std::string> out;
  for (const auto& [reason, records] : by_reason) {
    out.push_back(with_commas(records) + (records == 1 ? " record" : " records") +
                  " skipped: " + reason);
  }
  return out;
}

void bound_records(ParsedFeed& feed, SkippedRecords& skipped) {
  bound_all(feed.jobs, skipped);
  bound_all(feed.programs, skipped);
  bound_all(feed.events, skipped);
  bound_all(feed.services, skipped);
  bound_all(feed.faq, skipped);
}

std::string cut_at_word(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  if (max_bytes < kEllipsis.size()) return {};
  // text[n] is the first byte left out; it must start a character.
  std::size_t n = max_bytes - kEllipsis.size();
  while (n > 0 && utf8::is_continuation(static_cast<unsigned char>(text[n]))) --n;
  // The last space in the final fifth (at most a few hundred bytes back): a cut between words.
  const std::size_t reach = std::min<std::size_t>(n / 5, 400);
  std::size_t end = n;
  for (std::size_t i = n; i > n - reach; --i) {
    if (space(text[i])) {
      end = i;
      break;
    }
  }
  while (end > 0 && (space(text[end - 1]) || text[end - 1] == ',' || text[end - 1] == ';')) --end;
  std::string out(text.substr(0, end));
  out += kEllipsis;
  return out;
}

std::string with_commas(std::int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<std::size_t>(i), ",");
  }
  return n < 0 ? "-" + digits : digits;
}

}  // namespace kiosk::feeds

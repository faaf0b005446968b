#include "kiosk/feeds/opening_hours.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace kiosk::feeds {
namespace {

constexpr std::array<std::string_view, 7> kDayNames = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

std::string lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) s.remove_suffix(1);
  return s;
}

// "Mo-Fr", "Mo,We,Fr", "Sa" → day bits; 0 when unreadable.
std::uint8_t days_of(std::string_view spec) {
  std::uint8_t bits = 0;
  while (!spec.empty()) {
    const std::size_t comma = spec.find(',');
    const std::string_view part = trim(spec.substr(0, comma));
    const std::size_t dash = part.find('-');
    const auto from = weekday_of(trim(part.substr(0, dash)));
    if (!from) return 0;
    int to = *from;
    if (dash != std::string_view::npos) {
      const auto last = weekday_of(trim(part.substr(dash + 1)));
      if (!last) return 0;
      to = *last;
    }
    for (int d = *from;; d = (d + 1) % 7) {  // "Sa-Mo" wraps over the week's end
      bits |= static_cast<std::uint8_t>(1u << d);
      if (d == to) break;
    }
    if (comma == std::string_view::npos) break;
    spec.remove_prefix(comma + 1);
  }
  return bits;
}

}  // namespace

std::optional<int> weekday_of(std::string_view name) {
  if (const std::size_t slash = name.rfind('/'); slash != std::string_view::npos) {
    name.remove_prefix(slash + 1);  // https://schema.org/Monday
  }
  const std::string n = lower(trim(name));
  if (n.size() < 2 || n.size() > 9) return std::nullopt;
  for (std::size_t d = 0; d < kDayNames.size(); ++d) {
    if (kDayNames[d].starts_with(n)) return static_cast<int>(d);
  }
  return std::nullopt;
}

std::optional<int> minutes_of(std::string_view time) {
  time = trim(time);
  const std::size_t colon = time.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || time.size() < colon + 3) {
    return std::nullopt;
  }
  const auto digits = [](std::string_view s) -> std::optional<int> {
    if (s.empty() || s.size() > 2) return std::nullopt;
    int v = 0;
    for (const char c : s) {
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + (c - '0');
    }
    return v;
  };
  const auto h = digits(time.substr(0, colon));
  const auto m = digits(time.substr(colon + 1, 2));
  if (!h || !m || *m > 59 || *h > 24 || (*h == 24 && *m != 0)) return std::nullopt;
  const std::string_view rest = time.substr(colon + 3);
  if (!rest.empty() && !(rest.size() == 3 && rest[0] == ':' && digits(rest.substr(1)))) {
    return std::nullopt;
  }
  return *h * 60 + *m;
}

std::vector<OpeningHours> parse_opening_hours(std::string_view line) {
  std::vector<OpeningHours> out;
  // Rules end at ';'. Within a rule the days come first, then one or more time spans.
  while (!line.empty() && out.size() < kMaxOpeningHours) {
    const std::size_t semi = line.find(';');
    std::string_view rule = trim(line.substr(0, semi));
    line = semi == std::string_view::npos ? std::string_view() : line.substr(semi + 1);
    const std::size_t space = rule.find(' ');
    if (space == std::string_view::npos) continue;
    const std::uint8_t days = days_of(rule.substr(0, space));
    if (days == 0) continue;
    std::string_view spans = trim(rule.substr(space + 1));
    while (!spans.empty() && out.size() < kMaxOpeningHours) {
      const std::size_t comma = spans.find(',');
      const std::string_view span = trim(spans.substr(0, comma));
      const std::size_t dash = span.find('-');
      if (dash != std::string_view::npos) {
        const auto opens = minutes_of(span.substr(0, dash));
        const auto closes = minutes_of(span.substr(dash + 1));
        if (opens && closes && *closes > *opens) out.push_back({days, *opens, *closes});
      }
      if (comma == std::string_view::npos) break;
      spans.remove_prefix(comma + 1);
    }
  }
  return out;
}

OpenState open_state(const std::vector<OpeningHours>& hours, int weekday, int minute) {
  OpenState s;
  weekday = ((weekday % 7) + 7) % 7;
  // Open now: the span that holds this minute and lasts longest (spans may touch or overlap).
  for (const auto& h : hours) {
    if ((h.days & (1u << weekday)) != 0 && h.opens <= minute && minute < h.closes) {
      s.open = true;
      s.until = std::max(s.until, h.closes);
    }
  }
  if (s.open) {
    // A span that starts where this one ends carries on ("9:00-12:00, 12:00-17:00").
    for (bool grew = true; grew;) {
      grew = false;
      for (const auto& h : hours) {
        if ((h.days & (1u << weekday)) != 0 && h.opens <= s.until && h.closes > s.until) {
          s.until = h.closes;
          grew = true;
        }
      }
    }
    return s;
  }
  for (int ahead = 0; ahead <= 7; ++ahead) {
    const int day = (weekday + ahead) % 7;
    std::optional<int> first;
    for (const auto& h : hours) {
      if ((h.days & (1u << day)) == 0) continue;
      if (ahead == 0 && h.opens <= minute) continue;
      if (!first || h.opens < *first) first = h.opens;
    }
    if (first) {
      s.next_in_days = ahead;
      s.next_opens = *first;
      s.next_weekday = day;
      return s;
    }
  }
  return s;
}

}  // namespace kiosk::feeds

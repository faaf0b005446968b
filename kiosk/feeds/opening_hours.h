// Opening hours: read from schema.org (OpeningHoursSpecification's dayOfWeek/opens/closes, or
// an openingHours line such as "Mo-Fr 09:00-17:00; Sa 10:00-14:00"), and what they mean at a
// given moment ("open now until 5 p.m.", "opens Monday at 9 a.m."). Times are the place's local
// wall-clock times; the caller says which weekday and minute it is there.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "kiosk/model/model.h"

namespace kiosk::feeds {

inline constexpr std::size_t kMaxOpeningHours = 14;  // two spans a day is plenty

// A day name as schema.org writes it ("Monday", "https://schema.org/Monday", "Mo", "mon"):
// 0 for Monday … 6 for Sunday.
std::optional<int> weekday_of(std::string_view name);
// "09:00", "9:00", "09:00:00", "24:00" → minutes after midnight.
std::optional<int> minutes_of(std::string_view time);
// One openingHours line: day ranges and lists, then a time span, rules separated by ';' or ','
// between rules ("Mo-Fr 09:00-17:00", "Mo,We,Fr 10:00-14:00; Sa 09:00-12:00", "Mo-Su 00:00-24:00").
// Rules the kiosk cannot read are left out.
std::vector<OpeningHours> parse_opening_hours(std::string_view line);

struct OpenState {
  bool open = false;
  int until = 0;  // open: minutes after midnight it closes today (1440: midnight)
  // Closed: when it opens next, in days from today (0: later today) and minutes after midnight.
  std::optional<int> next_in_days;
  int next_opens = 0;
  int next_weekday = 0;  // 0 Monday … 6 Sunday
};

// What the hours mean on `weekday` (0 Monday) at `minute` after midnight. Empty hours: closed
// with no next opening.
OpenState open_state(const std::vector<OpeningHours>& hours, int weekday, int minute);

}  // namespace kiosk::feeds

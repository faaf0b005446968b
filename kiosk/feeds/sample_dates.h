// The bundled sample events stay upcoming: when the kiosk loads the sample set, its events
// (records marked sampleData) move forward by whole weeks, so the first one falls within the
// coming week and the rest keep their spacing, weekday and local time of day (Miami's, across
// daylight saving time). Real events are never moved.
#pragma once

#include <cstdint>
#include <vector>

#include "kiosk/model/model.h"

namespace kiosk::feeds {

// The whole weeks sample events move by when loaded at `now` (Unix seconds): 0 when the
// earliest sample event is still ahead.
int sample_event_weeks(const std::vector<Event>& events, std::int64_t now);
// Moves every sample event's start and end forward by `weeks`, in America/New_York wall time.
void shift_sample_events(std::vector<Event>& events, int weeks);

}  // namespace kiosk::feeds

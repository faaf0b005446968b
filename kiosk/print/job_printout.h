// The one-page summary of a job in the resident's language: what it is, what it pays, where,
// what it asks, and how to apply (the link as a QR code and as text).
#pragma once

#include <cstdint>

#include "kiosk/config/config.h"
#include "kiosk/i18n/i18n.h"
#include "kiosk/model/model.h"
#include "kiosk/print/printout.h"

namespace kiosk {

Printout job_printout(const Job& job, Translator& tr, const Config& config, std::int64_t now);

// "Kendall, FL 33176" — the place of a job as one line; "Remote" when it has none.
std::string place_line(const Place& place);

}  // namespace kiosk

// State Eligible Training Provider List (ETPL) exports: CSV files of WIOA-approved training
// programs, one row per program. Columns are found by name, not position, so any state's export
// (or a spreadsheet someone trimmed) works as long as it names a program and its provider.
#pragma once

#include <string>
#include <string_view>

#include "kiosk/model/model.h"

namespace kiosk::feeds {

ParseResult parse_etpl_csv(std::string_view body, const std::string& source_url);

}  // namespace kiosk::feeds

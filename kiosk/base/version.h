// The kiosk's version, as the build set it (CMake's project version): the staff panel, the
// fleet's metrics and `--version` say the same.
#pragma once

#include <string_view>

namespace kiosk {

std::string_view version();

}  // namespace kiosk

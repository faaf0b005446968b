#include "kiosk/base/version.h"

namespace kiosk {

std::string_view version() {
  return KIOSK_VERSION;
}

}  // namespace kiosk

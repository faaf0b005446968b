// The self-test's checks that need the UI's libraries (kiosk/fleet/self_test.h has the rest):
// a hidden SDL window with the renderer the kiosk would draw with (ui/platform.h: SDL's
// software renderer on X11, an OpenGL 3 context elsewhere), only when a display is there
// (DISPLAY or WAYLAND_DISPLAY set), and the fonts the kiosk draws with.
#pragma once

#include <vector>

#include "kiosk/fleet/self_test.h"

namespace ui {

kiosk::fleet::CheckResult check_display();  // "display": the driver and the renderer
kiosk::fleet::CheckResult check_fonts();    // "fonts": Noto Sans regular and bold found
std::vector<kiosk::fleet::CheckResult> self_test_checks();  // both, in that order

}  // namespace ui

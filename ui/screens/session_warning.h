// "Are you still there?": shown over any screen when nobody has touched it for a while, in both
// languages, with a countdown and one big "I need more time". It takes every touch while it
// shows, so nothing underneath is tapped by mistake.
#pragma once

#include "ui/widgets.h"

namespace ui {

void draw_session_warning(Ui& ui, int seconds_left);

}  // namespace ui

// "I'm done" asks once: "End your visit? What you saved will be erased." with a button that
// ends it (session.end.confirm) and one that goes back to what the resident was doing
// (session.end.cancel). Shown over any screen; it takes every touch while it shows. The idle
// timeout never asks.
#pragma once

#include "ui/widgets.h"

namespace ui {

// Draws the question while *ui.end_question is set; an answer clears it.
void draw_end_question(Ui& ui);

}  // namespace ui

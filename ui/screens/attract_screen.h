// The attract screen: what this kiosk is for, in English and Spanish at once, with a gentle
// pulse (two changes a second, a small area) so passers-by see it is alive. It shows when a
// session ends; a touch anywhere starts a new one on the home screen.
#pragma once

#include "ui/screens/screen.h"

namespace ui {

class AttractScreen final : public Screen {
 public:
  explicit AttractScreen(const ScreenInfo& info) : Screen(info) {}

 protected:
  void draw_content(Ui& ui, ImVec2 pos, ImVec2 size) override;
};

}  // namespace ui

// What residents see while staff have taken the kiosk out of service: one calm message in both
// languages (no one has chosen a language), and where to find help. Nothing on it starts a
// session; the kiosk's name still opens the staff entry.
#pragma once

#include "ui/screens/screen.h"

namespace ui {

class OutOfServiceScreen final : public Screen {
 public:
  explicit OutOfServiceScreen(const ScreenInfo& info) : Screen(info) {}

 protected:
  void draw_content(Ui& ui, ImVec2 pos, ImVec2 size) override;
};

}  // namespace ui

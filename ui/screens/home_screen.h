// Home: who this kiosk is, a greeting, and a big tile for every resident journey that exists.
#pragma once

#include "ui/screens/screen.h"

namespace ui {

class HomeScreen final : public Screen {
 public:
  explicit HomeScreen(const ScreenInfo& info) : Screen(info) {}

 protected:
  void draw_content(Ui& ui, ImVec2 pos, ImVec2 size) override;

 private:
  void draw_listings_status(Ui& ui, ImVec2 pos, ImVec2 size);
};

}  // namespace ui

// Home: who this kiosk is, a greeting, and a big tile for every resident journey that exists.
#pragma once

#include "ui/screens/screen.h"

namespace ui {

class HomeScreen final : public Screen {
 public:
  explicit HomeScreen(const ScreenInfo& info) : Screen(info) {}

  void on_open(const kiosk::Route& /*route*/, bool /*returning*/) override { scroll_.reset(); }
  void reset() override { scroll_.reset(); }

 protected:
  void draw_content(Ui& ui, ImVec2 pos, ImVec2 size) override;

 private:
  // How many listings the kiosk holds and how fresh, in the bottom bar.
  void draw_bar_note(Ui& ui, ImVec2 pos, ImVec2 size) override;

  ScrollArea scroll_;  // the tiles, when there are more than the screen holds
};

}  // namespace ui

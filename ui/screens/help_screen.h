// Help: how to use the kiosk, where to find a person, what happens to what you type.
#pragma once

#include "ui/screens/screen.h"

namespace ui {

class HelpScreen final : public Screen {
 public:
  explicit HelpScreen(const ScreenInfo& info) : Screen(info) {}
  void on_open(const kiosk::Route& /*route*/, bool /*returning*/) override { scroll_.reset(); }
  void reset() override { scroll_.reset(); }

 protected:
  void draw_content(Ui& ui, ImVec2 pos, ImVec2 size) override;

 private:
  ScrollArea scroll_;
};

}  // namespace ui

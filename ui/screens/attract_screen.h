// The attract screen: what this kiosk is for, in English and Spanish at once, with a gentle
// pulse (two changes a second, a small area) so passers-by see it is alive. It shows when a
// session ends; a touch anywhere starts a new one on the home screen.
#pragma once

#include "ui/screens/screen.h"

namespace ui {

class AttractScreen final : public Screen {
 public:
  kiosk::ScreenId id() const override { return kiosk::ScreenId::Attract; }
  kiosk::MsgKey speech_intro() const override {
    using namespace kiosk::literals;
    return "speech.intro.attract"_msg;
  }

 protected:
  void draw_content(Ui& ui, ImVec2 pos, ImVec2 size) override;
  bool shows_back_home() const override { return false; }
  bool shows_nav_bar() const override { return false; }
  bool shows_language_toggle() const override { return false; }  // it speaks both already
};

}  // namespace ui

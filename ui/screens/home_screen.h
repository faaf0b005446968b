// Home: who this kiosk is, a greeting, and a big tile for every resident journey that exists.
#pragma once

#include "ui/screens/screen.h"

namespace ui {

class HomeScreen final : public Screen {
 public:
  kiosk::ScreenId id() const override { return kiosk::ScreenId::Home; }
  kiosk::MsgKey speech_intro() const override {
    using namespace kiosk::literals;
    return "speech.intro.home"_msg;
  }

 protected:
  void draw_content(Ui& ui, ImVec2 pos, ImVec2 size) override;
  bool shows_back_home() const override { return false; }  // home is where they lead

 private:
  // The listings line at the bottom of the content, or at `top` when that is lower.
  void draw_listings_status(Ui& ui, ImVec2 pos, ImVec2 size, float top);
};

}  // namespace ui

// Help: how to use the kiosk, where to find a person, what happens to what you type.
#pragma once

#include "ui/screens/screen.h"

namespace ui {

class HelpScreen final : public Screen {
 public:
  kiosk::ScreenId id() const override { return kiosk::ScreenId::Help; }
  kiosk::MsgKey speech_intro() const override {
    using namespace kiosk::literals;
    return "speech.intro.help"_msg;
  }
  void on_open() override { scroll_.reset(); }
  void reset() override { scroll_.reset(); }

 protected:
  void draw_content(Ui& ui, ImVec2 pos, ImVec2 size) override;

 private:
  ScrollArea scroll_;
};

}  // namespace ui

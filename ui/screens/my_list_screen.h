// My list: what the resident saved during this session (jobs and training side by side, each
// marked with its kind), each with its QR code to take it home on a phone. Nothing here
// outlives the session.
#pragma once

#include <map>

#include "kiosk/base/qr.h"
#include "kiosk/session/visit.h"
#include "ui/screens/screen.h"

namespace ui {

class MyListScreen final : public Screen {
 public:
  MyListScreen(const ScreenInfo& info, kiosk::SavedList& saved) : Screen(info), saved_(saved) {}

  void on_open(const kiosk::Route& /*route*/, bool /*returning*/) override { scroll_.reset(); }
  void reset() override {
    scroll_.reset();
    codes_.clear();
  }

 protected:
  void draw_content(Ui& ui, ImVec2 pos, ImVec2 size) override;

 private:
  const kiosk::QrCode* code_for(const std::string& link);

  kiosk::SavedList& saved_;
  std::map<std::string, std::optional<kiosk::QrCode>> codes_;  // by link, encoded once
  ScrollArea scroll_;
};

}  // namespace ui

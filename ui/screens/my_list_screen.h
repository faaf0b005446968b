// My list: what the resident saved during this session, each with its QR code to take it home
// on a phone. Nothing here outlives the session.
#pragma once

#include <map>

#include "kiosk/base/qr.h"
#include "kiosk/search/job_search.h"
#include "ui/screens/screen.h"

namespace ui {

class MyListScreen final : public Screen {
 public:
  MyListScreen(kiosk::JobSearch& search, kiosk::SavedList& saved)
      : search_(search), saved_(saved) {}

  kiosk::ScreenId id() const override { return kiosk::ScreenId::MyList; }
  kiosk::MsgKey speech_intro() const override {
    using namespace kiosk::literals;
    return "speech.intro.mylist"_msg;
  }
  void on_open() override { scroll_.reset(); }
  void reset() override {
    scroll_.reset();
    codes_.clear();
  }

 protected:
  void draw_content(Ui& ui, ImVec2 pos, ImVec2 size) override;

 private:
  const kiosk::QrCode* code_for(const std::string& link);

  kiosk::JobSearch& search_;
  kiosk::SavedList& saved_;
  std::map<std::string, std::optional<kiosk::QrCode>> codes_;  // by link, encoded once
  ScrollArea scroll_;
};

}  // namespace ui

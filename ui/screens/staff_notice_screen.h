// The notice staff put up for residents (`staff.notice`): typed on the kiosk's own keyboard in
// English and in Spanish, shown for a length staff choose, on every screen (Screen::draw_notice).
#pragma once

#include <string>

#include "kiosk/staff/staff_desk.h"
#include "ui/screens/screen.h"

namespace ui {

class StaffNoticeScreen final : public Screen {
 public:
  explicit StaffNoticeScreen(const ScreenInfo& info) : Screen(info) {}

  void on_open(const kiosk::Route& route, bool returning) override;
  void reset() override;

 protected:
  void draw_content(Ui& ui, ImVec2 pos, ImVec2 size) override;

 private:
  std::string en_, es_;
  kiosk::staff::NoticeLength length_ = kiosk::staff::NoticeLength::EndOfDay;
  bool loaded_ = false;  // the notice up now is copied into the fields once per visit
  bool empty_problem_ = false;
  ScrollArea scroll_;
};

}  // namespace ui

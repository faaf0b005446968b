// The staff PIN keypad (`staff.pin`), reached only by holding the kiosk's name for 5 seconds. The
// digits show as dots and are spoken as "digit"; the PIN is checked off the UI thread, wiped at
// once, and five wrong ones lock the entry for 5 minutes (kiosk/staff/staff_desk.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "kiosk/staff/pin.h"
#include "ui/screens/screen.h"

namespace ui {

class StaffPinScreen final : public Screen {
 public:
  explicit StaffPinScreen(const ScreenInfo& info);
  ~StaffPinScreen() override;

  void on_open(const kiosk::Route& /*route*/, bool /*returning*/) override { reset(); }
  void reset() override;

 protected:
  void draw_content(Ui& ui, ImVec2 pos, ImVec2 size) override;

 private:
  void submit(Ui& ui);
  std::string status_text(Ui& ui, std::chrono::seconds lock_left) const;

  std::string pin_;  // the keypad types here; at most 8 digits, so it never leaves the object
  enum class Said { Nothing, TooShort, Wrong, Locked };
  Said said_ = Said::Nothing;
  int tries_left_ = 0;
  std::optional<kiosk::staff::PinGate::Result> answer_;  // from the check, for the next frame
  std::uint64_t generation_ = 0;                         // answers to an older visit are dropped
  bool checking_ = false;
};

}  // namespace ui

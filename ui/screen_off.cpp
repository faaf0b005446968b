#include "ui/screen_off.h"

#include <imgui.h>

#include "kiosk/base/log.h"
#include "ui/widgets.h"

namespace ui {

void ScreenOff::set(bool on) {
  if (on == on_) return;
  on_ = on;
  kiosk::log::info(on_ ? "screen off" : "screen on");
}

void ScreenOff::draw(Ui& ui) {
  if (!on_) return;
  const ModalLayer layer(ui, "##screen_off");
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(0, 0), size, IM_COL32(0, 0, 0, 255));
  // Before the layer's own shield: ImGui gives the touch to the first item under it.
  ImGui::SetCursorScreenPos(ImVec2(0, 0));
  if (ImGui::InvisibleButton("##screen_on", size)) set(false);
  record(ui, "screen_off", kiosk::Role::Region, ImVec2(0, 0), size, "");
}

}  // namespace ui

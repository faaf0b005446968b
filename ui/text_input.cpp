#include "ui/text_input.h"

#include <imgui_internal.h>

#include "ui/metrics.h"
#include "ui/widgets.h"

namespace ui {

namespace {

// The same frame, measured as if text were at its normal size: the keyboard is big enough as it
// is, and at the largest text it would leave no room above it.
Ui keyboard_ui(const Ui& ui) {
  return Ui{.metrics = ui.keyboard_metrics != nullptr ? *ui.keyboard_metrics : ui.metrics,
            .palette = ui.palette,
            .fonts = ui.fonts,
            .tr = ui.tr,
            .registry = ui.registry,
            .config = ui.config,
            .intents = ui.intents,
            .listings = ui.listings,
            .input = ui.input,
            .printer = ui.printer,
            .now = ui.now,
            .clock_now = ui.clock_now,
            .delta_seconds = ui.delta_seconds,
            .wants_animation_frame = false,
            .wake_at = std::nullopt,
            .busy = false,
            .keyboard_metrics = ui.keyboard_metrics,
            .access = ui.access,
            .speech = ui.speech,
            .end_question = ui.end_question};
}

bool contains(ImVec2 min, ImVec2 max, ImVec2 p) {
  return p.x >= min.x && p.x < max.x && p.y >= min.y && p.y < max.y;
}

}  // namespace

void TextInput::focus(std::string_view id, std::string* target, kiosk::KeyboardMode mode,
                      std::size_t max_bytes, std::string_view enter_label) {
  if (focused(id) && target == target_ && mode == mode_) return;
  enter_label_ = enter_label;
  id_ = id;
  target_ = target;
  mode_ = mode;
  max_bytes_ = max_bytes;
  keyboard_.reset();
}

void TextInput::blur() {
  id_.clear();
  target_ = nullptr;
  keyboard_.reset();
}

bool TextInput::type(std::string_view text) {
  if (target_ == nullptr || target_->size() + text.size() > max_bytes_) return false;
  target_->append(text);
  return true;
}

void TextInput::delete_last() {
  if (target_ != nullptr) kiosk::erase_last_character(*target_);
}

void TextInput::press_enter() {
  if (target_ == nullptr) return;
  entered_ = id_;
  blur();
}

bool TextInput::take_enter(std::string_view id) {
  if (entered_.empty() || entered_ != id) return false;
  entered_.clear();
  return true;
}

void TextInput::seen(std::string_view id, ImVec2 min, ImVec2 max) {
  if (!focused(id)) return;
  seen_ = true;
  field_min_ = min;
  field_max_ = max;
}

float TextInput::keyboard_height(const Ui& ui, float width) const {
  return keyboard_.height(keyboard_ui(ui), width);
}

float TextInput::keyboard_keys_width(const Ui& ui, float width) const {
  return OnScreenKeyboard::keys_width(keyboard_ui(ui), width, mode_);
}

void TextInput::draw_keyboard(Ui& ui, ImVec2 pos, ImVec2 size) {
  keyboard_min_ = pos;
  keyboard_max_ = ImVec2(pos.x + size.x, pos.y + size.y);
  if (target_ == nullptr) return;
  Ui kb = keyboard_ui(ui);
  const auto result = keyboard_.draw(kb, pos, size, mode_, *target_, max_bytes_, enter_label_);
  ui.wants_animation_frame = ui.wants_animation_frame || kb.wants_animation_frame;
  ui.busy = ui.busy || kb.busy;
  if (kb.wake_at) ui.wake_no_later_than(*kb.wake_at);
  if (result == kiosk::KeyboardState::Result::Enter) entered_ = id_;
  if (result == kiosk::KeyboardState::Result::Enter ||
      result == kiosk::KeyboardState::Result::Hide) {
    blur();
  }
}

void TextInput::end_frame(float drag_threshold_px) {
  if (!active()) return;
  if (!seen_) {
    blur();
    return;
  }
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
      !ImGui::IsMouseDragPastThreshold(ImGuiMouseButton_Left, drag_threshold_px)) {
    const ImVec2 at = io.MouseClickedPos[0];
    if (!contains(field_min_, field_max_, at) && !contains(keyboard_min_, keyboard_max_, at)) {
      blur();
    }
  }
}

}  // namespace ui

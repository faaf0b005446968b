// The one text field that has the focus, and the on-screen keyboard that types into it. A field
// takes the focus when tapped; the keyboard then docks at the bottom of the screen (the screen's
// content shrinks above it, so the field is never covered) until Enter, the hide key, a tap
// outside both, or the field leaving the screen.
#pragma once

#include <string>
#include <string_view>

#include <imgui.h>

#include "kiosk/input/keyboard.h"
#include "ui/keyboard.h"

namespace ui {

struct Ui;

class TextInput {
 public:
  bool active() const { return target_ != nullptr; }
  bool focused(std::string_view id) const { return active() && id == id_; }
  kiosk::KeyboardMode mode() const { return mode_; }

  // `enter_label` says what Enter does here ("Search"); empty: "Done".
  void focus(std::string_view id, std::string* target, kiosk::KeyboardMode mode,
             std::size_t max_bytes, std::string_view enter_label = {});
  void blur();
  // Whether Enter was pressed in field `id` since the last call (once; the keyboard has closed).
  bool take_enter(std::string_view id);

  // Speech mode's letter picker (kiosk/access/letter_picker.h) types without aiming at keys:
  // the edits the keys make. type() refuses text past the field's limit (false).
  bool type(std::string_view text);
  void delete_last();
  void press_enter();  // as the Enter key: closes too
  std::string_view text() const { return target_ != nullptr ? *target_ : std::string_view(); }

  // Screen::draw's bookkeeping.
  void begin_frame() { seen_ = false; }
  void seen(std::string_view id, ImVec2 min, ImVec2 max);  // the focused field was drawn here
  float keyboard_height(const Ui& ui, float width) const;
  float keyboard_keys_width(const Ui& ui, float width) const;  // the keys, centred in the plate
  void draw_keyboard(Ui& ui, ImVec2 pos, ImVec2 size);
  // Blurs when the focused field was not drawn, or a tap landed outside field and keyboard.
  void end_frame(float drag_threshold_px);

 private:
  std::string id_;
  std::string* target_ = nullptr;
  kiosk::KeyboardMode mode_ = kiosk::KeyboardMode::Text;
  std::size_t max_bytes_ = 200;
  std::string enter_label_;
  std::string entered_;  // the field whose Enter was pressed and not yet taken
  OnScreenKeyboard keyboard_;
  bool seen_ = false;
  ImVec2 field_min_{}, field_max_{};
  ImVec2 keyboard_min_{}, keyboard_max_{};
};

}  // namespace ui

// The on-screen keyboard every text field uses. It docks at the bottom of the screen (the
// screen shrinks its content above it, so it never covers the field being typed into), follows
// the kiosk language (English or Spanish layout) and the field's mode (text, email, numeric),
// and records every key as `osk.key.<id>`.
#pragma once

#include <string>

#include <imgui.h>

#include "kiosk/input/keyboard.h"
#include "ui/widgets.h"

namespace ui {

class OnScreenKeyboard {
 public:
  // Height of the keyboard for a screen this wide: the same for every mode and page (five rows
  // of em::kKeyHeight; the six-row email pages share it out), so a field
  // can lay out its screen before it knows what the keyboard will show.
  float height(const Ui& ui, float width) const;

  // Draws the keyboard in [pos, pos + (size.x, height(ui, size.x))] and applies taps to `text`;
  // size.y is not consulted. Keys are centred and capped in width (em::kKeyboardMaxWidth).
  // `enter_label` says what Enter does for this field ("Search"); empty: "Done".
  kiosk::KeyboardState::Result draw(Ui& ui, ImVec2 pos, ImVec2 size, kiosk::KeyboardMode mode,
                                    std::string& text, std::size_t max_bytes = 200,
                                    std::string_view enter_label = {});
  // How wide the keys are on a screen this wide (centred; the plate's sides are free).
  static float keys_width(const Ui& ui, float width, kiosk::KeyboardMode mode);

  void reset();  // letters page, no shift, nothing held
  const kiosk::KeyboardState& state() const { return state_; }  // page and shift, for tests

 private:
  kiosk::KeyboardState state_;
  std::string held_id_;          // the key under the finger (press feedback, repeat, long-press)
  float held_seconds_ = 0;       // how long it has been held
  float repeat_seconds_ = 0;     // backspace repeat timer
  bool popup_open_ = false;      // long-press variants showing
  std::string popup_key_;        // the key whose variants show
  bool popup_tracking_ = false;  // the finger that opened the popup is still down: sliding
                                 // onto a variant and lifting types it

  void close_popup();
};

}  // namespace ui

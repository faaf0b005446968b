// Screen off (issue 17): a resident listening through headphones blanks the display, so
// onlookers see nothing, while speech and the keypad go on. A touch anywhere, or the end of the
// session, brings the picture back. Drawn as a black layer over the frame (frames are still
// drawn only on input, and the black layer never changes, so nothing more is rasterised).
#pragma once

namespace ui {

struct Ui;

class ScreenOff {
 public:
  bool on() const { return on_; }
  void set(bool on);
  void toggle() { set(!on_); }
  // Call last in the frame, before ImGui::Render: when on, black over the whole display, taking
  // every touch (the first touch turns it off) and covering the widgets drawn before it in the
  // registry, where it records itself as the region `screen_off`.
  void draw(Ui& ui);

 private:
  bool on_ = false;
};

}  // namespace ui

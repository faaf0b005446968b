// The base every screen derives from. draw() is not virtual: it owns the full-screen window, the
// header (kiosk name, location, language toggle), the Back/Home bar and the registry bookkeeping,
// so no screen can forget them; screens fill in draw_content() (ImHex's View::drawContent()).
#pragma once

#include <imgui.h>

#include "kiosk/session/navigation.h"
#include "ui/widgets.h"

namespace ui {

class Screen {
 public:
  virtual ~Screen() = default;
  Screen() = default;
  Screen(const Screen&) = delete;
  Screen& operator=(const Screen&) = delete;

  void draw(Ui& ui);  // do not override: override draw_content()

  virtual kiosk::ScreenId id() const = 0;
  virtual void on_open() {}  // the resident arrived (not called when only the language changed)
  virtual void reset() {}    // forget everything the resident did here

 protected:
  // Draws inside the content rectangle (below the header, above the Back/Home bar).
  virtual void draw_content(Ui& ui, ImVec2 pos, ImVec2 size) = 0;
  virtual bool shows_back_home() const { return true; }
  // The bottom bar (Back, Home and "I'm done"); the attract screen has none.
  virtual bool shows_nav_bar() const { return true; }
  virtual bool shows_language_toggle() const { return true; }

 public:
  // Read aloud on arrival: the screen's title and purpose, and with announces_heading() its
  // first heading too (a job's title).
  virtual kiosk::MsgKey speech_intro() const = 0;
  virtual bool announces_heading() const { return false; }

 protected:
 private:
  float draw_header(Ui& ui, float width);  // returns its height (two rows when narrow)
  void draw_nav_bar(Ui& ui, float top, float width);
  enum class NavButton { Back, Home, Done };
  void nav_button(Ui& ui, NavButton which, ImVec2 pos, ImVec2 size);
  float nav_side_width(Ui& ui, float width) const;
  static float nav_side_button_height(Ui& ui);
  void draw_nav_beside_keyboard(Ui& ui, float top, float width, float height, float side);
  void draw_speech_bar(Ui& ui, float top, float width, float height);
};

}  // namespace ui

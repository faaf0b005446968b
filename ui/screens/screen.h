// The base every screen derives from. draw() is not virtual: it owns the full-screen window, the
// header (kiosk name, location, language toggle), the Back/Home bar and the registry bookkeeping,
// so no screen can forget them; screens fill in draw_content() (ImHex's View::drawContent()).
#pragma once

#include <imgui.h>

#include <optional>
#include <string_view>

#include "kiosk/session/navigation.h"
#include "ui/widgets.h"

namespace ui {

// A screen's tile on the home screen: the home screen draws one for every registered screen that
// has one, in `order`.
struct HomeTile {
  std::string_view id;  // stable: "home.jobs"
  kiosk::MsgKey title;
  kiosk::MsgKey subtitle;
  Icon icon = Icon::None;
  int order = 0;
};

// What a screen is, declared once where it is registered (ui/screens/screens.cpp).
struct ScreenInfo {
  std::string_view name = {};  // stable: routes, the registry's region id, logs ("jobs.search")
  kiosk::MsgKey speech_intro = {};  // read aloud on arrival: the screen's title and purpose
  std::optional<HomeTile> tile = std::nullopt;
  bool back_home = true;  // Back and Home in the bottom bar (home has no use for them)
  bool own_back = false;  // the screen draws its own Back (a wizard's): the bar keeps Home only
  bool nav_bar = true;    // the bottom bar at all (with "I'm done"); the attract screen has none
  bool language_toggle = true;     // and the header's language and access buttons
  bool announces_heading = false;  // also say the first heading on arrival (a job's title)
};

class Screen {
 public:
  explicit Screen(const ScreenInfo& info) : info_(info) {}
  virtual ~Screen() = default;
  Screen(const Screen&) = delete;
  Screen& operator=(const Screen&) = delete;

  void draw(Ui& ui);  // do not override: override draw_content()

  const ScreenInfo& info() const { return info_; }
  std::string_view name() const { return info_.name; }
  // The resident arrived, or the route changed while here (previous/next): the route says what
  // to show. `returning` when they came back to it (Back, or a route already on the stack): a
  // list keeps its place then. Not called when only the language changed.
  virtual void on_open(const kiosk::Route& /*route*/, bool /*returning*/) {}
  virtual void reset() {}  // forget everything the resident did here
  // Leaving this screen for another would lose what the resident entered here: the question to
  // ask first ("Leave without signing up?"). Null: leave freely. A "yes" runs reset() and goes.
  virtual const Question* leave_question() const { return nullptr; }
  // A screen without Back and Home (home) may say something small in their place, left of
  // "I'm done" in the bottom bar: how many listings the kiosk holds and how fresh they are.
  virtual void draw_bar_note(Ui& /*ui*/, ImVec2 /*pos*/, ImVec2 /*size*/) {}

 protected:
  // Draws inside the content rectangle (below the header, above the Back/Home bar).
  virtual void draw_content(Ui& ui, ImVec2 pos, ImVec2 size) = 0;

 private:
  float draw_header(Ui& ui, float width) const;  // returns its height (two rows when narrow)
  void staff_entry(Ui& ui, ImVec2 pos, ImVec2 size) const;
  // Staff's notice for residents, under the header on every screen; returns its height (0: none).
  float draw_notice(Ui& ui, float top, float width) const;
  void draw_nav_bar(Ui& ui, float top, float width);
  enum class NavButton { Back, Home, Done };
  void nav_button(Ui& ui, NavButton which, ImVec2 pos, ImVec2 size);
  float nav_side_width(Ui& ui, float width) const;
  static float nav_side_button_height(Ui& ui);
  void draw_nav_beside_keyboard(Ui& ui, float top, float width, float height, float side);
  void draw_speech_bar(Ui& ui, float top, float width, float height);

  ScreenInfo info_;
};

}  // namespace ui

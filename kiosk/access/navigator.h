// Speech mode's reading of the screen: a focus that moves through one frame's widgets (the
// registry, kiosk/input/registry.h) in reading order, driven by the logical keys of
// kiosk/access/keypad.h, and the sentence said for each item. Pure logic: the app feeds it the
// last complete frame, speaks what it returns and does what it asks (tap a widget, go back,
// change the volume, …).
//
// Reading order. The items are the frame's widgets that are not covered by a panel, have a
// visible rectangle and a spoken text; the on-screen keyboard's keys (ids `osk.key.*`) only
// while typing (set_typing). The widgets of one scroll area (`scrolls`, the same `area`) are
// read together as one block placed where the area is; every other widget is a block of its
// own. Blocks, and the widgets inside a scroll area, go top to bottom in rows, each row left to
// right: two are in one row when the vertical centre of one lies within the height of the
// other (a line of chips, a header's title and its buttons, the two columns of a screen).
// Inside a row, left to right, then top to bottom.
//
// Groups. A group starts at every heading (Role::Heading), at the first item of every scroll
// area (Role::Region is recorded for each one) and at the first item after one (the footer);
// next_group / previous_group move to the next / the nearest earlier group start. The header (what
// comes before the first group) is reached with previous_group from the first group.
//
// Focus. The focused item is kept across frames by its id, or for a text without one by its
// text and role (the nearest to where it was). When it is gone, the focus moves to the first
// item after where it was (or the last item); when a panel drawn over the screen (a question)
// covers it, to the panel's first item. After new_screen() the focus is the first group's first
// item (the screen's heading, past the header), or the first item when there is no group.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/access/keypad.h"
#include "kiosk/i18n/i18n.h"
#include "kiosk/input/registry.h"

namespace kiosk {

// What the app does after a key. `say` (when not empty) is spoken now, replacing what is
// being said, in the translator's language.
struct NavAction {
  enum class Kind {
    None,        // only `say` (moving, the end of the screen, …)
    Activate,    // tap the widget `id` (at the centre of `rect`)
    Back,        // the Back intent
    Home,        // the Home intent
    Repeat,      // `say` is the last thing the navigator said
    Stop,        // silence now
    Help,        // `say` is the guide to the keys
    VolumeUp,    // `say` is a short word ("Louder.") to say at the new volume
    VolumeDown,  //
    Slower,      // `say` ("Slower.") at the new rate
    Faster,      //
    Language,    // switch the language, then say focus_text() in the new one
    ScreenOff,   // blank the display when screen_dark(), else light it again
  };
  Kind kind = Kind::None;
  std::string say;
  std::string id;      // Activate: the widget to tap
  Rect rect;           // Activate: its visible rectangle
  std::string reveal;  // the focused widget is cut at the edge of its scroll area: scroll it
                       // into view (empty: nothing to scroll)
};

class SpeechNavigator {
 public:
  explicit SpeechNavigator(Translator& tr);

  // A new screen: the focus goes to its first item at the next update() or handle().
  void new_screen();
  // Back on a screen left earlier: the focus goes to the widget `id` it was on (or, when that is
  // gone, the first item).
  void return_to(std::string_view id);
  // While a text field has focus the on-screen keyboard's keys are items too.
  void set_typing(bool typing);
  bool typing() const { return typing_; }
  // Forget the focus and what was said, the screen lit (the end of a session).
  void reset();
  // The screen_off key blanks the display and lights it again; a touch lights it too.
  bool screen_dark() const { return screen_dark_; }
  void screen_lit() { screen_dark_ = false; }

  // After each frame: keeps the focus on its item (or the next one when it is gone).
  void update(const std::vector<WidgetInfo>& frame);
  // A key: moves the focus and says where it is, or asks the app to act.
  NavAction handle(KeypadKey key, const std::vector<WidgetInfo>& frame);

  // The focused item's sentence (empty when the screen has nothing to read); remembered as
  // what repeat says.
  std::string focus_text(const std::vector<WidgetInfo>& frame);
  // The focused widget (nullptr when none), in `frame`.
  const WidgetInfo* focused(const std::vector<WidgetInfo>& frame);

  // The items of a frame in reading order (indexes into `frame`), and where groups start.
  std::vector<std::size_t> reading_order(const std::vector<WidgetInfo>& frame) const;
  static std::vector<std::size_t> group_starts(const std::vector<WidgetInfo>& frame,
                                               const std::vector<std::size_t>& order);

  // What is said when speech mode starts (short), and the full guide (the help key).
  std::string start_guide();
  std::string guide();

 private:
  struct Focus {
    std::string id;
    std::string text;  // id-less items
    Role role = Role::Text;
    Rect rect;
    bool set = false;
  };
  // The position of the focus in `order`, after finding it again; -1 when there are no items.
  int locate(const std::vector<WidgetInfo>& frame, const std::vector<std::size_t>& order);
  void focus_on(const WidgetInfo& w);
  NavAction move_to(const std::vector<WidgetInfo>& frame, std::size_t index);
  std::string remember(std::string said);

  Translator& tr_;
  Focus focus_;
  bool typing_ = false;
  bool fresh_screen_ = true;
  bool screen_dark_ = false;
  std::string last_said_;
};

// An item's sentence: its text, its role and its state ("Part-time, filter, selected",
// "Search jobs, button", "Results, heading"). A text says only its text; a card (a Tile, or a
// button whose text is a whole listing) is its text and "button".
std::string describe(const WidgetInfo& widget, Translator& tr);

}  // namespace kiosk

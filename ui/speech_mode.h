// Speech mode (issue 17): a resident who cannot see the screen uses the kiosk with headphones
// and a numeric keypad. Plugging headphones in or pressing any keypad key starts it, in the
// kiosk's language, with a short spoken guide; it ends with the session. The keypad moves a
// focus through what is on the screen in reading order (kiosk/access/navigator.h), Enter uses
// the focused item as a tap would, and every change is said as it happens: a new screen, a
// result count, a choice turned on, a problem with an answer, a question over the screen.
// Typing goes through the on-screen keyboard's spoken letter picker (kiosk/access/letter_picker.h).
//
// The app owns one, feeds it keys before a frame and the frame after it; everything it says
// goes through the AccessController's voices (and so the spoken record tests read).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "kiosk/access/keypad.h"
#include "kiosk/access/letter_picker.h"
#include "kiosk/access/navigator.h"
#include "kiosk/i18n/i18n.h"
#include "kiosk/input/registry.h"
#include "kiosk/session/navigation.h"
#include "ui/widgets.h"

namespace ui {

class AccessController;
class ScreenOff;
class TextInput;

class SpeechMode {
 public:
  SpeechMode(kiosk::Translator& tr, AccessController& access);

  bool active() const { return active_; }
  // Starts speech mode (nothing happens when it is on already): the guide to the keys now, and
  // where the resident is after the next frame.
  void start(const char* why);
  // The end of the session: off, and everything it remembered (which may hold what the resident
  // typed, read back) wiped.
  void end();

  // Everything a key may touch.
  struct Context {
    const std::vector<kiosk::WidgetInfo>& frame;  // the last complete frame, as speech reads it
    TextInput& input;
    ScreenOff& screen_off;
    std::vector<kiosk::Intent>& intents;
  };
  // A keypad key, in speech mode.
  void key(kiosk::KeypadKey key, const Context& context);
  // The first key starts speech mode and says the guide; the keys that change how things are
  // (the screen, the language, the voice) also do what they say.
  static bool acts_when_starting(kiosk::KeypadKey key);
  // The app moved from screen `from` to screen `to`; `returning`: back to one left earlier,
  // whose focus comes back to where it was.
  void new_screen(const std::string& from, const std::string& to, bool returning);
  // Says this now (the session's "Are you still there?").
  void announce(std::string text);

  // Before drawing a frame: what the keypad asks of it (a widget to use, a list to scroll) and
  // whether scrolled-away rows are recorded.
  void prepare(Ui& ui);
  // After the frame is recorded, before it is rendered: the focus follows the screen, changes
  // are said, and a thick ring shows the focus to a resident who sees a little.
  // `dark`: the screen is off (no ring over the black).
  void after_frame(Ui& ui, const std::vector<kiosk::WidgetInfo>& frame, std::string_view intro,
                   bool busy, bool dark);

 private:
  void say(std::string text);
  // A key while the keyboard is up: the letter picker's, if it uses it.
  bool picker_key(kiosk::KeypadKey key, const Context& context);
  void scroll_into_view(const std::vector<kiosk::WidgetInfo>& frame, const kiosk::WidgetInfo* w);
  // The live texts of a frame (result counts, problems) and the screen's own heading.
  std::map<std::string, std::string> live_texts(const std::vector<kiosk::WidgetInfo>& frame) const;

  kiosk::Translator& tr_;
  AccessController& access_;
  kiosk::SpeechNavigator navigator_;
  kiosk::LetterPicker picker_;  // while a text field has the keyboard
  bool active_ = false;
  bool greet_ = false;            // say the start guide with the first announcement
  bool announce_screen_ = false;  // a new screen: its intro and the first item, once settled
  bool announce_focus_ = false;   // the language changed: the focused item again
  // Enter was pressed: frames until what changed on the focused item is said (the widget acts
  // in the first frame and shows its new state in the next).
  int activated_ = 0;
  std::string before_activate_;  // the focused item's sentence before Enter
  std::string activate_;         // the widget Enter uses in the next frame
  Ui::ScrollRequest scroll_;     // the list to scroll in the next frame
  std::string focused_id_;       // to notice the focus moving without a key (a question)
  std::map<std::string, std::string> live_;
  std::map<std::string, std::string> left_on_;  // screen → the widget the focus was on
};

}  // namespace ui

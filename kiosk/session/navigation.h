// Which screen the resident is on, and how they got there. The UI draws the top of the stack and
// returns intents; the navigator applies them after the frame.
#pragma once

#include <string_view>
#include <vector>

namespace kiosk {

enum class ScreenId { Home, Help, JobSearch, JobDetail, MyList, Attract };

// Stable, for logs and registry ids: "home", "help", "jobs.search", "jobs.detail", "mylist",
// "attract".
std::string_view screen_name(ScreenId id);

class Navigator {
 public:
  ScreenId current() const { return stack_.back(); }
  std::size_t depth() const { return stack_.size(); }

  // Pushes a screen (re-opening the current one does nothing). A screen is on the stack at most
  // once: opening one that is further down moves it to the top, so Back retraces the way the
  // resident came and the stack stays short.
  void open(ScreenId id);
  void back();  // one step back; on home it stays home
  void home();  // back to the first screen, forgetting the way there

 private:
  std::vector<ScreenId> stack_{ScreenId::Home};
};

// What a screen asks for. Drawing code returns these; it never acts on them itself.
struct Intent {
  enum class Kind {
    Open,
    Back,
    Home,
    ToggleLanguage,
    StartSession,
    EndSession,
    MoreTime,
    TextSize,  // the next of the three text sizes
    Contrast,  // high contrast on or off
    Speech,    // speech on or off
    SpeechRepeat,
    SpeechStop,
    SpeechVolume,  // the next of three volumes
  };
  Kind kind = Kind::Home;
  ScreenId screen = ScreenId::Home;  // for Open

  static Intent open(ScreenId id) { return {Kind::Open, id}; }
  static Intent go_back() { return {Kind::Back, ScreenId::Home}; }
  static Intent go_home() { return {Kind::Home, ScreenId::Home}; }
  static Intent toggle_language() { return {Kind::ToggleLanguage, ScreenId::Home}; }
  static Intent start_session() { return {Kind::StartSession, ScreenId::Home}; }
  static Intent end_session() { return {Kind::EndSession, ScreenId::Home}; }  // "I'm done"
  static Intent more_time() { return {Kind::MoreTime, ScreenId::Home}; }
  static Intent of(Kind kind) { return {kind, ScreenId::Home}; }
};

}  // namespace kiosk

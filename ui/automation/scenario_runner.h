// Runs an automation scenario against the live app: it reads the widget registry of the last
// frame, drives input through the platform's real touch path, waits for the UI to settle and
// checks expectations. Nothing here knows SDL or GL: the app hands it a RunnerHost.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/i18n/language.h"
#include "kiosk/input/monkey.h"
#include "kiosk/input/registry.h"
#include "kiosk/input/scenario.h"

namespace ui {

class RunnerHost {
 public:
  virtual ~RunnerHost() = default;
  virtual void touch_down(float x, float y) = 0;
  virtual void touch_move(float x, float y) = 0;
  virtual void touch_up(float x, float y) = 0;
  virtual void advance_clock(std::chrono::milliseconds by) = 0;
  virtual kiosk::Language language() const = 0;
  // Writes the frame just rendered (call only when FrameInfo::rendered).
  virtual bool write_screenshot(const std::filesystem::path& file, std::string* error) = 0;
  // The keypad and headphones (issue 17), through the platform's real event path: a key by
  // SDL's name ("Keypad 2") going down or up (false: no such key); an audio output added.
  virtual bool push_key(const std::string& sdl_name, bool down) = 0;
  virtual void plug_headphones() = 0;
  // What the event loop received: the last keypad key (logical name), keypad keys and
  // headphone plugs so far.
  virtual std::string last_keypad_key() const = 0;
  virtual int keypad_presses() const = 0;
  virtual int headphones_plugged() const = 0;
  // The registered name of the screen on show ("jobs.search"), and those of every registered
  // screen (ui/screens/screens.cpp): what `monkey` and `expect-all-screens` keep track of.
  virtual std::string current_screen() const = 0;
  virtual std::vector<std::string> screen_names() const = 0;
};

struct FrameInfo {
  const kiosk::WidgetRegistry& registry;
  bool changed = false;        // the frame differs from the one before
  bool rendered = false;       // the back buffer holds this frame (screenshots possible)
  bool input_pending = false;  // pointer events still queued
  bool busy = false;           // a screen waits for a timer or a background answer
  float min_target_px = 0;     // the smallest touch target allowed (48 px at 1080p)
  std::chrono::steady_clock::time_point now;  // real time
};

class ScenarioRunner {
 public:
  ScenarioRunner(kiosk::Scenario scenario, std::optional<std::filesystem::path> screenshot_dir);

  // Call after every frame is drawn (and rendered, when it changed), before it is presented.
  void after_frame(RunnerHost& host, const FrameInfo& frame);

  bool finished() const { return finished_; }
  bool wants_render() const { return wants_render_; }  // force the next frame to render
  int exit_code() const { return failed_ ? 1 : 0; }

 private:
  struct Op {
    enum class Kind {
      TapId,
      Down,
      Move,
      Up,
      CheckLang,
      TypeChar,
      HoldId,
      Advance,
      KeyDown,          // id: the logical key (press)
      KeyUp,            // id: the logical key
      CheckKey,         // id: the logical key the loop must have received; attempts: presses before
      CheckHeadphones,  // attempts: the headphone plugs seen before the step
      ExpectSaid        // id: the text; until `until`, then fail
    } kind = Kind::TapId;
    std::string id;                                 // TapId, HoldId; TypeChar: the character
    int attempts = 0;                               // TypeChar: page switches tried
    float x = 0, y = 0;                             // Down, Move, Up
    std::chrono::milliseconds by{0};                // Advance: the kiosk clock moves this far
    std::chrono::steady_clock::time_point until{};  // ExpectSaid: the last moment to hear it
    bool settle = true;                             // wait for a settled frame before this op
    kiosk::Language lang = kiosk::Language::En;     // CheckLang
    std::string context;                            // for error messages ("type", "key", "lang")
  };

  static Op tap_op(std::string id, std::string context);
  static Op point_op(Op::Kind kind, float x, float y);
  static Op lang_op(kiosk::Language lang);

  bool settled(const FrameInfo& frame);
  bool targets_big_enough(const FrameInfo& frame);
  bool layout_sound(const FrameInfo& frame);  // no overlap, nothing off screen, no broken text
  void start_step(RunnerHost& host, const FrameInfo& frame);
  void run_op(RunnerHost& host, const FrameInfo& frame);
  void fail(const FrameInfo& frame, const std::string& why);
  void mark_action();
  void expect_said(const FrameInfo& frame, const Op& op);
  void push_drag(const kiosk::WidgetInfo& w, float dx, float dy);
  void push_press(RunnerHost& host, const std::string& key, const char* context);
  void monkey_action(RunnerHost& host, const FrameInfo& frame);
  void note_screen(const std::string& screen);
  void report() const;  // the soak's figures: what the monkey did, the screens shown

  kiosk::Scenario scenario_;
  std::optional<std::filesystem::path> screenshot_dir_;
  std::size_t next_step_ = 0;
  const kiosk::ScenarioStep* step_ = nullptr;  // the step being run
  std::deque<Op> ops_;
  // expect-said hears what was said since the last step that acts (not expect*, not shot).
  std::uint64_t said_mark_ = 0;
  std::optional<std::chrono::steady_clock::time_point> wait_until_;
  // When the step being run began (or the monkey's last action): a step that takes longer than
  // kStepTimeout fails instead of hanging CI.
  std::optional<std::chrono::steady_clock::time_point> step_started_;
  std::chrono::steady_clock::time_point settle_since_{};
  std::optional<std::chrono::steady_clock::time_point> busy_since_;  // waiting for an answer since
  std::chrono::steady_clock::time_point next_move_{};  // drags: the next move, not sooner
  int stable_frames_ = 0;
  int frames_since_action_ = 0;
  bool shot_pending_ = false;
  bool wants_render_ = false;
  bool finished_ = false;
  bool failed_ = false;
  // `monkey N SEED`: the random resident and the actions it has left to take.
  std::optional<kiosk::Monkey> monkey_;
  int monkey_left_ = 0;
  int monkey_actions_ = 0;               // over the whole scenario
  std::map<std::string, int> tally_;     // the monkey's actions by kind ("tap", "type", …)
  double advanced_seconds_ = 0;          // how far the scenario moved the kiosk clock
  std::string last_screen_;              // the screen on show at the last frame
  std::map<std::string, int> arrivals_;  // each screen: how many times it came on show
  bool screens_checked_ = false;         // an expect-all-screens step ran: report the soak
};

}  // namespace ui

#include "ui/automation/scenario_runner.h"

#include <algorithm>
#include <iostream>
#include <sstream>

#include "kiosk/access/keypad.h"
#include "kiosk/base/log.h"
#include "kiosk/base/utf8.h"
#include "kiosk/speech/spoken_log.h"

namespace ui {
namespace {

using Verb = kiosk::ScenarioStep::Verb;
using namespace std::chrono_literals;

constexpr auto kSettleTimeout = 3s;  // animations may never settle; go on after this
// A screen waiting for an answer (the first sync, a search) on a loaded machine: wait longer
// than for an animation, but not for ever.
constexpr auto kBusyTimeout = 60s;
// A stuck step fails instead of hanging CI. Per step, not per scenario: a soak's monkey runs
// for an accelerated day, and each of its actions counts as a step.
constexpr auto kStepTimeout = 300s;
constexpr int kDragSteps = 12;
constexpr auto kMoveInterval = 16ms;

// The UTF-8 characters of s.
std::vector<std::string> characters(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = kiosk::utf8::decode(std::string_view(s).substr(i)).size;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

// The lower-case letter whose key types `ch` (with shift when they differ): ASCII and the
// Latin-1 capitals (É, Ñ, Ü…), which are their small letters minus 0x20 in the second byte.
std::string lower_letter(const std::string& ch) {
  if (ch.size() == 1 && ch[0] >= 'A' && ch[0] <= 'Z') return {static_cast<char>(ch[0] + 32)};
  if (ch.size() == 2 && static_cast<unsigned char>(ch[0]) == 0xC3) {
    const auto c = static_cast<unsigned char>(ch[1]);
    if (c >= 0x80 && c <= 0x9E && c != 0x97) {
      return std::string{ch[0], static_cast<char>(c + 0x20)};
    }
  }
  return ch;
}

}  // namespace

ScenarioRunner::Op ScenarioRunner::tap_op(std::string id, std::string context) {
  Op op;
  op.kind = Op::Kind::TapId;
  op.id = std::move(id);
  op.context = std::move(context);
  return op;
}

ScenarioRunner::Op ScenarioRunner::point_op(Op::Kind kind, float x, float y) {
  Op op;
  op.kind = kind;
  op.x = x;
  op.y = y;
  op.settle = false;  // a drag's moves go one per frame
  return op;
}

ScenarioRunner::Op ScenarioRunner::lang_op(kiosk::Language lang) {
  Op op;
  op.kind = Op::Kind::CheckLang;
  op.lang = lang;
  op.context = "lang";
  return op;
}

ScenarioRunner::ScenarioRunner(kiosk::Scenario scenario,
                               std::optional<std::filesystem::path> screenshot_dir)
    : scenario_(std::move(scenario)), screenshot_dir_(std::move(screenshot_dir)) {}

void ScenarioRunner::mark_action() {
  frames_since_action_ = 0;
  stable_frames_ = 0;
}

bool ScenarioRunner::settled(const FrameInfo& frame) {
  ++frames_since_action_;
  if (frame.input_pending || frame.changed) {
    stable_frames_ = 0;
    settle_since_ = frame.now;
  } else if (frame.busy) {
    stable_frames_ = 0;  // waiting for a timer or an answer: not settled, within the timeout
  } else {
    ++stable_frames_;
  }
  if (!frame.busy) busy_since_.reset();
  if (frame.busy && !busy_since_) busy_since_ = frame.now;
  if (frames_since_action_ < 3) return false;  // pushed events reach the UI a frame later
  if (stable_frames_ >= 2 && !frame.input_pending) return true;
  if (frame.busy) return frame.now - *busy_since_ > kBusyTimeout;
  if (!frame.input_pending && frame.now - settle_since_ > kSettleTimeout) return true;
  return false;
}

void ScenarioRunner::fail(const FrameInfo& frame, const std::string& why) {
  failed_ = true;
  finished_ = true;
  std::ostringstream out;
  out << scenario_.name << ':' << (step_ != nullptr ? step_->line : 0) << ": FAILED: " << why
      << "\nVisible on screen:\n";
  for (const auto& w : frame.registry.widgets()) {
    if (w.id.empty() && w.text.empty()) continue;
    out << "  " << (w.id.empty() ? "-" : w.id) << " [" << kiosk::role_name(w.role) << "]";
    if (!w.text.empty()) out << " \"" << w.text << '"';
    // Where it is: the window pixels a finger (or tests/bench/screen_probe) would touch.
    out << " @" << static_cast<int>(w.rect.x) << ',' << static_cast<int>(w.rect.y) << ' '
        << static_cast<int>(w.rect.w) << 'x' << static_cast<int>(w.rect.h);
    out << '\n';
  }
  std::cerr << out.str();
  report();
}

void ScenarioRunner::note_screen(const std::string& screen) {
  if (screen == last_screen_) return;
  last_screen_ = screen;
  ++arrivals_[screen];
}

void ScenarioRunner::report() const {
  if (monkey_actions_ == 0 && !screens_checked_) return;
  std::string tally;
  for (const auto& [what, n] : tally_) {
    tally += (tally.empty() ? "" : ", ") + what + ' ' + std::to_string(n);
  }
  std::string shown;
  for (const auto& [screen, n] : arrivals_) {
    shown += (shown.empty() ? "" : ", ") + screen + ' ' + std::to_string(n);
  }
  kiosk::log::info("soak: " + std::to_string(monkey_actions_) + " monkey actions (" + tally +
                   "); kiosk clock advanced " +
                   std::to_string(static_cast<long>(advanced_seconds_)) +
                   " s; screens shown (times): " + shown);
}

void ScenarioRunner::push_drag(const kiosk::WidgetInfo& w, float dx, float dy) {
  const float x = w.rect.centre_x();
  const float y = w.rect.centre_y();
  ops_.push_back(point_op(Op::Kind::Down, x, y));
  for (int i = 1; i <= kDragSteps; ++i) {
    const float f = static_cast<float>(i) / kDragSteps;
    ops_.push_back(point_op(Op::Kind::Move, x + dx * f, y + dy * f));
  }
  ops_.push_back(point_op(Op::Kind::Up, x + dx, y + dy));
}

void ScenarioRunner::push_press(RunnerHost& host, const std::string& key, const char* context) {
  // Down now, up on a later settled frame: ImGui 1.86 has no input queue, so the key is held
  // for at least a frame; then the loop must have received it as this logical key.
  Op op;
  op.kind = Op::Kind::KeyDown;
  op.id = key;
  op.context = context;
  ops_.push_back(op);
  op.kind = Op::Kind::KeyUp;
  ops_.push_back(op);
  op.kind = Op::Kind::CheckKey;
  op.attempts = host.keypad_presses();
  ops_.push_back(op);
}

// One action of the random resident on the frame just drawn: logged as the scenario lines that
// replay it, then queued as the same operations those lines would queue.
void ScenarioRunner::monkey_action(RunnerHost& host, const FrameInfo& frame) {
  const std::string screen = host.current_screen();
  const kiosk::MonkeyAction action = monkey_->next(frame.registry.widgets(), screen);
  --monkey_left_;
  ++monkey_actions_;
  ++tally_[action.what];
  step_started_ = frame.now;
  said_mark_ = kiosk::spoken_log().last_sequence();
  std::string lines;
  for (const auto& line : action.scenario_lines()) lines += (lines.empty() ? "" : "; ") + line;
  kiosk::log::info("monkey " + std::to_string(monkey_actions_) + " on " + screen + ": " + lines);
  switch (action.kind) {
    case kiosk::MonkeyAction::Kind::Tap:
      for (const auto& id : action.ids) ops_.push_back(tap_op(id, "monkey"));
      break;
    case kiosk::MonkeyAction::Kind::Drag: {
      const auto* w = frame.registry.find(action.ids.front());
      if (w == nullptr) return fail(frame, "monkey: no visible widget " + action.ids.front());
      push_drag(*w, action.dx, action.dy);
      break;
    }
    case kiosk::MonkeyAction::Kind::Advance:
      for (const int seconds : action.seconds) {
        Op advance;
        advance.kind = Op::Kind::Advance;
        advance.by = std::chrono::seconds(seconds);
        ops_.push_back(advance);
      }
      break;
    case kiosk::MonkeyAction::Kind::Press:
      push_press(host, action.key, "monkey press");
      break;
  }
  mark_action();
}

void ScenarioRunner::after_frame(RunnerHost& host, const FrameInfo& frame) {
  if (finished_) return;
  if (!step_started_) {
    step_started_ = frame.now;
    settle_since_ = frame.now;
  }
  note_screen(host.current_screen());
  if (frame.now - *step_started_ > kStepTimeout) {
    fail(frame, "the step did not finish within 300 s");
    return;
  }
  if (shot_pending_) {
    if (!frame.rendered) {
      wants_render_ = true;
      return;
    }
    wants_render_ = false;
    shot_pending_ = false;
    const auto dir = screenshot_dir_.value_or(std::filesystem::current_path());
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    std::string error;
    const auto file = dir / (step_->arg + ".png");
    if (!host.write_screenshot(file, &error)) {
      fail(frame, "shot: " + error);
      return;
    }
    kiosk::log::info("screenshot " + file.string());
  }
  if (wait_until_) {
    ++frames_since_action_;
    if (frame.now < *wait_until_) return;
    wait_until_.reset();
    mark_action();
  }

  // Drag moves go at a finger's pace (a touch screen reports about 60 times a second), without
  // waiting for the screen to settle in between: a drag is as fast, and a fling as long,
  // however quickly frames are drawn.
  if (!ops_.empty() && !ops_.front().settle) {
    if (frame.now < next_move_) return;
    next_move_ = frame.now + kMoveInterval;
    run_op(host, frame);
    return;
  }
  if (!settled(frame)) return;
  if (!ops_.empty()) {
    run_op(host, frame);
    return;
  }
  if (monkey_left_ > 0) {
    if (!targets_big_enough(frame) || !layout_sound(frame)) return;
    monkey_action(host, frame);
    return;
  }
  if (next_step_ >= scenario_.steps.size()) {
    finished_ = true;
    report();
    kiosk::log::info("scenario " + scenario_.name + ": all " +
                     std::to_string(scenario_.steps.size()) + " steps passed");
    return;
  }
  if (!targets_big_enough(frame) || !layout_sound(frame)) return;
  start_step(host, frame);
}

// Every screen a scenario reaches is checked: anything a resident taps is at least the minimum
// target (48 px at 1080p, WCAG 2.5.5 / Section 508), visible or scrolled away.
bool ScenarioRunner::targets_big_enough(const FrameInfo& frame) {
  if (frame.min_target_px <= 0) return true;
  const float min = frame.min_target_px - 0.5f;  // rounding of em to whole pixels
  const auto too_small = [&](const auto& w) {
    return kiosk::interactive(w.role) && !w.rect.empty() && (w.bounds.w < min || w.bounds.h < min);
  };
  const auto& widgets = frame.registry.widgets();
  const auto it = std::ranges::find_if(widgets, too_small);
  if (it == widgets.end()) return true;
  const auto& w = *it;
  fail(frame, "touch target " + (w.id.empty() ? "\"" + w.text + "\"" : w.id) + " is " +
                  std::to_string(static_cast<int>(w.bounds.w)) + "x" +
                  std::to_string(static_cast<int>(w.bounds.h)) + " px, under " +
                  std::to_string(static_cast<int>(frame.min_target_px)) + " px");
  return false;
}

// And laid out so a resident can use it: two things to tap never overlap, nothing sticks out of
// the screen or its area, and no text is broken inside a word, cut without "…" or bigger than
// its box (at every text size and display shape the scenario runs at).
bool ScenarioRunner::layout_sound(const FrameInfo& frame) {
  const auto problems = kiosk::layout_problems(frame.registry.widgets(), frame.registry.faults(),
                                               frame.registry.display());
  if (problems.empty()) return true;
  std::string why = "layout: " + problems.front();
  for (std::size_t i = 1; i < problems.size() && i < 8; ++i) why += "\n  and " + problems[i];
  fail(frame, why);
  return false;
}

void ScenarioRunner::start_step(RunnerHost& host, const FrameInfo& frame) {
  step_ = &scenario_.steps[next_step_++];
  step_started_ = frame.now;
  const auto& s = *step_;
  const auto& reg = frame.registry;
  switch (s.verb) {
    case Verb::Expect:
    case Verb::ExpectNot:
    case Verb::ExpectId:
    case Verb::ExpectNotId:
    case Verb::ExpectSaid:
    case Verb::Shot:
      break;  // checks: what the last action made the kiosk say is still to be heard
    default:
      said_mark_ = kiosk::spoken_log().last_sequence();
      break;
  }
  switch (s.verb) {
    case Verb::Tap:
      ops_.push_back(tap_op(s.arg, "tap"));
      break;
    case Verb::Key:
      ops_.push_back(tap_op("osk.key." + s.arg, "key"));
      break;
    case Verb::Type:
      for (const auto& ch : characters(s.arg)) {
        if (ch == " ") {
          ops_.push_back(tap_op("osk.key.space", "type"));
          continue;
        }
        Op op;
        op.kind = Op::Kind::TypeChar;
        op.id = ch;
        op.context = "type";
        ops_.push_back(std::move(op));
      }
      break;
    case Verb::Drag: {
      const auto* w = reg.find(s.arg);
      if (w == nullptr) return fail(frame, "drag " + s.arg + ": no visible widget with that id");
      push_drag(*w, s.dx, s.dy);
      break;
    }
    case Verb::Wait:
      wait_until_ = frame.now + std::chrono::milliseconds(static_cast<long>(s.number));
      break;
    case Verb::Advance:
      host.advance_clock(std::chrono::milliseconds(static_cast<long>(s.number * 1000)));
      advanced_seconds_ += s.number;
      mark_action();
      break;
    case Verb::Expect:
      if (!reg.text_visible(s.arg)) fail(frame, "expected to see \"" + s.arg + "\"");
      break;
    case Verb::ExpectNot:
      if (reg.text_visible(s.arg)) fail(frame, "expected not to see \"" + s.arg + "\"");
      break;
    case Verb::ExpectId:
      if (reg.find(s.arg) == nullptr) fail(frame, "expected a visible widget " + s.arg);
      break;
    case Verb::ExpectNotId:
      if (reg.find(s.arg) != nullptr) fail(frame, "expected no visible widget " + s.arg);
      break;
    case Verb::Lang: {
      const auto want = kiosk::parse_language(s.arg).value_or(kiosk::Language::En);
      if (host.language() != want) {
        ops_.push_back(tap_op("lang.toggle", "lang"));
        ops_.push_back(lang_op(want));
      }
      break;
    }
    case Verb::Hold:
      ops_.push_back(tap_op(s.arg, "hold"));
      ops_.back().kind = Op::Kind::HoldId;
      break;
    case Verb::Shot:
      shot_pending_ = true;
      wants_render_ = true;
      break;
    case Verb::ExpectSaid: {
      // Speech is asked for after a frame and may come later still: listen for a while, as
      // `expect` waits for the screen to settle.
      Op op;
      op.kind = Op::Kind::ExpectSaid;
      op.id = s.arg;
      op.settle = false;
      op.until = frame.now + kSettleTimeout;
      ops_.push_back(std::move(op));
      break;
    }
    case Verb::Press:
      push_press(host, s.arg, "press");
      break;
    case Verb::Monkey:
      monkey_.emplace(s.seed);
      monkey_left_ = static_cast<int>(s.number);
      kiosk::log::info("monkey: " + std::to_string(monkey_left_) + " actions, seed " +
                       std::to_string(s.seed));
      break;
    case Verb::ExpectAllScreens: {
      screens_checked_ = true;
      std::string missing;
      for (const auto& name : host.screen_names()) {
        if (!arrivals_.contains(name)) missing += ' ' + name;
      }
      if (!missing.empty()) {
        fail(frame, "expected every screen to have been shown; never shown:" + missing);
      }
      break;
    }
    case Verb::Headphones: {
      Op check;
      check.kind = Op::Kind::CheckHeadphones;
      check.attempts = host.headphones_plugged();
      check.context = "headphones";
      host.plug_headphones();
      mark_action();
      ops_.push_back(std::move(check));
      break;
    }
  }
}

void ScenarioRunner::expect_said(const FrameInfo& frame, const Op& op) {
  const auto& log = kiosk::spoken_log();
  if (log.said_since(said_mark_, op.id)) return;
  if (frame.now < op.until) {
    ops_.push_front(op);  // listen again next frame
    return;
  }
  ops_.clear();
  // What was said since the previous step, and before it the last few things (where a journey
  // went astray).
  std::string heard;
  std::string before;
  const auto all = log.since(0);
  const std::size_t from = all.size() > 16 ? all.size() - 16 : 0;
  for (std::size_t i = from; i < all.size(); ++i) {
    const auto& u = all[i];
    const std::string line =
        "\n  [" + std::string(kiosk::language_code(u.language)) + "] \"" + u.text + "\"";
    (u.sequence > said_mark_ ? heard : before) += line;
  }
  fail(frame, "expected to hear \"" + op.id + "\"; " +
                  (heard.empty() ? std::string("nothing was said") : "heard:" + heard) +
                  (before.empty() ? std::string() : "\nsaid before:" + before));
}

void ScenarioRunner::run_op(RunnerHost& host, const FrameInfo& frame) {
  const Op op = ops_.front();
  ops_.pop_front();
  switch (op.kind) {
    case Op::Kind::TapId: {
      const auto* w = frame.registry.find(op.id);
      if (w == nullptr && op.context == "monkey") {
        // What the monkey chose went away before its turn (a card scrolled on, a one-shot page
        // of the keyboard turned back): the rest of that action is dropped, not the scenario.
        ops_.clear();
        ++tally_["vanished"];
        kiosk::log::info("monkey: " + op.id + " went away before its tap");
        break;
      }
      if (w == nullptr) {
        ops_.clear();
        const bool keyboard = op.id.starts_with("osk.key.");
        return fail(frame, op.context + ": no visible widget " + op.id +
                               (keyboard ? " (is the on-screen keyboard open?)" : ""));
      }
      host.touch_down(w->rect.centre_x(), w->rect.centre_y());
      host.touch_up(w->rect.centre_x(), w->rect.centre_y());
      break;
    }
    case Op::Kind::HoldId: {
      // Down now; the next settled frame sees the press held (ImGui 1.86 has no input queue to
      // replay); then the kiosk clock moves on by the hold's length while the finger stays down,
      // one more frame sees that, and the release comes last.
      const auto* w = frame.registry.find(op.id);
      if (w == nullptr) {
        ops_.clear();
        return fail(frame, "hold: no visible widget " + op.id);
      }
      host.touch_down(w->rect.centre_x(), w->rect.centre_y());
      ops_.push_front(point_op(Op::Kind::Up, w->rect.centre_x(), w->rect.centre_y()));
      Op advance;
      advance.kind = Op::Kind::Advance;
      advance.by = std::chrono::milliseconds(static_cast<long>(step_->number * 1000));
      ops_.push_front(advance);
      break;
    }
    case Op::Kind::Advance:
      host.advance_clock(op.by);
      advanced_seconds_ += std::chrono::duration<double>(op.by).count();
      break;
    case Op::Kind::Down:
      host.touch_down(op.x, op.y);
      break;
    case Op::Kind::Move:
      host.touch_move(op.x, op.y);
      break;
    case Op::Kind::Up:
      host.touch_up(op.x, op.y);
      break;
    case Op::Kind::TypeChar: {
      // Find the key the way a resident would: on this page, else behind the accent key (for
      // á, é, ñ…), else on the symbols page. Capitals: shift first, on the page of the letter.
      const std::string lower = lower_letter(op.id);
      const bool capital = lower != op.id;
      const std::string key = "osk.key." + lower;
      if (frame.registry.find(key) != nullptr) {
        Op tap = tap_op(key, "type");
        ops_.push_front(tap);
        if (capital) ops_.push_front(tap_op("osk.key.shift", "type"));
        return;  // the taps run from the queue, one settled frame each
      }
      if (op.attempts >= 2) {
        ops_.clear();
        return fail(frame, "type: no key for \"" + op.id + "\" on the on-screen keyboard");
      }
      Op again = op;
      ++again.attempts;
      ops_.push_front(again);
      const bool accented = static_cast<unsigned char>(lower[0]) >= 0x80;
      const char* page = accented && frame.registry.find("osk.key.accent") != nullptr
                             ? "osk.key.accent"
                             : "osk.key.symbols";
      ops_.push_front(tap_op(page, "type"));
      return;
    }
    case Op::Kind::KeyDown:
    case Op::Kind::KeyUp: {
      const auto key = kiosk::key_from_name(op.id);
      const std::string_view physical = key ? kiosk::physical_key_for(*key) : std::string_view();
      if (!host.push_key(std::string(physical), op.kind == Op::Kind::KeyDown)) {
        ops_.clear();
        return fail(frame, "press " + op.id + ": SDL knows no key \"" + std::string(physical) +
                               "\" (kiosk/access/keypad.cpp)");
      }
      break;
    }
    case Op::Kind::CheckKey:
      if (host.keypad_presses() <= op.attempts || host.last_keypad_key() != op.id) {
        ops_.clear();
        return fail(frame, "press " + op.id + ": the kiosk did not receive the key");
      }
      return;
    case Op::Kind::CheckHeadphones:
      if (host.headphones_plugged() <= op.attempts) {
        ops_.clear();
        return fail(frame, "headphones: the kiosk did not see them plugged in");
      }
      return;
    case Op::Kind::ExpectSaid:
      return expect_said(frame, op);
    case Op::Kind::CheckLang:
      if (host.language() != op.lang) {
        return fail(frame, "lang: tapping lang.toggle did not switch to " +
                               std::string(kiosk::language_code(op.lang)));
      }
      return;
  }
  mark_action();
}

}  // namespace ui

#include "ui/speech_mode.h"

#include <algorithm>

#include <imgui.h>

#include "kiosk/base/log.h"
#include "kiosk/base/wipe.h"
#include "ui/access_controller.h"
#include "ui/screen_off.h"
#include "ui/text_input.h"
#include "ui/theme.h"

namespace ui {

using namespace kiosk::literals;

namespace {

// "Jobs. 12 jobs." — parts said together, each ending its sentence once.
void add_part(std::string& said, std::string_view part) {
  while (!part.empty() && (part.back() == ' ' || part.back() == '\n')) part.remove_suffix(1);
  if (part.empty()) return;
  if (!said.empty()) {
    const char last = said.back();
    if (last != '.' && last != ':' && last != '?' && last != '!') said += '.';
    said += ' ';
  }
  said += part;
}

}  // namespace

SpeechMode::SpeechMode(kiosk::Translator& tr, AccessController& access)
    : tr_(tr), access_(access), navigator_(tr), picker_(tr) {}

void SpeechMode::start(const char* why) {
  if (active_) return;
  active_ = true;
  greet_ = true;
  announce_screen_ = true;
  navigator_.new_screen();
  access_.set_speech_mode(true);
  kiosk::log::info(std::string("speech mode started: ") + why);
}

void SpeechMode::end() {
  if (active_) kiosk::log::info("speech mode ended");
  active_ = false;
  greet_ = announce_screen_ = announce_focus_ = false;
  activated_ = 0;
  navigator_.reset();
  picker_.reset();
  kiosk::wipe(before_activate_);
  kiosk::wipe(activate_);
  scroll_ = {};
  kiosk::wipe(focused_id_);
  for (auto& [id, text] : live_) kiosk::wipe(text);
  live_.clear();
  left_on_.clear();
  access_.set_speech_mode(false);
}

void SpeechMode::new_screen(const std::string& from, const std::string& to, bool returning) {
  announce_screen_ = true;
  if (!active_) return;
  left_on_[from] = focused_id_;
  const auto was = left_on_.find(to);
  if (returning && was != left_on_.end()) {
    navigator_.return_to(was->second);
  } else {
    navigator_.new_screen();
  }
  focused_id_.clear();
}

void SpeechMode::say(std::string text) {
  access_.say(std::move(text));
}

void SpeechMode::announce(std::string text) {
  if (active_) say(std::move(text));
}

void SpeechMode::scroll_into_view(const std::vector<kiosk::WidgetInfo>& frame,
                                  const kiosk::WidgetInfo* w) {
  if (w == nullptr || !w->scrolls || w->bounds.empty()) return;
  // The scroll area is the region recorded over the same rectangle the widget is clipped to.
  const auto area = std::find_if(frame.begin(), frame.end(), [&](const kiosk::WidgetInfo& x) {
    return x.role == kiosk::Role::Region && !x.id.empty() && std::abs(x.rect.y - w->area.y) < 1 &&
           std::abs(x.rect.h - w->area.h) < 1 && std::abs(x.rect.x - w->area.x) < 1;
  });
  if (area == frame.end()) return;
  const float top = w->area.y;
  const float bottom = w->area.y + w->area.h;
  float by = 0;
  if (w->bounds.y < top || w->bounds.h >= w->area.h) {
    by = w->bounds.y - top;  // above, or taller than the area: its top to the area's top
  } else if (w->bounds.y + w->bounds.h > bottom) {
    by = w->bounds.y + w->bounds.h - bottom;  // below: its bottom to the area's bottom
  }
  if (by != 0) scroll_ = {area->id, by};
}

bool SpeechMode::picker_key(kiosk::KeypadKey key, const Context& context) {
  using Kind = kiosk::PickerAction::Kind;
  kiosk::PickerAction action = picker_.handle(key, context.input.text());
  bool used = true;
  switch (action.kind) {
    case Kind::Type:
      if (!context.input.type(action.insert)) {
        kiosk::wipe(action.say);
        action.say = tr_.text("speech.picker.full"_msg);
      }
      break;
    case Kind::Delete:
      context.input.delete_last();
      break;
    case Kind::Enter:
      context.input.press_enter();  // the search runs, the form goes on: said after the frame
      announce_focus_ = true;       // the box with what it holds, or the next box's picker
      break;
    case Kind::Leave:
      context.input.blur();
      announce_focus_ = true;  // back on the text box, with what it holds
      break;
    case Kind::None:
      used = !action.say.empty();  // a key the picker does not use says nothing: the app's
      break;
  }
  kiosk::wipe(action.insert);
  if (!action.say.empty()) say(std::move(action.say));
  return used;
}

bool SpeechMode::acts_when_starting(kiosk::KeypadKey key) {
  using Key = kiosk::KeypadKey;
  return key == Key::ScreenOff || key == Key::Language || key == Key::VolumeUp ||
         key == Key::VolumeDown || key == Key::Slower || key == Key::Faster;
}

void SpeechMode::key(kiosk::KeypadKey key, const Context& context) {
  using Kind = kiosk::NavAction::Kind;
  if (!active_) return;
  if (!context.screen_off.on()) navigator_.screen_lit();  // a touch lit it meanwhile
  if (picker_.active() && context.input.active() && picker_key(key, context)) return;
  const kiosk::NavAction action = navigator_.handle(key, context.frame);
  switch (action.kind) {
    case Kind::Activate:
      activate_ = action.id;
      activated_ = 2;
      before_activate_ = kiosk::describe(*navigator_.focused(context.frame), tr_);
      break;
    case Kind::Back:
      if (context.input.active()) {
        context.input.blur();  // first out of the keyboard, the text stays
        announce_focus_ = true;
      } else {
        context.intents.push_back(kiosk::Intent::go_back());
      }
      break;
    case Kind::Home:
      context.intents.push_back(kiosk::Intent::go_home());
      break;
    case Kind::Stop:
      access_.stop_speaking();
      break;
    case Kind::VolumeUp:
    case Kind::VolumeDown:
      access_.step_volume(action.kind == Kind::VolumeUp ? 1 : -1);
      break;
    case Kind::Slower:
    case Kind::Faster:
      access_.step_rate(action.kind == Kind::Faster ? 1 : -1);
      break;
    case Kind::Language:
      // Now, not after the next frame: that frame is drawn, and its focus said, in the new one.
      access_.handle(kiosk::Intent::toggle_language());
      announce_focus_ = true;
      break;
    case Kind::ScreenOff:
      context.screen_off.set(navigator_.screen_dark());
      break;
    case Kind::None:
    case Kind::Repeat:
    case Kind::Help:
      break;
  }
  if (!action.say.empty()) say(action.say);
  // Cut at the edge of its list, or scrolled away (with an id or not): into view.
  const kiosk::WidgetInfo* focused = navigator_.focused(context.frame);
  scroll_into_view(context.frame, focused);
  if (focused != nullptr) focused_id_ = focused->id;
}

void SpeechMode::prepare(Ui& ui) {
  ui.registry.set_reading(active_);
  ui.record_hidden = active_;
  ui.activate = active_ && !activate_.empty() ? &activate_ : nullptr;
  ui.scroll = active_ && !scroll_.area.empty() ? &scroll_ : nullptr;
}

std::map<std::string, std::string> SpeechMode::live_texts(
    const std::vector<kiosk::WidgetInfo>& frame) const {
  std::map<std::string, std::string> live;
  for (const auto& w : frame) {
    if (w.live && !w.covered && !w.id.empty()) live[w.id] = w.text;
  }
  return live;
}

void SpeechMode::after_frame(Ui& ui, const std::vector<kiosk::WidgetInfo>& frame,
                             std::string_view intro, bool busy, bool dark) {
  if (!active_) return;
  kiosk::wipe(activate_);  // used this frame, or its widget is gone
  // A new screen waits for its answers (a listing opening): its focus starts on what it shows.
  if (announce_screen_ && busy) return;
  if (ui.input.active() && !picker_.active()) {
    // A text box took the keyboard: its name, then the letter picker's guide and first entry.
    std::string said;
    if (const kiosk::WidgetInfo* box = navigator_.focused(frame)) {
      add_part(said, kiosk::describe(*box, tr_));
    }
    add_part(said, picker_.start(ui.input.mode()));
    say(std::move(said));
    announce_focus_ = false;  // said: the box
  } else if (!ui.input.active() && picker_.active()) {
    picker_.reset();  // the keyboard went away (a touch, the screen changed)
  }
  navigator_.set_typing(false);  // the picker types: the keys themselves are not items
  // Enter made its widget go (a kind of training chosen, the results came in its place): the
  // focus goes to what answered, the new count, rather than whatever took the widget's place.
  const auto on_screen = [&](const std::string& id) {
    return std::any_of(frame.begin(), frame.end(),
                       [&](const kiosk::WidgetInfo& w) { return w.id == id && !w.covered; });
  };
  bool landed = false;
  if (activated_ == 1 && !busy && !focused_id_.empty() && !on_screen(focused_id_)) {
    for (const auto& w : frame) {
      if (!w.live || w.covered || w.id.empty()) continue;
      const auto was = live_.find(w.id);
      if (was != live_.end() && was->second == w.text) continue;
      navigator_.return_to(w.id);
      focused_id_ = w.id;  // said below as a change, once
      landed = true;
      break;
    }
  }
  navigator_.update(frame);
  const kiosk::WidgetInfo* focused = navigator_.focused(frame);

  // The focus ring: thick, in the accent colour, around what the keypad is on.
  if (focused != nullptr && !focused->rect.empty() && !dark) {
    const float ring = std::max(3.0f, ui.px(em::kBorderWidth) * 3);
    const kiosk::Rect& r = focused->rect;
    ImGui::GetForegroundDrawList()->AddRect(
        ImVec2(r.x - ring, r.y - ring), ImVec2(r.x + r.w + ring, r.y + r.h + ring),
        ui.palette.primary.packed(), ui.px(em::kCornerRadius), 0, ring);
  }
  if (activated_ > 1) {
    --activated_;  // the widget acted in this frame: its new state shows in the next
    return;
  }
  if (busy) return;  // say things once the screen has its answers

  std::string said;
  std::map<std::string, std::string> live = live_texts(frame);
  if (greet_) add_part(said, navigator_.start_guide());
  if (announce_screen_) {
    // Where the resident is: the screen's purpose, then the item the focus is on.
    add_part(said, intro);
    if (focused != nullptr && (intro.empty() || focused->role != kiosk::Role::Heading ||
                               intro.find(focused->text) == std::string_view::npos)) {
      add_part(said, navigator_.focus_text(frame));
    }
  } else if (announce_focus_) {
    add_part(said, navigator_.focus_text(frame));
  } else {
    if (activated_ == 1 && !landed && focused != nullptr) {
      // A choice turned on, "Saved": the item again when Enter changed it.
      std::string now = kiosk::describe(*focused, tr_);
      if (focused->id == focused_id_ && now != before_activate_) add_part(said, now);
      kiosk::wipe(now);
    }
    for (const auto& [id, text] : live) {
      const auto was = live_.find(id);
      if (was == live_.end() || was->second != text) add_part(said, text);
    }
    // The focus moved by itself: a question over the screen, the item it was on gone.
    if (focused != nullptr && focused->id != focused_id_ && !focused_id_.empty()) {
      add_part(said, navigator_.focus_text(frame));
    }
  }
  greet_ = announce_screen_ = announce_focus_ = false;
  activated_ = 0;
  kiosk::wipe(before_activate_);
  for (auto& [id, text] : live_) kiosk::wipe(text);
  live_ = std::move(live);
  focused_id_ = focused != nullptr ? focused->id : std::string();
  if (!said.empty()) say(std::move(said));
}

}  // namespace ui

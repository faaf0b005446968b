#include "kiosk/access/navigator.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "kiosk/base/wipe.h"

namespace kiosk {

using namespace literals;

namespace {

bool blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; });
}

// A widget of a scroll area counts even when scrolled out of view (speech mode records list
// rows it does not draw): the keypad reaches it and the app scrolls it into view.
bool hidden_in_area(const WidgetInfo& w) {
  return w.scrolls && !w.bounds.empty() && !w.area.empty();
}

bool is_item(const WidgetInfo& w, bool typing) {
  if (w.covered || w.role == Role::Region || blank(w.text)) return false;
  if (w.rect.empty() && !hidden_in_area(w)) return false;
  return typing || !w.id.starts_with("osk.key.");
}

// Where an item is for reading order: the whole widget in a scroll area (where it is, seen or
// not), else what shows.
Rect place(const WidgetInfo& w) {
  return w.scrolls && !w.bounds.empty() ? w.bounds : w.rect;
}

bool same_rect(const Rect& a, const Rect& b) {
  return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
}

// One row: the vertical centre of one lies within the height of the other.
bool same_row(const Rect& a, const Rect& b) {
  return std::abs(a.centre_y() - b.centre_y()) <= std::max(a.h, b.h) / 2;
}

// The rectangles' indexes top to bottom in rows, each row left to right (then top to bottom).
std::vector<std::size_t> row_order(const std::vector<Rect>& rects) {
  std::vector<std::size_t> left(rects.size());
  for (std::size_t i = 0; i < left.size(); ++i) left[i] = i;
  std::stable_sort(left.begin(), left.end(), [&](std::size_t a, std::size_t b) {
    return rects[a].y != rects[b].y ? rects[a].y < rects[b].y : rects[a].x < rects[b].x;
  });
  std::vector<std::size_t> order;
  order.reserve(rects.size());
  while (!left.empty()) {
    const Rect anchor = rects[left.front()];
    std::vector<std::size_t> row;
    std::vector<std::size_t> rest;
    for (const std::size_t i : left) (same_row(anchor, rects[i]) ? row : rest).push_back(i);
    std::stable_sort(row.begin(), row.end(), [&](std::size_t a, std::size_t b) {
      return rects[a].x != rects[b].x ? rects[a].x < rects[b].x : rects[a].y < rects[b].y;
    });
    order.insert(order.end(), row.begin(), row.end());
    left = std::move(rest);
  }
  return order;
}

// After `where` in reading order (a row below, or the same row further right).
bool after(const Rect& r, const Rect& where) {
  if (same_row(r, where)) return r.x > where.x;
  return r.centre_y() > where.centre_y();
}

// The text without a state a widget already says in words (chips and check rows record
// "Part-time, selected"): describe() says the state after the role.
std::string_view without_suffix(std::string_view text, std::string_view word, bool* had) {
  if (word.empty() || text.size() < word.size() + 2) return text;
  const std::string_view tail = text.substr(text.size() - word.size() - 2);
  if (tail.substr(0, 2) == ", " && tail.substr(2) == word) {
    *had = true;
    return text.substr(0, text.size() - word.size() - 2);
  }
  return text;
}

}  // namespace

std::string describe(const WidgetInfo& widget, Translator& tr) {
  std::string_view text = widget.text;
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\n')) text.remove_prefix(1);
  std::string said(text);
  const auto add = [&said, &tr](MsgKey word) {
    said += ", ";
    said += tr.text(word);
  };
  switch (widget.role) {
    case Role::Text:
    case Role::Region:
      break;
    case Role::Heading:
      add("speech.role.heading"_msg);
      break;
    case Role::Button:
    case Role::Tile:
      add("speech.role.button"_msg);
      break;
    case Role::Image:
      add("speech.role.image"_msg);
      break;
    case Role::TextField:
      add("speech.role.text_field"_msg);
      break;
    case Role::Toggle: {
      bool said_on = false;
      bool said_off = false;
      text = without_suffix(text, tr.text("chip.on"_msg), &said_on);
      text = without_suffix(text, tr.text("check.off"_msg), &said_off);
      said = std::string(text);
      const bool filter =
          widget.id.find(".filter.") != std::string::npos || widget.id.ends_with(".filters");
      add(filter ? "speech.role.filter"_msg : "speech.role.option"_msg);
      if (widget.selected || said_on) {
        add("speech.state.selected"_msg);
      } else if (said_off) {
        add("speech.state.not_selected"_msg);
      }
      break;
    }
  }
  return said;
}

SpeechNavigator::SpeechNavigator(Translator& tr) : tr_(tr) {}

void SpeechNavigator::new_screen() {
  fresh_screen_ = true;
}

void SpeechNavigator::return_to(std::string_view id) {
  if (id.empty()) {
    new_screen();
    return;
  }
  wipe(focus_.text);
  focus_ = Focus{};
  focus_.id = id;
  focus_.set = true;
  fresh_screen_ = false;
}

void SpeechNavigator::set_typing(bool typing) {
  typing_ = typing;
}

void SpeechNavigator::reset() {
  // What was said may hold what a resident typed (a text box is read with its text).
  wipe(last_said_);
  wipe(focus_.text);
  focus_ = Focus{};
  typing_ = false;
  fresh_screen_ = true;
  screen_dark_ = false;
}

std::vector<std::size_t> SpeechNavigator::reading_order(
    const std::vector<WidgetInfo>& frame) const {
  // Blocks: a scroll area's items together, every other item alone.
  struct Block {
    Rect rect;
    std::vector<std::size_t> members;
    bool area = false;
  };
  // A text box that says its own name ("First name: Ana") makes the label above it redundant:
  // the label is skipped, so the box comes right after what comes before them both.
  std::vector<std::string_view> fields;  // a screen has a few
  for (const WidgetInfo& f : frame) {
    if (f.role == Role::TextField && !f.covered) fields.emplace_back(f.text);
  }
  const auto labels_a_field = [&](const WidgetInfo& label) {
    if (label.role != Role::Text || !label.id.empty()) return false;
    return std::any_of(fields.begin(), fields.end(), [&](std::string_view f) {
      return f.starts_with(label.text) &&
             (f.size() == label.text.size() || f.substr(label.text.size()).starts_with(": "));
    });
  };
  std::vector<Block> blocks;
  for (std::size_t i = 0; i < frame.size(); ++i) {
    const WidgetInfo& w = frame[i];
    if (!is_item(w, typing_) || labels_a_field(w)) continue;
    if (w.scrolls && !w.area.empty()) {
      auto it = std::find_if(blocks.begin(), blocks.end(),
                             [&](const Block& b) { return b.area && same_rect(b.rect, w.area); });
      if (it != blocks.end()) {
        it->members.push_back(i);
        continue;
      }
      blocks.push_back({w.area, {i}, true});
    } else {
      blocks.push_back({w.rect, {i}, false});
    }
  }
  std::vector<Rect> block_rects;
  block_rects.reserve(blocks.size());
  for (const Block& b : blocks) block_rects.push_back(b.rect);
  std::vector<std::size_t> order;
  for (const std::size_t b : row_order(block_rects)) {
    const auto& members = blocks[b].members;
    std::vector<Rect> rects;
    rects.reserve(members.size());
    for (const std::size_t m : members) rects.push_back(place(frame[m]));
    for (const std::size_t k : row_order(rects)) order.push_back(members[k]);
  }
  return order;
}

std::vector<std::size_t> SpeechNavigator::group_starts(const std::vector<WidgetInfo>& frame,
                                                       const std::vector<std::size_t>& order) {
  std::vector<std::size_t> starts;
  for (std::size_t k = 0; k < order.size(); ++k) {
    const WidgetInfo& w = frame[order[k]];
    const bool enters_area = w.scrolls && (k == 0 || !frame[order[k - 1]].scrolls ||
                                           !same_rect(frame[order[k - 1]].area, w.area));
    // Past the end of a list: what follows (the footer's Back and Next) starts a part too, so
    // one key reaches it from anywhere in a long list.
    const bool leaves_area = !w.scrolls && k > 0 && frame[order[k - 1]].scrolls;
    if (w.role == Role::Heading || enters_area || leaves_area) starts.push_back(k);
  }
  return starts;
}

void SpeechNavigator::focus_on(const WidgetInfo& w) {
  focus_.id = w.id;
  focus_.text = w.id.empty() ? w.text : std::string();
  focus_.role = w.role;
  focus_.rect = place(w);
  focus_.set = true;
}

int SpeechNavigator::locate(const std::vector<WidgetInfo>& frame,
                            const std::vector<std::size_t>& order) {
  if (order.empty()) return -1;
  if (fresh_screen_ || !focus_.set) {
    // A new screen starts at its own first part (its heading), past the header: the header is
    // the same on every screen, and previous_group reaches it.
    fresh_screen_ = false;
    const auto in_header = [&](std::size_t k) { return frame[order[k]].id.starts_with("header."); };
    std::size_t first = order.size();
    for (const std::size_t start : group_starts(frame, order)) {
      if (!in_header(start)) {
        first = start;
        break;
      }
    }
    for (std::size_t k = 0; k < order.size() && first == order.size(); ++k) {
      if (!in_header(k)) first = k;
    }
    if (first == order.size()) first = 0;
    focus_on(frame[order[first]]);
    return static_cast<int>(first);
  }
  int found = -1;
  float nearest = std::numeric_limits<float>::max();
  for (std::size_t k = 0; k < order.size(); ++k) {
    const WidgetInfo& w = frame[order[k]];
    if (!focus_.id.empty()) {
      if (w.id == focus_.id) {
        found = static_cast<int>(k);
        break;
      }
      continue;
    }
    if (!w.id.empty() || w.role != focus_.role || w.text != focus_.text) continue;
    const Rect r = place(w);
    const float d = std::abs(r.centre_x() - focus_.rect.centre_x()) +
                    std::abs(r.centre_y() - focus_.rect.centre_y());
    if (d < nearest) {
      nearest = d;
      found = static_cast<int>(k);
    }
  }
  if (found < 0 && !focus_.id.empty()) {
    // Under a panel now (a question): the panel's first item, recorded after what it covers.
    const auto it = std::find_if(frame.begin(), frame.end(), [&](const WidgetInfo& w) {
      return w.covered && w.id == focus_.id;
    });
    if (it != frame.end()) {
      const auto panel = static_cast<std::size_t>(it - frame.begin());
      for (std::size_t k = 0; k < order.size() && found < 0; ++k) {
        if (order[k] > panel) found = static_cast<int>(k);
      }
    }
  }
  if (found < 0) {
    // Gone: the first item after where it was, or the last one.
    found = static_cast<int>(order.size()) - 1;
    for (std::size_t k = 0; k < order.size(); ++k) {
      if (after(place(frame[order[k]]), focus_.rect)) {
        found = static_cast<int>(k);
        break;
      }
    }
  }
  focus_on(frame[order[static_cast<std::size_t>(found)]]);
  return found;
}

void SpeechNavigator::update(const std::vector<WidgetInfo>& frame) {
  locate(frame, reading_order(frame));
}

const WidgetInfo* SpeechNavigator::focused(const std::vector<WidgetInfo>& frame) {
  const std::vector<std::size_t> order = reading_order(frame);
  const int k = locate(frame, order);
  return k < 0 ? nullptr : &frame[order[static_cast<std::size_t>(k)]];
}

std::string SpeechNavigator::focus_text(const std::vector<WidgetInfo>& frame) {
  const WidgetInfo* w = focused(frame);
  return remember(w == nullptr ? std::string() : describe(*w, tr_));
}

std::string SpeechNavigator::remember(std::string said) {
  if (!said.empty()) last_said_ = said;
  return said;
}

NavAction SpeechNavigator::move_to(const std::vector<WidgetInfo>& frame, std::size_t index) {
  const WidgetInfo& w = frame[index];
  focus_on(w);
  NavAction action;
  action.say = remember(describe(w, tr_));
  const bool cut = w.rect.empty() || w.rect.h + 0.5f < w.bounds.h || w.rect.w + 0.5f < w.bounds.w;
  if (w.scrolls && !w.id.empty() && !w.bounds.empty() && cut) action.reveal = w.id;
  return action;
}

std::string SpeechNavigator::start_guide() {
  return remember(tr_.text("speech.guide.start"_msg));
}

std::string SpeechNavigator::guide() {
  return remember(tr_.text("speech.guide"_msg));
}

NavAction SpeechNavigator::handle(KeypadKey key, const std::vector<WidgetInfo>& frame) {
  using Kind = NavAction::Kind;
  const std::vector<std::size_t> order = reading_order(frame);
  const int at = locate(frame, order);
  const auto cue = [this](Kind kind, MsgKey message) {
    NavAction action;
    action.kind = kind;
    action.say = remember(tr_.text(message));
    return action;
  };
  if (at < 0 &&
      (key == KeypadKey::Next || key == KeypadKey::Previous || key == KeypadKey::NextGroup ||
       key == KeypadKey::PreviousGroup || key == KeypadKey::Activate)) {
    return cue(Kind::None, "speech.cue.nothing"_msg);
  }
  const auto k = static_cast<std::size_t>(at);
  switch (key) {
    case KeypadKey::Next:
      if (k + 1 < order.size()) return move_to(frame, order[k + 1]);
      return cue(Kind::None, "speech.cue.end"_msg);
    case KeypadKey::Previous:
      if (k > 0) return move_to(frame, order[k - 1]);
      return cue(Kind::None, "speech.cue.top"_msg);
    case KeypadKey::NextGroup: {
      for (const std::size_t s : group_starts(frame, order)) {
        if (s > k) return move_to(frame, order[s]);
      }
      return cue(Kind::None, "speech.cue.last_group"_msg);
    }
    case KeypadKey::PreviousGroup: {
      const std::vector<std::size_t> starts = group_starts(frame, order);
      for (auto it = starts.rbegin(); it != starts.rend(); ++it) {
        if (*it < k) return move_to(frame, order[*it]);
      }
      if (k > 0) return move_to(frame, order.front());  // the header, before the first group
      return cue(Kind::None, "speech.cue.first_group"_msg);
    }
    case KeypadKey::Activate: {
      const WidgetInfo& w = frame[order[k]];
      if (!interactive(w.role) || w.id.empty()) return cue(Kind::None, "speech.cue.not_button"_msg);
      NavAction action;
      action.kind = Kind::Activate;
      action.id = w.id;
      action.rect = w.rect;
      return action;
    }
    case KeypadKey::Back:
      return NavAction{Kind::Back, {}, {}, {}, {}};
    case KeypadKey::Home:
      return NavAction{Kind::Home, {}, {}, {}, {}};
    case KeypadKey::Repeat: {
      NavAction action;
      action.kind = Kind::Repeat;
      action.say = last_said_.empty() ? focus_text(frame) : last_said_;
      return action;
    }
    case KeypadKey::Stop:
      return NavAction{Kind::Stop, {}, {}, {}, {}};
    case KeypadKey::Help:
      return NavAction{Kind::Help, guide(), {}, {}, {}};
    case KeypadKey::VolumeUp:
      return NavAction{Kind::VolumeUp, tr_.text("speech.cue.louder"_msg), {}, {}, {}};
    case KeypadKey::VolumeDown:
      return NavAction{Kind::VolumeDown, tr_.text("speech.cue.softer"_msg), {}, {}, {}};
    case KeypadKey::Slower:
      return NavAction{Kind::Slower, tr_.text("speech.cue.slower"_msg), {}, {}, {}};
    case KeypadKey::Faster:
      return NavAction{Kind::Faster, tr_.text("speech.cue.faster"_msg), {}, {}, {}};
    case KeypadKey::Language:
      return NavAction{Kind::Language, {}, {}, {}, {}};
    case KeypadKey::ScreenOff:
      screen_dark_ = !screen_dark_;
      return cue(Kind::ScreenOff,
                 screen_dark_ ? "speech.cue.screen_off"_msg : "speech.cue.screen_on"_msg);
  }
  return {};
}

}  // namespace kiosk

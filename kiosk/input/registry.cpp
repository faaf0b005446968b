#include "kiosk/input/registry.h"

#include <algorithm>

#include "kiosk/base/wipe.h"

namespace kiosk {

Rect Rect::intersect(const Rect& other) const {
  const float x0 = std::max(x, other.x);
  const float y0 = std::max(y, other.y);
  const float x1 = std::min(x + w, other.x + other.w);
  const float y1 = std::min(y + h, other.y + other.h);
  return {x0, y0, std::max(0.0f, x1 - x0), std::max(0.0f, y1 - y0)};
}

std::string_view role_name(Role role) {
  switch (role) {
    case Role::Button:
      return "button";
    case Role::Tile:
      return "tile";
    case Role::Toggle:
      return "toggle";
    case Role::Heading:
      return "heading";
    case Role::Text:
      return "text";
    case Role::Region:
      return "region";
    case Role::TextField:
      return "text field";
    case Role::Image:
      return "image";
  }
  return "?";
}

std::string_view fault_name(TextFault::Kind kind) {
  switch (kind) {
    case TextFault::Kind::BrokenWord:
      return "breaks a word across lines";
    case TextFault::Kind::TooBig:
      return "does not fit its box";
  }
  return "?";
}

void WidgetRegistry::begin_frame() {
  // A text field's entry carries what the resident typed: overwrite before freeing.
  for (auto& w : building_) wipe(w.text);
  building_.clear();
  for (auto& w : building_reading_) wipe(w.text);
  building_reading_.clear();
  overlay_ = false;
  for (auto& f : building_faults_) wipe(f.text);
  building_faults_.clear();
  building_display_ = {};
}

void WidgetRegistry::set_display(float width, float height) {
  building_display_ = {0, 0, width, height};
}

void WidgetRegistry::cover_all() {
  for (auto& w : building_) w.covered = true;
  if (!overlay_) {
    for (auto& w : building_reading_) w.covered = true;
  }
}

void WidgetRegistry::mark_live(std::string_view id) {
  for (auto* list : {&building_, &building_reading_}) {
    if (!list->empty() && list->back().id == id) list->back().live = true;
  }
}

void WidgetRegistry::add_fault(TextFault fault) {
  building_faults_.push_back(std::move(fault));
}

void WidgetRegistry::add(WidgetInfo info) {
  if (reading_on_ && !overlay_ &&
      (!info.rect.empty() || (info.scrolls && !info.bounds.empty() && !info.area.empty()))) {
    building_reading_.push_back(info);
  }
  if (info.rect.empty()) {  // clipped away: not visible, not tappable
    wipe(info.text);
    return;
  }
  building_.push_back(std::move(info));
}

void WidgetRegistry::end_frame() {
  current_.swap(building_);
  current_reading_.swap(building_reading_);
  current_faults_.swap(building_faults_);
  current_display_ = building_display_;
}

const WidgetInfo* WidgetRegistry::find_in_frame(std::string_view id) const {
  for (auto it = building_.rbegin(); it != building_.rend(); ++it) {
    if (it->id == id) return &*it;
  }
  return nullptr;
}

const WidgetInfo* WidgetRegistry::find(std::string_view id) const {
  const auto it = std::find_if(current_.begin(), current_.end(),
                               [&](const WidgetInfo& w) { return w.id == id; });
  return it == current_.end() ? nullptr : &*it;
}

bool WidgetRegistry::text_visible(std::string_view needle) const {
  return std::any_of(current_.begin(), current_.end(),
                     [&](const WidgetInfo& w) { return w.text.find(needle) != std::string::npos; });
}

}  // namespace kiosk

namespace kiosk {
namespace {

constexpr float kTolerancePx = 1.0f;  // em rounded to whole pixels, borders on half pixels

std::string name_of(const WidgetInfo& w) {
  std::string out = w.id.empty() ? std::string(role_name(w.role)) : w.id;
  if (!w.text.empty() && w.role != Role::TextField) out += " \"" + w.text + '"';
  return out;
}

bool inside(const Rect& inner, const Rect& outer) {
  return inner.x >= outer.x - kTolerancePx && inner.y >= outer.y - kTolerancePx &&
         inner.x + inner.w <= outer.x + outer.w + kTolerancePx &&
         inner.y + inner.h <= outer.y + outer.h + kTolerancePx;
}

// The widget a text fault belongs to: the smallest one with an id where the text starts (a
// text too big for its box spills out of it, but begins inside).
const WidgetInfo* owner_of(const std::vector<WidgetInfo>& widgets, const Rect& r) {
  const WidgetInfo* best = nullptr;
  const float x = r.x + kTolerancePx;
  const float y = r.y + kTolerancePx;
  for (const auto& w : widgets) {
    if (w.id.empty() || w.role == Role::Region) continue;
    const Rect& b = w.bounds;
    if (x < b.x || x > b.x + b.w || y < b.y || y > b.y + b.h) continue;
    if (best == nullptr || b.w * b.h < best->bounds.w * best->bounds.h) best = &w;
  }
  return best;
}

}  // namespace

std::vector<std::string> layout_problems(const std::vector<WidgetInfo>& widgets,
                                         const std::vector<TextFault>& faults, Rect display) {
  std::vector<std::string> out;
  // (a) Two things a resident taps, overlapping where they can be seen: a finger cannot tell
  // which one it meant.
  for (std::size_t i = 0; i < widgets.size(); ++i) {
    const WidgetInfo& a = widgets[i];
    if (!interactive(a.role) || a.covered || a.rect.empty()) continue;
    for (std::size_t j = i + 1; j < widgets.size(); ++j) {
      const WidgetInfo& b = widgets[j];
      if (!interactive(b.role) || b.covered || b.rect.empty()) continue;
      const Rect both = a.rect.intersect(b.rect);
      if (both.w > kTolerancePx && both.h > kTolerancePx) {
        out.push_back(name_of(a) + " and " + name_of(b) + " overlap");
      }
    }
  }
  // (b) Partly off the display, or cut at the side of its area. A scroll area may hide what is
  // scrolled above or below it, never what sticks out of its sides.
  for (const WidgetInfo& w : widgets) {
    if (w.covered || w.rect.empty() || (w.id.empty() && w.text.empty())) continue;
    Rect allowed = display;
    if (!w.area.empty()) allowed = display.empty() ? w.area : w.area.intersect(display);
    if (allowed.empty()) continue;
    Rect b = w.bounds;
    if (w.scrolls) {
      const float top = std::max(b.y, allowed.y);
      const float bottom = std::min(b.y + b.h, allowed.y + allowed.h);
      b.y = top;
      b.h = std::max(0.0f, bottom - top);
    }
    if (!inside(b, allowed)) {
      const bool off_display = !display.empty() && !inside(b, display);
      out.push_back(name_of(w) + (off_display ? " lies partly off the screen"
                                              : " is cut off by the edge of its area"));
    }
  }
  // (c) Texts the drawing functions could not lay out whole.
  for (const TextFault& f : faults) {
    const WidgetInfo* w = owner_of(widgets, f.rect);
    out.push_back("text \"" + f.text + "\"" + (w != nullptr ? " in " + w->id : std::string()) +
                  " " + std::string(fault_name(f.kind)));
  }
  return out;
}

}  // namespace kiosk

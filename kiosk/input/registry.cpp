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

void WidgetRegistry::begin_frame() {
  // A text field's entry carries what the resident typed: overwrite before freeing.
  for (auto& w : building_) wipe(w.text);
  building_.clear();
}

void WidgetRegistry::add(WidgetInfo info) {
  if (info.rect.empty()) {  // clipped away: not visible, not tappable
    wipe(info.text);
    return;
  }
  building_.push_back(std::move(info));
}

void WidgetRegistry::end_frame() {
  current_.swap(building_);
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

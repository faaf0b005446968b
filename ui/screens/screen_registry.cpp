#include "ui/screens/screen_registry.h"

#include <algorithm>
#include <cassert>
#include <string>

#include "kiosk/base/log.h"

namespace ui {

void ScreenRegistry::insert(std::unique_ptr<Screen> screen) {
  assert(find(screen->name()) == nullptr && "two screens registered under one name");
  screens_.push_back(std::move(screen));
}

Screen* ScreenRegistry::find(std::string_view name) const {
  for (const auto& s : screens_) {
    if (s->name() == name) return s.get();
  }
  return nullptr;
}

Screen& ScreenRegistry::at(std::string_view name) const {
  if (Screen* s = find(name)) return *s;
  kiosk::log::error("no screen is registered as " + std::string(name));
  Screen* home = find(kiosk::Navigator::kHome);
  assert(home != nullptr && "the home screen is always registered");
  return *home;
}

std::vector<const Screen*> ScreenRegistry::tiles() const {
  std::vector<const Screen*> out;
  for (const auto& s : screens_) {
    if (s->info().tile) out.push_back(s.get());
  }
  std::stable_sort(out.begin(), out.end(), [](const Screen* a, const Screen* b) {
    return a->info().tile->order < b->info().tile->order;
  });
  return out;
}

}  // namespace ui

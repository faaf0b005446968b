#include "kiosk/navigation.h"

namespace kiosk {

std::string_view screen_name(ScreenId id) {
  switch (id) {
    case ScreenId::Home:
      return "home";
    case ScreenId::Help:
      return "help";
  }
  return "?";
}

void Navigator::open(ScreenId id) {
  if (id == current()) return;
  if (id == ScreenId::Home) {
    home();
    return;
  }
  stack_.push_back(id);
}

void Navigator::back() {
  if (stack_.size() > 1) stack_.pop_back();
}

void Navigator::home() {
  stack_.resize(1);
}

}  // namespace kiosk

#include "kiosk/session/navigation.h"

namespace kiosk {

std::string_view screen_name(ScreenId id) {
  switch (id) {
    case ScreenId::Home:
      return "home";
    case ScreenId::Help:
      return "help";
    case ScreenId::JobSearch:
      return "jobs.search";
    case ScreenId::JobDetail:
      return "jobs.detail";
    case ScreenId::MyList:
      return "mylist";
    case ScreenId::Attract:
      return "attract";
  }
  return "?";
}

void Navigator::open(ScreenId id) {
  if (id == current()) return;
  if (id == ScreenId::Home) {
    home();
    return;
  }
  std::erase(stack_, id);
  stack_.push_back(id);
}

void Navigator::back() {
  if (stack_.size() > 1) stack_.pop_back();
}

void Navigator::home() {
  stack_.resize(1);
}

}  // namespace kiosk

#include "kiosk/session/navigation.h"

#include <algorithm>

namespace kiosk {

void Navigator::open(Route route) {
  if (route == current()) return;
  if (route.screen == kHome) {
    home();
    return;
  }
  if (const auto it = std::find(stack_.begin(), stack_.end(), route); it != stack_.end()) {
    stack_.erase(it + 1, stack_.end());
    return;
  }
  stack_.push_back(std::move(route));
  if (stack_.size() > kMaxDepth) stack_.erase(stack_.begin() + 1);  // home stays at the bottom
}

void Navigator::replace(Route route) {
  if (stack_.size() == 1 || route.screen == kHome) {
    open(std::move(route));
    return;
  }
  stack_.back() = std::move(route);
}

void Navigator::back() {
  if (stack_.size() > 1) stack_.pop_back();
}

void Navigator::home() {
  stack_.resize(1);
}

}  // namespace kiosk

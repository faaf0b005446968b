#include "ui/input.h"

namespace ui {

void PointerQueue::push(PointerEvent e) {
  // Consecutive moves collapse into the latest; transitions are always kept.
  if (e.kind == PointerEvent::Kind::Move && !events_.empty() &&
      events_.back().kind == PointerEvent::Kind::Move) {
    events_.back() = e;
    return;
  }
  events_.push_back(e);
}

bool PointerQueue::apply(PointerState& state) {
  while (!events_.empty()) {
    const PointerEvent e = events_.front();
    switch (e.kind) {
      case PointerEvent::Kind::Move:
        state.x = e.x;
        state.y = e.y;
        state.present = true;
        events_.pop_front();
        continue;
      case PointerEvent::Kind::Down:
        if (state.down) {  // a second press without a release: release first, next frame press
          state.down = false;
          return !events_.empty();
        }
        state.x = e.x;
        state.y = e.y;
        state.present = true;
        state.down = true;
        events_.pop_front();
        return !events_.empty();
      case PointerEvent::Kind::Up:
        state.x = e.x;
        state.y = e.y;
        state.down = false;
        events_.pop_front();
        return !events_.empty();
      case PointerEvent::Kind::Leave:
        if (state.down) {
          state.down = false;
          return !events_.empty();
        }
        state = PointerState{};
        events_.pop_front();
        return !events_.empty();
    }
  }
  return false;
}

bool shortcut_quits(Shortcut shortcut, bool fullscreen) {
  if (fullscreen) return false;
  return shortcut == Shortcut::CtrlQ || shortcut == Shortcut::CtrlW;
}

}  // namespace ui

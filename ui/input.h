// Pointer input, queued. Dear ImGui 1.86 reads one pointer state per frame, so a tap whose press
// and release arrive in the same frame would be lost. The queue hands ImGui at most one button
// transition per frame: every press is held for at least one frame, for real fingers and for
// the automation runner alike.
#pragma once

#include <deque>

namespace ui {

struct PointerEvent {
  enum class Kind { Move, Down, Up, Leave };  // Leave: the finger lifted, nothing hovers now
  Kind kind = Kind::Move;
  float x = 0, y = 0;  // window pixels (ignored for Leave)
};

struct PointerState {
  float x = -1e9f, y = -1e9f;  // far away: nothing hovered
  bool down = false;
  bool present = false;  // false after Leave
};

// Keys that leave an ordinary program (Other: any other key; not "None", which X11 defines). In
// kiosk (full-screen) mode none of them does anything; in --windowed development mode Ctrl+Q and
// Ctrl+W close the window (and the window manager's close button works).
enum class Shortcut { Other, CtrlQ, CtrlW, AltF4, Escape, F11, Super };
bool shortcut_quits(Shortcut shortcut, bool fullscreen);

class PointerQueue {
 public:
  void push(PointerEvent e);
  bool empty() const { return events_.empty(); }
  void clear() { events_.clear(); }

  // Applies moves up to and including the next button transition; later events wait for the
  // following frame. Returns true when events remain.
  bool apply(PointerState& state);

 private:
  std::deque<PointerEvent> events_;
};

}  // namespace ui

// The registry of visible widgets: every frame the UI's widget wrappers record each widget's
// stable id, role, on-screen rectangle and visible text. The scenario runner, speech output and
// any future screen reader read the last complete frame from here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;

  float centre_x() const { return x + w / 2; }
  float centre_y() const { return y + h / 2; }
  bool empty() const { return w <= 0 || h <= 0; }
  Rect intersect(const Rect& other) const;
};

enum class Role { Button, Tile, Toggle, Heading, Text, Region, TextField, Image };

std::string_view role_name(Role role);

struct WidgetInfo {
  std::string id;  // stable, language-independent ("home.help"); empty for plain text
  Role role = Role::Text;
  Rect rect;         // the visible part, in window pixels
  std::string text;  // what the resident sees (and what speech reads)
  Rect bounds;       // the whole widget, visible or not (touch-target sizes)
};

// Roles a resident taps.
constexpr bool interactive(Role role) {
  return role == Role::Button || role == Role::Tile || role == Role::Toggle ||
         role == Role::TextField;
}

class WidgetRegistry {
 public:
  void begin_frame();  // starts collecting a new frame
  void add(WidgetInfo info);
  void end_frame();  // the collected frame becomes the one queries see

  const std::vector<WidgetInfo>& widgets() const { return current_; }
  const WidgetInfo* find(std::string_view id) const;           // visible widget with that id
  const WidgetInfo* find_in_frame(std::string_view id) const;  // in the frame being built
  bool text_visible(std::string_view needle) const;            // substring of any visible text

 private:
  std::vector<WidgetInfo> building_;
  std::vector<WidgetInfo> current_;
};

}  // namespace kiosk

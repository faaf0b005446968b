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
  Rect rect;             // the visible part, in window pixels
  std::string text;      // what the resident sees (and what speech reads)
  Rect bounds;           // the whole widget, visible or not (touch-target sizes)
  Rect area;             // the window or scroll area it is drawn in (empty: the whole display)
  bool scrolls = false;  // in a scroll area: may run past `area` above and below, not beside
  bool covered = false;  // under a panel drawn later that takes every touch
  // A chip, a filter or a choice that is on: speech says "selected".
  bool selected = false;
  // A text whose changes speech mode says as they happen (a result count, a problem with an
  // answer): the screen's live region.
  bool live = false;
};

// A text the drawing functions could not lay out whole: a word broken across lines, a text
// taller or wider than its box. (One-line texts are cut only by draw_text_lines(), on a whole
// word with "…"; a text cut by a clip rectangle shows as a widget cut at the edge of its area.)
struct TextFault {
  enum class Kind { BrokenWord, TooBig };
  Kind kind = Kind::BrokenWord;
  Rect rect;         // where the text was drawn
  std::string text;  // the whole text
};

std::string_view fault_name(TextFault::Kind kind);

// Roles a resident taps.
constexpr bool interactive(Role role) {
  return role == Role::Button || role == Role::Tile || role == Role::Toggle ||
         role == Role::TextField;
}

class WidgetRegistry {
 public:
  void begin_frame();  // starts collecting a new frame
  void add(WidgetInfo info);
  void end_frame();                             // the collected frame becomes the one queries see
  void set_display(float width, float height);  // the frame's display size, for layout checks
  void cover_all();  // a panel that takes every touch: what was recorded so far lies under it
  void mark_live(std::string_view id);  // the widget just recorded as `id` is live (see above)
  void add_fault(TextFault fault);      // a text the drawing functions could not lay out whole

  const std::vector<WidgetInfo>& widgets() const { return current_; }

  // Speech mode reads more than shows. While set_reading(true): the rows of a scroll area that
  // are scrolled out of view are kept too (the keypad reaches them and the app scrolls them into
  // view), and what is recorded after begin_overlay() (the screen-off layer) is left out, so it
  // covers nothing. reading() is that frame, in the order recorded; without set_reading, the
  // same as widgets().
  void set_reading(bool on) { reading_on_ = on; }
  void begin_overlay() { overlay_ = true; }
  const std::vector<WidgetInfo>& reading() const {
    return reading_on_ ? current_reading_ : current_;
  }
  const std::vector<TextFault>& faults() const { return current_faults_; }
  Rect display() const { return current_display_; }
  const WidgetInfo* find(std::string_view id) const;           // visible widget with that id
  const WidgetInfo* find_in_frame(std::string_view id) const;  // in the frame being built
  bool text_visible(std::string_view needle) const;            // substring of any visible text

 private:
  std::vector<WidgetInfo> building_;
  std::vector<WidgetInfo> current_;
  std::vector<WidgetInfo> building_reading_;
  std::vector<WidgetInfo> current_reading_;
  bool reading_on_ = false;
  bool overlay_ = false;
  std::vector<TextFault> building_faults_;
  std::vector<TextFault> current_faults_;
  Rect building_display_;
  Rect current_display_;
};

// What a resident would trip on in a frame, one sentence each, naming the widget: two tappable
// widgets that overlap where they are visible, a widget partly off the display or cut at the
// side of the area it is drawn in, a text fault. Empty when the layout is sound. `display` empty:
// only overlaps and text faults are checked.
std::vector<std::string> layout_problems(const std::vector<WidgetInfo>& widgets,
                                         const std::vector<TextFault>& faults, Rect display);

}  // namespace kiosk

// Touch widgets. Each draws with the theme, sizes itself in em, records itself in the widget
// registry (id, role, visible rectangle, text) and returns what the resident did. Labels are
// translated; ids are stable and never change with the language.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "kiosk/base/clock.h"
#include "kiosk/config/config.h"
#include "kiosk/i18n/i18n.h"
#include "kiosk/input/keyboard.h"
#include "kiosk/input/registry.h"
#include "kiosk/session/access.h"
#include "kiosk/session/navigation.h"
#include "kiosk/sync/status.h"
#include "ui/fonts.h"
#include "ui/metrics.h"
#include "ui/theme.h"

namespace kiosk {
class QrCode;
class PrintService;
namespace stats {
class UsageCounter;
}
namespace staff {
class StaffDesk;
}
}  // namespace kiosk

namespace ui {

class TextInput;
class ScreenRegistry;

// Speech's way of touching (when read-aloud is on): the first tap on something selects it and
// says it; a second tap on the same thing uses it. A blind resident can explore safely.
struct SpeechFocus {
  bool on = false;
  std::string selected;  // id of the widget the last first tap selected
  std::string to_say;    // what the app should say after this frame
};

// Everything a screen needs to draw one frame, and where it leaves its intents.
struct Ui {
  const Metrics& metrics;
  const Palette& palette;
  const Fonts& fonts;
  kiosk::Translator& tr;
  kiosk::WidgetRegistry& registry;
  const kiosk::Config& config;
  std::vector<kiosk::Intent>& intents;
  const kiosk::ListingsStatus& listings;
  TextInput& input;                        // the focused field and the on-screen keyboard
  kiosk::PrintService* printer = nullptr;  // null when no printer is configured
  std::int64_t now = 0;                    // Unix seconds (the kiosk clock: automation moves it)
  kiosk::Clock::time_point clock_now{};    // steady, for timers
  float delta_seconds = 0;
  bool wants_animation_frame = false;  // set by widgets that are still moving
  // A screen that waits for a timer or a background answer says so: the app wakes at wake_at,
  // and the automation runner does not call the screen settled while busy.
  std::optional<kiosk::Clock::time_point> wake_at;
  bool busy = false;
  const Metrics* keyboard_metrics = nullptr;      // the keyboard keeps its size at every text size
  const kiosk::AccessSettings* access = nullptr;  // null: the defaults
  SpeechFocus* speech = nullptr;                  // null: taps act at once
  // Speech mode (the keypad): the widget the resident chose with Enter acts this frame as if
  // tapped (tapped() clears it), and list rows scrolled out of view are recorded too (not
  // drawn), so the keypad reaches every row. A scroll area whose id is `scroll.area` moves by
  // `scroll.by` pixels this frame (bringing the keypad's focus into view).
  std::string* activate = nullptr;
  bool record_hidden = false;
  struct ScrollRequest {
    std::string area;
    float by = 0;
  };
  ScrollRequest* scroll = nullptr;
  const ScreenRegistry* screens = nullptr;  // every screen (the home screen's tiles)
  bool* end_question = nullptr;  // "I'm done" was tapped: ask before ending (null: end at once)
  // Anonymous counts (kiosk/stats/usage.h); outlives every screen and callback. Null in tests.
  kiosk::stats::UsageCounter* usage = nullptr;
  // The staff entry, notice and out of service (kiosk/staff/staff_desk.h). Null in tests.
  kiosk::staff::StaffDesk* staff = nullptr;

  void wake_no_later_than(kiosk::Clock::time_point t) {
    if (!wake_at || t < *wake_at) wake_at = t;
  }

  float px(float ems) const { return metrics.px(ems); }
  const std::string& t(kiosk::MsgKey key) { return tr.text(key); }
};

enum class Icon {
  None,
  Back,
  Home,
  Help,
  Globe,
  Briefcase,
  Search,
  Close,
  Check,
  Next,
  Previous,
  Printer,
  Bookmark,
  List,
  TextSize,  // a small and a large "A"
  Contrast,  // a circle, half filled
  Speaker,
  Warning,   // a triangle with "!": a problem to fix
  Person,    // head and shoulders: the sign-up
  Calendar,  // a page with rings and a grid: events
  Heart,     // support services: help that removes barriers
  Chat,      // a speech bubble with a "?": questions and answers
};
enum class ButtonKind { Primary, Outline, OnHeader };

// At rest, between frames: frees every window's draw buffers (ImGui frees a window's only after
// a minute unused); the next frame allocates again what the resting screen needs. The last
// session's glyph quads go with them, and a day of sessions does not keep the buffers of every
// screen a resident opened in the last minute.
void release_draw_buffers();

// An ImGui click on widget `id` that was a tap (the finger did not slide past the drag
// threshold, scrolling) and, with read-aloud on, the second tap on it (the first one selects it
// and says it). Call after the widget is recorded.
bool tapped(Ui& ui, std::string_view id, bool clicked);
bool dragging(const Ui& ui);  // the finger down now (or just lifted) slid: it is scrolling

// An invisible touch area at `pos` under the widget id `id`: whether it was tapped this frame
// (pressed and released on it) and whether a finger is on it now. Widgets draw themselves over it.
struct Press {
  bool clicked = false;
  bool held = false;
};
Press press_area(std::string_view id, ImVec2 pos, ImVec2 size);

// While one lives, text drawn by draw_wrapped(), draw_text_lines(), draw_centered_text() and
// button() that cannot be laid out whole (a word broken across lines, a label taller than its
// button) is reported to the registry, for the scenario runner. Screen::draw holds one per frame.
class TextChecks {
 public:
  explicit TextChecks(kiosk::WidgetRegistry& registry);
  ~TextChecks();
  TextChecks(const TextChecks&) = delete;
  TextChecks& operator=(const TextChecks&) = delete;

 private:
  kiosk::WidgetRegistry* previous_;
};
// A full-screen layer over the screen for a question ("Are you still there?", "End your
// visit?"): while it lives, what was drawn before lies under it and takes no touch. Draw the
// panel and its buttons in between; the destructor swallows every other touch and ends it.
class ModalLayer {
 public:
  ModalLayer(Ui& ui, const char* window);
  ~ModalLayer();
  ModalLayer(const ModalLayer&) = delete;
  ModalLayer& operator=(const ModalLayer&) = delete;

 private:
  TextChecks checks_;
};

// Records a widget in the registry, clipped to what is visible in the current window.
void record(Ui& ui, std::string_view id, kiosk::Role role, ImVec2 min, ImVec2 max,
            std::string_view text, bool selected = false);

void draw_icon(ImDrawList* draw, Icon icon, ImVec2 centre, float size, ImU32 color,
               ImU32 background);

// Where the line that starts at `s` ends when text wraps at `width` pixels, and where the next
// line starts (blanks after a wrap and one newline skipped). Every wrapped text in the kiosk
// breaks here: like ImGui, but never right after a full stop or comma inside a word ("a. m.",
// "3.5", "workforce.miami/x" stay whole when the line has a space to break at instead).
struct LineBreak {
  const char* end;
  const char* next;
};
LineBreak next_line(ImFont* font, const char* s, const char* text_end, float width);

// Multi-line text centred horizontally in [min.x, max.x], top at y. Returns the height used,
// which centered_text_height() says beforehand.
float draw_centered_text(ImDrawList* draw, ImFont* font, std::string_view text, ImVec2 min,
                         ImVec2 max, float y, ImU32 color);
float centered_text_height(ImFont* font, std::string_view text, float width);
// Text wrapped at `width` from `pos`, lines one font size apart; returns the height used, which
// is what wrapped_height() says beforehand.
float draw_wrapped(ImDrawList* draw, ImFont* font, ImVec2 pos, ImU32 color, std::string_view text,
                   float width);
float wrapped_height(ImFont* font, std::string_view text, float width);

// A big button with an optional icon before its label. True on the frame it is tapped: pressed
// and released on it without dragging. A label wider than the button wraps between words; when
// a word would not fit beside the icon, the icon steps aside.
bool button(Ui& ui, std::string_view id, std::string_view label, ImVec2 pos, ImVec2 size,
            ButtonKind kind, Icon icon = Icon::None);
// Whether button() shows `label` whole in `size`: no word broken, no line past its edges.
bool button_fits(const Ui& ui, std::string_view label, ImVec2 size);
// The width at which button() shows `label` (and an icon) on one line.
float button_width(const Ui& ui, std::string_view label, bool with_icon);
// A button with an icon as wide as its label needs, at most `max_width`, and as tall as its
// words need when they wrap (never lower than a standard button).
ImVec2 fitted_button_size(const Ui& ui, std::string_view label, float max_width);
// The width of the widest word of `text`: no box narrower than this can show it unbroken.
float widest_word(ImFont* font, std::string_view text);

// A button on the header's colour with an icon and a short word ("Contrast"), never an icon
// alone; `spoken` names it for the registry and speech. `on` fills it, for settings that are
// switched on. icon_button_width() is the width its word needs.
// Narrower than icon and word on one line, it stacks them (`stacked` widths and heights).
bool icon_button(Ui& ui, std::string_view id, Icon icon, std::string_view word,
                 std::string_view spoken, ImVec2 pos, ImVec2 size, bool on);
float icon_button_width(const Ui& ui, std::string_view word, bool stacked);
float icon_button_stacked_height(const Ui& ui);

// A home-screen tile: icon, bold title, a line that says what is inside.
// Shorter than the icon and words stacked, the icon goes beside them; tile_min_height() is the
// least height that shows them all.
// `layout` fixes where the icon goes, so a screen of tiles looks alike; Auto decides per tile.
enum class TileLayout { Auto, Beside, Stacked };
bool tile(Ui& ui, std::string_view id, std::string_view title, std::string_view subtitle,
          ImVec2 pos, ImVec2 size, Icon icon, TileLayout layout = TileLayout::Auto);
float tile_min_height(const Ui& ui, std::string_view title, std::string_view subtitle, float width);
// The height a tile needs with its icon over its words, which then have the tile's whole width.
float tile_stacked_height(const Ui& ui, std::string_view title, std::string_view subtitle,
                          float width);
// Whether every word of the tile's words fits on a line beside the icon (no word broken).
bool tile_words_fit_beside(const Ui& ui, std::string_view title, std::string_view subtitle,
                           float width);

// Flowing text at the cursor, wrapped at `width` pixels.
void paragraph(Ui& ui, std::string_view text, ImFont* font, Color color, float width,
               kiosk::Role role = kiosk::Role::Text);
void bullet(Ui& ui, std::string_view text, float width);
void vertical_gap(Ui& ui, float ems);  // space below the last item, keeping the left margin

// A toggle chip for a filter: a pill that is filled and carries a check mark when on (never
// colour alone). Returns true when tapped.
float chip_width(const Ui& ui, std::string_view label);
bool chip(Ui& ui, std::string_view id, std::string_view label, bool on, ImVec2 pos);
float chip_height(const Ui& ui);

// A one-line text field. Tapping it gives it the focus (the on-screen keyboard opens); `text` is
// edited by the keyboard. The placeholder shows while it is empty. A clear button (id + ".clear")
// empties it. Returns true when the clear button was tapped. `enter_label` is what the
// keyboard's Enter key says it does here ("Search"; empty: "Done").
// `icon` leads the box (the search glass; None for a name). `name` is what speech says of an
// empty field without a placeholder: the label drawn above it ("First name").
bool text_field(Ui& ui, std::string_view id, std::string& text, std::string_view placeholder,
                kiosk::KeyboardMode mode, std::size_t max_bytes, ImVec2 pos, ImVec2 size,
                std::string_view enter_label = {}, Icon icon = Icon::Search,
                std::string_view name = {});

// A choice the resident ticks: a full-width row with a box (a circle when only one of the list
// can be chosen) that holds a check mark when on, and its words wrapped beside it. The row is as
// tall as its words need (check_row_height), never lower than a button.
float check_row_height(const Ui& ui, std::string_view label, float width);
// `height` 0: check_row_height(); more when it shares a row with a taller neighbour.
bool check_row(Ui& ui, std::string_view id, std::string_view label, bool on, bool radio, ImVec2 pos,
               float width, float height = 0);

// What is wrong with a field, under it: a warning mark and the words, in the error colour.
// Returns the height used (problem_height() says it beforehand).
float problem_height(const Ui& ui, std::string_view text, float width);
float draw_problem(Ui& ui, std::string_view id, std::string_view text, ImVec2 pos, float width);

// A question over the whole screen ("End your visit?", "Leave without signing up?"): a title,
// a line that says what happens, the answer that goes on (primary) and the one that stays.
// Draw it every frame while it is asked; it takes every touch then.
enum class Answer { None, Yes, No };
struct Question {
  std::string_view id;  // the region; the buttons are id + ".confirm" and id + ".cancel"
  kiosk::MsgKey title, body, yes, no;
};
Answer ask(Ui& ui, const Question& question);

// A QR code drawn crisp (whole pixels per module) and centred in a square of `side` pixels, on
// white with its quiet zone. `spoken` is what the registry records (the link).
void qr_image(Ui& ui, std::string_view id, const kiosk::QrCode& code, ImVec2 pos, float side,
              std::string_view spoken);

// Draws at most `max_lines` lines of wrapped text; a cut ends on a whole word with "…".
// Returns the height used.
float draw_text_lines(ImDrawList* draw, ImFont* font, std::string_view text, ImVec2 pos,
                      float width, int max_lines, ImU32 color);
int count_lines(ImFont* font, std::string_view text, float width, int max_lines);

// A region whose content scrolls by dragging, with momentum, like a phone. No scrollbar to aim
// at: a slim indicator shows where you are.
class ScrollArea {
 public:
  void begin(Ui& ui, std::string_view id, ImVec2 pos, ImVec2 size);
  void end(Ui& ui);
  void reset() { *this = ScrollArea(); }
  float offset() const { return offset_; }
  float view_height() const { return view_height_; }
  bool moving() const { return dragging_ || velocity_ != 0; }

 private:
  float offset_ = 0;
  float velocity_ = 0;  // pixels per second, after the finger lifts
  float content_height_ = 0;
  float view_height_ = 0;
  bool dragging_ = false;
  kiosk::Clock::time_point last_drag_frame_{};  // when the drag last moved (finger speed)
  std::string id_;  // registry id of the region, for `drag ID` in scenarios
  ImVec2 pos_{}, size_{};
};

}  // namespace ui

// Touch widgets. Each draws with the theme, sizes itself in em, records itself in the widget
// registry (id, role, visible rectangle, text) and returns what the resident did. Labels are
// translated; ids are stable and never change with the language.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "kiosk/clock.h"
#include "kiosk/config.h"
#include "kiosk/i18n.h"
#include "kiosk/listings.h"
#include "kiosk/navigation.h"
#include "kiosk/registry.h"
#include "ui/fonts.h"
#include "ui/metrics.h"
#include "ui/theme.h"

namespace ui {

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
  float delta_seconds = 0;
  bool wants_animation_frame = false;  // set by widgets that are still moving

  float px(float ems) const { return metrics.px(ems); }
  const std::string& t(kiosk::MsgKey key) { return tr.text(key); }
};

enum class Icon { None, Back, Home, Help, Globe };
enum class ButtonKind { Primary, Outline, OnHeader };

// Records a widget in the registry, clipped to what is visible in the current window.
void record(Ui& ui, std::string_view id, kiosk::Role role, ImVec2 min, ImVec2 max,
            std::string_view text);

void draw_icon(ImDrawList* draw, Icon icon, ImVec2 centre, float size, ImU32 color,
               ImU32 background);

// Multi-line text centred horizontally in [min.x, max.x], top at y. Returns the height used.
float draw_centered_text(ImDrawList* draw, ImFont* font, std::string_view text, ImVec2 min,
                         ImVec2 max, float y, ImU32 color);
float wrapped_height(ImFont* font, std::string_view text, float width);

// A big button with an optional icon before its label. True on the frame it is tapped: pressed
// and released on it without dragging.
bool button(Ui& ui, std::string_view id, std::string_view label, ImVec2 pos, ImVec2 size,
            ButtonKind kind, Icon icon = Icon::None);

// A home-screen tile: icon, bold title, a line that says what is inside.
bool tile(Ui& ui, std::string_view id, std::string_view title, std::string_view subtitle,
          ImVec2 pos, ImVec2 size, Icon icon);

// Flowing text at the cursor, wrapped at `width` pixels.
void paragraph(Ui& ui, std::string_view text, ImFont* font, Color color, float width,
               kiosk::Role role = kiosk::Role::Text);
void bullet(Ui& ui, std::string_view text, float width);
void vertical_gap(Ui& ui, float ems);  // space below the last item, keeping the left margin

// A region whose content scrolls by dragging, with momentum, like a phone. No scrollbar to aim
// at: a slim indicator shows where you are.
class ScrollArea {
 public:
  void begin(Ui& ui, std::string_view id, ImVec2 pos, ImVec2 size);
  void end(Ui& ui);
  void reset() { *this = ScrollArea(); }
  float offset() const { return offset_; }

 private:
  float offset_ = 0;
  float velocity_ = 0;  // pixels per second, after the finger lifts
  float content_height_ = 0;
  float view_height_ = 0;
  bool dragging_ = false;
  std::string id_;  // registry id of the region, for `drag ID` in scenarios
  ImVec2 pos_{}, size_{};
};

}  // namespace ui

// The palette: calm, high-legibility colours. Every text/background pair the screens draw is
// listed in text_pairs() so a unit test can hold each one to WCAG contrast (4.5:1 and up).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace ui {

struct Color {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;

  std::uint32_t packed() const;  // ImGui's IM_COL32 layout (ABGR)
};

struct Palette {
  Color background;       // every screen's backdrop (opaque: no translucent full-screen fills)
  Color text;             // body text on background and surface
  Color text_muted;       // secondary text on background and surface
  Color surface;          // tiles and cards
  Color surface_pressed;  // a tile while a finger is on it
  Color border;           // outlines of tiles and outlined buttons
  Color header;           // top bar
  Color header_text;
  Color header_text_muted;
  Color primary;  // main buttons
  Color primary_pressed;
  Color on_primary;  // text and icons on primary
  Color accent;      // icons on tiles, bullets, the scroll indicator
  Color keyboard;    // the on-screen keyboard's tray: no text on it, only keys (surface)
  Color error;       // a problem beside a field (with an icon and words: never colour alone)
};

struct TextPair {
  std::string_view name;
  Color foreground;
  Color background;
  bool large = false;  // >= 24 px bold or >= 32 px: WCAG allows 3:1, we still ask 4.5:1
};

// The everyday palette, or the high-contrast one (every text/background pair ≥ 7:1, WCAG AAA).
const Palette& palette(bool high_contrast = false);
std::vector<TextPair> text_pairs(const Palette& p);

double relative_luminance(Color c);       // WCAG 2.x
double contrast_ratio(Color a, Color b);  // 1.0 to 21.0

// Applies the palette and shapes to the current ImGui style.
void apply_theme(const Palette& p, float em_px);

}  // namespace ui

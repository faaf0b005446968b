// The fonts the theme uses, built into ImGui's atlas for the current em size: Noto Sans Regular
// and Bold (fonts-noto-core), DejaVu Sans as the fallback. ImGui's built-in font never appears.
#pragma once

#include <string>

struct ImFont;

namespace ui {

struct Fonts {
  ImFont* body = nullptr;     // em::kBodyText, regular
  ImFont* small = nullptr;    // em::kSmallText, regular
  ImFont* label = nullptr;    // em::kLabelText, bold
  ImFont* heading = nullptr;  // em::kHeadingText, bold
  ImFont* title = nullptr;    // em::kTitleText, bold
  ImFont* body_bold = nullptr;
  std::string family;  // "Noto Sans" or "DejaVu Sans", for the log and tests
};

// Rebuilds the current ImGui context's font atlas at em_px. Returns false (and logs why) when no
// usable font file exists at all; the caller must not draw then.
bool build_fonts(Fonts& fonts, float em_px);

// The first family whose regular and bold files exist ("Noto Sans", else "DejaVu Sans"); empty
// when none does (the self-test).
std::string find_font_family();

// The glyph ranges every font carries: Latin-1, Latin Extended-A, U+2010-2027 (dashes, quotes,
// bullet, ellipsis) and U+20AC (euro).
const unsigned short* glyph_ranges();

}  // namespace ui

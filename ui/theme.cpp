#include "ui/theme.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "ui/metrics.h"

namespace ui {

std::uint32_t Color::packed() const {
  return (static_cast<std::uint32_t>(a) << 24) | (static_cast<std::uint32_t>(b) << 16) |
         (static_cast<std::uint32_t>(g) << 8) | static_cast<std::uint32_t>(r);
}

const Palette& palette(bool high_contrast) {
  // Black on white, white on black and a deep blue: every pair at least 7:1.
  static const Palette kHighContrast = {
      .background = {0xFF, 0xFF, 0xFF},
      .text = {0x00, 0x00, 0x00},
      .text_muted = {0x1F, 0x1F, 0x1F},
      .surface = {0xFF, 0xFF, 0xFF},
      .surface_pressed = {0xDD, 0xDD, 0xDD},
      .border = {0x00, 0x00, 0x00},
      .header = {0x00, 0x00, 0x00},
      .header_text = {0xFF, 0xFF, 0xFF},
      .header_text_muted = {0xF0, 0xF0, 0xF0},
      .primary = {0x00, 0x2B, 0x5C},
      .primary_pressed = {0x00, 0x18, 0x36},
      .on_primary = {0xFF, 0xFF, 0xFF},
      .accent = {0x00, 0x2B, 0x5C},
      .keyboard = {0x00, 0x00, 0x00},
      .error = {0x8A, 0x00, 0x00},
  };
  if (high_contrast) return kHighContrast;
  static const Palette kLight = {
      .background = {0xF5, 0xF2, 0xEB},  // warm paper
      .text = {0x1A, 0x1E, 0x22},        // near black
      .text_muted = {0x45, 0x4D, 0x55},
      .surface = {0xFF, 0xFF, 0xFF},
      .surface_pressed = {0xDD, 0xE8, 0xF1},
      .border = {0x7A, 0x86, 0x90},
      .header = {0x0B, 0x3D, 0x5C},  // deep harbour blue
      .header_text = {0xFF, 0xFF, 0xFF},
      .header_text_muted = {0xD2, 0xE2, 0xEC},
      .primary = {0x0A, 0x58, 0x86},
      .primary_pressed = {0x06, 0x3A, 0x5A},
      .on_primary = {0xFF, 0xFF, 0xFF},
      .accent = {0x0A, 0x58, 0x86},
      .keyboard = {0x7A, 0x86, 0x90},
      .error = {0xA3, 0x1A, 0x1A},  // brick red
  };
  return kLight;
}

std::vector<TextPair> text_pairs(const Palette& p) {
  return {
      {"body text on background", p.text, p.background},
      {"body text on surface", p.text, p.surface},
      {"body text on pressed surface", p.text, p.surface_pressed},
      {"muted text on background", p.text_muted, p.background},
      {"muted text on surface", p.text_muted, p.surface},
      {"muted text on pressed surface", p.text_muted, p.surface_pressed},
      {"header text on header", p.header_text, p.header},
      {"muted header text on header", p.header_text_muted, p.header},
      {"button text on primary", p.on_primary, p.primary, true},
      {"button text on pressed primary", p.on_primary, p.primary_pressed, true},
      {"primary text (outlined buttons) on surface", p.primary, p.surface, true},
      {"primary text (outlined buttons) on background", p.primary, p.background, true},
      {"accent icons on surface", p.accent, p.surface, true},
      {"problems beside fields on background", p.error, p.background},
      {"problems beside fields on surface", p.error, p.surface},
  };
}

double relative_luminance(Color c) {
  const auto channel = [](std::uint8_t v) {
    const double s = v / 255.0;
    return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double contrast_ratio(Color a, Color b) {
  const double la = relative_luminance(a);
  const double lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

void apply_theme(const Palette& p, float em_px) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  const auto vec = [](Color c) {
    return ImVec4(static_cast<float>(c.r) / 255.0f, static_cast<float>(c.g) / 255.0f,
                  static_cast<float>(c.b) / 255.0f, static_cast<float>(c.a) / 255.0f);
  };
  style.WindowPadding = ImVec2(0, 0);
  style.WindowRounding = 0;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 0;
  style.ChildRounding = 0;
  style.FrameRounding = em::kCornerRadius * em_px;
  style.ItemSpacing = ImVec2(0, 0);
  style.ScrollbarSize = 0;  // no tiny scrollbars: lists scroll by dragging
  style.AntiAliasedFill = true;
  style.AntiAliasedLines = true;
  // Anti-aliased lines as geometry, not sampled from the font texture (which is sampled with
  // nearest filtering, see Platform::reload_font_texture).
  style.AntiAliasedLinesUseTex = false;
  style.TouchExtraPadding = ImVec2(0, 0);

  ImVec4* c = style.Colors;
  for (int i = 0; i < ImGuiCol_COUNT; ++i) c[i] = vec(p.surface);
  c[ImGuiCol_Text] = vec(p.text);
  c[ImGuiCol_TextDisabled] = vec(p.text_muted);
  c[ImGuiCol_WindowBg] = vec(p.background);
  c[ImGuiCol_ChildBg] = vec(p.background);
  c[ImGuiCol_Border] = vec(p.border);
  c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0);  // never a translucent full-screen fill
  c[ImGuiCol_NavWindowingDimBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_NavHighlight] = vec(p.primary);
}

}  // namespace ui

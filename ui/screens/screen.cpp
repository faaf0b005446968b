#include "ui/screens/screen.h"

#include <algorithm>

#include "ui/text_input.h"

namespace ui {

using namespace kiosk::literals;

void Screen::draw(Ui& ui) {
  const ImGuiIO& io = ImGui::GetIO();
  const float width = io.DisplaySize.x;
  const float height = io.DisplaySize.y;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("##screen", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                   ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav |
                   ImGuiWindowFlags_NoBackground);  // the clear colour is the backdrop

  draw_header(ui, width);
  ui.input.begin_frame();
  const float top = ui.px(em::kHeaderHeight);
  // While a field has the focus the keyboard docks at the bottom, over the Back/Home bar (the
  // keyboard's own hide key brings the bar back), and the content shrinks above it: the field
  // being typed into is never covered.
  const float keyboard_h = ui.input.active() ? ui.input.keyboard_height(ui, width) : 0;
  const bool nav_bar = info_.nav_bar && keyboard_h == 0;
  // With read-aloud on, a bar above the Back/Home bar: say it again, stop, volume.
  const bool speech_bar = nav_bar && ui.speech != nullptr && ui.speech->on;
  const float speech_h = speech_bar ? ui.px(em::kNavBarHeight) * 0.8f : 0.0f;
  const float bottom = (nav_bar ? height - ui.px(em::kNavBarHeight) : height) - speech_h;
  const float pad = ui.px(em::kScreenPadding);
  const float content_bottom = bottom - keyboard_h;
  const ImVec2 pos(pad, top + pad * 0.75f);
  const ImVec2 size(std::max(0.0f, width - 2 * pad),
                    std::max(0.0f, content_bottom - pos.y - pad * 0.5f));
  record(ui, name(), kiosk::Role::Region, pos, ImVec2(pos.x + size.x, pos.y + size.y), {});
  draw_content(ui, pos, size);
  if (keyboard_h > 0 && ui.input.active()) {
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(ImVec2(0, content_bottom), ImVec2(width, bottom),
                        ui.palette.keyboard.packed());
    ui.input.draw_keyboard(ui, ImVec2(0, content_bottom), ImVec2(width, keyboard_h));
  }
  if (speech_bar) draw_speech_bar(ui, bottom, width, speech_h);
  if (nav_bar) draw_nav_bar(ui, bottom + speech_h, width);
  ui.input.end_frame(ui.px(em::kDragThreshold));
  ImGui::End();
}

void Screen::draw_header(Ui& ui, float width) {
  const Palette& p = ui.palette;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float h = ui.px(em::kHeaderHeight);
  draw->AddRectFilled(ImVec2(0, 0), ImVec2(width, h), p.header.packed());

  const float pad = ui.px(em::kScreenPadding);
  const float lang_w = ui.px(em::kLangButtonWidth);
  const float lang_h = ui.px(em::kButtonHeight) * 0.85f;
  // Text size, contrast and speech: square buttons left of the language toggle.
  const float access_side = lang_h;
  const float access_w = info_.language_toggle ? 3 * access_side + 3 * ui.px(0.5f) : 0.0f;
  const float text_width = std::max(0.0f, width - 3 * pad - lang_w - access_w);
  const std::string& name = ui.config.kiosk.name;
  const std::string& location = ui.config.kiosk.location;

  ImFont* name_font = ui.fonts.label;
  ImFont* place_font = ui.fonts.small;
  const float block = name_font->FontSize + (location.empty() ? 0 : place_font->FontSize * 1.1f);
  float y = (h - block) / 2;
  // One line each: the name and the place are short by configuration (80 and 120 bytes).
  ImGui::PushClipRect(ImVec2(pad, 0), ImVec2(pad + text_width, h), true);
  // One line each, cut on a whole word with "…" when the header is narrow (portrait).
  draw_text_lines(draw, name_font, name, ImVec2(pad, y), text_width, 1, p.header_text.packed());
  record(ui, "header.name", kiosk::Role::Heading, ImVec2(pad, y),
         ImVec2(pad + text_width, y + name_font->FontSize), name);
  y += name_font->FontSize * 1.1f;
  if (!location.empty()) {
    draw_text_lines(draw, place_font, location, ImVec2(pad, y), text_width, 1,
                    p.header_text_muted.packed());
    record(ui, "header.location", kiosk::Role::Text, ImVec2(pad, y),
           ImVec2(pad + text_width, y + place_font->FontSize), location);
  }
  ImGui::PopClipRect();

  // The language toggle names the other language in that language: "Español" / "English".
  const ImVec2 lang_pos(width - pad - lang_w, (h - lang_h) / 2);
  if (info_.language_toggle) {
    const kiosk::AccessSettings defaults;
    const kiosk::AccessSettings& a = ui.access != nullptr ? *ui.access : defaults;
    float x = lang_pos.x - access_w;
    const float y0 = (h - access_side) / 2;
    const auto toggle = [&](const char* id, Icon icon, const std::string& spoken, bool on,
                            kiosk::Intent::Kind kind) {
      if (icon_button(ui, id, icon, spoken, ImVec2(x, y0), access_side, on)) {
        ui.intents.push_back(kiosk::Intent::of(kind));
      }
      x += access_side + ui.px(0.5f);
    };
    toggle("access.text_size", Icon::TextSize,
           ui.tr.format("access.text_size"_msg, {{"step", static_cast<std::int64_t>(a.text_step)}}),
           a.text_step > 0, kiosk::Intent::Kind::TextSize);
    toggle(
        "access.contrast", Icon::Contrast,
        ui.tr.format("access.contrast"_msg, {{"on", std::string(a.high_contrast ? "yes" : "no")}}),
        a.high_contrast, kiosk::Intent::Kind::Contrast);
    toggle("access.speech", Icon::Speaker,
           ui.tr.format("access.speech"_msg, {{"on", std::string(a.speech ? "yes" : "no")}}),
           a.speech, kiosk::Intent::Kind::Speech);
  }
  if (info_.language_toggle && button(ui, "lang.toggle", ui.t("lang.toggle"_msg), lang_pos,
                                      ImVec2(lang_w, lang_h), ButtonKind::OnHeader, Icon::Globe)) {
    ui.intents.push_back(kiosk::Intent::toggle_language());
  }
}

void Screen::draw_speech_bar(Ui& ui, float top, float width, float h) {
  const Palette& p = ui.palette;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(ImVec2(0, top), ImVec2(width, top + h), p.surface.packed());
  draw->AddLine(ImVec2(0, top), ImVec2(width, top), p.border.packed(),
                std::max(1.0f, ui.px(em::kBorderWidth) / 2));
  const float pad = ui.px(em::kScreenPadding);
  const float gap = ui.px(em::kGap);
  const float bh = std::max(ui.px(em::kMinTouchTarget), h - ui.px(0.8f));
  const float bw = std::min(ui.px(11.0f), (width - 2 * pad - 2 * gap) / 3);
  const float y = top + (h - bh) / 2;
  const int volume = ui.access != nullptr ? ui.access->volume : 80;
  const std::string volume_label =
      ui.tr.format("speech.volume"_msg, {{"percent", static_cast<std::int64_t>(volume)}});
  if (button(ui, "speech.repeat", ui.t("speech.repeat"_msg), ImVec2(pad, y), ImVec2(bw, bh),
             ButtonKind::Outline, Icon::Speaker)) {
    ui.intents.push_back(kiosk::Intent::of(kiosk::Intent::Kind::SpeechRepeat));
  }
  if (button(ui, "speech.stop", ui.t("speech.stop"_msg), ImVec2(pad + bw + gap, y), ImVec2(bw, bh),
             ButtonKind::Outline, Icon::Close)) {
    ui.intents.push_back(kiosk::Intent::of(kiosk::Intent::Kind::SpeechStop));
  }
  if (button(ui, "speech.volume", volume_label, ImVec2(pad + 2 * (bw + gap), y), ImVec2(bw, bh),
             ButtonKind::Outline)) {
    ui.intents.push_back(kiosk::Intent::of(kiosk::Intent::Kind::SpeechVolume));
  }
}

void Screen::draw_nav_bar(Ui& ui, float top, float width) {
  const Palette& p = ui.palette;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float h = ui.px(em::kNavBarHeight);
  draw->AddRectFilled(ImVec2(0, top), ImVec2(width, top + h), p.surface.packed());
  draw->AddLine(ImVec2(0, top), ImVec2(width, top), p.border.packed(),
                std::max(1.0f, ui.px(em::kBorderWidth) / 2));
  const float pad = ui.px(em::kScreenPadding);
  const float bw = ui.px(em::kNavButtonWidth);
  const float bh = ui.px(em::kButtonHeight);
  const float y = top + (h - bh) / 2;
  if (info_.back_home) {
    if (button(ui, "nav.back", ui.t("nav.back"_msg), ImVec2(pad, y), ImVec2(bw, bh),
               ButtonKind::Primary, Icon::Back)) {
      ui.intents.push_back(kiosk::Intent::go_back());
    }
    if (button(ui, "nav.home", ui.t("nav.home"_msg), ImVec2(pad + bw + ui.px(em::kGap), y),
               ImVec2(bw, bh), ButtonKind::Outline, Icon::Home)) {
      ui.intents.push_back(kiosk::Intent::go_home());
    }
  }
  // "I'm done" on the right of every screen: ends the session and wipes what the resident did.
  const std::string& done = ui.t("session.end"_msg);
  const float dw = std::max(bw, chip_width(ui, done) + ui.px(em::kSmallIconSize) + ui.px(1.0f));
  if (button(ui, "session.end", done, ImVec2(width - pad - dw, y), ImVec2(dw, bh),
             ButtonKind::Outline, Icon::Close)) {
    ui.intents.push_back(kiosk::Intent::end_session());
  }
}

}  // namespace ui

#include "ui/screens/screen.h"

#include <algorithm>
#include <array>

#include "kiosk/staff/staff_desk.h"
#include "ui/screens/end_visit.h"
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
  ui.registry.set_display(width, height);
  const TextChecks text_checks(ui.registry);

  const float header_h = draw_header(ui, width);
  const float top = header_h + draw_notice(ui, header_h, width);
  ui.input.begin_frame();
  // While a field has the focus the keyboard docks at the bottom and the content shrinks above
  // it: the field being typed into is never covered. Back, Home and "I'm done" stay one tap
  // away: beside the keys when the plate has room at its sides (landscape), else in their bar
  // under the keyboard.
  const float keyboard_h = ui.input.active() ? ui.input.keyboard_height(ui, width) : 0;
  const float side_w = keyboard_h > 0 ? nav_side_width(ui, width) : 0.0f;
  const bool nav_bar = info_.nav_bar && side_w == 0;
  // With read-aloud on, a bar above the Back/Home bar: say it again, stop, volume.
  const bool speech_bar = nav_bar && keyboard_h == 0 && ui.speech != nullptr && ui.speech->on;
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
    if (side_w > 0) draw_nav_beside_keyboard(ui, content_bottom, width, keyboard_h, side_w);
  }
  if (speech_bar) draw_speech_bar(ui, bottom, width, speech_h);
  if (nav_bar) draw_nav_bar(ui, bottom + speech_h, width);
  ui.input.end_frame(ui.px(em::kDragThreshold));
  ImGui::End();
  draw_end_question(ui);
}

float Screen::draw_header(Ui& ui, float width) const {
  const Palette& p = ui.palette;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float row_h = ui.px(em::kHeaderHeight);
  const float pad = ui.px(em::kScreenPadding);
  const float gap = ui.px(em::kGap) * 0.5f;
  const float button_h = ui.px(em::kButtonHeight) * 0.85f;
  const bool toggles = info_.language_toggle;

  // The language toggle names the other language in that language: "Español" / "English".
  const std::string& lang_label = ui.t("lang.toggle"_msg);
  const float lang_w =
      toggles ? std::max(ui.px(em::kLangButtonWidth), button_width(ui, lang_label, true)) : 0.0f;
  // Text size, contrast and speech: an icon over a word each, left of the language toggle. They
  // share the first row with the kiosk's name when the name keeps its room (em::kHeaderNameMin);
  // on a narrow screen they take a second row of their own.
  struct Access {
    const char* id;
    Icon icon;
    kiosk::MsgKey word;
    kiosk::Intent::Kind kind;
  };
  static constexpr std::array<Access, 3> kAccess = {{
      {"access.text_size", Icon::TextSize, "access.text_size.word"_msg,
       kiosk::Intent::Kind::TextSize},
      {"access.contrast", Icon::Contrast, "access.contrast.word"_msg,
       kiosk::Intent::Kind::Contrast},
      {"access.speech", Icon::Speaker, "access.speech.word"_msg, kiosk::Intent::Kind::Speech},
  }};
  // Icon and word side by side when that fits on the first row; else stacked, smaller; else
  // side by side on a second row. While the keyboard is open there is no room for a second
  // row: they wait until it closes.
  const auto widths = [&](bool stacked) {
    std::array<float, 3> w{};
    for (std::size_t i = 0; i < kAccess.size(); ++i) {
      w[i] = icon_button_width(ui, ui.t(kAccess[i].word), stacked);
    }
    return w;
  };
  const auto total = [&](const std::array<float, 3>& w) { return w[0] + w[1] + w[2] + 3 * gap; };
  const float name_min = std::min(ui.px(em::kHeaderNameMin), width - 2 * pad);
  const float room = width - 2 * pad - lang_w - gap - name_min;
  std::array<float, 3> access_w = widths(false);
  float access_h = button_h;
  bool one_row = total(access_w) <= room;
  if (!one_row && total(widths(true)) <= room) {
    access_w = widths(true);
    access_h = std::max(button_h, icon_button_stacked_height(ui));
    one_row = true;
  }
  const bool shown = toggles && (one_row || !ui.input.active());
  const float access_total = shown ? total(access_w) : 0.0f;
  const float h = one_row || !shown ? row_h : row_h + button_h + ui.px(em::kGap);
  draw->AddRectFilled(ImVec2(0, 0), ImVec2(width, h), p.header.packed());

  const float text_width = std::max(
      0.0f, width - 2 * pad - (toggles ? lang_w + gap : 0.0f) - (one_row ? access_total : 0.0f));
  const std::string& name = ui.config.kiosk.name;
  const std::string& location = ui.config.kiosk.location;
  ImFont* name_font = ui.fonts.label;
  ImFont* place_font = ui.fonts.small;
  const float block = name_font->FontSize + (location.empty() ? 0 : place_font->FontSize * 1.1f);
  float y = (row_h - block) / 2;
  // One line each, cut on a whole word with "…" when the header is narrow (portrait): the name
  // and the place are short by configuration (80 and 120 bytes).
  ImGui::PushClipRect(ImVec2(pad, 0), ImVec2(pad + text_width, row_h), true);
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
  staff_entry(ui, ImVec2(pad, 0), ImVec2(text_width, row_h));
  if (!toggles) return h;

  const ImVec2 lang_pos(width - pad - lang_w, (row_h - button_h) / 2);
  if (button(ui, "lang.toggle", lang_label, lang_pos, ImVec2(lang_w, button_h),
             ButtonKind::OnHeader, Icon::Globe)) {
    ui.intents.push_back(kiosk::Intent::toggle_language());
  }
  if (!shown) return h;
  const kiosk::AccessSettings defaults;
  const kiosk::AccessSettings& a = ui.access != nullptr ? *ui.access : defaults;
  // On one row: left of the language toggle. On their own: the second row, from the right.
  float x = one_row ? lang_pos.x - access_total : width - pad - access_total + gap;
  const float ay = one_row ? (row_h - access_h) / 2 : row_h;
  for (std::size_t i = 0; i < kAccess.size(); ++i) {
    const Access& spec = kAccess[i];
    std::string spoken;
    bool on = false;
    switch (spec.kind) {
      case kiosk::Intent::Kind::TextSize:
        spoken = ui.tr.format("access.text_size"_msg,
                              {{"step", static_cast<std::int64_t>(a.text_step)}});
        on = a.text_step > 0;
        break;
      case kiosk::Intent::Kind::Contrast:
        spoken = ui.tr.format("access.contrast"_msg,
                              {{"on", std::string(a.high_contrast ? "yes" : "no")}});
        on = a.high_contrast;
        break;
      default:
        spoken = ui.tr.format("access.speech"_msg, {{"on", std::string(a.speech ? "yes" : "no")}});
        on = a.speech;
        break;
    }
    if (icon_button(ui, spec.id, spec.icon, ui.t(spec.word), spoken, ImVec2(x, ay),
                    ImVec2(access_w[i], one_row ? access_h : button_h), on)) {
      ui.intents.push_back(kiosk::Intent::of(spec.kind));
    }
    x += access_w[i] + gap;
  }
  return h;
}

// The hidden staff entry: the kiosk's name held for 5 seconds opens the PIN keypad. Not a button
// anywhere else: nothing is recorded, so speech never announces it and a tap does nothing.
void Screen::staff_entry(Ui& ui, ImVec2 pos, ImVec2 size) const {
  if (ui.staff == nullptr || !ui.staff->entry_configured() || name().starts_with("staff.")) return;
  ImGui::SetCursorScreenPos(pos);
  ImGui::InvisibleButton("##staff_entry", size);
  kiosk::staff::HoldDetector& hold = ui.staff->hold();
  if (hold.update(ImGui::IsItemActive(), ui.clock_now)) {
    ui.intents.push_back(kiosk::Intent::open("staff.pin"));
  }
  if (const auto left = hold.left(ui.clock_now)) ui.wake_no_later_than(ui.clock_now + *left);
}

float Screen::draw_notice(Ui& ui, float top, float width) const {
  const kiosk::staff::Notice* notice = ui.staff != nullptr ? ui.staff->notice() : nullptr;
  if (notice == nullptr) return 0;
  // In the resident's language; a notice written in one language only shows in both. Where no
  // one has chosen a language yet (attract, out of service), both, English first.
  const bool es = ui.tr.language() == kiosk::Language::Es;
  std::string text = es ? (notice->es.empty() ? notice->en : notice->es)
                        : (notice->en.empty() ? notice->es : notice->en);
  if (!info_.language_toggle && !notice->en.empty() && !notice->es.empty()) {
    text = notice->en + " / " + notice->es;
  }
  const Palette& p = ui.palette;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float pad = ui.px(em::kScreenPadding);
  const float icon = ui.px(em::kSmallIconSize);
  const float gap = ui.px(em::kGap) * 0.6f;
  const float text_w = std::max(0.0f, width - 2 * pad - icon - gap);
  ImFont* font = ui.fonts.label;
  const int lines = count_lines(font, text, text_w, 2);
  const float inner = ui.px(em::kInnerPadding) * 0.5f;
  const float h = static_cast<float>(lines) * font->FontSize + 2 * inner;
  draw->AddRectFilled(ImVec2(0, top), ImVec2(width, top + h), p.primary.packed());
  draw_icon(draw, Icon::Warning, ImVec2(pad + icon / 2, top + h / 2), icon, p.on_primary.packed(),
            p.primary.packed());
  const ImVec2 at(pad + icon + gap, top + inner);
  draw_text_lines(draw, font, text, at, text_w, 2, p.on_primary.packed());
  record(ui, "notice", kiosk::Role::Text, at, ImVec2(at.x + text_w, top + h - inner), text);
  // When it comes down, the screen draws again without it.
  ui.wake_no_later_than(ui.clock_now +
                        std::chrono::seconds(std::max<std::int64_t>(1, notice->until - ui.now)));
  return h;
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
  const float gap = ui.px(em::kGap);
  const float bh = ui.px(em::kButtonHeight);
  const float y = top + (h - bh) / 2;
  // Each button as wide as its label needs (at least the design width), shrunk to share a
  // narrow bar: three equal parts at most, never on top of each other.
  const bool back = info_.back_home && !info_.own_back;
  const int count = info_.back_home ? (back ? 3 : 2) : 1;
  const float share =
      (width - 2 * pad - static_cast<float>(count - 1) * gap) / static_cast<float>(count);
  const auto fit = [&](const std::string& label) {
    return std::min(share, std::max(ui.px(em::kNavButtonWidth), button_width(ui, label, true)));
  };
  const std::string& back_label = ui.t("nav.back"_msg);
  const std::string& home = ui.t("nav.home"_msg);
  const std::string& done = ui.t("session.end"_msg);
  if (info_.back_home) {
    const float bw = back ? fit(back_label) : 0.0f;
    const float hw = fit(home);
    if (back) nav_button(ui, NavButton::Back, ImVec2(pad, y), ImVec2(bw, bh));
    nav_button(ui, NavButton::Home, ImVec2(back ? pad + bw + gap : pad, y), ImVec2(hw, bh));
  }
  // "I'm done" on the right of every screen: ends the session and wipes what the resident did.
  const float dw = fit(done);
  nav_button(ui, NavButton::Done, ImVec2(width - pad - dw, y), ImVec2(dw, bh));
  if (!info_.back_home) {
    draw_bar_note(ui, ImVec2(pad, top), ImVec2(std::max(0.0f, width - 2 * pad - dw - gap), h));
  }
}

// The room at each side of the keyboard's keys, when Back, Home and "I'm done" fit there in
// words (landscape); 0 when they go in their bar under the keyboard (portrait).
float Screen::nav_side_width(Ui& ui, float width) const {
  if (!info_.nav_bar) return 0;
  const float side = (width - ui.input.keyboard_keys_width(ui, width)) / 2 - ui.px(em::kGap);
  const ImVec2 size(side, nav_side_button_height(ui));
  bool fits = side >= ui.px(em::kMinTouchTarget) && button_fits(ui, ui.t("session.end"_msg), size);
  if (info_.back_home) {
    fits = fits && button_fits(ui, ui.t("nav.back"_msg), size) &&
           button_fits(ui, ui.t("nav.home"_msg), size);
  }
  return fits ? side : 0.0f;
}

float Screen::nav_side_button_height(Ui& ui) {
  const float gap = ui.px(em::kGap);
  return std::min(ui.px(em::kButtonHeight),
                  (ui.input.keyboard_height(ui, ImGui::GetIO().DisplaySize.x) - 3 * gap) / 2);
}

void Screen::draw_nav_beside_keyboard(Ui& ui, float top, float width, float height, float side) {
  const float gap = ui.px(em::kGap);
  const float bh = nav_side_button_height(ui);
  const float x = gap / 2;
  if (info_.back_home && !info_.own_back) {
    nav_button(ui, NavButton::Back, ImVec2(x, top + gap), ImVec2(side, bh));
    nav_button(ui, NavButton::Home, ImVec2(x, top + 2 * gap + bh), ImVec2(side, bh));
  } else if (info_.back_home) {
    nav_button(ui, NavButton::Home, ImVec2(x, top + gap), ImVec2(side, bh));
  }
  nav_button(ui, NavButton::Done, ImVec2(width - x - side, top + height - gap - bh),
             ImVec2(side, bh));
}

void Screen::nav_button(Ui& ui, NavButton which, ImVec2 pos, ImVec2 size) {
  switch (which) {
    case NavButton::Back:
      if (button(ui, "nav.back", ui.t("nav.back"_msg), pos, size, ButtonKind::Primary,
                 Icon::Back)) {
        ui.intents.push_back(kiosk::Intent::go_back());
      }
      return;
    case NavButton::Home:
      if (button(ui, "nav.home", ui.t("nav.home"_msg), pos, size, ButtonKind::Outline,
                 Icon::Home)) {
        ui.intents.push_back(kiosk::Intent::go_home());
      }
      return;
    case NavButton::Done:
      break;
  }
  if (button(ui, "session.end", ui.t("session.end"_msg), pos, size, ButtonKind::Outline,
             Icon::Close)) {
    if (ui.end_question != nullptr) {
      *ui.end_question = true;  // asked once: "End your visit?"
    } else {
      ui.intents.push_back(kiosk::Intent::end_session());
    }
  }
}

}  // namespace ui

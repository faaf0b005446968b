#include "ui/screens/attract_screen.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace ui {

using namespace kiosk::literals;
using namespace std::chrono_literals;

namespace {

// The pulse: a ring that grows and settles in four steps a second cycle, drawn at 2 Hz.
constexpr auto kPulseStep = 500ms;
constexpr int kPulseSteps = 4;

}  // namespace

void AttractScreen::draw_content(Ui& ui, ImVec2 pos, ImVec2 size) {
  const Palette& p = ui.palette;
  // The whole screen is the button: a touch anywhere begins.
  ImGui::SetCursorScreenPos(pos);
  const bool clicked = ImGui::InvisibleButton("##attract", size);
  const std::string& start_en = ui.tr.text_in(kiosk::Language::En, "attract.start"_msg);
  const std::string& start_es = ui.tr.text_in(kiosk::Language::Es, "attract.start"_msg);
  record(ui, "attract.start", kiosk::Role::Button, pos, ImVec2(pos.x + size.x, pos.y + size.y),
         start_en + " / " + start_es);
  if (tapped(ui, "attract.start", clicked)) ui.intents.push_back(kiosk::Intent::start_session());

  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float width = std::min(size.x, ui.px(em::kMaxTextWidth));
  const ImVec2 min(pos.x + (size.x - width) / 2, pos.y);
  const ImVec2 max(min.x + width, pos.y + size.y);
  // The block is measured first, then set a little above the middle: on a tall screen it
  // would otherwise hang from the top with an empty lower half.
  const float ring_block = ui.px(6.0f);  // from the purpose's end to the first "Touch" line
  float block = ring_block + centered_text_height(ui.fonts.heading, start_en, width) + ui.px(0.3f) +
                centered_text_height(ui.fonts.heading, start_es, width);
  for (const kiosk::Language lang : {kiosk::Language::En, kiosk::Language::Es}) {
    block +=
        centered_text_height(ui.fonts.title, ui.tr.text_in(lang, "attract.title"_msg), width) +
        ui.px(0.4f) +
        centered_text_height(ui.fonts.label, ui.tr.text_in(lang, "attract.purpose"_msg), width) +
        ui.px(em::kSectionGap) * 1.5f;
  }
  float y = pos.y + std::max(size.y * 0.08f, (size.y - block) * 0.45f);
  // English, then Spanish: the same two lines in each language, neither translated away.
  for (const kiosk::Language lang : {kiosk::Language::En, kiosk::Language::Es}) {
    const std::string& title = ui.tr.text_in(lang, "attract.title"_msg);
    const std::string& purpose = ui.tr.text_in(lang, "attract.purpose"_msg);
    const float th = draw_centered_text(draw, ui.fonts.title, title, min, max, y, p.text.packed());
    record(ui, {}, kiosk::Role::Heading, ImVec2(min.x, y), ImVec2(max.x, y + th), title);
    y += th + ui.px(0.4f);
    const float ph =
        draw_centered_text(draw, ui.fonts.label, purpose, min, max, y, p.text_muted.packed());
    record(ui, {}, kiosk::Role::Text, ImVec2(min.x, y), ImVec2(max.x, y + ph), purpose);
    y += ph + ui.px(em::kSectionGap) * 1.5f;
  }

  // "Touch the screen to start" in both languages, under a pulsing ring around a dot.
  const auto since = ui.clock_now.time_since_epoch();
  const int step = static_cast<int>((since / kPulseStep) % kPulseSteps);
  const auto next = ui.clock_now + (kPulseStep - since % kPulseStep);
  ui.wake_no_later_than(next);
  const float r = ui.px(1.2f);
  const ImVec2 c(pos.x + size.x / 2, y + ring_block / 2 - ui.px(0.5f));
  draw->AddCircleFilled(c, r, p.primary.packed(), 32);
  const float ring = r * (1.4f + 0.25f * static_cast<float>(step));
  draw->AddCircle(c, ring, p.primary.packed(), 48, std::max(2.0f, ui.px(0.12f)));
  y += ring_block;
  const float sh =
      draw_centered_text(draw, ui.fonts.heading, start_en, min, max, y, p.text.packed());
  y += sh + ui.px(0.3f);
  draw_centered_text(draw, ui.fonts.heading, start_es, min, max, y, p.text.packed());
}

}  // namespace ui

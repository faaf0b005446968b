#include "ui/screens/out_of_service_screen.h"

#include <algorithm>

namespace ui {

using namespace kiosk::literals;

void OutOfServiceScreen::draw_content(Ui& ui, ImVec2 pos, ImVec2 size) {
  const Palette& p = ui.palette;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float width = std::min(size.x, ui.px(em::kMaxTextWidth));
  const ImVec2 min(pos.x + (size.x - width) / 2, pos.y);
  const ImVec2 max(min.x + width, pos.y + size.y);
  struct Part {
    kiosk::Language lang;
    const std::string* title;
    std::string body;
  };
  std::vector<Part> parts;
  for (const kiosk::Language lang : {kiosk::Language::En, kiosk::Language::Es}) {
    const std::string& desk =
        lang == kiosk::Language::En ? ui.config.kiosk.help_desk_en : ui.config.kiosk.help_desk_es;
    parts.push_back({lang, &ui.tr.text_in(lang, "out_of_service.title"_msg),
                     desk.empty() ? ui.tr.text_in(lang, "out_of_service.body"_msg) : desk});
  }
  // Measured first, then set a little above the middle, like the attract screen.
  const float icon = ui.px(em::kIconSize) * 1.6f;
  float block = icon + ui.px(em::kSectionGap);
  for (const Part& part : parts) {
    block += centered_text_height(ui.fonts.title, *part.title, width) + ui.px(0.4f) +
             centered_text_height(ui.fonts.label, part.body, width) + ui.px(em::kSectionGap) * 1.5f;
  }
  float y = pos.y + std::max(0.0f, (size.y - block) * 0.4f);
  draw_icon(draw, Icon::Warning, ImVec2(pos.x + size.x / 2, y + icon / 2), icon, p.text.packed(),
            p.background.packed());
  y += icon + ui.px(em::kSectionGap);
  for (const Part& part : parts) {
    const float th =
        draw_centered_text(draw, ui.fonts.title, *part.title, min, max, y, p.text.packed());
    record(ui,
           part.lang == kiosk::Language::En ? "out_of_service.title.en" : "out_of_service.title.es",
           kiosk::Role::Heading, ImVec2(min.x, y), ImVec2(max.x, y + th), *part.title);
    y += th + ui.px(0.4f);
    const float bh =
        draw_centered_text(draw, ui.fonts.label, part.body, min, max, y, p.text_muted.packed());
    record(ui, {}, kiosk::Role::Text, ImVec2(min.x, y), ImVec2(max.x, y + bh), part.body);
    y += bh + ui.px(em::kSectionGap) * 1.5f;
  }
}

}  // namespace ui

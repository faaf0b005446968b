#include "ui/screens/help_screen.h"

#include <algorithm>
#include <array>

namespace ui {

using namespace kiosk::literals;
namespace {

struct Section {
  kiosk::MsgKey heading_key;
  std::array<kiosk::MsgKey, 3> bullet_keys;  // empty keys where a section has fewer
};

constexpr std::array<Section, 5> kSections = {{
    {"help.using.heading"_msg,
     {"help.using.tap"_msg, "help.using.back_home"_msg, "help.using.language"_msg}},
    {"help.person.heading"_msg, {"help.person.staff"_msg, "help.person.free"_msg, kiosk::MsgKey{}}},
    {"help.privacy.heading"_msg,
     {"help.privacy.password"_msg, "help.privacy.public"_msg, kiosk::MsgKey{}}},
    {"help.about.heading"_msg, {"help.about.what"_msg, "help.about.who"_msg, kiosk::MsgKey{}}},
    // The licences of the occupation vocabulary ask for this credit (README: "Occupation
    // vocabulary").
    {"help.credits.heading"_msg,
     {"help.credits.onet"_msg, "help.credits.esco"_msg, kiosk::MsgKey{}}},
}};

}  // namespace

void HelpScreen::draw_content(Ui& ui, ImVec2 pos, ImVec2 size) {
  ImGui::SetCursorScreenPos(pos);
  paragraph(ui, ui.t("help.title"_msg), ui.fonts.title, ui.palette.text, size.x,
            kiosk::Role::Heading);
  const float top = ImGui::GetCursorScreenPos().y + ui.px(em::kParagraphGap);
  const float indicator = ui.px(em::kScrollIndicatorWidth + 1.0f);
  const ImVec2 area_pos(pos.x, top);
  const ImVec2 area_size(size.x - indicator, pos.y + size.y - top);
  const float width = std::min(area_size.x, ui.px(em::kMaxTextWidth));

  scroll_.begin(ui, "help.scroll", area_pos, area_size);
  if (!ui.config.kiosk.location.empty()) {
    paragraph(ui, ui.tr.format("help.location"_msg, {{"location", ui.config.kiosk.location}}),
              ui.fonts.body, ui.palette.text_muted, width);
    vertical_gap(ui, em::kParagraphGap);
  }
  for (const auto& section : kSections) {
    paragraph(ui, ui.t(section.heading_key), ui.fonts.heading, ui.palette.text, width,
              kiosk::Role::Heading);
    vertical_gap(ui, em::kParagraphGap * 0.5f);
    for (const kiosk::MsgKey key : section.bullet_keys) {
      if (key.key.empty()) continue;
      bullet(ui, ui.t(key), width);
      vertical_gap(ui, em::kParagraphGap * 0.5f);
    }
    vertical_gap(ui, em::kSectionGap);
  }
  scroll_.end(ui);
}

}  // namespace ui

#include "ui/screens/session_warning.h"

#include <algorithm>

namespace ui {

using namespace kiosk::literals;

void draw_session_warning(Ui& ui, int seconds_left) {
  const ModalLayer layer(ui, "##session_warning");
  const ImGuiIO& io = ImGui::GetIO();
  const Palette& p = ui.palette;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float width = std::min(io.DisplaySize.x - 2 * ui.px(em::kScreenPadding), ui.px(32.0f));
  const float pad = ui.px(em::kInnerPadding) * 1.5f;
  const kiosk::Language first =
      ui.tr.language() == kiosk::Language::Es ? kiosk::Language::Es : kiosk::Language::En;
  const kiosk::Language second =
      first == kiosk::Language::Es ? kiosk::Language::En : kiosk::Language::Es;
  const std::string& q1 = ui.tr.text_in(first, "session.warning.title"_msg);
  const std::string& q2 = ui.tr.text_in(second, "session.warning.title"_msg);
  const kiosk::Language active = ui.tr.language();
  ui.tr.set_language(first);
  const std::string c1 = ui.tr.format("session.warning.countdown"_msg,
                                      {{"seconds", static_cast<std::int64_t>(seconds_left)}});
  ui.tr.set_language(second);
  const std::string c2 = ui.tr.format("session.warning.countdown"_msg,
                                      {{"seconds", static_cast<std::int64_t>(seconds_left)}});
  ui.tr.set_language(active);
  const std::string more = ui.tr.text_in(first, "session.more_time"_msg) + " / " +
                           ui.tr.text_in(second, "session.more_time"_msg);

  const float inner = width - 2 * pad;
  const float h_q1 = centered_text_height(ui.fonts.title, q1, inner);
  const float h_q2 = centered_text_height(ui.fonts.heading, q2, inner);
  const float h_c = centered_text_height(ui.fonts.label, c1, inner) +
                    centered_text_height(ui.fonts.body, c2, inner);
  const float bh = ui.px(em::kButtonHeight) * 1.2f;
  const float height =
      pad * 2 + h_q1 + h_q2 + ui.px(em::kParagraphGap) + h_c + ui.px(em::kSectionGap) + bh;
  const ImVec2 pos((io.DisplaySize.x - width) / 2, std::max(0.0f, (io.DisplaySize.y - height) / 2));
  const ImVec2 max(pos.x + width, pos.y + height);
  draw->AddRectFilled(pos, max, p.surface.packed(), ui.px(em::kCornerRadius));
  draw->AddRect(pos, max, p.primary.packed(), ui.px(em::kCornerRadius), 0,
                std::max(3.0f, ui.px(em::kBorderWidth) * 2));
  record(ui, "session.warning", kiosk::Role::Region, pos, max, {});

  float y = pos.y + pad;
  const ImVec2 tmin(pos.x + pad, pos.y);
  const ImVec2 tmax(max.x - pad, max.y);
  const auto line = [&](const std::string& text, ImFont* font, Color color, kiosk::Role role) {
    const float h = draw_centered_text(draw, font, text, tmin, tmax, y, color.packed());
    record(ui, {}, role, ImVec2(tmin.x, y), ImVec2(tmax.x, y + h), text);
    y += h;
  };
  line(q1, ui.fonts.title, p.text, kiosk::Role::Heading);
  line(q2, ui.fonts.heading, p.text_muted, kiosk::Role::Heading);
  y += ui.px(em::kParagraphGap);
  line(c1, ui.fonts.label, p.text, kiosk::Role::Text);
  line(c2, ui.fonts.body, p.text_muted, kiosk::Role::Text);
  y += ui.px(em::kSectionGap);
  if (button(ui, "session.more_time", more, ImVec2(tmin.x, y), ImVec2(inner, bh),
             ButtonKind::Primary)) {
    ui.intents.push_back(kiosk::Intent::more_time());
  }
}

}  // namespace ui

#include "ui/screens/end_visit.h"

#include <algorithm>

namespace ui {

using namespace kiosk::literals;

void draw_end_question(Ui& ui) {
  if (ui.end_question == nullptr || !*ui.end_question) return;
  const ModalLayer layer(ui, "##end_question");
  const ImGuiIO& io = ImGui::GetIO();

  const Palette& p = ui.palette;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  // The screen dimmed behind the question: it is not what the finger should reach for now.
  draw->AddRectFilled(ImVec2(0, 0), io.DisplaySize, IM_COL32(0, 0, 0, 110));
  const float width = std::min(io.DisplaySize.x - 2 * ui.px(em::kScreenPadding), ui.px(28.0f));
  const float pad = ui.px(em::kInnerPadding) * 1.5f;
  const float inner = width - 2 * pad;
  const std::string& title = ui.t("session.end.title"_msg);
  const std::string& body = ui.t("session.end.body"_msg);
  const std::string& yes = ui.t("session.end.confirm"_msg);
  const std::string& no = ui.t("session.end.cancel"_msg);
  const float bh = ui.px(em::kButtonHeight);
  const float gap = ui.px(em::kGap);
  const float h_title = centered_text_height(ui.fonts.heading, title, inner);
  const float h_body = centered_text_height(ui.fonts.body, body, inner);
  const float height =
      pad * 2 + h_title + ui.px(em::kParagraphGap) + h_body + ui.px(em::kSectionGap) + 2 * bh + gap;
  const ImVec2 pos((io.DisplaySize.x - width) / 2, std::max(0.0f, (io.DisplaySize.y - height) / 2));
  const ImVec2 max(pos.x + width, pos.y + height);
  draw->AddRectFilled(pos, max, p.surface.packed(), ui.px(em::kCornerRadius));
  draw->AddRect(pos, max, p.primary.packed(), ui.px(em::kCornerRadius), 0,
                std::max(3.0f, ui.px(em::kBorderWidth) * 2));
  record(ui, "session.end.question", kiosk::Role::Region, pos, max, {});

  float y = pos.y + pad;
  const ImVec2 tmin(pos.x + pad, pos.y);
  const ImVec2 tmax(max.x - pad, max.y);
  const float th =
      draw_centered_text(draw, ui.fonts.heading, title, tmin, tmax, y, p.text.packed());
  record(ui, {}, kiosk::Role::Heading, ImVec2(tmin.x, y), ImVec2(tmax.x, y + th), title);
  y += th + ui.px(em::kParagraphGap);
  const float bh_text =
      draw_centered_text(draw, ui.fonts.body, body, tmin, tmax, y, p.text.packed());
  record(ui, {}, kiosk::Role::Text, ImVec2(tmin.x, y), ImVec2(tmax.x, y + bh_text), body);
  y += bh_text + ui.px(em::kSectionGap);
  // Ending is the primary action (the resident tapped "I'm done"); staying is one tap away.
  if (button(ui, "session.end.confirm", yes, ImVec2(tmin.x, y), ImVec2(inner, bh),
             ButtonKind::Primary, Icon::Check)) {
    *ui.end_question = false;
    ui.intents.push_back(kiosk::Intent::end_session());
  }
  y += bh + gap;
  if (button(ui, "session.end.cancel", no, ImVec2(tmin.x, y), ImVec2(inner, bh),
             ButtonKind::Outline, Icon::Back)) {
    *ui.end_question = false;
  }
}

}  // namespace ui

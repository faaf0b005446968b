#include "ui/screens/staff_notice_screen.h"

#include <algorithm>
#include <array>
#include <chrono>

#include "ui/text_input.h"

namespace ui {

using namespace kiosk::literals;

namespace {

struct LengthChoice {
  const char* id;
  kiosk::MsgKey label;
  kiosk::staff::NoticeLength length;
};
constexpr std::array<LengthChoice, 4> kLengths = {{
    {"staff.notice.for.hour", "staff.notice.for.hour"_msg, kiosk::staff::NoticeLength::OneHour},
    {"staff.notice.for.four", "staff.notice.for.four"_msg, kiosk::staff::NoticeLength::FourHours},
    {"staff.notice.for.today", "staff.notice.for.today"_msg, kiosk::staff::NoticeLength::EndOfDay},
    {"staff.notice.for.week", "staff.notice.for.week"_msg, kiosk::staff::NoticeLength::OneWeek},
}};

}  // namespace

void StaffNoticeScreen::on_open(const kiosk::Route& /*route*/, bool returning) {
  if (!returning) reset();
}

void StaffNoticeScreen::reset() {
  en_.clear();
  es_.clear();
  length_ = kiosk::staff::NoticeLength::EndOfDay;
  loaded_ = false;
  empty_problem_ = false;
  scroll_.reset();
}

void StaffNoticeScreen::draw_content(Ui& ui, ImVec2 pos, ImVec2 size) {
  kiosk::staff::StaffDesk* staff = ui.staff;
  if (staff == nullptr) return;
  const kiosk::staff::Notice* up = staff->notice();
  if (!loaded_) {
    loaded_ = true;
    if (up != nullptr) {
      en_ = up->en;
      es_ = up->es;
    }
  }
  const Palette& p = ui.palette;
  const float gap = ui.px(em::kGap);
  const float width = std::min(size.x, ui.px(em::kMaxTextWidth * 1.3f));
  const bool typing = ui.input.active();
  // A short screen at the largest text (1280x800) scrolls rather than push the buttons off it.
  scroll_.begin(ui, "staff.notice.scroll", pos, size);
  paragraph(ui, ui.t("staff.notice.title"_msg), typing ? ui.fonts.heading : ui.fonts.title, p.text,
            width, kiosk::Role::Heading);
  if (!typing) {
    vertical_gap(ui, em::kParagraphGap * 0.5f);
    if (up != nullptr) {
      paragraph(
          ui,
          ui.tr.format(
              "staff.notice.current"_msg,
              {{"when", std::chrono::system_clock::time_point(std::chrono::seconds(up->until))}}),
          ui.fonts.body, p.text, width);
    } else {
      paragraph(ui, ui.t("staff.notice.how"_msg), ui.fonts.body, p.text_muted, width);
    }
  }
  vertical_gap(ui, em::kParagraphGap);

  // The two fields: side by side when there is room, else one above the other.
  const bool beside = width >= ui.px(44.0f);
  const float field_w = beside ? (width - gap) / 2 : width;
  const float field_h = ui.px(em::kFieldHeight);
  float y = ImGui::GetCursorScreenPos().y;
  struct Field {
    const char* id;
    kiosk::MsgKey label;
    std::string* text;
  };
  const std::array<Field, 2> fields = {{{"staff.notice.en", "staff.notice.en"_msg, &en_},
                                        {"staff.notice.es", "staff.notice.es"_msg, &es_}}};
  float bottom = y;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const Field& f = fields[i];
    const float x = pos.x + (beside ? static_cast<float>(i) * (field_w + gap) : 0.0f);
    float fy = beside ? y : bottom;
    const std::string& label = ui.t(f.label);
    ImGui::GetWindowDrawList()->AddText(ui.fonts.label, ui.fonts.label->FontSize, ImVec2(x, fy),
                                        p.text.packed(), label.c_str());
    record(ui, {}, kiosk::Role::Text, ImVec2(x, fy),
           ImVec2(x + field_w, fy + ui.fonts.label->FontSize), label);
    fy += ui.fonts.label->FontSize * 1.2f;
    text_field(ui, f.id, *f.text, ui.t("staff.notice.placeholder"_msg), kiosk::KeyboardMode::Text,
               kiosk::staff::kMaxNoticeBytes, ImVec2(x, fy), ImVec2(field_w, field_h), {},
               Icon::None);
    bottom = std::max(bottom, fy + field_h + gap * 0.75f);
  }
  if (!en_.empty() || !es_.empty()) empty_problem_ = false;
  ImGui::SetCursorScreenPos(ImVec2(pos.x, bottom));
  if (empty_problem_) {
    const float h = draw_problem(ui, "staff.notice.problem", ui.t("staff.notice.empty"_msg),
                                 ImVec2(pos.x, bottom), width);
    ImGui::SetCursorScreenPos(ImVec2(pos.x, bottom + h + gap * 0.5f));
  }
  if (typing) {  // the keyboard has the room below; the choices come back when it closes
    scroll_.end(ui);
    return;
  }

  // How long: four chips on one row (wrapping when narrow).
  paragraph(ui, ui.t("staff.notice.length"_msg), ui.fonts.label, p.text, width);
  vertical_gap(ui, em::kParagraphGap * 0.4f);
  ImVec2 at = ImGui::GetCursorScreenPos();
  const float chip_h = chip_height(ui);
  for (const LengthChoice& choice : kLengths) {
    const std::string& label = ui.t(choice.label);
    const float w = chip_width(ui, label);
    if (at.x + w > pos.x + width && at.x > pos.x) {
      at = ImVec2(pos.x, at.y + chip_h + gap * 0.5f);
    }
    if (chip(ui, choice.id, label, length_ == choice.length, at)) length_ = choice.length;
    at.x += w + gap * 0.5f;
  }
  float by = at.y + chip_h + gap * 1.5f;

  // Put it up (or up again with new words), take it down, back to the panel.
  const float bh = ui.px(em::kButtonHeight);
  const std::string& save = ui.t("staff.notice.save"_msg);
  const std::string& remove = ui.t("staff.notice.remove"_msg);
  const std::string& back = ui.t("staff.notice.back"_msg);
  const float bw = std::min((width - 2 * gap) / 3, ui.px(14.0f));
  float bx = pos.x;
  if (button(ui, "staff.notice.save", save, ImVec2(bx, by), ImVec2(bw, bh), ButtonKind::Primary,
             Icon::Check)) {
    if (en_.empty() && es_.empty()) {
      empty_problem_ = true;
    } else {
      staff->put_notice({en_, es_, kiosk::staff::notice_until(length_, ui.now)});
      ui.intents.push_back(kiosk::Intent::go_back());
    }
  }
  bx += bw + gap;
  if (up != nullptr && button(ui, "staff.notice.remove", remove, ImVec2(bx, by), ImVec2(bw, bh),
                              ButtonKind::Outline, Icon::Close)) {
    staff->take_down_notice();
    reset();
    ui.intents.push_back(kiosk::Intent::go_back());
  }
  if (up != nullptr) bx += bw + gap;
  if (button(ui, "staff.notice.back", back, ImVec2(bx, by), ImVec2(bw, bh), ButtonKind::Outline,
             Icon::Back)) {
    ui.intents.push_back(kiosk::Intent::go_back());
  }
  ImGui::SetCursorScreenPos(ImVec2(pos.x, by + bh));
  ImGui::Dummy(ImVec2(1, 1));
  scroll_.end(ui);
}

}  // namespace ui

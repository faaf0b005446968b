#include "ui/screens/faq_screen.h"

#include <algorithm>

#include "kiosk/base/wipe.h"
#include "kiosk/stats/usage.h"
#include "ui/screens/screen_registry.h"
#include "ui/text_input.h"

namespace ui {

using namespace kiosk::literals;

namespace {

constexpr float kColumnWidth = 46.0f;      // em: the question and answers read as one column
constexpr float kAnswerBar = 0.2f;         // em: the accent bar beside each answer
constexpr float kAnswerIndent = 1.0f;      // em: the answer's words after the bar
constexpr float kQuestionPadding = 0.75f;  // em: inside a question button

bool blank(const std::string& s) {
  return s.find_first_not_of(' ') == std::string::npos;
}

}  // namespace

void FaqScreen::on_open(const kiosk::Route& /*route*/, bool returning) {
  if (returning) return;  // back from a journey an answer opened: the answers are still there
  scroll_.reset();
  requested_ = false;  // read the FAQ again: a sync may have changed it
}

void FaqScreen::reset() {
  kiosk::wipe(search_.text);
  kiosk::wipe(ranked_for_);
  ranked_.clear();
  pinned_.reset();
  search_counted_ = true;
  ++generation_;  // a read on its way is for a resident who has gone (the FAQ is not theirs)
  loading_ = false;
  requested_ = false;
  scroll_.reset();
}

void FaqScreen::load(Ui& ui) {
  const bool stale = loaded_for_ != ui.listings.updated;
  if (loading_ || (requested_ && !stale)) return;
  requested_ = true;
  loading_ = true;
  const std::uint64_t generation = ++generation_;
  const auto updated = ui.listings.updated;
  reader_.faq([this, generation, updated](std::shared_ptr<const kiosk::faq::FaqIndex> index) {
    if (generation != generation_) return;
    loading_ = false;
    loaded_for_ = updated;
    index_ = std::move(index);
    kiosk::wipe(ranked_for_);  // rank again against the new index
    ranked_.clear();
  });
}

void FaqScreen::update_ranking() {
  if (!index_ || (search_.text == ranked_for_ && !ranked_for_.empty())) return;
  kiosk::wipe(ranked_for_);
  ranked_for_ = search_.text;
  search_counted_ = false;
  ranked_ = blank(search_.text) ? std::vector<kiosk::faq::Ranked>{}
                                : index_->rank(search_.text, kMaxAnswers, true);
  if (!pinned_) return;
  // A tapped question shows its own answer first, whatever else fits as well.
  const kiosk::FaqEntry& e = index_->entries().at(*pinned_);
  if (search_.text != e.question.en && search_.text != e.question.es) {
    pinned_.reset();
    return;
  }
  std::erase_if(ranked_, [&](const kiosk::faq::Ranked& r) { return r.entry == *pinned_; });
  ranked_.insert(ranked_.begin(), {*pinned_, 0.0});
  if (ranked_.size() > kMaxAnswers) ranked_.resize(kMaxAnswers);
}

void FaqScreen::ask(const std::string& question, std::size_t entry) {
  std::string text = question.substr(0, kMaxQueryBytes);
  kiosk::wipe(search_.text);
  search_.text = std::move(text);
  pinned_ = entry;
  scroll_.reset();
}

void FaqScreen::draw_content(Ui& ui, ImVec2 pos, ImVec2 size) {
  load(ui);
  update_ranking();
  if (loading_) ui.busy = true;
  const Palette& p = ui.palette;
  const float width = std::min(size.x, ui.px(kColumnWidth));
  const float left = pos.x + (size.x - width) / 2;
  const float indicator = ui.px(em::kScrollIndicatorWidth + 1.0f);
  const float inner = width - indicator;  // the field and the answers line up
  float y = pos.y;

  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImFont* heading = ui.fonts.label;
  const std::string& title = ui.t("faq.title"_msg);
  // While the keyboard is up the heading steps aside: the room goes to the answers.
  if (!ui.input.focused("faq.query")) {
    draw_text_lines(draw, heading, title, ImVec2(left, y), width, 1, p.text.packed());
    record(ui, {}, kiosk::Role::Heading, ImVec2(left, y),
           ImVec2(left + width, y + heading->FontSize), title);
    y += heading->FontSize * 1.4f;
  }
  std::string before = search_.text;
  if (text_field(ui, "faq.query", search_.text, ui.t("faq.query.placeholder"_msg),
                 kiosk::KeyboardMode::Text, kMaxQueryBytes, ImVec2(left, y),
                 ImVec2(inner, ui.px(em::kFieldHeight)), ui.t("faq.query.enter"_msg)) ||
      search_.text != before) {
    scroll_.reset();  // new words, new answers: start at the top
  }
  kiosk::wipe(before);  // a copy of what was typed: overwritten before it is freed
  y += ui.px(em::kFieldHeight) + ui.px(em::kParagraphGap);

  const ImVec2 area_pos(left, y);
  const ImVec2 area_size(width, std::max(0.0f, pos.y + size.y - y));
  scroll_.begin(ui, "faq.scroll", area_pos, area_size);
  bool staff_shown = false;
  if (!index_) {
    paragraph(ui, ui.t("faq.loading"_msg), ui.fonts.body, p.text_muted, inner);
  } else if (index_->empty()) {
    paragraph(ui, ui.t("faq.none"_msg), ui.fonts.label, p.text, inner, kiosk::Role::Heading);
    vertical_gap(ui, em::kParagraphGap);
  } else if (blank(search_.text)) {
    draw_suggested(ui, inner);
  } else if (ranked_.empty()) {
    draw_nothing_fits(ui, inner);
    staff_shown = true;
  } else {
    draw_answers(ui, inner);
  }
  if (index_ && !search_counted_ && !blank(search_.text) && !ui.input.focused("faq.query")) {
    search_counted_ = true;
    if (ui.usage != nullptr) ui.usage->search(ranked_.empty());
  }
  if (!staff_shown) {
    vertical_gap(ui, em::kSectionGap * 0.5f);
    draw_staff(ui, inner);
  }
  vertical_gap(ui, em::kSectionGap);
  scroll_.end(ui);
}

bool FaqScreen::question_button(Ui& ui, const std::string& id, const std::string& text,
                                float width) {
  const Palette& p = ui.palette;
  ImFont* font = ui.fonts.body_bold;
  const float pad = ui.px(kQuestionPadding);
  const float icon = ui.px(em::kSmallIconSize);
  const float text_w = width - pad * 3 - icon;
  const float h = std::max(ui.px(em::kButtonHeight), wrapped_height(font, text, text_w) + pad * 2);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const ImVec2 max(at.x + width, at.y + h);
  ImGui::Dummy(ImVec2(width, h));
  ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + h));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  if (max.y < draw->GetClipRectMin().y || at.y > draw->GetClipRectMax().y) {
    if (ui.record_hidden) record(ui, id, kiosk::Role::Button, at, max, text);  // speech mode
    return false;
  }

  const Press press = press_area(id, at, ImVec2(width, h));
  ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + h));
  const float rounding = ui.px(em::kCornerRadius);
  draw->AddRectFilled(
      at, max, (press.held && !dragging(ui) ? p.surface_pressed : p.surface).packed(), rounding);
  draw->AddRect(at, max, p.border.packed(), rounding, 0, std::max(1.0f, ui.px(em::kBorderWidth)));
  draw_icon(draw, Icon::Help, ImVec2(at.x + pad + icon / 2, at.y + h / 2), icon, p.accent.packed(),
            p.surface.packed());
  const float text_h = wrapped_height(font, text, text_w);
  draw_wrapped(draw, font, ImVec2(at.x + pad * 2 + icon, at.y + (h - text_h) / 2), p.text.packed(),
               text, text_w);
  record(ui, id, kiosk::Role::Button, at, max, text);
  return tapped(ui, id, press.clicked);
}

void FaqScreen::draw_suggested(Ui& ui, float width) {
  paragraph(ui, ui.t("faq.suggested.title"_msg), ui.fonts.label, ui.palette.text, width,
            kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap * 0.75f);
  const bool spanish = ui.tr.language() == kiosk::Language::Es;
  const auto suggested = index_->suggested(kSuggested);
  for (std::size_t n = 0; n < suggested.size(); ++n) {
    const kiosk::FaqEntry& e = index_->entries()[suggested[n]];
    const std::string& question = e.question.in(spanish);
    if (question_button(ui, "faq.suggested." + std::to_string(n), question, width)) {
      ask(question, suggested[n]);
    }
    vertical_gap(ui, em::kParagraphGap * 0.6f);
  }
}

void FaqScreen::draw_answers(Ui& ui, float width) {
  paragraph(ui, ui.t("faq.answers.title"_msg), ui.fonts.label, ui.palette.text_muted, width,
            kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap);
  for (std::size_t n = 0; n < ranked_.size(); ++n) {
    draw_answer(ui, n, index_->entries().at(ranked_[n].entry), width);
    vertical_gap(ui, em::kSectionGap);
  }
}

void FaqScreen::draw_answer(Ui& ui, std::size_t n, const kiosk::FaqEntry& entry, float width) {
  const Palette& p = ui.palette;
  const bool spanish = ui.tr.language() == kiosk::Language::Es;
  const std::string id = "faq.answer." + std::to_string(n);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float indent = ui.px(kAnswerIndent);
  const float inner = width - indent;
  ImGui::SetCursorScreenPos(ImVec2(start.x + indent, start.y));
  const std::string& question = entry.question.in(spanish);
  paragraph(ui, question, ui.fonts.label, p.text, inner, kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap * 0.5f);
  const kiosk::RichText& answer = spanish && !entry.answer.es.empty() ? entry.answer.es
                                  : entry.answer.en.empty()           ? entry.answer.es
                                                                      : entry.answer.en;
  for (const auto& block : answer) {
    for (const auto& line : block.lines) {
      switch (block.type) {
        case kiosk::TextBlock::Type::Heading:
          paragraph(ui, line, ui.fonts.body_bold, p.text, inner, kiosk::Role::Heading);
          break;
        case kiosk::TextBlock::Type::Paragraph:
          paragraph(ui, line, ui.fonts.body, p.text, inner);
          break;
        case kiosk::TextBlock::Type::Bullets:
          bullet(ui, line, inner);
          vertical_gap(ui, 0.2f);
          break;
      }
    }
    vertical_gap(ui, em::kParagraphGap * 0.5f);
  }
  // The journey the answer talks about, when this kiosk has it.
  const kiosk::FaqLink& link = entry.link;
  if (!link.empty() && ui.screens != nullptr && ui.screens->find(link.route) != nullptr) {
    const std::string label =
        link.label.empty() ? ui.t("faq.answer.open"_msg) : link.label.in(spanish);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 b = fitted_button_size(ui, label, inner);
    if (button(ui, id + ".link", label, at, b, ButtonKind::Primary, Icon::Next)) {
      ui.intents.push_back(kiosk::Intent::open(kiosk::Route{link.route, {}, link.filter}));
    }
    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + b.y));
  }
  const float end = ImGui::GetCursorScreenPos().y;
  ImGui::GetWindowDrawList()->AddRectFilled(start, ImVec2(start.x + ui.px(kAnswerBar), end),
                                            p.accent.packed(), ui.px(kAnswerBar) / 2);
  record(ui, id, kiosk::Role::Region, start, ImVec2(start.x + width, end), question);
  ImGui::SetCursorScreenPos(ImVec2(start.x, end));
}

void FaqScreen::draw_nothing_fits(Ui& ui, float width) {
  paragraph(ui, ui.t("faq.empty.title"_msg), ui.fonts.label, ui.palette.text, width,
            kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap * 0.5f);
  paragraph(ui, ui.t("faq.empty.hint"_msg), ui.fonts.body, ui.palette.text, width);
  vertical_gap(ui, em::kParagraphGap);
  draw_staff(ui, width);
  vertical_gap(ui, em::kSectionGap);
  draw_suggested(ui, width);
}

void FaqScreen::draw_staff(Ui& ui, float width) {
  const Palette& p = ui.palette;
  const bool spanish = ui.tr.language() == kiosk::Language::Es;
  const std::string& configured =
      spanish ? ui.config.kiosk.help_desk_es : ui.config.kiosk.help_desk_en;
  const std::string& where = configured.empty() ? ui.t("faq.staff.default"_msg) : configured;
  const float pad = ui.px(em::kInnerPadding);
  const float icon = ui.px(em::kIconSize);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float text_x = start.x + pad * 2 + icon;
  const float text_w = width - (text_x - start.x) - pad;
  ImGui::SetCursorScreenPos(ImVec2(text_x, start.y + pad));
  const std::string& title = ui.t("faq.staff.title"_msg);
  paragraph(ui, title, ui.fonts.label, p.text, text_w, kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap * 0.4f);
  paragraph(ui, where, ui.fonts.body_bold, p.text, text_w);
  vertical_gap(ui, em::kParagraphGap * 0.4f);
  paragraph(ui, ui.t("faq.staff.can_help"_msg), ui.fonts.body, p.text_muted, text_w);
  const float end = std::max(ImGui::GetCursorScreenPos().y + pad, start.y + icon + pad * 2);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 max(start.x + width, end);
  draw->AddRect(start, max, p.border.packed(), ui.px(em::kCornerRadius), 0,
                std::max(1.0f, ui.px(em::kBorderWidth)));
  draw_icon(draw, Icon::Person, ImVec2(start.x + pad + icon / 2, start.y + pad + icon / 2), icon,
            p.accent.packed(), p.background.packed());
  record(ui, "faq.staff", kiosk::Role::Region, start, max, title + ". " + where);
  ImGui::SetCursorScreenPos(ImVec2(start.x, end));
  ImGui::Dummy(ImVec2(width, 0));
  ImGui::SetCursorScreenPos(ImVec2(start.x, end));
}

}  // namespace ui

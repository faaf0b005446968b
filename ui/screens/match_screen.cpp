#include "ui/screens/match_screen.h"

#include <algorithm>
#include <array>

#include "kiosk/match/skills.h"
#include "kiosk/model/enums.h"
#include "kiosk/search/listings_reader.h"
#include "kiosk/signup/form.h"
#include "ui/screens/listing_spec.h"

namespace ui {

using namespace kiosk::literals;

namespace {

constexpr float kColumnWidth = em::kMaxTextWidth * 1.25f;  // chips flow wider than prose
constexpr std::size_t kShown = 12;  // matches on the page: a few to read, not a list to scan
constexpr float kLine = 1.15f;      // a card's lines, in font sizes

// The route topic of each step, in order.
constexpr std::array<std::string_view, 6> kTopics = {"",      "fields", "education",
                                                     "hours", "paid",   "results"};

struct StepWords {
  kiosk::MsgKey title, hint;
};
constexpr std::array<StepWords, 5> kStepWords = {{
    {"match.skills.title"_msg, "match.skills.hint"_msg},
    {"match.fields.title"_msg, "match.fields.hint"_msg},
    {"signup.education.title"_msg, "match.education.hint"_msg},
    {"match.hours.title"_msg, "match.hours.hint"_msg},
    {"match.paid.title"_msg, "match.paid.hint"_msg},
}};

struct Option {
  std::string_view key;
  kiosk::MsgKey label;
};
constexpr std::array<Option, 3> kHoursOptions = {{
    {"full_time", "match.hours.full_time"_msg},
    {"part_time", "match.hours.part_time"_msg},
    {"any", "match.hours.any"_msg},
}};
constexpr std::array<Option, 2> kPaidOptions = {{
    {"yes", "match.paid.yes"_msg},
    {"no", "match.paid.no"_msg},
}};

void move_to(float x, float y) {
  ImGui::SetCursorScreenPos(ImVec2(x, y));
}

// Chips flowing in lines at the cursor, ids `prefix` + key; the cursor ends under them. Returns
// the key tapped, or "".
template <typename Items, typename On>
std::string chip_flow(Ui& ui, std::string_view prefix, const Items& items, float width, On on) {
  const float gap = ui.px(0.5f);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  float x = origin.x;
  float y = origin.y;
  std::string tapped_key;
  for (const auto& item : items) {
    const std::string& label = ui.t(item.label);
    const float w = std::min(width, chip_width(ui, label));
    if (x > origin.x && x + w > origin.x + width) {
      x = origin.x;
      y += chip_height(ui) + gap;
    }
    if (chip(ui, std::string(prefix) + std::string(item.key), label, on(item.key), ImVec2(x, y))) {
      tapped_key = std::string(item.key);
    }
    x += w + gap;
  }
  move_to(origin.x, y);
  ImGui::Dummy(ImVec2(width, chip_height(ui)));
  move_to(origin.x, ImGui::GetCursorScreenPos().y);  // keep the column's margin
  return tapped_key;
}

// Radio rows at the cursor, one a line, ids `prefix` + key. Returns the key tapped, or "".
template <typename Items>
std::string radio_rows(Ui& ui, std::string_view prefix, const Items& items, std::string_view on,
                       float width) {
  std::string tapped_key;
  for (const auto& item : items) {
    const std::string& label = ui.t(item.label);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float h = check_row_height(ui, label, width);
    if (check_row(ui, std::string(prefix) + std::string(item.key), label, item.key == on, true, at,
                  width)) {
      tapped_key = std::string(item.key);
    }
    move_to(at.x, at.y + h + ui.px(0.4f));
  }
  const float x = ImGui::GetCursorScreenPos().x;
  ImGui::Dummy(ImVec2(width, 1));
  move_to(x, ImGui::GetCursorScreenPos().y);
  return tapped_key;
}

std::string_view hours_key(kiosk::HoursWanted h) {
  return h == kiosk::HoursWanted::FullTime   ? "full_time"
         : h == kiosk::HoursWanted::PartTime ? "part_time"
                                             : "";
}

}  // namespace

void MatchScreen::on_open(const kiosk::Route& route, bool returning) {
  step_ = kSkills;
  for (std::size_t i = 0; i < kTopics.size(); ++i) {
    if (route.topic == kTopics[i]) step_ = static_cast<Step>(i);
  }
  if (!returning) scroll_[step_].reset();
}

void MatchScreen::reset() {
  step_ = kSkills;
  profile_.clear();
  hours_choice_.clear();
  paid_choice_.clear();
  for (auto& s : scroll_) s.reset();
  asked_.clear();
  waiting_ = false;
  results_.clear();
  reasons_.clear();
  gaps_.clear();
  sentences_language_.clear();
  ++generation_;  // an answer still on its way is for a resident who has gone
}

void MatchScreen::clear_step() {
  switch (step_) {
    case kSkills:
      profile_.skills.clear();
      break;
    case kFields:
      profile_.industries.clear();
      break;
    case kEducation:
      profile_.education.clear();
      break;
    case kHours:
      profile_.hours = kiosk::HoursWanted::Any;
      hours_choice_.clear();
      break;
    case kPaid:
      profile_.paid_training = false;
      paid_choice_.clear();
      break;
    case kResults:
      break;
  }
}

void MatchScreen::draw_content(Ui& ui, ImVec2 pos, ImVec2 size) {
  const Palette& p = ui.palette;
  const float indicator = ui.px(em::kScrollIndicatorWidth + 1.0f);
  const float width = std::min(size.x - indicator, ui.px(kColumnWidth));
  const float left = pos.x + (size.x - indicator - width) / 2;
  float top = pos.y;
  const bool question = step_ != kResults;
  if (question) {
    // Where the resident is: "Question 2 of 5", and a bar that fills.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const std::string progress =
        ui.tr.format("match.progress"_msg,
                     {{"step", std::int64_t{step_ + 1}}, {"total", std::int64_t{kQuestions}}});
    ImFont* font = ui.fonts.body_bold;
    draw->AddText(font, font->FontSize, ImVec2(left, top), p.text_muted.packed(), progress.data(),
                  progress.data() + progress.size());
    record(ui, "match.progress", kiosk::Role::Text, ImVec2(left, top),
           ImVec2(left + width, top + font->FontSize), progress);
    top += font->FontSize * 1.3f;
    const float bar = ui.px(0.35f);
    const float filled = width * static_cast<float>(step_ + 1) / kQuestions;
    draw->AddRectFilled(ImVec2(left, top), ImVec2(left + width, top + bar), p.border.packed(), bar);
    draw->AddRectFilled(ImVec2(left, top), ImVec2(left + filled, top + bar), p.primary.packed(),
                        bar);
    top += bar + ui.px(em::kParagraphGap);
  }
  const float buttons_h = question ? ui.px(em::kButtonHeight) + ui.px(em::kGap) * 0.5f : 0.0f;
  const ImVec2 area_pos(pos.x, top);
  const ImVec2 area_size(size.x - indicator, std::max(0.0f, pos.y + size.y - buttons_h - top));
  ScrollArea& scroll = scroll_[step_];
  scroll.begin(ui, "match.scroll", area_pos, area_size);
  move_to(left, ImGui::GetCursorScreenPos().y);
  if (question) {
    draw_question(ui, width);
  } else {
    draw_results(ui, width);
  }
  vertical_gap(ui, em::kSectionGap);
  scroll.end(ui);
  if (question) draw_buttons(ui, ImVec2(left, pos.y + size.y - ui.px(em::kButtonHeight)), width);
}

void MatchScreen::draw_question(Ui& ui, float width) {
  const StepWords& words = kStepWords.at(step_);
  paragraph(ui, ui.t(words.title), ui.fonts.heading, ui.palette.text, width, kiosk::Role::Heading);
  vertical_gap(ui, 0.3f);
  paragraph(ui, ui.t(words.hint), ui.fonts.body, ui.palette.text_muted, width);
  vertical_gap(ui, em::kParagraphGap);
  switch (step_) {
    case kSkills:
      draw_skills(ui, width);
      break;
    case kFields:
      draw_fields(ui, width);
      break;
    case kEducation: {
      const std::string key =
          radio_rows(ui, "match.education.", kiosk::kEducationLevels, profile_.education, width);
      if (!key.empty()) profile_.education = key;
      break;
    }
    case kHours: {
      const std::string key = radio_rows(ui, "match.hours.", kHoursOptions, hours_choice_, width);
      if (!key.empty()) {
        hours_choice_ = key;
        profile_.hours = key == "full_time"   ? kiosk::HoursWanted::FullTime
                         : key == "part_time" ? kiosk::HoursWanted::PartTime
                                              : kiosk::HoursWanted::Any;
      }
      break;
    }
    case kPaid: {
      const std::string key = radio_rows(ui, "match.paid.", kPaidOptions, paid_choice_, width);
      if (!key.empty()) {
        paid_choice_ = key;
        profile_.paid_training = key == "yes";
      }
      break;
    }
    case kResults:
      break;
  }
}

void MatchScreen::draw_skills(Ui& ui, float width) {
  for (const kiosk::SkillGroupRow& group : kiosk::kSkillGroups) {
    std::vector<const kiosk::Skill*> in_group;
    for (const kiosk::Skill& s : kiosk::skills()) {
      if (s.group == group.group) in_group.push_back(&s);
    }
    struct Item {
      std::string_view key;
      kiosk::MsgKey label;
    };
    std::vector<Item> items;
    for (const auto* s : in_group) items.push_back({s->key, s->label});
    paragraph(ui, ui.t(group.label), ui.fonts.body_bold, ui.palette.text, width,
              kiosk::Role::Heading);
    vertical_gap(ui, 0.3f);
    const std::string tapped_key = chip_flow(ui, "match.skill.", items, width, [&](auto key) {
      return kiosk::contains(profile_.skills, key);
    });
    if (!tapped_key.empty()) kiosk::toggle(profile_.skills, tapped_key);
    vertical_gap(ui, em::kParagraphGap);
  }
}

void MatchScreen::draw_fields(Ui& ui, float width) {
  const std::string tapped_key =
      chip_flow(ui, "match.field.", kiosk::kSignupIndustries, width,
                [&](auto key) { return kiosk::contains(profile_.industries, key); });
  if (!tapped_key.empty()) kiosk::toggle(profile_.industries, tapped_key);
}

void MatchScreen::draw_buttons(Ui& ui, ImVec2 pos, float width) {
  const float bh = ui.px(em::kButtonHeight);
  const float gap = ui.px(em::kGap);
  const std::string& next_label = ui.t(step_ == kPaid ? "match.see"_msg : "match.next"_msg);
  const float nw = std::min(
      width / 2 - gap / 2,
      std::max(ui.px(em::kNavButtonWidth), button_width(ui, next_label, true) + ui.px(1.0f)));
  const float right = pos.x + width;
  const auto go_on = [&] {
    ui.intents.push_back(kiosk::Intent::open(
        kiosk::Route{std::string(name()), {}, std::string(kTopics.at(step_ + 1))}));
  };
  if (button(ui, "match.next", next_label, ImVec2(right - nw, pos.y), ImVec2(nw, bh),
             ButtonKind::Primary, Icon::Next)) {
    go_on();
  }
  // Skip only while the question has no answer: it would throw one away.
  const bool answered = (step_ == kSkills && !profile_.skills.empty()) ||
                        (step_ == kFields && !profile_.industries.empty()) ||
                        (step_ == kEducation && !profile_.education.empty()) ||
                        (step_ == kHours && !hours_choice_.empty()) ||
                        (step_ == kPaid && !paid_choice_.empty());
  if (answered) return;
  const std::string& skip = ui.t("match.skip"_msg);
  const float kw =
      std::min(width / 2 - gap / 2,
               std::max(ui.px(em::kNavButtonWidth), button_width(ui, skip, false) + ui.px(1.0f)));
  if (button(ui, "match.skip", skip, ImVec2(right - nw - gap - kw, pos.y), ImVec2(kw, bh),
             ButtonKind::Outline)) {
    clear_step();
    go_on();
  }
}

void MatchScreen::ask(Ui& ui) {
  std::string signature;
  for (const auto& k : profile_.skills) signature += k + ",";
  signature += "|";
  for (const auto& k : profile_.industries) signature += k + ",";
  signature += "|" + profile_.education + "|" + std::string(hours_key(profile_.hours)) + "|" +
               (profile_.paid_training ? "paid" : "") + "|" +
               std::to_string(ui.listings.updated.value_or(0)) + "|" +
               std::to_string(ui.listings.jobs) + "|" + std::to_string(ui.listings.programs);
  if (signature == asked_) return;
  asked_ = signature;
  waiting_ = true;
  results_.clear();
  sentences_language_.clear();
  const std::uint64_t generation = ++generation_;
  reader_.match(profile_, ui.now, kShown,
                [this, generation](std::vector<kiosk::MatchResult> found) {
                  if (generation != generation_) return;
                  results_ = std::move(found);
                  sentences_language_.clear();
                  waiting_ = false;
                });
}

const std::vector<std::string>& MatchScreen::sentences(Ui& ui, std::size_t index, bool gaps) {
  const std::string language(kiosk::language_code(ui.tr.language()));
  if (language != sentences_language_) {
    sentences_language_ = language;
    reasons_.assign(results_.size(), {});
    gaps_.assign(results_.size(), {});
    for (std::size_t i = 0; i < results_.size(); ++i) {
      for (const auto& n : results_[i].reasons) reasons_[i].push_back(kiosk::describe(ui.tr, n));
      for (const auto& n : results_[i].gaps) gaps_[i].push_back(kiosk::describe(ui.tr, n));
    }
  }
  return gaps ? gaps_.at(index) : reasons_.at(index);
}

void MatchScreen::draw_results(Ui& ui, float width) {
  const Palette& p = ui.palette;
  paragraph(ui, ui.t("match.results.title"_msg), ui.fonts.heading, p.text, width,
            kiosk::Role::Heading);
  vertical_gap(ui, 0.3f);
  paragraph(ui, ui.t("match.results.note"_msg), ui.fonts.body, p.text_muted, width);
  vertical_gap(ui, em::kParagraphGap);
  {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const std::string& change = ui.t("match.change"_msg);
    const ImVec2 bs = fitted_button_size(ui, change, width);
    if (button(ui, "match.change", change, at, bs, ButtonKind::Outline, Icon::Previous)) {
      scroll_[kSkills].reset();  // the first question from its top, answers kept
      ui.intents.push_back(kiosk::Intent::open(kiosk::Route{std::string(name()), {}, ""}));
    }
    move_to(at.x, at.y + bs.y);
    vertical_gap(ui, em::kParagraphGap);
  }
  const bool nothing_asked = profile_.skills.empty() && profile_.industries.empty();
  if (!nothing_asked) ask(ui);
  if (waiting_ && !nothing_asked) {
    ui.busy = true;  // the answer wakes the UI through the run queue
    paragraph(ui, ui.t("match.results.waiting"_msg), ui.fonts.body, p.text, width);
    return;
  }
  if (nothing_asked || results_.empty()) {
    paragraph(ui, ui.t(nothing_asked ? "match.results.empty"_msg : "match.results.none"_msg),
              ui.fonts.body, p.text, width);
    vertical_gap(ui, em::kParagraphGap);
  }
  // Two columns of cards on a wide screen (read across, then down), one otherwise; the cards of
  // a row as tall as the tallest.
  const float gap = ui.px(em::kGap) * 0.6f;
  const int columns = width >= ui.px(em::kTwoPaneMinWidth) ? 2 : 1;
  const float card_w =
      (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  float y = origin.y;
  for (std::size_t i = 0; i < results_.size() && !nothing_asked;
       i += static_cast<std::size_t>(columns)) {
    const std::size_t end = std::min(results_.size(), i + static_cast<std::size_t>(columns));
    std::vector<CardText> row;
    float row_h = 0;
    for (std::size_t k = i; k < end; ++k) {
      row.push_back(card_text(ui, k, card_w));
      row_h = std::max(row_h, row.back().height);
    }
    for (std::size_t k = i; k < end; ++k) {
      const ImVec2 at(origin.x + static_cast<float>(k - i) * (card_w + gap), y);
      if (draw_card(ui, k, row[k - i], at, ImVec2(card_w, row_h))) {
        const kiosk::MatchResult& r = results_[k];
        ui.intents.push_back(kiosk::Intent::open_listing(detail_screen_for(r.kind),
                                                         kiosk::ListingRef{r.kind, r.key, {}}));
      }
    }
    y += row_h + gap;
  }
  move_to(origin.x, y);
  ImGui::Dummy(ImVec2(width, 1));
  move_to(origin.x, ImGui::GetCursorScreenPos().y);
}

MatchScreen::CardText MatchScreen::card_text(Ui& ui, std::size_t index, float width) {
  const kiosk::MatchResult& r = results_[index];
  ImFont* title_font = ui.fonts.label;
  ImFont* body = ui.fonts.body;
  const float pad = ui.px(em::kCardPadding);
  const float icon = ui.px(em::kSmallIconSize);
  const float text_w = width - 2 * pad - icon - pad;
  const float note_w = text_w - icon - ui.px(0.4f);
  CardText c;
  c.tag = ui.t(r.kind == kiosk::ListingKind::Job ? "match.kind.job"_msg : "match.kind.program"_msg);
  c.title = r.title.in(ui.tr.language() == kiosk::Language::Es);
  c.reasons = &sentences(ui, index, false);
  c.gaps = &sentences(ui, index, true);
  const int title_lines = count_lines(title_font, c.title, text_w, 2);
  c.height = pad * 2 + ui.fonts.body_bold->FontSize * kLine +
             static_cast<float>(title_lines) * title_font->FontSize * kLine +
             body->FontSize * kLine + ui.px(0.3f);
  for (const auto* list : {c.reasons, c.gaps}) {
    for (const auto& line : *list) c.height += wrapped_height(body, line, note_w) + ui.px(0.25f);
  }
  return c;
}

bool MatchScreen::draw_card(Ui& ui, std::size_t index, const CardText& c, ImVec2 pos, ImVec2 size) {
  const kiosk::MatchResult& r = results_[index];
  const Palette& p = ui.palette;
  ImFont* tag_font = ui.fonts.body_bold;
  ImFont* title_font = ui.fonts.label;
  ImFont* body = ui.fonts.body;
  const float pad = ui.px(em::kCardPadding);
  const float icon = ui.px(em::kSmallIconSize);
  const float width = size.x;
  const float h = size.y;
  const float text_w = width - 2 * pad - icon - pad;
  const float note_w = text_w - icon - ui.px(0.4f);
  const std::string& tag = c.tag;
  const std::string& title = c.title;
  const std::vector<std::string>& reasons = *c.reasons;
  const std::vector<std::string>& gaps = *c.gaps;
  const float line = kLine;
  const ImVec2 max(pos.x + width, pos.y + h);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const std::string id = "match.result." + std::to_string(index);
  std::string spoken = tag + ". " + title + ". " + r.org + ".";
  for (const bool is_gap : {false, true}) {
    for (const auto& s : is_gap ? gaps : reasons) spoken += " " + s + ".";
  }
  if (max.y < draw->GetClipRectMin().y || pos.y > draw->GetClipRectMax().y) {
    if (ui.record_hidden) record(ui, id, kiosk::Role::Button, pos, max, spoken);  // speech mode
    return false;
  }
  const Press press = press_area(id, pos, ImVec2(width, h));
  const bool held = press.held && !dragging(ui);
  const float rounding = ui.px(em::kCornerRadius);
  if (held) draw->AddRectFilled(pos, max, p.surface_pressed.packed(), rounding);
  draw->AddRect(pos, max, p.border.packed(), rounding, 0,
                std::max(1.0f, ui.px(em::kBorderWidth) * 0.75f));
  const float x = pos.x + pad;
  float y = pos.y + pad;
  draw->AddText(tag_font, tag_font->FontSize, ImVec2(x, y), p.accent.packed(), tag.c_str());
  y += tag_font->FontSize * line;
  y += draw_text_lines(draw, title_font, title, ImVec2(x, y), text_w, 2, p.text.packed());
  draw_text_lines(draw, body, r.org, ImVec2(x, y), text_w, 1, p.text_muted.packed());
  y += body->FontSize * line + ui.px(0.3f);
  for (const bool is_gap : {false, true}) {
    for (const auto& s : is_gap ? gaps : reasons) {
      draw_icon(draw, is_gap ? Icon::Warning : Icon::Check,
                ImVec2(x + icon / 2, y + body->FontSize / 2), icon * 0.8f,
                (is_gap ? p.text : p.accent).packed(), p.background.packed());
      y += draw_wrapped(draw, body, ImVec2(x + icon + ui.px(0.4f), y), p.text.packed(), s, note_w) +
           ui.px(0.25f);
    }
  }
  draw_icon(draw, Icon::Next, ImVec2(max.x - pad - icon / 2, pos.y + h / 2), icon,
            p.primary.packed(), p.surface.packed());
  record(ui, id, kiosk::Role::Button, pos, max, spoken);
  return tapped(ui, id, press.clicked);
}

}  // namespace ui

#include "ui/screens/job_detail_screen.h"

#include <algorithm>

#include "kiosk/i18n/format.h"
#include "kiosk/print/job_printout.h"
#include "kiosk/print/print_service.h"

namespace ui {

using namespace kiosk::literals;

namespace {

ImU32 col(Color c) {
  return c.packed();
}

// A label and its value on one row: the label in bold, the value wrapped beside it.
void fact_row(Ui& ui, std::string_view label, std::string_view value, float width) {
  if (value.empty()) return;
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImFont* bold = ui.fonts.body_bold;
  ImFont* body = ui.fonts.body;
  const float label_w = std::min(width * 0.35f, ui.px(8.0f));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float lh =
      draw_wrapped(draw, bold, pos, col(ui.palette.text_muted), label, label_w - ui.px(0.5f));
  const float vh = draw_wrapped(draw, body, ImVec2(pos.x + label_w, pos.y), col(ui.palette.text),
                                value, width - label_w);
  const float h = std::max(lh, vh);
  std::string spoken(label);
  spoken += ": ";
  spoken += value;
  record(ui, {}, kiosk::Role::Text, pos, ImVec2(pos.x + width, pos.y + h), spoken);
  ImGui::Dummy(ImVec2(width, h));
  ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h + ui.px(0.4f)));
}

}  // namespace

void JobDetailScreen::on_open() {
  scroll_.reset();
  print_state_ = PrintState::Idle;
}

void JobDetailScreen::reset() {
  forget(0);
  ++generation_;  // answers still on their way are for a resident who has gone
}

void JobDetailScreen::forget(std::int64_t key) {
  loaded_key_ = key;
  loading_ = false;
  missing_ = false;
  job_.reset();
  qr_.reset();
  similar_.clear();
  print_state_ = PrintState::Idle;
  scroll_.reset();
}

void JobDetailScreen::load(std::int64_t key) {
  forget(key);
  loading_ = true;
  const std::uint64_t generation = ++generation_;
  reader_.job(key, [this, generation](std::optional<kiosk::Job> job) {
    if (generation != generation_) return;
    loading_ = false;
    if (!job) {
      missing_ = true;
      return;
    }
    job_ = std::move(job);
    if (!job_->apply_url.empty()) qr_ = kiosk::QrCode::encode(job_->apply_url);
    similar_language_ = kiosk::Language::En;
  });
}

void JobDetailScreen::open_key(Ui& ui, std::int64_t key, std::optional<std::size_t> index) {
  search_.open_key = key;
  search_.open_index = index;
  (void)ui;
}

void JobDetailScreen::draw_content(Ui& ui, ImVec2 pos, ImVec2 size) {
  if (search_.open_key != loaded_key_) load(search_.open_key);
  if (job_ && (similar_.empty() || similar_language_ != ui.tr.language()) && !loading_) {
    // "More like this": jobs sharing words with the title, in the same industry when known.
    similar_language_ = ui.tr.language();
    kiosk::SearchQuery q;
    q.kind = kiosk::ListingKind::Job;
    q.text = job_->title.in(ui.tr.language() == kiosk::Language::Es);
    q.any_word = true;
    q.exclude_key = loaded_key_;
    q.language = ui.tr.language();
    q.limit = 3;
    q.now = ui.now;
    if (job_->industry != kiosk::Industry::Unknown && job_->industry != kiosk::Industry::Other) {
      q.industry = job_->industry;
    }
    const std::uint64_t generation = generation_;
    loading_ = true;
    reader_.search(q, "similar", [this, generation](kiosk::SearchResult r) {
      if (generation != generation_) return;
      loading_ = false;
      similar_ = std::move(r.hits);
      if (similar_.empty()) similar_.push_back({});  // asked and answered: none
    });
  }
  if (loading_ || print_state_ == PrintState::Sending) ui.busy = true;

  float y = pos.y + draw_step_row(ui, pos, size.x);
  const ImVec2 body_pos(pos.x, y);
  const ImVec2 body_size(size.x, std::max(0.0f, pos.y + size.y - y));
  if (!job_) {
    ImGui::SetCursorScreenPos(body_pos);
    if (missing_) {
      paragraph(ui, ui.t("jobs.detail.missing"_msg), ui.fonts.label, ui.palette.text, body_size.x,
                kiosk::Role::Heading);
    } else {
      paragraph(ui, ui.t("jobs.detail.loading"_msg), ui.fonts.body, ui.palette.text_muted,
                body_size.x);
    }
    return;
  }
  const float indicator = ui.px(em::kScrollIndicatorWidth + 1.0f);
  compact_ = size.x < ui.px(em::kTwoPaneMinWidth);
  if (!compact_) {
    const float side = ui.px(em::kSidePanelWidth);
    const float gap = ui.px(em::kGap) * 1.5f;
    const ImVec2 text_size(body_size.x - side - gap - indicator, body_size.y);
    scroll_.begin(ui, "jobs.detail.scroll", body_pos, text_size);
    draw_text_column(ui, std::min(text_size.x, ui.px(em::kMaxTextWidth)));
    scroll_.end(ui);
    draw_take_away(ui, ImVec2(body_pos.x + body_size.x - side, body_pos.y), side, body_size.y,
                   false);
  } else {
    scroll_.begin(ui, "jobs.detail.scroll", body_pos, ImVec2(body_size.x - indicator, body_size.y));
    draw_text_column(ui, body_size.x - indicator);
    scroll_.end(ui);
  }
}

float JobDetailScreen::draw_step_row(Ui& ui, ImVec2 pos, float width) {
  const float h = ui.px(em::kMinTouchTarget) * 1.25f;
  // My list on the right, always; Previous / "Job 3 of 45" / Next when opened from results.
  const std::string list_label =
      ui.tr.format("jobs.mylist"_msg, {{"count", static_cast<std::int64_t>(saved_.size())}});
  const auto& hits = search_.results.hits;
  const bool stepping = search_.open_index && *search_.open_index < hits.size();
  const std::string& prev = ui.t("jobs.detail.prev"_msg);
  const std::string& next = ui.t("jobs.detail.next"_msg);
  const float gap = ui.px(em::kGap);
  if (stepping && button_width(ui, prev, true) + button_width(ui, next, true) +
                          button_width(ui, list_label, true) + ui.px(8.0f) + 3 * gap >
                      width) {
    return draw_narrow_step_row(ui, pos, width, list_label);
  }
  const float lw = std::min(width / 3, chip_width(ui, list_label) + ui.px(1.5f));
  if (button(ui, "jobs.detail.mylist", list_label, ImVec2(pos.x + width - lw, pos.y), ImVec2(lw, h),
             ButtonKind::Outline, Icon::Bookmark)) {
    ui.intents.push_back(kiosk::Intent::open(kiosk::ScreenId::MyList));
  }
  width -= lw + ui.px(em::kGap) * 1.5f;
  if (stepping) {
    const std::size_t i = *search_.open_index;
    const float bw = std::min(width / 3, chip_width(ui, prev) + ui.px(1.5f));
    const float nw = std::min(width / 3, chip_width(ui, next) + ui.px(1.5f));
    if (i > 0 && button(ui, "jobs.detail.prev", prev, pos, ImVec2(bw, h), ButtonKind::Outline,
                        Icon::Previous)) {
      open_key(ui, hits[i - 1].key, i - 1);
    }
    if (i + 1 < hits.size() &&
        button(ui, "jobs.detail.next", next, ImVec2(pos.x + width - nw, pos.y), ImVec2(nw, h),
               ButtonKind::Outline, Icon::Next)) {
      open_key(ui, hits[i + 1].key, i + 1);
    }
    const std::string where =
        ui.tr.format("jobs.detail.position"_msg,
                     {{"n", static_cast<std::int64_t>(i + 1)}, {"total", search_.results.total}});
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw_centered_text(draw, ui.fonts.body, where, ImVec2(pos.x + bw, pos.y),
                       ImVec2(pos.x + width - nw, pos.y + h),
                       pos.y + (h - ui.fonts.body->FontSize) / 2, col(ui.palette.text_muted));
    record(ui, "jobs.detail.position", kiosk::Role::Text, ImVec2(pos.x + bw, pos.y),
           ImVec2(pos.x + width - nw, pos.y + h), where);
  }
  return h + ui.px(em::kParagraphGap);
}

// A narrow screen: Previous, Next and My list share a row in three equal buttons (their labels
// may take two lines), and "Job 3 of 45" goes under them.
float JobDetailScreen::draw_narrow_step_row(Ui& ui, ImVec2 pos, float width,
                                            const std::string& list_label) {
  const float h = ui.px(em::kButtonHeight);
  const float gap = ui.px(em::kGap) * 0.5f;
  const float w = (width - 2 * gap) / 3;
  const auto& hits = search_.results.hits;
  const std::size_t i = *search_.open_index;
  if (i > 0 && button(ui, "jobs.detail.prev", ui.t("jobs.detail.prev"_msg), pos, ImVec2(w, h),
                      ButtonKind::Outline, Icon::Previous)) {
    open_key(ui, hits[i - 1].key, i - 1);
  }
  if (i + 1 < hits.size() &&
      button(ui, "jobs.detail.next", ui.t("jobs.detail.next"_msg), ImVec2(pos.x + w + gap, pos.y),
             ImVec2(w, h), ButtonKind::Outline, Icon::Next)) {
    open_key(ui, hits[i + 1].key, i + 1);
  }
  if (button(ui, "jobs.detail.mylist", list_label, ImVec2(pos.x + 2 * (w + gap), pos.y),
             ImVec2(w, h), ButtonKind::Outline, Icon::Bookmark)) {
    ui.intents.push_back(kiosk::Intent::open(kiosk::ScreenId::MyList));
  }
  const std::string where =
      ui.tr.format("jobs.detail.position"_msg,
                   {{"n", static_cast<std::int64_t>(i + 1)}, {"total", search_.results.total}});
  const float y = pos.y + h + ui.px(0.25f);
  const float th = draw_centered_text(ImGui::GetWindowDrawList(), ui.fonts.body, where, pos,
                                      ImVec2(pos.x + width, y), y, col(ui.palette.text_muted));
  record(ui, "jobs.detail.position", kiosk::Role::Text, ImVec2(pos.x, y),
         ImVec2(pos.x + width, y + th), where);
  return h + ui.px(0.25f) + th + ui.px(em::kParagraphGap) * 0.5f;
}

void JobDetailScreen::draw_text_column(Ui& ui, float width) {
  const kiosk::Job& job = *job_;
  const bool spanish = ui.tr.language() == kiosk::Language::Es;
  const Palette& p = ui.palette;
  paragraph(ui, job.title.in(spanish), ui.fonts.heading, p.text, width, kiosk::Role::Heading);
  vertical_gap(ui, 0.25f);
  paragraph(ui, job.employer, ui.fonts.label, p.text_muted, width);
  vertical_gap(ui, em::kParagraphGap);
  if (compact_) {
    // Narrow: Save and the QR right under the title, in view without scrolling.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    draw_take_away(ui, at, width, 0, true);
    vertical_gap(ui, em::kParagraphGap);
  }

  const std::string pay = kiosk::format_pay(ui.tr, job.pay);
  fact_row(ui, ui.t("jobs.detail.pay"_msg), pay.empty() ? ui.t("jobs.pay.unknown"_msg) : pay,
           width);
  fact_row(ui, ui.t("jobs.detail.type"_msg), kiosk::format_job_types(ui.tr, job.employment_types),
           width);
  std::string where;
  for (const auto& place : job.locations) {
    std::string line = kiosk::place_line(place);
    if (!place.street.empty()) line.insert(0, place.street + ", ");
    if (line.empty()) continue;
    if (!where.empty()) where += "; ";
    where += line;
  }
  fact_row(ui, ui.t("jobs.detail.place"_msg), where, width);
  if (job.workplace == kiosk::Workplace::Remote || job.workplace == kiosk::Workplace::Hybrid) {
    fact_row(ui, ui.t("jobs.detail.workplace"_msg), kiosk::workplace_name(ui.tr, job.workplace),
             width);
  }
  if (job.posted) {
    fact_row(ui, ui.t("jobs.detail.posted"_msg), kiosk::format_posted(ui.tr, *job.posted, ui.now),
             width);
  }
  if (job.sample) {
    vertical_gap(ui, 0.25f);
    paragraph(ui, ui.t("jobs.sample_note"_msg), ui.fonts.body, p.text_muted, width);
  }

  vertical_gap(ui, em::kSectionGap * 0.75f);
  const kiosk::RichText& text =
      spanish && !job.description.es.empty() ? job.description.es : job.description.en;
  for (const auto& block : text) {
    switch (block.type) {
      case kiosk::TextBlock::Type::Heading:
        vertical_gap(ui, em::kParagraphGap * 0.5f);
        for (const auto& line : block.lines) {
          paragraph(ui, line, ui.fonts.label, p.text, width, kiosk::Role::Heading);
        }
        break;
      case kiosk::TextBlock::Type::Paragraph:
        for (const auto& line : block.lines) paragraph(ui, line, ui.fonts.body, p.text, width);
        break;
      case kiosk::TextBlock::Type::Bullets:
        for (const auto& line : block.lines) {
          bullet(ui, line, width);
          vertical_gap(ui, 0.2f);
        }
        break;
    }
    vertical_gap(ui, em::kParagraphGap * 0.75f);
  }

  std::vector<std::string> asks;
  if (kiosk::no_education_required(job.education)) {
    asks.push_back(ui.t("jobs.detail.no_education"_msg));
  } else if (!job.education.empty()) {
    asks.push_back(job.education.in(spanish));
  }
  if (job.experience_months) {
    asks.push_back(ui.tr.format("jobs.detail.experience"_msg,
                                {{"months", static_cast<std::int64_t>(*job.experience_months)}}));
  }
  if (job.no_degree && !kiosk::no_education_required(job.education)) {
    asks.push_back(ui.t("jobs.detail.no_degree"_msg));
  }
  const auto& skill_list = spanish && !job.skills_es.empty() ? job.skills_es : job.skills;
  if (!skill_list.empty()) {
    std::string skills;
    for (const auto& s : skill_list) skills += (skills.empty() ? "" : ", ") + s;
    asks.push_back(ui.tr.format("jobs.detail.skills"_msg, {{"skills", skills}}));
  }
  if (!asks.empty()) {
    vertical_gap(ui, em::kParagraphGap * 0.5f);
    paragraph(ui, ui.t("jobs.detail.asks"_msg), ui.fonts.label, p.text, width,
              kiosk::Role::Heading);
    vertical_gap(ui, em::kParagraphGap * 0.5f);
    for (const auto& a : asks) {
      bullet(ui, a, width);
      vertical_gap(ui, 0.2f);
    }
  }

  vertical_gap(ui, em::kSectionGap * 0.75f);
  paragraph(ui, ui.t("jobs.detail.apply_online"_msg), ui.fonts.label, p.text, width,
            kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap * 0.5f);
  paragraph(ui,
            job.apply_url.empty() ? ui.t("jobs.detail.no_link"_msg)
                                  : ui.tr.format("jobs.detail.apply_text"_msg,
                                                 {{"link", kiosk::short_link(job.apply_url)}}),
            ui.fonts.body, p.text, width);
  draw_similar(ui, width);
  vertical_gap(ui, em::kSectionGap);
}

void JobDetailScreen::draw_take_away(Ui& ui, ImVec2 pos, float width, float height, bool compact) {
  const Palette& p = ui.palette;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  float y = pos.y;
  const kiosk::Job& job = *job_;
  // The QR as big as the panel allows once the heading, link, hint and buttons have their room.
  const bool can_print = ui.printer != nullptr && ui.printer->available();
  ImFont* small = ui.fonts.body;  // the link and the hint are read: body size, never smaller
  const float line = small->FontSize * 1.2f;
  const float others = ui.fonts.label->FontSize * 1.3f + ui.px(0.25f) + line + ui.px(0.25f) +
                       2 * line + ui.px(em::kParagraphGap) + ui.px(em::kButtonHeight) +
                       ui.px(0.6f) +
                       (can_print ? ui.px(em::kButtonHeight) + ui.px(0.3f) + 2 * line : 0.0f);
  const float side = compact ? std::min(width, ui.px(em::kQrSide))
                             : std::clamp(height - others, ui.px(em::kQrSide * 0.6f),
                                          std::min(width, ui.px(em::kQrSide)));
  // In a narrow layout the QR sits left and the buttons beside it; in the side panel, stacked.
  const bool beside = compact && width >= side + ui.px(12.0f);
  const std::string& heading = ui.t("jobs.detail.take_away"_msg);
  ImFont* hf = ui.fonts.label;
  draw->AddText(hf, hf->FontSize, ImVec2(pos.x, y), col(p.text), heading.c_str());
  record(ui, {}, kiosk::Role::Heading, ImVec2(pos.x, y), ImVec2(pos.x + width, y + hf->FontSize),
         heading);
  y += hf->FontSize * 1.3f;
  // Narrow and too tall for the buttons beside the QR: the buttons first, where the resident
  // sees them without scrolling past the code.
  const bool buttons_first = compact && !beside;
  const float buttons_top = y;
  if (buttons_first) {
    y += ui.px(em::kButtonHeight) + ui.px(em::kParagraphGap) +
         (can_print ? ui.px(em::kButtonHeight) + ui.px(0.3f) + 2 * line : 0.0f);
  }
  if (qr_) {
    qr_image(ui, "jobs.detail.qr", *qr_, ImVec2(pos.x, y), side, job.apply_url);
    y += side + ui.px(0.25f);
    const std::string link = kiosk::short_link(job.apply_url);
    // The link and the hint use the panel's width (the column under the QR when compact).
    const float tw = compact ? side : width;
    const float lh = draw_wrapped(draw, small, ImVec2(pos.x, y), col(p.text), link, tw);
    record(ui, "jobs.detail.link", kiosk::Role::Text, ImVec2(pos.x, y), ImVec2(pos.x + tw, y + lh),
           link);
    y += lh + ui.px(0.25f);
    const std::string& hint = ui.t("jobs.detail.qr_hint"_msg);
    const float hh = draw_wrapped(draw, small, ImVec2(pos.x, y), col(p.text_muted), hint, tw);
    record(ui, {}, kiosk::Role::Text, ImVec2(pos.x, y), ImVec2(pos.x + tw, y + hh), hint);
    y += hh + ui.px(em::kParagraphGap);
  } else {
    const std::string& none = ui.t("jobs.detail.no_link"_msg);
    y += draw_wrapped(draw, ui.fonts.body, ImVec2(pos.x, y), col(p.text_muted), none, width) +
         ui.px(em::kParagraphGap);
  }
  const float qr_bottom = y;

  float bx = pos.x;
  float by = buttons_first ? buttons_top : y;
  float bw = width;
  if (beside) {
    bx = pos.x + side + ui.px(em::kGap);
    by = pos.y + hf->FontSize * 1.3f;
    bw = width - side - ui.px(em::kGap);
  }
  const float bh = ui.px(em::kButtonHeight);
  const bool saved = saved_.contains(kiosk::ListingKind::Job, loaded_key_);
  if (button(ui, "jobs.detail.save", ui.t(saved ? "jobs.detail.saved"_msg : "jobs.detail.save"_msg),
             ImVec2(bx, by), ImVec2(bw, bh), saved ? ButtonKind::Outline : ButtonKind::Primary,
             saved ? Icon::Check : Icon::Bookmark)) {
    if (saved) {
      saved_.remove(kiosk::ListingKind::Job, loaded_key_);
    } else {
      saved_.add({kiosk::ListingKind::Job, loaded_key_, job.title, job.employer, job.apply_url});
    }
  }
  by += bh + ui.px(0.6f);
  if (can_print) {
    const bool busy = print_state_ == PrintState::Sending;
    if (button(ui, "jobs.detail.print",
               ui.t(busy ? "jobs.detail.printing"_msg : "jobs.detail.print"_msg), ImVec2(bx, by),
               ImVec2(bw, bh), ButtonKind::Outline, Icon::Printer) &&
        !busy) {
      print_state_ = PrintState::Sending;
      const std::uint64_t generation = generation_;
      ui.printer->print(kiosk::job_printout(job, ui.tr, ui.config, ui.now),
                        [this, generation](bool ok) {
                          if (generation != generation_) return;
                          print_state_ = ok ? PrintState::Sent : PrintState::Failed;
                        });
    }
    by += bh + ui.px(0.3f);
    if (print_state_ == PrintState::Sent || print_state_ == PrintState::Failed) {
      const std::string& msg =
          ui.t(print_state_ == PrintState::Sent ? "jobs.detail.printed"_msg
                                                : "jobs.detail.print_failed"_msg);
      const float mh = draw_wrapped(draw, small, ImVec2(bx, by), col(p.text), msg, bw);
      record(ui, "jobs.detail.print_status", kiosk::Role::Text, ImVec2(bx, by),
             ImVec2(bx + bw, by + mh), msg);
      by += mh;
    }
  }
  if (compact) {
    const float bottom = std::max(qr_bottom, by);
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(width, bottom - pos.y));
    ImGui::SetCursorScreenPos(ImVec2(pos.x, bottom));
  }
}

void JobDetailScreen::draw_similar(Ui& ui, float width) {
  if (similar_.empty() || similar_.front().key == 0) return;
  vertical_gap(ui, em::kSectionGap);
  paragraph(ui, ui.t("jobs.detail.similar"_msg), ui.fonts.label, ui.palette.text, width,
            kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap * 0.5f);
  for (std::size_t i = 0; i < similar_.size(); ++i) {
    const auto& hit = similar_[i];
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const std::string label = hit.title + " \u00b7 " + hit.org;
    const float h = ui.px(em::kButtonHeight);
    const std::string id = "jobs.detail.similar." + std::to_string(i);
    const auto [clicked, held] = press_area(id, at, ImVec2(width, h));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max(at.x + width, at.y + h);
    draw->AddRectFilled(at, max, col(held ? ui.palette.surface_pressed : ui.palette.surface),
                        ui.px(em::kCornerRadius));
    draw->AddRect(at, max, col(ui.palette.border), ui.px(em::kCornerRadius));
    const float pad = ui.px(em::kCardPadding);
    const float icon = ui.px(em::kSmallIconSize);
    draw_text_lines(draw, ui.fonts.body, label,
                    ImVec2(at.x + pad, at.y + (h - ui.fonts.body->FontSize) / 2),
                    width - 3 * pad - icon, 1, col(ui.palette.text));
    draw_icon(draw, Icon::Next, ImVec2(max.x - pad - icon / 2, at.y + h / 2), icon,
              col(ui.palette.primary), col(ui.palette.surface));
    record(ui, id, kiosk::Role::Button, at, max, label);
    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + h + ui.px(0.5f)));
    if (tapped(ui, id, clicked)) {
      open_key(ui, hit.key, std::nullopt);
    }
  }
}

}  // namespace ui

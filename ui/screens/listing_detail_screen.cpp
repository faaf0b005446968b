#include "ui/screens/listing_detail_screen.h"

#include <algorithm>
#include <chrono>

#include "kiosk/i18n/format.h"
#include "kiosk/print/print_service.h"
#include "kiosk/print/printout.h"
#include "kiosk/stats/usage.h"

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

// The page a resident takes home: the same facts, description and codes as the screen.
kiosk::Printout printout_of(const DetailView& view, Ui& ui) {
  kiosk::Printout p;
  p.header = ui.config.kiosk.name;
  if (!ui.config.kiosk.location.empty()) p.header += " \u00b7 " + ui.config.kiosk.location;
  p.title = view.title;
  p.subtitle = view.org;
  for (const auto& [label, value] : view.facts) p.facts.push_back({label, value});
  using Type = kiosk::Printout::Block::Type;
  for (const auto& block : view.description) {
    p.blocks.push_back({block.type == kiosk::TextBlock::Type::Heading   ? Type::Heading
                        : block.type == kiosk::TextBlock::Type::Bullets ? Type::Bullets
                                                                        : Type::Paragraph,
                        block.lines});
  }
  for (const auto& section : view.sections) {
    p.blocks.push_back({Type::Heading, {section.heading}});
    if (!section.paragraphs.empty()) p.blocks.push_back({Type::Paragraph, section.paragraphs});
    if (!section.bullets.empty()) p.blocks.push_back({Type::Bullets, section.bullets});
  }
  // An event's "Add to my calendar" first, then the listing's link (the label is the kind's own
  // heading: "Apply online", …).
  if (!view.calendar.empty()) {
    p.codes.push_back({ui.t("events.detail.calendar"_msg), view.calendar,
                       ui.t("events.print.calendar_caption"_msg)});
  }
  if (!view.link.empty()) p.codes.push_back({view.link_heading, view.link, view.link});
  p.footer =
      ui.tr.format("print.footer"_msg,
                   {{"when", std::chrono::system_clock::time_point(std::chrono::seconds(ui.now))}});
  if (view.sample) p.footer += " " + ui.t("jobs.sample_note"_msg);
  return p;
}

}  // namespace

void ListingDetailScreen::on_open(const kiosk::Route& route, bool /*returning*/) {
  scroll_.reset();
  print_state_ = PrintState::Idle;
  const kiosk::ListingRef wanted = route.listing.value_or(kiosk::ListingRef{spec_.kind, 0, {}});
  if (wanted.key != shown_.key || !listing_) load(wanted.key);
  shown_ = wanted;
}

void ListingDetailScreen::reset() {
  forget(0);
  shown_ = {};
  ++generation_;  // answers still on their way are for a resident who has gone
}

void ListingDetailScreen::forget(std::int64_t key) {
  shown_.key = key;
  loading_ = false;
  missing_ = false;
  listing_.reset();
  view_.reset();
  qr_.reset();
  qr_link_.clear();
  calendar_qr_.reset();
  calendar_text_.clear();
  similar_.clear();
  similar_asked_ = false;
  related_asked_ = false;
  related_.reset();
  print_state_ = PrintState::Idle;
  scroll_.reset();
}

void ListingDetailScreen::load(std::int64_t key) {
  forget(key);
  if (key == 0) return;
  loading_ = true;
  const std::uint64_t generation = ++generation_;
  reader_.listing(spec_.kind, key, [this, generation](std::optional<kiosk::Listing> listing) {
    if (generation != generation_) return;
    loading_ = false;
    if (!listing) {
      missing_ = true;
      return;
    }
    listing_ = std::move(listing);
  });
}

void ListingDetailScreen::step_to(Ui& ui, std::size_t index) {
  const auto& hits = search_.results.hits;
  if (index >= hits.size()) return;
  ui.intents.push_back(kiosk::Intent::replace(kiosk::Route{
      std::string(name()), kiosk::ListingRef{spec_.kind, hits[index].key, index}, {}}));
}

void ListingDetailScreen::draw_content(Ui& ui, ImVec2 pos, ImVec2 size) {
  if (listing_ && (!view_ || view_language_ != ui.tr.language())) {
    view_ = spec_.detail(ui, *listing_, shown_.key);  // read once per listing and language
    view_language_ = ui.tr.language();
  }
  const std::optional<DetailView>& view = view_;
  if (view && !view->link.empty() && view->link != qr_link_) {
    qr_link_ = view->link;
    qr_ = kiosk::QrCode::encode(qr_link_);
    if (ui.usage != nullptr && qr_) ui.usage->qr_shown();  // once per listing opened
  }
  if (view && view->calendar != calendar_text_) {
    calendar_text_ = view->calendar;
    calendar_qr_.reset();
    if (!calendar_text_.empty()) {
      calendar_qr_ = kiosk::QrCode::encode(calendar_text_, kiosk::QrCode::Level::Low);
      if (ui.usage != nullptr && calendar_qr_) ui.usage->qr_shown();
    }
  }
  if (view && !loading_ && !view->similar.text.empty() &&
      (!similar_asked_ || similar_language_ != ui.tr.language())) {
    // "More like this": listings sharing words with the title, in the same industry when known.
    similar_asked_ = true;
    similar_language_ = ui.tr.language();
    kiosk::SearchQuery q = view->similar;
    q.now = ui.now;
    const std::uint64_t generation = generation_;
    loading_ = true;
    reader_.search(q, spec_.id("similar"), [this, generation](kiosk::SearchResult r) {
      if (generation != generation_) return;
      loading_ = false;
      similar_ = std::move(r.hits);
    });
  }
  if (view && view->related && !related_asked_) {
    related_asked_ = true;
    const std::uint64_t generation = generation_;
    reader_.related(*view->related, [this, generation](kiosk::RelatedListings found) {
      if (generation != generation_) return;
      related_ = std::move(found);
    });
  }
  if (view && view->related && !related_) ui.busy = true;
  if (loading_ || print_state_ == PrintState::Sending) ui.busy = true;

  float y = pos.y + draw_step_row(ui, pos, size.x);
  const ImVec2 body_pos(pos.x, y);
  const ImVec2 body_size(size.x, std::max(0.0f, pos.y + size.y - y));
  if (!view) {
    ImGui::SetCursorScreenPos(body_pos);
    if (missing_) {
      paragraph(ui, ui.t(spec_.words.missing), ui.fonts.label, ui.palette.text, body_size.x,
                kiosk::Role::Heading);
    } else {
      paragraph(ui, ui.t(spec_.words.loading), ui.fonts.body, ui.palette.text_muted, body_size.x);
    }
    return;
  }
  const float indicator = ui.px(em::kScrollIndicatorWidth + 1.0f);
  compact_ = size.x < ui.px(em::kTwoPaneMinWidth);
  const std::string scroll_id = spec_.id("detail.scroll");
  if (!compact_) {
    const float side = ui.px(em::kSidePanelWidth);
    const float gap = ui.px(em::kGap) * 1.5f;
    const ImVec2 text_size(body_size.x - side - gap - indicator, body_size.y);
    scroll_.begin(ui, scroll_id, body_pos, text_size);
    draw_text_column(ui, *view, std::min(text_size.x, ui.px(em::kMaxTextWidth)));
    scroll_.end(ui);
    draw_take_away(ui, *view, ImVec2(body_pos.x + body_size.x - side, body_pos.y), side,
                   body_size.y, false);
  } else {
    scroll_.begin(ui, scroll_id, body_pos, ImVec2(body_size.x - indicator, body_size.y));
    draw_text_column(ui, *view, body_size.x - indicator);
    scroll_.end(ui);
  }
}

float ListingDetailScreen::draw_step_row(Ui& ui, ImVec2 pos, float width) {
  const float h = ui.px(em::kMinTouchTarget) * 1.25f;
  // My list on the right, always; Previous / "Job 3 of 45" / Next when opened from results.
  const std::string list_label =
      ui.tr.format("jobs.mylist"_msg, {{"count", static_cast<std::int64_t>(saved_.size())}});
  const auto& hits = search_.results.hits;
  // The list still holds this listing where the route says (a new search may have replaced it).
  const bool stepping =
      shown_.index && *shown_.index < hits.size() && hits[*shown_.index].key == shown_.key;
  const std::string& prev = ui.t("jobs.detail.prev"_msg);
  const std::string& next = ui.t("jobs.detail.next"_msg);
  const float gap = ui.px(em::kGap);
  if (stepping && button_width(ui, prev, true) + button_width(ui, next, true) +
                          button_width(ui, list_label, true) + ui.px(8.0f) + 3 * gap >
                      width) {
    return draw_narrow_step_row(ui, pos, width, list_label);
  }
  const float lw = std::min(width / 3, chip_width(ui, list_label) + ui.px(1.5f));
  if (button(ui, spec_.id("detail.mylist"), list_label, ImVec2(pos.x + width - lw, pos.y),
             ImVec2(lw, h), ButtonKind::Outline, Icon::Bookmark)) {
    ui.intents.push_back(kiosk::Intent::open("mylist"));
  }
  width -= lw + ui.px(em::kGap) * 1.5f;
  if (stepping) {
    const std::size_t i = *shown_.index;
    const float bw = std::min(width / 3, chip_width(ui, prev) + ui.px(1.5f));
    const float nw = std::min(width / 3, chip_width(ui, next) + ui.px(1.5f));
    if (i > 0 && button(ui, spec_.id("detail.prev"), prev, pos, ImVec2(bw, h), ButtonKind::Outline,
                        Icon::Previous)) {
      step_to(ui, i - 1);
    }
    if (i + 1 < hits.size() &&
        button(ui, spec_.id("detail.next"), next, ImVec2(pos.x + width - nw, pos.y), ImVec2(nw, h),
               ButtonKind::Outline, Icon::Next)) {
      step_to(ui, i + 1);
    }
    const std::string where =
        ui.tr.format(spec_.words.position,
                     {{"n", static_cast<std::int64_t>(i + 1)}, {"total", search_.results.total}});
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw_centered_text(draw, ui.fonts.body, where, ImVec2(pos.x + bw, pos.y),
                       ImVec2(pos.x + width - nw, pos.y + h),
                       pos.y + (h - ui.fonts.body->FontSize) / 2, col(ui.palette.text_muted));
    record(ui, spec_.id("detail.position"), kiosk::Role::Text, ImVec2(pos.x + bw, pos.y),
           ImVec2(pos.x + width - nw, pos.y + h), where);
  }
  return h + ui.px(em::kParagraphGap);
}

// A narrow screen: Previous, Next and My list share a row in three equal buttons (their labels
// may take two lines), and "Job 3 of 45" goes under them.
float ListingDetailScreen::draw_narrow_step_row(Ui& ui, ImVec2 pos, float width,
                                                const std::string& list_label) {
  const float h = ui.px(em::kButtonHeight);
  const float gap = ui.px(em::kGap) * 0.5f;
  const float w = (width - 2 * gap) / 3;
  const auto& hits = search_.results.hits;
  const std::size_t i = *shown_.index;
  if (i > 0 && button(ui, spec_.id("detail.prev"), ui.t("jobs.detail.prev"_msg), pos, ImVec2(w, h),
                      ButtonKind::Outline, Icon::Previous)) {
    step_to(ui, i - 1);
  }
  if (i + 1 < hits.size() &&
      button(ui, spec_.id("detail.next"), ui.t("jobs.detail.next"_msg),
             ImVec2(pos.x + w + gap, pos.y), ImVec2(w, h), ButtonKind::Outline, Icon::Next)) {
    step_to(ui, i + 1);
  }
  if (button(ui, spec_.id("detail.mylist"), list_label, ImVec2(pos.x + 2 * (w + gap), pos.y),
             ImVec2(w, h), ButtonKind::Outline, Icon::Bookmark)) {
    ui.intents.push_back(kiosk::Intent::open("mylist"));
  }
  const std::string where =
      ui.tr.format(spec_.words.position,
                   {{"n", static_cast<std::int64_t>(i + 1)}, {"total", search_.results.total}});
  const float y = pos.y + h + ui.px(0.25f);
  const float th = draw_centered_text(ImGui::GetWindowDrawList(), ui.fonts.body, where, pos,
                                      ImVec2(pos.x + width, y), y, col(ui.palette.text_muted));
  record(ui, spec_.id("detail.position"), kiosk::Role::Text, ImVec2(pos.x, y),
         ImVec2(pos.x + width, y + th), where);
  return h + ui.px(0.25f) + th + ui.px(em::kParagraphGap) * 0.5f;
}

void ListingDetailScreen::draw_text_column(Ui& ui, const DetailView& view, float width) {
  const Palette& p = ui.palette;
  paragraph(ui, view.title, ui.fonts.heading, p.text, width, kiosk::Role::Heading);
  vertical_gap(ui, 0.25f);
  paragraph(ui, view.org, ui.fonts.label, p.text_muted, width);
  vertical_gap(ui, em::kParagraphGap);
  if (compact_) {
    // Narrow: Save and the QR right under the title, in view without scrolling.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    draw_take_away(ui, view, at, width, 0, true);
    vertical_gap(ui, em::kParagraphGap);
  }
  draw_related(ui, view, width);
  for (const auto& [label, value] : view.facts) fact_row(ui, label, value, width);
  if (view.sample) {
    vertical_gap(ui, 0.25f);
    paragraph(ui, ui.t("jobs.sample_note"_msg), ui.fonts.body, p.text_muted, width);
  }
  draw_calendar(ui, width);

  vertical_gap(ui, em::kSectionGap * 0.75f);
  for (const auto& block : view.description) {
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

  for (const auto& section : view.sections) {
    vertical_gap(ui, em::kParagraphGap * 0.5f);
    paragraph(ui, section.heading, ui.fonts.label, p.text, width, kiosk::Role::Heading);
    vertical_gap(ui, em::kParagraphGap * 0.5f);
    for (const auto& line : section.paragraphs) {
      paragraph(ui, line, ui.fonts.body, p.text, width);
      vertical_gap(ui, 0.3f);
    }
    for (const auto& line : section.bullets) {
      bullet(ui, line, width);
      vertical_gap(ui, 0.2f);
    }
  }

  vertical_gap(ui, em::kSectionGap * 0.75f);
  paragraph(ui, view.link_heading, ui.fonts.label, p.text, width, kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap * 0.5f);
  paragraph(ui, view.link.empty() ? view.no_link : view.link_text, ui.fonts.body, p.text, width);
  draw_similar(ui, width);
  vertical_gap(ui, em::kSectionGap);
}

void ListingDetailScreen::draw_take_away(Ui& ui, const DetailView& view, ImVec2 pos, float width,
                                         float height, bool compact) {
  const Palette& p = ui.palette;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  float y = pos.y;
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
  if (qr_ && !view.link.empty()) {
    qr_image(ui, spec_.id("detail.qr"), *qr_, ImVec2(pos.x, y), side, view.link);
    y += side + ui.px(0.25f);
    const std::string link = kiosk::short_link(view.link);
    // The link and the hint use the panel's width (the column under the QR when compact).
    const float tw = compact ? side : width;
    const float lh = draw_wrapped(draw, small, ImVec2(pos.x, y), col(p.text), link, tw);
    record(ui, spec_.id("detail.link"), kiosk::Role::Text, ImVec2(pos.x, y),
           ImVec2(pos.x + tw, y + lh), link);
    y += lh + ui.px(0.25f);
    const std::string& hint = ui.t(spec_.words.qr_hint);
    const float hh = draw_wrapped(draw, small, ImVec2(pos.x, y), col(p.text_muted), hint, tw);
    record(ui, {}, kiosk::Role::Text, ImVec2(pos.x, y), ImVec2(pos.x + tw, y + hh), hint);
    y += hh + ui.px(em::kParagraphGap);
  } else {
    y += draw_wrapped(draw, ui.fonts.body, ImVec2(pos.x, y), col(p.text_muted), view.no_link,
                      width) +
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
  const bool saved = saved_.contains(spec_.kind, shown_.key);
  if (button(ui, spec_.id("detail.save"),
             ui.t(saved ? "jobs.detail.saved"_msg : "jobs.detail.save"_msg), ImVec2(bx, by),
             ImVec2(bw, bh), saved ? ButtonKind::Outline : ButtonKind::Primary,
             saved ? Icon::Check : Icon::Bookmark)) {
    if (saved) {
      saved_.remove(spec_.kind, shown_.key);
    } else {
      saved_.add(view.saved);
    }
  }
  by += bh + ui.px(0.6f);
  if (can_print) {
    const bool busy = print_state_ == PrintState::Sending;
    if (button(ui, spec_.id("detail.print"),
               ui.t(busy ? "jobs.detail.printing"_msg : "jobs.detail.print"_msg), ImVec2(bx, by),
               ImVec2(bw, bh), ButtonKind::Outline, Icon::Printer) &&
        !busy) {
      print_state_ = PrintState::Sending;
      const std::uint64_t generation = generation_;
      ui.printer->print(printout_of(view, ui), [this, generation, usage = ui.usage](bool ok) {
        if (ok && usage != nullptr) usage->print();  // sent to the printer, whoever waits
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
      record(ui, spec_.id("detail.print_status"), kiosk::Role::Text, ImVec2(bx, by),
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

void ListingDetailScreen::draw_calendar(Ui& ui, float width) {
  // An event's "Add to my calendar" code, under its date and place: the phone's camera reads
  // it and offers to add the event to the phone's calendar.
  if (!calendar_qr_) return;
  vertical_gap(ui, em::kParagraphGap);
  paragraph(ui, ui.t("events.detail.calendar"_msg), ui.fonts.label, ui.palette.text, width,
            kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap * 0.5f);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const std::string& hint = ui.t("events.detail.calendar_hint"_msg);
  const float gap = ui.px(em::kGap);
  // As big as the link's code (it holds more, so its squares are smaller), the words beside
  // it when there is room for them.
  const bool beside = width >= ui.px(em::kQrSide + 10.0f);
  const float side =
      beside ? std::min(width * 0.5f, ui.px(em::kQrSide)) : std::min(width, ui.px(em::kQrSide));
  qr_image(ui, spec_.id("detail.calendar_qr"), *calendar_qr_, at, side, hint);
  const float tx = beside ? at.x + side + gap : at.x;
  const float ty = beside ? at.y : at.y + side + ui.px(0.25f);
  const float tw = beside ? width - side - gap : width;
  const float th = draw_wrapped(ImGui::GetWindowDrawList(), ui.fonts.body, ImVec2(tx, ty),
                                col(ui.palette.text), hint, tw);
  record(ui, {}, kiosk::Role::Text, ImVec2(tx, ty), ImVec2(tx + tw, ty + th), hint);
  const float bottom = beside ? std::max(at.y + side, ty + th) : ty + th;
  ImGui::SetCursorScreenPos(at);
  ImGui::Dummy(ImVec2(width, bottom - at.y));
  ImGui::SetCursorScreenPos(ImVec2(at.x, bottom));
  vertical_gap(ui, em::kParagraphGap);
}

void ListingDetailScreen::draw_related(Ui& ui, const DetailView& view, float width) {
  // The other journey ("Training for this job") under the title, seen without scrolling; only
  // when the other side has something.
  if (!related_ || related_->result.hits.empty()) return;
  const bool by_industry = related_->by == kiosk::RelatedBy::Industry && related_->industry;
  const std::string label =
      by_industry ? ui.tr.format(view.related_label_industry,
                                 {{"industry", kiosk::industry_name(ui.tr, *related_->industry)}})
                  : ui.t(view.related_label);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const ImVec2 size = fitted_button_size(ui, label, width);
  const float h = size.y;
  if (button(ui, view.related_id, label, at, size, ButtonKind::Outline, Icon::Search)) {
    kiosk::SearchQuery found = view.related->query;
    if (by_industry) {
      found.occupations.clear();
      found.industry = related_->industry;
    }
    ui.intents.push_back(kiosk::Intent::open(related_route(view.related_screen, found)));
  }
  ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + h));
  vertical_gap(ui, em::kParagraphGap);
}

void ListingDetailScreen::draw_similar(Ui& ui, float width) {
  if (similar_.empty()) return;
  vertical_gap(ui, em::kSectionGap);
  paragraph(ui, ui.t(spec_.words.similar), ui.fonts.label, ui.palette.text, width,
            kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap * 0.5f);
  for (std::size_t i = 0; i < similar_.size(); ++i) {
    const auto& hit = similar_[i];
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const std::string label = hit.org.empty() ? hit.title : hit.title + " \u00b7 " + hit.org;
    const float h = ui.px(em::kButtonHeight);
    const std::string id = spec_.id("detail.similar.") + std::to_string(i);
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
      // Pushed, not replaced: Back returns to the listing it came from.
      ui.intents.push_back(
          kiosk::Intent::open_listing(name(), kiosk::ListingRef{spec_.kind, hit.key, {}}));
    }
  }
}

}  // namespace ui

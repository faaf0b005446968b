#include "ui/screens/listing_browser_screen.h"

#include <algorithm>
#include <array>
#include <chrono>

#include "kiosk/base/wipe.h"
#include "kiosk/i18n/format.h"
#include "kiosk/search/facets.h"
#include "kiosk/stats/usage.h"
#include "ui/text_input.h"

namespace ui {

using namespace kiosk::literals;
using namespace std::chrono_literals;

namespace {

// Each key press searches at once when no search is on its way (a search of 100,000 jobs takes
// a few milliseconds: results follow the typing, 30–40 ms after a key, not 325 as with a pause
// before every search). While one is on its way, the text waits for it or for a pause this long:
// fast typists do not queue a search per letter.
constexpr auto kTypingPause = 250ms;

std::string chip_id(const ListingSpec& spec, std::string_view key, std::string_view value) {
  std::string id = spec.id("filter.");
  id += key;
  id += '.';
  id += value;
  return id;
}

ImU32 col(Color c) {
  return c.packed();
}

}  // namespace

void ListingBrowserScreen::on_open(const kiosk::Route& route, bool returning) {
  filters_open_ = false;
  if (returning) return;  // back from a listing: the list is where the resident left it
  results_scroll_.reset();
  // Opened from another journey ("Training for this job"): the route names one filter, which
  // replaces what was chosen here before; the text typed here stays. Careers name several,
  // joined by '&', and "text=WORDS" for what the search field holds (emptied when none).
  if (route.topic.find('=') != std::string::npos) {
    search_.filters.clear();
    std::string_view rest = route.topic;
    while (!rest.empty()) {
      const auto amp = rest.find('&');
      const std::string_view part = rest.substr(0, amp);
      rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
      const auto eq = part.find('=');
      if (eq == std::string_view::npos) continue;
      if (part.substr(0, eq) == "text") {
        kiosk::wipe(search_.text);
        search_.text = std::string(part.substr(eq + 1));
      } else {
        search_.filters.toggle(part.substr(0, eq), part.substr(eq + 1));
      }
    }
  }
}

std::int64_t ListingBrowserScreen::listing_count(const Ui& ui) const {
  return ui.listings.count(spec_.kind);
}

std::string ListingBrowserScreen::chip_label(Ui& ui, const FilterGroupSpec& group,
                                             const ChipSpec& c) const {
  return chip_text(ui, group, c);
}

std::string ListingBrowserScreen::filter_name(Ui& ui, std::string_view key,
                                              std::string_view value) const {
  for (const auto& group : spec_.filters) {
    for (const auto& c : group.chips) {
      if (c.key == key && c.value == value) return chip_text(ui, group, c);
    }
  }
  return {};
}

void ListingBrowserScreen::reset() {
  search_.clear();
  ++generation_;            // a search still on its way is for a resident who has gone
  kiosk::wipe(requested_);  // both end with what was typed
  kiosk::wipe(pending_);
  answered_ = 0;
  counted_ = 0;
  limit_ = kiosk::ListingSearch::kPageSize;
  filters_open_ = false;
  results_scroll_.reset();
  filters_scroll_.reset();
}

void ListingBrowserScreen::update_search(Ui& ui) {
  // Everything that decides the answer, in one string: a change sends a new search.
  std::string filters;
  for (const auto& f : search_.filters.items()) filters += f + ';';
  for (const auto& code : search_.not_expanded) filters += "-" + code + ';';
  std::string rest =
      filters + '|' + std::to_string(static_cast<int>(search_.sort)) + '|' +
      std::string(kiosk::language_code(ui.tr.language())) + '|' + std::to_string(limit_) + '|' +
      std::to_string(ui.listings.updated.value_or(0)) + '|' + std::to_string(listing_count(ui));
  std::string signature = rest + '|' + search_.text;
  if (signature == requested_) {
    kiosk::wipe(pending_);
  } else {
    // Only the text changed: wait for a pause in the typing. Anything else answers at once.
    const bool typing = !requested_.empty() && requested_.starts_with(rest + '|');
    if (signature != pending_) {
      kiosk::wipe(pending_);  // the old buffer is zeroed before any reallocation frees it
      pending_ = signature;
      pending_since_ = ui.clock_now;
    }
    if (!typing || in_flight_ == 0 || ui.clock_now - pending_since_ >= kTypingPause) {
      kiosk::wipe(requested_);
      requested_ = signature;
      kiosk::wipe(pending_);
      const std::uint64_t generation = ++generation_;
      const std::size_t asked = search_.browsing()
                                    ? 0
                                    : std::hash<std::string_view>{}(search_.text) * 31 +
                                          std::hash<std::string_view>{}(filters) + 1;
      ++in_flight_;
      reader_.search(search_.query(ui.tr.language(), ui.now, limit_), std::string(spec_.prefix),
                     [this, generation, asked](kiosk::SearchResult result) {
                       --in_flight_;
                       if (generation != generation_) return;  // a newer search is on its way
                       answered_ = asked;
                       answered_empty_ = result.total == 0;
                       search_.results = std::move(result);
                       search_.has_results = true;
                     });
    } else {
      ui.wake_no_later_than(pending_since_ + kTypingPause);
    }
  }
  if (in_flight_ > 0 || !pending_.empty()) ui.busy = true;
  if (answered_ != 0 && answered_ != counted_ && !ui.input.focused(spec_.id("query"))) {
    counted_ = answered_;
    if (ui.usage != nullptr) ui.usage->search(answered_empty_);
  }
  kiosk::wipe(signature);  // built every frame around what was typed
}

void ListingBrowserScreen::draw_content(Ui& ui, ImVec2 pos, ImVec2 size) {
  update_search(ui);
  const float gap = ui.px(em::kGap);
  const bool two_panes = size.x >= ui.px(em::kTwoPaneMinWidth);
  ImVec2 main_pos = pos;
  ImVec2 main_size = size;
  if (two_panes) {
    const float pane = ui.px(em::kFilterPaneWidth);
    draw_filters(ui, pos, ImVec2(pane, size.y), false);
    main_pos.x += pane + gap * 1.5f;
    main_size.x -= pane + gap * 1.5f;
  }
  draw_top_row(ui, main_pos, main_size.x);
  float y = main_pos.y + ui.px(em::kFieldHeight) + ui.px(em::kParagraphGap);
  // Open on a narrow screen, the filters take all the room under the search box: whole rows
  // of chips in view, not their tops under the sort chips and the count.
  if (two_panes || !filters_open_) {
    y += draw_status_row(ui, ImVec2(main_pos.x, y), main_size.x, !two_panes);
  }
  const ImVec2 list_pos(main_pos.x, y);
  const ImVec2 list_size(main_size.x - ui.px(em::kScrollIndicatorWidth + 1.0f),
                         std::max(0.0f, main_pos.y + main_size.y - y));
  if (!two_panes && filters_open_) {
    draw_filters(ui, list_pos, list_size, true);
  } else {
    draw_results(ui, list_pos, list_size);
  }
}

void ListingBrowserScreen::draw_top_row(Ui& ui, ImVec2 pos, float width) {
  const float h = ui.px(em::kFieldHeight);
  const std::string list_label =
      ui.tr.format("jobs.mylist"_msg, {{"count", static_cast<std::int64_t>(saved_.size())}});
  const float list_w =
      std::min(width * 0.4f, chip_width(ui, list_label) + ui.px(em::kSmallIconSize));
  const float field_w = width - list_w - ui.px(em::kGap);
  text_field(ui, spec_.id("query"), search_.text, ui.t(spec_.words.placeholder),
             kiosk::KeyboardMode::Text, kiosk::ListingSearch::kMaxQueryBytes, pos,
             ImVec2(field_w, h), ui.t("jobs.query.enter"_msg));
  if (button(ui, spec_.id("mylist"), list_label, ImVec2(pos.x + field_w + ui.px(em::kGap), pos.y),
             ImVec2(list_w, h), ButtonKind::Outline, Icon::Bookmark)) {
    ui.intents.push_back(kiosk::Intent::open("mylist"));
  }
}

float ListingBrowserScreen::draw_links(Ui& ui, ImVec2 pos, float width) {
  // The spec's explainers ("What is an apprenticeship?"), a row of outline buttons that wraps on
  // narrow screens, shown with the browse buttons.
  if (spec_.links.empty()) return 0;
  const float h = ui.px(em::kMinTouchTarget) * 1.2f;
  const float gap = ui.px(em::kGap) * 0.5f;
  float x = pos.x;
  float y = pos.y;
  for (const auto& link : spec_.links) {
    const std::string& label = ui.t(link.label);
    const float w =
        std::min(width, chip_width(ui, label) + ui.px(em::kSmallIconSize) + ui.px(1.0f));
    if (x > pos.x && x + w > pos.x + width) {
      x = pos.x;
      y += h + gap;
    }
    if (button(ui, link.id, label, ImVec2(x, y), ImVec2(w, h), ButtonKind::Outline, Icon::Help)) {
      ui.intents.push_back(kiosk::Intent::open(link.route));
    }
    x += w + gap;
  }
  return y + h - pos.y;
}

float ListingBrowserScreen::draw_status_row(Ui& ui, ImVec2 pos, float width, bool filters_button) {
  // While the keyboard is open the chips step aside: the room goes to the results.
  const bool typing = ui.input.focused(spec_.id("query"));
  float row_h = 0;
  if (!typing) row_h = draw_chip_row(ui, pos, width, filters_button);
  float y = pos.y + row_h + (typing ? 0 : ui.px(0.5f));
  y += draw_count_line(ui, ImVec2(pos.x, y), width);
  if (!typing) y += draw_expanded(ui, ImVec2(pos.x, y), width);
  return y - pos.y;
}

float ListingBrowserScreen::draw_expanded(Ui& ui, ImVec2 pos, float width) {
  // "Also showing: registered nurse ×": what the search added to the typed words from the
  // occupation vocabulary, each taken out with one tap.
  if (!search_.has_results || search_.results.expanded.empty()) return 0;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImFont* small = ui.fonts.small;
  const float h = chip_height(ui);
  const float gap = ui.px(0.5f);
  const std::string& label = ui.t("jobs.also_showing"_msg);
  const float label_w = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, label.c_str()).x;
  draw->AddText(small, small->FontSize, ImVec2(pos.x, pos.y + (h - small->FontSize) / 2),
                col(ui.palette.text_muted), label.c_str());
  record(ui, spec_.id("also"), kiosk::Role::Text, pos, ImVec2(pos.x + label_w, pos.y + h), label);
  float x = pos.x + label_w + gap;
  float y = pos.y;
  std::string removed;
  const auto& expanded = search_.results.expanded;
  for (std::size_t i = 0; i < expanded.size(); ++i) {
    const std::string& name = expanded[i].name;
    const float w = std::min(width, chip_width(ui, name) + ui.px(em::kSmallIconSize));
    if (x > pos.x && x + w > pos.x + width) {
      x = pos.x;
      y += h + gap;
    }
    if (button(ui, spec_.id("also." + std::to_string(i)), name, ImVec2(x, y), ImVec2(w, h),
               ButtonKind::Outline, Icon::Close)) {
      removed = expanded[i].occupation;
    }
    x += w + gap;
  }
  if (!removed.empty()) {
    search_.not_expanded.push_back(removed);
    results_scroll_.reset();
  }
  return y + h + gap - pos.y;
}

float ListingBrowserScreen::draw_chip_row(Ui& ui, ImVec2 pos, float width, bool filters_button) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const Palette& p = ui.palette;
  const float chip_h = chip_height(ui);
  float x = pos.x;
  if (filters_button) {
    const std::string label = ui.tr.format(
        "jobs.filters"_msg, {{"count", static_cast<std::int64_t>(search_.filters.size())}});
    if (chip(ui, spec_.id("filters"), label, filters_open_, ImVec2(x, pos.y))) {
      filters_open_ = !filters_open_;
    }
    x += chip_width(ui, label) + ui.px(em::kGap);
  }
  // Sort: a chip per order the spec offers, one on.
  const auto& sorts = spec_.sorts;
  float sort_w = 0;
  for (const auto& s : sorts) sort_w += chip_width(ui, ui.t(s.label)) + ui.px(0.5f);
  // No choice of order (events come soonest first): no "Sort:" either.
  if (sorts.empty()) return filters_button ? chip_h : 0.0f;
  const std::string& sort_label = ui.t("jobs.sort"_msg);
  ImFont* small = ui.fonts.small;
  const float label_w =
      small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, sort_label.c_str()).x + ui.px(0.5f);
  float row_h = chip_h;
  float sx = pos.x + width - sort_w - label_w;
  float sy = pos.y;
  if (sx < x) {  // narrow: sort goes on its own row
    sx = pos.x;
    sy = pos.y + chip_h + ui.px(0.5f);
    row_h += chip_h + ui.px(0.5f);
  }
  draw->AddText(small, small->FontSize, ImVec2(sx, sy + (chip_h - small->FontSize) / 2),
                col(p.text_muted), sort_label.c_str());
  record(ui, {}, kiosk::Role::Text, ImVec2(sx, sy), ImVec2(sx + label_w, sy + chip_h), sort_label);
  sx += label_w;
  for (const auto& s : sorts) {
    const std::string& label = ui.t(s.label);
    const float w = chip_width(ui, label);
    if (sx + w > pos.x + width) {  // narrower still: the chips wrap onto another row
      sx = pos.x + label_w;
      sy += chip_h + ui.px(0.5f);
      row_h += chip_h + ui.px(0.5f);
    }
    if (chip(ui, spec_.id(s.id), label, search_.sort == s.order, ImVec2(sx, sy))) {
      search_.sort = s.order;
      results_scroll_.reset();
    }
    sx += w + ui.px(0.5f);
  }
  return row_h;
}

float ListingBrowserScreen::draw_count_line(Ui& ui, ImVec2 pos, float width) const {
  // The count and how fresh the listings are, on one line under the chips.
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const Palette& p = ui.palette;
  ImFont* small = ui.fonts.small;
  const float y = pos.y;
  std::string line;
  if (search_.has_results) {
    const auto& r = search_.results;
    line = r.total_capped ? ui.tr.format(spec_.words.count_more, {{"count", r.total}})
                          : ui.tr.format(spec_.words.count, {{"count", r.total}});
  }
  ImFont* bold = ui.fonts.body_bold;
  const float cw = std::min(width, bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, line.c_str()).x);
  draw_text_lines(draw, bold, line, ImVec2(pos.x, y), width, 1, col(p.text));
  record(ui, spec_.id("count"), kiosk::Role::Text, ImVec2(pos.x, y),
         ImVec2(pos.x + cw, y + bold->FontSize), line);
  ui.registry.mark_live(spec_.id("count"));  // speech mode: "12 jobs" when a search answers
  float h = bold->FontSize * 1.3f;
  if (ui.listings.updated) {
    std::string fresh = kiosk::format_updated(ui.tr, *ui.listings.updated, ui.now);
    if (ui.listings.offline) fresh = ui.tr.format(spec_.words.offline, {{"updated", fresh}});
    const float fw = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, fresh.c_str()).x;
    // Beside the count when both fit, else on a line of its own under it.
    const bool beside = cw + ui.px(em::kGap) + fw <= width;
    const float fx = beside ? pos.x + width - fw : pos.x;
    const float fy = beside ? y + (bold->FontSize - small->FontSize) : y + h;
    const float fh =
        draw_text_lines(draw, small, fresh, ImVec2(fx, fy), width, 2, col(p.text_muted));
    record(ui, spec_.id("updated"), kiosk::Role::Text, ImVec2(fx, fy),
           ImVec2(pos.x + width, fy + fh), fresh);
    if (!beside) h += fh;
  }
  return h + ui.px(0.25f);
}

void ListingBrowserScreen::draw_filters(Ui& ui, ImVec2 pos, ImVec2 size, bool with_done) {
  const Palette& p = ui.palette;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImFont* heading = ui.fonts.label;
  float top = pos.y;
  const std::string& title = ui.t("jobs.filters.title"_msg);
  draw->AddText(heading, heading->FontSize, ImVec2(pos.x, top), col(p.text), title.c_str());
  record(ui, {}, kiosk::Role::Heading, ImVec2(pos.x, top),
         ImVec2(pos.x + size.x, top + heading->FontSize), title);
  top += heading->FontSize * 1.3f;
  // Clear all (only when something is on) and, on narrow screens, "Show N jobs".
  const float bh = ui.px(em::kMinTouchTarget) * 1.2f;
  float bx = pos.x;
  if (with_done) {
    std::string done = search_.has_results ? ui.tr.format(spec_.words.filters_done,
                                                          {{"count", search_.results.total}})
                                           : ui.t(spec_.words.filters_done_plain);
    const float w = chip_width(ui, done) + ui.px(1.0f);
    if (button(ui, spec_.id("filters.done"), done, ImVec2(bx, top), ImVec2(w, bh),
               ButtonKind::Primary)) {
      filters_open_ = false;
    }
    bx += w + ui.px(em::kGap);
  }
  if (!search_.filters.empty()) {
    const std::string& clear = ui.t("jobs.filter.clear"_msg);
    const float w = std::min(size.x - (bx - pos.x), chip_width(ui, clear) + ui.px(1.0f));
    if (button(ui, spec_.id("filter.clear"), clear, ImVec2(bx, top), ImVec2(w, bh),
               ButtonKind::Outline, Icon::Close)) {
      search_.filters.clear();
      results_scroll_.reset();
    }
  }
  if (with_done || !search_.filters.empty()) top += bh + ui.px(0.75f);

  const ImVec2 area_pos(pos.x, top);
  const ImVec2 area_size(size.x, std::max(0.0f, pos.y + size.y - top));
  filters_scroll_.begin(ui, spec_.id("filters.scroll"), area_pos, area_size);
  const float width = area_size.x;
  const float gap = ui.px(0.5f);
  const float left = ImGui::GetCursorScreenPos().x;
  float y = ImGui::GetCursorScreenPos().y;

  for (const auto& group : spec_.filters) {
    ImDrawList* list = ImGui::GetWindowDrawList();  // the scroll area's, clipped to it
    ImFont* small = ui.fonts.body_bold;
    const std::string& h = ui.t(group.heading);
    list->AddText(small, small->FontSize, ImVec2(left, y), col(p.text_muted), h.c_str());
    record(ui, {}, kiosk::Role::Heading, ImVec2(left, y), ImVec2(left + width, y + small->FontSize),
           h);
    y += small->FontSize * 1.35f;
    float x = left;
    for (const auto& c : group.chips) {
      const std::string label = chip_label(ui, group, c);
      const float w = chip_width(ui, label);
      if (x > left && x + w > left + width) {
        x = left;
        y += chip_height(ui) + gap;
      }
      if (chip(ui, chip_id(spec_, c.key, c.value), label, search_.filters.active(c.key, c.value),
               ImVec2(x, y))) {
        search_.filters.toggle(c.key, c.value);
        results_scroll_.reset();
      }
      x += w + gap;
    }
    y += chip_height(ui) + ui.px(em::kParagraphGap) * 1.5f;
  }
  ImGui::SetCursorScreenPos(ImVec2(left, y));
  ImGui::Dummy(ImVec2(width, 1));
  filters_scroll_.end(ui);
}

void ListingBrowserScreen::draw_results(Ui& ui, ImVec2 pos, ImVec2 size) {
  results_scroll_.begin(ui, spec_.id("results"), pos, size);
  const float width = size.x;
  if (search_.browsing()) draw_browse(ui, width);
  if (search_.has_results) {
    const auto& hits = search_.results.hits;
    if (hits.empty()) {
      draw_empty(ui, width);
    } else {
      kiosk::MsgKey group;
      for (std::size_t i = 0; i < hits.size(); ++i) {
        if (spec_.group != nullptr) {
          // A heading where the group changes ("This week", "Later this month").
          const kiosk::MsgKey g = spec_.group(ui, hits[i]);
          if (i == 0 || g.key != group.key) {
            if (i > 0) vertical_gap(ui, em::kParagraphGap);
            paragraph(ui, ui.t(g), ui.fonts.label, ui.palette.text, width, kiosk::Role::Heading);
            vertical_gap(ui, em::kParagraphGap * 0.5f);
            group = g;
          }
        }
        if (draw_card(ui, i, width)) {
          ui.intents.push_back(
              kiosk::Intent::open_listing(spec_.screen("detail"), {spec_.kind, hits[i].key, i}));
        }
      }
      const auto shown = static_cast<std::int64_t>(hits.size());
      if (shown < search_.results.total && limit_ < 500) {
        vertical_gap(ui, em::kParagraphGap);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const std::string& more = ui.t(spec_.words.more);
        const float w = std::min(width, chip_width(ui, more) + ui.px(2.0f));
        if (button(ui, spec_.id("more"), more, at, ImVec2(w, ui.px(em::kButtonHeight)),
                   ButtonKind::Outline)) {
          limit_ = std::min(500, limit_ + kiosk::ListingSearch::kPageSize);
        }
        ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + ui.px(em::kButtonHeight)));
        vertical_gap(ui, em::kParagraphGap);
      }
      // The explainers again at the end of the list: reachable whatever is chosen.
      if (!search_.browsing() && !spec_.links.empty()) {
        vertical_gap(ui, em::kParagraphGap);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const float h = draw_links(ui, at, width);
        ImGui::SetCursorScreenPos(at);
        ImGui::Dummy(ImVec2(width, h));
        vertical_gap(ui, em::kParagraphGap);
      }
    }
  } else if (listing_count(ui) == 0 && ui.listings.updated) {
    draw_empty(ui, width);
  }
  results_scroll_.end(ui);
}

void ListingBrowserScreen::draw_browse_buttons(Ui& ui, float width, bool start_over) {
  if (spec_.browse.empty()) return;
  paragraph(ui, ui.t(spec_.words.browse_heading), ui.fonts.label, ui.palette.text, width,
            kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap * 0.5f);
  const float gap = ui.px(0.75f);
  // The words beside the icon: as many columns as let every label's longest word fit, and one
  // height for all, tall enough for the longest label ("Pasantía o experiencia de trabajo" at
  // the largest text takes three lines).
  ImFont* font = ui.fonts.body_bold;
  const float inset =
      2 * ui.px(em::kInnerPadding) * 0.75f + ui.px(em::kSmallIconSize) + ui.px(0.5f);
  float widest = 0;
  for (const auto& spec : spec_.browse)
    widest = std::max(widest, widest_word(font, ui.t(spec.label)));
  int columns = width >= ui.px(36.0f) ? 3 : 2;
  const auto column_width = [&](int n) {
    return (width - gap * static_cast<float>(n - 1)) / static_cast<float>(n);
  };
  while (columns > 1 && column_width(columns) - inset < widest) --columns;
  const float w = column_width(columns);
  float h = ui.px(em::kButtonHeight);
  for (const auto& spec : spec_.browse) {
    h = std::max(h, centered_text_height(font, ui.t(spec.label), w - inset) +
                        ui.px(em::kInnerPadding) * 1.5f);
  }
  const ImVec2 start = ImGui::GetCursorScreenPos();
  for (std::size_t i = 0; i < spec_.browse.size(); ++i) {
    const auto& spec = spec_.browse[i];
    const int c = static_cast<int>(i) % columns;
    const int r = static_cast<int>(i) / columns;
    const ImVec2 at(start.x + static_cast<float>(c) * (w + gap),
                    start.y + static_cast<float>(r) * (h + gap));
    const std::string id = spec_.id("browse.") + std::string(spec.value);
    if (button(ui, id, ui.t(spec.label), at, ImVec2(w, h), ButtonKind::Outline,
               spec_.browse_icon)) {
      if (start_over) {  // from a search that found nothing: that kind, nothing else
        kiosk::wipe(search_.text);
        search_.filters.clear();
      }
      search_.filters.toggle(spec.key, spec.value);
      results_scroll_.reset();
    }
  }
  const int rows = (static_cast<int>(spec_.browse.size()) + columns - 1) / columns;
  ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + static_cast<float>(rows) * (h + gap)));
}

void ListingBrowserScreen::draw_browse(Ui& ui, float width) {
  if (spec_.browse.empty()) return;
  // The explainers first: a resident new to training learns the words before choosing.
  if (!spec_.links.empty()) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float h = draw_links(ui, at, width);
    ImGui::SetCursorScreenPos(at);
    ImGui::Dummy(ImVec2(width, h));
    vertical_gap(ui, em::kParagraphGap);
  }
  draw_browse_buttons(ui, width, false);
  vertical_gap(ui, em::kSectionGap * 0.5f);
  if (spec_.group != nullptr) return;  // the groups' own headings ("This week") say it
  paragraph(ui, ui.t(spec_.words.browse_newest), ui.fonts.label, ui.palette.text, width,
            kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap * 0.5f);
}

void ListingBrowserScreen::use_words(const std::string& words) {
  std::string text = words;  // `words` lives in the results, which the next search replaces
  kiosk::wipe(search_.text);
  search_.text = std::move(text);
  results_scroll_.reset();
}

void ListingBrowserScreen::draw_empty(Ui& ui, float width) {
  vertical_gap(ui, em::kParagraphGap);
  if (listing_count(ui) == 0) {
    paragraph(ui, ui.t(spec_.words.empty_no_listings), ui.fonts.label, ui.palette.text, width,
              kiosk::Role::Heading);
    vertical_gap(ui, em::kParagraphGap * 0.5f);
    paragraph(ui, ui.t(spec_.words.empty_no_listings_hint), ui.fonts.body, ui.palette.text_muted,
              width);
    return;
  }
  paragraph(ui, ui.t(spec_.words.empty_title), ui.fonts.label, ui.palette.text, width,
            kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap * 0.5f);
  if (!search_.filters.empty()) {
    bullet(ui, ui.t("jobs.empty.fewer_filters"_msg), width);
    vertical_gap(ui, em::kParagraphGap * 0.5f);
  }
  const auto& result = search_.results;
  if (result.suggestion) {
    // "Did you mean: enfermera?": one tap puts the words in the search field.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const std::string label =
        ui.tr.format("jobs.empty.suggestion"_msg, {{"words", *result.suggestion}});
    const float w = std::min(width, chip_width(ui, label) + ui.px(2.0f));
    if (button(ui, spec_.id("empty.suggestion"), label, at, ImVec2(w, ui.px(em::kButtonHeight)),
               ButtonKind::Primary, Icon::Search)) {
      use_words(*result.suggestion);
    }
    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + ui.px(em::kButtonHeight)));
    vertical_gap(ui, em::kParagraphGap);
  }
  if (search_.text.find_first_not_of(' ') != std::string::npos) {
    bullet(ui, ui.t("jobs.empty.spelling"_msg), width);
    vertical_gap(ui, em::kParagraphGap * 0.5f);
    bullet(ui, ui.t(spec_.words.empty_shorter), width);
    vertical_gap(ui, em::kParagraphGap * 0.5f);
  }
  if (!result.tips.empty()) {
    // Words that find jobs on this kiosk, as chips.
    paragraph(ui, ui.t(spec_.words.empty_tips), ui.fonts.body, ui.palette.text, width);
    vertical_gap(ui, em::kParagraphGap * 0.25f);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    float x = start.x;
    float y = start.y;
    for (std::size_t i = 0; i < result.tips.size(); ++i) {
      const std::string& tip = result.tips[i];
      const float w = chip_width(ui, tip);
      if (x > start.x && x + w > start.x + width) {
        x = start.x;
        y += chip_height(ui) + ui.px(0.5f);
      }
      if (chip(ui, spec_.id("empty.tip.") + std::to_string(i), tip, false, ImVec2(x, y))) {
        use_words(tip);
      }
      x += w + ui.px(0.5f);
    }
    ImGui::SetCursorScreenPos(ImVec2(start.x, y + chip_height(ui)));
    vertical_gap(ui, em::kParagraphGap);
  }
  if (!search_.filters.empty()) {
    // Each filter named, with a one-tap remove: its chip may be scrolled away or folded.
    std::string remove;  // applied after drawing: the list is being walked
    for (const std::string& item : search_.filters.items()) {
      const std::size_t eq = item.find('=');
      const std::string_view key = std::string_view(item).substr(0, eq);
      const std::string_view value = std::string_view(item).substr(eq + 1);
      const std::string name = filter_name(ui, key, value);
      if (name.empty()) continue;  // set by another journey's door: no chip names it
      const std::string label = ui.tr.format("jobs.empty.remove"_msg, {{"filter", name}});
      const ImVec2 at = ImGui::GetCursorScreenPos();
      const ImVec2 size = fitted_button_size(ui, label, width);
      const float h = size.y;
      if (button(ui, spec_.id("empty.remove.") + std::string(key) + "." + std::string(value), label,
                 at, size, ButtonKind::Outline, Icon::Close)) {
        remove = item;
      }
      ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + h));
      vertical_gap(ui, em::kParagraphGap * 0.5f);
    }
    if (!remove.empty()) {
      const std::size_t eq = remove.find('=');
      search_.filters.toggle(remove.substr(0, eq), remove.substr(eq + 1));
    }
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const std::string& clear = ui.t("jobs.filter.clear"_msg);
    const float w = std::min(width, chip_width(ui, clear) + ui.px(2.0f));
    if (button(ui, spec_.id("empty.clear"), clear, at, ImVec2(w, ui.px(em::kButtonHeight)),
               ButtonKind::Primary, Icon::Close)) {
      search_.filters.clear();
    }
    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + ui.px(em::kButtonHeight)));
    vertical_gap(ui, em::kParagraphGap);
  }
  if (!search_.browsing()) {  // browsing already shows them
    vertical_gap(ui, em::kParagraphGap);
    draw_browse_buttons(ui, width, true);  // another way in when the words find nothing
  }
}

bool ListingBrowserScreen::draw_card(Ui& ui, std::size_t index, float width) {
  const kiosk::SearchHit& hit = search_.results.hits[index];
  const Palette& p = ui.palette;
  ImFont* title_font = ui.fonts.label;
  ImFont* body = ui.fonts.body;
  ImFont* bold = ui.fonts.body_bold;
  ImFont* small = ui.fonts.body;  // "Posted …" is read: body size
  const float pad = ui.px(em::kCardPadding);
  const float icon = ui.px(em::kSmallIconSize);
  const float text_w = width - 2 * pad - icon - pad;
  const CardText card = spec_.card(ui, hit);
  const int title_lines = count_lines(title_font, card.title, text_w, 2);
  const float line = 1.15f;
  const float h = pad * 2 + static_cast<float>(title_lines) * title_font->FontSize * line +
                  body->FontSize * line + bold->FontSize * line + small->FontSize * line +
                  ui.px(0.2f);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImVec2 max(pos.x + width, pos.y + h);
  const float gap = ui.px(0.6f);
  ImGui::Dummy(ImVec2(width, h + gap));
  ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h + gap));

  std::string quiet = card.quiet;
  if (saved_.contains(spec_.kind, hit.key)) {
    quiet += (quiet.empty() ? "" : " \u00b7 ") + ui.t("jobs.saved_mark"_msg);
  }
  const std::string id = spec_.id("result.") + std::to_string(index);
  // "Job 3 of 12: Line cook. Seaside Social Kitchen. $17 to $19 an hour, …"
  const auto spoken = [&] {
    std::string said =
        ui.tr.format(spec_.words.position, {{"n", static_cast<std::int64_t>(index + 1)},
                                            {"total", search_.results.total}}) +
        ": " + card.title + ". " + card.who + ". " + card.bold;
    if (!card.rest.empty()) said += ", " + card.rest;
    return said + ". " + quiet;
  };

  // Off screen: nothing to draw, and nothing to record unless speech mode reads the whole list
  // (a long list costs only its visible cards).
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 clip_min = draw->GetClipRectMin();
  const ImVec2 clip_max = draw->GetClipRectMax();
  if (max.y < clip_min.y || pos.y > clip_max.y) {
    if (ui.record_hidden) record(ui, id, kiosk::Role::Button, pos, max, spoken());
    return false;
  }

  const Press press = press_area(id, pos, ImVec2(width, h));
  const bool clicked = press.clicked;
  const bool held = press.held && !dragging(ui);
  ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h + gap));

  const float rounding = ui.px(em::kCornerRadius);
  if (held) draw->AddRectFilled(pos, max, col(p.surface_pressed), rounding);
  draw->AddRect(pos, max, col(p.border), rounding, 0,
                std::max(1.0f, ui.px(em::kBorderWidth) * 0.75f));

  float y = pos.y + pad;
  const float x = pos.x + pad;
  y += draw_text_lines(draw, title_font, card.title, ImVec2(x, y), text_w, 2, col(p.text));
  draw_text_lines(draw, body, card.who, ImVec2(x, y), text_w, 1, col(p.text));
  y += body->FontSize * line;
  draw_text_lines(draw, bold, card.bold, ImVec2(x, y), text_w, 1, col(p.text));
  const float bold_w =
      std::min(text_w, bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, card.bold.c_str()).x);
  if (!card.rest.empty()) {
    const std::string rest = (card.bold.empty() ? "" : " \u00b7 ") + card.rest;
    draw_text_lines(draw, body, rest, ImVec2(x + bold_w, y + (bold->FontSize - body->FontSize)),
                    std::max(0.0f, text_w - bold_w), 1, col(p.text_muted));
  }
  y += bold->FontSize * line;
  draw->AddText(small, small->FontSize, ImVec2(x, y), col(p.text_muted), quiet.c_str());
  draw_icon(draw, Icon::Next, ImVec2(max.x - pad - icon / 2, pos.y + h / 2), icon, col(p.primary),
            col(p.surface));

  record(ui, id, kiosk::Role::Button, pos, max, spoken());
  return tapped(ui, id, clicked);
}

}  // namespace ui

#include "ui/screens/jobs_screen.h"

#include <algorithm>
#include <array>
#include <chrono>

#include "kiosk/base/wipe.h"
#include "kiosk/feeds/normalize.h"
#include "kiosk/i18n/format.h"
#include "ui/text_input.h"

namespace ui {

using namespace kiosk::literals;
using namespace std::chrono_literals;

namespace {

// A pause this long after the last key press sends the search: fast typists do not queue a
// search per letter, and a resident who stops sees results at once.
constexpr auto kTypingPause = 250ms;

struct ChipSpec {
  std::string_view key;    // the `search --filter` key
  std::string_view value;  // and its value
  kiosk::MsgKey label;     // empty: the label is formatted (pay, days)
};

constexpr std::array<ChipSpec, 6> kIndustryChips = {{
    {"industry", "health", "industry.health"_msg},
    {"industry", "technology", "industry.technology"_msg},
    {"industry", "construction", "industry.construction"_msg},
    {"industry", "hospitality", "industry.hospitality"_msg},
    {"industry", "clean_energy", "industry.clean_energy"_msg},
    {"industry", "professional", "industry.professional"_msg},
}};
constexpr std::array<ChipSpec, 4> kTypeChips = {{
    {"type", "full_time", "jobs.type.full_time"_msg},
    {"type", "part_time", "jobs.type.part_time"_msg},
    {"type", "temporary", "jobs.type.temporary"_msg},
    {"type", "internship", "jobs.type.internship"_msg},
}};
constexpr std::array<ChipSpec, 3> kWorkplaceChips = {{
    {"workplace", "onsite", "jobs.workplace.onsite"_msg},
    {"workplace", "remote", "jobs.workplace.remote"_msg},
    {"workplace", "hybrid", "jobs.workplace.hybrid"_msg},
}};
constexpr std::array<std::string_view, 3> kMinPay = {"15", "20", "25"};
constexpr std::array<std::string_view, 3> kPostedDays = {"1", "7", "30"};

std::string chip_id(std::string_view key, std::string_view value) {
  std::string id = "jobs.filter.";
  id += key;
  id += '.';
  id += value;
  return id;
}

ImU32 col(Color c) {
  return c.packed();
}

}  // namespace

void JobsScreen::on_open() {
  results_scroll_.reset();
  filters_open_ = false;
}

void JobsScreen::reset() {
  search_.clear();
  ++generation_;            // a search still on its way is for a resident who has gone
  kiosk::wipe(requested_);  // both end with what was typed
  kiosk::wipe(pending_);
  limit_ = kiosk::JobSearch::kPageSize;
  filters_open_ = false;
  results_scroll_.reset();
  filters_scroll_.reset();
}

void JobsScreen::update_search(Ui& ui) {
  // Everything that decides the answer, in one string: a change sends a new search.
  std::string filters;
  for (const auto& f : search_.filters.items()) filters += f + ';';
  std::string rest =
      filters + '|' + std::to_string(static_cast<int>(search_.sort)) + '|' +
      std::string(kiosk::language_code(ui.tr.language())) + '|' + std::to_string(limit_) + '|' +
      std::to_string(ui.listings.updated.value_or(0)) + '|' + std::to_string(ui.listings.jobs);
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
    if (!typing || ui.clock_now - pending_since_ >= kTypingPause) {
      kiosk::wipe(requested_);
      requested_ = signature;
      kiosk::wipe(pending_);
      const std::uint64_t generation = ++generation_;
      ++in_flight_;
      reader_.search(search_.query(ui.tr.language(), ui.now, limit_), "jobs",
                     [this, generation](kiosk::SearchResult result) {
                       --in_flight_;
                       if (generation != generation_) return;  // a newer search is on its way
                       search_.results = std::move(result);
                       search_.has_results = true;
                     });
    } else {
      ui.wake_no_later_than(pending_since_ + kTypingPause);
    }
  }
  if (in_flight_ > 0 || !pending_.empty()) ui.busy = true;
  kiosk::wipe(signature);  // built every frame around what was typed
}

void JobsScreen::draw_content(Ui& ui, ImVec2 pos, ImVec2 size) {
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
  y += draw_status_row(ui, ImVec2(main_pos.x, y), main_size.x, !two_panes);
  const ImVec2 list_pos(main_pos.x, y);
  const ImVec2 list_size(main_size.x - ui.px(em::kScrollIndicatorWidth + 1.0f),
                         std::max(0.0f, main_pos.y + main_size.y - y));
  if (!two_panes && filters_open_) {
    draw_filters(ui, list_pos, list_size, true);
  } else {
    draw_results(ui, list_pos, list_size);
  }
}

void JobsScreen::draw_top_row(Ui& ui, ImVec2 pos, float width) {
  const float h = ui.px(em::kFieldHeight);
  const std::string list_label =
      ui.tr.format("jobs.mylist"_msg, {{"count", static_cast<std::int64_t>(saved_.size())}});
  const float list_w =
      std::min(width * 0.4f, chip_width(ui, list_label) + ui.px(em::kSmallIconSize));
  const float field_w = width - list_w - ui.px(em::kGap);
  text_field(ui, "jobs.query", search_.text, ui.t("jobs.query.placeholder"_msg),
             kiosk::KeyboardMode::Text, kiosk::JobSearch::kMaxQueryBytes, pos, ImVec2(field_w, h));
  if (button(ui, "jobs.mylist", list_label, ImVec2(pos.x + field_w + ui.px(em::kGap), pos.y),
             ImVec2(list_w, h), ButtonKind::Outline, Icon::Bookmark)) {
    ui.intents.push_back(kiosk::Intent::open(kiosk::ScreenId::MyList));
  }
}

float JobsScreen::draw_status_row(Ui& ui, ImVec2 pos, float width, bool filters_button) {
  // While the keyboard is open the chips step aside: the room goes to the results.
  const bool typing = ui.input.focused("jobs.query");
  float row_h = 0;
  if (!typing) row_h = draw_chip_row(ui, pos, width, filters_button);
  const float y = pos.y + row_h + (typing ? 0 : ui.px(0.5f));
  return draw_count_line(ui, ImVec2(pos.x, y), width) + (y - pos.y);
}

float JobsScreen::draw_chip_row(Ui& ui, ImVec2 pos, float width, bool filters_button) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const Palette& p = ui.palette;
  const float chip_h = chip_height(ui);
  float x = pos.x;
  if (filters_button) {
    const std::string label = ui.tr.format(
        "jobs.filters"_msg, {{"count", static_cast<std::int64_t>(search_.filters.size())}});
    if (chip(ui, "jobs.filters", label, filters_open_, ImVec2(x, pos.y))) {
      filters_open_ = !filters_open_;
    }
    x += chip_width(ui, label) + ui.px(em::kGap);
  }
  // Sort: three chips, one on.
  struct SortSpec {
    const char* id;
    kiosk::MsgKey label;
    kiosk::SortOrder order;
  };
  static constexpr std::array<SortSpec, 3> kSorts = {{
      {"jobs.sort.relevance", "jobs.sort.relevance"_msg, kiosk::SortOrder::Relevance},
      {"jobs.sort.newest", "jobs.sort.newest"_msg, kiosk::SortOrder::Newest},
      {"jobs.sort.pay", "jobs.sort.pay"_msg, kiosk::SortOrder::Pay},
  }};
  float sort_w = 0;
  for (const auto& s : kSorts) sort_w += chip_width(ui, ui.t(s.label)) + ui.px(0.5f);
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
  sx += label_w;
  for (const auto& s : kSorts) {
    const std::string& label = ui.t(s.label);
    if (chip(ui, s.id, label, search_.sort == s.order, ImVec2(sx, sy))) {
      search_.sort = s.order;
      results_scroll_.reset();
    }
    sx += chip_width(ui, label) + ui.px(0.5f);
  }
  return row_h;
}

float JobsScreen::draw_count_line(Ui& ui, ImVec2 pos, float width) const {
  // The count and how fresh the listings are, on one line under the chips.
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const Palette& p = ui.palette;
  ImFont* small = ui.fonts.small;
  const float y = pos.y;
  std::string line;
  if (search_.has_results) {
    const auto& r = search_.results;
    line = r.total_capped ? ui.tr.format("jobs.count.more"_msg, {{"count", r.total}})
                          : ui.tr.format("jobs.count"_msg, {{"count", r.total}});
  }
  ImFont* bold = ui.fonts.body_bold;
  draw->AddText(bold, bold->FontSize, ImVec2(pos.x, y), col(p.text), line.c_str());
  record(ui, "jobs.count", kiosk::Role::Text, ImVec2(pos.x, y),
         ImVec2(pos.x + width / 2, y + bold->FontSize), line);
  if (ui.listings.updated) {
    std::string fresh = kiosk::format_updated(ui.tr, *ui.listings.updated, ui.now);
    if (ui.listings.offline) fresh = ui.tr.format("jobs.offline"_msg, {{"updated", fresh}});
    const float fw = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, fresh.c_str()).x;
    const float fx = std::max(pos.x + width / 2, pos.x + width - fw);
    draw->PushClipRect(ImVec2(pos.x + width / 2, y),
                       ImVec2(pos.x + width, y + bold->FontSize * 1.2f), true);
    draw->AddText(small, small->FontSize, ImVec2(fx, y + (bold->FontSize - small->FontSize)),
                  col(p.text_muted), fresh.c_str());
    draw->PopClipRect();
    record(ui, "jobs.updated", kiosk::Role::Text, ImVec2(fx, y),
           ImVec2(pos.x + width, y + bold->FontSize), fresh);
  }
  return bold->FontSize * 1.3f + ui.px(0.25f);
}

void JobsScreen::draw_filters(Ui& ui, ImVec2 pos, ImVec2 size, bool with_done) {
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
    std::string done = search_.has_results ? ui.tr.format("jobs.filters.done"_msg,
                                                          {{"count", search_.results.total}})
                                           : ui.t("jobs.filters.done_plain"_msg);
    const float w = chip_width(ui, done) + ui.px(1.0f);
    if (button(ui, "jobs.filters.done", done, ImVec2(bx, top), ImVec2(w, bh),
               ButtonKind::Primary)) {
      filters_open_ = false;
    }
    bx += w + ui.px(em::kGap);
  }
  if (!search_.filters.empty()) {
    const std::string& clear = ui.t("jobs.filter.clear"_msg);
    const float w = std::min(size.x - (bx - pos.x), chip_width(ui, clear) + ui.px(1.0f));
    if (button(ui, "jobs.filter.clear", clear, ImVec2(bx, top), ImVec2(w, bh), ButtonKind::Outline,
               Icon::Close)) {
      search_.filters.clear();
      results_scroll_.reset();
    }
  }
  if (with_done || !search_.filters.empty()) top += bh + ui.px(0.75f);

  const ImVec2 area_pos(pos.x, top);
  const ImVec2 area_size(size.x, std::max(0.0f, pos.y + size.y - top));
  filters_scroll_.begin(ui, "jobs.filters.scroll", area_pos, area_size);
  const float width = area_size.x;
  const float gap = ui.px(0.5f);
  const float left = ImGui::GetCursorScreenPos().x;
  float y = ImGui::GetCursorScreenPos().y;

  const auto group = [&](kiosk::MsgKey heading_key, auto&& chips) {
    ImDrawList* list = ImGui::GetWindowDrawList();  // the scroll area's, clipped to it
    ImFont* small = ui.fonts.body_bold;
    const std::string& h = ui.t(heading_key);
    list->AddText(small, small->FontSize, ImVec2(left, y), col(p.text_muted), h.c_str());
    record(ui, {}, kiosk::Role::Heading, ImVec2(left, y), ImVec2(left + width, y + small->FontSize),
           h);
    y += small->FontSize * 1.35f;
    float x = left;
    for (const auto& [key, value, label] : chips) {
      const float w = chip_width(ui, label);
      if (x > left && x + w > left + width) {
        x = left;
        y += chip_height(ui) + gap;
      }
      if (chip(ui, chip_id(key, value), label, search_.filters.active(key, value), ImVec2(x, y))) {
        search_.filters.toggle(key, value);
        results_scroll_.reset();
      }
      x += w + gap;
    }
    y += chip_height(ui) + ui.px(em::kParagraphGap) * 1.5f;
  };
  struct Chip {
    std::string_view key, value;
    std::string label;
  };
  const auto labelled = [&](const auto& specs) {
    std::vector<Chip> out;
    out.reserve(specs.size());
    for (const auto& s : specs) out.push_back({s.key, s.value, ui.t(s.label)});
    return out;
  };
  group("jobs.filters.industry"_msg, labelled(kIndustryChips));
  group("jobs.filters.type"_msg, labelled(kTypeChips));
  group("jobs.filters.workplace"_msg, labelled(kWorkplaceChips));
  group("jobs.filters.degree"_msg,
        std::vector<Chip>{{"no_degree", "true", ui.t("jobs.filter.no_degree"_msg)}});
  std::vector<Chip> pay;
  pay.reserve(kMinPay.size());
  for (auto v : kMinPay) {
    pay.push_back({"min_pay", v,
                   ui.tr.format("jobs.filter.min_pay"_msg,
                                {{"amount", kiosk::format_money(std::stod(std::string(v)),
                                                                ui.tr.language())}})});
  }
  group("jobs.filters.pay"_msg, pay);
  std::vector<Chip> posted;
  posted.reserve(kPostedDays.size());
  for (auto v : kPostedDays) {
    posted.push_back(
        {"posted_days", v,
         ui.tr.format("jobs.filter.posted_days"_msg,
                      {{"days", static_cast<std::int64_t>(std::stoi(std::string(v)))}})});
  }
  group("jobs.filters.posted"_msg, posted);
  ImGui::SetCursorScreenPos(ImVec2(left, y));
  ImGui::Dummy(ImVec2(width, 1));
  filters_scroll_.end(ui);
}

void JobsScreen::draw_results(Ui& ui, ImVec2 pos, ImVec2 size) {
  results_scroll_.begin(ui, "jobs.results", pos, size);
  const float width = size.x;
  if (search_.browsing()) draw_browse(ui, width);
  if (search_.has_results) {
    const auto& hits = search_.results.hits;
    if (hits.empty()) {
      draw_empty(ui, width);
    } else {
      for (std::size_t i = 0; i < hits.size(); ++i) {
        if (draw_card(ui, i, width)) {
          search_.open_index = i;
          search_.open_key = hits[i].key;
          ui.intents.push_back(kiosk::Intent::open(kiosk::ScreenId::JobDetail));
        }
      }
      const auto shown = static_cast<std::int64_t>(hits.size());
      if (shown < search_.results.total && limit_ < 500) {
        vertical_gap(ui, em::kParagraphGap);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const std::string& more = ui.t("jobs.more"_msg);
        const float w = std::min(width, chip_width(ui, more) + ui.px(2.0f));
        if (button(ui, "jobs.more", more, at, ImVec2(w, ui.px(em::kButtonHeight)),
                   ButtonKind::Outline)) {
          limit_ = std::min(500, limit_ + kiosk::JobSearch::kPageSize);
        }
        ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + ui.px(em::kButtonHeight)));
        vertical_gap(ui, em::kParagraphGap);
      }
    }
  } else if (ui.listings.jobs == 0 && ui.listings.updated) {
    draw_empty(ui, width);
  }
  results_scroll_.end(ui);
}

void JobsScreen::draw_browse(Ui& ui, float width) {
  draw_industries(ui, width, false);
  paragraph(ui, ui.t("jobs.browse.newest"_msg), ui.fonts.label, ui.palette.text, width,
            kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap * 0.5f);
}

void JobsScreen::draw_industries(Ui& ui, float width, bool start_over) {
  paragraph(ui, ui.t("jobs.browse.heading"_msg), ui.fonts.label, ui.palette.text, width,
            kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap * 0.5f);
  const float gap = ui.px(0.75f);
  const int columns = width >= ui.px(36.0f) ? 3 : 2;
  const float w = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  const float h = ui.px(em::kButtonHeight);
  const ImVec2 start = ImGui::GetCursorScreenPos();
  for (std::size_t i = 0; i < kIndustryChips.size(); ++i) {
    const auto& spec = kIndustryChips[i];
    const int c = static_cast<int>(i) % columns;
    const int r = static_cast<int>(i) / columns;
    const ImVec2 at(start.x + static_cast<float>(c) * (w + gap),
                    start.y + static_cast<float>(r) * (h + gap));
    std::string id = "jobs.browse.";
    id += spec.value;
    if (button(ui, id, ui.t(spec.label), at, ImVec2(w, h), ButtonKind::Outline, Icon::Briefcase)) {
      if (start_over) {  // from a search that found nothing: that type of work, nothing else
        kiosk::wipe(search_.text);
        search_.filters.clear();
      }
      search_.filters.toggle(spec.key, spec.value);
      results_scroll_.reset();
    }
  }
  const int rows = (static_cast<int>(kIndustryChips.size()) + columns - 1) / columns;
  ImGui::SetCursorScreenPos(ImVec2(
      start.x, start.y + static_cast<float>(rows) * (h + gap) + ui.px(em::kSectionGap) * 0.5f));
}

void JobsScreen::use_words(const std::string& words) {
  std::string text = words;  // `words` lives in the results, which the next search replaces
  kiosk::wipe(search_.text);
  search_.text = std::move(text);
  results_scroll_.reset();
}

void JobsScreen::draw_empty(Ui& ui, float width) {
  vertical_gap(ui, em::kParagraphGap);
  if (ui.listings.jobs == 0) {
    paragraph(ui, ui.t("jobs.empty.no_listings"_msg), ui.fonts.label, ui.palette.text, width,
              kiosk::Role::Heading);
    vertical_gap(ui, em::kParagraphGap * 0.5f);
    paragraph(ui, ui.t("jobs.empty.no_listings_hint"_msg), ui.fonts.body, ui.palette.text_muted,
              width);
    return;
  }
  paragraph(ui, ui.t("jobs.empty.title"_msg), ui.fonts.label, ui.palette.text, width,
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
    if (button(ui, "jobs.empty.suggestion", label, at, ImVec2(w, ui.px(em::kButtonHeight)),
               ButtonKind::Primary, Icon::Search)) {
      use_words(*result.suggestion);
    }
    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + ui.px(em::kButtonHeight)));
    vertical_gap(ui, em::kParagraphGap);
  }
  if (search_.text.find_first_not_of(' ') != std::string::npos) {
    bullet(ui, ui.t("jobs.empty.spelling"_msg), width);
    vertical_gap(ui, em::kParagraphGap * 0.5f);
    bullet(ui, ui.t("jobs.empty.shorter"_msg), width);
    vertical_gap(ui, em::kParagraphGap * 0.5f);
  }
  if (!result.tips.empty()) {
    // Words that find jobs on this kiosk, as chips.
    paragraph(ui, ui.t("jobs.empty.tips"_msg), ui.fonts.body, ui.palette.text, width);
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
      if (chip(ui, "jobs.empty.tip." + std::to_string(i), tip, false, ImVec2(x, y))) {
        use_words(tip);
      }
      x += w + ui.px(0.5f);
    }
    ImGui::SetCursorScreenPos(ImVec2(start.x, y + chip_height(ui)));
    vertical_gap(ui, em::kParagraphGap);
  }
  if (!search_.filters.empty()) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const std::string& clear = ui.t("jobs.filter.clear"_msg);
    const float w = std::min(width, chip_width(ui, clear) + ui.px(2.0f));
    if (button(ui, "jobs.empty.clear", clear, at, ImVec2(w, ui.px(em::kButtonHeight)),
               ButtonKind::Primary, Icon::Close)) {
      search_.filters.clear();
    }
    ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + ui.px(em::kButtonHeight)));
    vertical_gap(ui, em::kParagraphGap);
  }
  if (!search_.browsing()) {  // browsing already shows them
    vertical_gap(ui, em::kParagraphGap);
    draw_industries(ui, width, true);  // another way in when the words find nothing
  }
}

bool JobsScreen::draw_card(Ui& ui, std::size_t index, float width) {
  const kiosk::SearchHit& hit = search_.results.hits[index];
  const Palette& p = ui.palette;
  ImFont* title_font = ui.fonts.label;
  ImFont* body = ui.fonts.body;
  ImFont* bold = ui.fonts.body_bold;
  ImFont* small = ui.fonts.small;
  const float pad = ui.px(em::kCardPadding);
  const float icon = ui.px(em::kSmallIconSize);
  const float text_w = width - 2 * pad - icon - pad;
  const int title_lines = count_lines(title_font, hit.title, text_w, 2);
  const float line = 1.15f;
  const float h = pad * 2 + static_cast<float>(title_lines) * title_font->FontSize * line +
                  body->FontSize * line + bold->FontSize * line + small->FontSize * line +
                  ui.px(0.2f);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImVec2 max(pos.x + width, pos.y + h);
  const float gap = ui.px(0.6f);
  ImGui::Dummy(ImVec2(width, h + gap));
  ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h + gap));

  // Off screen: nothing to draw, nothing to record (a long list costs only its visible cards).
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 clip_min = draw->GetClipRectMin();
  const ImVec2 clip_max = draw->GetClipRectMax();
  if (max.y < clip_min.y || pos.y > clip_max.y) return false;

  const std::string id = "jobs.result." + std::to_string(index);
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
  y += draw_text_lines(draw, title_font, hit.title, ImVec2(x, y), text_w, 2, col(p.text));
  std::string org = hit.org;
  if (!hit.city.empty()) org += (org.empty() ? "" : " \u00b7 ") + hit.city;
  if (hit.workplace == "remote") org += " \u00b7 " + ui.t("jobs.workplace.remote"_msg);
  if (hit.workplace == "hybrid") org += " \u00b7 " + ui.t("jobs.workplace.hybrid"_msg);
  draw_text_lines(draw, body, org, ImVec2(x, y), text_w, 1, col(p.text));
  y += body->FontSize * line;
  const std::string pay =
      kiosk::format_pay(ui.tr, hit.pay_min, hit.pay_max, kiosk::feeds::pay_unit(hit.pay_unit));
  std::string facts = pay.empty() ? ui.t("jobs.pay.unknown"_msg) : pay;
  const std::string types = kiosk::format_job_types(ui.tr, hit.employment_types);
  draw_text_lines(draw, bold, facts, ImVec2(x, y), text_w, 1, col(p.text));
  const float pay_w =
      std::min(text_w, bold->CalcTextSizeA(bold->FontSize, FLT_MAX, 0, facts.c_str()).x);
  if (!types.empty()) {
    const std::string rest = " \u00b7 " + types;
    draw_text_lines(draw, body, rest, ImVec2(x + pay_w, y + (bold->FontSize - body->FontSize)),
                    std::max(0.0f, text_w - pay_w), 1, col(p.text_muted));
    facts += rest;
  }
  y += bold->FontSize * line;
  std::string posted;
  if (hit.posted) posted = kiosk::format_posted(ui.tr, *hit.posted, ui.now);
  if (saved_.contains(kiosk::ListingKind::Job, hit.key)) {
    posted += (posted.empty() ? "" : " \u00b7 ") + ui.t("jobs.saved_mark"_msg);
  }
  draw->AddText(small, small->FontSize, ImVec2(x, y), col(p.text_muted), posted.c_str());
  draw_icon(draw, Icon::Next, ImVec2(max.x - pad - icon / 2, pos.y + h / 2), icon, col(p.primary),
            col(p.surface));

  std::string spoken = hit.title + ". " + org + ". " + facts + ". " + posted;
  record(ui, id, kiosk::Role::Button, pos, max, spoken);
  return tapped(ui, id, clicked);
}

}  // namespace ui

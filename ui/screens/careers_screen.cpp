#include "ui/screens/careers_screen.h"

#include <algorithm>
#include <cfloat>
#include <utility>
#include <vector>

#include "kiosk/base/log.h"
#include "kiosk/i18n/format.h"
#include "kiosk/model/enums.h"
#include "kiosk/search/listings_reader.h"
#include "ui/screens/listing_spec.h"

namespace ui {

using namespace kiosk::literals;
namespace careers = kiosk::careers;

namespace {

constexpr float kMinColumn = 17.0f;  // em: a text column no narrower (about 35 letters a line)
constexpr float kStepMarker = 2.0f;  // em: the numbered circle of a pathway step

std::string id_of(std::string_view prefix, std::size_t n) {
  return std::string(prefix) + std::to_string(n);
}

// The cursor moved to `y`, at the area's left margin `x`.
void move_to(float x, float y) {
  ImGui::SetCursorScreenPos(ImVec2(x, y));
}

// A tile's two lines: the title and what it holds.
struct TileText {
  std::string title;
  std::string subtitle;
};

// Tiles at the cursor in as many columns (1 to 3) as `width` holds at em::kTileWidth each, all
// as tall as the tallest one's words need; ids are `prefix` + their place. Returns the place of
// the tile tapped, or -1; the cursor ends under the tiles.
int tile_grid(Ui& ui, std::string_view prefix, const std::vector<TileText>& tiles, float width,
              Icon icon) {
  const float gap = ui.px(em::kGap);
  const int columns =
      std::clamp(static_cast<int>((width + gap) / (ui.px(em::kTileWidth) + gap)), 1, 3);
  const float tile_w =
      (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  float tile_h = ui.px(em::kButtonHeight);
  for (const TileText& t : tiles) {
    tile_h = std::max(tile_h, tile_min_height(ui, t.title, t.subtitle, tile_w));
  }
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  int tapped = -1;
  for (std::size_t i = 0; i < tiles.size(); ++i) {
    const int col = static_cast<int>(i) % columns;
    const int row = static_cast<int>(i) / columns;
    const ImVec2 at(origin.x + static_cast<float>(col) * (tile_w + gap),
                    origin.y + static_cast<float>(row) * (tile_h + gap));
    if (tile(ui, id_of(prefix, i), tiles[i].title, tiles[i].subtitle, at, ImVec2(tile_w, tile_h),
             icon)) {
      tapped = static_cast<int>(i);
    }
  }
  const int rows = (static_cast<int>(tiles.size()) + columns - 1) / columns;
  move_to(origin.x, origin.y + static_cast<float>(rows) * (tile_h + gap) - gap);
  return tapped;
}

// A section of the text: its heading and a paragraph.
void section(Ui& ui, std::string_view heading, std::string_view text, float width) {
  paragraph(ui, heading, ui.fonts.label, ui.palette.text, width, kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap * 0.5f);
  paragraph(ui, text, ui.fonts.body, ui.palette.text, width);
  vertical_gap(ui, em::kSectionGap);
}

}  // namespace

CareersScreen::CareersScreen(const ScreenInfo& info, kiosk::ListingsReader& reader)
    : CareersScreen(info, reader, careers::load(careers::shipped_file())) {}

CareersScreen::CareersScreen(const ScreenInfo& info, kiosk::ListingsReader& reader,
                             careers::Loaded data)
    : Screen(info), reader_(reader), data_(std::move(data)) {
  if (!data_.catalog) {
    kiosk::log::error("careers not available: " + data_.error);
  }
}

void CareersScreen::on_open(const kiosk::Route& route, bool returning) {
  // "health": an industry; "health.2": its third career; anything else: the industries.
  industry_ = -1;
  career_ = -1;
  if (data_.catalog) {
    const std::string& topic = route.topic;
    const auto dot = topic.find('.');
    const std::string key = topic.substr(0, dot);
    const auto& industries = data_.catalog->industries;
    for (std::size_t i = 0; i < industries.size(); ++i) {
      if (kiosk::key_of(industries[i].industry) == key) industry_ = static_cast<int>(i);
    }
    if (industry_ >= 0 && dot != std::string::npos) {
      const std::string n = topic.substr(dot + 1);
      const auto& list = industries[static_cast<std::size_t>(industry_)].careers;
      for (std::size_t i = 0; i < list.size(); ++i) {
        if (n == std::to_string(i)) career_ = static_cast<int>(i);
      }
    }
  }
  if (!returning) scroll().reset();
}

ScrollArea& CareersScreen::scroll() {
  if (industry_ < 0) return industries_scroll_;
  return career_ < 0 ? industry_scroll_ : career_scroll_;
}

void CareersScreen::reset() {
  industry_ = -1;
  career_ = -1;
  industries_scroll_.reset();
  industry_scroll_.reset();
  career_scroll_.reset();
  counted_.clear();
  jobs_.reset();
  programs_.reset();
  ++generation_;  // counts still on their way are for a resident who has gone
}

void CareersScreen::draw_content(Ui& ui, ImVec2 pos, ImVec2 size) {
  if (!data_.catalog) {
    draw_unavailable(ui, pos, size);
  } else if (industry_ < 0) {
    draw_industries(ui, pos, size);
  } else if (career_ < 0) {
    draw_industry(ui, pos, size);
  } else {
    draw_career(ui, pos, size);
  }
}

void CareersScreen::draw_title(Ui& ui, std::string_view title, std::string_view subtitle,
                               float width) {
  paragraph(ui, title, ui.fonts.title, ui.palette.text, width, kiosk::Role::Heading);
  if (!subtitle.empty()) {
    vertical_gap(ui, em::kParagraphGap * 0.25f);
    paragraph(ui, subtitle, ui.fonts.body, ui.palette.text_muted, width);
  }
  vertical_gap(ui, em::kParagraphGap);
}

void CareersScreen::draw_unavailable(Ui& ui, ImVec2 pos, ImVec2 size) {
  const float width = std::min(size.x, ui.px(em::kMaxTextWidth));
  move_to(pos.x, pos.y);
  draw_title(ui, ui.t("careers.title"_msg), {}, width);
  paragraph(ui, ui.t("careers.unavailable"_msg), ui.fonts.body, ui.palette.text, width);
  vertical_gap(ui, em::kSectionGap);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const std::string& label = ui.t("careers.unavailable.jobs"_msg);
  const ImVec2 button_size = fitted_button_size(ui, label, width);
  if (button(ui, "careers.unavailable.jobs", label, at, button_size, ButtonKind::Primary,
             Icon::Briefcase)) {
    ui.intents.push_back(kiosk::Intent::open(jobs_spec().screen("search")));
  }
}

void CareersScreen::draw_industries(Ui& ui, ImVec2 pos, ImVec2 size) {
  const auto& industries = data_.catalog->industries;
  const kiosk::Language lang = ui.tr.language();
  const float indicator = ui.px(em::kScrollIndicatorWidth + 1.0f);
  const ImVec2 area_size(size.x - indicator, size.y);
  std::vector<TileText> tiles;
  for (const auto& industry : industries) {
    tiles.push_back({industry.name.in(lang), industry.summary.in(lang)});
  }
  scroll().begin(ui, "careers.scroll", pos, area_size);
  draw_title(ui, ui.t("careers.title"_msg), ui.t("careers.intro"_msg),
             std::min(area_size.x, ui.px(em::kMaxTextWidth)));
  if (const int tapped = tile_grid(ui, "careers.industry.", tiles, area_size.x, Icon::Briefcase);
      tapped >= 0) {
    const auto& industry = industries.at(static_cast<std::size_t>(tapped));
    ui.intents.push_back(kiosk::Intent::open(
        kiosk::Route{std::string(name()), {}, std::string(kiosk::key_of(industry.industry))}));
  }
  vertical_gap(ui, em::kParagraphGap);
  paragraph(ui, data_.catalog->credit.in(lang), ui.fonts.small, ui.palette.text_muted,
            std::min(area_size.x, ui.px(em::kMaxTextWidth)));
  vertical_gap(ui, em::kParagraphGap);
  scroll().end(ui);
}

void CareersScreen::draw_industry(Ui& ui, ImVec2 pos, ImVec2 size) {
  const auto& industry = data_.catalog->industries.at(static_cast<std::size_t>(industry_));
  const kiosk::Language lang = ui.tr.language();
  const float indicator = ui.px(em::kScrollIndicatorWidth + 1.0f);
  const ImVec2 area_size(size.x - indicator, size.y);

  scroll().begin(ui, "careers.scroll", pos, area_size);
  draw_title(ui, industry.name.in(lang), industry.summary.in(lang),
             std::min(area_size.x, ui.px(em::kMaxTextWidth)));
  // The careers first, all in view on a landscape screen; the notes on the industry under them.
  paragraph(ui,
            ui.tr.format("careers.industry.careers"_msg,
                         {{"count", static_cast<std::int64_t>(industry.careers.size())}}),
            ui.fonts.heading, ui.palette.text, std::min(area_size.x, ui.px(em::kMaxTextWidth)),
            kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap);
  std::vector<TileText> tiles;
  for (const careers::Career& career : industry.careers) {
    tiles.push_back(
        {career.title.in(lang), ui.tr.format("careers.career.start"_msg,
                                             {{"role", career.pathway.front().role.in(lang)}})});
  }
  if (const int tapped = tile_grid(ui, "careers.career.", tiles, area_size.x, Icon::Next);
      tapped >= 0) {
    ui.intents.push_back(kiosk::Intent::open(kiosk::Route{
        std::string(name()),
        {},
        std::string(kiosk::key_of(industry.industry)) + "." + std::to_string(tapped)}));
  }
  vertical_gap(ui, em::kSectionGap);
  draw_notes(ui, area_size.x);
  scroll().end(ui);
}

void CareersScreen::draw_notes(Ui& ui, float width) {
  const auto& industry = data_.catalog->industries.at(static_cast<std::size_t>(industry_));
  const kiosk::Language lang = ui.tr.language();
  paragraph(ui, ui.t("careers.notes.heading"_msg), ui.fonts.heading, ui.palette.text,
            std::min(width, ui.px(em::kMaxTextWidth)), kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap);
  // Two columns of two notes on a wide screen (shorter lines, less to scroll); one otherwise.
  const float gap = ui.px(em::kSectionGap);
  const bool two = width >= ui.px(em::kTwoPaneMinWidth);
  const float column = std::min(two ? (width - gap) / 2 : width, ui.px(em::kMaxTextWidth));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  section(ui, ui.t("careers.notes.growth"_msg), industry.growth.in(lang), column);
  section(ui, ui.t("careers.notes.skills"_msg), industry.skills.in(lang), column);
  float bottom = ImGui::GetCursorScreenPos().y;
  if (two) move_to(origin.x + column + gap, origin.y);
  section(ui, ui.t("careers.notes.bilingual"_msg), industry.bilingual.in(lang), column);
  section(ui, ui.t("careers.notes.getting_in"_msg), industry.hard_to_enter.in(lang), column);
  bottom = std::max(bottom, ImGui::GetCursorScreenPos().y);
  move_to(origin.x, bottom);
}

void CareersScreen::draw_career(Ui& ui, ImVec2 pos, ImVec2 size) {
  const auto& industry = data_.catalog->industries.at(static_cast<std::size_t>(industry_));
  const careers::Career& career = industry.careers.at(static_cast<std::size_t>(career_));
  const kiosk::Language lang = ui.tr.language();
  ask_counts(ui, career);
  record(ui, "careers.detail", kiosk::Role::Region, pos, ImVec2(pos.x + size.x, pos.y + size.y),
         {});
  const float indicator = ui.px(em::kScrollIndicatorWidth + 1.0f);
  const float gap = ui.px(em::kSectionGap);
  // Wide: the live counts and the credit in a panel beside the text, always in view. Narrow:
  // the counts above the text, where they are seen first, and the credit at the end.
  const bool wide = size.x >= ui.px(em::kTwoPaneMinWidth);
  const float panel_w = ui.px(em::kSidePanelWidth);
  const float area_w = (wide ? size.x - panel_w - gap : size.x) - indicator;
  const ImVec2 area_size(area_w, size.y);
  const float width = std::min(area_w, ui.px(em::kMaxTextWidth));

  if (wide) {
    const float panel_x = pos.x + size.x - panel_w;
    move_to(panel_x, pos.y);
    draw_counts(ui, career, panel_w);
    vertical_gap(ui, em::kParagraphGap);
    paragraph(ui, data_.catalog->credit.in(lang), ui.fonts.small, ui.palette.text_muted, panel_w);
  }
  scroll().begin(ui, "careers.scroll", pos, area_size);
  draw_title(ui, career.title.in(lang), industry.name.in(lang), width);
  if (!wide) {
    draw_counts(ui, career, width);
    vertical_gap(ui, em::kSectionGap);
  }
  draw_career_text(ui, career, area_w);
  if (!wide) {
    paragraph(ui, data_.catalog->credit.in(lang), ui.fonts.small, ui.palette.text_muted, width);
    vertical_gap(ui, em::kParagraphGap);
  }
  scroll().end(ui);
}

void CareersScreen::draw_career_text(Ui& ui, const careers::Career& career, float width) {
  const kiosk::Language lang = ui.tr.language();
  // Room for two columns: the path beside the rest, in view without scrolling.
  const float gap = ui.px(em::kSectionGap);
  const bool two = width >= ui.px(2 * kMinColumn) + gap;
  const float column = std::min(two ? (width - gap) / 2 : width, ui.px(em::kMaxTextWidth));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  section(ui, ui.t("careers.detail.work"_msg), career.work.in(lang), column);
  section(ui, ui.t("careers.detail.entry"_msg), career.entry.in(lang), column);
  paragraph(ui, ui.t("careers.detail.skills"_msg), ui.fonts.label, ui.palette.text, column,
            kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap * 0.5f);
  for (const careers::Text& skill : career.skills) {
    bullet(ui, skill.in(lang), column);
    vertical_gap(ui, em::kParagraphGap * 0.25f);
  }
  vertical_gap(ui, em::kSectionGap);
  const float bottom = ImGui::GetCursorScreenPos().y;
  if (two) move_to(origin.x + column + gap, origin.y);
  draw_pathway(ui, career, column);
  move_to(origin.x, std::max(bottom, ImGui::GetCursorScreenPos().y));
}

void CareersScreen::draw_pathway(Ui& ui, const careers::Career& career, float width) {
  const kiosk::Language lang = ui.tr.language();
  paragraph(ui, ui.t("careers.detail.path"_msg), ui.fonts.label, ui.palette.text, width,
            kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap * 0.5f);
  paragraph(ui, ui.t("careers.detail.path_hint"_msg), ui.fonts.body, ui.palette.text_muted, width);
  vertical_gap(ui, em::kParagraphGap);
  // Each step: a numbered circle, the job (bold) and what takes you there; a line joins the
  // circles from the first job to the last, so the order reads at a glance.
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const Palette& p = ui.palette;
  const float marker = ui.px(kStepMarker);
  const float text_x_offset = marker + ui.px(em::kGap);
  const float text_w = width - text_x_offset;
  const float x = ImGui::GetCursorScreenPos().x;
  bool marked = false;  // "This career" goes on the first step that is the career itself
  for (std::size_t i = 0; i < career.pathway.size(); ++i) {
    const careers::Step& step = career.pathway[i];
    const float y = ImGui::GetCursorScreenPos().y;
    const ImVec2 centre(x + marker / 2, y + marker / 2);
    move_to(x + text_x_offset, y);
    paragraph(ui,
              ui.tr.format("careers.detail.step"_msg,
                           {{"n", static_cast<std::int64_t>(i + 1)}, {"role", step.role.in(lang)}}),
              ui.fonts.body_bold, p.text, text_w, kiosk::Role::Text);
    const bool here = !marked && step.code == career.code;
    if (here) {
      marked = true;
      paragraph(ui, ui.t("careers.detail.this_career"_msg), ui.fonts.small, p.accent, text_w);
    }
    paragraph(ui, step.how.in(lang), ui.fonts.body, p.text_muted, text_w);
    const float bottom = std::max(ImGui::GetCursorScreenPos().y, y + marker);
    const bool last = i + 1 == career.pathway.size();
    if (!last) {
      const float next = bottom + ui.px(em::kParagraphGap);
      draw->AddLine(ImVec2(centre.x, centre.y + marker / 2), ImVec2(centre.x, next),
                    p.accent.packed(), ui.px(em::kBorderWidth) * 2);
    }
    draw->AddCircleFilled(centre, marker / 2, p.primary.packed());
    if (here) {  // a ring around the career's own step, beside its words (never colour alone)
      const float ring = ui.px(em::kBorderWidth) * 2;
      draw->AddCircle(centre, marker / 2 + ring * 1.5f, p.accent.packed(), 0, ring);
    }
    const std::string number = std::to_string(i + 1);
    ImFont* font = ui.fonts.label;
    const ImVec2 text = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, number.c_str());
    draw->AddText(font, font->FontSize, ImVec2(centre.x - text.x / 2, centre.y - text.y / 2),
                  p.on_primary.packed(), number.c_str());
    move_to(x, bottom);
    vertical_gap(ui, last ? em::kSectionGap : em::kParagraphGap);
  }
}

void CareersScreen::ask_counts(Ui& ui, const careers::Career& career) {
  // Everything the counts depend on: a change asks again.
  const std::string signature = std::to_string(industry_) + '.' + std::to_string(career_) + '|' +
                                std::string(kiosk::language_code(ui.tr.language())) + '|' +
                                std::to_string(ui.listings.updated.value_or(0)) + '|' +
                                std::to_string(ui.listings.jobs) + '|' +
                                std::to_string(ui.listings.programs);
  if (signature != counted_) {
    counted_ = signature;
    jobs_.reset();
    programs_.reset();
    const std::uint64_t generation = ++generation_;
    const kiosk::Industry industry =
        data_.catalog->industries.at(static_cast<std::size_t>(industry_)).industry;
    const kiosk::RelatedQuery jobs =
        careers::jobs_query(career, industry, ui.tr.language(), ui.now);
    const kiosk::RelatedQuery programs =
        careers::programs_query(career, industry, ui.tr.language(), ui.now);
    reader_.related(jobs, [this, generation, jobs](kiosk::RelatedListings found) {
      if (generation == generation_) jobs_ = careers::count_of(jobs, found);
    });
    reader_.related(programs, [this, generation, programs](kiosk::RelatedListings found) {
      if (generation == generation_) programs_ = careers::count_of(programs, found);
    });
  }
  if (!jobs_ || !programs_) ui.busy = true;  // the answer wakes the UI through the run queue
}

std::string CareersScreen::count_label(Ui& ui, bool jobs) const {
  const std::optional<careers::Count>& count = jobs ? jobs_ : programs_;
  if (!count)
    return ui.t(jobs ? "careers.detail.jobs_counting"_msg : "careers.detail.programs_counting"_msg);
  if (count->total == 0) {
    return ui.t(jobs ? "careers.detail.jobs_none"_msg : "careers.detail.programs_none"_msg);
  }
  const kiosk::MsgKey key =
      count->capped ? (jobs ? "careers.detail.jobs_more"_msg : "careers.detail.programs_more"_msg)
                    : (jobs ? "careers.detail.jobs"_msg : "careers.detail.programs"_msg);
  return ui.tr.format(key, {{"count", count->total}});
}

void CareersScreen::draw_counts(Ui& ui, const careers::Career& career, float width) {
  const auto& industry = data_.catalog->industries.at(static_cast<std::size_t>(industry_));
  paragraph(ui, ui.t("careers.detail.here"_msg), ui.fonts.label, ui.palette.text, width,
            kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap * 0.5f);
  for (const bool jobs : {true, false}) {
    const ListingSpec& spec = jobs ? jobs_spec() : programs_spec();
    const std::string label = count_label(ui, jobs);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 button_size(width, fitted_button_size(ui, label, width).y);
    const std::optional<careers::Count>& count = jobs ? jobs_ : programs_;
    if (button(ui, jobs ? "careers.detail.jobs" : "careers.detail.programs", label, at, button_size,
               jobs ? ButtonKind::Primary : ButtonKind::Outline,
               jobs ? Icon::Briefcase : Icon::Search)) {
      // The list shows what was counted: by the career's occupations, or (feeds without codes)
      // by its industry and title words; with nothing counted, the whole industry.
      kiosk::Route route;
      if (count && count->total > 0) {
        route = related_route(spec.screen("search"), count->found_by);
      } else {
        route = kiosk::Route{
            spec.screen("search"), {}, "industry=" + std::string(kiosk::key_of(industry.industry))};
      }
      std::string words = count && count->by_words && count->total > 0
                              ? career.match_words.in(ui.tr.language())
                              : std::string();
      std::replace(words.begin(), words.end(), '&', ' ');
      route.topic += "&text=" + words;  // the list's search field: these words, or emptied
      ui.intents.push_back(kiosk::Intent::open(std::move(route)));
    }
    move_to(at.x, at.y + button_size.y);
    vertical_gap(ui, em::kParagraphGap * 0.5f);
  }
}

}  // namespace ui

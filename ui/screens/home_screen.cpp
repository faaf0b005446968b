#include "ui/screens/home_screen.h"

#include <algorithm>
#include <chrono>

#include "ui/screens/screen_registry.h"

namespace ui {

using namespace kiosk::literals;
namespace {

// What the listings line says: how many jobs and programs, and how fresh.
std::string listings_line(Ui& ui) {
  const kiosk::ListingsStatus& status = ui.listings;
  if (!status.updated) return {};  // the first sync has not finished yet
  const auto when = std::chrono::system_clock::time_point(std::chrono::seconds(*status.updated));
  std::string line = ui.tr.format("home.listings.count"_msg,
                                  {{"jobs", status.jobs}, {"programs", status.programs}});
  line += ' ';
  line += ui.tr.format(status.offline ? "home.listings.offline"_msg : "home.listings.updated"_msg,
                       {{"when", when}});
  return line;
}

}  // namespace

void HomeScreen::draw_content(Ui& ui, ImVec2 pos, ImVec2 size) {
  const float text_width = std::min(size.x, ui.px(em::kMaxTextWidth));
  ImGui::SetCursorScreenPos(pos);
  const std::string& greeting = ui.t("home.greeting"_msg);
  const std::string& intro = ui.t("home.intro"_msg);
  ImFont* big = ui.fonts.title;
  ImFont* body = ui.fonts.body;
  const float greeting_w = big->CalcTextSizeA(big->FontSize, FLT_MAX, 0, greeting.c_str()).x;
  const float intro_w = body->CalcTextSizeA(body->FontSize, FLT_MAX, 0, intro.c_str()).x;
  const float between = ui.px(em::kGap);
  if (greeting_w + between + intro_w <= size.x) {
    // On a wide screen the greeting and the hint share a line: the room goes to the tiles
    // (nine of them fit at 1920×1080 without scrolling).
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddText(big, big->FontSize, pos, ui.palette.text.packed(), greeting.c_str());
    record(ui, {}, kiosk::Role::Heading, pos, ImVec2(pos.x + greeting_w, pos.y + big->FontSize),
           greeting);
    // On the greeting's baseline, near enough: both fonts' descents are alike in em.
    const ImVec2 at(pos.x + greeting_w + between, pos.y + (big->FontSize - body->FontSize) * 0.8f);
    draw->AddText(body, body->FontSize, at, ui.palette.text_muted.packed(), intro.c_str());
    record(ui, {}, kiosk::Role::Text, at, ImVec2(at.x + intro_w, at.y + body->FontSize), intro);
    ImGui::Dummy(ImVec2(size.x, big->FontSize));
    ImGui::SetCursorScreenPos(ImVec2(pos.x, ImGui::GetCursorScreenPos().y));
  } else {
    paragraph(ui, greeting, big, ui.palette.text, text_width, kiosk::Role::Heading);
    vertical_gap(ui, em::kParagraphGap * 0.5f);
    paragraph(ui, intro, body, ui.palette.text_muted, text_width);
  }

  const float gap = ui.px(em::kGap);
  const float indicator = ui.px(em::kScrollIndicatorWidth + 1.0f);
  // A tile for every registered screen that declares one, in its order.
  const std::vector<const Screen*> tiles = ui.screens->tiles();
  const int count = static_cast<int>(tiles.size());
  float y = ImGui::GetCursorScreenPos().y + ui.px(em::kParagraphGap);
  const float height = pos.y + size.y - y;
  // As few columns as show every tile without scrolling (wide tiles read best), never tiles
  // narrower than kMinTileWidth; when none can, the count that needs the least height (ties: the
  // most columns) and the tiles scroll. One column on a narrow screen takes all of its width,
  // within reason.
  const float width = size.x - indicator;
  const int most = std::max(
      1, std::min(count, static_cast<int>((width + gap) / (ui.px(em::kMinTileWidth) + gap))));
  int columns = most;
  float tile_w = 0;
  float min_h = 0;
  int rows = 1;
  TileLayout layout = TileLayout::Beside;
  float least_needed = 0;  // of the column counts tried, the one that needs the least height
  for (int c = 1; c <= most; ++c) {
    const float w = std::min((width - gap * static_cast<float>(c - 1)) / static_cast<float>(c),
                             ui.px(em::kTileWidth) * 1.5f);
    // Beside the icon when every word fits there, else over it (a tall tile): never a word
    // broken across lines.
    bool beside = true;
    for (const Screen* s : tiles) {
      const HomeTile& spec = *s->info().tile;
      beside = beside && tile_words_fit_beside(ui, ui.t(spec.title), ui.t(spec.subtitle), w);
    }
    float h_beside = 0;
    float h_stacked = 0;
    for (const Screen* s : tiles) {
      const HomeTile& spec = *s->info().tile;
      const std::string& title = ui.t(spec.title);
      const std::string& subtitle = ui.t(spec.subtitle);
      h_beside = std::max(h_beside, tile_min_height(ui, title, subtitle, w));
      h_stacked = std::max(h_stacked, tile_stacked_height(ui, title, subtitle, w));
    }
    beside = beside && h_beside <= h_stacked;  // whichever is shorter, all tiles alike
    const float h = beside ? h_beside : h_stacked;
    const int r = (count + c - 1) / c;
    const auto take = [&] {
      columns = c;
      tile_w = w;
      min_h = h;
      rows = r;
      layout = beside ? TileLayout::Beside : TileLayout::Stacked;
    };
    if (static_cast<float>(r) * h + gap * static_cast<float>(r - 1) <= height) {
      take();
      break;
    }
    // None fits yet: keep the count that scrolls least once the rows close up to half a gap
    // (below). Three wide columns with the icons beside the words can be shorter than four
    // narrow ones with the icons on top.
    const float needed = static_cast<float>(r) * h + gap * 0.5f * static_cast<float>(r - 1);
    if (c == 1 || needed <= least_needed) {
      least_needed = needed;
      take();
    }
  }
  // As tall as the design when there is room; shorter on a short screen, never shorter than the
  // words need.
  const float room = (height - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
  // Tiles with the icon beside the words may give up a quarter of their padding (top and
  // bottom alike: the words stay centred) before they scroll: nine tiles at 1920×1080.
  const float squeezed =
      layout == TileLayout::Beside ? min_h - ui.px(em::kInnerPadding) * 0.5f : min_h;
  const float tile_h =
      std::max(std::min(min_h, std::max(squeezed, room)), std::min(ui.px(em::kTileHeight), room));
  // More tiles than the screen holds (large text, a short screen): they scroll, and the
  // greeting stays.
  // A few pixels short: the rows close up (to half a gap) before the tiles scroll.
  float row_gap = gap;
  if (rows > 1 && static_cast<float>(rows) * tile_h + gap * static_cast<float>(rows - 1) > height) {
    row_gap = std::max(gap * 0.5f,
                       (height - static_cast<float>(rows) * tile_h) / static_cast<float>(rows - 1));
  }
  const float needed = static_cast<float>(rows) * (tile_h + row_gap) - row_gap;
  const bool scrolls = y + needed > pos.y + size.y;
  if (scrolls) {
    scroll_.begin(ui, "home.scroll", ImVec2(pos.x, y),
                  ImVec2(size.x - indicator, std::max(0.0f, pos.y + size.y - y)));
    y = ImGui::GetCursorScreenPos().y;
  }
  for (std::size_t i = 0; i < tiles.size(); ++i) {
    const HomeTile& spec = *tiles[i]->info().tile;
    const int col = static_cast<int>(i) % columns;
    const int row = static_cast<int>(i) / columns;
    const ImVec2 at(pos.x + static_cast<float>(col) * (tile_w + gap),
                    y + static_cast<float>(row) * (tile_h + row_gap));
    if (tile(ui, spec.id, ui.t(spec.title), ui.t(spec.subtitle), at, ImVec2(tile_w, tile_h),
             spec.icon, layout)) {
      ui.intents.push_back(kiosk::Intent::open(tiles[i]->name()));
    }
  }
  if (scrolls) {
    ImGui::SetCursorScreenPos(ImVec2(pos.x, y + needed));
    vertical_gap(ui, em::kParagraphGap);
    scroll_.end(ui);
  }
}

void HomeScreen::draw_bar_note(Ui& ui, ImVec2 pos, ImVec2 size) {
  // In the bottom bar, where Back and Home are on other screens: always in view, never in the
  // tiles' way.
  const std::string line = listings_line(ui);
  if (line.empty() || size.x < ui.px(8.0f)) return;
  const float width = std::min(size.x, ui.px(em::kMaxTextWidth));
  ImFont* font = ui.fonts.small;
  const float h = std::min(wrapped_height(font, line, width), font->FontSize * 2.6f);
  const ImVec2 at(pos.x, pos.y + (size.y - h) / 2);
  draw_text_lines(ImGui::GetWindowDrawList(), font, line, at, width, 2,
                  ui.palette.text_muted.packed());
  record(ui, "home.listings", kiosk::Role::Text, at, ImVec2(at.x + width, at.y + h), line);
}

}  // namespace ui

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

float listings_status_height(Ui& ui, ImVec2 size) {
  const std::string line = listings_line(ui);
  if (line.empty()) return 0;
  return wrapped_height(ui.fonts.small, line, std::min(size.x, ui.px(em::kMaxTextWidth)));
}

}  // namespace

void HomeScreen::draw_content(Ui& ui, ImVec2 pos, ImVec2 size) {
  const float text_width = std::min(size.x, ui.px(em::kMaxTextWidth));
  ImGui::SetCursorScreenPos(pos);
  paragraph(ui, ui.t("home.greeting"_msg), ui.fonts.title, ui.palette.text, text_width,
            kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap * 0.5f);
  paragraph(ui, ui.t("home.intro"_msg), ui.fonts.body, ui.palette.text_muted, text_width);

  const float gap = ui.px(em::kGap);
  const float indicator = ui.px(em::kScrollIndicatorWidth + 1.0f);
  // A tile for every registered screen that declares one, in its order.
  const std::vector<const Screen*> tiles = ui.screens->tiles();
  const int count = static_cast<int>(tiles.size());
  float y = ImGui::GetCursorScreenPos().y + ui.px(em::kParagraphGap);
  const float status_h = listings_status_height(ui, size) + gap;
  const float height = pos.y + size.y - status_h - y;
  // As few columns as show every tile without scrolling (wide tiles read best), never tiles
  // narrower than kMinTileWidth; when even the most columns cannot, the most (fewest rows) and
  // the tiles scroll. One column on a narrow screen takes all of its width, within reason.
  const float width = size.x - indicator;
  const int most = std::max(
      1, std::min(count, static_cast<int>((width + gap) / (ui.px(em::kMinTileWidth) + gap))));
  int columns = most;
  float tile_w = 0;
  float min_h = 0;
  int rows = 1;
  TileLayout layout = TileLayout::Beside;
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
    columns = c;
    tile_w = w;
    min_h = h;
    rows = r;
    layout = beside ? TileLayout::Beside : TileLayout::Stacked;
    if (static_cast<float>(r) * h + gap * static_cast<float>(r - 1) <= height) break;
  }
  // As tall as the design when there is room above the listings line; shorter on a short screen
  // (the icon then goes beside the words), never shorter than the words need.
  const float room = (height - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
  const float tile_h = std::max(min_h, std::min(ui.px(em::kTileHeight), room));
  // More tiles than the screen holds (large text, a short screen): they scroll, with the
  // listings line under them, and the greeting stays.
  const float needed = static_cast<float>(rows) * (tile_h + gap) + status_h;
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
                    y + static_cast<float>(row) * (tile_h + gap));
    if (tile(ui, spec.id, ui.t(spec.title), ui.t(spec.subtitle), at, ImVec2(tile_w, tile_h),
             spec.icon, layout)) {
      ui.intents.push_back(kiosk::Intent::open(tiles[i]->name()));
    }
  }
  // Under the tiles, never across them: at the bottom when there is room, else right below.
  const float tiles_bottom = y + static_cast<float>(rows) * (tile_h + gap);
  if (scrolls) {
    ImGui::SetCursorScreenPos(ImVec2(pos.x, tiles_bottom));
    const std::string line = listings_line(ui);
    if (!line.empty()) {
      paragraph(ui, line, ui.fonts.small, ui.palette.text_muted,
                std::min(size.x - indicator, ui.px(em::kMaxTextWidth)));
    }
    vertical_gap(ui, em::kParagraphGap);
    scroll_.end(ui);
    return;
  }
  draw_listings_status(ui, pos, size, tiles_bottom);
}

void HomeScreen::draw_listings_status(Ui& ui, ImVec2 pos, ImVec2 size, float top) {
  const std::string line = listings_line(ui);
  if (line.empty()) return;
  const float width = std::min(size.x, ui.px(em::kMaxTextWidth));
  const float height = wrapped_height(ui.fonts.small, line, width);
  ImGui::SetCursorScreenPos(ImVec2(pos.x, std::max(top, pos.y + size.y - height)));
  paragraph(ui, line, ui.fonts.small, ui.palette.text_muted, width);
}

}  // namespace ui

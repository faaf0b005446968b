#include "ui/screens/home_screen.h"

#include "ui/screens/screen_registry.h"

#include <algorithm>
#include <array>
#include <chrono>

namespace ui {

using namespace kiosk::literals;
void HomeScreen::draw_content(Ui& ui, ImVec2 pos, ImVec2 size) {
  const float text_width = std::min(size.x, ui.px(em::kMaxTextWidth));
  ImGui::SetCursorScreenPos(pos);
  paragraph(ui, ui.t("home.greeting"_msg), ui.fonts.title, ui.palette.text, text_width,
            kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap * 0.5f);
  paragraph(ui, ui.t("home.intro"_msg), ui.fonts.body, ui.palette.text_muted, text_width);

  const float gap = ui.px(em::kGap);
  const float tile_w = ui.px(em::kTileWidth);
  const float tile_h = ui.px(em::kTileHeight);
  const int columns = std::max(1, static_cast<int>((size.x + gap) / (tile_w + gap)));
  float y = ImGui::GetCursorScreenPos().y + ui.px(em::kSectionGap);
  // A tile for every registered screen that declares one, in its order.
  const std::vector<const Screen*> tiles = ui.screens->tiles();
  for (std::size_t i = 0; i < tiles.size(); ++i) {
    const HomeTile& spec = *tiles[i]->info().tile;
    const int col = static_cast<int>(i) % columns;
    const int row = static_cast<int>(i) / columns;
    const ImVec2 at(pos.x + static_cast<float>(col) * (tile_w + gap),
                    y + static_cast<float>(row) * (tile_h + gap));
    if (tile(ui, spec.id, ui.t(spec.title), ui.t(spec.subtitle), at, ImVec2(tile_w, tile_h),
             spec.icon)) {
      ui.intents.push_back(kiosk::Intent::open(tiles[i]->name()));
    }
  }
  draw_listings_status(ui, pos, size);
}

void HomeScreen::draw_listings_status(Ui& ui, ImVec2 pos, ImVec2 size) {
  const kiosk::ListingsStatus& status = ui.listings;
  if (!status.updated) return;  // the first sync has not finished yet
  const auto when = std::chrono::system_clock::time_point(std::chrono::seconds(*status.updated));
  std::string line = ui.tr.format("home.listings.count"_msg,
                                  {{"jobs", status.jobs}, {"programs", status.programs}});
  line += ' ';
  line += ui.tr.format(status.offline ? "home.listings.offline"_msg : "home.listings.updated"_msg,
                       {{"when", when}});
  const float width = std::min(size.x, ui.px(em::kMaxTextWidth));
  const float height = wrapped_height(ui.fonts.small, line, width);
  ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + size.y - height));
  paragraph(ui, line, ui.fonts.small, ui.palette.text_muted, width);
}

}  // namespace ui

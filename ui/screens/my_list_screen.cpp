#include "ui/screens/my_list_screen.h"

#include <algorithm>

#include "kiosk/i18n/format.h"
#include "ui/screens/listing_spec.h"

namespace ui {

using namespace kiosk::literals;

namespace {

ImU32 col(Color c) {
  return c.packed();
}

}  // namespace

const kiosk::QrCode* MyListScreen::code_for(const std::string& link) {
  if (link.empty()) return nullptr;
  auto it = codes_.find(link);
  if (it == codes_.end()) it = codes_.emplace(link, kiosk::QrCode::encode(link)).first;
  return it->second ? &*it->second : nullptr;
}

void MyListScreen::draw_content(Ui& ui, ImVec2 pos, ImVec2 size) {
  const Palette& p = ui.palette;
  ImGui::SetCursorScreenPos(pos);
  paragraph(ui, ui.t("mylist.title"_msg), ui.fonts.title, p.text, size.x, kiosk::Role::Heading);
  const float text_w = std::min(size.x, ui.px(em::kMaxTextWidth));
  if (saved_.size() == 0) {
    vertical_gap(ui, em::kParagraphGap);
    paragraph(ui, ui.t("mylist.empty"_msg), ui.fonts.label, p.text, text_w, kiosk::Role::Heading);
    vertical_gap(ui, em::kParagraphGap * 0.5f);
    paragraph(ui, ui.t("mylist.empty_hint"_msg), ui.fonts.body, p.text_muted, text_w);
    vertical_gap(ui, em::kSectionGap);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const std::string& find = ui.t("mylist.find_jobs"_msg);
    if (button(
            ui, "mylist.find_jobs", find, at,
            ImVec2(std::min(size.x, chip_width(ui, find) + ui.px(3.0f)), ui.px(em::kButtonHeight)),
            ButtonKind::Primary, Icon::Search)) {
      ui.intents.push_back(kiosk::Intent::open("jobs.search"));
    }
    return;
  }
  vertical_gap(ui, 0.25f);
  paragraph(ui, ui.t("mylist.intro"_msg), ui.fonts.body, p.text_muted, text_w);
  vertical_gap(ui, em::kParagraphGap);

  const float top = ImGui::GetCursorScreenPos().y;
  const float indicator = ui.px(em::kScrollIndicatorWidth + 1.0f);
  const ImVec2 area_pos(pos.x, top);
  const ImVec2 area_size(size.x - indicator, std::max(0.0f, pos.y + size.y - top));
  scroll_.begin(ui, "mylist.scroll", area_pos, area_size);
  const float width = area_size.x;
  // Two entries side by side when there is room for them; each is a card with the QR on the
  // left and the title, employer, link and buttons beside it.
  const float qr = ui.px(em::kQrSide * 0.75f);
  const float pad = ui.px(em::kCardPadding);
  const float min_card = qr + ui.px(16.0f);
  const int columns = width >= 2 * min_card + ui.px(em::kGap) ? 2 : 1;
  const float card_w =
      (width - ui.px(em::kGap) * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  // Open and Remove beside the QR, under the words; when their words would not fit there (large
  // text, a narrow screen), in a row of their own across the card, under the QR.
  const float bh = ui.px(em::kMinTouchTarget) * 1.25f;
  const float beside_w = (card_w - 3 * pad - qr - ui.px(0.5f)) / 2;
  const bool buttons_below = !button_fits(ui, ui.t("mylist.open"_msg), ImVec2(beside_w, bh)) ||
                             !button_fits(ui, ui.t("mylist.remove"_msg), ImVec2(beside_w, bh));
  // The QR's height, or what the words beside it need (the kind, two lines of title, who, the
  // link, and the buttons when they sit there), whichever is taller.
  const float text_h = ui.fonts.body_bold->FontSize * 1.2f + ui.fonts.label->FontSize * 2.3f +
                       ui.fonts.body->FontSize * 2.5f + (buttons_below ? 0.0f : bh + pad * 0.5f);
  const float card_h = std::max(qr, text_h) + 2 * pad + (buttons_below ? bh + pad : 0.0f);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  std::optional<kiosk::SavedItem> remove;
  std::optional<kiosk::SavedItem> open;
  const auto& items = saved_.items();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    const int c = static_cast<int>(i) % columns;
    const int r = static_cast<int>(i) / columns;
    const ImVec2 at(origin.x + static_cast<float>(c) * (card_w + ui.px(em::kGap)),
                    origin.y + static_cast<float>(r) * (card_h + ui.px(em::kGap)));
    const ImVec2 max(at.x + card_w, at.y + card_h);
    draw->AddRectFilled(at, max, col(p.surface), ui.px(em::kCornerRadius));
    draw->AddRect(at, max, col(p.border), ui.px(em::kCornerRadius));
    const std::string n = std::to_string(i);
    if (const kiosk::QrCode* code = code_for(item.link)) {
      qr_image(ui, "mylist.qr." + n, *code, ImVec2(at.x + pad, at.y + pad), qr, item.link);
    }
    const float tx = at.x + pad * 2 + qr;
    const float tw = max.x - pad - tx;
    float y = at.y + pad;
    const std::string& title = item.title.in(ui.tr.language() == kiosk::Language::Es);
    // Which kind of listing it is, first: jobs and training sit side by side here.
    const std::string& kind =
        ui.t(item.kind == kiosk::ListingKind::Program   ? "mylist.kind.program"_msg
             : item.kind == kiosk::ListingKind::Event   ? "mylist.kind.event"_msg
             : item.kind == kiosk::ListingKind::Service ? "mylist.kind.service"_msg
                                                        : "mylist.kind.job"_msg);
    draw_text_lines(draw, ui.fonts.body_bold, kind, ImVec2(tx, y), tw, 1, col(p.primary));
    y += ui.fonts.body_bold->FontSize * 1.2f;
    y += draw_text_lines(draw, ui.fonts.label, title, ImVec2(tx, y), tw, 2, col(p.text));
    draw_text_lines(draw, ui.fonts.body, item.org, ImVec2(tx, y), tw, 1, col(p.text_muted));
    y += ui.fonts.body->FontSize * 1.3f;
    const std::string link = kiosk::short_link(item.link);
    draw_text_lines(draw, ui.fonts.body, link, ImVec2(tx, y), tw, 1, col(p.text));
    std::string spoken = kind;
    spoken += ": ";
    spoken += title;
    spoken += ". ";
    spoken += item.org;
    record(ui, "mylist.item." + n, kiosk::Role::Text, at, max, spoken);
    const float by = max.y - pad - bh;
    const float bx = buttons_below ? at.x + pad : tx;
    const float bw = ((buttons_below ? card_w - 2 * pad : tw) - ui.px(0.5f)) / 2;
    if (button(ui, "mylist.open." + n, ui.t("mylist.open"_msg), ImVec2(bx, by), ImVec2(bw, bh),
               ButtonKind::Outline, Icon::Next)) {
      open = item;
    }
    if (button(ui, "mylist.remove." + n, ui.t("mylist.remove"_msg),
               ImVec2(bx + bw + ui.px(0.5f), by), ImVec2(bw, bh), ButtonKind::Outline,
               Icon::Close)) {
      remove = item;
    }
  }
  const int rows = (static_cast<int>(items.size()) + columns - 1) / columns;
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(width, static_cast<float>(rows) * (card_h + ui.px(em::kGap))));
  scroll_.end(ui);
  if (remove) saved_.remove(remove->kind, remove->key);
  if (open) {
    ui.intents.push_back(kiosk::Intent::open_listing(detail_screen_for(open->kind),
                                                     kiosk::ListingRef{open->kind, open->key, {}}));
  }
}

}  // namespace ui

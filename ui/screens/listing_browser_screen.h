// The shared listing browser: a search box that answers as the resident types, filters as big
// chips, and result cards that scroll like a phone; with nothing typed it opens on big browse
// buttons and the newest listings. What differs between jobs, training and the rest is the
// spec (ui/screens/listing_spec.h).
#pragma once

#include <string>

#include "kiosk/search/listing_search.h"
#include "kiosk/search/listings_reader.h"
#include "kiosk/session/visit.h"
#include "ui/screens/listing_spec.h"
#include "ui/screens/screen.h"

namespace ui {

class ListingBrowserScreen final : public Screen {
 public:
  ListingBrowserScreen(const ScreenInfo& info, const ListingSpec& spec, kiosk::Visit& visit,
                       kiosk::ListingsReader& reader)
      : Screen(info),
        spec_(spec),
        search_(visit.search(spec.kind)),
        saved_(visit.saved),
        reader_(reader) {}

  void on_open(const kiosk::Route& route, bool returning) override;
  void reset() override;

 protected:
  void draw_content(Ui& ui, ImVec2 pos, ImVec2 size) override;

 private:
  void update_search(Ui& ui);
  void draw_top_row(Ui& ui, ImVec2 pos, float width);
  float draw_links(Ui& ui, ImVec2 pos, float width);
  float draw_status_row(Ui& ui, ImVec2 pos, float width, bool filters_button);
  float draw_chip_row(Ui& ui, ImVec2 pos, float width, bool filters_button);
  float draw_expanded(Ui& ui, ImVec2 pos, float width);  // "Also showing: …"
  float draw_count_line(Ui& ui, ImVec2 pos, float width) const;
  void draw_filters(Ui& ui, ImVec2 pos, ImVec2 size, bool with_done);
  void draw_results(Ui& ui, ImVec2 pos, ImVec2 size);
  void draw_browse(Ui& ui, float width);
  // The spec's big browse buttons; `start_over` (on an empty result) clears text and filters.
  void draw_browse_buttons(Ui& ui, float width, bool start_over);
  void use_words(const std::string& words);  // a suggestion or tip tapped: search for it
  void draw_empty(Ui& ui, float width);
  bool draw_card(Ui& ui, std::size_t index, float width);
  std::int64_t listing_count(const Ui& ui) const;
  std::string chip_label(Ui& ui, const FilterGroupSpec& group, const ChipSpec& chip) const;
  // A filter's chip label, or empty when no chip of this spec names it.
  std::string filter_name(Ui& ui, std::string_view key, std::string_view value) const;

  const ListingSpec& spec_;
  kiosk::ListingSearch& search_;
  kiosk::SavedList& saved_;
  kiosk::ListingsReader& reader_;

  std::string requested_;  // signature of the last search sent
  std::string pending_;    // signature waiting for the typing pause
  kiosk::Clock::time_point pending_since_{};
  int limit_ = kiosk::ListingSearch::kPageSize;
  int in_flight_ = 0;
  std::uint64_t generation_ = 0;
  // Usage figures: the words and filters of the last search answered and of the last counted,
  // hashed (0: browsing). A search counts once the keyboard is put away, not at every letter;
  // the same one again in the other language, sorted or with more results is not a new one.
  std::size_t answered_ = 0;
  bool answered_empty_ = false;
  std::size_t counted_ = 0;
  bool filters_open_ = false;  // narrow screens: the filter chips replace the results
  ScrollArea results_scroll_;
  ScrollArea filters_scroll_;
};

}  // namespace ui

// One listing, readable: what it is, its facts, its description as paragraphs, what it asks and
// how to go on; the link as a big QR code to continue on a phone; save, print, previous/next
// through the list it came from, more like this, and a door to the other journey ("Training
// for this job"). What a kind shows comes from its spec's detail().
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kiosk/base/qr.h"
#include "kiosk/search/listings_reader.h"
#include "kiosk/session/visit.h"
#include "ui/screens/listing_spec.h"
#include "ui/screens/screen.h"

namespace ui {

class ListingDetailScreen final : public Screen {
 public:
  ListingDetailScreen(const ScreenInfo& info, const ListingSpec& spec, kiosk::Visit& visit,
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
  enum class PrintState { Idle, Sending, Sent, Failed };

  void load(std::int64_t key);
  void forget(std::int64_t key);  // shows nothing, as for `key` before it is read
  float draw_step_row(Ui& ui, ImVec2 pos, float width);
  float draw_narrow_step_row(Ui& ui, ImVec2 pos, float width, const std::string& list_label);
  void draw_text_column(Ui& ui, const DetailView& view, float width);
  void draw_take_away(Ui& ui, const DetailView& view, ImVec2 pos, float width, float height,
                      bool compact);
  void draw_similar(Ui& ui, float width);
  void draw_calendar(Ui& ui, float width);
  void draw_related(Ui& ui, const DetailView& view, float width);
  void step_to(Ui& ui, std::size_t index);

  const ListingSpec& spec_;
  kiosk::ListingSearch& search_;  // the list it came from: previous/next
  kiosk::SavedList& saved_;
  kiosk::ListingsReader& reader_;

  kiosk::ListingRef shown_;  // what the route asked for
  bool loading_ = false;
  bool missing_ = false;  // the listing left the cache (expired or removed by a sync)
  std::optional<kiosk::Listing> listing_;
  std::optional<DetailView> view_;
  kiosk::Language view_language_ = kiosk::Language::En;
  std::optional<kiosk::QrCode> qr_;
  std::string qr_link_;
  std::optional<kiosk::QrCode> calendar_qr_;  // an event's "Add to my calendar"
  std::string calendar_text_;
  std::vector<kiosk::SearchHit> similar_;
  bool similar_asked_ = false;
  kiosk::Language similar_language_ = kiosk::Language::En;
  // The door to the other journey, once the reader said what it holds.
  bool related_asked_ = false;
  std::optional<kiosk::RelatedListings> related_;
  PrintState print_state_ = PrintState::Idle;
  bool compact_ = false;  // narrow screens: the QR block sits inside the scrolling text
  std::uint64_t generation_ = 0;
  ScrollArea scroll_;
};

}  // namespace ui

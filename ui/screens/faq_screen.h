// Questions: the resident types a question in English or Spanish (or taps one of the questions
// people ask) and reads the best answers from the center's FAQ, in the kiosk's language,
// each with a button to the journey it talks about; "Talk to a staff member" says where to find
// a person, at the top when nothing fits and always at the end. The FAQ is read from the cache
// once (off the UI thread) and ranked in memory at every keystroke (kiosk/faq/faq_index.h).
// What was typed lives in the visit (its FAQ search) and goes with the session.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/faq/faq_index.h"
#include "kiosk/search/listing_search.h"
#include "kiosk/search/listings_reader.h"
#include "kiosk/session/visit.h"
#include "ui/screens/screen.h"

namespace ui {

class FaqScreen final : public Screen {
 public:
  static constexpr std::size_t kMaxAnswers = 5;
  static constexpr std::size_t kSuggested = 8;
  static constexpr std::size_t kMaxQueryBytes = 120;

  FaqScreen(const ScreenInfo& info, kiosk::Visit& visit, kiosk::ListingsReader& reader)
      : Screen(info), search_(visit.search(kiosk::ListingKind::Faq)), reader_(reader) {}

  void on_open(const kiosk::Route& route, bool returning) override;
  void reset() override;

 protected:
  void draw_content(Ui& ui, ImVec2 pos, ImVec2 size) override;

 private:
  void load(Ui& ui);  // (again) when the cache was synced since the last read
  void update_ranking();
  void draw_suggested(Ui& ui, float width);
  void draw_answers(Ui& ui, float width);
  void draw_answer(Ui& ui, std::size_t n, const kiosk::FaqEntry& entry, float width);
  void draw_nothing_fits(Ui& ui, float width);
  void draw_staff(Ui& ui, float width);
  // A question as a full-width button, its words left-aligned and wrapped.
  bool question_button(Ui& ui, const std::string& id, const std::string& text, float width);
  void ask(const std::string& question, std::size_t entry);  // a suggested question tapped

  kiosk::ListingSearch& search_;  // the visit's FAQ search: `text` is what was typed
  kiosk::ListingsReader& reader_;
  std::shared_ptr<const kiosk::faq::FaqIndex> index_;
  std::optional<std::int64_t> loaded_for_;  // the cache's update time the index was read at
  bool loading_ = false;
  bool requested_ = false;
  std::uint64_t generation_ = 0;
  std::vector<kiosk::faq::Ranked> ranked_;
  std::string ranked_for_;             // the text ranked_ answers (wiped with the visit)
  std::optional<std::size_t> pinned_;  // a tapped question: its own answer first
  // The usage figures count a search once its words are settled: the keyboard put away (Enter,
  // a drag) or a suggested question tapped, not at every letter.
  bool search_counted_ = true;
  ScrollArea scroll_;
};

}  // namespace ui

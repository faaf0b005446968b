// Find a job: a search box that answers as the resident types, filters as big chips, and result
// cards that scroll like a phone. With nothing typed it opens on industries and the newest jobs.
#pragma once

#include <string>

#include "kiosk/search/job_search.h"
#include "kiosk/search/listings_reader.h"
#include "ui/screens/screen.h"

namespace ui {

class JobsScreen final : public Screen {
 public:
  JobsScreen(kiosk::JobSearch& search, kiosk::SavedList& saved, kiosk::ListingsReader& reader)
      : search_(search), saved_(saved), reader_(reader) {}

  kiosk::ScreenId id() const override { return kiosk::ScreenId::JobSearch; }
  kiosk::MsgKey speech_intro() const override {
    using namespace kiosk::literals;
    return "speech.intro.jobs_search"_msg;
  }
  void on_open() override;
  void reset() override;

 protected:
  void draw_content(Ui& ui, ImVec2 pos, ImVec2 size) override;

 private:
  void update_search(Ui& ui);
  void draw_top_row(Ui& ui, ImVec2 pos, float width);
  float draw_status_row(Ui& ui, ImVec2 pos, float width, bool filters_button);
  float draw_chip_row(Ui& ui, ImVec2 pos, float width, bool filters_button);
  float draw_count_line(Ui& ui, ImVec2 pos, float width) const;
  void draw_filters(Ui& ui, ImVec2 pos, ImVec2 size, bool with_done);
  void draw_results(Ui& ui, ImVec2 pos, ImVec2 size);
  void draw_browse(Ui& ui, float width);
  void draw_industries(Ui& ui, float width, bool start_over);
  void use_words(const std::string& words);  // a suggestion or tip tapped: search for it
  void draw_empty(Ui& ui, float width);
  bool draw_card(Ui& ui, std::size_t index, float width);

  kiosk::JobSearch& search_;
  kiosk::SavedList& saved_;
  kiosk::ListingsReader& reader_;

  std::string requested_;  // signature of the last search sent
  std::string pending_;    // signature waiting for the typing pause
  kiosk::Clock::time_point pending_since_{};
  int limit_ = kiosk::JobSearch::kPageSize;
  int in_flight_ = 0;
  std::uint64_t generation_ = 0;
  bool filters_open_ = false;  // narrow screens: the filter chips replace the results
  ScrollArea results_scroll_;
  ScrollArea filters_scroll_;
};

}  // namespace ui

// "What can you do?": five short questions of big chips (skills, fields of work, school
// finished, hours wanted, paid training), each one skippable, then the jobs and training on this
// kiosk that fit, each card with its reasons and what is missing (kiosk/match/matcher.h). A tap
// on a card opens the listing's page. Every question is a route of the one `match` screen (topic
// "", "fields", "education", "hours", "paid", "results"), so Back retraces them. The answers are
// the session's: reset() wipes them at its end. The matching runs on the reader's worker thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/match/matcher.h"
#include "ui/screens/screen.h"

namespace kiosk {
class ListingsReader;
}

namespace ui {

class MatchScreen final : public Screen {
 public:
  MatchScreen(const ScreenInfo& info, kiosk::ListingsReader& reader)
      : Screen(info), reader_(reader) {}

  void on_open(const kiosk::Route& route, bool returning) override;
  void reset() override;

 protected:
  void draw_content(Ui& ui, ImVec2 pos, ImVec2 size) override;

 private:
  enum Step { kSkills, kFields, kEducation, kHours, kPaid, kResults };
  static constexpr int kQuestions = kResults;

  void draw_question(Ui& ui, float width);
  void draw_skills(Ui& ui, float width);
  void draw_fields(Ui& ui, float width);
  void draw_results(Ui& ui, float width);
  // What a card says, and how tall it is at the width asked.
  struct CardText {
    std::string tag, title;
    const std::vector<std::string>* reasons = nullptr;
    const std::vector<std::string>* gaps = nullptr;
    float height = 0;
  };
  CardText card_text(Ui& ui, std::size_t index, float width);
  bool draw_card(Ui& ui, std::size_t index, const CardText& card, ImVec2 pos, ImVec2 size);
  void draw_buttons(Ui& ui, ImVec2 pos, float width);
  void ask(Ui& ui);
  void clear_step();
  const std::vector<std::string>& sentences(Ui& ui, std::size_t index, bool gaps);

  kiosk::ListingsReader& reader_;
  Step step_ = kSkills;
  kiosk::MatchProfile profile_;
  std::string hours_choice_, paid_choice_;  // the rows ticked ("" before an answer)
  ScrollArea scroll_[kResults + 1];

  // The answer for the profile below; asked again when the answers or the listings change.
  std::string asked_;
  bool waiting_ = false;
  std::vector<kiosk::MatchResult> results_;
  std::uint64_t generation_ = 0;
  // The results' sentences in the language they were put into words in.
  std::string sentences_language_;
  std::vector<std::vector<std::string>> reasons_, gaps_;
};

}  // namespace ui

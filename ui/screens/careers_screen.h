// Careers: the six industries → an industry's notes and its five careers → a career's page (what
// the work is, how people get in, key skills, the path from a first job up, and what this kiosk
// holds for it: jobs and training, counted live, one tap to each list). One screen; each page is
// a route of it (topic "", "health", "health.2"), so Back retraces the way the resident came.
// The words of the careers come from assets/careers/careers.json (kiosk/careers/careers.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "kiosk/careers/careers.h"
#include "ui/screens/screen.h"

namespace kiosk {
class ListingsReader;
}

namespace ui {

class CareersScreen final : public Screen {
 public:
  // Reads the careers file once, here (start-up): a broken file is logged and the screen says
  // kindly that the career guide is not available.
  CareersScreen(const ScreenInfo& info, kiosk::ListingsReader& reader);
  // For tests: a catalog (or the error) given instead of the shipped file.
  CareersScreen(const ScreenInfo& info, kiosk::ListingsReader& reader, kiosk::careers::Loaded data);

  void on_open(const kiosk::Route& route, bool returning) override;
  void reset() override;

 protected:
  void draw_content(Ui& ui, ImVec2 pos, ImVec2 size) override;

 private:
  void draw_unavailable(Ui& ui, ImVec2 pos, ImVec2 size);
  void draw_industries(Ui& ui, ImVec2 pos, ImVec2 size);
  void draw_industry(Ui& ui, ImVec2 pos, ImVec2 size);
  void draw_career(Ui& ui, ImVec2 pos, ImVec2 size);
  void draw_notes(Ui& ui, float width);
  void draw_career_text(Ui& ui, const kiosk::careers::Career& career, float width);
  void draw_pathway(Ui& ui, const kiosk::careers::Career& career, float width);
  void draw_counts(Ui& ui, const kiosk::careers::Career& career, float width);
  void ask_counts(Ui& ui, const kiosk::careers::Career& career);
  std::string count_label(Ui& ui, bool jobs) const;
  // A page's title (and a line under it) at the cursor.
  void draw_title(Ui& ui, std::string_view title, std::string_view subtitle, float width);

  kiosk::ListingsReader& reader_;
  kiosk::careers::Loaded data_;

  int industry_ = -1;  // -1: the list of industries
  int career_ = -1;    // -1: the industry's page
  // One per page, so Back finds each page where the resident left it.
  ScrollArea industries_scroll_, industry_scroll_, career_scroll_;
  ScrollArea& scroll();  // the current page's

  // What this kiosk holds for the career on screen; asked again when the career, the language
  // or the listings change.
  std::string counted_;  // what the counts below are for
  std::optional<kiosk::careers::Count> jobs_, programs_;
  std::uint64_t generation_ = 0;
};

}  // namespace ui

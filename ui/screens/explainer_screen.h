// A short explainer opened from the training browser: what an apprenticeship, on-the-job
// training or an internship means for a resident, in plain words, with one tap to the programs
// of that kind. The route's topic says which.
#pragma once

#include <string>

#include "ui/screens/screen.h"

namespace ui {

class ExplainerScreen final : public Screen {
 public:
  explicit ExplainerScreen(const ScreenInfo& info) : Screen(info) {}

  void on_open(const kiosk::Route& route, bool returning) override;
  void reset() override { scroll_.reset(); }

 protected:
  void draw_content(Ui& ui, ImVec2 pos, ImVec2 size) override;

 private:
  std::size_t topic_ = 0;  // into the topics table
  ScrollArea scroll_;
};

}  // namespace ui

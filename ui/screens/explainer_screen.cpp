#include "ui/screens/explainer_screen.h"

#include <algorithm>
#include <array>

namespace ui {

using namespace kiosk::literals;

namespace {

struct Topic {
  std::string_view name;          // the route's topic, as the browser's explainer buttons say it
  std::string_view program_type;  // the filter "show me these" turns on
  kiosk::MsgKey title;
  kiosk::MsgKey intro;
  std::array<kiosk::MsgKey, 4> points;
  kiosk::MsgKey show;
};

constexpr std::array<Topic, 3> kTopics = {{
    {"apprenticeship",
     "apprenticeship",
     "programs.explain.apprenticeship.title"_msg,
     "programs.explain.apprenticeship.intro"_msg,
     {"programs.explain.apprenticeship.paid"_msg, "programs.explain.apprenticeship.degree"_msg,
      "programs.explain.apprenticeship.credential"_msg, "programs.explain.apprenticeship.pre"_msg},
     "programs.explain.apprenticeship.show"_msg},
    {"ojt",
     "ojt",
     "programs.explain.ojt.title"_msg,
     "programs.explain.ojt.intro"_msg,
     {"programs.explain.ojt.employee"_msg, "programs.explain.ojt.wages"_msg,
      "programs.explain.ojt.who"_msg, "programs.explain.ojt.ask"_msg},
     "programs.explain.ojt.show"_msg},
    {"internship",
     "internship",
     "programs.explain.internship.title"_msg,
     "programs.explain.internship.intro"_msg,
     {"programs.explain.internship.hours"_msg, "programs.explain.internship.habits"_msg,
      "programs.explain.internship.degree"_msg, "programs.explain.internship.next"_msg},
     "programs.explain.internship.show"_msg},
}};

}  // namespace

void ExplainerScreen::on_open(const kiosk::Route& route, bool /*returning*/) {
  scroll_.reset();
  topic_ = 0;
  for (std::size_t i = 0; i < kTopics.size(); ++i) {
    if (kTopics[i].name == route.topic) topic_ = i;
  }
}

void ExplainerScreen::draw_content(Ui& ui, ImVec2 pos, ImVec2 size) {
  const Topic& topic = kTopics.at(topic_);
  const float indicator = ui.px(em::kScrollIndicatorWidth + 1.0f);
  const ImVec2 area_size(size.x - indicator, size.y);
  const float width = std::min(area_size.x, ui.px(em::kMaxTextWidth));
  scroll_.begin(ui, "programs.explain.scroll", pos, area_size);
  paragraph(ui, ui.t(topic.title), ui.fonts.title, ui.palette.text, width, kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap);
  paragraph(ui, ui.t(topic.intro), ui.fonts.body, ui.palette.text, width);
  vertical_gap(ui, em::kParagraphGap);
  for (const kiosk::MsgKey point : topic.points) {
    bullet(ui, ui.t(point), width);
    vertical_gap(ui, em::kParagraphGap * 0.5f);
  }
  vertical_gap(ui, em::kSectionGap * 0.5f);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const std::string& show = ui.t(topic.show);
  const float w = std::min(width, chip_width(ui, show) + ui.px(3.0f));
  if (button(ui, "programs.explain.show", show, at, ImVec2(w, ui.px(em::kButtonHeight)),
             ButtonKind::Primary, Icon::Search)) {
    ui.intents.push_back(kiosk::Intent::open(
        kiosk::Route{"programs.search", {}, "program_type=" + std::string(topic.program_type)}));
  }
  ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + ui.px(em::kButtonHeight)));
  vertical_gap(ui, em::kSectionGap);
  scroll_.end(ui);
}

}  // namespace ui

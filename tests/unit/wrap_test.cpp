// Wrapped text: where lines break (ui::next_line) and that measuring and drawing agree.
#include <gtest/gtest.h>
#include <imgui.h>

#include <string>
#include <vector>

#include "ui/widgets.h"

namespace {

class Wrap : public ::testing::Test {
 protected:
  void SetUp() override {
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    font_ = io.Fonts->AddFontDefault();  // Latin-1, so the no-break space is there
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
  }
  void TearDown() override { ImGui::DestroyContext(context_); }

  std::vector<std::string> lines(const std::string& text, float width) const {
    std::vector<std::string> out;
    const char* s = text.data();
    const char* end = s + text.size();
    while (s < end) {
      const ui::LineBreak line = ui::next_line(font_, s, end, width);
      out.emplace_back(s, line.end);
      s = line.next;
    }
    return out;
  }

  float text_width(const std::string& text) const {
    return font_->CalcTextSizeA(font_->FontSize, FLT_MAX, 0, text.c_str()).x;
  }

  ImGuiContext* context_ = nullptr;
  ImFont* font_ = nullptr;
};

// "5:13 a. m." (no-break spaces, as ICU writes it) was split after "a." on the home screen.
TEST_F(Wrap, ATimeWithFullStopsStaysOnOneLine) {
  const std::string time = "5:13\u00A0a.\u00A0m.";
  const std::string text = "Actualizado el 22 nov a las " + time;
  const float time_w = text_width(time);
  const int widest = static_cast<int>(text_width(text)) + 1;
  for (int px = static_cast<int>(time_w) + 1; px <= widest; ++px) {
    const auto width = static_cast<float>(px);
    const auto got = lines(text, width);
    bool whole = false;
    for (const auto& line : got) whole = whole || line.find(time) != std::string::npos;
    EXPECT_TRUE(whole) << "width " << width << ": \"" << got.back() << "\"";
  }
}

TEST_F(Wrap, WordsStillBreakAtSpacesAndLinesFit) {
  const std::string text = "Jobs, training, help and hiring events in Miami-Dade. Free.";
  const int widest = static_cast<int>(text_width(text)) + 1;
  for (int px = 60; px <= widest; px += 7) {
    const auto width = static_cast<float>(px);
    for (const auto& line : lines(text, width)) {
      EXPECT_LE(text_width(line), width + 0.5f) << "\"" << line << "\" at " << width;
      EXPECT_FALSE(line.starts_with(" ")) << "\"" << line << "\"";
    }
  }
}

TEST_F(Wrap, ALinkWithNoSpaceStillBreaksSomewhere) {
  const std::string link = "workforce.miami/jobs/retail-sales-associate-12345";
  const auto got = lines(link, text_width("workforce.miami/"));
  ASSERT_GT(got.size(), 1u);
  std::string joined;
  for (const auto& line : got) joined += line;
  EXPECT_EQ(joined, link);  // nothing lost or repeated
}

TEST_F(Wrap, NewlinesEndLinesAndNarrowWidthsTerminate) {
  EXPECT_EQ(lines("one\ntwo", 10000), (std::vector<std::string>{"one", "two"}));
  EXPECT_EQ(lines("one  \ntwo", text_width("one")), (std::vector<std::string>{"one", "two"}));
  EXPECT_EQ(lines("abc", 1).size(), 3u);  // each character alone: the loop always advances
}

TEST_F(Wrap, DrawnHeightIsTheMeasuredHeight) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(1920, 1080);
  io.DeltaTime = 1.0f / 60;
  ImGui::NewFrame();
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  for (const std::string text : {"", "short", "Actualizado el 22 nov a las 5:13\u00A0a.\u00A0m.",
                                 "two\nlines and then a long tail that wraps somewhere"}) {
    for (const float width : {40.0f, 120.0f, 400.0f}) {
      EXPECT_EQ(ui::draw_wrapped(draw, font_, ImVec2(0, 0), IM_COL32_WHITE, text, width),
                ui::wrapped_height(font_, text, width))
          << "\"" << text << "\" at " << width;
    }
  }
  ImGui::EndFrame();
}

// A link wider than the line breaks after a slash, not inside a word.
TEST_F(Wrap, ALinkBreaksAfterASlash) {
  const std::string link = "example.org/sample/jobs/job-0084";
  const auto got = lines(link, text_width("example.org/sample/jo"));
  ASSERT_GE(got.size(), 2u);
  std::string joined;
  for (std::size_t i = 0; i + 1 < got.size(); ++i) {
    EXPECT_TRUE(got[i].ends_with('/') || got[i].ends_with('.') || got[i].ends_with('-')) << got[i];
    joined += got[i];
  }
  EXPECT_EQ(joined + got.back(), link);
  EXPECT_EQ(got[0], "example.org/sample/");  // the host stays whole
}

// The guard every scenario runs: text that had to break inside a word is reported, with the
// text, to the registry the frame's TextChecks names; text that wraps between words is not.
TEST_F(Wrap, AWordBrokenAcrossLinesIsReported) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(1920, 1080);
  io.DeltaTime = 1.0f / 60;
  ImGui::NewFrame();
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  kiosk::WidgetRegistry registry;
  registry.begin_frame();
  {
    const ui::TextChecks checks(registry);
    const float room = text_width("Siguiente") + 2;
    ui::draw_wrapped(draw, font_, ImVec2(0, 0), IM_COL32_WHITE, "Siguiente trabajo", room);
    ui::draw_text_lines(draw, font_, "Anterior trabajo", ImVec2(0, 0), room, 1, IM_COL32_WHITE);
    ui::draw_centered_text(draw, font_, "Siguiente", ImVec2(0, 0), ImVec2(room, 100), 0,
                           IM_COL32_WHITE);
  }
  registry.end_frame();
  EXPECT_TRUE(registry.faults().empty());

  registry.begin_frame();
  {
    const ui::TextChecks checks(registry);
    const float narrow = text_width("Sigui");
    ui::draw_wrapped(draw, font_, ImVec2(0, 0), IM_COL32_WHITE, "Siguiente", narrow);
    ui::draw_centered_text(draw, font_, "Ante rior", ImVec2(0, 0), ImVec2(narrow, 100), 0,
                           IM_COL32_WHITE);  // breaks between words: fine
    ui::draw_text_lines(draw, font_, "Anterior", ImVec2(0, 0), narrow, 2, IM_COL32_WHITE);
  }
  ui::draw_wrapped(draw, font_, ImVec2(0, 0), IM_COL32_WHITE, "Siguiente", 10);  // no checks
  registry.end_frame();
  ASSERT_EQ(registry.faults().size(), 2u);
  EXPECT_EQ(registry.faults()[0].text, "Siguiente");
  EXPECT_EQ(registry.faults()[0].kind, kiosk::TextFault::Kind::BrokenWord);
  EXPECT_EQ(registry.faults()[1].text, "Anterior");
  ImGui::EndFrame();
}

}  // namespace

#include "ui/damage.h"

#include <gtest/gtest.h>

namespace ui {
namespace {

// Draw data made of real ImDrawLists, as ImGui::Render hands them to the renderer.
class DamageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing written to the working directory
    io.Fonts->AddFontDefault();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    io.DisplaySize = kDisplay;
    io.DeltaTime = 1.0f / 60;
    ImGui::NewFrame();  // sets up the draw lists' shared data (clip rectangle, white pixel)
  }
  void TearDown() override {
    ImGui::EndFrame();
    ImGui::DestroyContext(context_);
  }

  // One frame: a list (the screen) with a fixed header and a rectangle at `y`, and a second
  // list (a scroll area) whose content is offset by `scroll`.
  Damage frame(float y, float scroll, bool extra = false) {
    ImDrawList screen(ImGui::GetDrawListSharedData());
    ImDrawList area(ImGui::GetDrawListSharedData());
    for (ImDrawList* l : {&screen, &area}) {
      l->_ResetForNewFrame();
      l->PushClipRectFullScreen();
    }
    screen.AddRectFilled(ImVec2(0, 0), ImVec2(1920, 120), IM_COL32(10, 60, 90, 255));
    screen.AddRectFilled(ImVec2(1800, y), ImVec2(1810, y + 50), IM_COL32(120, 130, 140, 255));
    if (extra) screen.AddRectFilled(ImVec2(10, 900), ImVec2(200, 1000), IM_COL32_WHITE);
    area.PushClipRect(ImVec2(600, 300), ImVec2(1700, 900));
    for (int i = 0; i < 10; ++i) {
      const float top = 300 + static_cast<float>(i) * 100 - scroll;
      area.AddRect(ImVec2(600, top), ImVec2(1700, top + 90), IM_COL32(0, 0, 0, 255), 8.0f);
    }
    area.PopClipRect();
    ImDrawList* lists[2] = {&screen, &area};
    ImDrawData data;
    data.Valid = true;
    data.CmdLists = lists;
    data.CmdListsCount = 2;
    data.DisplaySize = kDisplay;
    return tracker_.update(&data, kDisplay);
  }

  const ImVec2 kDisplay{1920, 1080};
  ImGuiContext* context_ = nullptr;
  DamageTracker tracker_;
};

TEST_F(DamageTest, TheFirstFrameIsWhole) {
  const Damage d = frame(300, 0);
  EXPECT_TRUE(d.any);
  EXPECT_TRUE(d.full);
}

TEST_F(DamageTest, AnIdenticalFrameIsNoDamage) {
  frame(300, 0);
  EXPECT_FALSE(frame(300, 0).any);
}

TEST_F(DamageTest, ScrollingDamagesOnlyTheScrollAreaAndWhatElseMoved) {
  frame(300, 0);
  const Damage d = frame(310, 40);  // the indicator moved by 10, the content by 40
  ASSERT_TRUE(d.any);
  EXPECT_FALSE(d.full);
  EXPECT_GE(d.min.x, 598);  // not the header, not the left of the screen
  EXPECT_GE(d.min.y, 298);
  EXPECT_LE(d.max.x, 1812);
  EXPECT_LE(d.max.y, 902);  // clipped to the scroll area (+1 px), content beyond is invisible
}

TEST_F(DamageTest, OnlyTheMovedIndicator) {
  frame(300, 0);
  const Damage d = frame(320, 0);
  ASSERT_TRUE(d.any);
  EXPECT_GE(d.min.x, 1798);
  EXPECT_GE(d.min.y, 298);
  EXPECT_LE(d.max.y, 372);
}

TEST_F(DamageTest, ANewShapeDamagesEverythingDrawnAfterItInItsList) {
  frame(300, 0);
  const Damage d = frame(300, 0, true);
  ASSERT_TRUE(d.any);
  EXPECT_LE(d.min.x, 10);
  EXPECT_GE(d.max.y, 999);
}

TEST_F(DamageTest, InvalidateMakesTheNextFrameWhole) {
  frame(300, 0);
  tracker_.invalidate();
  EXPECT_TRUE(frame(300, 0).full);
}

}  // namespace
}  // namespace ui

// What changed on screen since the last frame, from ImGui's draw data: nothing, a rectangle, or
// everything. In software GL every pixel drawn costs time, so a frame that only scrolled a list
// rasterises and presents only the list (see Platform::render / present).
#pragma once

#include <cstdint>
#include <vector>

#include <imgui.h>

namespace ui {

struct Damage {
  bool any = false;     // the picture changed
  bool full = false;    // redraw everything (first frame, resize, too much to tell apart)
  ImVec2 min{}, max{};  // the changed rectangle, in window pixels, when !full
};

class DamageTracker {
 public:
  // Compares the draw data with the last frame's. Call after ImGui::Render(), before the draw
  // data is drawn (Platform::render narrows its clip rectangles to the damage).
  Damage update(const ImDrawData* data, ImVec2 display);
  void invalidate() { valid_ = false; }  // the next frame is drawn whole

 private:
  struct Cmd {
    ImVec4 clip;
    ImTextureID texture;
    unsigned int vtx_offset, idx_offset, count;
    bool operator==(const Cmd& o) const {
      return clip.x == o.clip.x && clip.y == o.clip.y && clip.z == o.clip.z && clip.w == o.clip.w &&
             texture == o.texture && vtx_offset == o.vtx_offset && idx_offset == o.idx_offset &&
             count == o.count;
    }
  };
  struct List {
    std::vector<ImDrawVert> vtx;
    std::vector<ImDrawIdx> idx;
    std::vector<Cmd> cmds;
  };

  std::vector<List> last_;
  bool valid_ = false;
};

}  // namespace ui

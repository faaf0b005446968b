#include "ui/damage.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstring>

namespace ui {
namespace {

struct Box {
  ImVec2 min{FLT_MAX, FLT_MAX}, max{-FLT_MAX, -FLT_MAX};

  bool empty() const { return min.x > max.x || min.y > max.y; }
  void add(ImVec2 p) {
    min = ImVec2(std::min(min.x, p.x), std::min(min.y, p.y));
    max = ImVec2(std::max(max.x, p.x), std::max(max.y, p.y));
  }
  void add(const Box& b) {
    if (b.empty()) return;
    add(b.min);
    add(b.max);
  }
  Box clipped(const Box& c) const {
    Box r;
    r.min = ImVec2(std::max(min.x, c.min.x), std::max(min.y, c.min.y));
    r.max = ImVec2(std::min(max.x, c.max.x), std::min(max.y, c.max.y));
    return r;
  }
};

bool same_vertex(const ImDrawVert& a, const ImDrawVert& b) {
  return a.pos.x == b.pos.x && a.pos.y == b.pos.y && a.uv.x == b.uv.x && a.uv.y == b.uv.y &&
         a.col == b.col;
}

// Where a list's vertices [from, to) show: each vertex inside the clip rectangle of the
// command that draws it.
template <typename ListT>
Box vertex_box(const ListT& list, std::size_t from, std::size_t to) {
  Box all;
  for (const auto& cmd : list.cmds) {
    Box b;
    for (unsigned int i = cmd.idx_offset; i < cmd.idx_offset + cmd.count && i < list.idx.size();
         ++i) {
      const std::size_t v = cmd.vtx_offset + list.idx[i];
      if (v >= from && v < to && v < list.vtx.size()) b.add(list.vtx[v].pos);
    }
    Box clip;
    clip.add(ImVec2(cmd.clip.x, cmd.clip.y));
    clip.add(ImVec2(cmd.clip.z, cmd.clip.w));
    all.add(b.clipped(clip));
  }
  return all;
}

}  // namespace

Damage DamageTracker::update(const ImDrawData* data, ImVec2 display) {
  std::vector<List> now(static_cast<std::size_t>(data->CmdListsCount));
  for (int i = 0; i < data->CmdListsCount; ++i) {
    const ImDrawList* src = data->CmdLists[i];
    List& l = now[static_cast<std::size_t>(i)];
    l.vtx.assign(src->VtxBuffer.Data, src->VtxBuffer.Data + src->VtxBuffer.Size);
    l.idx.assign(src->IdxBuffer.Data, src->IdxBuffer.Data + src->IdxBuffer.Size);
    for (const ImDrawCmd& c : src->CmdBuffer) {
      if (c.UserCallback != nullptr) continue;
      l.cmds.push_back({c.ClipRect, c.TextureId, c.VtxOffset, c.IdxOffset, c.ElemCount});
    }
  }

  Damage d;
  if (!valid_ || now.size() != last_.size()) {
    d.any = true;
    d.full = true;
  } else {
    Box changed;
    for (std::size_t i = 0; i < now.size(); ++i) {
      const List& a = last_[i];
      const List& b = now[i];
      if (a.cmds != b.cmds || a.idx != b.idx) {
        // Different drawing commands: all of both versions of this list.
        changed.add(vertex_box(a, 0, a.vtx.size()));
        changed.add(vertex_box(b, 0, b.vtx.size()));
        continue;
      }
      // The same commands: only the vertices that moved or changed colour.
      const std::size_t n = std::min(a.vtx.size(), b.vtx.size());
      std::size_t first = 0;
      while (first < n && same_vertex(a.vtx[first], b.vtx[first])) ++first;
      if (first == n && a.vtx.size() == b.vtx.size()) continue;
      std::size_t last = n;
      if (a.vtx.size() == b.vtx.size()) {
        while (last > first && same_vertex(a.vtx[last - 1], b.vtx[last - 1])) --last;
        changed.add(vertex_box(a, first, last));
        changed.add(vertex_box(b, first, last));
      } else {
        changed.add(vertex_box(a, first, a.vtx.size()));
        changed.add(vertex_box(b, first, b.vtx.size()));
      }
    }
    if (!changed.empty()) {
      d.any = true;
      // Whole pixels, one more on every side for anti-aliased edges.
      d.min = ImVec2(std::max(0.0f, std::floor(changed.min.x) - 1),
                     std::max(0.0f, std::floor(changed.min.y) - 1));
      d.max = ImVec2(std::min(display.x, std::ceil(changed.max.x) + 1),
                     std::min(display.y, std::ceil(changed.max.y) + 1));
      if (d.max.x <= d.min.x || d.max.y <= d.min.y) {
        d.any = false;
      } else if ((d.max.x - d.min.x) * (d.max.y - d.min.y) > 0.9f * display.x * display.y) {
        d.full = true;  // nearly everything: not worth the bookkeeping
      }
    }
  }
  if (d.full) {
    d.min = ImVec2(0, 0);
    d.max = display;
  }
  last_ = std::move(now);
  valid_ = true;
  return d;
}

}  // namespace ui

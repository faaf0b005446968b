#include "ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <imgui_internal.h>

namespace ui {
namespace {

ImU32 col(Color c) {
  return c.packed();
}

bool tapped(Ui& ui, bool clicked) {
  // A finger that slid further than the threshold was scrolling, not tapping.
  return clicked &&
         !ImGui::IsMouseDragPastThreshold(ImGuiMouseButton_Left, ui.px(em::kDragThreshold));
}

std::string_view trim_line(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
  return s;
}

}  // namespace

void record(Ui& ui, std::string_view id, kiosk::Role role, ImVec2 min, ImVec2 max,
            std::string_view text) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 cmin = draw->GetClipRectMin();
  const ImVec2 cmax = draw->GetClipRectMax();
  const kiosk::Rect r{min.x, min.y, max.x - min.x, max.y - min.y};
  const kiosk::Rect clip{cmin.x, cmin.y, cmax.x - cmin.x, cmax.y - cmin.y};
  ui.registry.add({std::string(id), role, r.intersect(clip), std::string(text)});
}

float wrapped_height(ImFont* font, std::string_view text, float width) {
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, width, text.data(), text.data() + text.size())
      .y;
}

float draw_centered_text(ImDrawList* draw, ImFont* font, std::string_view text, ImVec2 min,
                         ImVec2 max, float y, ImU32 color) {
  const float width = max.x - min.x;
  const char* s = text.data();
  const char* end = text.data() + text.size();
  const float top = y;
  while (s < end) {
    const char* line_end = font->CalcWordWrapPositionA(1.0f, s, end, width);
    if (line_end == s) ++line_end;  // a word longer than the line: never loop forever
    const char* newline = static_cast<const char*>(std::memchr(s, '\n', line_end - s));
    if (newline != nullptr) line_end = newline;
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s, line_end);
    draw->AddText(font, font->FontSize, ImVec2(std::floor(min.x + (width - size.x) / 2), y), color,
                  s, line_end);
    y += font->FontSize * 1.15f;
    s = line_end;
    while (s < end && (*s == ' ' || *s == '\n')) ++s;
  }
  return y - top;
}

void draw_icon(ImDrawList* draw, Icon icon, ImVec2 c, float size, ImU32 color, ImU32 background) {
  const float r = size / 2;
  const float stroke = std::max(2.0f, size / 10);
  switch (icon) {
    case Icon::None:
      break;
    case Icon::Back: {
      const float a = r * 0.55f;
      draw->AddLine(ImVec2(c.x + a, c.y), ImVec2(c.x - a, c.y), color, stroke);
      draw->AddLine(ImVec2(c.x - a - stroke * 0.3f, c.y + stroke * 0.3f), ImVec2(c.x, c.y - a),
                    color, stroke);
      draw->AddLine(ImVec2(c.x - a - stroke * 0.3f, c.y - stroke * 0.3f), ImVec2(c.x, c.y + a),
                    color, stroke);
      break;
    }
    case Icon::Home: {
      const float w = r * 0.75f;
      draw->AddTriangleFilled(ImVec2(c.x, c.y - r * 0.8f), ImVec2(c.x - r * 0.95f, c.y),
                              ImVec2(c.x + r * 0.95f, c.y), color);
      draw->AddRectFilled(ImVec2(c.x - w * 0.8f, c.y - stroke * 0.2f),
                          ImVec2(c.x + w * 0.8f, c.y + r * 0.75f), color);
      draw->AddRectFilled(ImVec2(c.x - w * 0.22f, c.y + r * 0.2f),
                          ImVec2(c.x + w * 0.22f, c.y + r * 0.75f), background);
      break;
    }
    case Icon::Help: {
      draw->AddCircle(c, r * 0.9f, color, 32, stroke);
      ImFont* font = ImGui::GetFont();
      const float fs = size * 0.7f;
      const ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, 0, "?");
      draw->AddText(font, fs, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), color, "?");
      break;
    }
    case Icon::Globe: {
      draw->AddCircle(c, r * 0.9f, color, 32, stroke * 0.8f);
      draw->AddLine(ImVec2(c.x - r * 0.9f, c.y), ImVec2(c.x + r * 0.9f, c.y), color, stroke * 0.6f);
      draw->AddLine(ImVec2(c.x, c.y - r * 0.9f), ImVec2(c.x, c.y + r * 0.9f), color, stroke * 0.6f);
      draw->AddBezierQuadratic(ImVec2(c.x, c.y - r * 0.9f), ImVec2(c.x + r * 0.9f, c.y),
                               ImVec2(c.x, c.y + r * 0.9f), color, stroke * 0.6f);
      draw->AddBezierQuadratic(ImVec2(c.x, c.y - r * 0.9f), ImVec2(c.x - r * 0.9f, c.y),
                               ImVec2(c.x, c.y + r * 0.9f), color, stroke * 0.6f);
      break;
    }
  }
}

bool button(Ui& ui, std::string_view id, std::string_view label, ImVec2 pos, ImVec2 size,
            ButtonKind kind, Icon icon) {
  size.x = std::max(size.x, ui.px(em::kMinTouchTarget));
  size.y = std::max(size.y, ui.px(em::kMinTouchTarget));
  ImGui::SetCursorScreenPos(pos);
  ImGui::PushID(id.data(), id.data() + id.size());
  const bool clicked = ImGui::InvisibleButton("##button", size);
  const bool held = ImGui::IsItemActive();
  ImGui::PopID();

  const Palette& p = ui.palette;
  Color fill = p.primary;
  Color ink = p.on_primary;
  Color border = p.primary;
  switch (kind) {
    case ButtonKind::Primary:
      fill = held ? p.primary_pressed : p.primary;
      break;
    case ButtonKind::Outline:
      fill = held ? p.surface_pressed : p.surface;
      ink = p.primary;
      border = p.primary;
      break;
    case ButtonKind::OnHeader:
      fill = held ? p.primary_pressed : p.header;
      ink = p.header_text;
      border = p.header_text;
      break;
  }
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 max(pos.x + size.x, pos.y + size.y);
  const float rounding = ui.px(em::kCornerRadius);
  draw->AddRectFilled(pos, max, col(fill), rounding);
  draw->AddRect(pos, max, col(border), rounding, 0, std::max(2.0f, ui.px(em::kBorderWidth)));

  ImFont* font = ui.fonts.body_bold;
  const float icon_size = icon == Icon::None ? 0 : ui.px(em::kSmallIconSize);
  const float gap = icon == Icon::None ? 0 : ui.px(0.5f);
  const float pad = ui.px(em::kInnerPadding) * 0.75f;
  const float text_room = size.x - 2 * pad - icon_size - gap;
  const ImVec2 text_size = font->CalcTextSizeA(font->FontSize, FLT_MAX, text_room, label.data(),
                                               label.data() + label.size());
  const float content_w = icon_size + gap + text_size.x;
  const float x0 = pos.x + (size.x - content_w) / 2;
  if (icon != Icon::None) {
    draw_icon(draw, icon, ImVec2(x0 + icon_size / 2, pos.y + size.y / 2), icon_size, col(ink),
              col(fill));
  }
  draw_centered_text(draw, font, label, ImVec2(x0 + icon_size + gap, pos.y),
                     ImVec2(x0 + content_w, max.y), pos.y + (size.y - text_size.y) / 2, col(ink));
  record(ui, id, kiosk::Role::Button, pos, max, label);
  return tapped(ui, clicked);
}

bool tile(Ui& ui, std::string_view id, std::string_view title, std::string_view subtitle,
          ImVec2 pos, ImVec2 size, Icon icon) {
  ImGui::SetCursorScreenPos(pos);
  ImGui::PushID(id.data(), id.data() + id.size());
  const bool clicked = ImGui::InvisibleButton("##tile", size);
  const bool held = ImGui::IsItemActive();
  ImGui::PopID();

  const Palette& p = ui.palette;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 max(pos.x + size.x, pos.y + size.y);
  const float rounding = ui.px(em::kCornerRadius);
  const Color fill = held ? p.surface_pressed : p.surface;
  draw->AddRectFilled(pos, max, col(fill), rounding);
  draw->AddRect(pos, max, col(p.border), rounding, 0, std::max(2.0f, ui.px(em::kBorderWidth)));
  // A coloured band on the left edge says "this is a button" without relying on colour alone:
  // the border and the icon say it too.
  draw->AddRectFilled(pos, ImVec2(pos.x + ui.px(0.35f), max.y), col(p.primary), rounding,
                      ImDrawFlags_RoundCornersLeft);

  const float pad = ui.px(em::kInnerPadding);
  const float icon_size = ui.px(em::kIconSize);
  float y = pos.y + pad;
  draw_icon(draw, icon, ImVec2(pos.x + pad + ui.px(0.35f) + icon_size / 2, y + icon_size / 2),
            icon_size, col(p.accent), col(fill));
  y += icon_size + pad * 0.5f;
  const ImVec2 text_min(pos.x + pad + ui.px(0.35f), y);
  const float width = max.x - pad - text_min.x;
  ImFont* tf = ui.fonts.label;
  draw->AddText(tf, tf->FontSize, text_min, col(p.text), title.data(), title.data() + title.size(),
                width);
  y += wrapped_height(tf, title, width) + pad * 0.25f;
  ImFont* sf = ui.fonts.body;
  draw->AddText(sf, sf->FontSize, ImVec2(text_min.x, y), col(p.text_muted), subtitle.data(),
                subtitle.data() + subtitle.size(), width);
  std::string spoken(title);
  spoken += ". ";
  spoken += subtitle;
  record(ui, id, kiosk::Role::Tile, pos, max, spoken);
  return tapped(ui, clicked);
}

void paragraph(Ui& ui, std::string_view text, ImFont* font, Color color, float width,
               kiosk::Role role) {
  text = trim_line(text);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float h = wrapped_height(font, text, width);
  ImGui::GetWindowDrawList()->AddText(font, font->FontSize, pos, col(color), text.data(),
                                      text.data() + text.size(), width);
  ImGui::Dummy(ImVec2(width, h));
  ImGui::SetCursorScreenPos(ImVec2(pos.x, ImGui::GetCursorScreenPos().y));  // keep the margin
  record(ui, {}, role, pos, ImVec2(pos.x + width, pos.y + h), text);
}

void vertical_gap(Ui& ui, float ems) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(0, ui.px(ems)));
  ImGui::SetCursorScreenPos(ImVec2(pos.x, ImGui::GetCursorScreenPos().y));
}

void bullet(Ui& ui, std::string_view text, float width) {
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float indent = ui.px(em::kBulletIndent);
  ImFont* font = ui.fonts.body;
  ImGui::GetWindowDrawList()->AddCircleFilled(
      ImVec2(pos.x + indent * 0.4f, pos.y + font->FontSize * 0.6f), ui.px(em::kBulletRadius),
      col(ui.palette.accent));
  ImGui::SetCursorScreenPos(ImVec2(pos.x + indent, pos.y));
  paragraph(ui, text, font, ui.palette.text, width - indent);
  ImGui::SetCursorScreenPos(ImVec2(pos.x, ImGui::GetCursorScreenPos().y));
}

void ScrollArea::begin(Ui& ui, std::string_view id, ImVec2 pos, ImVec2 size) {
  id_ = id;
  pos_ = pos;
  size_ = size;
  view_height_ = size.y;
  const ImGuiIO& io = ImGui::GetIO();
  const ImRect area(pos, ImVec2(pos.x + size.x, pos.y + size.y));
  const bool inside = area.Contains(io.MouseClickedPos[0]);
  const float max_offset = std::max(0.0f, content_height_ - view_height_);

  if (io.MouseDown[0] && inside &&
      ImGui::IsMouseDragPastThreshold(ImGuiMouseButton_Left, ui.px(em::kDragThreshold))) {
    if (!dragging_) velocity_ = 0;
    dragging_ = true;
    offset_ -= io.MouseDelta.y;
    if (ui.delta_seconds > 0) {
      const float instant = -io.MouseDelta.y / ui.delta_seconds;
      velocity_ = velocity_ * 0.6f + instant * 0.4f;  // smoothed, for the fling
    }
  } else {
    dragging_ = false;
    if (std::abs(velocity_) > 1.0f) {
      offset_ += velocity_ * ui.delta_seconds;
      velocity_ *= std::exp(-4.0f * ui.delta_seconds);  // about a second to glide to a stop
      if (std::abs(velocity_) < ui.px(0.5f)) velocity_ = 0;
    } else {
      velocity_ = 0;
    }
  }
  if (io.MouseWheel != 0 && area.Contains(io.MousePos)) {
    offset_ -= io.MouseWheel * ui.px(3.0f);
  }
  const float clamped = std::clamp(offset_, 0.0f, max_offset);
  if (clamped != offset_) velocity_ = 0;
  offset_ = clamped;
  if (dragging_ || velocity_ != 0) ui.wants_animation_frame = true;

  ImGui::SetCursorScreenPos(pos);
  ImGui::SetNextWindowScroll(ImVec2(0, offset_));
  ImGui::BeginChild(ImGui::GetID(id.data(), id.data() + id.size()), size, false,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                        ImGuiWindowFlags_NoBackground);
}

void ScrollArea::end(Ui& ui) {
  content_height_ = ImGui::GetCursorPosY();  // in content coordinates: the full height
  ImGui::EndChild();
  record(ui, id_, kiosk::Role::Region, pos_, ImVec2(pos_.x + size_.x, pos_.y + size_.y), {});
  if (content_height_ > view_height_ + 1) {
    // A slim indicator (not a control) shows there is more and where you are in it.
    const float track = view_height_;
    const float thumb = std::max(ui.px(2.0f), track * view_height_ / content_height_);
    const float max_offset = content_height_ - view_height_;
    const float y = pos_.y + (track - thumb) * (offset_ / max_offset);
    const float x = pos_.x + size_.x + ui.px(0.5f);
    ImGui::GetWindowDrawList()->AddRectFilled(
        ImVec2(x, y), ImVec2(x + ui.px(em::kScrollIndicatorWidth), y + thumb),
        col(ui.palette.border), ui.px(em::kScrollIndicatorWidth) / 2);
  }
}

}  // namespace ui

#include "ui/widgets.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>

#include <imgui_internal.h>

#include "kiosk/base/qr.h"
#include "kiosk/base/wipe.h"
#include "ui/text_input.h"

namespace ui {

using namespace kiosk::literals;

namespace {

ImU32 col(Color c) {
  return c.packed();
}

std::string_view trim_line(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
  return s;
}

}  // namespace

bool tapped(Ui& ui, std::string_view id, bool clicked) {
  if (ui.activate != nullptr && !id.empty() && *ui.activate == id) {
    ui.activate->clear();  // the keypad's Enter: acts at once, as a second tap would
    if (ui.speech != nullptr) ui.speech->selected.clear();
    return true;
  }
  // A finger that slid further than the threshold was scrolling, not tapping.
  if (!clicked || dragging(ui)) return false;
  if (ui.speech == nullptr || !ui.speech->on || id.empty()) return true;
  if (ui.speech->selected == id) {
    ui.speech->selected.clear();
    return true;
  }
  ui.speech->selected = id;
  const kiosk::WidgetInfo* w = ui.registry.find_in_frame(id);
  ui.speech->to_say = w != nullptr ? w->text : std::string();
  return false;
}

bool dragging(const Ui& ui) {
  return ImGui::IsMouseDragPastThreshold(ImGuiMouseButton_Left, ui.px(em::kDragThreshold));
}

void record(Ui& ui, std::string_view id, kiosk::Role role, ImVec2 min, ImVec2 max,
            std::string_view text, bool selected) {
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 cmin = draw->GetClipRectMin();
  const ImVec2 cmax = draw->GetClipRectMax();
  const kiosk::Rect r{min.x, min.y, max.x - min.x, max.y - min.y};
  const kiosk::Rect clip{cmin.x, cmin.y, cmax.x - cmin.x, cmax.y - cmin.y};
  // Scroll areas are child windows: what they hide above and below is scrolled away, not cut.
  const bool scrolls = (ImGui::GetCurrentWindow()->Flags & ImGuiWindowFlags_ChildWindow) != 0;
  ui.registry.add({std::string(id), role, r.intersect(clip), std::string(text), r, clip, scrolls,
                   false, selected});
}

namespace {

kiosk::WidgetRegistry* g_text_checks = nullptr;  // where TextChecks sends faults (one frame)

void text_fault(kiosk::TextFault::Kind kind, ImVec2 pos, float width, float height,
                std::string_view text) {
  if (g_text_checks == nullptr) return;
  g_text_checks->add_fault({kind, {pos.x, pos.y, width, height}, std::string(text)});
}

// A letter, a digit or part of a UTF-8 character: a break between two of them splits a word.
bool word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || std::isalnum(u) != 0;
}

// The line that starts at `s` had to end inside a word: the word is wider than the line.
bool breaks_word(const char* s, LineBreak line, const char* text_end) {
  return line.end > s && line.end == line.next && line.next < text_end && word_byte(line.end[-1]) &&
         word_byte(*line.next);
}

}  // namespace

TextChecks::TextChecks(kiosk::WidgetRegistry& registry) : previous_(g_text_checks) {
  g_text_checks = &registry;
}

TextChecks::~TextChecks() {
  g_text_checks = previous_;
}

ModalLayer::ModalLayer(Ui& ui, const char* window) : checks_(ui.registry) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::SetNextWindowFocus();  // on top of the screen, taking every touch
  ImGui::Begin(window, nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground |
                   ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoNav);
  ui.registry.cover_all();  // the screen underneath takes no touch while this shows
}

ModalLayer::~ModalLayer() {
  // Swallow touches outside the panel. Submitted last: ImGui gives a touch to the first item
  // under it, so the panel's buttons keep their taps and this takes the rest.
  ImGui::SetCursorScreenPos(ImVec2(0, 0));
  ImGui::InvisibleButton("##shield", ImGui::GetIO().DisplaySize);
  ImGui::End();
}

namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

// The characters after which ImGui 1.86 ends a word even with no space after them.
bool breaks_after(char c) {
  return c == '.' || c == ',' || c == ';' || c == '!' || c == '?' || c == '"';
}

}  // namespace

LineBreak next_line(ImFont* font, const char* s, const char* text_end, float width) {
  const char* end = font->CalcWordWrapPositionA(1.0f, s, text_end, width);
  if (end == s && s < text_end) ++end;  // a character wider than the line: never loop forever
  // A break glued to the punctuation before it ("a.|m."): back to the line's last space.
  if (end < text_end && end > s && breaks_after(end[-1]) && !is_blank(*end) && *end != '\n') {
    for (const char* p = end - 1; p > s; --p) {
      if (is_blank(*p)) {
        end = p;
        break;
      }
    }
  }
  // A link ImGui broke after a full stop ("example.|org/sample/jobs"): as far as a slash that
  // still fits goes, so the host stays whole ("example.org/sample/|jobs").
  if (end < text_end && end > s && breaks_after(end[-1]) && word_byte(*end) &&
      std::find_if(s, end, is_blank) == end) {
    for (const char* p = end; p < text_end && !is_blank(*p) && *p != '\n'; ++p) {
      if (*p != '/') continue;
      if (font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s, p + 1).x > width) break;
      end = p + 1;
    }
  }
  // A break inside a word (a word wider than the line, a link): after its last slash or hyphen
  // when it has one ("example.org/sample/|jobs"), where a link reads well broken.
  if (end < text_end && end > s && word_byte(end[-1]) && word_byte(*end)) {
    for (const char* p = end - 1; p > s && !is_blank(*p); --p) {
      if (*p == '/' || *p == '-') {
        end = p + 1;
        break;
      }
    }
  }
  // A newline inside the line ends it there (ImGui measures across newlines).
  const char* next = nullptr;
  if (const void* nl = std::memchr(s, '\n', static_cast<std::size_t>(end - s))) {
    end = static_cast<const char*>(nl);
    next = end + 1;
  } else {
    next = end;
    while (next < text_end && is_blank(*next)) ++next;
    if (next < text_end && *next == '\n') ++next;
  }
  while (end > s && is_blank(end[-1])) --end;  // trailing blanks would shift centred lines
  return {end, next};
}

namespace {

// Centred lines stand a little further apart than flowing text.
constexpr float kCenteredLineSpacing = 1.15f;

// A finger on the glass that has not moved for this long (seconds) has stopped: lifting it then
// starts no glide. A touch screen reports a moving finger about 60 times a second.
constexpr float kStillFinger = 0.1f;

int wrapped_lines(ImFont* font, std::string_view text, float width) {
  const char* s = text.data();
  const char* end = s + text.size();
  int lines = 0;
  while (s < end) {
    s = next_line(font, s, end, width).next;
    ++lines;
  }
  return lines;
}

}  // namespace

Press press_area(std::string_view id, ImVec2 pos, ImVec2 size) {
  ImGui::SetCursorScreenPos(pos);
  ImGui::PushID(id.data(), id.data() + id.size());
  Press press;
  press.clicked = ImGui::InvisibleButton("##press", size);
  press.held = ImGui::IsItemActive();
  ImGui::PopID();
  return press;
}

float wrapped_height(ImFont* font, std::string_view text, float width) {
  return static_cast<float>(wrapped_lines(font, text, width)) * font->FontSize;
}

float centered_text_height(ImFont* font, std::string_view text, float width) {
  return static_cast<float>(wrapped_lines(font, text, width)) * font->FontSize *
         kCenteredLineSpacing;
}

float draw_wrapped(ImDrawList* draw, ImFont* font, ImVec2 pos, ImU32 color, std::string_view text,
                   float width) {
  const char* s = text.data();
  const char* end = s + text.size();
  float y = pos.y;
  bool broken = false;
  while (s < end) {
    const LineBreak line = next_line(font, s, end, width);
    broken = broken || breaks_word(s, line, end);
    draw->AddText(font, font->FontSize, ImVec2(pos.x, y), color, s, line.end);
    y += font->FontSize;
    s = line.next;
  }
  if (broken) text_fault(kiosk::TextFault::Kind::BrokenWord, pos, width, y - pos.y, text);
  return y - pos.y;
}

float draw_centered_text(ImDrawList* draw, ImFont* font, std::string_view text, ImVec2 min,
                         ImVec2 max, float y, ImU32 color) {
  const float width = max.x - min.x;
  const char* s = text.data();
  const char* end = text.data() + text.size();
  const float top = y;
  bool broken = false;
  while (s < end) {
    const LineBreak line = next_line(font, s, end, width);
    broken = broken || breaks_word(s, line, end);
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s, line.end);
    draw->AddText(font, font->FontSize, ImVec2(std::floor(min.x + (width - size.x) / 2), y), color,
                  s, line.end);
    y += font->FontSize * kCenteredLineSpacing;
    s = line.next;
  }
  if (broken)
    text_fault(kiosk::TextFault::Kind::BrokenWord, ImVec2(min.x, top), width, y - top, text);
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
    case Icon::Chat: {
      const ImVec2 a(c.x - r * 0.9f, c.y - r * 0.75f);
      const ImVec2 b(c.x + r * 0.9f, c.y + r * 0.45f);
      draw->AddRect(a, b, color, r * 0.3f, 0, stroke);
      draw->AddTriangleFilled(ImVec2(c.x - r * 0.45f, b.y - stroke * 0.5f),
                              ImVec2(c.x - r * 0.05f, b.y - stroke * 0.5f),
                              ImVec2(c.x - r * 0.55f, c.y + r * 0.95f), color);
      ImFont* font = ImGui::GetFont();
      const float fs = size * 0.55f;
      const ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, 0, "?");
      draw->AddText(font, fs, ImVec2(c.x - ts.x / 2, (a.y + b.y) / 2 - ts.y / 2), color, "?");
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
    case Icon::Briefcase: {
      const float w = r * 0.95f;
      const float h = r * 0.7f;
      draw->AddRectFilled(ImVec2(c.x - w, c.y - h * 0.6f), ImVec2(c.x + w, c.y + h), color, stroke);
      draw->AddRect(ImVec2(c.x - w * 0.38f, c.y - h * 1.15f),
                    ImVec2(c.x + w * 0.38f, c.y - h * 0.55f), color, stroke * 0.6f, 0,
                    stroke * 0.8f);
      draw->AddLine(ImVec2(c.x - w, c.y + h * 0.1f), ImVec2(c.x + w, c.y + h * 0.1f), background,
                    stroke * 0.6f);
      break;
    }
    case Icon::Search: {
      const ImVec2 lens(c.x - r * 0.2f, c.y - r * 0.2f);
      draw->AddCircle(lens, r * 0.55f, color, 32, stroke);
      draw->AddLine(ImVec2(lens.x + r * 0.4f, lens.y + r * 0.4f),
                    ImVec2(c.x + r * 0.85f, c.y + r * 0.85f), color, stroke * 1.2f);
      break;
    }
    case Icon::Close: {
      const float a = r * 0.6f;
      draw->AddLine(ImVec2(c.x - a, c.y - a), ImVec2(c.x + a, c.y + a), color, stroke);
      draw->AddLine(ImVec2(c.x - a, c.y + a), ImVec2(c.x + a, c.y - a), color, stroke);
      break;
    }
    case Icon::Check: {
      const ImVec2 pts[3] = {ImVec2(c.x - r * 0.7f, c.y), ImVec2(c.x - r * 0.2f, c.y + r * 0.5f),
                             ImVec2(c.x + r * 0.75f, c.y - r * 0.55f)};
      draw->AddPolyline(pts, 3, color, 0, stroke * 1.1f);
      break;
    }
    case Icon::Next:
    case Icon::Previous: {
      const float d = icon == Icon::Next ? 1.0f : -1.0f;
      const ImVec2 pts[3] = {ImVec2(c.x - d * r * 0.3f, c.y - r * 0.6f),
                             ImVec2(c.x + d * r * 0.35f, c.y),
                             ImVec2(c.x - d * r * 0.3f, c.y + r * 0.6f)};
      draw->AddPolyline(pts, 3, color, 0, stroke * 1.1f);
      break;
    }
    case Icon::Printer: {
      draw->AddRect(ImVec2(c.x - r * 0.5f, c.y - r * 0.85f), ImVec2(c.x + r * 0.5f, c.y - r * 0.2f),
                    color, 0, 0, stroke * 0.7f);
      draw->AddRectFilled(ImVec2(c.x - r * 0.9f, c.y - r * 0.3f),
                          ImVec2(c.x + r * 0.9f, c.y + r * 0.4f), color, stroke * 0.5f);
      draw->AddRectFilled(ImVec2(c.x - r * 0.5f, c.y + r * 0.1f),
                          ImVec2(c.x + r * 0.5f, c.y + r * 0.85f), background);
      draw->AddRect(ImVec2(c.x - r * 0.5f, c.y + r * 0.1f), ImVec2(c.x + r * 0.5f, c.y + r * 0.85f),
                    color, 0, 0, stroke * 0.7f);
      break;
    }
    case Icon::Bookmark: {
      const ImVec2 pts[5] = {ImVec2(c.x - r * 0.55f, c.y - r * 0.85f),
                             ImVec2(c.x + r * 0.55f, c.y - r * 0.85f),
                             ImVec2(c.x + r * 0.55f, c.y + r * 0.85f), ImVec2(c.x, c.y + r * 0.4f),
                             ImVec2(c.x - r * 0.55f, c.y + r * 0.85f)};
      draw->AddConvexPolyFilled(pts, 4, color);  // the right half and the notch
      draw->AddTriangleFilled(pts[0], pts[3], pts[4], color);
      break;
    }
    case Icon::TextSize: {
      ImFont* font = ImGui::GetFont();
      const float big = size * 0.95f;
      const float small = size * 0.6f;
      const ImVec2 bs = font->CalcTextSizeA(big, FLT_MAX, 0, "A");
      const ImVec2 ss = font->CalcTextSizeA(small, FLT_MAX, 0, "A");
      const float total = bs.x + ss.x + stroke;
      const float x = c.x - total / 2;
      draw->AddText(font, small, ImVec2(x, c.y + bs.y / 2 - ss.y), color, "A");
      draw->AddText(font, big, ImVec2(x + ss.x + stroke, c.y - bs.y / 2), color, "A");
      break;
    }
    case Icon::Contrast: {
      draw->AddCircle(c, r * 0.85f, color, 32, stroke);
      draw->PathArcTo(c, r * 0.85f, -IM_PI / 2, IM_PI / 2, 24);
      draw->PathFillConvex(color);
      break;
    }
    case Icon::Speaker: {
      const ImVec2 body[4] = {
          ImVec2(c.x - r * 0.8f, c.y - r * 0.3f), ImVec2(c.x - r * 0.4f, c.y - r * 0.3f),
          ImVec2(c.x - r * 0.4f, c.y + r * 0.3f), ImVec2(c.x - r * 0.8f, c.y + r * 0.3f)};
      draw->AddConvexPolyFilled(body, 4, color);
      const ImVec2 cone[4] = {
          ImVec2(c.x - r * 0.4f, c.y - r * 0.3f), ImVec2(c.x + r * 0.1f, c.y - r * 0.75f),
          ImVec2(c.x + r * 0.1f, c.y + r * 0.75f), ImVec2(c.x - r * 0.4f, c.y + r * 0.3f)};
      draw->AddConvexPolyFilled(cone, 4, color);
      draw->PathArcTo(ImVec2(c.x + r * 0.1f, c.y), r * 0.45f, -IM_PI / 4, IM_PI / 4, 12);
      draw->PathStroke(color, 0, stroke * 0.7f);
      draw->PathArcTo(ImVec2(c.x + r * 0.1f, c.y), r * 0.75f, -IM_PI / 4, IM_PI / 4, 12);
      draw->PathStroke(color, 0, stroke * 0.7f);
      break;
    }
    case Icon::Warning: {
      draw->AddTriangleFilled(ImVec2(c.x, c.y - r * 0.9f), ImVec2(c.x - r, c.y + r * 0.8f),
                              ImVec2(c.x + r, c.y + r * 0.8f), color);
      draw->AddLine(ImVec2(c.x, c.y - r * 0.35f), ImVec2(c.x, c.y + r * 0.25f), background,
                    stroke * 1.2f);
      draw->AddCircleFilled(ImVec2(c.x, c.y + r * 0.52f), stroke * 0.7f, background);
      break;
    }
    case Icon::Person: {
      draw->AddCircleFilled(ImVec2(c.x, c.y - r * 0.4f), r * 0.42f, color, 24);
      draw->PathArcTo(ImVec2(c.x, c.y + r * 0.95f), r * 0.85f, 3.14159265f, 2 * 3.14159265f, 24);
      draw->PathFillConvex(color);
      break;
    }
    case Icon::Calendar: {
      const ImVec2 a(c.x - r * 0.85f, c.y - r * 0.65f);
      const ImVec2 b(c.x + r * 0.85f, c.y + r * 0.85f);
      draw->AddRect(a, b, color, stroke * 0.8f, 0, stroke);
      draw->AddRectFilled(a, ImVec2(b.x, a.y + r * 0.45f), color, stroke * 0.8f);
      for (const float dx : {-0.45f, 0.45f}) {  // the rings
        draw->AddLine(ImVec2(c.x + r * dx, c.y - r * 0.95f), ImVec2(c.x + r * dx, c.y - r * 0.5f),
                      color, stroke);
      }
      for (int row = 0; row < 2; ++row) {  // the days
        for (int col = -1; col <= 1; ++col) {
          const ImVec2 d(c.x + static_cast<float>(col) * r * 0.5f,
                         c.y + r * 0.15f + static_cast<float>(row) * r * 0.4f);
          draw->AddRectFilled(ImVec2(d.x - r * 0.13f, d.y - r * 0.11f),
                              ImVec2(d.x + r * 0.13f, d.y + r * 0.11f), color);
        }
      }
      break;
    }
    case Icon::Heart: {
      const float lobe = r * 0.48f;
      draw->AddCircleFilled(ImVec2(c.x - lobe * 0.9f, c.y - r * 0.25f), lobe, color, 24);
      draw->AddCircleFilled(ImVec2(c.x + lobe * 0.9f, c.y - r * 0.25f), lobe, color, 24);
      draw->AddTriangleFilled(ImVec2(c.x - r * 0.9f, c.y - r * 0.08f),
                              ImVec2(c.x + r * 0.9f, c.y - r * 0.08f), ImVec2(c.x, c.y + r * 0.9f),
                              color);
      break;
    }
    case Icon::List: {
      for (int i = -1; i <= 1; ++i) {
        const float y = c.y + static_cast<float>(i) * r * 0.55f;
        draw->AddCircleFilled(ImVec2(c.x - r * 0.7f, y), stroke * 0.75f, color);
        draw->AddLine(ImVec2(c.x - r * 0.35f, y), ImVec2(c.x + r * 0.85f, y), color, stroke * 0.8f);
      }
      break;
    }
  }
}

bool button(Ui& ui, std::string_view id, std::string_view label, ImVec2 pos, ImVec2 size,
            ButtonKind kind, Icon icon) {
  size.x = std::max(size.x, ui.px(em::kMinTouchTarget));
  size.y = std::max(size.y, ui.px(em::kMinTouchTarget));
  const auto [clicked, held] = press_area(id, pos, size);

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
  const float pad = ui.px(em::kInnerPadding) * 0.75f;
  if (icon != Icon::None &&
      (widest_word(font, label) > size.x - 2 * pad - ui.px(em::kSmallIconSize) - ui.px(0.5f) ||
       (button_width(ui, label, true) > size.x && button_width(ui, label, false) <= size.x))) {
    icon = Icon::None;  // the words need the icon's room: one line, or no word broken
  }
  const float icon_size = icon == Icon::None ? 0 : ui.px(em::kSmallIconSize);
  const float gap = icon == Icon::None ? 0 : ui.px(0.5f);
  const float text_room = size.x - 2 * pad - icon_size - gap;
  const ImVec2 text_size = font->CalcTextSizeA(font->FontSize, FLT_MAX, text_room, label.data(),
                                               label.data() + label.size());
  const float content_w = icon_size + gap + text_size.x;
  const float x0 = pos.x + (size.x - content_w) / 2;
  if (icon != Icon::None) {
    draw_icon(draw, icon, ImVec2(x0 + icon_size / 2, pos.y + size.y / 2), icon_size, col(ink),
              col(fill));
  }
  // The lines as measured, plus a pixel: the sums above round, and a hair too narrow would
  // push a word's last letter onto a line of its own.
  const float text_h = draw_centered_text(draw, font, label, ImVec2(x0 + icon_size + gap, pos.y),
                                          ImVec2(x0 + content_w + 1, max.y),
                                          pos.y + (size.y - text_size.y) / 2, col(ink));
  if (text_h > size.y) {  // more lines than the button is tall: they spill over its edges
    text_fault(kiosk::TextFault::Kind::TooBig, ImVec2(x0, pos.y), content_w, text_h, label);
  }
  record(ui, id, kiosk::Role::Button, pos, max, label);
  return tapped(ui, id, clicked);
}

bool button_fits(const Ui& ui, std::string_view label, ImVec2 size) {
  ImFont* font = ui.fonts.body_bold;
  const float room = size.x - 2 * ui.px(em::kInnerPadding) * 0.75f;
  return widest_word(font, label) <= room && centered_text_height(font, label, room) <= size.y;
}

float button_width(const Ui& ui, std::string_view label, bool with_icon) {
  ImFont* font = ui.fonts.body_bold;
  const float text =
      font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.data(), label.data() + label.size()).x;
  const float icon = with_icon ? ui.px(em::kSmallIconSize) + ui.px(0.5f) : 0.0f;
  return std::ceil(text + icon + 2 * ui.px(em::kInnerPadding) * 0.75f) + 1;
}

ImVec2 fitted_button_size(const Ui& ui, std::string_view label, float max_width) {
  const float w = std::min(max_width, button_width(ui, label, true));
  const float h = std::max(
      ui.px(em::kButtonHeight),
      centered_text_height(ui.fonts.body_bold, label, w - ui.px(em::kInnerPadding) * 1.5f) +
          ui.px(em::kInnerPadding));
  return {w, h};
}

float widest_word(ImFont* font, std::string_view text) {
  float widest = 0;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t space = text.find_first_of(" \n", at);
    if (space == std::string_view::npos) space = text.size();
    widest = std::max(
        widest,
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data() + at, text.data() + space).x);
    at = space + 1;
  }
  return widest;
}

float icon_button_width(const Ui& ui, std::string_view word, bool stacked) {
  ImFont* font = stacked ? ui.fonts.small : ui.fonts.body;
  const float text =
      font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, word.data(), word.data() + word.size()).x;
  const float pad = 2 * ui.px(em::kInnerPadding) * 0.5f;
  if (stacked) return std::ceil(std::max(text, ui.px(em::kMinTouchTarget)) + pad);
  return std::ceil(ui.px(em::kSmallIconSize) + ui.px(0.3f) + text + pad);
}

float icon_button_stacked_height(const Ui& ui) {
  return std::ceil(ui.px(em::kSmallIconSize) + ui.fonts.small->FontSize * 1.15f +
                   2 * ui.px(em::kInnerPadding) * 0.4f);
}

bool icon_button(Ui& ui, std::string_view id, Icon icon, std::string_view word,
                 std::string_view spoken, ImVec2 pos, ImVec2 size, bool on) {
  size.x = std::max(size.x, ui.px(em::kMinTouchTarget));
  size.y = std::max(size.y, ui.px(em::kMinTouchTarget));
  const auto [clicked, held] = press_area(id, pos, size);
  const Palette& p = ui.palette;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 max(pos.x + size.x, pos.y + size.y);
  const float rounding = ui.px(em::kCornerRadius);
  // On: filled with the header's text colour and the icon in the header's colour (the fill says
  // it, not a hue).
  const Color fill = on ? p.header_text : (held ? p.primary_pressed : p.header);
  const Color ink = on ? p.header : p.header_text;
  draw->AddRectFilled(pos, max, col(fill), rounding);
  draw->AddRect(pos, max, col(p.header_text), rounding, 0, std::max(2.0f, ui.px(em::kBorderWidth)));
  // The icon, then its word, centred together on one line; narrower than that, the icon over
  // the word in smaller letters.
  const bool stacked = size.x < icon_button_width(ui, word, false);
  ImFont* font = stacked ? ui.fonts.small : ui.fonts.body;
  const float icon_px = ui.px(em::kSmallIconSize);
  const float gap = ui.px(0.3f);
  const float text_w =
      font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, word.data(), word.data() + word.size()).x;
  if (stacked) {
    const float block = icon_px + font->FontSize * 1.15f;
    const float top = std::floor(pos.y + (size.y - block) / 2);
    draw_icon(draw, icon, ImVec2(pos.x + size.x / 2, top + icon_px / 2), icon_px, col(ink),
              col(fill));
    draw->AddText(font, font->FontSize,
                  ImVec2(std::floor(pos.x + (size.x - text_w) / 2), top + icon_px), col(ink),
                  word.data(), word.data() + word.size());
  } else {
    const float content = icon_px + gap + text_w;
    const float x0 = std::floor(pos.x + (size.x - content) / 2);
    const float cy = pos.y + size.y / 2;
    draw_icon(draw, icon, ImVec2(x0 + icon_px / 2, cy), icon_px, col(ink), col(fill));
    draw->AddText(font, font->FontSize,
                  ImVec2(x0 + icon_px + gap, std::floor(cy - font->FontSize / 2)), col(ink),
                  word.data(), word.data() + word.size());
  }
  if (text_w > size.x || (stacked && size.y < icon_button_stacked_height(ui) - 1)) {
    text_fault(kiosk::TextFault::Kind::TooBig, ImVec2(pos.x, pos.y), size.x, size.y, word);
  }
  record(ui, id, kiosk::Role::Toggle, pos, max, spoken);
  return tapped(ui, id, clicked);
}

bool tile(Ui& ui, std::string_view id, std::string_view title, std::string_view subtitle,
          ImVec2 pos, ImVec2 size, Icon icon, TileLayout layout) {
  const auto [clicked, held] = press_area(id, pos, size);

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
  const float band = ui.px(0.35f);
  ImFont* tf = ui.fonts.label;
  // The icon over the words when the tile is tall enough for both, else beside them.
  const bool beside = layout == TileLayout::Auto
                          ? size.y < tile_stacked_height(ui, title, subtitle, size.x)
                          : layout == TileLayout::Beside;
  float y = pos.y + pad * 0.75f;
  ImVec2 text_min(pos.x + pad + band, y + icon_size + pad * 0.4f);
  if (beside) {
    text_min.x += icon_size + pad;
    const float w = max.x - pad - text_min.x;
    const float text_h =
        wrapped_height(tf, title, w) + pad * 0.25f + wrapped_height(ui.fonts.body, subtitle, w);
    // Centred; a tile squeezed to fit a screen keeps three quarters of its padding.
    text_min.y = pos.y + std::max(pad * 0.75f, (size.y - text_h) / 2);
    y = pos.y + (size.y - icon_size) / 2;
  }
  draw_icon(draw, icon, ImVec2(pos.x + pad + band + icon_size / 2, y + icon_size / 2), icon_size,
            col(p.accent), col(fill));
  const float width = max.x - pad - text_min.x;
  y = text_min.y;
  y += draw_wrapped(draw, tf, text_min, col(p.text), title, width) + pad * 0.25f;
  y += draw_wrapped(draw, ui.fonts.body, ImVec2(text_min.x, y), col(p.text_muted), subtitle, width);
  if (y > max.y) text_fault(kiosk::TextFault::Kind::TooBig, text_min, width, y - text_min.y, title);
  std::string spoken(title);
  if (!title.empty() && title.back() != '?' && title.back() != '.') spoken += '.';
  spoken += ' ';
  spoken += subtitle;
  record(ui, id, kiosk::Role::Tile, pos, max, spoken);
  return tapped(ui, id, clicked);
}

float tile_stacked_height(const Ui& ui, std::string_view title, std::string_view subtitle,
                          float width) {
  const float pad = ui.px(em::kInnerPadding);
  const float w = width - 2 * pad - ui.px(0.35f);
  return pad * 0.75f + ui.px(em::kIconSize) + pad * 0.4f +
         wrapped_height(ui.fonts.label, title, w) + pad * 0.25f +
         wrapped_height(ui.fonts.body, subtitle, w) + pad * 0.75f;
}

bool tile_words_fit_beside(const Ui& ui, std::string_view title, std::string_view subtitle,
                           float width) {
  const float pad = ui.px(em::kInnerPadding);
  const float w = width - 3 * pad - ui.px(0.35f) - ui.px(em::kIconSize);
  return widest_word(ui.fonts.label, title) <= w && widest_word(ui.fonts.body, subtitle) <= w;
}

float tile_min_height(const Ui& ui, std::string_view title, std::string_view subtitle,
                      float width) {
  const float pad = ui.px(em::kInnerPadding);
  const float w = width - 3 * pad - ui.px(0.35f) - ui.px(em::kIconSize);
  return std::max(ui.px(em::kIconSize), wrapped_height(ui.fonts.label, title, w) + pad * 0.25f +
                                            wrapped_height(ui.fonts.body, subtitle, w)) +
         2 * pad;
}

void paragraph(Ui& ui, std::string_view text, ImFont* font, Color color, float width,
               kiosk::Role role) {
  text = trim_line(text);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const float h = draw_wrapped(ImGui::GetWindowDrawList(), font, pos, col(color), text, width);
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
    if (!dragging_) {
      velocity_ = 0;
      last_drag_frame_ = ui.clock_now;
      ui.input.blur();  // as phones do: scrolling puts the keyboard away, Back and Home return
    }
    dragging_ = true;
    offset_ -= io.MouseDelta.y;
    // The finger's speed by the clock between its moves, not by the frame time (which is
    // capped) nor per frame: a slow frame that gathers many moves must not turn a gentle drag
    // into a flick, and frames drawn between two moves of the finger (a fast machine draws
    // several) must not count as the finger stopping. A finger held still for a while does stop.
    const float elapsed = std::chrono::duration<float>(ui.clock_now - last_drag_frame_).count();
    if (io.MouseDelta.y != 0) {
      last_drag_frame_ = ui.clock_now;
      if (elapsed > 0) {
        const float instant = -io.MouseDelta.y / elapsed;
        velocity_ = velocity_ * 0.6f + instant * 0.4f;  // smoothed, for the fling
        // The glide after a flick goes at most half the area's height (it is velocity / 4):
        // in a small area a short drag never skips rows the resident did not see go by.
        const float cap = 2.0f * view_height_;
        velocity_ = std::clamp(velocity_, -cap, cap);
      }
    } else if (elapsed > kStillFinger) {
      velocity_ = 0;
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
  if (ui.scroll != nullptr && ui.scroll->area == id) {
    offset_ += ui.scroll->by;  // the keypad's focus, brought into view
    velocity_ = 0;
    ui.scroll->area.clear();
  }
  const float clamped = std::clamp(offset_, 0.0f, max_offset);
  if (clamped != offset_) velocity_ = 0;
  offset_ = clamped;
  if (dragging_ || velocity_ != 0) ui.wants_animation_frame = true;

  ImGui::SetCursorScreenPos(pos);
  ImGui::SetNextWindowScroll(ImVec2(0, offset_));
  // ImGui reads a zero size as "fill what is left": an area squeezed to nothing stays nothing.
  size = ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f));
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

float chip_height(const Ui& ui) {
  return ui.px(em::kChipHeight);
}

float chip_width(const Ui& ui, std::string_view label) {
  ImFont* font = ui.fonts.body;
  const float text =
      font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.data(), label.data() + label.size()).x;
  // Room for the check mark whether on or off: a chip never changes width when toggled.
  return text + ui.px(em::kChipPadding) * 2 + ui.px(em::kSmallIconSize) + ui.px(0.35f);
}

bool chip(Ui& ui, std::string_view id, std::string_view label, bool on, ImVec2 pos) {
  const ImVec2 size(chip_width(ui, label), chip_height(ui));
  const auto [clicked, held] = press_area(id, pos, size);

  const Palette& p = ui.palette;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 max(pos.x + size.x, pos.y + size.y);
  const float rounding = size.y / 2;
  const Color fill =
      on ? (held ? p.primary_pressed : p.primary) : (held ? p.surface_pressed : p.surface);
  const Color ink = on ? p.on_primary : p.text;
  draw->AddRectFilled(pos, max, col(fill), rounding);
  draw->AddRect(pos, max, col(on ? p.primary : p.border), rounding, 0,
                std::max(2.0f, ui.px(em::kBorderWidth)));
  const float icon = ui.px(em::kSmallIconSize);
  ImFont* font = ui.fonts.body;
  // Off, the label sits in the middle; on, the check mark takes the room kept for it.
  float x = pos.x + ui.px(em::kChipPadding);
  if (on) {
    draw_icon(draw, Icon::Check, ImVec2(x + icon / 2, pos.y + size.y / 2), icon, col(ink),
              col(fill));
    x += icon + ui.px(0.35f);
  } else {
    x += (icon + ui.px(0.35f)) / 2;
  }
  draw->AddText(font, font->FontSize, ImVec2(x, pos.y + (size.y - font->FontSize) / 2), col(ink),
                label.data(), label.data() + label.size());
  std::string spoken(label);
  if (on) spoken += ", " + ui.t("chip.on"_msg);  // said in words, as the check mark shows it
  record(ui, id, kiosk::Role::Toggle, pos, max, spoken, on);
  return tapped(ui, id, clicked);
}

bool text_field(Ui& ui, std::string_view id, std::string& text, std::string_view placeholder,
                kiosk::KeyboardMode mode, std::size_t max_bytes, ImVec2 pos, ImVec2 size,
                std::string_view enter_label, Icon icon_kind, std::string_view name) {
  const Palette& p = ui.palette;
  const bool focused = ui.input.focused(id);
  const float clear_w = text.empty() ? 0 : std::max(size.y, ui.px(em::kMinTouchTarget));
  const ImVec2 max(pos.x + size.x, pos.y + size.y);

  const bool clicked = press_area(id, pos, ImVec2(size.x - clear_w, size.y)).clicked;

  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float rounding = ui.px(em::kCornerRadius);
  draw->AddRectFilled(pos, max, col(p.surface), rounding);
  const float border = std::max(2.0f, ui.px(em::kBorderWidth)) * (focused ? 2.0f : 1.0f);
  draw->AddRect(pos, max, col(focused ? p.primary : p.border), rounding, 0, border);

  const float pad = ui.px(em::kInnerPadding) * 0.6f;
  const float icon = ui.px(em::kSmallIconSize);
  if (icon_kind != Icon::None) {
    draw_icon(draw, icon_kind, ImVec2(pos.x + pad + icon / 2, pos.y + size.y / 2), icon,
              col(p.text_muted), col(p.surface));
  }
  const float text_x = pos.x + pad * (icon_kind != Icon::None ? 1.5f : 1.0f) +
                       (icon_kind != Icon::None ? icon : 0.0f);
  const float text_right = max.x - clear_w - pad;
  ImFont* font = ui.fonts.body;
  const float y = pos.y + (size.y - font->FontSize) / 2;
  draw->PushClipRect(ImVec2(text_x, pos.y), ImVec2(text_right, max.y), true);
  if (text.empty()) {
    // Past the caret when focused, so the two never overlap.
    const float px = text_x + (focused ? ui.px(0.3f) : 0.0f);
    draw_text_lines(draw, font, placeholder, ImVec2(px, y), text_right - px, 1, col(p.text_muted));
  }
  // The end of the text stays in view (and the caret with it) when it is longer than the box.
  const float w =
      font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
  const float caret_room = ui.px(0.3f);
  const float x = std::min(text_x, text_right - caret_room - w);
  draw->AddText(font, font->FontSize, ImVec2(x, y), col(p.text), text.data(),
                text.data() + text.size());
  if (focused) {
    const float cx = text.empty() ? text_x : x + w + ui.px(0.08f);
    draw->AddRectFilled(ImVec2(cx, y),
                        ImVec2(cx + std::max(2.0f, ui.px(0.08f)), y + font->FontSize),
                        col(p.primary));
  }
  draw->PopClipRect();
  // Empty, speech says the placeholder, or the field's name when it shows none (its label);
  // typed, the name and the text ("First name: Ana"), or the text alone.
  if (!name.empty() && !text.empty()) {
    std::string spoken(name);
    spoken += ": ";
    spoken += text;
    record(ui, id, kiosk::Role::TextField, pos, ImVec2(max.x - clear_w, max.y), spoken);
    kiosk::wipe(spoken);
  } else {
    record(ui, id, kiosk::Role::TextField, pos, ImVec2(max.x - clear_w, max.y),
           !text.empty()         ? std::string_view(text)
           : placeholder.empty() ? name
                                 : placeholder);
  }
  if (tapped(ui, id, clicked)) ui.input.focus(id, &text, mode, max_bytes, enter_label);
  ui.input.seen(id, pos, max);  // after focus(): a field focused this frame was drawn

  bool cleared = false;
  if (!text.empty()) {
    const std::string clear_id = std::string(id) + ".clear";
    const ImVec2 cpos(max.x - clear_w, pos.y);
    const auto [clear_clicked, held] = press_area(clear_id, cpos, ImVec2(clear_w, size.y));
    const ImVec2 c(cpos.x + clear_w / 2, pos.y + size.y / 2);
    draw->AddCircleFilled(c, icon * 0.75f, col(held ? p.primary_pressed : p.text_muted));
    draw_icon(draw, Icon::Close, c, icon * 0.9f, col(p.surface), col(p.text_muted));
    record(ui, clear_id, kiosk::Role::Button, cpos, ImVec2(max.x, max.y), ui.t("field.clear"_msg));
    if (tapped(ui, clear_id, clear_clicked)) {
      kiosk::wipe(text);
      cleared = true;
    }
  }
  return cleared;
}

void qr_image(Ui& ui, std::string_view id, const kiosk::QrCode& code, ImVec2 pos, float side,
              std::string_view spoken) {
  const int modules = code.size() + 2 * kiosk::QrCode::kQuietZone;
  const float module = std::floor(side / static_cast<float>(modules));
  const float drawn = module * static_cast<float>(modules);
  const ImVec2 origin(std::floor(pos.x + (side - drawn) / 2),
                      std::floor(pos.y + (side - drawn) / 2));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 white = IM_COL32(255, 255, 255, 255);
  const ImU32 black = IM_COL32(0, 0, 0, 255);
  draw->AddRectFilled(origin, ImVec2(origin.x + drawn, origin.y + drawn), white);
  const float q = static_cast<float>(kiosk::QrCode::kQuietZone) * module;
  // One rectangle per horizontal run of dark modules: a few hundred quads, not thousands.
  for (int y = 0; y < code.size(); ++y) {
    int x = 0;
    while (x < code.size()) {
      if (!code.dark(x, y)) {
        ++x;
        continue;
      }
      const int start = x;
      while (x < code.size() && code.dark(x, y)) ++x;
      const ImVec2 a(origin.x + q + static_cast<float>(start) * module,
                     origin.y + q + static_cast<float>(y) * module);
      draw->AddRectFilled(a, ImVec2(a.x + static_cast<float>(x - start) * module, a.y + module),
                          black);
    }
  }
  record(ui, id, kiosk::Role::Image, origin, ImVec2(origin.x + drawn, origin.y + drawn), spoken);
}

int count_lines(ImFont* font, std::string_view text, float width, int max_lines) {
  const char* s = text.data();
  const char* end = s + text.size();
  int lines = 0;
  while (s < end && lines < max_lines) {
    ++lines;
    s = next_line(font, s, end, width).next;
  }
  return std::max(lines, 1);
}

float draw_text_lines(ImDrawList* draw, ImFont* font, std::string_view text, ImVec2 pos,
                      float width, int max_lines, ImU32 color) {
  const char* s = text.data();
  const char* end = s + text.size();
  const float line_h = font->FontSize * 1.15f;
  float y = pos.y;
  bool broken = false;
  for (int line = 0; line < max_lines && s < end; ++line) {
    const LineBreak wrap = next_line(font, s, end, width);
    const char* line_end = wrap.end;
    const char* next = wrap.next;
    if (line == max_lines - 1 && next < end) {
      // The last line that fits: end it on a whole word, with an ellipsis.
      const char* ellipsis = "\xE2\x80\xA6";
      const float ew = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, ellipsis).x;
      const LineBreak shorter = next_line(font, s, end, width - ew);
      const char* cut = shorter.end;
      broken = broken || breaks_word(s, shorter, end);
      if (cut == s) {  // not one letter fits beside the ellipsis: it sticks out of the box
        cut = line_end;
        text_fault(kiosk::TextFault::Kind::TooBig, pos, width, line_h, text);
      }
      while (cut > s && cut[-1] == ' ') --cut;
      std::string shown(s, cut);
      shown += ellipsis;
      draw->AddText(font, font->FontSize, ImVec2(pos.x, y), color, shown.c_str());
    } else {
      broken = broken || breaks_word(s, wrap, end);
      draw->AddText(font, font->FontSize, ImVec2(pos.x, y), color, s, line_end);
    }
    y += line_h;
    s = next;
  }
  if (broken) text_fault(kiosk::TextFault::Kind::BrokenWord, pos, width, y - pos.y, text);
  return y - pos.y;
}

}  // namespace ui

namespace ui {

// ---- Choices, problems and questions -----------------------------------------------------------

namespace {

float check_box_side(const Ui& ui) {
  return ui.px(em::kSmallIconSize * 1.3f);
}

}  // namespace

float check_row_height(const Ui& ui, std::string_view label, float width) {
  const float pad = ui.px(em::kInnerPadding) * 0.6f;
  const float text_w = width - 3 * pad - check_box_side(ui);
  const float text_h = wrapped_height(ui.fonts.body, label, text_w);
  return std::max(ui.px(em::kButtonHeight), text_h + 2 * pad);
}

bool check_row(Ui& ui, std::string_view id, std::string_view label, bool on, bool radio, ImVec2 pos,
               float width, float height) {
  height = std::max(height, check_row_height(ui, label, width));
  const ImVec2 size(width, height);
  const auto [clicked, held] = press_area(id, pos, size);
  const Palette& p = ui.palette;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 max(pos.x + size.x, pos.y + size.y);
  const float rounding = ui.px(em::kCornerRadius);
  draw->AddRectFilled(pos, max, col(held ? p.surface_pressed : p.surface), rounding);
  const float border = std::max(2.0f, ui.px(em::kBorderWidth)) * (on ? 2.0f : 1.0f);
  draw->AddRect(pos, max, col(on ? p.primary : p.border), rounding, 0, border);

  const float pad = ui.px(em::kInnerPadding) * 0.6f;
  const float side = check_box_side(ui);
  const ImVec2 box(pos.x + pad, pos.y + (height - side) / 2);
  const ImVec2 box_max(box.x + side, box.y + side);
  const ImVec2 centre(box.x + side / 2, box.y + side / 2);
  const float stroke = std::max(2.0f, ui.px(em::kBorderWidth) * 1.5f);
  if (radio) {
    draw->AddCircle(centre, side / 2, col(on ? p.primary : p.text_muted), 24, stroke);
    if (on) draw->AddCircleFilled(centre, side * 0.28f, col(p.primary), 24);
  } else if (on) {
    draw->AddRectFilled(box, box_max, col(p.primary), ui.px(0.15f));
    draw_icon(draw, Icon::Check, centre, side * 0.8f, col(p.on_primary), col(p.primary));
  } else {
    draw->AddRect(box, box_max, col(p.text_muted), ui.px(0.15f), 0, stroke);
  }
  const float text_x = box_max.x + pad;
  const float text_w = max.x - pad - text_x;
  const float text_h = wrapped_height(ui.fonts.body, label, text_w);
  draw_wrapped(draw, ui.fonts.body, ImVec2(text_x, pos.y + (height - text_h) / 2), col(p.text),
               label, text_w);
  std::string spoken(label);
  spoken += ", " + ui.t(on ? "chip.on"_msg : "check.off"_msg);  // the state in words too
  record(ui, id, kiosk::Role::Toggle, pos, max, spoken, on);
  return tapped(ui, id, clicked);
}

float problem_height(const Ui& ui, std::string_view text, float width) {
  const float icon = ui.px(em::kSmallIconSize);
  return std::max(icon, wrapped_height(ui.fonts.body, text, width - icon - ui.px(0.4f)));
}

float draw_problem(Ui& ui, std::string_view id, std::string_view text, ImVec2 pos, float width) {
  const Palette& p = ui.palette;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float icon = ui.px(em::kSmallIconSize);
  const float text_x = pos.x + icon + ui.px(0.4f);
  const float height = problem_height(ui, text, width);
  draw_icon(draw, Icon::Warning, ImVec2(pos.x + icon / 2, pos.y + ui.fonts.body->FontSize / 2),
            icon, col(p.error), col(p.background));
  draw_wrapped(draw, ui.fonts.body, ImVec2(text_x, pos.y), col(p.error), text,
               pos.x + width - text_x);
  record(ui, id, kiosk::Role::Text, pos, ImVec2(pos.x + width, pos.y + height), text);
  if (!id.empty()) ui.registry.mark_live(id);  // speech mode says a problem when it appears
  return height;
}

Answer ask(Ui& ui, const Question& question) {
  const ModalLayer layer(ui, "##question");
  const ImGuiIO& io = ImGui::GetIO();
  const Palette& p = ui.palette;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  // The screen dimmed behind the question: it is not what the finger should reach for now.
  draw->AddRectFilled(ImVec2(0, 0), io.DisplaySize, IM_COL32(0, 0, 0, 110));
  const float width = std::min(io.DisplaySize.x - 2 * ui.px(em::kScreenPadding), ui.px(28.0f));
  const float pad = ui.px(em::kInnerPadding) * 1.5f;
  const float inner = width - 2 * pad;
  const std::string& title = ui.t(question.title);
  const std::string& body = ui.t(question.body);
  const std::string& yes = ui.t(question.yes);
  const std::string& no = ui.t(question.no);
  const float bh = ui.px(em::kButtonHeight);
  const float gap = ui.px(em::kGap);
  const float h_title = centered_text_height(ui.fonts.heading, title, inner);
  const float h_body = centered_text_height(ui.fonts.body, body, inner);
  const float height =
      pad * 2 + h_title + ui.px(em::kParagraphGap) + h_body + ui.px(em::kSectionGap) + 2 * bh + gap;
  const ImVec2 pos((io.DisplaySize.x - width) / 2, std::max(0.0f, (io.DisplaySize.y - height) / 2));
  const ImVec2 max(pos.x + width, pos.y + height);
  draw->AddRectFilled(pos, max, p.surface.packed(), ui.px(em::kCornerRadius));
  draw->AddRect(pos, max, p.primary.packed(), ui.px(em::kCornerRadius), 0,
                std::max(3.0f, ui.px(em::kBorderWidth) * 2));
  const std::string id(question.id);
  record(ui, id + ".question", kiosk::Role::Region, pos, max, {});

  float y = pos.y + pad;
  const ImVec2 tmin(pos.x + pad, pos.y);
  const ImVec2 tmax(max.x - pad, max.y);
  const float th =
      draw_centered_text(draw, ui.fonts.heading, title, tmin, tmax, y, p.text.packed());
  record(ui, {}, kiosk::Role::Heading, ImVec2(tmin.x, y), ImVec2(tmax.x, y + th), title);
  y += th + ui.px(em::kParagraphGap);
  const float bh_text =
      draw_centered_text(draw, ui.fonts.body, body, tmin, tmax, y, p.text.packed());
  record(ui, {}, kiosk::Role::Text, ImVec2(tmin.x, y), ImVec2(tmax.x, y + bh_text), body);
  y += bh_text + ui.px(em::kSectionGap);
  Answer answer = Answer::None;
  if (button(ui, id + ".confirm", yes, ImVec2(tmin.x, y), ImVec2(inner, bh), ButtonKind::Primary,
             Icon::Check)) {
    answer = Answer::Yes;
  }
  y += bh + gap;
  if (button(ui, id + ".cancel", no, ImVec2(tmin.x, y), ImVec2(inner, bh), ButtonKind::Outline,
             Icon::Back)) {
    answer = Answer::No;
  }
  return answer;
}

void release_draw_buffers() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  for (ImGuiWindow* window : g.Windows) {
    if (!window->MemoryCompacted) ImGui::GcCompactTransientWindowBuffers(window);
  }
}

}  // namespace ui

#include "ui/keyboard.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <vector>

#include "kiosk/base/utf8.h"

namespace ui {
namespace {

using kiosk::Key;
using kiosk::KeyboardMode;
using kiosk::KeyboardState;
using Result = KeyboardState::Result;

// Text pages have five rows; height() is five rows of em::kKeyHeight and every page fills it
// (the six-row email pages get slightly shorter keys, still well above em::kMinTouchTarget).
constexpr int kDesignRows = 5;
constexpr float kLongPressSeconds = 0.45f;       // then the accented variants pop up
constexpr float kRepeatDelaySeconds = 0.5f;      // backspace held this long starts repeating
constexpr float kRepeatIntervalSeconds = 0.08f;  // about twelve characters a second
constexpr float kPreviewScale = 1.25f;           // the bubble over a held letter, per key size

ImU32 col(Color c) {
  return c.packed();
}

// A point offset from c (imgui.h has no vector operators without imgui_internal.h).
ImVec2 at(ImVec2 c, float dx, float dy) {
  return {c.x + dx, c.y + dy};
}

bool contains(ImVec2 min, ImVec2 max, ImVec2 p) {
  return p.x >= min.x && p.x < max.x && p.y >= min.y && p.y < max.y;
}

bool overlaps(ImVec2 amin, ImVec2 amax, ImVec2 bmin, ImVec2 bmax) {
  return amin.x < bmax.x && bmin.x < amax.x && amin.y < bmax.y && bmin.y < amax.y;
}

std::size_t code_points(std::string_view s) {
  return kiosk::utf8::length(s);
}

struct PlacedKey {
  const Key* key = nullptr;
  ImVec2 min, max;
};

struct PopupCell {
  std::string variant;
  ImVec2 min, max;
};

float row_units(const kiosk::KeyRow& row) {
  float units = 0;
  for (const Key& k : row) units += k.width;
  return units;
}

// The widest row of any page, so keys keep their width when the page changes.
float layout_units(kiosk::Language language, KeyboardMode mode) {
  float units = 1;
  for (const auto page :
       {KeyboardState::Page::Letters, KeyboardState::Page::Symbols, KeyboardState::Page::Accents}) {
    for (const auto& row : kiosk::keyboard_rows(language, mode, page)) {
      units = std::max(units, row_units(row));
    }
  }
  return units;
}

// Rows are centred; a key `w` units wide spans w pitches less one gap, so rows of equal units
// line up at both ends.
std::vector<PlacedKey> place_keys(const Ui& ui, const std::vector<kiosk::KeyRow>& rows, float units,
                                  KeyboardMode mode, ImVec2 pos, float width, float height) {
  const float pad = ui.px(em::kKeyboardPadding);
  const float gap = ui.px(em::kKeyGap);
  const float avail = OnScreenKeyboard::keys_width(ui, width, mode);
  const float pitch = (avail + gap) / units;
  const float left = pos.x + (width - avail) / 2;
  const auto n = static_cast<float>(std::max<std::size_t>(1, rows.size()));
  const float key_h = (height - 2 * pad - (n - 1) * gap) / n;

  std::vector<PlacedKey> placed;
  float y = pos.y + pad;
  for (const auto& row : rows) {
    float x = left + (units - row_units(row)) / 2 * pitch;
    for (const Key& k : row) {
      const float w = k.width * pitch - gap;
      placed.push_back({&k, ImVec2(std::round(x), std::round(y)),
                        ImVec2(std::round(x + w), std::round(y + key_h))});
      x += k.width * pitch;
    }
    y += key_h + gap;
  }
  return placed;
}

// The variants in a row of key-sized cells just above the key, kept inside the keyboard.
std::vector<PopupCell> place_popup(const Ui& ui, const PlacedKey& base, float left, float right) {
  const float gap = ui.px(em::kKeyGap);
  const float w = base.max.x - base.min.x;
  const float h = base.max.y - base.min.y;
  const auto n = static_cast<float>(base.key->variants.size());
  const float total = n * w + (n - 1) * gap;
  float x = (base.min.x + base.max.x) / 2 - total / 2;
  x = std::max(left, std::min(x, right - total));
  const float y = base.min.y - gap - h;
  std::vector<PopupCell> cells;
  for (const auto& v : base.key->variants) {
    cells.push_back({v, ImVec2(std::round(x), y), ImVec2(std::round(x + w), y + h)});
    x += w + gap;
  }
  return cells;
}

// Text centred in [min, max], shrunk to fit the key rather than spill over its edge.
void draw_fitted_text(const Ui& ui, ImDrawList* draw, ImFont* font, std::string_view text,
                      ImVec2 min, ImVec2 max, ImU32 color) {
  const char* b = text.data();
  const char* e = text.data() + text.size();
  const float room = std::max(1.0f, max.x - min.x - 2 * ui.px(em::kKeyLabelPadding));
  float size = font->FontSize;
  ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0, b, e);
  if (extent.x > room) {
    const float shrink = room / extent.x;
    size *= shrink;
    extent = ImVec2(extent.x * shrink, extent.y * shrink);
  }
  const ImVec2 at(std::floor((min.x + max.x - extent.x) / 2),
                  std::floor((min.y + max.y - extent.y) / 2));
  draw->AddText(font, size, at, color, b, e);
}

ImFont* label_font(const Ui& ui, std::string_view label) {
  const std::size_t n = code_points(label);
  if (n <= 1) return ui.fonts.label;      // letters, digits, marks: big and bold
  if (n <= 4) return ui.fonts.body_bold;  // ?123, ABC, á é, .com
  return ui.fonts.body;                   // gmail.com, hotmail.com
}

// [SECTION] Icons: shapes, since the fonts carry no arrows.

void draw_shift(ImDrawList* draw, ImVec2 c, float size, ImU32 color, bool filled, bool locked) {
  const float r = size / 2;
  const float stroke = size * 0.09f;
  const ImVec2 points[] = {
      at(c, 0, -r),
      at(c, r * 0.9f, -r * 0.05f),
      at(c, r * 0.42f, -r * 0.05f),
      at(c, r * 0.42f, r * 0.6f),
      at(c, -r * 0.42f, r * 0.6f),
      at(c, -r * 0.42f, -r * 0.05f),
      at(c, -r * 0.9f, -r * 0.05f),
  };
  if (filled) {
    draw->AddTriangleFilled(points[0], points[1], points[6], color);
    draw->AddRectFilled(points[5], points[3], color);
  } else {
    draw->AddPolyline(points, IM_ARRAYSIZE(points), color, ImDrawFlags_Closed, stroke);
  }
  if (locked) {  // caps lock: a bar under the arrow, as on a hardware key's light
    draw->AddRectFilled(at(c, -r * 0.42f, r * 0.78f), at(c, r * 0.42f, r * 0.78f + stroke * 1.5f),
                        color);
  }
}

void draw_backspace(ImDrawList* draw, ImVec2 c, float size, ImU32 color) {
  const float r = size / 2;
  const float stroke = size * 0.08f;
  const ImVec2 points[] = {
      at(c, -r * 1.1f, 0),        at(c, -r * 0.5f, -r * 0.7f), at(c, r * 1.05f, -r * 0.7f),
      at(c, r * 1.05f, r * 0.7f), at(c, -r * 0.5f, r * 0.7f),
  };
  draw->AddPolyline(points, IM_ARRAYSIZE(points), color, ImDrawFlags_Closed, stroke);
  const ImVec2 x = at(c, r * 0.3f, 0);
  const float a = r * 0.3f;
  draw->AddLine(at(x, -a, -a), at(x, a, a), color, stroke);
  draw->AddLine(at(x, -a, a), at(x, a, -a), color, stroke);
}

void draw_return(ImDrawList* draw, ImVec2 c, float size, ImU32 color) {
  const float r = size / 2;
  const float stroke = size * 0.1f;
  const ImVec2 corner = at(c, r * 0.85f, r * 0.25f);
  draw->AddLine(at(c, r * 0.85f, -r * 0.75f), corner, color, stroke);
  draw->AddLine(at(corner, stroke / 2, 0), at(c, -r * 0.4f, r * 0.25f), color, stroke);
  draw->AddTriangleFilled(at(c, -r * 0.95f, r * 0.25f), at(c, -r * 0.35f, -r * 0.25f),
                          at(c, -r * 0.35f, r * 0.75f), color);
}

// A space bar's bracket, so a blank key still reads as the space bar.
void draw_space(ImDrawList* draw, ImVec2 c, float size, ImU32 color) {
  const float r = size / 2;
  const float stroke = size * 0.07f;
  const ImVec2 points[] = {at(c, -r * 1.4f, -r * 0.1f), at(c, -r * 1.4f, r * 0.35f),
                           at(c, r * 1.4f, r * 0.35f), at(c, r * 1.4f, -r * 0.1f)};
  draw->AddPolyline(points, IM_ARRAYSIZE(points), color, 0, stroke);
}

struct KeyLook {
  Color fill;
  Color ink;
};

KeyLook look_of(const Palette& p, const Key& key, const KeyboardState& state, bool held) {
  switch (key.action) {
    case Key::Action::Insert:
    case Key::Action::Space:
      return {held ? p.surface_pressed : p.surface, p.text};
    case Key::Action::Enter:
      return {held ? p.primary_pressed : p.primary, p.on_primary};
    case Key::Action::Shift:
      if (state.caps_lock()) return {held ? p.primary_pressed : p.primary, p.on_primary};
      if (state.shifted()) return {held ? p.surface_pressed : p.surface, p.primary};
      return {held ? p.surface_pressed : p.background, p.text};
    default:
      return {held ? p.surface_pressed : p.background, p.text};
  }
}

// Enter says what it does: an icon and a word ("Search"), the word alone when both do not fit.
void draw_enter(const Ui& ui, ImDrawList* draw, std::string_view label, ImVec2 min, ImVec2 max,
                ImU32 color) {
  ImFont* font = ui.fonts.body_bold;
  const float icon = ui.px(em::kKeyIconSize);
  const float gap = ui.px(em::kKeyLabelPadding);
  const float text_w =
      font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.data(), label.data() + label.size()).x;
  const float room = max.x - min.x - 2 * ui.px(em::kKeyLabelPadding);
  if (icon + gap + text_w > room) {
    draw_fitted_text(ui, draw, font, label, min, max, color);
    return;
  }
  const float x = std::floor((min.x + max.x - icon - gap - text_w) / 2);
  const float cy = (min.y + max.y) / 2;
  draw_return(draw, ImVec2(x + icon / 2, cy), icon * 0.8f, color);
  draw->AddText(font, font->FontSize, ImVec2(x + icon + gap, std::floor(cy - font->FontSize / 2)),
                color, label.data(), label.data() + label.size());
}

// The hide key in words ("Hide keyboard"): one word a line, as big as the key lets them be.
void draw_hide_label(const Ui& ui, ImDrawList* draw, std::string_view label, ImVec2 min, ImVec2 max,
                     ImU32 color) {
  ImFont* font = ui.fonts.small;
  const std::size_t space = label.find(' ');
  const std::string_view first = label.substr(0, space);
  const std::string_view second =
      space == std::string_view::npos ? std::string_view{} : label.substr(space + 1);
  const auto width = [&](std::string_view t) {
    if (t.empty()) return 0.0f;  // ImGui reads a null end as "up to the terminator"
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, t.data(), t.data() + t.size()).x;
  };
  const float room = std::max(1.0f, max.x - min.x - 2 * ui.px(em::kKeyLabelPadding));
  const int lines = second.empty() ? 1 : 2;
  const float line_h = font->FontSize * 1.1f;
  const float scale = std::min(
      {1.0f, room / std::max({1.0f, width(first), width(second)}),
       (max.y - min.y - ui.px(em::kKeyLabelPadding)) / (line_h * static_cast<float>(lines))});
  const float size = font->FontSize * scale;
  float y = std::floor((min.y + max.y - line_h * scale * static_cast<float>(lines)) / 2);
  for (const std::string_view t : {first, second}) {
    if (t.empty()) continue;
    const float w = width(t) * scale;
    draw->AddText(font, size, ImVec2(std::floor((min.x + max.x - w) / 2), y), color, t.data(),
                  t.data() + t.size());
    y += line_h * scale;
  }
}

// What the registry (and so speech) says for a key: its label, or a function key's name.
std::string spoken_text(Ui& ui, const Key& key, const KeyboardState& state,
                        std::string_view enter_label) {
  using kiosk::literals::operator""_msg;
  switch (key.action) {
    case Key::Action::Insert:
      // A PIN key says what it is, never which digit: someone nearby may be listening.
      return state.mode() == KeyboardMode::Pin ? ui.t("osk.digit"_msg) : state.label(key);
    case Key::Action::Backspace:
      return ui.t("osk.backspace"_msg);
    case Key::Action::Enter:
      return enter_label.empty() ? ui.t("osk.enter"_msg) : std::string(enter_label);
    case Key::Action::Space:
      return ui.t("osk.space"_msg);
    case Key::Action::Shift:
      return ui.t(state.caps_lock() ? "osk.caps_lock"_msg : "osk.shift"_msg);
    case Key::Action::Symbols:
      return ui.t(state.page() == KeyboardState::Page::Symbols ? "osk.letters"_msg
                                                               : "osk.symbols"_msg);
    case Key::Action::Accent:
      return ui.t(state.page() == KeyboardState::Page::Accents ? "osk.letters"_msg
                                                               : "osk.accents"_msg);
    case Key::Action::Letters:
      return ui.t("osk.letters"_msg);
    case Key::Action::Hide:
      return ui.t("osk.hide"_msg);
  }
  return key.id;
}

}  // namespace

float OnScreenKeyboard::keys_width(const Ui& ui, float width, KeyboardMode mode) {
  const float cap =
      ui.px(mode == KeyboardMode::Numeric || mode == KeyboardMode::Pin ? em::kKeypadMaxWidth
                                                                       : em::kKeyboardMaxWidth);
  return std::min(width - 2 * ui.px(em::kKeyboardPadding), cap);
}

float OnScreenKeyboard::height(const Ui& ui, float /*width*/) const {
  return std::round(ui.px(2 * em::kKeyboardPadding + kDesignRows * em::kKeyHeight +
                          (kDesignRows - 1) * em::kKeyGap));
}

void OnScreenKeyboard::reset() {
  state_.reset();
  held_id_.clear();
  held_seconds_ = 0;
  repeat_seconds_ = 0;
  close_popup();
}

void OnScreenKeyboard::close_popup() {
  popup_open_ = false;
  popup_tracking_ = false;
  popup_key_.clear();
}

Result OnScreenKeyboard::draw(Ui& ui, ImVec2 pos, ImVec2 size, KeyboardMode mode, std::string& text,
                              std::size_t max_bytes, std::string_view enter_label) {
  using kiosk::literals::operator""_msg;
  const std::string enter = enter_label.empty() ? ui.t("osk.enter"_msg) : std::string(enter_label);
  state_.set(ui.tr.language(), mode);
  const Palette& p = ui.palette;
  const ImGuiIO& io = ImGui::GetIO();
  const float kb_height = height(ui, size.x);
  const ImVec2 kb_max(pos.x + size.x, pos.y + kb_height);
  const std::vector<PlacedKey> keys = place_keys(
      ui, state_.rows(), layout_units(state_.language(), mode), mode, pos, size.x, kb_height);

  // The popup belongs to a key of this page; a page change or a press elsewhere closes it.
  const PlacedKey* popup_base = nullptr;
  if (popup_open_) {
    for (const auto& k : keys) {
      if (k.key->id == popup_key_ && !k.key->variants.empty()) popup_base = &k;
    }
  }
  std::vector<PopupCell> cells;
  ImVec2 frame_min;  // the cells and a half-gap border around them
  ImVec2 frame_max;
  if (popup_base != nullptr) {
    cells = place_popup(ui, *popup_base, pos.x + ui.px(em::kKeyboardPadding),
                        kb_max.x - ui.px(em::kKeyboardPadding));
    const float half_gap = ui.px(em::kKeyGap) / 2;
    frame_min = ImVec2(cells.front().min.x - half_gap, cells.front().min.y - half_gap);
    frame_max = ImVec2(cells.back().max.x + half_gap, cells.back().max.y + half_gap);
  }
  if (popup_base != nullptr && !popup_tracking_ && ImGui::IsMouseClicked(ImGuiMouseButton_Left) &&
      !contains(frame_min, frame_max, io.MousePos)) {
    popup_base = nullptr;
  }
  if (popup_base == nullptr) {
    close_popup();
    cells.clear();
  }

  ImDrawList* draw = ImGui::GetWindowDrawList();
  ImGui::PushID("osk");

  // Popup cells are submitted before the keys they cover, so they win the hover.
  std::string chosen;
  for (const auto& cell : cells) {
    ImGui::SetCursorScreenPos(cell.min);
    ImGui::PushID(cell.variant.c_str());
    if (ImGui::InvisibleButton("##variant",
                               ImVec2(cell.max.x - cell.min.x, cell.max.y - cell.min.y))) {
      chosen = cell.variant;
    }
    ImGui::PopID();
  }

  draw->AddRectFilled(pos, kb_max, col(p.keyboard));  // the plate: opaque, only the keyboard
  const float rounding = ui.px(em::kKeyCornerRadius);
  const float icon = ui.px(em::kKeyIconSize);
  const PlacedKey* tapped = nullptr;
  const PlacedKey* active = nullptr;
  for (const auto& k : keys) {
    const Key& key = *k.key;
    // Keys under an open popup cannot be tapped, and are not offered to the runner or speech.
    const bool covered = !cells.empty() && overlaps(k.min, k.max, frame_min, frame_max);
    bool held = false;
    if (!covered) {
      ImGui::SetCursorScreenPos(k.min);
      ImGui::PushID(key.id.c_str());
      if (ImGui::InvisibleButton("##key", ImVec2(k.max.x - k.min.x, k.max.y - k.min.y))) {
        tapped = &k;
      }
      held = ImGui::IsItemActive();
      ImGui::PopID();
      if (held) active = &k;
    }

    const KeyLook look = look_of(p, key, state_, held || popup_base == &k);
    draw->AddRectFilled(k.min, k.max, col(look.fill), rounding);
    const ImVec2 c((k.min.x + k.max.x) / 2, (k.min.y + k.max.y) / 2);
    switch (key.action) {
      case Key::Action::Shift:
        draw_shift(draw, c, icon, col(look.ink), state_.shifted(), state_.caps_lock());
        break;
      case Key::Action::Backspace:
        draw_backspace(draw, c, icon, col(look.ink));
        break;
      case Key::Action::Enter:
        draw_enter(ui, draw, enter, k.min, k.max, col(look.ink));
        break;
      case Key::Action::Hide:
        draw_hide_label(ui, draw, ui.t("osk.hide"_msg), k.min, k.max, col(look.ink));
        break;
      case Key::Action::Space:
        draw_space(draw, c, icon, col(p.text_muted));
        break;
      default: {
        const std::string label = state_.label(key);
        draw_fitted_text(ui, draw, label_font(ui, label), label, k.min, k.max, col(look.ink));
        break;
      }
    }
    if (!covered) {
      record(ui, "osk.key." + key.id, kiosk::Role::Button, k.min, k.max,
             spoken_text(ui, key, state_, enter));
    }
  }

  // The popup, over the keys. While the finger that opened it is still down, the cell under it
  // lights up: lifting there types it.
  if (!cells.empty()) {
    draw->AddRectFilled(frame_min, frame_max, col(p.primary), rounding);
    for (const auto& cell : cells) {
      const bool under_finger = popup_tracking_ && contains(cell.min, cell.max, io.MousePos);
      const Color fill = under_finger ? p.primary : p.surface;
      const Color ink = under_finger ? p.on_primary : p.text;
      draw->AddRectFilled(cell.min, cell.max, col(fill), rounding);
      const std::string label = state_.shifted() ? kiosk::upper_letter(cell.variant) : cell.variant;
      draw_fitted_text(ui, draw, ui.fonts.label, label, cell.min, cell.max, col(ink));
      record(ui, "osk.key." + cell.variant, kiosk::Role::Button, cell.min, cell.max, label);
    }
  }

  // A tap on the key whose popup the finger just opened only closes the hold.
  const bool tap_was_hold = tapped != nullptr && popup_open_ && tapped->key->id == popup_key_;
  const bool backspace_repeated = held_id_ == "backspace" && repeat_seconds_ > kRepeatDelaySeconds;

  Result result = Result::None;
  const auto merge = [&result](Result r) {
    if (r != Result::None && (result == Result::None || result == Result::Edited)) result = r;
  };

  if (active != nullptr) {
    const Key& key = *active->key;
    if (held_id_ != key.id) {
      held_id_ = key.id;
      held_seconds_ = 0;
      repeat_seconds_ = kRepeatDelaySeconds;
    } else {
      held_seconds_ += ui.delta_seconds;
    }
    if (key.action == Key::Action::Backspace) {
      ui.wants_animation_frame = true;  // frames must keep coming to time the repeat
      if (held_seconds_ >= repeat_seconds_) {
        merge(state_.press(key, text, max_bytes));
        repeat_seconds_ += kRepeatIntervalSeconds;
        if (repeat_seconds_ <= held_seconds_)
          repeat_seconds_ = held_seconds_ + kRepeatIntervalSeconds;
      }
    }
    if (!key.variants.empty() && !popup_open_) {
      ui.wants_animation_frame = true;  // to notice the long press
      if (held_seconds_ >= kLongPressSeconds) {
        popup_open_ = true;
        popup_tracking_ = true;
        popup_key_ = key.id;
      }
    }
  }

  if (popup_tracking_ && (active == nullptr || active->key->id != popup_key_)) {
    // The finger that opened the popup lifted: over a cell, that variant; elsewhere the popup
    // stays for a tap.
    popup_tracking_ = false;
    for (const auto& cell : cells) {
      if (contains(cell.min, cell.max, io.MousePos)) chosen = cell.variant;
    }
  }

  if (!chosen.empty()) {
    // Read-aloud says each key as it types (typing needs no second tap).
    if (ui.speech != nullptr && ui.speech->on) ui.speech->to_say = chosen;
    merge(state_.insert_variant(chosen, text, max_bytes));
    close_popup();
    ui.wants_animation_frame = true;
  } else if (tapped != nullptr && !tap_was_hold) {
    const bool repeat_done = tapped->key->action == Key::Action::Backspace && backspace_repeated;
    if (ui.speech != nullptr && ui.speech->on) {
      ui.speech->to_say = spoken_text(ui, *tapped->key, state_, enter);
    }
    if (!repeat_done) merge(state_.press(*tapped->key, text, max_bytes));
    ui.wants_animation_frame = true;  // the next frame shows the new page or shift
  }

  if (active == nullptr) {
    held_id_.clear();
    held_seconds_ = 0;
    repeat_seconds_ = 0;
  }

  // A bubble above a held character key: the finger hides the key itself.
  if (active != nullptr && !popup_open_ && active->key->action == Key::Action::Insert) {
    const std::string label = state_.label(*active->key);
    if (code_points(label) == 1) {
      const float w = (active->max.x - active->min.x) * kPreviewScale;
      const float h = (active->max.y - active->min.y) * kPreviewScale;
      const float cx = (active->min.x + active->max.x) / 2;
      const float gap = ui.px(em::kKeyGap);
      const float x = std::clamp(cx - w / 2, pos.x, std::max(pos.x, kb_max.x - w));  // on screen
      const ImVec2 bmin(std::round(x), std::round(active->min.y - gap - h));
      const ImVec2 bmax(bmin.x + std::round(w), bmin.y + std::round(h));
      ImDrawList* top = ImGui::GetForegroundDrawList();
      top->AddRectFilled(bmin, bmax, col(p.surface_pressed), rounding);
      top->AddRect(bmin, bmax, col(p.primary), rounding, 0, ui.px(em::kBorderWidth));
      draw_fitted_text(ui, top, ui.fonts.title, label, bmin, bmax, col(p.text));
    }
  }

  ImGui::PopID();
  if (result == Result::Hide) reset();
  return result;
}

}  // namespace ui

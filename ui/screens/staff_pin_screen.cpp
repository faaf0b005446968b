#include "ui/screens/staff_pin_screen.h"

#include <algorithm>

#include "kiosk/base/wipe.h"
#include "kiosk/staff/staff_desk.h"
#include "ui/text_input.h"

namespace ui {

using namespace kiosk::literals;

namespace {

constexpr std::string_view kField = "staff.pin.field";

}  // namespace

StaffPinScreen::StaffPinScreen(const ScreenInfo& info) : Screen(info) {
  pin_.reserve(kiosk::staff::kMaxPinDigits);  // inside the object (short string): no heap copy
}

StaffPinScreen::~StaffPinScreen() {
  kiosk::wipe(pin_);
}

void StaffPinScreen::reset() {
  kiosk::wipe(pin_);
  said_ = Said::Nothing;
  tries_left_ = 0;
  answer_.reset();
  checking_ = false;
  ++generation_;
}

void StaffPinScreen::submit(Ui& ui) {
  if (ui.staff == nullptr || checking_) return;
  if (pin_.size() < kiosk::staff::kMinPinDigits) {
    said_ = Said::TooShort;  // and start again from an empty box
    kiosk::wipe(pin_);
    return;
  }
  checking_ = true;
  ui.staff->check_pin(pin_, [this, generation = generation_](kiosk::staff::PinGate::Result r) {
    if (generation != generation_) return;  // the visit ended while the check ran
    checking_ = false;
    answer_ = r;
  });
  kiosk::wipe(pin_);  // the check holds its own copy, wiped when done
}

std::string StaffPinScreen::status_text(Ui& ui, std::chrono::seconds lock_left) const {
  if (lock_left.count() > 0) {
    const auto minutes = std::max<std::int64_t>(1, (lock_left.count() + 59) / 60);
    return ui.tr.format("staff.pin.locked"_msg, {{"minutes", minutes}});
  }
  if (checking_) return ui.t("staff.pin.checking"_msg);
  switch (said_) {
    case Said::TooShort:
      return ui.t("staff.pin.too_short"_msg);
    case Said::Wrong:
      return ui.tr.format("staff.pin.wrong"_msg, {{"tries", std::int64_t{tries_left_}}});
    case Said::Locked:
    case Said::Nothing:
      break;
  }
  return {};
}

void StaffPinScreen::draw_content(Ui& ui, ImVec2 pos, ImVec2 size) {
  if (answer_) {
    switch (*answer_) {
      case kiosk::staff::PinGate::Result::Accepted:
        reset();
        ui.intents.push_back(kiosk::Intent::of(kiosk::Intent::Kind::StaffEnter));
        break;
      case kiosk::staff::PinGate::Result::Wrong:
        said_ = Said::Wrong;
        tries_left_ =
            kiosk::staff::kMaxWrongPins - (ui.staff != nullptr ? ui.staff->failures() : 0);
        break;
      case kiosk::staff::PinGate::Result::Locked:
      case kiosk::staff::PinGate::Result::NoPin:
        said_ = Said::Locked;
        break;
    }
    answer_.reset();
  }
  const auto lock_left = ui.staff != nullptr ? ui.staff->lock_left() : std::chrono::seconds(0);
  if (lock_left.count() > 0) {
    // Nothing to type while locked: the keypad goes, and the screen wakes when the lock ends.
    if (ui.input.focused(kField)) ui.input.blur();
    kiosk::wipe(pin_);
    ui.wake_no_later_than(ui.clock_now +
                          std::min<std::chrono::seconds>(lock_left, std::chrono::seconds(60)));
  } else if (!checking_ && !ui.input.focused(kField)) {
    ui.input.focus(kField, &pin_, kiosk::KeyboardMode::Pin, kiosk::staff::kMaxPinDigits,
                   ui.t("staff.pin.enter"_msg));
  }
  if (checking_) ui.busy = true;
  if (ui.input.take_enter(kField)) submit(ui);
  if (!pin_.empty() && said_ == Said::TooShort) said_ = Said::Nothing;

  const Palette& p = ui.palette;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float width = std::min(size.x, ui.px(em::kMaxTextWidth));
  const ImVec2 min(pos.x + (size.x - width) / 2, pos.y);
  const ImVec2 max(min.x + width, pos.y + size.y);
  float y = pos.y;
  const std::string& title = ui.t("staff.pin.title"_msg);
  const float th = draw_centered_text(draw, ui.fonts.title, title, min, max, y, p.text.packed());
  record(ui, "staff.pin.title", kiosk::Role::Heading, ImVec2(min.x, y), ImVec2(max.x, y + th),
         title);
  y += th + ui.px(em::kParagraphGap);
  const std::string& how = ui.t("staff.pin.how"_msg);
  const float hh = draw_centered_text(draw, ui.fonts.body, how, min, max, y, p.text_muted.packed());
  record(ui, {}, kiosk::Role::Text, ImVec2(min.x, y), ImVec2(max.x, y + hh), how);
  y += hh + ui.px(em::kParagraphGap);

  // The box: one dot per digit, never the digits; spoken as how many there are.
  const float box_w = std::min(width, ui.px(14.0f));
  const float box_h = ui.px(em::kFieldHeight);
  const ImVec2 box(pos.x + (size.x - box_w) / 2, y);
  const ImVec2 box_max(box.x + box_w, box.y + box_h);
  const bool focused = ui.input.focused(kField);
  draw->AddRectFilled(box, box_max, p.surface.packed(), ui.px(em::kCornerRadius));
  draw->AddRect(box, box_max, (focused ? p.primary : p.border).packed(), ui.px(em::kCornerRadius),
                0, std::max(2.0f, ui.px(em::kBorderWidth)) * (focused ? 2.0f : 1.0f));
  const float dot = ui.px(0.35f);
  const float step = ui.px(1.2f);
  const auto n = static_cast<float>(pin_.size());
  float dx = (box.x + box_max.x) / 2 - (n - 1) * step / 2;
  for (std::size_t i = 0; i < pin_.size(); ++i, dx += step) {
    draw->AddCircleFilled(ImVec2(dx, (box.y + box_max.y) / 2), dot, p.text.packed());
  }
  record(ui, kField, kiosk::Role::TextField, box, box_max,
         ui.tr.format("staff.pin.count"_msg, {{"count", static_cast<std::int64_t>(pin_.size())}}));
  ui.input.seen(kField, box, box_max);
  y += box_h + ui.px(em::kParagraphGap);

  const std::string status = status_text(ui, lock_left);
  if (!status.empty()) {
    if (said_ != Said::Nothing || lock_left.count() > 0) {
      draw_problem(ui, "staff.pin.problem", status, ImVec2(min.x, y), width);
    } else {
      const float sh =
          draw_centered_text(draw, ui.fonts.body, status, min, max, y, p.text.packed());
      record(ui, "staff.pin.status", kiosk::Role::Text, ImVec2(min.x, y), ImVec2(max.x, y + sh),
             status);
    }
  }
}

}  // namespace ui

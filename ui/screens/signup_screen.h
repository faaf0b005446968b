// Sign up: a guided account sign-up, one question a page ("Step 3 of 11"), then a page to check
// every answer, then the reference and a QR that opens account activation on the resident's
// phone. The route's topic says the page: "1".."11" a step ("3r": a step opened from the
// review, whose Next goes back there), "review", "done". Every step is a route, so Back (the
// big one here and the bar's) goes one step back and the way home asks first: "Leave without
// signing up?". The answers live in the visit (kiosk::Visit::signup) and are wiped with it, or
// as soon as they are sealed.
#pragma once

#include <array>
#include <optional>
#include <string>

#include "kiosk/base/qr.h"
#include "kiosk/signup/form.h"
#include "kiosk/signup/signup_service.h"
#include "ui/screens/screen.h"

namespace ui {

class SignupScreen final : public Screen {
 public:
  SignupScreen(const ScreenInfo& info, kiosk::SignupForm& form, kiosk::SignupService& service)
      : Screen(info), form_(form), service_(service) {}

  void on_open(const kiosk::Route& route, bool returning) override;
  void reset() override;
  const Question* leave_question() const override;

 protected:
  void draw_content(Ui& ui, ImVec2 pos, ImVec2 size) override;

 private:
  enum class Page { Step, Review, Done };

  // The pages.
  void draw_step(Ui& ui, float width);
  void draw_review(Ui& ui, float width);
  void draw_done(Ui& ui, float width);
  void draw_closed(Ui& ui, ImVec2 pos, ImVec2 size);  // no key configured: ask staff
  // The buttons under the page: Back, and Next (or Skip and Next, or Send).
  void draw_buttons(Ui& ui, ImVec2 pos, float width);

  // The parts of a step.
  void field(Ui& ui, std::string_view id, kiosk::MsgKey label, std::string& text,
             kiosk::KeyboardMode mode, std::size_t max_bytes, float width, kiosk::MsgKey hint = {});
  void problem_for(Ui& ui, std::string_view field, float width);
  template <std::size_t N>
  void choices(Ui& ui, std::string_view field, const std::array<kiosk::Choice, N>& list,
               std::vector<std::string>* many, std::string* one, float width);
  void skills(Ui& ui, float width);
  void consent_box(Ui& ui, const kiosk::ConsentText& text, bool& value, std::string_view id,
                   float width);

  void next(Ui& ui);
  void submit(Ui& ui);
  std::string step_topic(int step) const;

  kiosk::SignupForm& form_;
  kiosk::SignupService& service_;
  Page page_ = Page::Step;
  int step_ = 0;              // 0-based, while page_ is Step
  bool from_review_ = false;  // Next goes back to the review
  bool tried_ = false;        // Next was tapped here: show every problem of the step
  std::string skill_search_;  // typed: wiped with the rest
  bool sending_ = false;      // sealed, being stored
  bool send_failed_ = false;
  bool done_pending_ = false;  // stored: show the confirmation next frame
  std::string reference_;      // after the submit
  std::optional<kiosk::QrCode> qr_;
  std::string qr_link_;
  unsigned generation_ = 0;  // answers from before a reset are dropped
  ScrollArea scroll_;
};

}  // namespace ui

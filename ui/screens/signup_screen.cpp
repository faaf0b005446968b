#include "ui/screens/signup_screen.h"

#include <algorithm>
#include <array>

#include "kiosk/base/log.h"
#include "kiosk/base/wipe.h"
#include "kiosk/match/skills.h"
#include "kiosk/stats/usage.h"
#include "kiosk/store/word_forms.h"
#include "ui/text_input.h"

namespace ui {

using namespace kiosk::literals;
using kiosk::SignupStep;

namespace {

// The narrowest a field of two side by side may be.
constexpr float kFieldMinWidth = 16.0f;  // em

// What each step asks, in the order of kiosk::SignupStep.
struct StepWords {
  std::string_view name;  // the review's "Change" button: signup.edit.<name>
  kiosk::MsgKey title;
  kiosk::MsgKey hint;
  kiosk::MsgKey review;  // the review's label for the answer
};

constexpr std::array<StepWords, kiosk::kSignupSteps> kSteps = {{
    {"name", "signup.name.title"_msg, "signup.name.hint"_msg, "signup.review.name"_msg},
    {"contact", "signup.contact_info.title"_msg, "signup.contact_info.hint"_msg,
     "signup.review.contact_info"_msg},
    {"zip", "signup.zip.title"_msg, "signup.zip.hint"_msg, "signup.review.zip"_msg},
    {"language", "signup.language.title"_msg, "signup.language.hint"_msg,
     "signup.review.language"_msg},
    {"looking_for", "signup.looking_for.title"_msg, "signup.choose_all.hint"_msg,
     "signup.review.looking_for"_msg},
    {"industries", "signup.industries.title"_msg, "signup.choose_any.hint"_msg,
     "signup.review.industries"_msg},
    {"skills", "signup.skills.title"_msg, "signup.skills.hint"_msg, "signup.review.skills"_msg},
    {"education", "signup.education.title"_msg, "signup.choose_one.hint"_msg,
     "signup.review.education"_msg},
    {"contact_way", "signup.contact_way.title"_msg, "signup.choose_all.hint"_msg,
     "signup.review.contact_way"_msg},
    {"terms", "signup.terms.title"_msg, "signup.terms.hint"_msg, "signup.review.terms"_msg},
    {"self_id", "signup.self_id.title"_msg, "signup.self_id.hint"_msg, "signup.review.self_id"_msg},
}};

// The self-identification questions: each a list with "prefer not to say".
struct SelfIdQuestion {
  std::string_view field;
  kiosk::MsgKey label;
};

// The page goes on `height` below `at`, where something was just drawn (widgets that take
// touches move ImGui's cursor themselves; this puts it where the page wants it).
void advance(ImVec2 at, float height) {
  ImGui::SetCursorScreenPos(at);
  ImGui::Dummy(ImVec2(0, height));
  ImGui::SetCursorScreenPos(ImVec2(at.x, ImGui::GetCursorScreenPos().y));
}

template <std::size_t N>
kiosk::MsgKey label_of(const std::array<kiosk::Choice, N>& list, std::string_view key) {
  for (const auto& c : list) {
    if (c.key == key) return c.label;
  }
  return {};
}

// The labels of chosen keys, joined with commas, in the list's order.
template <std::size_t N>
std::string joined(Ui& ui, const std::array<kiosk::Choice, N>& list,
                   const std::vector<std::string>& keys) {
  std::string out;
  for (const auto& c : list) {
    if (!kiosk::contains(keys, c.key)) continue;
    if (!out.empty()) out += ", ";
    out += ui.t(c.label);
  }
  return out;
}

// A phone number as people read it: (305) 555-0123.
std::string pretty_phone(std::string_view typed) {
  const auto digits = kiosk::phone_digits(typed);
  if (!digits) return std::string(typed);
  return "(" + digits->substr(0, 3) + ") " + digits->substr(3, 3) + "-" + digits->substr(6);
}

}  // namespace

// Two fields side by side when the page is wide enough for both (landscape: the keyboard then
// leaves room for one row of fields), else one under the other.
template <class First, class Second>
void two_fields(Ui& ui, float width, First first, Second second) {
  const float gap = ui.px(em::kGap);
  if (width < 2 * ui.px(kFieldMinWidth) + gap) {
    first(width);
    second(width);
    return;
  }
  const float w = (width - gap) / 2;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  first(w);
  const float first_bottom = ImGui::GetCursorScreenPos().y;
  ImGui::SetCursorScreenPos(ImVec2(at.x + w + gap, at.y));
  second(w);
  const float bottom = std::max(first_bottom, ImGui::GetCursorScreenPos().y);
  ImGui::SetCursorScreenPos(ImVec2(at.x, bottom));
}

// ---- Routes ------------------------------------------------------------------------------------

std::string SignupScreen::step_topic(int step) const {
  return std::to_string(step + 1);
}

void SignupScreen::on_open(const kiosk::Route& route, bool /*returning*/) {
  scroll_.reset();
  tried_ = false;
  const std::string& topic = route.topic;
  if (topic == "done") {
    page_ = Page::Done;
    return;
  }
  if (topic == "review") {
    page_ = Page::Review;
    return;
  }
  page_ = Page::Step;
  from_review_ = !topic.empty() && topic.back() == 'r';
  int step = 0;
  for (const char c : topic) {
    if (c >= '0' && c <= '9') step = step * 10 + (c - '0');
  }
  step_ = std::clamp(step - 1, 0, kiosk::kSignupSteps - 1);
}

void SignupScreen::reset() {
  form_.wipe();
  kiosk::wipe(skill_search_);
  kiosk::wipe(reference_);
  kiosk::wipe(qr_link_);
  qr_.reset();
  page_ = Page::Step;
  step_ = 0;
  from_review_ = false;
  tried_ = false;
  sending_ = false;
  send_failed_ = false;
  ++generation_;
  scroll_.reset();
}

const Question* SignupScreen::leave_question() const {
  static constexpr Question kLeave{"signup.leave", "signup.leave.title"_msg,
                                   "signup.leave.body"_msg, "signup.leave.confirm"_msg,
                                   "signup.leave.cancel"_msg};
  if (page_ == Page::Done || form_.empty()) return nullptr;
  return &kLeave;
}

// ---- The frame ---------------------------------------------------------------------------------

void SignupScreen::draw_content(Ui& ui, ImVec2 pos, ImVec2 size) {
  if (done_pending_) {
    // Sealed and stored: the confirmation, with home under it (Back leads out, not into the
    // wizard, which holds nothing any more).
    done_pending_ = false;
    // This frame already shows it: the review would be drawn from the wiped form.
    page_ = Page::Done;
    ui.intents.push_back(kiosk::Intent::go_home());
    ui.intents.push_back(kiosk::Intent::open(kiosk::Route{std::string(name()), {}, "done"}));
  }
  if (sending_) ui.busy = true;
  if (!service_.accepting() && page_ != Page::Done) {
    draw_closed(ui, pos, size);
    return;
  }
  const Palette& p = ui.palette;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float bar_h = ui.px(em::kButtonHeight) + ui.px(em::kGap) * 0.5f;
  const bool keyboard = ui.input.active();
  float top = pos.y;

  // One calm column in the middle of a wide screen; the done page also keeps room for its QR.
  const float indicator = ui.px(em::kScrollIndicatorWidth + 1.0f);
  const float qr_room = page_ == Page::Done ? ui.px(em::kQrSide + em::kGap) : 0.0f;
  const float column_w = std::min(size.x - indicator, ui.px(em::kMaxTextWidth) + qr_room);
  const float column_x = pos.x + (size.x - indicator - column_w) / 2;
  // Where the resident is: "Step 3 of 11" and a bar that fills. Folded away while the keyboard
  // takes the bottom of the screen (the field matters then).
  if (page_ == Page::Step && !keyboard) {
    const std::string progress = ui.tr.format(
        "signup.progress"_msg,
        {{"step", std::int64_t{step_ + 1}}, {"total", std::int64_t{kiosk::kSignupSteps}}});
    ImFont* font = ui.fonts.body_bold;
    draw->AddText(font, font->FontSize, ImVec2(column_x, top), p.text_muted.packed(),
                  progress.data(), progress.data() + progress.size());
    record(ui, "signup.progress", kiosk::Role::Text, ImVec2(column_x, top),
           ImVec2(column_x + column_w, top + font->FontSize), progress);
    top += font->FontSize * 1.3f;
    const float bar = ui.px(0.35f);
    const float filled = column_w * static_cast<float>(step_ + 1) / kiosk::kSignupSteps;
    draw->AddRectFilled(ImVec2(column_x, top), ImVec2(column_x + column_w, top + bar),
                        p.border.packed(), bar);
    draw->AddRectFilled(ImVec2(column_x, top), ImVec2(column_x + filled, top + bar),
                        p.primary.packed(), bar);
    top += bar + ui.px(em::kParagraphGap);
  }

  const float bottom = pos.y + size.y - bar_h;
  const ImVec2 area_pos(pos.x, top);
  const ImVec2 area_size(size.x - indicator, std::max(0.0f, bottom - top));
  const float width = column_w;
  const float left = column_x;
  scroll_.begin(ui, "signup.scroll", area_pos, area_size);
  ImGui::SetCursorScreenPos(ImVec2(left, ImGui::GetCursorScreenPos().y));
  switch (page_) {
    case Page::Step:
      draw_step(ui, width);
      break;
    case Page::Review:
      draw_review(ui, width);
      break;
    case Page::Done:
      draw_done(ui, width);
      break;
  }
  vertical_gap(ui, em::kSectionGap);
  scroll_.end(ui);
  draw_buttons(ui, ImVec2(left, pos.y + size.y - ui.px(em::kButtonHeight)), width);
}

void SignupScreen::draw_closed(Ui& ui, ImVec2 pos, ImVec2 size) {
  const float width = std::min(size.x, ui.px(em::kMaxTextWidth));
  ImGui::SetCursorScreenPos(pos);
  paragraph(ui, ui.t("signup.closed.title"_msg), ui.fonts.title, ui.palette.text, width,
            kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap);
  paragraph(ui, ui.t("signup.closed.body"_msg), ui.fonts.body, ui.palette.text, width);
}

void SignupScreen::draw_buttons(Ui& ui, ImVec2 pos, float width) {
  const float bh = ui.px(em::kButtonHeight);
  const float gap = ui.px(em::kGap);
  const std::string& back = ui.t("signup.back"_msg);
  const float bw =
      std::min(width / 3, std::max(ui.px(em::kNavButtonWidth), button_width(ui, back, true)));
  if (button(ui, "signup.back", back, pos, ImVec2(bw, bh), ButtonKind::Outline, Icon::Back) &&
      !sending_) {
    ui.intents.push_back(kiosk::Intent::go_back());
  }
  float right = pos.x + width;
  if (page_ == Page::Done) {
    const std::string& finish = ui.t("signup.finish"_msg);
    const float fw = std::min(width - bw - gap, button_width(ui, finish, true) + ui.px(1.0f));
    if (button(ui, "signup.finish", finish, ImVec2(right - fw, pos.y), ImVec2(fw, bh),
               ButtonKind::Primary, Icon::Home)) {
      ui.intents.push_back(kiosk::Intent::go_home());
    }
    return;
  }
  if (page_ == Page::Review) {
    const std::string& send = ui.t(sending_ ? "signup.sending"_msg : "signup.submit"_msg);
    const float sw = std::min(width - bw - gap, button_width(ui, send, true) + ui.px(1.0f));
    if (button(ui, "signup.submit", send, ImVec2(right - sw, pos.y), ImVec2(sw, bh),
               ButtonKind::Primary, Icon::Check) &&
        !sending_) {
      submit(ui);
    }
    return;
  }
  const std::string& next_label = ui.t(from_review_ ? "signup.save_change"_msg : "signup.next"_msg);
  const float nw = std::min(
      (width - bw - gap) / (static_cast<SignupStep>(step_) == SignupStep::SelfId ? 2.0f : 1.0f) -
          gap,
      std::max(ui.px(em::kNavButtonWidth), button_width(ui, next_label, true) + ui.px(1.0f)));
  right -= nw;
  if (button(ui, "signup.next", next_label, ImVec2(right, pos.y), ImVec2(nw, bh),
             ButtonKind::Primary, Icon::Next)) {
    next(ui);
  }
  if (static_cast<SignupStep>(step_) == SignupStep::SelfId) {
    // Optional: skipping leaves every answer of this page out.
    const std::string& skip = ui.t("signup.skip"_msg);
    const float kw = std::min(
        nw, std::max(ui.px(em::kNavButtonWidth), button_width(ui, skip, false) + ui.px(1.0f)));
    if (button(ui, "signup.skip", skip, ImVec2(right - gap - kw, pos.y), ImVec2(kw, bh),
               ButtonKind::Outline)) {
      for (std::string* s :
           {&form_.gender, &form_.race_ethnicity, &form_.veteran, &form_.disability}) {
        kiosk::wipe(*s);
      }
      ui.input.blur();
      ui.intents.push_back(kiosk::Intent::open(kiosk::Route{std::string(name()), {}, "review"}));
    }
  }
}

void SignupScreen::next(Ui& ui) {
  const auto step = static_cast<SignupStep>(step_);
  if (kiosk::check_step(form_, step).problem != kiosk::FieldProblem::None) {
    tried_ = true;  // every problem of the page shows now, beside its field
    return;
  }
  ui.input.blur();
  const bool last = step_ + 1 == kiosk::kSignupSteps;
  const std::string topic = from_review_ || last ? "review" : step_topic(step_ + 1);
  ui.intents.push_back(kiosk::Intent::open(kiosk::Route{std::string(name()), {}, topic}));
}

void SignupScreen::submit(Ui& ui) {
  if (const auto step = kiosk::first_step_with_problem(form_)) {
    // Something still needs an answer (the review was reached through a later edit): show it.
    ui.intents.push_back(kiosk::Intent::open(
        kiosk::Route{std::string(name()), {}, step_topic(static_cast<int>(*step)) + "r"}));
    return;
  }
  sending_ = true;
  send_failed_ = false;
  const unsigned generation = generation_;
  service_.submit(form_, std::string(kiosk::language_code(ui.tr.language())), ui.now,
                  [this, generation, usage = ui.usage](kiosk::SubmitResult result) {
                    if (result.ok && usage != nullptr) usage->signup();  // sealed and stored
                    if (generation != generation_) return;  // the session ended meanwhile
                    sending_ = false;
                    if (!result.ok) {
                      send_failed_ = true;
                      kiosk::log::error("a sign-up could not be stored: " + result.error);
                      return;
                    }
                    // Sealed and stored: nothing of it stays in the kiosk's memory.
                    form_.wipe();
                    kiosk::wipe(skill_search_);
                    reference_ = std::move(result.reference);
                    qr_link_ = service_.activate_link(reference_);
                    qr_ = kiosk::QrCode::encode(qr_link_);
                    if (usage != nullptr && qr_) usage->qr_shown();
                    kiosk::log::info("a sign-up was sealed into the outbox");
                    done_pending_ = true;
                  });
}

// ---- Steps -------------------------------------------------------------------------------------

void SignupScreen::field(Ui& ui, std::string_view id, kiosk::MsgKey label, std::string& text,
                         kiosk::KeyboardMode mode, std::size_t max_bytes, float width,
                         kiosk::MsgKey hint) {
  paragraph(ui, ui.t(label), ui.fonts.body_bold, ui.palette.text, width, kiosk::Role::Text);
  if (!hint.key.empty()) {
    paragraph(ui, ui.t(hint), ui.fonts.small, ui.palette.text_muted, width);
  }
  vertical_gap(ui, 0.3f);
  const std::string full_id = "signup." + std::string(id);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float h = ui.px(em::kFieldHeight);
  text_field(ui, full_id, text, {}, mode, max_bytes, at, ImVec2(width, h), {}, Icon::None,
             ui.t(label));
  advance(at, h);
  // A problem shows once the resident has left the field with something in it, or tapped Next.
  if (!ui.input.focused(full_id) && (tried_ || !text.empty())) problem_for(ui, id, width);
  vertical_gap(ui, em::kParagraphGap);
}

void SignupScreen::problem_for(Ui& ui, std::string_view field, float width) {
  const auto step = static_cast<SignupStep>(step_);
  kiosk::FieldProblem problem = kiosk::FieldProblem::None;
  if (field == "first_name") problem = kiosk::check_name(form_.first_name);
  if (field == "last_name") problem = kiosk::check_name(form_.last_name);
  if (field == "email") problem = kiosk::check_email(form_.email);
  if (field == "phone") problem = kiosk::check_phone(form_.phone);
  if (field == "zip") problem = kiosk::check_zip(form_.zip);
  if (problem == kiosk::FieldProblem::None && tried_) {
    const auto step_problem = kiosk::check_step(form_, step);
    if (step_problem.field == field) problem = step_problem.problem;
  }
  if (problem == kiosk::FieldProblem::None) return;
  vertical_gap(ui, 0.3f);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  advance(at, draw_problem(ui, "signup.problem." + std::string(field),
                           ui.t(kiosk::problem_message(problem)), at, width));
}

template <std::size_t N>
void SignupScreen::choices(Ui& ui, std::string_view field, const std::array<kiosk::Choice, N>& list,
                           std::vector<std::string>* many, std::string* one, float width) {
  const std::string prefix = "signup.choice." + std::string(field) + ".";
  // Above the list, so a long list never hides what is missing.
  if (tried_) {
    problem_for(ui, field, width);
    vertical_gap(ui, 0.3f);
  }
  // Two columns when the page is wide enough, read across then down, each pair as tall as the
  // taller of the two.
  const float gap = ui.px(em::kGap) * 0.5f;
  const int columns = width >= 2 * ui.px(kFieldMinWidth) + gap ? 2 : 1;
  const float w = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  float y = origin.y;
  for (std::size_t i = 0; i < N; i += static_cast<std::size_t>(columns)) {
    float row_h = 0;
    for (std::size_t j = i; j < std::min(N, i + static_cast<std::size_t>(columns)); ++j) {
      row_h = std::max(row_h, check_row_height(ui, ui.t(list[j].label), w));
    }
    for (std::size_t j = i; j < std::min(N, i + static_cast<std::size_t>(columns)); ++j) {
      const auto& c = list[j];
      const bool on = many != nullptr ? kiosk::contains(*many, c.key) : *one == c.key;
      const float x = origin.x + static_cast<float>(j - i) * (w + gap);
      if (check_row(ui, prefix + std::string(c.key), ui.t(c.label), on, many == nullptr,
                    ImVec2(x, y), w, row_h)) {
        if (many != nullptr) {
          kiosk::toggle(*many, c.key);
        } else {
          *one = c.key;
        }
      }
    }
    y += row_h + ui.px(0.4f);
  }
  advance(origin, y - origin.y);
}

void SignupScreen::skills(Ui& ui, float width) {
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const float h = ui.px(em::kFieldHeight);
  text_field(ui, "signup.skill_search", skill_search_, ui.t("signup.skills.search"_msg),
             kiosk::KeyboardMode::Text, 60, at, ImVec2(width, h));
  advance(at, h + ui.px(em::kParagraphGap));
  std::vector<std::string> words;
  for (const auto& w : kiosk::split_words(skill_search_)) words.push_back(kiosk::fold_word(w));
  // Chips flow in lines; the ones already chosen stay in view whatever is typed.
  const float gap = ui.px(0.5f);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  float x = origin.x;
  float y = origin.y;
  int index = 0;
  for (const auto& skill : kiosk::skills()) {
    const std::string& label = ui.t(skill.label);
    const bool on = kiosk::contains(form_.skills, skill.key);
    // Found by its words in either language, whichever the kiosk shows.
    if (!on && !words.empty() &&
        !kiosk::skill_found_by(skill,
                               ui.tr.text_in(kiosk::Language::En, skill.label) + " " +
                                   ui.tr.text_in(kiosk::Language::Es, skill.label),
                               words)) {
      continue;
    }
    const float w = std::min(width, chip_width(ui, label));
    if (x > origin.x && x + w > origin.x + width) {
      x = origin.x;
      y += chip_height(ui) + gap;
    }
    if (chip(ui, "signup.skill." + std::to_string(index), label, on, ImVec2(x, y))) {
      kiosk::toggle(form_.skills, skill.key);
    }
    x += w + gap;
    ++index;
  }
  if (index == 0) {
    ImGui::SetCursorScreenPos(origin);
    paragraph(ui, ui.t("signup.skills.none"_msg), ui.fonts.body, ui.palette.text_muted, width);
    return;
  }
  ImGui::SetCursorScreenPos(origin);
  advance(origin, y - origin.y + chip_height(ui));
}

void SignupScreen::consent_box(Ui& ui, const kiosk::ConsentText& text, bool& value,
                               std::string_view id, float width) {
  // What the resident is shown is recorded with its version, once; the answer with its time.
  form_.record_shown(text, ui.tr.language(), ui.now);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const std::string& words = ui.t(text.body);
  if (check_row(ui, id, words, value, false, at, width)) {
    value = !value;
    form_.record_answer(text, value, ui.tr.language(), ui.now);
  }
  advance(at, check_row_height(ui, words, width));
}

void SignupScreen::draw_step(Ui& ui, float width) {
  const StepWords& words = kSteps.at(static_cast<std::size_t>(step_));
  const Palette& p = ui.palette;
  paragraph(ui, ui.t(words.title), ui.fonts.heading, p.text, width, kiosk::Role::Heading);
  vertical_gap(ui, 0.3f);
  paragraph(ui, ui.t(words.hint), ui.fonts.body, p.text_muted, width);
  vertical_gap(ui, em::kParagraphGap);
  using Mode = kiosk::KeyboardMode;
  switch (static_cast<SignupStep>(step_)) {
    case SignupStep::Name:
      two_fields(
          ui, width,
          [&](float w) {
            field(ui, "first_name", "signup.first_name"_msg, form_.first_name, Mode::Text,
                  kiosk::kMaxNameBytes, w);
          },
          [&](float w) {
            field(ui, "last_name", "signup.last_name"_msg, form_.last_name, Mode::Text,
                  kiosk::kMaxNameBytes, w);
          });
      break;
    case SignupStep::Contact:
      two_fields(
          ui, width,
          [&](float w) {
            field(ui, "email", "signup.email"_msg, form_.email, Mode::Email, kiosk::kMaxEmailBytes,
                  w, "signup.email.hint"_msg);
          },
          [&](float w) {
            field(ui, "phone", "signup.phone"_msg, form_.phone, Mode::Numeric, 20, w,
                  "signup.phone.hint"_msg);
          });
      break;
    case SignupStep::Zip:
      field(ui, "zip", "signup.zip"_msg, form_.zip, Mode::Numeric, 10, width);
      break;
    case SignupStep::Language:
      if (form_.preferred_language.empty()) {
        form_.preferred_language = kiosk::language_code(ui.tr.language());
      }
      choices(ui, "language", kiosk::kSignupLanguages, nullptr, &form_.preferred_language, width);
      break;
    case SignupStep::LookingFor:
      choices(ui, "looking_for", kiosk::kLookingFor, &form_.looking_for, nullptr, width);
      break;
    case SignupStep::Industries:
      choices(ui, "industry", kiosk::kSignupIndustries, &form_.industries, nullptr, width);
      break;
    case SignupStep::Skills:
      skills(ui, width);
      break;
    case SignupStep::Education:
      choices(ui, "education", kiosk::kEducationLevels, nullptr, &form_.education, width);
      break;
    case SignupStep::ContactWay: {
      choices(ui, "contact", kiosk::kContactMethods, &form_.contact, nullptr, width);
      if (kiosk::contains(form_.contact, "sms")) {
        vertical_gap(ui, 0.3f);
        paragraph(ui, ui.t("signup.sms.title"_msg), ui.fonts.body_bold, p.text, width,
                  kiosk::Role::Text);
        vertical_gap(ui, 0.3f);
        consent_box(ui, kiosk::sms_consent(), form_.sms_consent, "signup.consent.sms", width);
        if (tried_) problem_for(ui, "consent.sms", width);
      } else if (form_.sms_consent) {
        form_.sms_consent = false;  // no texts without choosing them
        form_.record_answer(kiosk::sms_consent(), false, ui.tr.language(), ui.now);
      }
      break;
    }
    case SignupStep::Terms: {
      form_.record_shown(kiosk::terms_consent(), ui.tr.language(), ui.now);
      for (const kiosk::MsgKey point :
           {"signup.terms.collect"_msg, "signup.terms.use"_msg, "signup.terms.share"_msg,
            "signup.terms.kiosk"_msg, "signup.terms.choice"_msg, "signup.terms.activate"_msg}) {
        bullet(ui, ui.t(point), width);
        vertical_gap(ui, 0.3f);
      }
      vertical_gap(ui, em::kParagraphGap);
      const ImVec2 at = ImGui::GetCursorScreenPos();
      const std::string& agree = ui.t("signup.terms.agree"_msg);
      if (check_row(ui, "signup.accept_terms", agree, form_.terms_accepted, false, at, width)) {
        form_.terms_accepted = !form_.terms_accepted;
        form_.record_answer(kiosk::terms_consent(), form_.terms_accepted, ui.tr.language(), ui.now);
      }
      advance(at, check_row_height(ui, agree, width));
      if (tried_) problem_for(ui, "accept_terms", width);
      break;
    }
    case SignupStep::SelfId: {
      const auto question = [&](kiosk::MsgKey label, std::string_view field, auto& list,
                                std::string& value) {
        paragraph(ui, ui.t(label), ui.fonts.body_bold, p.text, width, kiosk::Role::Text);
        vertical_gap(ui, 0.3f);
        // Chips: a page of full-width rows would be too long for questions nobody must answer.
        const float gap = ui.px(0.5f);
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        float x = origin.x;
        float y = origin.y;
        for (const auto& c : list) {
          const std::string& answer = ui.t(c.label);
          const float w = std::min(width, chip_width(ui, answer));
          if (x > origin.x && x + w > origin.x + width) {
            x = origin.x;
            y += chip_height(ui) + gap;
          }
          const bool on = value == c.key;
          if (chip(ui, "signup.choice." + std::string(field) + "." + std::string(c.key), answer, on,
                   ImVec2(x, y))) {
            if (on) {
              kiosk::wipe(value);  // a second tap takes the answer back
            } else {
              value = c.key;
            }
          }
          x += w + gap;
        }
        ImGui::SetCursorScreenPos(origin);
        advance(origin, y - origin.y + chip_height(ui) + ui.px(em::kParagraphGap));
      };
      question("signup.gender.label"_msg, "gender", kiosk::kGenders, form_.gender);
      question("signup.race.label"_msg, "race", kiosk::kRaceEthnicities, form_.race_ethnicity);
      question("signup.veteran.label"_msg, "veteran", kiosk::kYesNoPreferNot, form_.veteran);
      question("signup.disability.label"_msg, "disability", kiosk::kYesNoPreferNot,
               form_.disability);
      break;
    }
  }
}

// ---- Review and done ---------------------------------------------------------------------------

void SignupScreen::draw_review(Ui& ui, float width) {
  const Palette& p = ui.palette;
  paragraph(ui, ui.t("signup.review.title"_msg), ui.fonts.heading, p.text, width,
            kiosk::Role::Heading);
  vertical_gap(ui, 0.3f);
  paragraph(ui, ui.t("signup.review.hint"_msg), ui.fonts.body, p.text_muted, width);
  vertical_gap(ui, em::kParagraphGap);
  if (send_failed_) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    advance(at,
            draw_problem(ui, "signup.problem.submit", ui.t("signup.submit.failed"_msg), at, width) +
                ui.px(em::kParagraphGap));
  }
  const std::string none = ui.t("signup.review.none"_msg);
  const auto answer = [&](SignupStep step) -> std::string {
    switch (step) {
      case SignupStep::Name:
        return form_.first_name + " " + form_.last_name;
      case SignupStep::Contact: {
        std::string out = form_.email;
        if (!form_.phone.empty()) out += (out.empty() ? "" : "\n") + pretty_phone(form_.phone);
        return out;
      }
      case SignupStep::Zip:
        return form_.zip;
      case SignupStep::Language:
        return ui.t(label_of(kiosk::kSignupLanguages, form_.preferred_language));
      case SignupStep::LookingFor:
        return joined(ui, kiosk::kLookingFor, form_.looking_for);
      case SignupStep::Industries:
        return joined(ui, kiosk::kSignupIndustries, form_.industries);
      case SignupStep::Skills: {
        std::string out;
        for (const auto& s : kiosk::skills()) {
          if (!kiosk::contains(form_.skills, s.key)) continue;
          if (!out.empty()) out += ", ";
          out += ui.t(s.label);
        }
        return out;
      }
      case SignupStep::Education:
        return ui.t(label_of(kiosk::kEducationLevels, form_.education));
      case SignupStep::ContactWay: {
        std::string out = joined(ui, kiosk::kContactMethods, form_.contact);
        if (form_.sms_consent) out += "\n" + ui.t("signup.review.sms_yes"_msg);
        return out;
      }
      case SignupStep::Terms:
        return form_.terms_accepted ? ui.t("signup.review.agreed"_msg) : std::string();
      case SignupStep::SelfId: {
        const bool any = !form_.gender.empty() || !form_.race_ethnicity.empty() ||
                         !form_.veteran.empty() || !form_.disability.empty();
        return any ? ui.t("signup.review.self_id_given"_msg) : ui.t("signup.review.skipped"_msg);
      }
    }
    return {};
  };
  const std::string& change = ui.t("signup.review.change"_msg);
  const float cw = std::min(width / 3, button_width(ui, change, false) + ui.px(1.0f));
  const float bh = ui.px(em::kMinTouchTarget) * 1.25f;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  for (int i = 0; i < kiosk::kSignupSteps; ++i) {
    const StepWords& words = kSteps.at(static_cast<std::size_t>(i));
    std::string value = answer(static_cast<SignupStep>(i));
    if (value.empty()) value = none;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float text_w = width - cw - ui.px(em::kGap);
    const std::string& label = ui.t(words.review);
    const float lh = wrapped_height(ui.fonts.body_bold, label, text_w);
    const float vh = wrapped_height(ui.fonts.body, value, text_w);
    draw_wrapped(draw, ui.fonts.body_bold, at, p.text_muted.packed(), label, text_w);
    draw_wrapped(draw, ui.fonts.body, ImVec2(at.x, at.y + lh), p.text.packed(), value, text_w);
    std::string spoken = label;
    spoken += ": ";
    spoken += value;
    record(ui, "signup.review." + std::string(words.name), kiosk::Role::Text, at,
           ImVec2(at.x + text_w, at.y + lh + vh), spoken);
    const float row_h = std::max(lh + vh, bh);
    if (button(ui, "signup.edit." + std::string(words.name), change,
               ImVec2(at.x + width - cw, at.y + (row_h - bh) / 2), ImVec2(cw, bh),
               ButtonKind::Outline)) {
      ui.intents.push_back(
          kiosk::Intent::open(kiosk::Route{std::string(name()), {}, step_topic(i) + "r"}));
    }
    advance(at, row_h + ui.px(0.4f));
    draw->AddLine(ImGui::GetCursorScreenPos(), ImVec2(at.x + width, ImGui::GetCursorScreenPos().y),
                  p.border.packed());
    vertical_gap(ui, 0.6f);
  }
}

void SignupScreen::draw_done(Ui& ui, float width) {
  const Palette& p = ui.palette;
  const float side = std::min(width, ui.px(em::kQrSide));
  const float gap = ui.px(em::kGap);
  // The QR beside the words when both fit, under them otherwise (portrait).
  const bool beside = qr_ && width >= side + gap + ui.px(24.0f);
  const float text_w = beside ? width - side - gap : width;
  const ImVec2 top = ImGui::GetCursorScreenPos();
  paragraph(ui, ui.t("signup.done.title"_msg), ui.fonts.title, p.text, text_w,
            kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap);
  paragraph(ui, ui.t("signup.done.reference"_msg), ui.fonts.body, p.text, text_w);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImFont* big = ui.fonts.title;
  ImGui::GetWindowDrawList()->AddText(big, big->FontSize, at, p.primary.packed(), reference_.data(),
                                      reference_.data() + reference_.size());
  record(ui, "signup.reference", kiosk::Role::Text, at, ImVec2(at.x + text_w, at.y + big->FontSize),
         reference_);
  advance(at, big->FontSize * 1.2f);
  vertical_gap(ui, em::kParagraphGap);
  paragraph(ui, ui.t("signup.done.activate"_msg), ui.fonts.body, p.text, text_w);
  vertical_gap(ui, em::kParagraphGap);
  paragraph(ui, ui.t("signup.done.next"_msg), ui.fonts.body, p.text, text_w);
  const float text_bottom = ImGui::GetCursorScreenPos().y;
  if (!qr_) return;
  const ImVec2 q = beside ? ImVec2(top.x + text_w + gap, top.y)
                          : ImVec2(top.x, text_bottom + ui.px(em::kParagraphGap));
  qr_image(ui, "signup.qr", *qr_, q, side, qr_link_);
  advance(q, side + ui.px(0.3f));
  paragraph(ui, ui.t("signup.done.scan"_msg), ui.fonts.small, p.text_muted, side);
  // The page goes on below whichever column is longer.
  const float bottom = std::max(text_bottom, ImGui::GetCursorScreenPos().y);
  advance(ImVec2(top.x, bottom), 0.0f);
}

}  // namespace ui

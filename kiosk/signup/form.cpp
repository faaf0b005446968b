#include "kiosk/signup/form.h"

#include <algorithm>

#include "kiosk/base/utf8.h"
#include "kiosk/base/wipe.h"

namespace kiosk {

// ---- [SECTION] Consent texts and their versions ------------------------------------------------

// The version names the words: change the words in locales/, change the version here.
const ConsentText& terms_consent() {
  static const ConsentText text{"terms", "terms-2026-12-1", "signup.terms.title"_msg,
                                "signup.terms.agree"_msg};
  return text;
}

const ConsentText& sms_consent() {
  static const ConsentText text{"sms", "sms-2026-12-1", "signup.sms.title"_msg,
                                "signup.sms.body"_msg};
  return text;
}

// ---- [SECTION] The form ------------------------------------------------------------------------

namespace {

void wipe_all(std::vector<std::string>& keys) {
  for (auto& key : keys) wipe(key);
  keys.clear();
}

ConsentRecord* find_record(std::vector<ConsentRecord>& records, const ConsentText& text) {
  for (auto& record : records) {
    if (record.id == text.id && record.version == text.version) return &record;
  }
  return nullptr;
}

}  // namespace

bool SignupForm::empty() const {
  return first_name.empty() && last_name.empty() && email.empty() && phone.empty() && zip.empty() &&
         preferred_language.empty() && looking_for.empty() && industries.empty() &&
         skills.empty() && education.empty() && contact.empty() && !terms_accepted &&
         !sms_consent && gender.empty() && race_ethnicity.empty() && veteran.empty() &&
         disability.empty() && consents.empty();
}

void SignupForm::wipe() {
  for (std::string* s : {&first_name, &last_name, &email, &phone, &zip, &preferred_language,
                         &education, &gender, &race_ethnicity, &veteran, &disability}) {
    kiosk::wipe(*s);
  }
  wipe_all(looking_for);
  wipe_all(industries);
  wipe_all(skills);
  wipe_all(contact);
  terms_accepted = false;
  sms_consent = false;
  consents.clear();
}

void SignupForm::record_shown(const ConsentText& text, Language language, std::int64_t now) {
  if (find_record(consents, text) != nullptr) return;
  consents.push_back({.id = std::string(text.id),
                      .version = std::string(text.version),
                      .language = language,
                      .shown_at = now});
}

void SignupForm::record_answer(const ConsentText& text, bool accepted, Language language,
                               std::int64_t now) {
  ConsentRecord* record = find_record(consents, text);
  if (record == nullptr) {
    // Answered without a recorded showing cannot happen on screen; keep the answer honest anyway.
    record_shown(text, language, now);
    record = &consents.back();
  }
  record->language = language;
  record->accepted = accepted;
  record->accepted_at = accepted ? now : 0;
}

bool contains(const std::vector<std::string>& keys, std::string_view key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

void toggle(std::vector<std::string>& keys, std::string_view key) {
  const auto found = std::find(keys.begin(), keys.end(), key);
  if (found == keys.end()) {
    keys.emplace_back(key);
  } else {
    keys.erase(found);
  }
}

// ---- [SECTION] Checks --------------------------------------------------------------------------

MsgKey problem_message(FieldProblem problem) {
  struct Row {
    FieldProblem problem;
    MsgKey message;
  };
  static constexpr std::array<Row, 11> kMessages = {{
      {FieldProblem::Required, "signup.problem.required"_msg},
      {FieldProblem::NameCharacters, "signup.problem.name_characters"_msg},
      {FieldProblem::TooLong, "signup.problem.too_long"_msg},
      {FieldProblem::EmailShape, "signup.problem.email"_msg},
      {FieldProblem::PhoneDigits, "signup.problem.phone"_msg},
      {FieldProblem::ZipDigits, "signup.problem.zip"_msg},
      {FieldProblem::ContactNeeded, "signup.problem.contact_needed"_msg},
      {FieldProblem::ChoiceNeeded, "signup.problem.choice_needed"_msg},
      {FieldProblem::ContactUnusable, "signup.problem.contact_unusable"_msg},
      {FieldProblem::MustAccept, "signup.problem.must_accept"_msg},
      {FieldProblem::SmsConsent, "signup.problem.sms_consent"_msg},
  }};
  for (const auto& row : kMessages) {
    if (row.problem == problem) return row.message;
  }
  return {};  // None
}

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// A letter of a person's name: ASCII letters and the letters of Latin-1, Latin Extended-A and B
// (á, ñ, ü, ç, ő, ș…) — what names in Miami are written with — and other scripts' letters
// (U+0370 up), which the keyboard cannot type but a name may hold.
bool is_name_letter(char32_t cp) {
  if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return true;
  if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;  // not × ÷
  return cp >= 0x370 && cp != 0x2019 && cp != 0x2018 && !(cp >= 0x2000 && cp <= 0x206F);
}

bool is_name_mark(char32_t cp) {
  // Apostrophes (straight and curly), hyphen, period ("Jr."), space.
  return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == '-' || cp == '.' || cp == ' ';
}

}  // namespace

FieldProblem check_name(std::string_view name) {
  name = trim(name);
  if (name.empty()) return FieldProblem::Required;
  if (name.size() > kMaxNameBytes) return FieldProblem::TooLong;
  bool letter = false;
  while (!name.empty()) {
    const auto decoded = utf8::decode(name);
    if (!decoded.valid) return FieldProblem::NameCharacters;
    if (is_name_letter(decoded.cp)) {
      letter = true;
    } else if (!is_name_mark(decoded.cp)) {
      return FieldProblem::NameCharacters;
    }
    name.remove_prefix(decoded.size);
  }
  return letter ? FieldProblem::None : FieldProblem::NameCharacters;
}

FieldProblem check_email(std::string_view email) {
  email = trim(email);
  if (email.empty()) return FieldProblem::None;
  if (email.size() > kMaxEmailBytes) return FieldProblem::TooLong;
  const auto at = email.find('@');
  if (at == std::string_view::npos || at == 0 ||
      email.find('@', at + 1) != std::string_view::npos) {
    return FieldProblem::EmailShape;
  }
  const std::string_view local = email.substr(0, at);
  const std::string_view domain = email.substr(at + 1);
  const auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || domain.size() - dot - 1 < 2) {
    return FieldProblem::EmailShape;
  }
  if (local.front() == '.' || local.back() == '.' || domain.front() == '.' ||
      domain.find("..") != std::string_view::npos || local.find("..") != std::string_view::npos) {
    return FieldProblem::EmailShape;
  }
  for (const char c : email) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= ' ' || c == ',' || c == ';' || c == '<' || c == '>' || c == '(' || c == ')' ||
        c == '"' || c == '\\' || c == '[' || c == ']' || c == ':') {
      return FieldProblem::EmailShape;
    }
  }
  for (const char c : domain.substr(dot + 1)) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return FieldProblem::EmailShape;
  }
  return FieldProblem::None;
}

std::optional<std::string> phone_digits(std::string_view phone) {
  std::string digits;
  for (const char c : phone) {
    if (c >= '0' && c <= '9') {
      if (digits.size() == 11) return std::nullopt;
      digits.push_back(c);
    } else if (!(c == ' ' || c == '(' || c == ')' || c == '-' || c == '.' || c == '+' ||
                 c == '/')) {
      return std::nullopt;
    }
  }
  if (digits.size() == 11 && digits.front() == '1') digits.erase(0, 1);
  if (digits.size() != 10) return std::nullopt;
  // North American numbers: neither the area code nor the exchange starts with 0 or 1.
  if (digits[0] < '2' || digits[3] < '2') return std::nullopt;
  return digits;
}

FieldProblem check_phone(std::string_view phone) {
  phone = trim(phone);
  if (phone.empty()) return FieldProblem::None;
  return phone_digits(phone) ? FieldProblem::None : FieldProblem::PhoneDigits;
}

FieldProblem check_zip(std::string_view zip) {
  zip = trim(zip);
  if (zip.empty()) return FieldProblem::Required;
  if (zip.size() != 5) return FieldProblem::ZipDigits;
  for (const char c : zip) {
    if (c < '0' || c > '9') return FieldProblem::ZipDigits;
  }
  return FieldProblem::None;
}

FieldProblem check_contact(const SignupForm& form) {
  return trim(form.email).empty() && trim(form.phone).empty() ? FieldProblem::ContactNeeded
                                                              : FieldProblem::None;
}

StepProblem check_step(const SignupForm& form, SignupStep step) {
  switch (step) {
    case SignupStep::Name:
      if (const auto p = check_name(form.first_name); p != FieldProblem::None) {
        return {"first_name", p};
      }
      if (const auto p = check_name(form.last_name); p != FieldProblem::None) {
        return {"last_name", p};
      }
      return {};
    case SignupStep::Contact:
      if (const auto p = check_email(form.email); p != FieldProblem::None) return {"email", p};
      if (const auto p = check_phone(form.phone); p != FieldProblem::None) return {"phone", p};
      if (const auto p = check_contact(form); p != FieldProblem::None) return {"email", p};
      return {};
    case SignupStep::Zip:
      if (const auto p = check_zip(form.zip); p != FieldProblem::None) return {"zip", p};
      return {};
    case SignupStep::Language:
      if (form.preferred_language.empty()) return {"language", FieldProblem::ChoiceNeeded};
      return {};
    case SignupStep::LookingFor:
      if (form.looking_for.empty()) return {"looking_for", FieldProblem::ChoiceNeeded};
      return {};
    case SignupStep::Industries:
    case SignupStep::Skills:
    case SignupStep::SelfId:
      return {};  // optional
    case SignupStep::Education:
      if (form.education.empty()) return {"education", FieldProblem::ChoiceNeeded};
      return {};
    case SignupStep::ContactWay:
      if (form.contact.empty()) return {"contact", FieldProblem::ChoiceNeeded};
      if (contains(form.contact, "email") && trim(form.email).empty()) {
        return {"contact", FieldProblem::ContactUnusable};
      }
      if (contains(form.contact, "sms") && trim(form.phone).empty()) {
        return {"contact", FieldProblem::ContactUnusable};
      }
      if (contains(form.contact, "sms") && !form.sms_consent) {
        return {"consent.sms", FieldProblem::SmsConsent};
      }
      return {};
    case SignupStep::Terms:
      if (!form.terms_accepted) return {"accept_terms", FieldProblem::MustAccept};
      return {};
  }
  return {};
}

std::optional<SignupStep> first_step_with_problem(const SignupForm& form) {
  for (int i = 0; i < kSignupSteps; ++i) {
    const auto step = static_cast<SignupStep>(i);
    if (check_step(form, step).problem != FieldProblem::None) return step;
  }
  return std::nullopt;
}

}  // namespace kiosk

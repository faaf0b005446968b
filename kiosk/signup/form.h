// What a resident fills in to sign up for a Workforce account, and the checks made as they go.
// The form lives in the visit (kiosk/session/visit.h) and is wiped with it; once submitted it is
// sealed (kiosk/signup/envelope.h, sealing.h) and only the sealed bytes reach the disk.
//
// [SECTION] Choices: one table per word list (key: the envelope's value and the chip ids)
// [SECTION] Consent texts and their versions
// [SECTION] The form
// [SECTION] Checks
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/msg_key.h"
#include "kiosk/i18n/language.h"

namespace kiosk {

// ---- [SECTION] Choices -------------------------------------------------------------------------

using literals::operator""_msg;

struct Choice {
  std::string_view key;  // stable: the envelope's value and `signup.choice.<field>.<key>`
  MsgKey label;
};

inline constexpr std::array<Choice, 2> kSignupLanguages = {{
    {"en", "signup.language.en"_msg},
    {"es", "signup.language.es"_msg},
}};

inline constexpr std::array<Choice, 4> kLookingFor = {{
    {"job", "signup.looking_for.job"_msg},
    {"apprenticeship", "signup.looking_for.apprenticeship"_msg},
    {"internship", "signup.looking_for.internship"_msg},
    {"training", "signup.looking_for.training"_msg},
}};

// The six industries of the seeds, with the keys of kIndustries (kiosk/model/enums.h).
inline constexpr std::array<Choice, 6> kSignupIndustries = {{
    {"health", "industry.health"_msg},
    {"technology", "industry.technology"_msg},
    {"construction", "industry.construction"_msg},
    {"hospitality", "industry.hospitality"_msg},
    {"clean_energy", "industry.clean_energy"_msg},
    {"professional", "industry.professional"_msg},
}};

inline constexpr std::array<Choice, 6> kEducationLevels = {{
    {"none", "signup.education.none"_msg},
    {"high_school", "signup.education.high_school"_msg},
    {"some_college", "signup.education.some_college"_msg},
    {"associate", "signup.education.associate"_msg},
    {"bachelor", "signup.education.bachelor"_msg},
    {"graduate", "signup.education.graduate"_msg},
}};

inline constexpr std::array<Choice, 2> kContactMethods = {{
    {"email", "signup.contact.email"_msg},
    {"sms", "signup.contact.sms"_msg},
}};

// Voluntary self-identification: every question has "prefer_not" (prefer not to say); an
// unanswered question is left out of the envelope.
inline constexpr std::string_view kPreferNot = "prefer_not";

inline constexpr std::array<Choice, 5> kGenders = {{
    {"woman", "signup.gender.woman"_msg},
    {"man", "signup.gender.man"_msg},
    {"nonbinary", "signup.gender.nonbinary"_msg},
    {"self_described", "signup.gender.self_described"_msg},
    {"prefer_not", "signup.prefer_not"_msg},
}};

inline constexpr std::array<Choice, 9> kRaceEthnicities = {{
    {"hispanic_latino", "signup.race.hispanic_latino"_msg},
    {"black", "signup.race.black"_msg},
    {"white", "signup.race.white"_msg},
    {"asian", "signup.race.asian"_msg},
    {"american_indian", "signup.race.american_indian"_msg},
    {"pacific_islander", "signup.race.pacific_islander"_msg},
    {"two_or_more", "signup.race.two_or_more"_msg},
    {"other", "signup.race.other"_msg},
    {"prefer_not", "signup.prefer_not"_msg},
}};

inline constexpr std::array<Choice, 3> kYesNoPreferNot = {{
    {"yes", "signup.yes"_msg},
    {"no", "signup.no"_msg},
    {"prefer_not", "signup.prefer_not"_msg},
}};

// The skills a resident can pick are the matcher's table: kiosk/match/skills.h.

// ---- [SECTION] Consent texts and their versions ------------------------------------------------

// A text the resident must see (and may accept): its version changes whenever its words change,
// so the intake team knows exactly what was agreed to.
struct ConsentText {
  std::string_view id;       // "terms", "sms"
  std::string_view version;  // "terms-2026-12-1"
  MsgKey title;
  MsgKey body;
};
const ConsentText& terms_consent();
const ConsentText& sms_consent();

// What the resident saw and did with one consent text.
struct ConsentRecord {
  std::string id;
  std::string version;
  Language language = Language::En;  // the language it was shown in
  std::int64_t shown_at = 0;         // unix seconds
  bool accepted = false;
  std::int64_t accepted_at = 0;  // unix seconds; 0 when not accepted
};

// ---- [SECTION] The form ------------------------------------------------------------------------

struct SignupForm {
  std::string first_name;
  std::string last_name;
  std::string email;
  std::string phone;  // as typed; phone_digits() gives the 10 digits
  std::string zip;
  std::string preferred_language;        // "en" | "es"; empty until chosen
  std::vector<std::string> looking_for;  // kLookingFor keys
  std::vector<std::string> industries;   // kSignupIndustries keys
  std::vector<std::string> skills;       // skills() keys (kiosk/match/skills.h)
  std::string education;                 // kEducationLevels key
  std::vector<std::string> contact;      // kContactMethods keys
  bool terms_accepted = false;
  bool sms_consent = false;
  // Voluntary self-identification: empty = not answered.
  std::string gender;
  std::string race_ethnicity;
  std::string veteran;
  std::string disability;
  std::vector<ConsentRecord> consents;

  bool empty() const;
  // Overwrites every typed byte, then clears.
  void wipe();

  // The consent text was shown (recorded once per text and version; the first showing counts).
  void record_shown(const ConsentText& text, Language language, std::int64_t now);
  // The resident checked or unchecked it, reading it in `language` (accepted_at is the last
  // time it was checked).
  void record_answer(const ConsentText& text, bool accepted, Language language, std::int64_t now);
};

bool contains(const std::vector<std::string>& keys, std::string_view key);
void toggle(std::vector<std::string>& keys, std::string_view key);

// ---- [SECTION] Checks --------------------------------------------------------------------------

enum class FieldProblem {
  None,
  Required,        // must not be empty
  NameCharacters,  // letters (any language), spaces, apostrophes, hyphens and periods only
  TooLong,
  EmailShape,       // name@place.tld
  PhoneDigits,      // a US number: 10 digits (a leading 1 is allowed), any punctuation
  ZipDigits,        // 5 digits
  ContactNeeded,    // neither an email nor a phone
  ChoiceNeeded,     // pick at least one
  ContactUnusable,  // "text me" without a phone, "email me" without an email
  MustAccept,       // the terms
  SmsConsent,       // "text me" chosen, the text-message box left unchecked
};

// The message key that explains a problem to the resident ("" for None).
MsgKey problem_message(FieldProblem problem);

inline constexpr std::size_t kMaxNameBytes = 80;
inline constexpr std::size_t kMaxEmailBytes = 120;

FieldProblem check_name(std::string_view name);
FieldProblem check_email(std::string_view email);  // empty is fine here: see check_contact
FieldProblem check_phone(std::string_view phone);  // empty is fine here: see check_contact
FieldProblem check_zip(std::string_view zip);
FieldProblem check_contact(const SignupForm& form);  // at least one of email and phone

// The 10 digits of a US phone number ("(305) 555-0123", "+1 305.555.0123"), or nothing.
std::optional<std::string> phone_digits(std::string_view phone);

// The wizard's steps, in order; the index + 1 is "Step N of kSignupSteps".
enum class SignupStep {
  Name,
  Contact,
  Zip,
  Language,
  LookingFor,
  Industries,
  Skills,
  Education,
  ContactWay,
  Terms,
  SelfId,
};
inline constexpr int kSignupSteps = 11;

// The first problem of a step, to show beside its field; None when Next may go on.
struct StepProblem {
  std::string_view field;  // the field's id suffix ("first_name", "email", …); empty: the step
  FieldProblem problem = FieldProblem::None;
};
StepProblem check_step(const SignupForm& form, SignupStep step);
// Every step in order; the first that has a problem (the review screen sends the resident there).
std::optional<SignupStep> first_step_with_problem(const SignupForm& form);

}  // namespace kiosk

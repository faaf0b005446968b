// The sign-up's checks, made as the resident goes: names in any language's letters (accents, ñ,
// apostrophes, hyphens), email shapes, US phone numbers with any punctuation, 5-digit ZIP codes,
// each step's rule, the consent records and the wipe.
#include <gtest/gtest.h>

#include <set>

#include "kiosk/match/skills.h"
#include "kiosk/signup/form.h"

namespace kiosk {
namespace {

TEST(SignupChecks, NamesTakeAccentsApostrophesAndHyphens) {
  for (const char* name : {"Iñaki", "José María", "O'Brien-Núñez", "D’Angelo", "Zoë", "Jean-Luc",
                           "Ngô", "Łukasz", "Jr.", "de la Cruz"}) {
    EXPECT_EQ(check_name(name), FieldProblem::None) << name;
  }
  EXPECT_EQ(check_name(""), FieldProblem::Required);
  EXPECT_EQ(check_name("   "), FieldProblem::Required);
  for (const char* name : {"Ana3", "R2D2", "Ana!", "<b>", "@home", "'-'", "a\xff"}) {
    EXPECT_EQ(check_name(name), FieldProblem::NameCharacters) << name;
  }
  EXPECT_EQ(check_name(std::string(kMaxNameBytes + 1, 'a')), FieldProblem::TooLong);
}

TEST(SignupChecks, EmailShapes) {
  for (const char* email :
       {"maria@gmail.com", "ana.lopez+jobs@correo.org", "a_b-c@mdc.edu", " maria@gmail.com "}) {
    EXPECT_EQ(check_email(email), FieldProblem::None) << email;
  }
  EXPECT_EQ(check_email(""), FieldProblem::None);  // optional by itself: see check_contact
  for (const char* email :
       {"maria", "maria@", "@gmail.com", "maria@gmail", "maria@gmail.c", "maria@@gmail.com",
        "ma ria@gmail.com", "maria@gmail..com", "maria.@gmail.com", "maria@.gmail.com",
        "maria@gmail.c0m", "a@b@c.com"}) {
    EXPECT_EQ(check_email(email), FieldProblem::EmailShape) << email;
  }
}

TEST(SignupChecks, UsPhoneNumbersWithAnyPunctuation) {
  for (const char* phone : {"3055550123", "(305) 555-0123", "305.555.0123", "+1 305 555 0123",
                            "1-305-555-0123", "305/555-0123"}) {
    ASSERT_TRUE(phone_digits(phone).has_value()) << phone;
    EXPECT_EQ(*phone_digits(phone), "3055550123") << phone;
    EXPECT_EQ(check_phone(phone), FieldProblem::None) << phone;
  }
  for (const char* phone : {"305555012", "30555501234", "2-305-555-0123", "0305550123",
                            "3051550123", "305-555-O123", "305 555 0123 ext 4"}) {
    EXPECT_FALSE(phone_digits(phone).has_value()) << phone;
    EXPECT_EQ(check_phone(phone), FieldProblem::PhoneDigits) << phone;
  }
}

TEST(SignupChecks, FiveDigitZipCodes) {
  EXPECT_EQ(check_zip("33125"), FieldProblem::None);
  EXPECT_EQ(check_zip(""), FieldProblem::Required);
  for (const char* zip : {"3312", "331256", "33l25", "33125-1234"}) {
    EXPECT_EQ(check_zip(zip), FieldProblem::ZipDigits) << zip;
  }
}

TEST(SignupChecks, EachStepSaysItsFirstProblem) {
  SignupForm form;
  EXPECT_EQ(check_step(form, SignupStep::Name).field, "first_name");
  form.first_name = "Rosa";
  EXPECT_EQ(check_step(form, SignupStep::Name).field, "last_name");
  form.last_name = "Pérez";
  EXPECT_EQ(check_step(form, SignupStep::Name).problem, FieldProblem::None);

  EXPECT_EQ(check_step(form, SignupStep::Contact).problem, FieldProblem::ContactNeeded);
  form.phone = "305 555 0123";
  EXPECT_EQ(check_step(form, SignupStep::Contact).problem, FieldProblem::None);
  form.email = "rosa@";
  EXPECT_EQ(check_step(form, SignupStep::Contact).field, "email");

  // Optional steps never stop the resident.
  for (const auto step : {SignupStep::Industries, SignupStep::Skills, SignupStep::SelfId}) {
    EXPECT_EQ(check_step(form, step).problem, FieldProblem::None);
  }
  EXPECT_EQ(check_step(form, SignupStep::LookingFor).problem, FieldProblem::ChoiceNeeded);

  // Texts need a phone and the consent box; email needs an email.
  form.email.clear();
  form.contact = {"sms"};
  EXPECT_EQ(check_step(form, SignupStep::ContactWay).problem, FieldProblem::SmsConsent);
  form.sms_consent = true;
  EXPECT_EQ(check_step(form, SignupStep::ContactWay).problem, FieldProblem::None);
  form.contact = {"email"};
  EXPECT_EQ(check_step(form, SignupStep::ContactWay).problem, FieldProblem::ContactUnusable);

  EXPECT_EQ(check_step(form, SignupStep::Terms).problem, FieldProblem::MustAccept);
  EXPECT_EQ(first_step_with_problem(form), SignupStep::Zip);
}

TEST(SignupForm, ConsentRecordsKeepTheVersionShownAndWhenItWasAnswered) {
  SignupForm form;
  form.record_shown(sms_consent(), Language::Es, 100);
  form.record_shown(sms_consent(), Language::En, 150);  // the first showing counts
  ASSERT_EQ(form.consents.size(), 1u);
  EXPECT_EQ(form.consents[0].version, sms_consent().version);
  EXPECT_EQ(form.consents[0].shown_at, 100);
  EXPECT_FALSE(form.consents[0].accepted);  // unchecked until tapped
  form.record_answer(sms_consent(), true, Language::Es, 120);
  EXPECT_TRUE(form.consents[0].accepted);
  EXPECT_EQ(form.consents[0].accepted_at, 120);
  form.record_answer(sms_consent(), false, Language::Es, 130);
  EXPECT_FALSE(form.consents[0].accepted);
  EXPECT_EQ(form.consents[0].accepted_at, 0);
  EXPECT_NE(terms_consent().version, sms_consent().version);
}

TEST(SignupForm, WipeLeavesNothing) {
  SignupForm form;
  form.first_name = "Iñaki";
  form.email = "i@e.org";
  form.skills = {"cooking"};
  form.terms_accepted = true;
  form.gender = "prefer_not";
  form.record_shown(terms_consent(), Language::En, 1);
  EXPECT_FALSE(form.empty());
  form.wipe();
  EXPECT_TRUE(form.empty());
}

TEST(SignupForm, ToggleAddsAndRemoves) {
  std::vector<std::string> keys;
  toggle(keys, "job");
  toggle(keys, "training");
  EXPECT_TRUE(contains(keys, "job"));
  toggle(keys, "job");
  EXPECT_FALSE(contains(keys, "job"));
  EXPECT_EQ(keys, std::vector<std::string>{"training"});
}

TEST(SignupForm, SkillKeysAreUnique) {
  std::set<std::string_view> seen;
  for (const auto& s : skills()) EXPECT_TRUE(seen.insert(s.key).second) << s.key;
  EXPECT_GE(seen.size(), 40u);
  EXPECT_LE(seen.size(), 60u);  // a page of chips, not a dictionary
}

// Sealed sign-ups already carry these keys: the table may grow, never rename them.
TEST(SignupForm, TheSignupsSkillKeysStay) {
  for (const char* key : {"customer_service", "cash_handling",   "sales",
                          "bilingual",        "phone_calls",     "teamwork",
                          "computer_basics",  "office_software", "data_entry",
                          "social_media",     "it_support",      "coding",
                          "graphic_design",   "bookkeeping",     "patient_care",
                          "cpr_first_aid",    "child_care",      "elder_care",
                          "medical_records",  "cooking",         "food_safety",
                          "serving_food",     "front_desk",      "housekeeping",
                          "cleaning",         "driving",         "forklift",
                          "warehouse",        "security",        "carpentry",
                          "electrical",       "plumbing",        "hvac",
                          "welding",          "painting",        "power_tools",
                          "landscaping",      "solar_install",   "teaching",
                          "problem_solving"}) {
    EXPECT_NE(find_skill(key), nullptr) << key;
  }
}

}  // namespace
}  // namespace kiosk

namespace kiosk {
namespace {

TEST(SignupChecks, EveryProblemHasItsMessage) {
  EXPECT_TRUE(problem_message(FieldProblem::None).key.empty());
  for (int p = static_cast<int>(FieldProblem::Required);
       p <= static_cast<int>(FieldProblem::SmsConsent); ++p) {
    EXPECT_FALSE(problem_message(static_cast<FieldProblem>(p)).key.empty()) << p;
  }
}

}  // namespace
}  // namespace kiosk

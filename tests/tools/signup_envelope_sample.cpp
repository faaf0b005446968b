// Prints sample sign-up envelopes, one JSON per line, exactly as envelope_json writes them, for
// check_signup_schema.py to validate against packaging/intake/signup.schema.json with a full
// JSON Schema implementation: the whole form, a phone-only sign-up that skipped the optional
// screen and declined text messages, and an email-only one with every optional answer.
#include <iostream>

#include "kiosk/signup/envelope.h"
#include "kiosk/signup/sealing.h"
#include "tests/unit/signup_test_support.h"

int main() {
  using namespace kiosk;
  const auto print = [](const SignupForm& form, const char* language) {
    const EnvelopeMeta meta{make_reference(), make_idempotency_key(),
                            "mdpl-main-01",   "Main Library",
                            language,         testing::kSignupShown + 60};
    std::cout << envelope_json(form, meta).view() << '\n';
  };
  print(testing::complete_signup_form(), "es");

  SignupForm phone_only = testing::complete_signup_form();
  phone_only.email.clear();
  phone_only.contact = {"sms"};
  phone_only.gender.clear();
  phone_only.veteran.clear();
  phone_only.sms_consent = false;
  phone_only.consents[1].accepted = false;
  phone_only.consents[1].accepted_at = 0;
  phone_only.industries.clear();
  phone_only.skills.clear();
  print(phone_only, "en");

  SignupForm email_only = testing::complete_signup_form();
  email_only.phone.clear();
  email_only.contact = {"email"};
  email_only.sms_consent = false;
  email_only.consents.pop_back();
  email_only.race_ethnicity = "hispanic_latino";
  email_only.disability = "no";
  print(email_only, "en");
  return 0;
}

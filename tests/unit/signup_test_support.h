// A complete sign-up, as a resident who filled every step in Spanish would leave it, for the
// envelope, sealing and service tests.
#pragma once

#include <cstdint>

#include "kiosk/signup/form.h"

namespace kiosk::testing {

inline constexpr std::int64_t kSignupShown = 1796575000;  // 2026-12-06T16:36:40Z

inline SignupForm complete_signup_form() {
  SignupForm f;
  f.first_name = "María José";
  f.last_name = "O'Brien-Muñoz";
  f.email = "maria.jose@example.org";
  f.phone = "(305) 555-0123";
  f.zip = "33125";
  f.preferred_language = "es";
  f.looking_for = {"job", "training"};
  f.industries = {"health"};
  f.skills = {"customer_service", "bilingual"};
  f.education = "high_school";
  f.contact = {"email", "sms"};
  f.terms_accepted = true;
  f.sms_consent = true;
  f.gender = "woman";
  f.veteran = "prefer_not";
  f.consents = {{"terms", "terms-2026-12-1", Language::Es, kSignupShown, true, kSignupShown + 30},
                {"sms", "sms-2026-12-1", Language::Es, kSignupShown + 40, true, kSignupShown + 45}};
  return f;
}

}  // namespace kiosk::testing

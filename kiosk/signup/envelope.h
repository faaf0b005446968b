// A submitted sign-up as the intake team receives it: JSON with a schema version, documented as a
// JSON Schema in packaging/intake/signup.schema.json (the intake team's contract). The plaintext
// is built in a SecretBytes and sealed at once; only `outbox open` (the intake team's side, with
// the secret key) reads it back.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/signup/form.h"
#include "kiosk/signup/sealing.h"

namespace kiosk {

inline constexpr int kSignupSchemaVersion = 1;

struct EnvelopeMeta {
  std::string reference;        // make_reference()
  std::string idempotency_key;  // make_idempotency_key()
  std::string kiosk_id;
  std::string location;
  std::string session_language;  // the language the kiosk was in at submit: "en" | "es"
  std::int64_t created = 0;      // unix seconds
};

// The plaintext JSON (UTF-8). Names and the email are trimmed; the phone is its 10 digits;
// unanswered optional questions are left out.
SecretBytes envelope_json(const SignupForm& form, const EnvelopeMeta& meta);

// Checks that a decrypted envelope is an object of a schema version this build knows; the error
// (one sentence) otherwise. Used by `outbox open` and the reference receiver.
std::optional<std::string> check_envelope_json(std::string_view plaintext);

}  // namespace kiosk

// The sign-up's plaintext as the intake team receives it, checked against the contract in
// packaging/intake/signup.schema.json by a small validator of the schema words the contract uses.
#include "kiosk/signup/envelope.h"

#include <fstream>
#include <regex>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kiosk/base/iso_time.h"
#include "tests/unit/signup_test_support.h"

namespace kiosk {
namespace {

using nlohmann::json;

using kiosk::testing::kSignupShown;

// Spaces around what was typed are the envelope's to trim.
SignupForm spanish_form() {
  SignupForm f = kiosk::testing::complete_signup_form();
  f.first_name = "  María José ";
  f.email = " maria.jose@example.org ";
  return f;
}

EnvelopeMeta meta() {
  return {"K7M4-QX2P",    "0f8b3c1e-7d2a-4c5b-9e1f-2a3b4c5d6e7f",
          "mdpl-main-01", "Main Library",
          "es",           kSignupShown + 60};
}

json parsed(const SecretBytes& text) {
  return json::parse(text.view());
}

// ---- a validator for the JSON Schema words packaging/intake/signup.schema.json uses
// --------------

const json& schema() {
  static const json s = [] {
    std::ifstream in(std::string(KIOSK_SOURCE_DIR) + "/packaging/intake/signup.schema.json");
    return json::parse(in);
  }();
  return s;
}

bool has_type(const json& v, const std::string& type) {
  if (type == "object") return v.is_object();
  if (type == "array") return v.is_array();
  if (type == "string") return v.is_string();
  if (type == "boolean") return v.is_boolean();
  if (type == "integer") return v.is_number_integer();
  return false;
}

void validate(const json& v, const json& s, const std::string& at, std::vector<std::string>& out) {
  const auto fail = [&](const std::string& why) { out.push_back(at + ": " + why); };
  if (s.contains("$ref")) {
    const std::string ref = s["$ref"];
    validate(v, schema()["$defs"][ref.substr(ref.rfind('/') + 1)], at, out);
  }
  if (s.contains("type") && !has_type(v, s["type"])) fail("not " + s["type"].get<std::string>());
  if (s.contains("const") && v != s["const"]) fail("not " + s["const"].dump());
  if (s.contains("enum") && std::find(s["enum"].begin(), s["enum"].end(), v) == s["enum"].end()) {
    fail(v.dump() + " is not one of " + s["enum"].dump());
  }
  if (v.is_string()) {
    const std::string text = v;
    if (s.contains("pattern") &&
        !std::regex_search(text, std::regex(s["pattern"].get<std::string>()))) {
      fail(v.dump() + " does not match " + s["pattern"].get<std::string>());
    }
    if (s.contains("minLength") && text.size() < s["minLength"]) fail("too short");
  }
  if (v.is_array()) {
    if (s.contains("minItems") && v.size() < s["minItems"]) fail("too few items");
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (s.contains("items")) validate(v[i], s["items"], at + "[" + std::to_string(i) + "]", out);
      if (s.value("uniqueItems", false) && std::count(v.begin(), v.end(), v[i]) > 1) {
        fail("repeats " + v[i].dump());
      }
    }
  }
  if (v.is_object()) {
    for (const auto& key : s.value("required", json::array())) {
      if (!v.contains(key)) fail("lacks " + key.get<std::string>());
    }
    for (const auto& [key, value] : v.items()) {
      if (s.contains("properties") && s["properties"].contains(key)) {
        validate(value, s["properties"][key], at + "." + key, out);
      } else if (s.value("additionalProperties", true) == false) {
        fail("has " + key + ", which the schema does not know");
      }
    }
    if (s.contains("anyOf")) {
      bool any = false;
      for (const auto& option : s["anyOf"]) {
        std::vector<std::string> errors;
        validate(v, option, at, errors);
        any = any || errors.empty();
      }
      if (!any) fail("matches none of anyOf");
    }
  }
}

std::vector<std::string> schema_errors(const json& envelope) {
  std::vector<std::string> errors;
  validate(envelope, schema(), "$", errors);
  return errors;
}

// ---- tests -------------------------------------------------------------------------------------

TEST(Envelope, CarriesEveryAnswerAsTheContractSays) {
  const json e = parsed(envelope_json(spanish_form(), meta()));
  EXPECT_EQ(e["schema_version"], 1);
  EXPECT_EQ(e["reference"], "K7M4-QX2P");
  EXPECT_EQ(e["idempotency_key"], "0f8b3c1e-7d2a-4c5b-9e1f-2a3b4c5d6e7f");
  EXPECT_EQ(e["kiosk"], (json{{"id", "mdpl-main-01"}, {"location", "Main Library"}}));
  EXPECT_EQ(e["created"], "2026-12-06T16:37:40Z");
  EXPECT_EQ(e["session_language"], "es");
  EXPECT_EQ(e["person"], (json{{"first_name", "María José"},
                               {"last_name", "O'Brien-Muñoz"},
                               {"email", "maria.jose@example.org"},
                               {"phone", "3055550123"}}));
  EXPECT_EQ(e["zip"], "33125");
  EXPECT_EQ(e["preferred_language"], "es");
  EXPECT_EQ(e["looking_for"], (json{"job", "training"}));
  EXPECT_EQ(e["industries"], (json{"health"}));
  EXPECT_EQ(e["skills"], (json{"customer_service", "bilingual"}));
  EXPECT_EQ(e["education"], "high_school");
  EXPECT_EQ(e["contact_methods"], (json{"email", "sms"}));
  EXPECT_EQ(e["sms_consent"], true);
  ASSERT_EQ(e["consents"].size(), 2u);
  EXPECT_EQ(e["consents"][0], (json{{"id", "terms"},
                                    {"version", "terms-2026-12-1"},
                                    {"language", "es"},
                                    {"shown_at", "2026-12-06T16:36:40Z"},
                                    {"accepted", true},
                                    {"accepted_at", "2026-12-06T16:37:10Z"}}));
  EXPECT_EQ(e["self_identification"], (json{{"gender", "woman"}, {"veteran", "prefer_not"}}));
  EXPECT_EQ(schema_errors(e), std::vector<std::string>{});
}

TEST(Envelope, LeavesOutWhatWasNotGiven) {
  SignupForm f = spanish_form();
  f.email.clear();
  f.contact = {"sms"};
  f.gender.clear();
  f.veteran.clear();
  f.sms_consent = false;
  f.consents[1].accepted = false;
  f.consents[1].accepted_at = 0;
  const json e = parsed(envelope_json(f, meta()));
  EXPECT_FALSE(e["person"].contains("email"));
  EXPECT_EQ(e["person"]["phone"], "3055550123");
  EXPECT_EQ(e["self_identification"], json::object());
  EXPECT_EQ(e["sms_consent"], false);
  EXPECT_FALSE(e["consents"][1].contains("accepted_at"));
  EXPECT_EQ(schema_errors(e), std::vector<std::string>{});

  f = spanish_form();
  f.phone.clear();
  f.contact = {"email"};
  const json no_phone = parsed(envelope_json(f, meta()));
  EXPECT_FALSE(no_phone["person"].contains("phone"));
  EXPECT_EQ(schema_errors(no_phone), std::vector<std::string>{});
}

TEST(Envelope, PhoneIsItsTenDigits) {
  for (const char* typed : {"305-555-0123", "+1 305.555.0123", "1 (305) 555 0123", "3055550123"}) {
    SignupForm f = spanish_form();
    f.phone = typed;
    EXPECT_EQ(parsed(envelope_json(f, meta()))["person"]["phone"], "3055550123") << typed;
  }
}

TEST(Envelope, TheValidatorCanFail) {
  json e = parsed(envelope_json(spanish_form(), meta()));
  e["zip"] = "3312";
  e["looking_for"] = json::array();
  e["ssn"] = "nope";
  e["person"].erase("email");
  e["person"].erase("phone");
  e["consents"][0].erase("shown_at");
  const auto errors = schema_errors(e);
  EXPECT_EQ(errors.size(), 5u) << json(errors).dump(1);
}

TEST(Envelope, TextThatIsNotUtf8IsRepairedNotRefused) {
  SignupForm f = spanish_form();
  f.first_name = "Ana\xff";
  const json e = parsed(envelope_json(f, meta()));
  EXPECT_EQ(e["person"]["first_name"].get<std::string>().rfind("Ana", 0), 0u);
}

TEST(Envelope, ALargeFormStillFits) {
  SignupForm f = spanish_form();
  for (int i = 0; i < 500; ++i) f.skills.push_back("skill_number_" + std::to_string(i));
  const SecretBytes text = envelope_json(f, meta());
  EXPECT_GT(text.size(), 8192u);
  EXPECT_EQ(parsed(text)["skills"].size(), 502u);
}

TEST(Envelope, CheckTakesWhatEnvelopeJsonMakes) {
  EXPECT_EQ(check_envelope_json(envelope_json(spanish_form(), meta()).view()), std::nullopt);
}

TEST(Envelope, CheckExplainsWhatItRefuses) {
  const auto says = [](std::string_view text, const std::string& words) {
    const auto problem = check_envelope_json(text);
    ASSERT_TRUE(problem) << text;
    EXPECT_NE(problem->find(words), std::string::npos) << *problem;
  };
  says("", "not JSON");
  says("{", "not JSON");
  says("[1]", "not a JSON object");
  says("{}", "no schema_version");
  says(R"({"schema_version":"1"})", "no schema_version");
  says(R"({"schema_version":2})", "schema_version 2 is not one");
  says(R"({"schema_version":0})", "schema_version 0");
  says(R"({"schema_version":1})", "reference is missing");
  json e = parsed(envelope_json(spanish_form(), meta()));
  e["person"].erase("last_name");
  says(e.dump(), "person.last_name");
  e = parsed(envelope_json(spanish_form(), meta()));
  e["consents"] = json::object();
  says(e.dump(), "consents");
}

TEST(Envelope, IsoTimes) {
  EXPECT_EQ(iso_utc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(iso_utc(1796575000), "2026-12-06T16:36:40Z");
}

}  // namespace
}  // namespace kiosk

// [signup] in kiosk.toml: the intake team's public key and where sign-ups go.
#include <array>

#include <gtest/gtest.h>

#include "kiosk/config/config.h"
#include "kiosk/signup/sealing.h"

namespace kiosk {
namespace {

std::string a_public_key() {
  std::array<unsigned char, kPublicKeyBytes> raw{};
  raw.fill(0x5a);
  return to_base64(raw.data(), raw.size());
}

ConfigResult signup(const std::string& key, const std::string& value) {
  return parse_config("[signup]\n" + key + " = \"" + value + "\"\n", "site.toml");
}

void expect_refused(const ConfigResult& result, const std::string& words) {
  ASSERT_FALSE(result.config) << words;
  ASSERT_EQ(result.errors.size(), 1u) << words;
  EXPECT_EQ(result.errors[0].line, 2);
  EXPECT_NE(result.errors[0].message.find(words), std::string::npos) << result.errors[0].message;
}

TEST(SignupConfig, OffByDefault) {
  const auto result = parse_config("", "site.toml");
  ASSERT_TRUE(result.config);
  EXPECT_TRUE(result.config->signup.public_key.empty());
  EXPECT_TRUE(result.config->signup.endpoint.empty());
  EXPECT_NE(result.config->signup.activate_url.find("{reference}"), std::string::npos);

  const auto bundled = load_config(std::string(KIOSK_SOURCE_DIR) + "/config/kiosk.toml");
  ASSERT_TRUE(bundled.config) << bundled.errors.front().to_string();
  EXPECT_TRUE(bundled.config->signup.public_key.empty());
  EXPECT_EQ(bundled.config->signup.activate_url, result.config->signup.activate_url);
}

TEST(SignupConfig, TakesAWellFormedKeyAndEndpoint) {
  const std::string key = a_public_key();
  const auto result = parse_config("[signup]\npublic_key = \"" + key +
                                       "\"\nendpoint = \"https://intake.example.org/v1/signups\"\n"
                                       "activate_url = \"https://example.org/a?r={reference}\"\n",
                                   "site.toml");
  ASSERT_TRUE(result.config) << result.errors.front().to_string();
  EXPECT_EQ(result.config->signup.public_key, key);
  EXPECT_EQ(result.config->signup.endpoint, "https://intake.example.org/v1/signups");
  EXPECT_EQ(result.config->signup.activate_url, "https://example.org/a?r={reference}");
}

TEST(SignupConfig, RefusesAMalformedPublicKey) {
  const std::string key = a_public_key();
  for (const std::string& bad : {key.substr(0, 43), key.substr(0, 40), key + "AAAA",
                                 std::string("not a key"), std::string(44, '=')}) {
    expect_refused(signup("public_key", bad), "[signup] public_key: expected the intake team's");
  }
  std::array<unsigned char, 31> short_raw{};
  expect_refused(signup("public_key", to_base64(short_raw.data(), short_raw.size())),
                 "44 characters of padded base64");
}

TEST(SignupConfig, RefusesAnEndpointWithoutTlsOffThisMachine) {
  expect_refused(signup("endpoint", "http://intake.example.org/signups"),
                 "[signup] endpoint: plain http:// is allowed only to this machine");
  expect_refused(signup("endpoint", "ftp://intake.example.org/"),
                 "[signup] endpoint: expected an https:// URL");
  expect_refused(signup("endpoint", "file:///tmp/x"), "expected an https:// URL");
  expect_refused(signup("endpoint", "https://"), "expected an https:// URL");
  expect_refused(signup("endpoint", "http://127.0.0.1.example.org/"), "only to this machine");
  expect_refused(signup("activate_url", "http://workforce.miami/a?ref={reference}"),
                 "[signup] activate_url: plain http://");
  for (const char* ok : {"http://127.0.0.1:8080/intake", "http://localhost/x", "http://[::1]:9/"}) {
    const auto result = signup("endpoint", ok);
    EXPECT_TRUE(result.config) << ok;
  }
}

TEST(SignupConfig, UnknownSignupKeyListsTheKnownOnes) {
  expect_refused(signup("publickey", "x"),
                 "(this section takes: public_key, endpoint, activate_url)");
}

}  // namespace
}  // namespace kiosk

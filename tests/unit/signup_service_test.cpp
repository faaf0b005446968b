#include "kiosk/signup/signup_service.h"

#include <sodium.h>

#include <chrono>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kiosk/base/run_queue.h"
#include "kiosk/signup/sealing.h"
#include "tests/unit/signup_test_support.h"
#include "tests/unit/temp_dir.h"

namespace kiosk {
namespace {

using kiosk::testing::TempDir;

struct Keys {
  Keys() : secret(kSecretKeyBytes) {
    EXPECT_TRUE(sodium_ready());
    crypto_box_keypair(pub.bytes.data(), secret.data());
  }
  std::string public_base64() const { return to_base64(pub.bytes.data(), pub.bytes.size()); }
  PublicKey pub;
  SecretBytes secret;
};

SignupSettings settings_for(const Keys& keys) {
  SignupSettings s;
  s.public_key = keys.public_base64();
  s.activate_url = "https://workforce.miami/activate?ref={reference}";
  s.kiosk_id = "mdpl-main-01";
  s.location = "Main Library";
  return s;
}

// Runs the UI queue until the answer arrives (the worker stores it meanwhile).
SubmitResult submit_and_wait(SignupService& service, RunQueue& queue, const SignupForm& form) {
  std::optional<SubmitResult> answer;
  service.submit(form, "es", testing::kSignupShown + 60,
                 [&](SubmitResult r) { answer = std::move(r); });
  for (int i = 0; i < 2000 && !answer; ++i) {
    queue.drain();
    if (!answer) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_TRUE(answer) << "no answer from the sign-up worker";
  return answer.value_or(SubmitResult{});
}

TEST(SignupService, SubmitStoresAnEnvelopeOnlyTheSecretKeyOpens) {
  TempDir dir;
  Keys keys;
  RunQueue queue;
  SignupService service(settings_for(keys), dir.path(), queue);
  ASSERT_TRUE(service.accepting());

  const SubmitResult result = submit_and_wait(service, queue, testing::complete_signup_form());
  ASSERT_TRUE(result.ok) << result.error;
  EXPECT_EQ(result.reference.size(), 9u);
  EXPECT_EQ(service.counts().pending, 1);

  Outbox box(dir.path());
  const auto entries = box.list();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].created, testing::kSignupShown + 60);
  EXPECT_EQ(entries[0].attempts, 0);
  const auto sealed = box.sealed(entries[0].id);
  ASSERT_TRUE(sealed);
  const std::string raw(sealed->begin(), sealed->end());
  EXPECT_EQ(raw.find("Muñoz"), std::string::npos);
  EXPECT_EQ(raw.find("3055550123"), std::string::npos);

  const auto plain = open_sealed(*sealed, keys.secret);
  ASSERT_TRUE(plain);
  const auto e = nlohmann::json::parse(plain->view());
  EXPECT_EQ(e["reference"], result.reference);
  EXPECT_EQ(e["idempotency_key"], entries[0].id);
  EXPECT_EQ(e["session_language"], "es");
  EXPECT_EQ(e["kiosk"]["id"], "mdpl-main-01");
  EXPECT_EQ(e["person"]["first_name"], "María José");
  EXPECT_EQ(e["person"]["last_name"], "O'Brien-Muñoz");
  EXPECT_EQ(e["person"]["phone"], "3055550123");
  EXPECT_EQ(e["skills"], (nlohmann::json{"customer_service", "bilingual"}));
}

TEST(SignupService, EachSubmitIsItsOwnEnvelope) {
  TempDir dir;
  Keys keys;
  RunQueue queue;
  SignupService service(settings_for(keys), dir.path(), queue);
  const auto a = submit_and_wait(service, queue, testing::complete_signup_form());
  const auto b = submit_and_wait(service, queue, testing::complete_signup_form());
  ASSERT_TRUE(a.ok && b.ok);
  EXPECT_NE(a.reference, b.reference);
  const auto entries = Outbox(dir.path()).list();
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_NE(entries[0].id, entries[1].id);
}

TEST(SignupService, NoKeyNoSignups) {
  TempDir dir;
  RunQueue queue;
  for (const std::string key : {"", "bm90IGEga2V5"}) {
    SignupSettings settings;
    settings.public_key = key;
    SignupService service(settings, dir.path(), queue);
    EXPECT_FALSE(service.accepting());
    const auto result = submit_and_wait(service, queue, testing::complete_signup_form());
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.reference.empty());
    EXPECT_NE(result.error.find("public_key"), std::string::npos) << result.error;
  }
  EXPECT_EQ(Outbox(dir.path()).counts().pending, 0);
}

TEST(SignupService, AnIncompleteFormIsNotStored) {
  TempDir dir;
  Keys keys;
  RunQueue queue;
  SignupService service(settings_for(keys), dir.path(), queue);
  SignupForm form = testing::complete_signup_form();
  form.terms_accepted = false;
  const auto result = submit_and_wait(service, queue, form);
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(Outbox(dir.path()).counts().pending, 0);
}

TEST(SignupService, AnOutboxThatCannotOpenIsReported) {
  TempDir dir;
  Keys keys;
  RunQueue queue;
  SignupService service(settings_for(keys), dir.path() / "missing" / "dir", queue);
  const auto result = submit_and_wait(service, queue, testing::complete_signup_form());
  EXPECT_FALSE(result.ok);
  EXPECT_TRUE(result.reference.empty());
  EXPECT_NE(result.error.find("outbox"), std::string::npos) << result.error;
}

TEST(SignupService, ASubmitIsStoredEvenWhenTheKioskClosesAtOnce) {
  TempDir dir;
  Keys keys;
  RunQueue queue;
  {
    SignupService service(settings_for(keys), dir.path(), queue);
    service.submit(testing::complete_signup_form(), "en", 1, [](SubmitResult) {});
  }
  EXPECT_EQ(Outbox(dir.path()).counts().pending, 1);
}

TEST(SignupService, CountsSeeWhatWasWaitingAtStart) {
  TempDir dir;
  Keys keys;
  {
    Outbox box(dir.path());
    box.add("earlier", {1, 2, 3}, 100);
  }
  RunQueue queue;
  SignupService service(settings_for(keys), dir.path(), queue);
  submit_and_wait(service, queue, testing::complete_signup_form());
  const auto counts = service.counts();
  EXPECT_EQ(counts.pending, 2);
  EXPECT_EQ(counts.oldest_created, 100);
}

TEST(SignupService, ActivateLinkCarriesTheReference) {
  TempDir dir;
  Keys keys;
  RunQueue queue;
  SignupService service(settings_for(keys), dir.path(), queue);
  EXPECT_EQ(service.activate_link("K7M4-QX2P"), "https://workforce.miami/activate?ref=K7M4-QX2P");
  SignupSettings twice = settings_for(keys);
  twice.activate_url = "https://x.example/{reference}/{reference}";
  SignupService other(twice, dir.path(), queue);
  EXPECT_EQ(other.activate_link("AB"), "https://x.example/AB/AB");
}

}  // namespace
}  // namespace kiosk

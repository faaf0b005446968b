// keygen and outbox list, export and open: parsed as the contract says, and a sign-up carried
// from the outbox to the intake team's `outbox open` arrives as it was entered.
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kiosk/cli/cli.h"
#include "kiosk/signup/envelope.h"
#include "kiosk/signup/outbox.h"
#include "kiosk/signup/sealing.h"
#include "tests/unit/signup_test_support.h"
#include "tests/unit/temp_dir.h"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using kiosk::testing::TempDir;

struct CliRun {
  int rc = 0;
  std::string out;
  std::string err;
};

template <typename F>
CliRun capture(F&& command) {
  ::testing::internal::CaptureStdout();
  ::testing::internal::CaptureStderr();
  CliRun r;
  r.rc = command();
  r.out = ::testing::internal::GetCapturedStdout();
  r.err = ::testing::internal::GetCapturedStderr();
  return r;
}

TEST(SignupCli, ParsesTheContract) {
  auto p = parse_options({"keygen", "--out", "keys"});
  ASSERT_TRUE(p.options) << p.error;
  EXPECT_EQ(p.options->command, Options::Command::Keygen);
  EXPECT_EQ(p.options->out, fs::path("keys"));

  p = parse_options({"outbox", "list", "--json", "--data-dir", "d"});
  ASSERT_TRUE(p.options) << p.error;
  EXPECT_EQ(p.options->command, Options::Command::OutboxList);
  EXPECT_TRUE(p.options->json);
  EXPECT_EQ(p.options->data_dir, fs::path("d"));

  p = parse_options({"outbox", "export", "/media/usb"});
  ASSERT_TRUE(p.options) << p.error;
  EXPECT_EQ(p.options->command, Options::Command::OutboxExport);
  EXPECT_EQ(p.options->files, std::vector<fs::path>{"/media/usb"});

  p = parse_options({"outbox", "open", "--secret-key", "intake.key", "a.sealed", "b.sealed"});
  ASSERT_TRUE(p.options) << p.error;
  EXPECT_EQ(p.options->command, Options::Command::OutboxOpen);
  EXPECT_EQ(p.options->secret_key, fs::path("intake.key"));
  EXPECT_EQ(p.options->files, (std::vector<fs::path>{"a.sealed", "b.sealed"}));

  p = parse_options({"outbox", "send", "--json", "--config", "k.toml"});
  ASSERT_TRUE(p.options) << p.error;
  EXPECT_EQ(p.options->command, Options::Command::OutboxSend);
  EXPECT_TRUE(p.options->json);
  EXPECT_FALSE(parse_options({"outbox", "send", "--windowed", "800x600"}).options);
}

TEST(SignupCli, BadUsageIsExplained) {
  const auto error = [](std::vector<std::string> args) { return parse_options(args).error; };
  EXPECT_EQ(error({"keygen"}), "keygen needs --out DIR");
  EXPECT_EQ(error({"keygen", "--out", "k", "--data-dir", "d"}),
            "keygen takes only --out DIR, --signing and --json");
  EXPECT_EQ(error({"outbox"}), "outbox takes list, export, open or send (see --help)");
  EXPECT_EQ(error({"outbox", "shred"}), "outbox takes list, export, open or send (see --help)");
  EXPECT_EQ(error({"outbox", "export"}),
            "outbox export needs one directory to write the envelopes to");
  EXPECT_EQ(error({"outbox", "export", "a", "b"}),
            "outbox export needs one directory to write the envelopes to");
  EXPECT_EQ(error({"outbox", "open", "x.sealed"}),
            "outbox open needs --secret-key FILE (the intake.key)");
  EXPECT_EQ(error({"outbox", "open", "--secret-key", "k"}),
            "outbox open needs the envelope files to open");
  EXPECT_EQ(error({"outbox", "list", "--secret-key", "k"}),
            "--secret-key goes with outbox open and sign-config");
  EXPECT_EQ(error({"outbox", "list", "extra"}), "unknown option 'extra' (see --help)");
  EXPECT_EQ(error({"outbox", "list", "--windowed", "800x600"}),
            "outbox takes --data-dir, --json and its arguments");
  EXPECT_EQ(error({"sync", "--out", "x"}),
            "--out goes with the speak, keygen and provision commands");
}

TEST(SignupCli, HelpNamesTheCommands) {
  const std::string help = usage_text();
  for (const char* words :
       {"keygen --out DIR", "outbox list", "outbox export", "outbox open", "--secret-key FILE"}) {
    EXPECT_NE(help.find(words), std::string::npos) << words;
  }
}

// The whole way: sealed into the outbox, listed without contents, exported, opened.
TEST(SignupCli, ASignupTravelsFromOutboxToIntake) {
  TempDir dir;
  const fs::path keys = dir.path() / "keys";
  const fs::path data = dir.path() / "data";
  fs::create_directories(data);
  Options keygen;
  keygen.command = Options::Command::Keygen;
  keygen.out = keys;
  const CliRun made = capture([&] { return run_keygen(keygen); });
  ASSERT_EQ(made.rc, 0) << made.err;
  std::string pub_text;
  std::getline(std::ifstream(keys / "intake.pub"), pub_text);
  const auto pub = parse_public_key(pub_text);
  ASSERT_TRUE(pub);

  const EnvelopeMeta meta{"K7M4-QX2P", make_idempotency_key(),    "mdpl-main-01", "Main Library",
                          "es",        testing::kSignupShown + 60};
  {
    Outbox box(data);
    const SecretBytes plain = envelope_json(testing::complete_signup_form(), meta);
    box.add(meta.idempotency_key, seal(plain.view(), *pub), meta.created);
    box.record_attempt(meta.idempotency_key, 503, 0);
  }

  Options list;
  list.command = Options::Command::OutboxList;
  list.data_dir = data;
  list.json = true;
  const CliRun listed = capture([&] { return run_outbox_list(list); });
  ASSERT_EQ(listed.rc, 0) << listed.err;
  EXPECT_EQ(listed.out, "{\"pending\":1,\"envelopes\":[{\"id\":\"" + meta.idempotency_key +
                            "\",\"created\":\"2026-12-06T16:37:40Z\",\"attempts\":1,"
                            "\"held\":false}]}\n");
  list.json = false;
  const CliRun text = capture([&] { return run_outbox_list(list); });
  EXPECT_NE(text.out.find("1 sign-up waiting"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("María"), std::string::npos);

  Options exp;
  exp.command = Options::Command::OutboxExport;
  exp.data_dir = data;
  exp.files = {dir.path() / "usb"};
  const CliRun exported = capture([&] { return run_outbox_export(exp); });
  ASSERT_EQ(exported.rc, 0) << exported.err;
  EXPECT_NE(exported.out.find("exported 1 sign-up to"), std::string::npos) << exported.out;
  const fs::path file = dir.path() / "usb" / (meta.idempotency_key + ".sealed");
  ASSERT_TRUE(fs::exists(file));
  EXPECT_EQ(Outbox(data).sealed(meta.idempotency_key)->size(), fs::file_size(file));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path() / "usb"), fs::directory_iterator()),
            1);                                                      // no temporary left behind
  EXPECT_EQ(capture([&] { return run_outbox_export(exp); }).rc, 0);  // again: the same file

  Options open;
  open.command = Options::Command::OutboxOpen;
  open.secret_key = keys / "intake.key";
  open.files = {file};
  const CliRun opened = capture([&] { return run_outbox_open(open); });
  ASSERT_EQ(opened.rc, 0) << opened.err;
  const auto signups = nlohmann::json::parse(opened.out);
  ASSERT_EQ(signups.size(), 1u);
  EXPECT_EQ(signups[0]["reference"], "K7M4-QX2P");
  EXPECT_EQ(signups[0]["person"]["last_name"], "O'Brien-Muñoz");
  EXPECT_EQ(signups[0]["person"]["phone"], "3055550123");

  // A file that is not an envelope for this key: the good ones still print, the bad one is
  // explained, and the exit says something failed.
  std::ofstream(dir.path() / "junk.sealed") << "not sealed";
  open.files = {file, dir.path() / "junk.sealed", dir.path() / "missing.sealed"};
  const CliRun mixed = capture([&] { return run_outbox_open(open); });
  EXPECT_EQ(mixed.rc, 1);
  EXPECT_EQ(nlohmann::json::parse(mixed.out).size(), 1u);
  EXPECT_NE(mixed.err.find("junk.sealed: not sealed to this key pair"), std::string::npos)
      << mixed.err;
  EXPECT_NE(mixed.err.find("missing.sealed: cannot read it"), std::string::npos) << mixed.err;

  open.secret_key = keys / "intake.pub";  // the wrong half
  const CliRun wrong = capture([&] { return run_outbox_open(open); });
  EXPECT_EQ(wrong.rc, 1);
  EXPECT_EQ(wrong.out, "[]\n");
}

TEST(SignupCli, KeygenRefusesToReplaceAKey) {
  TempDir dir;
  Options keygen;
  keygen.command = Options::Command::Keygen;
  keygen.out = dir.path();
  keygen.json = true;
  const CliRun first = capture([&] { return run_keygen(keygen); });
  ASSERT_EQ(first.rc, 0) << first.err;
  const auto j = nlohmann::json::parse(first.out);
  EXPECT_TRUE(parse_public_key(j["public_key"].get<std::string>()));
  const CliRun second = capture([&] { return run_keygen(keygen); });
  EXPECT_EQ(second.rc, 1);
  EXPECT_NE(second.err.find("already exists"), std::string::npos) << second.err;
}

}  // namespace
}  // namespace kiosk

// Signed remote configuration: the signed file's layout, the verdicts (tampered, another key,
// older, same, expired, bad TOML, no signature line), what a remote file may not change, the
// stored file at start-up, and the commands' exit codes.
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "kiosk/base/iso_time.h"
#include "kiosk/cli/cli.h"
#include "kiosk/config/config.h"
#include "kiosk/fleet/remote_config.h"
#include "kiosk/fleet/signed_config.h"
#include "tests/unit/temp_dir.h"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using kiosk::testing::TempDir;

constexpr std::int64_t kNow = 1796083200;  // 2026-12-01T00:00:00Z

std::string slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void spit(const fs::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary) << text;
}

// A signing pair made by the real keygen, and the /etc configuration that trusts it.
struct Fleet {
  TempDir dir;
  SecretBytes secret;
  std::string pub;
  Config local;

  Fleet() {
    EXPECT_EQ(fleet::write_signing_key_pair(dir.path() / "keys"), std::nullopt);
    auto key = fleet::read_signing_secret_key(dir.path() / "keys" / "signing.key");
    EXPECT_TRUE(key.key) << key.error;
    secret = std::move(*key.key);
    pub = fleet::read_signing_public_key(dir.path() / "keys" / "signing.pub").text;
    local = *parse_config(etc_text(), "etc.toml").config;
  }
  std::string etc_text(std::int64_t version = 3) const {
    return "[kiosk]\nid = \"mdpl-main-01\"\nlocation = \"Main Library\"\n[fleet]\n"
           "config_url = \"https://fleet.example.org/kiosk.toml.signed\"\n"
           "config_public_key = \"" +
           pub + "\"\nconfig_version = " + std::to_string(version) + "\n";
  }
  static std::string remote_text(std::int64_t version, const std::string& expires = "") {
    return "[kiosk]\nid = \"someone-else\"\nlocation = \"Remote Branch\"\n[fleet]\n"
           "config_url = \"https://evil.example.org/\"\n"
           "config_public_key = \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"\n"
           "config_version = " +
           std::to_string(version) + "\nconfig_expires = \"" + expires + "\"\n";
  }
  std::string signed_remote(std::int64_t version, const std::string& expires = "") const {
    return *fleet::sign_text(remote_text(version, expires), secret);
  }
  fleet::RemoteVerdict check(const std::string& text, std::int64_t running = 3) const {
    return fleet::check_remote_config(text, local, running, kNow);
  }
};

TEST(SignedConfig, TheLayoutIsTomlAndOneSignatureLine) {
  Fleet f;
  const std::string text = f.signed_remote(4);
  const std::string body = Fleet::remote_text(4);
  ASSERT_TRUE(text.starts_with(body));
  const std::string last = text.substr(body.size());
  EXPECT_TRUE(last.starts_with(fleet::kSignaturePrefix)) << last;
  EXPECT_TRUE(last.ends_with("\n"));
  EXPECT_EQ(last.size(), fleet::kSignaturePrefix.size() + 88 + 1);
  // Still a configuration file a person can check as it is.
  EXPECT_TRUE(parse_config(text, "x").config);
  const auto split = fleet::split_signed(text);
  ASSERT_TRUE(split.parts) << split.error;
  EXPECT_EQ(split.parts->body, body);
  // Without the final newline it is the same file.
  EXPECT_TRUE(fleet::split_signed(text.substr(0, text.size() - 1)).parts);
  // A body without a final newline gets one, and it is signed.
  const auto no_newline = fleet::sign_text("[kiosk]\nid = \"a\"", f.secret);
  ASSERT_TRUE(no_newline);
  EXPECT_TRUE(no_newline->starts_with("[kiosk]\nid = \"a\"\n# workforce-kiosk-signature"));
  // A signed file is not signed twice.
  EXPECT_FALSE(fleet::sign_text(text, f.secret));
}

TEST(SignedConfig, AGoodFileIsAcceptedAndKeepsTheKiosksOwnIdAndFleetKeys) {
  Fleet f;
  const auto verdict = f.check(f.signed_remote(4, "2027-01-31T00:00:00Z"));
  ASSERT_EQ(verdict.kind, fleet::RemoteVerdict::Kind::Accepted) << verdict.reason;
  ASSERT_TRUE(verdict.config);
  EXPECT_EQ(verdict.version, 4);
  EXPECT_EQ(verdict.config->kiosk.location, "Remote Branch");
  EXPECT_EQ(verdict.config->kiosk.id, "mdpl-main-01");
  EXPECT_EQ(verdict.config->fleet.config_url, f.local.fleet.config_url);
  EXPECT_EQ(verdict.config->fleet.config_public_key, f.pub);
  EXPECT_EQ(verdict.config->fleet.config_version, 4);
}

TEST(SignedConfig, ATamperedByteIsRefused) {
  Fleet f;
  std::string text = f.signed_remote(4);
  const auto at = text.find("Remote Branch");
  text[at] = 'r';
  const auto verdict = f.check(text);
  EXPECT_EQ(verdict.kind, fleet::RemoteVerdict::Kind::Refused);
  EXPECT_NE(verdict.reason.find("signature does not match"), std::string::npos) << verdict.reason;
  // A byte of the signature itself.
  text = f.signed_remote(4);
  const auto sig = text.find(fleet::kSignaturePrefix) + fleet::kSignaturePrefix.size() + 5;
  text[sig] = text[sig] == 'A' ? 'B' : 'A';
  EXPECT_EQ(f.check(text).kind, fleet::RemoteVerdict::Kind::Refused);
  // A line added after the signature.
  EXPECT_EQ(f.check(f.signed_remote(4) + "[printer]\n").kind, fleet::RemoteVerdict::Kind::Refused);
}

TEST(SignedConfig, AnotherKeysSignatureIsRefused) {
  Fleet f;
  Fleet other;
  const auto verdict = f.check(other.signed_remote(4));
  EXPECT_EQ(verdict.kind, fleet::RemoteVerdict::Kind::Refused);
  EXPECT_NE(verdict.reason.find("another key"), std::string::npos) << verdict.reason;
}

TEST(SignedConfig, OlderIsRefusedAndTheSameIsUpToDate) {
  Fleet f;
  const auto older = f.check(f.signed_remote(2));
  EXPECT_EQ(older.kind, fleet::RemoteVerdict::Kind::Refused);
  EXPECT_EQ(older.version, 2);
  EXPECT_NE(older.reason.find("older than the running version 3"), std::string::npos)
      << older.reason;
  const auto same = f.check(f.signed_remote(3));
  EXPECT_EQ(same.kind, fleet::RemoteVerdict::Kind::UpToDate);
  EXPECT_FALSE(same.config);
}

TEST(SignedConfig, AnExpiredFileIsRefused) {
  Fleet f;
  const auto expired = f.check(f.signed_remote(4, "2026-11-30T23:59:59Z"));
  EXPECT_EQ(expired.kind, fleet::RemoteVerdict::Kind::Refused);
  EXPECT_NE(expired.reason.find("expired at 2026-11-30T23:59:59Z"), std::string::npos)
      << expired.reason;
  // The offset counts: 19:00 in Miami is midnight UTC.
  EXPECT_EQ(f.check(f.signed_remote(4, "2026-11-30T19:00:00-05:00")).kind,
            fleet::RemoteVerdict::Kind::Refused);
  EXPECT_EQ(f.check(f.signed_remote(4, "2026-11-30T19:00:01-05:00")).kind,
            fleet::RemoteVerdict::Kind::Accepted);
}

TEST(SignedConfig, BadTomlAndBadValuesAreRefusedEvenWhenSigned) {
  Fleet f;
  const auto bad_toml = f.check(*fleet::sign_text("[kiosk\nid = 1\n", f.secret));
  EXPECT_EQ(bad_toml.kind, fleet::RemoteVerdict::Kind::Refused);
  EXPECT_NE(bad_toml.reason.find("not valid TOML"), std::string::npos) << bad_toml.reason;
  const auto bad_value = f.check(
      *fleet::sign_text("[session]\nidle_timeout_s = 5\n[fleet]\nconfig_version = 9\n", f.secret));
  EXPECT_EQ(bad_value.kind, fleet::RemoteVerdict::Kind::Refused);
  EXPECT_NE(bad_value.reason.find("idle_timeout_s"), std::string::npos) << bad_value.reason;
}

TEST(SignedConfig, MissingOrMalformedSignatureLinesAreRefused) {
  Fleet f;
  const auto unsigned_file = f.check(Fleet::remote_text(4));
  EXPECT_EQ(unsigned_file.kind, fleet::RemoteVerdict::Kind::Refused);
  EXPECT_NE(unsigned_file.reason.find("no signature"), std::string::npos) << unsigned_file.reason;
  EXPECT_EQ(f.check("").kind, fleet::RemoteVerdict::Kind::Refused);
  EXPECT_EQ(f.check(Fleet::remote_text(4) + std::string(fleet::kSignaturePrefix) + "AAAA\n").kind,
            fleet::RemoteVerdict::Kind::Refused);
  // The signature line, then something after it.
  EXPECT_FALSE(fleet::split_signed(f.signed_remote(4) + "\n").parts);
}

TEST(SignedConfig, AKioskWithoutAKeyRefusesEverything) {
  Fleet f;
  Config local = f.local;
  local.fleet.config_public_key.clear();
  EXPECT_EQ(fleet::check_remote_config(f.signed_remote(4), local, 3, kNow).kind,
            fleet::RemoteVerdict::Kind::Refused);
}

TEST(FleetConfig, KeysAreValidatedWithLineAndKey) {
  const auto errors = [](const std::string& text) {
    std::string all;
    for (const auto& e : parse_config(text, "k.toml").errors) all += e.to_string() + "\n";
    return all;
  };
  EXPECT_NE(errors("[fleet]\nconfig_url = \"http://example.org/x\"\n")
                .find("k.toml:2:14: [fleet] config_url: plain http:// is allowed only"),
            std::string::npos);
  EXPECT_NE(errors("[fleet]\nconfig_url = \"https://a.example/x\"\n")
                .find("needs [fleet] config_public_key"),
            std::string::npos);
  EXPECT_NE(errors("[fleet]\nconfig_refresh_minutes = 1\n").find("from 5 to 1440"),
            std::string::npos);
  EXPECT_NE(errors("[fleet]\nconfig_public_key = \"abc\"\n").find("keygen --signing"),
            std::string::npos);
  EXPECT_NE(
      errors("[fleet]\nconfig_version = -1\n").find("config_version: expected a whole number"),
      std::string::npos);
  EXPECT_NE(errors("[fleet]\nconfig_version = \"2\"\n").find("got a string"), std::string::npos);
  EXPECT_NE(errors("[fleet]\nconfig_expires = \"tomorrow\"\n").find("RFC 3339"), std::string::npos);
  EXPECT_NE(errors("[fleet]\nconfig_expires = 2027-01-01T00:00:00\n").find("without an offset"),
            std::string::npos);
  EXPECT_NE(errors("[fleet]\nmetrics = 1\n").find("unknown key"), std::string::npos);

  const auto ok = parse_config(
      "[fleet]\nconfig_url = \"http://127.0.0.1:8080/k\"\nconfig_public_key = "
      "\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"\nconfig_version = 2026120701\n"
      "config_expires = 2027-01-01T00:00:00-05:00\nconfig_refresh_minutes = 15\n",
      "k.toml");
  ASSERT_TRUE(ok.config) << ok.errors.front().to_string();
  EXPECT_EQ(ok.config->fleet.config_version, 2026120701);
  EXPECT_EQ(ok.config->fleet.config_refresh_minutes, 15);
  EXPECT_EQ(ok.config->fleet.config_expires_unix, parse_rfc3339("2027-01-01T05:00:00Z"));
  const auto defaults = parse_config("", "k.toml");
  EXPECT_EQ(defaults.config->fleet.config_version, 0);
  EXPECT_EQ(defaults.config->fleet.config_refresh_minutes, 60);
  EXPECT_FALSE(defaults.config->fleet.config_expires_unix);
}

TEST(FleetConfig, Rfc3339) {
  EXPECT_EQ(parse_rfc3339("2026-12-01T00:00:00Z"), kNow);
  EXPECT_EQ(parse_rfc3339("2026-12-01t00:00:00.250z"), kNow);
  EXPECT_EQ(parse_rfc3339("2026-11-30T19:00:00-05:00"), kNow);
  EXPECT_EQ(parse_rfc3339("1970-01-01T00:00:00Z"), 0);
  for (const char* bad :
       {"2026-12-01", "2026-12-01T00:00:00", "2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z",
        "2026-12-01T24:00:00Z", "2026-12-01T00:00:00Zx", "2026-12-01T00:00:00+5:00", ""}) {
    EXPECT_FALSE(parse_rfc3339(bad)) << bad;
  }
  EXPECT_TRUE(parse_rfc3339("2024-02-29T12:00:00+01:00"));
}

TEST(RemoteConfig, TheStoredFileIsUsedAtStartOnlyWhileValid) {
  Fleet f;
  TempDir data;
  // Nothing stored: /etc's file.
  auto start = fleet::startup_config(f.local, data.path(), kNow);
  EXPECT_EQ(start.config.kiosk.location, "Main Library");
  EXPECT_EQ(start.status.running_version, 3);

  spit(fleet::stored_remote_file(data.path()), f.signed_remote(5, "2027-01-01T00:00:00Z"));
  start = fleet::startup_config(f.local, data.path(), kNow);
  EXPECT_EQ(start.config.kiosk.location, "Remote Branch");
  EXPECT_EQ(start.config.kiosk.id, "mdpl-main-01");
  EXPECT_EQ(start.status.running_version, 5);
  EXPECT_EQ(start.status.last_result, RemoteConfigStatus::Result::Applied);

  // Expired since: /etc's again.
  start = fleet::startup_config(f.local, data.path(), *parse_rfc3339("2027-01-02T00:00:00Z"));
  EXPECT_EQ(start.config.kiosk.location, "Main Library");
  // The technician's file moved past it: /etc's.
  const Config newer = *parse_config(f.etc_text(6), "etc.toml").config;
  start = fleet::startup_config(newer, data.path(), kNow);
  EXPECT_EQ(start.config.kiosk.location, "Main Library");
  EXPECT_EQ(start.status.running_version, 6);
  // Tampered on disk: /etc's.
  std::string text = slurp(fleet::stored_remote_file(data.path()));
  text[text.find("Remote")] = 'X';
  spit(fleet::stored_remote_file(data.path()), text);
  EXPECT_EQ(fleet::startup_config(f.local, data.path(), kNow).config.kiosk.location,
            "Main Library");
  // No config_url: no remote configuration at all.
  Config off = f.local;
  off.fleet.config_url.clear();
  spit(fleet::stored_remote_file(data.path()), f.signed_remote(5));
  start = fleet::startup_config(off, data.path(), kNow);
  EXPECT_EQ(start.config.kiosk.location, "Main Library");
  EXPECT_EQ(start.status.last_result, RemoteConfigStatus::Result::NotConfigured);
}

struct CliRun {
  int rc = 0;
  std::string out;
  std::string err;
};

CliRun run_cli(const std::vector<std::string>& args) {
  const auto parsed = parse_options(args);
  CliRun r;
  if (!parsed.options) {
    r.rc = 2;
    r.err = parsed.error;
    return r;
  }
  ::testing::internal::CaptureStdout();
  ::testing::internal::CaptureStderr();
  const Options& o = *parsed.options;
  switch (o.command) {
    case Options::Command::Keygen:
      r.rc = run_keygen(o);
      break;
    case Options::Command::SignConfig:
      r.rc = run_sign_config(o);
      break;
    case Options::Command::CheckConfig:
      r.rc = run_check_config(o);
      break;
    default:
      r.rc = -1;
  }
  r.out = ::testing::internal::GetCapturedStdout();
  r.err = ::testing::internal::GetCapturedStderr();
  return r;
}

TEST(FleetCli, ParsesTheContract) {
  auto p = parse_options({"keygen", "--signing", "--out", "k"});
  ASSERT_TRUE(p.options) << p.error;
  EXPECT_TRUE(p.options->signing);
  p = parse_options({"sign-config", "--secret-key", "k/signing.key", "site.toml"});
  ASSERT_TRUE(p.options) << p.error;
  EXPECT_EQ(p.options->command, Options::Command::SignConfig);
  EXPECT_EQ(p.options->files, std::vector<fs::path>{"site.toml"});
  p = parse_options({"check-config", "--config", "s.signed", "--signed-by", "k/signing.pub"});
  ASSERT_TRUE(p.options) << p.error;
  EXPECT_EQ(p.options->signed_by, fs::path("k/signing.pub"));
  EXPECT_FALSE(parse_options({"sign-config", "site.toml"}).options);
  EXPECT_FALSE(parse_options({"sign-config", "--secret-key", "k", "a", "b"}).options);
  EXPECT_FALSE(parse_options({"sync", "--signed-by", "k"}).options);
  EXPECT_FALSE(parse_options({"sync", "--signing"}).options);
  EXPECT_NE(usage_text().find("keygen --signing --out DIR"), std::string::npos);
}

TEST(FleetCli, KeygenSignCheckAndTheExitCodes) {
  TempDir dir;
  const fs::path keys = dir.path() / "keys";
  ASSERT_EQ(run_cli({"keygen", "--signing", "--out", keys.string()}).rc, 0);
  struct stat st {};
  ASSERT_EQ(::stat((keys / "signing.key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  EXPECT_TRUE(fleet::read_signing_public_key(keys / "signing.pub").key);
  // The intake keygen still works beside it.
  ASSERT_EQ(run_cli({"keygen", "--out", keys.string()}).rc, 0);
  EXPECT_TRUE(fs::exists(keys / "intake.pub"));
  EXPECT_EQ(run_cli({"keygen", "--signing", "--out", keys.string()}).rc, 1);  // never replaced

  const fs::path site = dir.path() / "site.toml";
  spit(site, Fleet::remote_text(7, "2099-01-01T00:00:00Z"));
  auto signed_run =
      run_cli({"sign-config", "--secret-key", (keys / "signing.key").string(), site.string()});
  ASSERT_EQ(signed_run.rc, 0) << signed_run.err;
  const fs::path signed_file = dir.path() / "site.toml.signed";
  const std::string pub = (keys / "signing.pub").string();
  auto check = run_cli({"check-config", "--config", signed_file.string(), "--signed-by", pub});
  EXPECT_EQ(check.rc, 0) << check.err;
  EXPECT_NE(check.out.find("config_version = 7"), std::string::npos) << check.out;

  // A changed byte.
  std::string text = slurp(signed_file);
  text[text.find("Remote")] = 'r';
  spit(dir.path() / "tampered.signed", text);
  check = run_cli(
      {"check-config", "--config", (dir.path() / "tampered.signed").string(), "--signed-by", pub});
  EXPECT_EQ(check.rc, 1);
  EXPECT_NE(check.err.find("signature does not match"), std::string::npos) << check.err;
  // Another key.
  ASSERT_EQ(run_cli({"keygen", "--signing", "--out", (dir.path() / "other").string()}).rc, 0);
  check = run_cli({"check-config", "--config", signed_file.string(), "--signed-by",
                   (dir.path() / "other" / "signing.pub").string()});
  EXPECT_EQ(check.rc, 1);
  // No signature line.
  check = run_cli({"check-config", "--config", site.string(), "--signed-by", pub});
  EXPECT_EQ(check.rc, 1);
  EXPECT_NE(check.err.find("no signature"), std::string::npos) << check.err;
  // Expired.
  spit(site, Fleet::remote_text(8, "2020-01-01T00:00:00Z"));
  fs::remove(signed_file);
  ASSERT_EQ(
      run_cli({"sign-config", "--secret-key", (keys / "signing.key").string(), site.string()}).rc,
      0);
  check = run_cli({"check-config", "--config", signed_file.string(), "--signed-by", pub});
  EXPECT_EQ(check.rc, 1);
  EXPECT_NE(check.err.find("expired"), std::string::npos) << check.err;
  // Valid signature over a file check-config refuses (signed by hand, bypassing sign-config).
  SecretBytes secret = std::move(*fleet::read_signing_secret_key(keys / "signing.key").key);
  spit(signed_file, *fleet::sign_text("[session]\nidle_timeout_s = 1\n", secret));
  check = run_cli({"check-config", "--config", signed_file.string(), "--signed-by", pub});
  EXPECT_EQ(check.rc, 1);
  EXPECT_NE(check.err.find("idle_timeout_s"), std::string::npos) << check.err;
  // A bad file is not signed; a signing.pub is not a secret key; a signed file is not re-signed.
  spit(site, "[kiosk\n");
  EXPECT_EQ(
      run_cli({"sign-config", "--secret-key", (keys / "signing.key").string(), site.string()}).rc,
      1);
  spit(site, Fleet::remote_text(9));
  EXPECT_EQ(run_cli({"sign-config", "--secret-key", pub, site.string()}).rc, 1);
  EXPECT_EQ(run_cli({"sign-config", "--secret-key", (keys / "signing.key").string(),
                     signed_file.string()})
                .rc,
            1);
  // Bad usage.
  EXPECT_EQ(run_cli({"sign-config", site.string()}).rc, 2);
}

}  // namespace
}  // namespace kiosk

#include "kiosk/config/config.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

TEST(Config, BundledConfigurationIsValid) {
  const auto result = load_config(std::string(KIOSK_SOURCE_DIR) + "/config/kiosk.toml");
  ASSERT_TRUE(result.errors.empty()) << result.errors.front().to_string();
  EXPECT_EQ(result.config->kiosk.id, "mdc-demo-01");
  EXPECT_FALSE(result.config->kiosk.location.empty());
  EXPECT_EQ(result.config->kiosk.default_language, Language::En);
}

TEST(Config, ExamplesAreValid) {
  const auto result =
      load_config(std::string(KIOSK_SOURCE_DIR) + "/config/examples/spanish-first-branch.toml");
  ASSERT_TRUE(result.errors.empty()) << result.errors.front().to_string();
  EXPECT_EQ(result.config->kiosk.default_language, Language::Es);
  EXPECT_EQ(result.config->session.idle_timeout_s, 180);
}

TEST(Config, EmptyFileGivesDefaults) {
  const auto result = parse_config("", "empty.toml");
  ASSERT_TRUE(result.config);
  EXPECT_EQ(result.config->session.idle_timeout_s, 120);
  EXPECT_EQ(result.config->session.idle_warning_s, 30);
  EXPECT_EQ(result.config->kiosk.name, "Workforce Kiosk");
}

TEST(Config, UnknownKeyIsRefusedWithItsLine) {
  const auto result = parse_config("[kiosk]\nid = \"a\"\nlocaton = \"typo\"\n", "site.toml");
  EXPECT_FALSE(result.config);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].line, 3);
  EXPECT_NE(result.errors[0].message.find("[kiosk] locaton: unknown key"), std::string::npos);
  EXPECT_NE(result.errors[0].message.find("location"), std::string::npos);  // says what it takes
  EXPECT_EQ(result.errors[0].to_string().rfind("site.toml:3:", 0), 0u);
}

TEST(Config, UnknownSectionIsRefused) {
  const auto result = parse_config("[kiosks]\nid = \"a\"\n", "site.toml");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].line, 1);
}

TEST(Config, WrongTypeSaysWhatWasExpected) {
  const auto result = parse_config("[session]\nidle_timeout_s = \"120\"\n", "site.toml");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].line, 2);
  EXPECT_NE(result.errors[0].message.find("expected a whole number from 30 to 3600, got a string"),
            std::string::npos);
}

TEST(Config, OutOfRangeAndBadValuesAreAllReported) {
  const auto result = parse_config(
      "[kiosk]\nid = \"has space\"\ndefault_language = \"fr\"\nname = \"\"\n"
      "[session]\nidle_warning_s = 5\n",
      "site.toml");
  EXPECT_FALSE(result.config);
  ASSERT_EQ(result.errors.size(), 4u);
  EXPECT_EQ(result.errors[0].line, 2);
  EXPECT_EQ(result.errors[1].line, 3);
  EXPECT_NE(result.errors[1].message.find("\"en\" or \"es\""), std::string::npos);
  EXPECT_EQ(result.errors[2].line, 4);
  EXPECT_EQ(result.errors[3].line, 6);
  EXPECT_NE(result.errors[3].message.find("20 to 600"), std::string::npos);
}

TEST(Config, ControlCharactersAreRefused) {
  const auto result = parse_config("[kiosk]\nlocation = \"Main\\u001b[2J\"\n", "site.toml");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_NE(result.errors[0].message.find("control characters"), std::string::npos);
}

TEST(Config, SyntaxErrorHasLineAndColumn) {
  const auto result = parse_config("[kiosk]\nid = \"unterminated\n", "site.toml");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].line, 2);
  EXPECT_GT(result.errors[0].column, 0);
  EXPECT_NE(result.errors[0].message.find("not valid TOML"), std::string::npos);
}

TEST(Config, FeedUrlsAreChecked) {
  const auto good = parse_config(
      "[feeds]\njobs = [\"https://example.org/jobs.jsonld\", \"file:assets/sample/jobs.jsonld\"]\n"
      "programs = [\"http://127.0.0.1:8080/p.csv\", \"file:///srv/feeds/etpl.csv\"]\n"
      "refresh_minutes = 30\n",
      "site.toml");
  ASSERT_TRUE(good.config) << good.errors.front().to_string();
  EXPECT_EQ(good.config->feeds.jobs.size(), 2u);
  EXPECT_EQ(good.config->feeds.refresh_minutes, 30);

  const auto bad = parse_config(
      "[feeds]\njobs = [\"http://example.org/jobs\"]\nevents = \"https://x\"\n"
      "faq = [\"ftp://x\", 3]\nrefresh_minutes = 1\n",
      "site.toml");
  ASSERT_EQ(bad.errors.size(), 5u);
  EXPECT_EQ(bad.errors[0].line, 2);
  EXPECT_NE(bad.errors[0].message.find("only to this machine"), std::string::npos);
  EXPECT_NE(bad.errors[1].message.find("expected a list of feeds"), std::string::npos);
  EXPECT_NE(bad.errors[2].message.find("https://"), std::string::npos);
  EXPECT_NE(bad.errors[3].message.find("expected a URL in quotes"), std::string::npos);
  EXPECT_NE(bad.errors[4].message.find("5 to 1440"), std::string::npos);
}

TEST(Config, MissingFileIsAnError) {
  const auto result = load_config("/nonexistent/kiosk.toml");
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].to_string(),
            "/nonexistent/kiosk.toml: cannot read the configuration file");
}

}  // namespace
}  // namespace kiosk

namespace kiosk {
namespace {

TEST(Config, PrinterQueue) {
  const auto none = parse_config("", "site.toml");
  ASSERT_TRUE(none.config);
  EXPECT_TRUE(none.config->printer.queue.empty());  // no printer: no Print button
  const auto good = parse_config("[printer]\nqueue = \"front-desk_2\"\n", "site.toml");
  ASSERT_TRUE(good.config);
  EXPECT_EQ(good.config->printer.queue, "front-desk_2");
  const auto bad = parse_config("[printer]\nqueue = \"front desk/1\"\n", "site.toml");
  ASSERT_FALSE(bad.config);
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].line, 2);
  EXPECT_NE(bad.errors[0].message.find("CUPS queue"), std::string::npos);
}

}  // namespace
}  // namespace kiosk

namespace kiosk {
namespace {

TEST(Config, MaxFeedMb) {
  const auto none = parse_config("", "site.toml");
  ASSERT_TRUE(none.config);
  EXPECT_EQ(none.config->feeds.max_feed_mb, 200);  // a 100,000-job JSON-LD file is ~150 MB
  const auto bundled = load_config(std::string(KIOSK_SOURCE_DIR) + "/config/kiosk.toml");
  ASSERT_TRUE(bundled.config);
  EXPECT_EQ(bundled.config->feeds.max_feed_mb, 200);
  const auto good = parse_config("[feeds]\nmax_feed_mb = 350\n", "site.toml");
  ASSERT_TRUE(good.config);
  EXPECT_EQ(good.config->feeds.max_feed_mb, 350);

  for (const char* value : {"0", "5000", "\"200\"", "1.5", "-3"}) {
    const auto bad = parse_config(
        std::string("[feeds]\nrefresh_minutes = 60\nmax_feed_mb = ") + value + "\n", "site.toml");
    ASSERT_FALSE(bad.config) << value;
    ASSERT_EQ(bad.errors.size(), 1u) << value;
    EXPECT_EQ(bad.errors[0].line, 3) << value;
    EXPECT_NE(bad.errors[0].message.find("[feeds] max_feed_mb: expected a whole number from 1 to "
                                         "1024"),
              std::string::npos)
        << bad.errors[0].message;
  }
}

TEST(Config, HelpDeskInBothLanguages) {
  const auto bundled = load_config(std::string(KIOSK_SOURCE_DIR) + "/config/kiosk.toml");
  ASSERT_TRUE(bundled.config);
  EXPECT_NE(bundled.config->kiosk.help_desk_en.find("information desk"), std::string::npos);
  EXPECT_NE(bundled.config->kiosk.help_desk_es.find("mostrador"), std::string::npos);
  const auto empty = parse_config("[kiosk]\nid = \"a\"\n", "site.toml");
  ASSERT_TRUE(empty.config);
  EXPECT_TRUE(empty.config->kiosk.help_desk_en.empty());  // the screen's own words then
  const auto bad = parse_config(
      "[kiosk]\nhelp_desk_en = \"Desk\\u0007\"\nhelp_desk_es = \"" + std::string(301, 'x') + "\"\n",
      "site.toml");
  ASSERT_EQ(bad.errors.size(), 2u);
  EXPECT_NE(bad.errors[0].message.find("help_desk_en"), std::string::npos);
  EXPECT_NE(bad.errors[1].message.find("help_desk_es"), std::string::npos);
}

// Made by `workforce-kiosk pin-hash` for 2468 (tests only).
constexpr const char* kPinHash =
    "$argon2id$v=19$m=65536,t=2,p=1$2DcP2g4wpW4nHdTZUBgC2Q$"
    "a3BMfqjmBG4M/KELePqyfhf9oaqsGtuJqIJ3K1rc0OU";

TEST(Config, StaffPinHashIsTakenWhenArgon2idShaped) {
  const auto result =
      parse_config(std::string("[staff]\npin_hash = \"") + kPinHash + "\"\n", "site.toml");
  ASSERT_TRUE(result.errors.empty()) << result.errors.front().to_string();
  EXPECT_EQ(result.config->staff.pin_hash, kPinHash);
  EXPECT_TRUE(parse_config("", "site.toml").config->staff.pin_hash.empty());  // no staff entry
}

TEST(Config, StaffPinHashThatIsNotOneIsRefused) {
  const auto pin = parse_config("[staff]\npin_hash = \"2468\"\n", "site.toml");
  ASSERT_EQ(pin.errors.size(), 1u);
  EXPECT_EQ(pin.errors[0].line, 2);
  EXPECT_NE(pin.errors[0].message.find("[staff] pin_hash"), std::string::npos);
  EXPECT_NE(pin.errors[0].message.find("never the PIN itself"), std::string::npos);
  EXPECT_EQ(pin.errors[0].message.find("2468"), std::string::npos);  // the PIN is not repeated
  for (const std::string bad :
       {"$argon2i$v=19$m=65536,t=2,p=1$QWxhZGRpbjpvcGVuc2VzYW1l$"
        "3pBYBZ4HyqjX3YVqq+I0GmO6QEi1MCp5pPIOqJE8N7k",
        "$2y$10$abcdefghijklmnopqrstuv", "$argon2id$v=19$m=65536,t=2,p=1$"}) {
    const auto result = parse_config("[staff]\npin_hash = \"" + bad + "\"\n", "site.toml");
    ASSERT_EQ(result.errors.size(), 1u) << bad;
    EXPECT_NE(result.errors[0].message.find("workforce-kiosk pin-hash"), std::string::npos);
  }
  const auto typo = parse_config("[staff]\npin = \"1\"\n", "site.toml");
  ASSERT_EQ(typo.errors.size(), 1u);
  EXPECT_NE(typo.errors[0].message.find("pin_hash"), std::string::npos);
}

TEST(Config, StaffUsbRootsAreAbsoluteFolders) {
  const auto defaults = parse_config("", "site.toml");
  ASSERT_TRUE(defaults.config);
  EXPECT_EQ(defaults.config->staff.usb_roots,
            (std::vector<std::filesystem::path>{"/media", "/run/media"}));
  const auto set = parse_config("[staff]\nusb_roots = [\"/mnt/usb/\", \"/srv//drives\"]\n", "s");
  ASSERT_TRUE(set.errors.empty()) << set.errors.front().to_string();
  EXPECT_EQ(set.config->staff.usb_roots,
            (std::vector<std::filesystem::path>{"/mnt/usb", "/srv/drives"}));
  for (const std::string bad :
       {"[\"media\"]", "[\"/\"]", "[\"//.\"]", "\"/media\"", "[1]", "[\"/a\\tb\"]"}) {
    const auto result = parse_config("[staff]\nusb_roots = " + bad + "\n", "site.toml");
    ASSERT_EQ(result.errors.size(), 1u) << bad;
    EXPECT_EQ(result.errors[0].line, 2) << bad;
    EXPECT_NE(result.errors[0].message.find("usb_roots"), std::string::npos) << bad;
  }
}

TEST(Config, FleetMetricsFileIsAnAbsolutePromFileOrEmpty) {
  const auto defaults = parse_config("", "s");
  ASSERT_TRUE(defaults.config);
  EXPECT_TRUE(defaults.config->fleet.metrics_file.empty());
  const auto set = parse_config(
      "[fleet]\nmetrics_file = \"/var/lib/prometheus/node-exporter/kiosk.prom\"\n", "s");
  ASSERT_TRUE(set.config);
  EXPECT_EQ(set.config->fleet.metrics_file, "/var/lib/prometheus/node-exporter/kiosk.prom");
  for (const std::string bad :
       {"\"kiosk.prom\"", "\"/var/lib/kiosk.txt\"", "\"/var/lib/../kiosk.prom\"", "\"/.prom\"",
        "\"/var/lib/k\\u0001.prom\"", "5"}) {
    const auto result = parse_config("[fleet]\nmetrics_file = " + bad + "\n", "site.toml");
    ASSERT_EQ(result.errors.size(), 1u) << bad;
    EXPECT_EQ(result.errors[0].line, 2) << bad;
    EXPECT_NE(result.errors[0].message.find("metrics_file"), std::string::npos) << bad;
  }
  const auto typo = parse_config("[fleet]\nmetric_file = \"/a.prom\"\n", "site.toml");
  EXPECT_FALSE(typo.config);
}

}  // namespace
}  // namespace kiosk

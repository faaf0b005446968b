// Feeds written as inline tables, and the secrets they refer to (kiosk/config/secrets.h).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "kiosk/config/config.h"
#include "kiosk/config/secrets.h"

namespace kiosk {
namespace {

constexpr std::string_view kUsajobs = R"([feeds]
jobs = ["file:assets/sample/jobs.jsonld", { url = "https://data.usajobs.gov/api/search?LocationName=Miami%2C%20Florida", format = "usajobs", headers = { "User-Agent" = "kiosk@center.example", "Authorization-Key" = "secret:usajobs" }, max_pages = 10 }]
)";

std::string all_errors(const ConfigResult& result) {
  std::string out;
  for (const auto& e : result.errors) out += e.to_string() + "\n";
  return out;
}

TEST(FeedConfig, TheIssueExampleIsRead) {
  const auto result = parse_config(kUsajobs, "kiosk.toml");
  ASSERT_TRUE(result.config) << all_errors(result);
  const auto& jobs = result.config->feeds.jobs;
  ASSERT_EQ(jobs.size(), 2u);
  EXPECT_EQ(jobs[0].url, "file:assets/sample/jobs.jsonld");
  EXPECT_EQ(jobs[0].format, "auto");
  EXPECT_EQ(jobs[1].format, "usajobs");
  EXPECT_EQ(jobs[1].max_pages, 10);
  // Headers in name order (TOML tables keep none).
  ASSERT_EQ(jobs[1].headers.size(), 2u);
  EXPECT_EQ(jobs[1].headers[0].name, "Authorization-Key");
  EXPECT_EQ(jobs[1].headers[0].value, "secret:usajobs");
  EXPECT_EQ(jobs[1].headers[1].name, "User-Agent");
  EXPECT_EQ(secret_names(jobs[1]), std::vector<std::string>{"usajobs"});
}

TEST(FeedConfig, ALiteralKeyIsRefusedWithoutEchoingIt) {
  const auto result = parse_config(R"([feeds]
jobs = [{ url = "https://data.usajobs.gov/api/search", headers = { "Authorization-Key" = "s3cr3tvalue" } }]
)",
                                   "kiosk.toml");
  ASSERT_FALSE(result.config);
  const std::string errors = all_errors(result);
  EXPECT_NE(errors.find("Authorization-Key holds a credential"), std::string::npos) << errors;
  EXPECT_NE(errors.find("kiosk.toml:2:"), std::string::npos) << errors;
  EXPECT_EQ(errors.find("s3cr3tvalue"), std::string::npos) << errors;

  for (const char* header : {"Authorization", "X-Api-Key", "X-Auth-Token", "Cookie"}) {
    const auto other = parse_config(std::string("[feeds]\njobs = [{ url = \"https://a.example\", "
                                                "headers = { \"") +
                                        header + "\" = \"Bearer abc\" } }]\n",
                                    "kiosk.toml");
    EXPECT_FALSE(other.config) << header;
  }
  // Not a credential: written as it is.
  EXPECT_TRUE(parse_config(R"([feeds]
jobs = [{ url = "https://a.example", headers = { "User-Agent" = "kiosk@center.example", Accept = "application/json" } }]
)",
                           "kiosk.toml")
                  .config);
}

TEST(FeedConfig, BadTablesSayWhatIsWrong) {
  const struct {
    const char* toml;
    const char* says;
  } cases[] = {
      {R"(jobs = [{ format = "usajobs" }])", "needs url"},
      {R"(jobs = [{ url = "https://a.example", format = "rss" }])", "format: expected one of auto"},
      {R"(jobs = [{ url = "https://a.example", max_pages = 0 }])", "max_pages"},
      {R"(jobs = [{ url = "https://a.example", pages = 2 }])", "unknown key 'pages'"},
      {R"(jobs = [{ url = "https://a.example", headers = { Host = "b.example" } }])",
       "set by the kiosk itself"},
      {R"(jobs = [{ url = "https://a.example", headers = { "Bad Name" = "x" } }])",
       "not a header name"},
      {R"(jobs = [{ url = "https://a.example/{userid}/x" }])", "not a secret reference"},
      {R"(jobs = [{ url = "https://a.example/{secret:id" }])", "without its '}'"},
      {R"(jobs = [{ url = "ftp://a.example" }])", "ftp"},
      {R"(jobs = [3])", "expected a URL in quotes or {"},
  };
  for (const auto& c : cases) {
    const auto result = parse_config(std::string("[feeds]\n") + c.toml + "\n", "kiosk.toml");
    EXPECT_FALSE(result.config) << c.toml;
    EXPECT_NE(all_errors(result).find(c.says), std::string::npos)
        << c.toml << " → " << all_errors(result);
  }
  const auto relative = parse_config("[feeds]\nsecrets_file = \"secrets.toml\"\n", "kiosk.toml");
  EXPECT_FALSE(relative.config);
}

class SecretsFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("kiosk-secrets-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    file_ = dir_ / "secrets.toml";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void write(const std::string& text, mode_t mode) {
    std::ofstream(file_) << text;
    ::chmod(file_.c_str(), mode);
  }
  Config config_with(const std::string& feeds) {
    auto result = parse_config(
        "[feeds]\nsecrets_file = \"" + file_.string() + "\"\njobs = [" + feeds + "]\n", "k.toml");
    EXPECT_TRUE(result.config) << all_errors(result);
    return result.config.value_or(Config{});
  }

  std::filesystem::path dir_, file_;
};

TEST_F(SecretsFile, ValuesFillTheRequestOnly) {
  write("usajobs = \"KEY+1/2\"\ncos_user = \"user id\"\n", 0600);
  auto loaded = Secrets::load(file_);
  ASSERT_TRUE(std::holds_alternative<Secrets>(loaded)) << std::get<std::string>(loaded);
  const Secrets& secrets = std::get<Secrets>(loaded);
  EXPECT_EQ(secrets.size(), 2u);

  FeedSource feed("https://api.careeronestop.org/v2/jobsearch/{secret:cos_user}/0/FL/25");
  feed.headers = {{"Authorization-Key", "secret:usajobs"}, {"User-Agent", "kiosk@center.example"}};
  auto resolved = resolve_feed(feed, &secrets);
  ASSERT_TRUE(std::holds_alternative<ResolvedFeed>(resolved));
  const auto& r = std::get<ResolvedFeed>(resolved);
  EXPECT_EQ(r.url, "https://api.careeronestop.org/v2/jobsearch/user%20id/0/FL/25");
  EXPECT_EQ(r.headers[0].value, "KEY+1/2");
  EXPECT_EQ(r.headers[1].value, "kiosk@center.example");
  EXPECT_EQ(feed.url.find("user id"), std::string::npos);  // the configured feed is untouched

  feed.headers[0].value = "secret:missing";
  auto missing = resolve_feed(feed, &secrets);
  ASSERT_TRUE(std::holds_alternative<std::string>(missing));
  EXPECT_NE(std::get<std::string>(missing).find("\"missing\" is not in the secrets file"),
            std::string::npos);
  auto no_file = resolve_feed(feed, nullptr);
  EXPECT_NE(std::get<std::string>(no_file).find("no [feeds] secrets_file"), std::string::npos);
}

TEST_F(SecretsFile, OthersMustNotReadIt) {
  write("usajobs = \"KEY\"\n", 0644);
  auto loaded = Secrets::load(file_);
  ASSERT_TRUE(std::holds_alternative<std::string>(loaded));
  EXPECT_NE(std::get<std::string>(loaded).find("can be read by others (mode 0644)"),
            std::string::npos);
  const Config config =
      config_with(R"({ url = "https://a.example", headers = { "X-Api-Key" = "secret:usajobs" } })");
  const auto problems = check_secrets(config, ::geteuid());
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("chmod 600"), std::string::npos);

  write("usajobs = \"KEY\"\n", 0600);
  EXPECT_TRUE(check_secrets(config, ::geteuid()).empty());
  // Another owner than the kiosk's user.
  const auto wrong_owner = check_secrets(config, ::geteuid() + 1);
  ASSERT_EQ(wrong_owner.size(), 1u);
  EXPECT_NE(wrong_owner[0].find("must belong to the kiosk's user"), std::string::npos);
}

TEST_F(SecretsFile, EveryReferenceMustHaveAValue) {
  write("usajobs = \"KEY\"\n", 0600);
  const Config config = config_with(
      R"({ url = "https://a.example/{secret:cos_user}", headers = { "X-Api-Key" = "secret:usajobs", Authorization = "secret:cos_token" } })");
  const auto problems = check_secrets(config, ::geteuid());
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].find("\"cos_user\", which is not in"), std::string::npos);
  EXPECT_NE(problems[1].find("\"cos_token\""), std::string::npos);

  // A reference with no secrets file at all.
  auto result = parse_config(
      R"([feeds]
jobs = [{ url = "https://a.example", headers = { Authorization = "secret:t" } }]
)",
      "k.toml");
  ASSERT_TRUE(result.config);
  const auto none = check_secrets(*result.config, ::geteuid());
  ASSERT_EQ(none.size(), 1u);
  EXPECT_NE(none[0].find("no [feeds] secrets_file is set"), std::string::npos);
}

TEST_F(SecretsFile, BadFilesNeverShowAValue) {
  for (const std::string& text : {std::string("token = \"abc\ndef\"\n"), std::string("= \"x\"\n"),
                                  std::string("token = 12345\n"), std::string("token = \"\"\n"),
                                  std::string("[section]\ntoken = \"sekrit-value\"\n")}) {
    write(text, 0600);
    auto loaded = Secrets::load(file_);
    ASSERT_TRUE(std::holds_alternative<std::string>(loaded)) << text;
    const std::string& why = std::get<std::string>(loaded);
    EXPECT_EQ(why.find("abc"), std::string::npos) << why;
    EXPECT_EQ(why.find("sekrit"), std::string::npos) << why;
    EXPECT_NE(why.find(file_.string()), std::string::npos) << why;
  }
  // A link is refused even when its target is private.
  write("t = \"x\"\n", 0600);
  const auto link = dir_ / "link.toml";
  std::filesystem::create_symlink(file_, link);
  auto via_link = Secrets::load(link);
  ASSERT_TRUE(std::holds_alternative<std::string>(via_link));
  EXPECT_NE(std::get<std::string>(via_link).find("not a link"), std::string::npos);
}

}  // namespace
}  // namespace kiosk

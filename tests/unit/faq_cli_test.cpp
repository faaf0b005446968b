// `workforce-kiosk search --kind faq`: the command line parsed as a technician types it, over a
// cache holding the bundled FAQ, ranked as the Questions screen ranks it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "kiosk/cli/cli.h"
#include "kiosk/feeds/jsonld.h"
#include "kiosk/store/store.h"
#include "temp_dir.h"

namespace kiosk {
namespace {

class FaqCli : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ifstream in(std::filesystem::path(KIOSK_SOURCE_DIR) / "assets/sample/faq.jsonld");
    std::stringstream body;
    body << in.rdbuf();
    auto parsed = feeds::parse_jsonld(body.str(), "file:assets/sample/faq.jsonld");
    ASSERT_TRUE(std::holds_alternative<ParsedFeed>(parsed));
    Store store(dir_.path(), Store::Mode::Writer);
    FeedState state;
    state.url = "file:assets/sample/faq.jsonld";
    state.kind = "faq";
    store.replace_feed(state, std::get<ParsedFeed>(parsed), 1'800'000'000);
  }

  // Runs the parsed command line; returns the exit code, stdout in `out`.
  int run(std::vector<std::string> args, std::string& out) {
    args.insert(args.begin(), {"search", "--data-dir", dir_.path().string()});
    const auto p = parse_options(args);
    if (!p.options) {
      ADD_FAILURE() << p.error;
      return 2;
    }
    ::testing::internal::CaptureStdout();
    ::testing::internal::CaptureStderr();
    const int rc = run_search(*p.options);
    out = ::testing::internal::GetCapturedStdout();
    err_ = ::testing::internal::GetCapturedStderr();
    return rc;
  }

  kiosk::testing::TempDir dir_;
  std::string err_;
};

TEST_F(FaqCli, SpanishQuestionAnsweredInEnglishAsJson) {
  std::string out;
  ASSERT_EQ(run({"--kind", "faq", "--lang", "en", "--json", "pasantia sin titulo"}, out), 0)
      << err_;
  const auto j = nlohmann::json::parse(out);
  ASSERT_GE(j["total"].get<int>(), 1);
  const auto& first = j["results"][0];
  EXPECT_EQ(first["id"], "faq-10");
  EXPECT_EQ(first["kind"], "faq");
  EXPECT_EQ(first["question"],
            "Can I get an apprenticeship or internship without a college degree?");
  EXPECT_NE(first["answer"].get<std::string>().find("college degree"), std::string::npos);
  EXPECT_EQ(first["link"]["route"], "programs.search");
  EXPECT_EQ(first["link"]["filter"], "no_degree=true");
  EXPECT_GT(first["score"].get<double>(), 0);
}

TEST_F(FaqCli, EnglishQuestionAnsweredInSpanishAsText) {
  std::string out;
  ASSERT_EQ(run({"--kind", "faq", "--lang", "es", "apprenticeship no degree"}, out), 0) << err_;
  EXPECT_TRUE(out.find("faq\n") != std::string::npos) << out;
  const auto first = out.find(
      "  ¿Puedo conseguir un aprendizaje o una pasantía sin título universitario?  [faq-10]");
  EXPECT_NE(first, std::string::npos) << out;
  EXPECT_NE(out.find("→ programs.search no_degree=true"), std::string::npos) << out;
}

TEST_F(FaqCli, LimitNothingFoundAndBadUsage) {
  std::string out;
  ASSERT_EQ(run({"--kind", "faq", "--limit", "2", "--json", "help"}, out), 0) << err_;
  EXPECT_LE(nlohmann::json::parse(out)["results"].size(), 2u);
  ASSERT_EQ(run({"--kind", "faq", "--json", "xyzzy"}, out), 0) << err_;
  EXPECT_EQ(nlohmann::json::parse(out), nlohmann::json::parse(R"({"total":0,"results":[]})"));
  EXPECT_EQ(run({"--kind", "faq", "--filter", "type=part_time", "trabajo"}, out), 1);
  EXPECT_NE(err_.find("--filter and --sort do not apply to --kind faq"), std::string::npos);
}

TEST_F(FaqCli, NoCacheYet) {
  Options options;
  options.command = Options::Command::Search;
  options.kind = "faq";
  options.data_dir = dir_.path() / "nothing-here";
  options.query = "ojt";
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(run_search(options), 1);
  EXPECT_NE(::testing::internal::GetCapturedStderr().find("no cache yet"), std::string::npos);
}

}  // namespace
}  // namespace kiosk

// Listings that stay true, against a real HTTP server on 127.0.0.1 and a real cache file: a feed
// taken out of the configuration takes its listings with it at the next sync; a record far
// beyond any real listing is cut or skipped (and counted); a feed over [feeds] max_feed_mb fails
// clearly and leaves the old listings. The configuration goes through the real loader and
// kiosk/setup, as a technician's file does.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kiosk/base/log.h"
#include "kiosk/config/config.h"
#include "kiosk/feeds/bounds.h"
#include "kiosk/setup/settings.h"
#include "kiosk/store/sqlite.h"
#include "kiosk/sync/sync.h"
#include "tests/integration/http_test_server.h"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using testing::HttpRequest;
using testing::HttpResponse;
using testing::HttpTestServer;

constexpr std::int64_t kNow = 1793664000;  // 2026-11-03

std::string greenhouse_board(const std::string& title, const std::string& content) {
  nlohmann::json job = {{"id", 4242},
                        {"title", title},
                        {"absolute_url", "https://boards.greenhouse.io/acme/jobs/4242"},
                        {"location", {{"name", "Miami, FL"}}},
                        {"updated_at", "2026-11-01T09:00:00-05:00"},
                        {"content", content}};
  return nlohmann::json{{"jobs", {job}}, {"meta", {{"total", 1}}}}.dump();
}

std::string jsonld_jobs(const std::string& title, const std::string& description = "Good pay.") {
  nlohmann::json job = {{"@type", "JobPosting"},
                        {"identifier", "j1"},
                        {"title", title},
                        {"datePosted", "2026-11-01"},
                        {"description", description}};
  return nlohmann::json{{"@context", "https://schema.org"}, {"@graph", {job}}}.dump();
}

class ListingsTruthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    log::set_level(log::Level::Error);
    dir_ = fs::temp_directory_path() /
           ("kiosk-truth-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    store_.emplace(dir_, Store::Mode::Writer);
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
    log::set_level(log::Level::Info);
  }

  // A technician's kiosk.toml, read by the real loader.
  static Config config(const std::string& feeds_section) {
    ConfigResult result = parse_config("[feeds]\n" + feeds_section, "site.toml");
    if (!result.config) {
      ADD_FAILURE() << result.errors.front().to_string();
      return Config{};
    }
    return *result.config;
  }

  std::vector<FeedOutcome> sync(const Config& config) {
    SyncOptions options = sync_options(config, dir_);
    options.now = [] { return kNow; };
    options.request_template.total_timeout_ms = 10000;
    return sync_all(*store_, feed_specs(config), options);
  }

  std::int64_t matches(const std::string& text) {
    SearchQuery q;
    q.text = text;
    q.now = kNow;
    return store_->search(q).total;
  }

  // Rows the full-text index still holds for a word, whether or not the listing is there.
  std::int64_t indexed(const std::string& word) {
    sql::Database db(Store::file_in(dir_), sql::Database::Mode::ReadOnly);
    sql::Statement s(db, "SELECT count(*) FROM listings_fts WHERE listings_fts MATCH ?1");
    s.bind(1, word);
    s.step();
    return s.int64(0);
  }

  const FeedOutcome* outcome(const std::vector<FeedOutcome>& all, const std::string& url) {
    for (const auto& o : all) {
      if (o.url == url) return &o;
    }
    ADD_FAILURE() << "no outcome for " << url;
    return nullptr;
  }

  fs::path dir_;
  std::optional<Store> store_;
  HttpTestServer server_;
};

TEST_F(ListingsTruthTest, AFeedTakenOutOfTheConfigurationTakesItsListings) {
  server_.route("/greenhouse", [](const HttpRequest&) {
    return HttpResponse{200, {}, greenhouse_board("Certified Welder", "&lt;p&gt;Steel.&lt;/p&gt;")};
  });
  server_.route("/jobs", [](const HttpRequest&) {
    return HttpResponse{200, {}, jsonld_jobs("Line Cook")};
  });
  const std::string greenhouse = server_.url("/greenhouse");
  const std::string jobs = server_.url("/jobs");

  auto first = sync(config("jobs = [\"" + greenhouse + "\", \"" + jobs + "\"]\n"));
  ASSERT_EQ(first.size(), 2u);
  for (const auto& o : first) EXPECT_EQ(o.status, FeedOutcome::Status::Updated) << o.error;
  EXPECT_EQ(matches("welder"), 1);
  EXPECT_EQ(matches("cook"), 1);

  // The technician removes the Greenhouse board from kiosk.toml.
  auto second = sync(config("jobs = [\"" + jobs + "\"]\n"));
  ASSERT_EQ(second.size(), 2u);
  const FeedOutcome* removed = outcome(second, greenhouse);
  ASSERT_NE(removed, nullptr);
  EXPECT_EQ(removed->status, FeedOutcome::Status::Removed);
  EXPECT_EQ(status_key(removed->status), "removed");
  EXPECT_EQ(removed->records, 1);
  EXPECT_EQ(outcome(second, jobs)->status, FeedOutcome::Status::Unchanged);
  EXPECT_EQ(matches("welder"), 0);
  EXPECT_EQ(indexed("welder"), 0);  // out of the index too, not only the table
  EXPECT_EQ(matches("cook"), 1);
  EXPECT_FALSE(store_->feed_state(greenhouse));
  EXPECT_EQ(store_->feed_states().size(), 1u);

  // Removed once: the next sync has nothing more to say about it.
  auto third = sync(config("jobs = [\"" + jobs + "\"]\n"));
  ASSERT_EQ(third.size(), 1u);
  EXPECT_EQ(third[0].url, jobs);
}

TEST_F(ListingsTruthTest, NoFeedsConfiguredEmptiesTheCache) {
  server_.route("/jobs", [](const HttpRequest&) {
    return HttpResponse{200, {}, jsonld_jobs("Line Cook")};
  });
  sync(config("jobs = [\"" + server_.url("/jobs") + "\"]\n"));
  EXPECT_EQ(matches("cook"), 1);
  const auto outcomes = sync(config(""));
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].status, FeedOutcome::Status::Removed);
  EXPECT_EQ(matches("cook"), 0);
  EXPECT_EQ(store_->count(ListingKind::Job, kNow), 0);
}

TEST_F(ListingsTruthTest, AbsurdRecordsAreSkippedAndCounted) {
  const std::string huge_title(100 * 1024, 'W');
  server_.route("/jobs", [&](const HttpRequest&) {
    nlohmann::json graph = nlohmann::json::array();
    for (int i = 0; i < 3; ++i) {
      graph.push_back({{"@type", "JobPosting"},
                       {"identifier", "bad" + std::to_string(i)},
                       {"title", huge_title},
                       {"datePosted", "2026-11-01"}});
    }
    graph.push_back({{"@type", "JobPosting"},
                     {"identifier", "good"},
                     {"title", "Pharmacy Technician"},
                     {"datePosted", "2026-11-01"}});
    return HttpResponse{
        200, {}, nlohmann::json{{"@context", "https://schema.org"}, {"@graph", graph}}.dump()};
  });
  const auto outcomes = sync(config("jobs = [\"" + server_.url("/jobs") + "\"]\n"));
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].status, FeedOutcome::Status::Updated) << outcomes[0].error;
  EXPECT_EQ(outcomes[0].records, 1);
  EXPECT_EQ(outcomes[0].skipped, 3);
  EXPECT_EQ(outcomes[0].skip_reasons,
            std::vector<std::string>{"3 records skipped: title longer than 1,000 characters"});
  EXPECT_EQ(matches("pharmacy"), 1);
}

TEST_F(ListingsTruthTest, AHugeDescriptionIsCutNotImportedWhole) {
  std::string words;
  while (words.size() < (6u << 20)) words += "sterile processing technician ";
  server_.route("/greenhouse", [&](const HttpRequest&) {
    return HttpResponse{200, {}, greenhouse_board("Sterile Processing Tech", "&lt;p&gt;" + words)};
  });
  server_.route("/jobs", [&](const HttpRequest&) {
    return HttpResponse{200, {}, jsonld_jobs("Surgical Tech", words)};
  });
  const auto outcomes = sync(config("jobs = [\"" + server_.url("/greenhouse") + "\", \"" +
                                    server_.url("/jobs") + "\"]\nmax_feed_mb = 20\n"));
  for (const auto& o : outcomes) EXPECT_EQ(o.status, FeedOutcome::Status::Updated) << o.error;
  sql::Database db(Store::file_in(dir_), sql::Database::Mode::ReadOnly);
  sql::Statement s(db, "SELECT key FROM listings");
  int jobs = 0;
  while (s.step()) {
    const auto job = store_->job(s.int64(0));
    ASSERT_TRUE(job);
    std::size_t bytes = 0;
    for (const auto& block : job->description.en) {
      for (const auto& line : block.lines) bytes += line.size();
    }
    EXPECT_GT(bytes, 10000u);
    EXPECT_LE(bytes, feeds::kMaxDescriptionBytes);
    EXPECT_TRUE(job->description.en.back().lines.back().ends_with("\xE2\x80\xA6"));
    ++jobs;
  }
  EXPECT_EQ(jobs, 2);
}

TEST_F(ListingsTruthTest, AFeedOverMaxFeedMbFailsAndTheOldListingsStay) {
  std::string body = jsonld_jobs("Registered Nurse");
  server_.route("/jobs", [&](const HttpRequest&) { return HttpResponse{200, {}, body}; });
  const std::string feeds = "jobs = [\"" + server_.url("/jobs") + "\"]\nmax_feed_mb = 1\n";
  ASSERT_EQ(sync(config(feeds))[0].status, FeedOutcome::Status::Updated);

  body = jsonld_jobs("Solar Installer", std::string(2u << 20, 'x'));  // 2 MB
  const auto outcomes = sync(config(feeds));
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].status, FeedOutcome::Status::Failed);
  EXPECT_NE(outcomes[0].error.find("larger than the 1 MB limit"), std::string::npos)
      << outcomes[0].error;
  EXPECT_NE(outcomes[0].error.find("max_feed_mb"), std::string::npos) << outcomes[0].error;
  EXPECT_EQ(outcomes[0].records, 1);
  EXPECT_EQ(matches("nurse"), 1);
  EXPECT_EQ(matches("solar"), 0);

  // The same feed as a file: refused before it is read.
  const fs::path file = dir_ / "big.jsonld";
  {
    std::ofstream out(file, std::ios::binary);
    out << body;
  }
  const auto from_file =
      sync(config("jobs = [\"file://" + file.string() + "\"]\nmax_feed_mb = 1\n"));
  const FeedOutcome* refused = outcome(from_file, "file://" + file.string());
  ASSERT_NE(refused, nullptr);
  EXPECT_EQ(refused->status, FeedOutcome::Status::Failed);
  EXPECT_NE(refused->error.find("larger than the 1 MB limit"), std::string::npos);

  // Raised in the configuration, the same feed goes in.
  const auto raised = sync(config("jobs = [\"" + server_.url("/jobs") + "\"]\nmax_feed_mb = 3\n"));
  EXPECT_EQ(outcome(raised, server_.url("/jobs"))->status, FeedOutcome::Status::Updated);
  EXPECT_EQ(matches("solar"), 1);
}

}  // namespace
}  // namespace kiosk

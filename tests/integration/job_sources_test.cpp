// The job sources a Miami center uses, played by a real HTTP server on 127.0.0.1: USAJOBS and
// CareerOneStop with their keys (kept in a secrets file), paging, a 429 with Retry-After, a
// wrong key, CareerOneStop's v1 fallback and count-only answers; the real samples of
// ../shared/realdata served as their sources would; and the same job from two feeds shown once.
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kiosk/base/log.h"
#include "kiosk/setup/settings.h"
#include "kiosk/sync/sync.h"
#include "tests/integration/http_test_server.h"
#include "tests/unit/feed_test_support.h"
#include "tests/unit/temp_dir.h"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using testing::HttpRequest;
using testing::HttpResponse;
using testing::HttpTestServer;

constexpr std::int64_t kNow = 1796083200;  // 2026-12-01
constexpr const char* kKey = "usajobs-key-1234567890";
constexpr const char* kToken = "cos-token-abcdef";

// A USAJOBS Search API page in the API's own shape (fields as data.usajobs.gov answers).
std::string usajobs_page(int first, int count, int total, int pages) {
  nlohmann::json items = nlohmann::json::array();
  for (int i = first; i < first + count; ++i) {
    const std::string id = std::to_string(800000 + i);
    items.push_back(
        {{"MatchedObjectId", id},
         {"MatchedObjectDescriptor",
          {{"PositionID", "VHA-" + id},
           {"PositionTitle", "Medical Support Assistant " + std::to_string(i)},
           {"PositionURI", "https://www.usajobs.gov/job/" + id},
           {"ApplyURI", {"https://www.usajobs.gov/job/" + id + "/apply"}},
           {"PositionLocationDisplay", "Miami, Florida"},
           {"PositionLocation",
            {{{"LocationName", "Miami, Florida"},
              {"CityName", "Miami, Florida"},
              {"CountrySubDivisionCode", "Florida"},
              {"CountryCode", "United States"}}}},
           {"OrganizationName", "Veterans Health Administration"},
           {"DepartmentName", "Department of Veterans Affairs"},
           {"JobCategory", {{{"Name", "Medical Support Assistance"}, {"Code", "0679"}}}},
           {"PositionSchedule", {{{"Name", "Full-time"}, {"Code", "1"}}}},
           {"PositionRemuneration",
            {{{"MinimumRange", "41966"}, {"MaximumRange", "54557"}, {"RateIntervalCode", "PA"}}}},
           {"QualificationSummary", "You need one year of experience with medical records."},
           {"PublicationStartDate", "2026-11-20T00:00:00.0000"},
           {"ApplicationCloseDate", "2027-01-30T23:59:59.9970"}}}});
  }
  return nlohmann::json{{"LanguageCode", "EN"},
                        {"SearchParameters", nlohmann::json::object()},
                        {"SearchResult",
                         {{"SearchResultCount", count},
                          {"SearchResultCountAll", total},
                          {"SearchResultItems", items},
                          {"UserArea", {{"NumberOfPages", std::to_string(pages)}}}}}}
      .dump();
}

// A CareerOneStop job search answer with a job list, in the documented List Jobs fields. (The
// recorded answers in ../shared/realdata hold counts only.)
std::string careeronestop_page(int first, int count, int total) {
  nlohmann::json jobs = nlohmann::json::array();
  for (int i = first; i < first + count; ++i) {
    jobs.push_back({{"JvId", "NLX" + std::to_string(i)},
                    {"JobTitle", "Warehouse Associate " + std::to_string(i)},
                    {"Company", "Doral Logistics"},
                    {"DatePosted", "11/25/2026"},
                    {"URL", "https://jobs.example.org/nlx/" + std::to_string(i)},
                    {"Location", "Doral, FL"},
                    {"Fc", "False"}});
  }
  return nlohmann::json{
      {"Jobs", jobs},
      {"JobCount", std::to_string(total)},
      {"JobsKeywordLocations", {{"Keyword", "0"}, {"Location", "Miami, FL"}, {"Radius", "25"}}}}
      .dump();
}

class JobSources : public ::testing::Test {
 protected:
  void SetUp() override {
    log::set_level(log::Level::Error);
    store_.emplace(dir_, Store::Mode::Writer);
    options_.now = [this] { return now_; };
    options_.scratch_dir = dir_;
    options_.request_template.connect_timeout_ms = 2000;
    options_.request_template.total_timeout_ms = 5000;
    options_.request_template.max_bytes = 8 << 20;
    write_secrets(std::string("usajobs = \"") + kKey + "\"\ncos_user = \"CENTER-7\"\n" +
                  "cos_token = \"" + kToken + "\"\n");
  }
  void TearDown() override {
    store_.reset();
    log::set_level(log::Level::Info);
  }

  void write_secrets(const std::string& text) {
    std::ofstream(dir_ / "secrets.toml") << text;
    ::chmod((dir_ / "secrets.toml").c_str(), 0600);
  }

  // The feeds as a technician writes them, through the configuration.
  std::vector<FeedSpec> specs(const std::string& jobs) {
    const std::string toml = "[feeds]\nsecrets_file = \"" + (dir_ / "secrets.toml").string() +
                             "\"\njobs = [" + jobs + "]\n";
    auto result = parse_config(toml, "kiosk.toml");
    EXPECT_TRUE(result.config) << (result.errors.empty() ? "" : result.errors[0].to_string());
    return result.config ? feed_specs(*result.config) : std::vector<FeedSpec>{};
  }
  std::string usajobs_feed(int max_pages = 10) {
    return "{ url = \"" + server_.url("/api/search") +
           "?LocationName=Miami%2C%20Florida\", format = \"usajobs\", headers = { \"User-Agent\" "
           "= \"kiosk@center.example\", \"Authorization-Key\" = \"secret:usajobs\" }, max_pages "
           "= " +
           std::to_string(max_pages) + " }";
  }

  // USAJOBS: 5 jobs, 2 a page, checked headers; page 2 answers 429 once when `busy`.
  void serve_usajobs(bool busy = false) {
    server_.route("/api/search", [this, busy](const HttpRequest& r) {
      HttpResponse out;
      const auto key = r.headers.find("authorization-key");
      const auto agent = r.headers.find("user-agent");
      if (key == r.headers.end() || key->second != kKey || agent == r.headers.end() ||
          agent->second != "kiosk@center.example") {
        out.status = 401;
        out.body = R"({"error":"Unauthorized"})";
        return out;
      }
      const bool page2 = r.query.find("Page=2") != std::string::npos;
      const bool page3 = r.query.find("Page=3") != std::string::npos;
      if (page2 && busy && !refused_once_.exchange(true)) {
        out.status = 429;
        out.headers = {{"Retry-After", "1"}};
        return out;
      }
      seen_page_size_ = r.query.find("ResultsPerPage=500") != std::string::npos;
      out.body = page3   ? usajobs_page(5, 1, 5, 3)
                 : page2 ? usajobs_page(3, 2, 5, 3)
                         : usajobs_page(1, 2, 5, 3);
      return out;
    });
  }

  std::int64_t found(const std::string& text, std::optional<std::int64_t> when = std::nullopt) {
    SearchQuery q;
    q.text = text;
    q.now = when.value_or(now_);
    q.expand = false;
    return store_->search(q).total;
  }
  static std::string warnings_logged() {
    std::string all;
    for (const auto& entry : log::recent()) all += entry.message + "\n";
    return all;
  }

  testing::TempDir temp_;
  const fs::path& dir_ = temp_.path();
  std::optional<Store> store_;
  SyncOptions options_;
  std::int64_t now_ = kNow;
  HttpTestServer server_;
  std::atomic<bool> refused_once_{false};
  std::atomic<bool> seen_page_size_{false};
};

TEST_F(JobSources, UsajobsPagesWithItsKeyAndHonoursRetryAfter) {
  serve_usajobs(/*busy=*/true);
  log::set_level(log::Level::Debug);
  ::testing::internal::CaptureStderr();
  const auto outcomes = sync_all(*store_, specs(usajobs_feed()), options_);
  const std::string logged = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(logged.find("sync 127.0.0.1/api/search: 5 jobs"), std::string::npos) << logged;
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].status, FeedOutcome::Status::Updated) << outcomes[0].error;
  EXPECT_EQ(outcomes[0].records, 5);
  EXPECT_EQ(server_.hits("/api/search"), 4);  // 3 pages, page 2 twice (after the 429)
  EXPECT_TRUE(seen_page_size_.load());
  EXPECT_EQ(found("medical support assistant"), 5);
  // The key never reaches the cache, the outcome or the log.
  EXPECT_EQ(outcomes[0].url.find(kKey), std::string::npos);
  EXPECT_EQ(logged.find(kKey), std::string::npos);
  for (const auto& state : store_->feed_states()) {
    EXPECT_EQ(state.url.find(kKey), std::string::npos);
    EXPECT_EQ(state.etag.find(kKey), std::string::npos);
  }
  // The same answer again: unchanged, by content.
  const auto again = sync_all(*store_, specs(usajobs_feed()), options_);
  EXPECT_EQ(again[0].status, FeedOutcome::Status::Unchanged) << again[0].error;
}

TEST_F(JobSources, MaxPagesStopsThePagingAndSaysSo) {
  serve_usajobs();
  const auto outcomes = sync_all(*store_, specs(usajobs_feed(2)), options_);
  ASSERT_EQ(outcomes[0].status, FeedOutcome::Status::Updated) << outcomes[0].error;
  EXPECT_EQ(outcomes[0].records, 4);
  ASSERT_FALSE(outcomes[0].warnings.empty());
  EXPECT_NE(
      outcomes[0].warnings.back().find("has 5 listings; the kiosk read the first 2 pages (4)"),
      std::string::npos)
      << outcomes[0].warnings.back();
}

TEST_F(JobSources, AWrongKeyIsSaidAndTheListingsStay) {
  serve_usajobs();
  ASSERT_EQ(sync_all(*store_, specs(usajobs_feed()), options_)[0].records, 5);
  write_secrets("usajobs = \"expired-key\"\n");
  now_ += 3600;
  const auto outcomes = sync_all(*store_, specs(usajobs_feed()), options_);
  ASSERT_EQ(outcomes[0].status, FeedOutcome::Status::Failed);
  EXPECT_NE(outcomes[0].error.find("USAJOBS (127.0.0.1) refused the API key (401)"),
            std::string::npos)
      << outcomes[0].error;
  EXPECT_EQ(outcomes[0].error.find("expired-key"), std::string::npos);
  EXPECT_EQ(warnings_logged().find("expired-key"), std::string::npos);
  EXPECT_NE(warnings_logged().find("refused the API key"), std::string::npos);
  EXPECT_EQ(found("medical support assistant"), 5);  // what residents saw before stays
}

// A broken page costs that source its update, never its old listings nor another feed's.
TEST_F(JobSources, ABrokenPageKeepsTheOldListingsAndSparesTheOthers) {
  serve_usajobs();
  ASSERT_EQ(sync_all(*store_, specs(usajobs_feed()), options_)[0].records, 5);
  server_.route("/api/search", [](const HttpRequest& r) {
    HttpResponse out;
    out.body = r.query.find("Page=2") != std::string::npos
                   ? std::string("{\"SearchResult\": {\"Sea")
                   : usajobs_page(1, 2, 5, 3);
    return out;
  });
  server_.route("/other.jsonld", [](const HttpRequest&) {
    HttpResponse out;
    out.body = R"({"@context":"https://schema.org","@type":"JobPosting","identifier":"o1",
      "title":"Bus Operator","hiringOrganization":{"name":"Miami-Dade Transit"},
      "datePosted":"2026-11-28"})";
    return out;
  });
  now_ += 3600;
  const auto outcomes = sync_all(
      *store_, specs(usajobs_feed() + ", \"" + server_.url("/other.jsonld") + "\""), options_);
  ASSERT_EQ(outcomes.size(), 2u);
  EXPECT_EQ(outcomes[0].status, FeedOutcome::Status::Failed);
  EXPECT_EQ(outcomes[0].error.rfind("page 2: ", 0), 0u) << outcomes[0].error;
  EXPECT_EQ(outcomes[0].records, 5);
  EXPECT_EQ(outcomes[1].status, FeedOutcome::Status::Updated) << outcomes[1].error;
  EXPECT_EQ(found("medical support assistant"), 5);
  EXPECT_EQ(found("bus operator"), 1);
}

TEST_F(JobSources, ASecretsFileOthersCanReadIsNotUsed) {
  serve_usajobs();
  ::chmod((dir_ / "secrets.toml").c_str(), 0644);
  const auto outcomes = sync_all(*store_, specs(usajobs_feed()), options_);
  ASSERT_EQ(outcomes[0].status, FeedOutcome::Status::Failed);
  EXPECT_NE(outcomes[0].error.find("can be read by others"), std::string::npos);
  EXPECT_EQ(server_.hits("/api/search"), 0);  // no request without the key
}

TEST_F(JobSources, ALongRetryAfterIsHonouredAcrossSyncs) {
  server_.route("/api/search", [](const HttpRequest&) {
    HttpResponse out;
    out.status = 429;
    out.headers = {{"Retry-After", "3600"}};
    return out;
  });
  const auto first = sync_all(*store_, specs(usajobs_feed()), options_);
  ASSERT_EQ(first[0].status, FeedOutcome::Status::Failed);
  EXPECT_NE(first[0].error.find("asked the kiosk to slow down (429 Too Many Requests, and to "
                                "wait 60 minutes)"),
            std::string::npos)
      << first[0].error;
  now_ += 600;
  const auto second = sync_all(*store_, specs(usajobs_feed()), options_);
  EXPECT_NE(second[0].error.find("not asked again yet"), std::string::npos) << second[0].error;
  EXPECT_EQ(server_.hits("/api/search"), 1);
  now_ += 3600;
  sync_all(*store_, specs(usajobs_feed()), options_);
  EXPECT_EQ(server_.hits("/api/search"), 2);
}

TEST_F(JobSources, CareerOneStopFallsBackToV1AndPagesByStartRecord) {
  // Only v1 is offered here; the v2 address answers 404.
  const std::string base = "/v1/jobsearch/CENTER-7/0/Miami/25/0/0/";
  for (int start : {0, 2, 4}) {
    server_.route(base + std::to_string(start) + "/2/30", [start](const HttpRequest& r) {
      HttpResponse out;
      const auto auth = r.headers.find("authorization");
      if (auth == r.headers.end() || auth->second != std::string("Bearer ") + kToken) {
        out.status = 401;
        return out;
      }
      out.body = careeronestop_page(start + 1, start == 4 ? 1 : 2, 5);
      return out;
    });
  }
  const std::string feed = "{ url = \"" + server_.url("/v2/jobsearch/{secret:cos_user}/0/") +
                           "Miami/25/0/0/0/2/30\", format = \"careeronestop\", headers = "
                           "{ Authorization = \"secret:cos_bearer\" } }";
  write_secrets(std::string("cos_user = \"CENTER-7\"\ncos_bearer = \"Bearer ") + kToken + "\"\n");
  const auto outcomes = sync_all(*store_, specs(feed), options_);
  ASSERT_EQ(outcomes[0].status, FeedOutcome::Status::Updated) << outcomes[0].error;
  EXPECT_EQ(outcomes[0].records, 5);
  EXPECT_EQ(found("warehouse associate"), 5);
  EXPECT_EQ(outcomes[0].url.find("CENTER-7"), std::string::npos);  // the URL as written
}

TEST_F(JobSources, ACountOnlyAnswerImportsNothingAndSaysSo) {
  const auto sample = testing::read_realdata("careeronestop/nj_d4ad_careerOneStopTestData.json");
  if (!sample) GTEST_SKIP() << "realdata not present";
  server_.route("/v1/jobsearch/CENTER-7/0/NJ/1000/0", [&](const HttpRequest&) {
    HttpResponse out;
    out.body = *sample;
    return out;
  });
  const auto outcomes = sync_all(
      *store_, specs("\"" + server_.url("/v1/jobsearch/CENTER-7/0/NJ/1000/0") + "\""), options_);
  ASSERT_EQ(outcomes[0].status, FeedOutcome::Status::Updated) << outcomes[0].error;
  EXPECT_EQ(outcomes[0].records, 0);
  ASSERT_FALSE(outcomes[0].warnings.empty());
  EXPECT_NE(outcomes[0].warnings.back().find("counts only (1,710 listings)"), std::string::npos)
      << outcomes[0].warnings.back();
}

// Each real sample, served as its source serves it, is imported and found by its real title.
TEST_F(JobSources, RealSamplesAreFoundByTheirTitles) {
  // When each was open: a posting past its closing date is never shown.
  const struct {
    const char* file;
    const char* path;
    const char* title;
    std::int64_t open_at;
  } samples[] = {
      {"usajobs/search_response_real_1item.json", "/api/search", "Division Chief Engineering",
       1717545600},  // 2024-06-05
      {"ashby/real_trimmed_ashby.json", "/posting-api/job-board/ashby", "Engineering Manager",
       kNow},
      {"xmlfeed/ziprecruiter_organic_sample.xml", "/feeds/ziprecruiter.xml", "Auto Tech", kNow},
      {"usajobs/haddad_recent_jobs.json", "/usajobs/recent_jobs.json", nullptr, kNow},
  };
  std::string feeds;
  int served = 0;
  for (const auto& s : samples) {
    const auto body = testing::read_realdata(s.file);
    if (!body) continue;
    ++served;
    server_.route(s.path, [text = *body](const HttpRequest&) {
      HttpResponse out;
      out.body = text;
      return out;
    });
    feeds += (feeds.empty() ? "\"" : ", \"") + server_.url(s.path) + "\"";
  }
  if (served == 0) GTEST_SKIP() << "realdata not present";
  const auto outcomes = sync_all(*store_, specs(feeds), options_);
  for (const auto& o : outcomes) {
    EXPECT_EQ(o.status, FeedOutcome::Status::Updated) << o.url << ": " << o.error;
    EXPECT_GT(o.records, 0) << o.url;
  }
  for (const auto& s : samples) {
    if (s.title != nullptr && testing::read_realdata(s.file)) {
      EXPECT_GE(found(s.title, s.open_at), 1) << s.title;
    }
  }
}

// The employer's own feed posts USAJOBS' job 1 again (same apply link) and job 2 by title,
// employer and city, with a plainer record; and one job of its own.
std::string employer_feed() {
  return R"({"@context":"https://schema.org","@graph":[
    {"@type":"JobPosting","identifier":"a1","title":"Medical Support Assistant 1",
     "hiringOrganization":{"name":"Veterans Health Administration"},"datePosted":"2026-11-21",
     "url":"https://usajobs.gov/job/800001/apply?utm_source=center",
     "jobLocation":{"address":{"addressLocality":"Miami","addressRegion":"FL"}}},
    {"@type":"JobPosting","identifier":"a2","title":"MEDICAL SUPPORT ASSISTANT 2",
     "hiringOrganization":{"name":"Veterans Health Administration"},"datePosted":"2026-11-22",
     "jobLocation":{"address":{"addressLocality":"Miami","addressRegion":"FL"}}},
    {"@type":"JobPosting","identifier":"a3","title":"Medical Support Assistant 9",
     "hiringOrganization":{"name":"Veterans Health Administration"},"datePosted":"2026-11-22",
     "jobLocation":{"address":{"addressLocality":"Miami","addressRegion":"FL"}}}]})";
}

// The same job from two feeds: one card, the richer record, and its page says where else.
TEST_F(JobSources, TheSameJobFromTwoFeedsShowsOnce) {
  serve_usajobs();
  const std::string own = employer_feed();
  server_.route("/va/jobs.jsonld", [own](const HttpRequest&) {
    HttpResponse out;
    out.body = own;
    return out;
  });
  const auto outcomes = sync_all(
      *store_, specs(usajobs_feed() + ", \"" + server_.url("/va/jobs.jsonld") + "\""), options_);
  ASSERT_EQ(outcomes.size(), 2u);
  EXPECT_EQ(outcomes[0].records, 5);
  EXPECT_EQ(outcomes[1].records, 3);
  // 5 + 3 postings, 6 jobs.
  EXPECT_EQ(found("medical support assistant"), 6);
  EXPECT_EQ(store_->count(ListingKind::Job, now_), 6);
  SearchQuery q;
  q.text = "medical support assistant 1";
  q.now = now_;
  q.expand = false;
  const auto hits = store_->search(q).hits;
  ASSERT_FALSE(hits.empty());
  const auto job = store_->job(hits.front().key);
  ASSERT_TRUE(job);
  // The USAJOBS record says more (pay, type, dates): it is the one shown.
  EXPECT_TRUE(job->source.find("/api/search") != std::string::npos) << job->source;
  ASSERT_EQ(job->also_posted.size(), 1u);
  EXPECT_NE(job->also_posted[0].find("/va/jobs.jsonld"), std::string::npos);

  // A filter counts the job once too.
  q.text = "medical";
  q.employment_types = kFullTime;
  EXPECT_EQ(store_->search(q).total, 5);  // the employer's own third job gives no type
}

// A sync killed between an import's commit and the duplicates pass after it (issue 18, power
// cuts): the import noted the pass it owes in its own transaction, so the next sync makes it
// though no feed has changed since.
TEST_F(JobSources, APassAKillCutOffIsMadeByTheNextSync) {
  serve_usajobs();
  const std::string own = employer_feed();
  server_.route("/va/jobs.jsonld", [own](const HttpRequest&) {
    HttpResponse out;
    out.body = own;
    return out;
  });
  const std::string url = server_.url("/va/jobs.jsonld");
  const auto feeds = specs(usajobs_feed() + ", \"" + url + "\"");
  sync_all(*store_, feeds, options_);
  ASSERT_EQ(found("medical support assistant"), 6);
  EXPECT_FALSE(store_->duplicates_due());

  // What the kill left: the employer feed's listings committed again (the same content, so the
  // next sync finds it unchanged), and no pass since.
  store_->replace_feed(*store_->feed_state(url), std::get<ParsedFeed>(parse_feed(own, url)), now_);
  store_.reset();
  store_.emplace(dir_, Store::Mode::Writer);
  EXPECT_TRUE(store_->duplicates_due());
  EXPECT_EQ(found("medical support assistant"), 8);  // both copies show until the pass

  for (const auto& outcome : sync_all(*store_, feeds, options_)) {
    EXPECT_EQ(outcome.status, FeedOutcome::Status::Unchanged) << outcome.url;
  }
  EXPECT_EQ(found("medical support assistant"), 6);
  EXPECT_FALSE(store_->duplicates_due());
}

}  // namespace
}  // namespace kiosk

// Sync against a real HTTP server on 127.0.0.1: every failure is reported clearly and leaves
// the cache exactly as it was; an unchanged feed costs one request and rewrites nothing; a sync
// killed in the middle of an import leaves the old set or the new one, never a mix.
#include "kiosk/sync/sync.h"

#include <sys/wait.h>
#include <unistd.h>
#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <gtest/gtest.h>

#include "kiosk/base/log.h"
#include "kiosk/store/sqlite.h"
#include "tests/bench/feed_generator.h"
#include "tests/integration/http_test_server.h"
#include "tests/unit/feed_test_support.h"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using testing::HttpRequest;
using testing::HttpResponse;
using testing::HttpTestServer;

constexpr std::int64_t kNow = 1793664000;

class SyncTest : public ::testing::Test {
 protected:
  void SetUp() override {
    log::set_level(log::Level::Error);
    dir_ = fs::temp_directory_path() /
           ("kiosk-sync-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    store_.emplace(dir_, Store::Mode::Writer);
    options_.now = [] { return kNow; };
    options_.request_template.connect_timeout_ms = 2000;
    options_.request_template.total_timeout_ms = 1500;
    options_.request_template.max_bytes = 1 << 20;
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
    log::set_level(log::Level::Info);
  }

  static std::string feed(const std::string& title) {
    return R"({"@context":"https://schema.org","@graph":[{"@type":"JobPosting","identifier":"j1","title":")" +
           title + R"(","hiringOrganization":{"name":"Bayfront"},"datePosted":"2026-11-01"},
           {"@type":"JobPosting","identifier":"j2","title":"Line Cook","datePosted":"2026-11-02"}]})";
  }

  FeedOutcome sync(const std::string& path) {
    return sync_feed(*store_, {server_.url(path), ListingKind::Job}, options_);
  }

  std::int64_t matches(const std::string& text) {
    SearchQuery q;
    q.text = text;
    q.now = kNow;
    return store_->search(q).total;
  }

  // Loads a good feed at /feed, then checks that `response` at /feed fails with `reason` and
  // leaves the listings untouched.
  void expect_failure_keeps_cache(const HttpResponse& response, const std::string& reason) {
    server_.route("/feed", [](const HttpRequest&) {
      return HttpResponse{200, {{"Content-Type", "application/ld+json"}}, feed("Registered Nurse")};
    });
    ASSERT_NE(sync("/feed").status, FeedOutcome::Status::Failed);
    server_.route("/feed", [response](const HttpRequest&) { return response; });
    const FeedOutcome out = sync("/feed");
    EXPECT_EQ(out.status, FeedOutcome::Status::Failed);
    EXPECT_NE(out.error.find(reason), std::string::npos) << out.error;
    EXPECT_EQ(out.records, 2);
    EXPECT_EQ(matches("nurse"), 1);
    EXPECT_EQ(matches("cook"), 1);
    const auto state = store_->feed_state(server_.url("/feed"));
    EXPECT_EQ(state->status, "failed");
    EXPECT_EQ(state->records, 2);
  }

  fs::path dir_;
  std::optional<Store> store_;
  SyncOptions options_;
  HttpTestServer server_;
};

TEST_F(SyncTest, EtagMakesAnUnchangedFeedOneRequestAndNoWrites) {
  server_.route("/feed", [](const HttpRequest& r) {
    const auto inm = r.headers.find("if-none-match");
    if (inm != r.headers.end() && inm->second == "\"v1\"")
      return HttpResponse{304, {{"ETag", "\"v1\""}}, ""};
    return HttpResponse{200, {{"ETag", "\"v1\""}}, feed("Registered Nurse")};
  });
  EXPECT_EQ(sync("/feed").status, FeedOutcome::Status::Updated);
  const auto before = fs::last_write_time(Store::file_in(dir_));
  const FeedOutcome again = sync("/feed");
  EXPECT_EQ(again.status, FeedOutcome::Status::Unchanged);
  EXPECT_EQ(again.records, 2);
  EXPECT_EQ(server_.hits("/feed"), 2);
  EXPECT_EQ(matches("nurse"), 1);
  EXPECT_EQ(store_->feed_state(server_.url("/feed"))->status, "unchanged");
  (void)before;
}

// A kiosk updated to better parsers re-reads its feeds once, even those that did not change: the
// cache is made to look imported by an older parser (its hash without today's tag).
TEST_F(SyncTest, NewerParsersImportAnUnchangedFeedAgain) {
  std::atomic<int> conditional{0};
  server_.route("/feed", [&conditional](const HttpRequest& r) {
    if (r.headers.contains("if-none-match")) {
      ++conditional;
      return HttpResponse{304, {{"ETag", "\"v1\""}}, ""};
    }
    return HttpResponse{200, {{"ETag", "\"v1\""}}, feed("Registered Nurse")};
  });
  ASSERT_EQ(sync("/feed").status, FeedOutcome::Status::Updated);
  const std::string url = server_.url("/feed");
  EXPECT_TRUE(store_->feed_state(url)->content_hash.starts_with(kParserVersion));
  {
    sql::Database db(Store::file_in(dir_), sql::Database::Mode::ReadWrite);
    db.exec("UPDATE feeds SET content_hash = substr(content_hash, " +
            std::to_string(kParserVersion.size() + 1) + ")");
  }
  const FeedOutcome again = sync("/feed");
  EXPECT_EQ(again.status, FeedOutcome::Status::Updated);  // fetched whole, imported again
  EXPECT_EQ(conditional, 0);
  EXPECT_EQ(matches("nurse"), 1);
  EXPECT_TRUE(store_->feed_state(url)->content_hash.starts_with(kParserVersion));
  EXPECT_EQ(sync("/feed").status, FeedOutcome::Status::Unchanged);  // and then as usual
  EXPECT_EQ(conditional, 1);
}

TEST_F(SyncTest, SameBodyWithoutEtagIsUnchangedToo) {
  server_.route("/feed", [](const HttpRequest&) { return HttpResponse{200, {}, feed("Nurse")}; });
  EXPECT_EQ(sync("/feed").status, FeedOutcome::Status::Updated);
  EXPECT_EQ(sync("/feed").status, FeedOutcome::Status::Unchanged);
}

TEST_F(SyncTest, ChangedFeedIsSwappedIn) {
  server_.route("/feed", [](const HttpRequest&) {
    return HttpResponse{200, {}, feed("Registered Nurse")};
  });
  sync("/feed");
  server_.route("/feed", [](const HttpRequest&) {
    return HttpResponse{200, {}, feed("Solar Installer")};
  });
  EXPECT_EQ(sync("/feed").status, FeedOutcome::Status::Updated);
  EXPECT_EQ(matches("nurse"), 0);
  EXPECT_EQ(matches("solar"), 1);
}

// A Credential Registry graph: recognised from its content, its program found by name and, through
// the shipped crosswalk, by the occupation its CIP code leads to (registered nursing → 29-1141).
TEST_F(SyncTest, CtdlProgramsAreRecognisedAndJoinedToOccupations) {
  server_.route("/ctdl", [](const HttpRequest&) {
    return HttpResponse{200, {{"Content-Type", "application/json"}}, R"json({
      "@context": "https://credreg.net/ctdl/schema/context/json",
      "@graph": [
        {"@id": "https://example.org/org/mdc", "@type": "ceterms:CredentialOrganization",
         "ceterms:name": {"en-US": "Miami Dade College"}},
        {"@id": "https://example.org/lp/asn", "@type": "ceterms:LearningProgram",
         "ceterms:ctid": "ce-asn", "ceterms:name": {"en-US": "Nursing (ASN)", "es": "Enfermer\u00eda"},
         "ceterms:offeredBy": ["https://example.org/org/mdc"],
         "ceterms:instructionalProgramType": [{"ceterms:frameworkName": {"en-US": "CIP"},
           "ceterms:codedNotation": "51.3801"}]}]})json"};
  });
  const FeedOutcome out =
      sync_feed(*store_, {server_.url("/ctdl"), ListingKind::Program}, options_);
  ASSERT_EQ(out.status, FeedOutcome::Status::Updated) << out.error;
  EXPECT_EQ(out.records, 1);
  SearchQuery q;
  q.kind = ListingKind::Program;
  q.text = "enfermeria";
  q.now = kNow;
  ASSERT_EQ(store_->search(q).hits.size(), 1u);
  EXPECT_EQ(store_->search(q).hits[0].org, "Miami Dade College");
  q.text.clear();
  q.occupations = {"29-1141.00"};
  EXPECT_EQ(store_->search(q).hits.size(), 1u);
  q.occupations = {"47-2111"};
  EXPECT_EQ(store_->search(q).hits.size(), 0u);
  EXPECT_EQ(sync_feed(*store_, {server_.url("/ctdl"), ListingKind::Program}, options_).status,
            FeedOutcome::Status::Unchanged);
}

TEST_F(SyncTest, GzipIsDecoded) {
  server_.route("/feed", [](const HttpRequest&) {
    HttpResponse r{200, {}, feed("Registered Nurse")};
    r.gzip = true;
    return r;
  });
  EXPECT_EQ(sync("/feed").status, FeedOutcome::Status::Updated);
  EXPECT_EQ(matches("nurse"), 1);
}

TEST_F(SyncTest, ServerErrorKeepsTheCache) {
  expect_failure_keeps_cache(HttpResponse{500, {}, "oops"}, "HTTP 500");
}

TEST_F(SyncTest, SlowServerTimesOutAndKeepsTheCache) {
  HttpResponse slow{200, {}, feed("Nurse")};
  slow.delay_ms = 4000;
  expect_failure_keeps_cache(slow, "did not answer in time");
}

TEST_F(SyncTest, TruncatedBodyKeepsTheCache) {
  HttpResponse cut{200, {}, feed("Nurse")};
  cut.truncate = true;
  expect_failure_keeps_cache(cut, "cut short");
}

TEST_F(SyncTest, OversizeBodyKeepsTheCache) {
  expect_failure_keeps_cache(HttpResponse{200, {}, std::string(2 << 20, ' ')}, "larger than");
}

TEST_F(SyncTest, OversizeChunkedBodyKeepsTheCache) {
  HttpResponse big{200, {}, std::string(2 << 20, ' ')};
  big.chunked = true;
  expect_failure_keeps_cache(big, "larger than");
}

TEST_F(SyncTest, InvalidJsonKeepsTheCache) {
  expect_failure_keeps_cache(HttpResponse{200, {}, R"({"@graph":[{"@type":"JobPosting",)"},
                             "not valid JSON");
}

TEST_F(SyncTest, InvalidUtf8KeepsTheCache) {
  expect_failure_keeps_cache(HttpResponse{200, {}, feed("Nurse \xff\xfe")}, "not valid UTF-8");
}

TEST_F(SyncTest, WebPageInsteadOfAFeedKeepsTheCache) {
  expect_failure_keeps_cache(
      HttpResponse{
          200, {{"Content-Type", "text/html"}}, "<!DOCTYPE html><html><body>Login</body></html>"},
      "web page");
}

TEST_F(SyncTest, EmptyFeedKeepsTheCache) {
  expect_failure_keeps_cache(
      HttpResponse{200, {}, R"({"@context":"https://schema.org","@graph":[]})"}, "no JobPosting");
  expect_failure_keeps_cache(HttpResponse{200, {}, ""}, "empty");
}

TEST_F(SyncTest, WrongKindKeepsTheCache) {
  expect_failure_keeps_cache(
      HttpResponse{
          200, {}, R"({"@type":"Event","identifier":"e","name":"Fair","startDate":"2027-01-01"})"},
      "expected jobs");
}

TEST_F(SyncTest, NotFoundAndRefusedConnection) {
  FeedOutcome out = sync("/missing");
  EXPECT_EQ(out.status, FeedOutcome::Status::Failed);
  EXPECT_NE(out.error.find("HTTP 404"), std::string::npos);
  out = sync_feed(*store_, {"http://127.0.0.1:1/feed", ListingKind::Job}, options_);
  EXPECT_NE(out.error.find("could not connect"), std::string::npos) << out.error;
}

TEST_F(SyncTest, PlainHttpElsewhereIsRefused) {
  const FeedOutcome out =
      sync_feed(*store_, {"http://example.org/feed", ListingKind::Job}, options_);
  EXPECT_EQ(out.status, FeedOutcome::Status::Failed);
  EXPECT_NE(out.error.find("only to this machine"), std::string::npos);
}

TEST_F(SyncTest, RedirectsAreFollowedWithinLimits) {
  server_.route("/old", [this](const HttpRequest&) {
    return HttpResponse{301, {{"Location", server_.url("/feed")}}, ""};
  });
  server_.route("/feed", [](const HttpRequest&) { return HttpResponse{200, {}, feed("Nurse")}; });
  EXPECT_EQ(sync("/old").status, FeedOutcome::Status::Updated);
  server_.route("/loop", [this](const HttpRequest&) {
    return HttpResponse{302, {{"Location", server_.url("/loop")}}, ""};
  });
  EXPECT_NE(sync("/loop").error.find("too many redirects"), std::string::npos);
}

TEST_F(SyncTest, FileFeeds) {
  const fs::path file = dir_ / "jobs.jsonld";
  {
    std::ofstream out(file);
    out << feed("Registered Nurse");
  }
  const FeedOutcome out =
      sync_feed(*store_, {"file://" + file.string(), ListingKind::Job}, options_);
  EXPECT_EQ(out.status, FeedOutcome::Status::Updated);
  EXPECT_EQ(sync_feed(*store_, {"file://" + file.string(), ListingKind::Job}, options_).status,
            FeedOutcome::Status::Unchanged);
  EXPECT_NE(sync_feed(*store_, {"file:///nonexistent/x", ListingKind::Job}, options_)
                .error.find("cannot read"),
            std::string::npos);
  EXPECT_NE(sync_feed(*store_, {"file:../../etc/passwd", ListingKind::Job}, options_)
                .error.find("may not leave"),
            std::string::npos);
}

// ---- XML job feeds (kiosk/feeds/xml_jobs.h) ------------------------------------------------

// The tests run from the source directory; the real samples sit beside it on some machines.

std::string xml_feed(const std::string& first_title) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<source><publisher>Test board</publisher>
<job><title><![CDATA[)" +
         first_title + R"(]]></title><date>Mon, 02 Nov 2026 09:00:00 EST</date>
<referencenumber>x1</referencenumber><url>https://board.example.org/x1</url>
<company>Bayfront Health</company><city>Miami</city><state>Florida</state><postalcode>33132</postalcode>
<description><![CDATA[<p>Care for patients in <b>Spanish</b> and English.</p>]]></description>
<salary>$36 - $52 per hour</salary><jobtype>Full-time</jobtype><category>Healthcare</category></job>
<job><title>Line Cook</title><date>2026-11-01</date><referencenumber>x2</referencenumber>
<company>Versailles</company><city>Doral</city><state>FL</state><remotetype>no</remotetype></job>
</source>
)";
}

FeedOutcome sync_xml_file(Store& store, const fs::path& dir, const SyncOptions& options,
                          const std::string& body) {
  const fs::path file = dir / "jobs.xml";
  std::ofstream(file, std::ios::binary) << body;
  return sync_feed(store, {"file://" + file.string(), ListingKind::Job}, options);
}

TEST_F(SyncTest, XmlFileFeedIsImportedAndFound) {
  const FeedOutcome out = sync_xml_file(*store_, dir_, options_, xml_feed("Registered Nurse"));
  ASSERT_EQ(out.status, FeedOutcome::Status::Updated) << out.error;
  EXPECT_EQ(out.records, 2);
  EXPECT_EQ(out.skipped, 0);
  EXPECT_EQ(matches("nurse"), 1);
  EXPECT_EQ(matches("cook"), 1);
  EXPECT_EQ(matches("spanish"), 1);  // the description is searched too
  SearchQuery filtered;
  filtered.now = kNow;
  filtered.min_pay_hourly = 30;
  filtered.employment_types = kFullTime;
  EXPECT_EQ(store_->search(filtered).total, 1);
  // The same file again costs nothing.
  EXPECT_EQ(
      sync_feed(*store_, {"file://" + (dir_ / "jobs.xml").string(), ListingKind::Job}, options_)
          .status,
      FeedOutcome::Status::Unchanged);
}

TEST_F(SyncTest, RealXmlSampleServedFromLoopback) {
  const auto sample = testing::read_realdata("xmlfeed/ziprecruiter_organic_sample.xml");
  if (!sample) GTEST_SKIP() << "the real samples are not on this machine";
  const std::string body = *sample;
  server_.route("/feed.xml", [body](const HttpRequest&) {
    return HttpResponse{200, {{"Content-Type", "application/xml"}}, body};
  });
  const FeedOutcome out = sync("/feed.xml");
  ASSERT_EQ(out.status, FeedOutcome::Status::Updated) << out.error;
  EXPECT_EQ(out.records, 1);
  EXPECT_EQ(matches("auto tech"), 1);
}

TEST_F(SyncTest, DamagedXmlKeepsTheListings) {
  ASSERT_EQ(sync_xml_file(*store_, dir_, options_, xml_feed("Registered Nurse")).status,
            FeedOutcome::Status::Updated);
  const std::string good = xml_feed("Medical Assistant");
  for (const std::string& bad :
       {good.substr(0, good.size() - 30), good + "<job>", std::string("<source><job>")}) {
    const FeedOutcome out = sync_xml_file(*store_, dir_, options_, bad);
    EXPECT_EQ(out.status, FeedOutcome::Status::Failed);
    EXPECT_NE(out.error.find("not well-formed XML"), std::string::npos) << out.error;
    EXPECT_EQ(out.records, 2);
    EXPECT_EQ(matches("nurse"), 1);
    EXPECT_EQ(matches("assistant"), 0);
  }
  const FeedOutcome empty =
      sync_xml_file(*store_, dir_, options_, "<?xml version=\"1.0\"?><source></source>");
  EXPECT_NE(empty.error.find("no <job> elements"), std::string::npos) << empty.error;
  EXPECT_EQ(matches("nurse"), 1);
}

TEST_F(SyncTest, XmlInLatin1IsConvertedAndUndeclaredBytesAreRefused) {
  const FeedOutcome latin1 = sync_xml_file(
      *store_, dir_, options_,
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><source><job><title>T\xe9"
      "cnico de farmacia</title><referencenumber>p1</referencenumber></job></source>");
  ASSERT_EQ(latin1.status, FeedOutcome::Status::Updated) << latin1.error;
  EXPECT_EQ(matches("t\xc3\xa9"
                    "cnico"),
            1);
  const FeedOutcome undeclared =
      sync_xml_file(*store_, dir_, options_,
                    "<source><job><title>T\xe9"
                    "cnico</title><referencenumber>p2</referencenumber></job></source>");
  EXPECT_EQ(undeclared.status, FeedOutcome::Status::Failed);
  EXPECT_EQ(matches("t\xc3\xa9"
                    "cnico"),
            1);  // the listings it had stay
}

// Kills a child process at different moments of a large import: the cache must open, pass
// SQLite's integrity check, and hold either the complete old set or the complete new one.
TEST_F(SyncTest, KilledMidImportLeavesOldOrNewNeverAMix) {
  const std::string old_feed = bench::generate_jobposting_feed(2000, 1);
  const std::string new_feed = bench::generate_jobposting_feed(20000, 2);
  server_.route("/old", [&](const HttpRequest&) { return HttpResponse{200, {}, old_feed}; });
  server_.route("/new", [&](const HttpRequest&) { return HttpResponse{200, {}, new_feed}; });
  options_.request_template.max_bytes = 64u << 20;
  options_.request_template.total_timeout_ms = 30000;
  const std::string url = server_.url("/old");
  ASSERT_EQ(sync("/old").status, FeedOutcome::Status::Updated);
  const std::int64_t old_count = store_->feed_state(url)->records;
  store_.reset();

  int saw_old = 0;
  int saw_new = 0;
  // The last round is not killed: it must leave the complete new set.
  for (int delay_ms : {150, 500, 1000, 2000, 3500, -1}) {
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      // The child imports the new feed under the old feed's URL, as a refresh would.
      Store store(dir_, Store::Mode::Writer);
      FetchRequest request = options_.request_template;
      request.url = server_.url("/new");
      FetchResult fetched = fetch(request);
      auto parsed = parse_feed(fetched.body, url);
      FeedState state;
      state.url = url;
      state.kind = "jobs";
      state.content_hash = "new";
      store.replace_feed(state, std::get<ParsedFeed>(parsed), kNow);
      _exit(0);
    }
    int status = 0;
    if (delay_ms >= 0) {
      usleep(static_cast<useconds_t>(delay_ms) * 1000);
      kill(child, SIGKILL);
    }
    waitpid(child, &status, 0);

    Store store(dir_, Store::Mode::Writer);
    sql::Database db(Store::file_in(dir_), sql::Database::Mode::ReadOnly);
    sql::Statement check(db, "PRAGMA integrity_check");
    ASSERT_TRUE(check.step());
    EXPECT_EQ(check.text(0), "ok");
    sql::Statement fts(
        db, "SELECT (SELECT count(*) FROM listings_fts), (SELECT count(*) FROM listings)");
    ASSERT_TRUE(fts.step());
    EXPECT_EQ(fts.int64(0), fts.int64(1));  // the index matches the table
    const std::int64_t count = fts.int64(1);
    if (count == old_count) {
      ++saw_old;
    } else {
      EXPECT_EQ(count, store.feed_state(url)->records) << "a partial import is visible";
      EXPECT_EQ(count, 20000);
      ++saw_new;
      // Put the old set back for the next round.
      store.replace_feed(*store.feed_state(url), std::get<ParsedFeed>(parse_feed(old_feed, url)),
                         kNow);
    }
  }
  EXPECT_GT(saw_new, 0);
  std::cerr << "killed imports: " << saw_old << " left the old set, " << saw_new
            << " the new one\n";
  store_.emplace(dir_, Store::Mode::Writer);
}

}  // namespace
}  // namespace kiosk

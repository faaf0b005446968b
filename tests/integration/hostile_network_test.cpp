// A hostile network, on 127.0.0.1: servers that stall mid-body, trickle a byte a second, send
// headers forever, a gzip bomb, a certificate nobody signed, redirects in circles and without
// end, a gigabyte body and a million tiny records. Each sync must end on its own limit (the
// low-speed limit, the header cap, the size cap, the redirect limit, the record cap: never the
// total timeout, which is only the backstop), say what happened in words a technician reads and
// staff see as a kind of problem, and keep every listing the feed had, searchable.
//
// The time each sync took is checked against the configured total timeout: not a measure of
// speed, but proof that the limit meant for the case ended it (a sync that hung, or waited for
// the backstop, would reach it). The peak memory a sync adds is checked against a bound far
// below what holding the body would take.
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <gtest/gtest.h>

#include "kiosk/base/log.h"
#include "kiosk/staff/health.h"
#include "kiosk/sync/sync.h"
#include "tests/integration/http_test_server.h"
#include "tests/integration/raw_test_server.h"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using staff::classify_feed_error;
using staff::FeedProblem;
using testing::HttpRequest;
using testing::HttpResponse;
using testing::HttpTestServer;
using testing::RawTestServer;
using Clock = std::chrono::steady_clock;

constexpr std::int64_t kNow = 1793664000;
// The limits these tests run with, short so the whole set stays quick. A case that waits for
// kTotalTimeoutMs has not been stopped by its own limit.
constexpr long kTotalTimeoutMs = 20000;
constexpr long kLowSpeedTimeS = 3;
constexpr std::size_t kMaxBytes = std::size_t{1} << 20;
constexpr std::int64_t kMaxRecords = 10000;

std::string good_feed() {
  return R"({"@context":"https://schema.org","@graph":[
    {"@type":"JobPosting","identifier":"j1","title":"Registered Nurse","datePosted":"2026-11-01"},
    {"@type":"JobPosting","identifier":"j2","title":"Line Cook","datePosted":"2026-11-02"}]})";
}

// The process's peak resident memory in KB, and a way to start counting it again
// (/proc/self/clear_refs: 5 resets the peak).
long status_kb(std::string_view field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with(field)) return std::stol(line.substr(field.size()));
  }
  return -1;
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kUnderAsan = true;  // freed memory waits in quarantine: peaks mean little
#else
constexpr bool kUnderAsan = false;
#endif

// The peak memory added since it was made, in MB; nothing where it cannot be measured (no
// /proc/self/clear_refs) or means little (AddressSanitizer).
class PeakMemory {
 public:
  PeakMemory() {
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
    measured_ = !kUnderAsan && static_cast<bool>(clear.flush());
    before_kb_ = status_kb("VmRSS:");
  }
  std::optional<long> added_mb() const {
    if (!measured_) return std::nullopt;
    return (status_kb("VmHWM:") - before_kb_) / 1024;
  }

 private:
  bool measured_ = false;
  long before_kb_ = 0;
};

void expect_added_below(const PeakMemory& memory, long bound_mb, const char* otherwise) {
  const auto added = memory.added_mb();
  if (!added) {
    std::cerr << "[ memory     ] not measured here\n";
    return;
  }
  std::cerr << "[ memory     ] peak " << *added << " MB above the start\n";
  EXPECT_LT(*added, bound_mb) << otherwise;
}

// A gzip stream of `inflated` zero bytes, made as it is sent (about 1 KB for each MB inflated):
// only the pieces a client reads are ever compressed.
std::function<std::string()> gzip_bomb(std::size_t inflated) {
  struct Deflater {
    z_stream zs{};
    std::size_t left;
    bool finished = false;
    explicit Deflater(std::size_t n) : left(n) {
      deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 31, 9, Z_DEFAULT_STRATEGY);
    }
    ~Deflater() { deflateEnd(&zs); }
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;
  };
  auto state = std::make_shared<Deflater>(inflated);
  return [state] {
    static const std::string zeros(std::size_t{1} << 20, '\0');
    std::string out;
    while (out.empty() && !state->finished) {
      const std::size_t n = std::min(zeros.size(), state->left);
      state->left -= n;
      state->zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zeros.data()));
      state->zs.avail_in = static_cast<uInt>(n);
      const int flush = state->left == 0 ? Z_FINISH : Z_NO_FLUSH;
      char buffer[65536];
      do {
        state->zs.next_out = reinterpret_cast<Bytef*>(buffer);
        state->zs.avail_out = sizeof buffer;
        const int rc = deflate(&state->zs, flush);
        out.append(buffer, sizeof buffer - state->zs.avail_out);
        if (rc == Z_STREAM_END) state->finished = true;
      } while (state->zs.avail_out == 0);
    }
    return out;
  };
}

// A self-signed certificate for 127.0.0.1, made now: a server may present it, no kiosk trusts it.
struct SelfSigned {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key{EVP_EC_gen("P-256"), EVP_PKEY_free};
  std::unique_ptr<X509, decltype(&X509_free)> cert{X509_new(), X509_free};

  SelfSigned() {
    if (!key || !cert) return;
    X509* c = cert.get();
    X509_set_version(c, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(c), 1);
    X509_gmtime_adj(X509_getm_notBefore(c), -3600);
    X509_gmtime_adj(X509_getm_notAfter(c), 3600);
    X509_set_pubkey(c, key.get());
    X509_NAME* name = X509_get_subject_name(c);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1, 0);
    X509_set_issuer_name(c, name);
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, c, c, nullptr, nullptr, 0);
    X509_EXTENSION* san = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, "IP:127.0.0.1");
    if (san != nullptr) {
      X509_add_ext(c, san, -1);
      X509_EXTENSION_free(san);
    }
    if (X509_sign(c, key.get(), EVP_sha256()) == 0) cert.reset();
  }
};

class HostileNetworkTest : public ::testing::Test {
 protected:
  void SetUp() override {
    log::set_level(log::Level::Error);
    dir_ = fs::temp_directory_path() /
           ("kiosk-hostile-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    store_.emplace(dir_, Store::Mode::Writer);
    options_.now = [] { return kNow; };
    options_.scratch_dir = dir_;
    options_.max_records = kMaxRecords;
    options_.request_template.connect_timeout_ms = 2000;
    options_.request_template.total_timeout_ms = kTotalTimeoutMs;
    options_.request_template.low_speed_time_s = kLowSpeedTimeS;
    options_.request_template.max_bytes = kMaxBytes;
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
    log::set_level(log::Level::Info);
  }

  // The feed at `url` as a good earlier sync left it: two jobs, searchable.
  void seed(const std::string& url) {
    if (HasFatalFailure()) return;
    FeedState state;
    state.url = url;
    state.kind = "jobs";
    state.content_hash = "earlier";
    store_->replace_feed(state, std::get<ParsedFeed>(parse_feed(good_feed(), url)), kNow);
    ASSERT_EQ(matches("nurse"), 1);
  }

  std::int64_t matches(const std::string& text) {
    SearchQuery q;
    q.text = text;
    q.now = kNow;
    return store_->search(q).total;
  }

  // Syncs the feed at `url` (seeded first) and checks that it failed with `words`, seen by staff
  // as `problem`, within the total timeout, and kept its two listings.
  FeedOutcome expect_refused(const std::string& url, const std::string& words,
                             FeedProblem problem) {
    const auto start = Clock::now();
    FeedOutcome out = sync_feed(*store_, {url, ListingKind::Job}, options_);
    const auto took =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
    std::cerr << "[ kiosk said ] " << out.error << " (" << took << " ms)\n";
    EXPECT_LT(took, kTotalTimeoutMs) << "ended by the backstop, not by its own limit";
    EXPECT_EQ(out.status, FeedOutcome::Status::Failed);
    EXPECT_NE(out.error.find(words), std::string::npos) << out.error;
    EXPECT_EQ(classify_feed_error(out.error), problem) << out.error;
    EXPECT_EQ(out.records, 2);
    EXPECT_EQ(matches("nurse"), 1);
    EXPECT_EQ(matches("cook"), 1);
    const auto state = store_->feed_state(url);
    EXPECT_EQ(state->status, "failed");
    EXPECT_EQ(state->records, 2);
    EXPECT_EQ(state->error, out.error);
    return out;
  }

  fs::path dir_;
  std::optional<Store> store_;
  SyncOptions options_;
  HttpTestServer server_;
};

// Headers and half the body, then silence with the connection open: the low-speed limit ends it.
TEST_F(HostileNetworkTest, StallMidBody) {
  server_.route("/feed", [](const HttpRequest&) {
    HttpResponse r{200, {{"Content-Type", "application/ld+json"}}, good_feed()};
    r.stall = true;
    return r;
  });
  seed(server_.url("/feed"));
  expect_refused(server_.url("/feed"), "the server stopped sending", FeedProblem::Unreachable);
}

// A byte a second would take the whole total timeout for a feed of a few hundred bytes, and
// hours for a real one: the low-speed limit ends it.
TEST_F(HostileNetworkTest, TrickleOfAByteASecond) {
  server_.route("/feed", [](const HttpRequest&) {
    HttpResponse r{200, {{"Content-Type", "application/ld+json"}}, good_feed()};
    r.trickle_ms = 1000;
    return r;
  });
  seed(server_.url("/feed"));
  expect_refused(server_.url("/feed"), "the server sent too slowly", FeedProblem::Unreachable);
}

// A header line every 2 ms, forever: fast enough for the low-speed limit, so the header cap
// ends it.
TEST_F(HostileNetworkTest, EndlessHeaders) {
  RawTestServer raw([](RawTestServer::Connection& c) {
    if (!c.send("HTTP/1.1 200 OK\r\nContent-Type: application/ld+json\r\n")) return;
    const std::string filler(100, 'x');
    for (int i = 0; c.send("X-Filler-" + std::to_string(i) + ": " + filler + "\r\n"); ++i) {
      if (!c.pause(2)) return;
    }
  });
  seed(raw.url("/feed"));
  expect_refused(raw.url("/feed"), "the server sent endless headers", FeedProblem::Unreachable);
}

// One header line that never ends.
TEST_F(HostileNetworkTest, GiganticHeader) {
  RawTestServer raw([](RawTestServer::Connection& c) {
    if (!c.send("HTTP/1.1 200 OK\r\nX-Huge: ")) return;
    const std::string piece(16384, 'x');
    while (c.send(piece) && c.pause(1)) {
    }
  });
  seed(raw.url("/feed"));
  expect_refused(raw.url("/feed"), "the server sent endless headers", FeedProblem::Unreachable);
}

// 1 MB on the wire that inflates to 1 GB: the size cap counts decoded bytes, and memory stays
// far below the body's size.
TEST_F(HostileNetworkTest, GzipBomb) {
  std::atomic<bool> asked{false};
  server_.route("/feed", [&asked](const HttpRequest&) {
    asked = true;
    HttpResponse r{
        200, {{"Content-Type", "application/ld+json"}, {"Content-Encoding", "gzip"}}, ""};
    r.generate = gzip_bomb(std::size_t{1} << 30);
    return r;
  });
  const std::string url = server_.url("/feed");
  seed(url);
  const PeakMemory memory;
  expect_refused(url, "the feed is larger than the 1 MB limit", FeedProblem::TooBig);
  EXPECT_TRUE(asked);
  expect_added_below(memory, 64, "the bomb went off in memory");
}

// A certificate for this address that no authority signed: refused before any request is sent.
TEST_F(HostileNetworkTest, CertificateNobodySigned) {
  SelfSigned made;
  ASSERT_TRUE(made.key && made.cert) << "could not make a certificate";
  HttpTestServer https(made.cert.get(), made.key.get());
  https.route("/feed", [](const HttpRequest&) {
    return HttpResponse{200, {{"Content-Type", "application/ld+json"}}, good_feed()};
  });
  ASSERT_TRUE(https.url("/feed").starts_with("https://127.0.0.1:"));
  seed(https.url("/feed"));
  expect_refused(https.url("/feed"),
                 "the server's certificate is not signed by anyone the kiosk trusts",
                 FeedProblem::Unreachable);
  EXPECT_EQ(https.hits("/feed"), 0) << "the kiosk asked a server it could not trust";
}

// A → B → A → …
TEST_F(HostileNetworkTest, RedirectLoop) {
  server_.route("/a", [this](const HttpRequest&) {
    return HttpResponse{302, {{"Location", server_.url("/b")}}, ""};
  });
  server_.route("/b", [this](const HttpRequest&) {
    return HttpResponse{302, {{"Location", server_.url("/a")}}, ""};
  });
  seed(server_.url("/a"));
  expect_refused(server_.url("/a"), "too many redirects", FeedProblem::Refused);
  EXPECT_LE(server_.hits("/a") + server_.hits("/b"), 6);  // the first request and 5 redirects
}

// A new address every time: /hop?1 → /hop?2 → …
TEST_F(HostileNetworkTest, RedirectsWithoutEnd) {
  server_.route("/hop", [this](const HttpRequest& r) {
    const int n = r.query.empty() ? 0 : std::stoi(r.query);
    return HttpResponse{301, {{"Location", server_.url("/hop?" + std::to_string(n + 1))}}, ""};
  });
  seed(server_.url("/hop"));
  expect_refused(server_.url("/hop"), "too many redirects", FeedProblem::Refused);
  EXPECT_LE(server_.hits("/hop"), 6);
}

// A gigabyte, announced: refused on its Content-Length, before the body.
TEST_F(HostileNetworkTest, GigabyteBodyAnnounced) {
  std::atomic<std::size_t> sent{0};
  server_.route("/feed", [&sent](const HttpRequest&) {
    HttpResponse r{200, {{"Content-Type", "application/ld+json"}}, ""};
    r.generated_length = std::size_t{1} << 30;
    r.generate = [&sent] {
      sent += 65536;
      return std::string(65536, ' ');
    };
    return r;
  });
  seed(server_.url("/feed"));
  expect_refused(server_.url("/feed"), "the feed is larger than the 1 MB limit",
                 FeedProblem::TooBig);
  EXPECT_LT(sent.load(), std::size_t{64} << 20) << "the server went on sending";
}

// A gigabyte, chunked (no length said): the size cap stops it as it comes.
TEST_F(HostileNetworkTest, GigabyteBodyChunked) {
  std::atomic<std::size_t> sent{0};
  server_.route("/feed", [&sent](const HttpRequest&) {
    HttpResponse r{200, {{"Content-Type", "application/ld+json"}}, ""};
    r.generate = [&sent] {
      if (sent >= (std::size_t{1} << 30)) return std::string();
      sent += 65536;
      return std::string(65536, ' ');
    };
    return r;
  });
  const std::string url = server_.url("/feed");
  seed(url);
  const PeakMemory memory;
  expect_refused(url, "the feed is larger than the 1 MB limit", FeedProblem::TooBig);
  EXPECT_LT(sent.load(), std::size_t{64} << 20) << "the kiosk read on past its cap";
  expect_added_below(memory, 64, "the body was held in memory");
}

// A valid JSON-LD feed of 1,000,000 minimal jobs, within the size cap: the record cap refuses it
// whole (the parser stops at the cap, not at the end), memory stays bounded, the listings stay.
TEST_F(HostileNetworkTest, MillionTinyRecords) {
  constexpr int kRecords = 1000000;
  options_.request_template.max_bytes = std::size_t{128} << 20;
  server_.route("/feed", [](const HttpRequest&) {
    HttpResponse r{200, {{"Content-Type", "application/ld+json"}}, ""};
    auto next = std::make_shared<int>(-1);  // -1: the opening not yet sent
    r.generate = [next] {
      std::string piece;
      if (*next == -1) {
        piece = R"({"@context":"https://schema.org","@graph":[)";
        *next = 0;
      }
      while (*next < kRecords && piece.size() < 65536) {
        const std::string n = std::to_string(*next);
        piece += (*next == 0 ? "" : ",");
        piece.append(R"({"@type":"JobPosting","identifier":"t)")
            .append(n)
            .append(R"(","title":"Job )")
            .append(n)
            .append("\"}");
        ++*next;
      }
      if (*next == kRecords) {
        piece += "]}";
        *next = kRecords + 1;
      }
      return piece;
    };
    return r;
  });
  const std::string url = server_.url("/feed");
  seed(url);
  const PeakMemory memory;
  expect_refused(url, "the feed has more than 10,000 listings", FeedProblem::TooBig);
  expect_added_below(memory, 100, "the feed (about 55 MB) was held whole");
  EXPECT_EQ(matches("job"), 0);  // none of the million
}

// The record cap holds whatever the format: an XML job feed (read as a stream, like JSON-LD) and
// a Greenhouse board (read whole). At the cap a feed is taken, one over it is refused.
TEST_F(HostileNetworkTest, RecordCapHoldsForEveryReader) {
  options_.max_records = 3;
  const auto xml = [](int jobs) {
    std::string body = "<?xml version=\"1.0\"?><source>";
    for (int i = 0; i < jobs; ++i) {
      body += "<job><title>Welder " + std::to_string(i) + "</title><referencenumber>w" +
              std::to_string(i) + "</referencenumber></job>";
    }
    return body + "</source>";
  };
  const auto greenhouse = [](int jobs) {
    std::string body = R"({"jobs":[)";
    for (int i = 0; i < jobs; ++i) {
      body += (i == 0 ? "" : ",") + std::string(R"({"id":)") + std::to_string(i) +
              R"(,"title":"Welder )" + std::to_string(i) +
              R"(","absolute_url":"https://boards.greenhouse.io/acme/jobs/)" + std::to_string(i) +
              "\"}";
    }
    return body + "]}";
  };
  for (const auto& [name, make] :
       {std::pair<std::string, std::function<std::string(int)>>{"/jobs.xml", xml},
        {"/board.json", greenhouse}}) {
    SCOPED_TRACE(name);
    const std::string url = server_.url(name);
    seed(url);
    server_.route(name, [make = make](const HttpRequest&) {
      return HttpResponse{200, {}, make(3)};
    });
    const FeedOutcome at_cap = sync_feed(*store_, {url, ListingKind::Job}, options_);
    ASSERT_EQ(at_cap.status, FeedOutcome::Status::Updated) << at_cap.error;
    EXPECT_EQ(at_cap.records, 3);
    seed(url);
    server_.route(name, [make = make](const HttpRequest&) {
      return HttpResponse{200, {}, make(4)};
    });
    expect_refused(url, "the feed has more than 3 listings", FeedProblem::TooBig);
    EXPECT_EQ(matches("welder"), 0);
    store_->remove_feeds({url});  // the next reader starts with its own two listings only
  }
}

}  // namespace
}  // namespace kiosk

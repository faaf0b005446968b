// The staff panel below the screen: the recent problems log, feed errors in staff's words, feed
// health from the cache, free disk, the network check against loopback sockets, USB drives from a
// mounts file, and the outbox exported to a folder without leaving the outbox.
#include "kiosk/staff/health.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <iterator>
#include <thread>

#include <gtest/gtest.h>

#include "kiosk/base/url.h"

#include "kiosk/base/log.h"
#include "kiosk/signup/outbox.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/fetch.h"
#include "kiosk/sync/sync.h"
#include "tests/unit/temp_dir.h"

namespace kiosk::staff {
namespace {

namespace fs = std::filesystem;
using kiosk::testing::TempDir;
using namespace std::chrono_literals;

constexpr std::int64_t kNow = 1796575000;  // 2026-12-06T16:36:40Z

// ---- The recent problems log ---------------------------------------------------------------

class RecentLog : public ::testing::Test {
 protected:
  void SetUp() override {
    log::set_level(log::Level::Error);  // keeps stderr quiet; warnings are still remembered
    log::clear_recent();
  }
  void TearDown() override {
    log::clear_recent();
    log::set_level(log::Level::Info);
  }
};

TEST_F(RecentLog, KeepsTheLastTwentyWarningsAndErrorsOldestFirst) {
  const auto before = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  log::info("an info line");
  log::debug("a debug line");
  for (int i = 0; i < 25; ++i) {
    if (i % 2 == 0) {
      log::warn("warning " + std::to_string(i));
    } else {
      log::error("error " + std::to_string(i));
    }
  }
  const auto recent = log::recent();
  ASSERT_EQ(recent.size(), log::kRecentCount);
  EXPECT_EQ(recent.front().message, "error 5");
  EXPECT_EQ(recent.front().level, log::Level::Error);
  EXPECT_EQ(recent.back().message, "warning 24");
  EXPECT_EQ(recent.back().level, log::Level::Warn);
  EXPECT_GE(recent.back().unix, before);
  log::clear_recent();
  EXPECT_TRUE(log::recent().empty());
}

TEST_F(RecentLog, CutsLongMessagesOnACharacterBoundary) {
  std::string message = "a";
  for (int i = 0; i < 200; ++i) message += "é";  // 401 bytes: byte 300 is inside an é
  log::warn(message);
  log::warn(std::string("bad \xC3 byte"));
  const auto recent = log::recent();
  ASSERT_EQ(recent.size(), 2u);
  EXPECT_EQ(recent[0].message.size(), 299u);
  EXPECT_EQ(recent[0].message, message.substr(0, 299));
  EXPECT_EQ(recent[1].message, "bad \xEF\xBF\xBD byte");  // U+FFFD
}

TEST_F(RecentLog, SilentRemembersNothing) {
  log::set_level(log::Level::Silent);
  log::error("not kept");
  EXPECT_TRUE(log::recent().empty());
}

TEST_F(RecentLog, ManyThreadsAtOnce) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([t] {
      for (int i = 0; i < 200; ++i) log::warn("thread " + std::to_string(t));
    });
  }
  for (auto& t : threads) t.join();
  const auto recent = log::recent();
  ASSERT_EQ(recent.size(), log::kRecentCount);
  for (const auto& e : recent) EXPECT_TRUE(e.message.starts_with("thread ")) << e.message;
}

// ---- Feed errors in staff's words ----------------------------------------------------------

// A TCP port on 127.0.0.1 that nothing listens on (bound, then released).
int closed_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

// A listening socket on 127.0.0.1 (the kernel completes connections without accept()).
class Listener {
 public:
  Listener() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(fd_, 16) != 0) {
      ADD_FAILURE() << "cannot listen on 127.0.0.1";
    }
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
  }
  ~Listener() { ::close(fd_); }
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

std::string fetch_error(const std::string& url, std::size_t max_bytes = 1 << 20,
                        const std::atomic<bool>* cancel = nullptr) {
  FetchRequest request;
  request.url = url;
  request.max_bytes = max_bytes;
  request.connect_timeout_ms = 2000;
  request.total_timeout_ms = 2000;
  const FetchResult result = fetch(request, cancel);
  EXPECT_EQ(result.status, FetchResult::Status::Failed) << url;
  return result.error;
}

std::string parse_error(std::string_view body) {
  const ParseResult parsed = parse_feed(body, "file:///feeds/x.json");
  const auto* error = std::get_if<ParseError>(&parsed);
  if (error == nullptr) {
    ADD_FAILURE() << "parsed: " << body;
    return {};
  }
  return error->reason;
}

TEST(FeedProblems, NoErrorIsNoProblem) {
  EXPECT_EQ(classify_feed_error(""), FeedProblem::None);
}

TEST(FeedProblems, UnreachableFromTheFetchersOwnWords) {
  const std::string refused =
      fetch_error("http://127.0.0.1:" + std::to_string(closed_port()) + "/");
  EXPECT_EQ(classify_feed_error(refused), FeedProblem::Unreachable) << refused;
  const std::string missing = fetch_error("file:///nonexistent/jobs.jsonld");
  EXPECT_EQ(classify_feed_error(missing), FeedProblem::Unreachable) << missing;
  // A listener that never answers: TLS cannot start, then the time runs out.
  const Listener silent;
  const std::string tls = fetch_error("https://127.0.0.1:" + std::to_string(silent.port()) + "/");
  EXPECT_EQ(classify_feed_error(tls), FeedProblem::Unreachable) << tls;
  // What fetch.cpp says for the failures a loopback cannot stage (a name that does not resolve,
  // a certificate that does not verify).
  for (const char* error :
       {"could not find the server (no network, or a wrong address)",
        "the secure connection could not be verified (SSL certificate problem: unable to get "
        "local issuer certificate)",
        "the download was cut short: the feed arrived incomplete",
        "the server did not answer in time (Operation timed out after 1500 milliseconds)",
        "the download failed (Failure when receiving data from the peer)"}) {
    EXPECT_EQ(classify_feed_error(error), FeedProblem::Unreachable) << error;
  }
}

TEST(FeedProblems, RefusedWhenTheServerAnsweredWithAnError) {
  EXPECT_EQ(classify_feed_error("the server answered HTTP 404"), FeedProblem::Refused);
  EXPECT_EQ(classify_feed_error("the server answered HTTP 503"), FeedProblem::Refused);
  EXPECT_EQ(classify_feed_error("too many redirects"), FeedProblem::Refused);
}

TEST(FeedProblems, TooBigOverTheLimit) {
  TempDir dir;
  const fs::path file = dir.path() / "jobs.jsonld";
  std::ofstream(file) << std::string(2000, ' ');
  const std::string error = fetch_error("file://" + file.string(), 1000);
  EXPECT_EQ(classify_feed_error(error), FeedProblem::TooBig) << error;
  EXPECT_EQ(classify_feed_error(over_size_limit(std::size_t{200} << 20)), FeedProblem::TooBig);
}

// The words kiosk/sync/sync.cpp uses when the disk is full or has too little room for an update
// (e2e.disk_full makes them for real).
TEST(FeedProblems, AFullDiskIsItsOwnProblem) {
  EXPECT_EQ(classify_feed_error("the disk is full (0 MB free): the listings the kiosk has stay, "
                                "and it tries again at the next sync once /var/lib/k has room"),
            FeedProblem::DiskFull);
  EXPECT_EQ(classify_feed_error("the disk has too little room (3 MB free; this update needs about "
                                "26 MB): the listings the kiosk has stay, and it tries again at "
                                "the next sync once /var/lib/k has room"),
            FeedProblem::DiskFull);
}

TEST(FeedProblems, NotAFeedFromTheParsersAndSync) {
  for (const std::string_view body :
       {std::string_view("<!DOCTYPE html><html><body>Sign in</body></html>"),
        std::string_view("   "), std::string_view("hello, world"),
        std::string_view(R"({"@context":"https://schema.org","@graph":[]})"),
        std::string_view(R"({"jobs": 3, "absolute_url": 1})"),
        std::string_view("{\"@type\":\"JobPosting\",\"title\":\"\xff\"}")}) {
    const std::string error = parse_error(body);
    EXPECT_EQ(classify_feed_error(error), FeedProblem::NotAFeed) << error;
  }
  // A feed of events configured as jobs: sync's own words.
  TempDir dir;
  const fs::path file = dir.path() / "events.jsonld";
  std::ofstream(file)
      << R"({"@type":"Event","identifier":"e","name":"Fair","startDate":"2027-01-01"})";
  Store store(dir.path(), Store::Mode::Writer);
  SyncOptions options;
  options.now = [] { return kNow; };
  log::set_level(log::Level::Error);
  const FeedOutcome out = sync_feed(store, {"file://" + file.string(), ListingKind::Job}, options);
  log::set_level(log::Level::Info);
  ASSERT_EQ(out.status, FeedOutcome::Status::Failed);
  EXPECT_EQ(classify_feed_error(out.error), FeedProblem::NotAFeed) << out.error;
  EXPECT_EQ(classify_feed_error("the feed is not valid UTF-8 text"), FeedProblem::NotAFeed);
}

TEST(FeedProblems, OtherForTheKiosksOwnTrouble) {
  const std::atomic<bool> cancelled{true};
  const Listener listener;
  const std::string cancel =
      fetch_error("http://127.0.0.1:" + std::to_string(listener.port()) + "/", 1 << 20, &cancelled);
  EXPECT_EQ(classify_feed_error(cancel), FeedProblem::Other) << cancel;
  const std::string plain = fetch_error("http://example.org/jobs");
  EXPECT_EQ(classify_feed_error(plain), FeedProblem::Other) << plain;
  const std::string outside = fetch_error("file:../../etc/passwd");
  EXPECT_EQ(classify_feed_error(outside), FeedProblem::Other) << outside;
  EXPECT_EQ(classify_feed_error("could not save the listings: disk I/O error"), FeedProblem::Other);
  EXPECT_EQ(classify_feed_error("the sync was cancelled"), FeedProblem::Other);
}

// ---- Feed health ---------------------------------------------------------------------------

TEST(FeedHealthTest, SourcesShowNoPathQueryOrCredentials) {
  EXPECT_EQ(feed_source("https://user:s3cret@Jobs.Example.org:8443/v1/feed?token=abc#x"),
            "jobs.example.org");
  EXPECT_EQ(feed_source("https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true"),
            "boards-api.greenhouse.io");
  EXPECT_EQ(feed_source("http://[::1]:8080/feed"), "[::1]");
  EXPECT_EQ(feed_source("http://127.0.0.1:9/feed"), "127.0.0.1");
  EXPECT_EQ(feed_source("file:///srv/feeds/jobs.jsonld"), "jobs.jsonld");
  EXPECT_EQ(feed_source("file:sample/programs.csv"), "programs.csv");
  EXPECT_EQ(feed_source("ftp://example.org/x"), "");
  // Log lines: host and path, never the query or a user name.
  EXPECT_EQ(feed_log_name("https://user:s3cret@Jobs.Example.org:8443/v1/feed?token=abc#x"),
            "jobs.example.org/v1/feed");
  EXPECT_EQ(feed_log_name("https://api.careeronestop.org/v2/jobsearch/{secret:user}/0/FL"),
            "api.careeronestop.org/v2/jobsearch/{secret:user}/0/FL");
  EXPECT_EQ(feed_log_name("file:sample/programs.csv"), "programs.csv");
  // What residents read on "Also posted on".
  EXPECT_EQ(feed_display_name("https://data.usajobs.gov/api/search?x=1"), "USAJOBS");
  EXPECT_EQ(feed_display_name("https://api.careeronestop.org/v2/jobsearch/x"), "CareerOneStop");
  EXPECT_EQ(feed_display_name("https://www.miamidadejobs.example/feed.xml"),
            "miamidadejobs.example");
}

TEST(FeedHealthTest, EachFeedInThePanelsOrderWithItsProblem) {
  TempDir dir;
  Store store(dir.path(), Store::Mode::Writer);
  EXPECT_TRUE(feed_health(store).empty());
  store.record_failure("https://faq.example.org/faq.json", "faq", "the server answered HTTP 500",
                       kNow - 50);
  store.record_failure("https://b.example.org/jobs?key=1", "jobs",
                       "could not connect to the server (Connection refused)", kNow - 40);
  store.record_failure("https://a.example.org/jobs", "jobs", "the feed has no listings", kNow - 30);
  const fs::path file = dir.path() / "services.jsonld";
  std::ofstream(file) << R"({"@type":"Service","identifier":"s1","name":"Bus passes",
    "provider":{"name":"CareerSource"},"serviceType":"transportation"})";
  SyncOptions options;
  options.now = [] { return kNow - 20; };
  log::set_level(log::Level::Error);
  const FeedSpec services{"file://" + file.string(), ListingKind::Service};
  ASSERT_EQ(sync_feed(store, services, options).status, FeedOutcome::Status::Updated);
  options.now = [] { return kNow - 10; };
  ASSERT_EQ(sync_feed(store, services, options).status, FeedOutcome::Status::Unchanged);
  log::set_level(log::Level::Info);

  const std::vector<FeedHealth> health = feed_health(store);
  ASSERT_EQ(health.size(), 4u);
  EXPECT_EQ(health[0].kind, "jobs");
  EXPECT_EQ(health[0].source, "a.example.org");
  EXPECT_EQ(health[0].status, "failed");
  EXPECT_EQ(health[0].problem, FeedProblem::NotAFeed);
  EXPECT_EQ(health[0].last_attempt, kNow - 30);
  EXPECT_FALSE(health[0].last_good);
  EXPECT_EQ(health[1].source, "b.example.org");
  EXPECT_EQ(health[1].problem, FeedProblem::Unreachable);
  EXPECT_EQ(health[2].kind, "services");
  EXPECT_EQ(health[2].source, "services.jsonld");
  EXPECT_EQ(health[2].status, "unchanged");
  EXPECT_EQ(health[2].records, 1);
  EXPECT_EQ(health[2].problem, FeedProblem::None);
  EXPECT_EQ(health[2].last_good, kNow - 10);  // confirmed after its last import
  EXPECT_EQ(health[3].kind, "faq");
  EXPECT_EQ(health[3].problem, FeedProblem::Refused);
}

TEST(FreeBytes, AskedOfTheFileSystem) {
  TempDir dir;
  const auto free = free_bytes(dir.path());
  ASSERT_TRUE(free);
  EXPECT_GT(*free, 0u);
  EXPECT_FALSE(free_bytes(dir.path() / "not" / "there"));
}

// ---- The network -----------------------------------------------------------------------------

TEST(Network, ConnectsOnceToEachServerAndNamesTheOnesThatDoNotAnswer) {
  const Listener up;
  const std::string port = std::to_string(up.port());
  const NetworkReport report = check_network(
      {"http://127.0.0.1:" + port + "/jobs", "http://127.0.0.1:" + port + "/programs?x=1",
       "file:///srv/feeds/faq.json", "file:sample/events.jsonld",
       "http://127.0.0.1:" + std::to_string(closed_port()) + "/services",
       "http://127.0.0.2:" + port + "/other-address"},
      2000ms);
  EXPECT_EQ(report.hosts, 3);
  EXPECT_EQ(report.reachable, 1);
  EXPECT_EQ(report.unreachable, (std::vector<std::string>{"127.0.0.1", "127.0.0.2"}));
  const NetworkReport none = check_network({"file:///x.json"}, 100ms);
  EXPECT_EQ(none.hosts, 0);
  EXPECT_TRUE(none.unreachable.empty());
}

// ---- USB drives and the export ----------------------------------------------------------------

TEST(RemovableDrives, MountsBelowTheRootsThatCanBeWritten) {
  TempDir dir;
  const fs::path media = dir.path() / "media";
  const fs::path run_media = dir.path() / "run" / "media";
  for (const fs::path& p :
       {media / "kiosk" / "USB STICK", media / "kiosk" / "DATA", media / "kiosk" / "CDROM",
        run_media / "staff" / "KEY", dir.path() / "mnt" / "other"}) {
    fs::create_directories(p);
  }
  const fs::path mounts = dir.path() / "mounts";
  {
    std::ofstream out(mounts);
    const std::string m = media.string();
    out << "sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0\n"
        << "/dev/sdb1 " << m << "/kiosk/USB\\040STICK vfat rw,nosuid,nodev,relatime,uid=1000 0 0\n"
        << "/dev/sdc1 " << m << "/kiosk/DATA exfat rw,relatime 0 0\n"
        << "/dev/sr0 " << m << "/kiosk/CDROM iso9660 ro,nosuid,nodev 0 0\n"
        << "/dev/sdd1 " << run_media.string() << "/staff/KEY vfat rw 0 0\n"
        << "/dev/sdd1 " << run_media.string() << "/staff/KEY vfat rw 0 0\n"  // twice
        << "/dev/sde1 " << dir.path().string() << "/mnt/other ext4 rw 0 0\n"
        << "tmpfs " << m << " tmpfs rw 0 0\n"                // a root itself is no drive
        << "/dev/sdf1 " << m << "/kiosk/GONE vfat rw 0 0\n"  // listed, but no such folder
        << "garbage\n";
  }
  const auto drives = removable_drives(mounts, {media, run_media / ""});
  EXPECT_EQ(drives, (std::vector<fs::path>{media / "kiosk" / "DATA", media / "kiosk" / "USB STICK",
                                           run_media / "staff" / "KEY"}));
  EXPECT_TRUE(removable_drives(mounts, {}).empty());
  EXPECT_TRUE(removable_drives(dir.path() / "no-such-file", {media}).empty());
  if (::geteuid() != 0) {  // root may write anywhere
    ::chmod((media / "kiosk" / "DATA").c_str(), 0500);
    EXPECT_EQ(removable_drives(mounts, {media}).size(), 1u);
    ::chmod((media / "kiosk" / "DATA").c_str(), 0700);
  }
}

std::string read_all(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(ExportToDrive, SealedEnvelopesIntoAFolderOfTheirOwnAndTheOutboxKeepsThem) {
  TempDir dir;
  const fs::path data = dir.path() / "data";
  const fs::path drive = dir.path() / "drive";
  fs::create_directories(data);
  fs::create_directories(drive);
  {
    Outbox outbox(data);
    outbox.add("id-1", {1, 2, 3, 4}, kNow - 100);
    outbox.add("id-2", {5, 6, 7}, kNow - 50);
  }
  const ExportReport report = export_outbox_to(data, drive, "mdc-demo-01", kNow);
  ASSERT_TRUE(report.ok) << report.error;
  EXPECT_EQ(report.files, 2);
  EXPECT_EQ(report.folder, drive / "workforce-kiosk" / "mdc-demo-01-20261206-163640");
  EXPECT_EQ(read_all(report.folder / "id-1.sealed"), std::string("\1\2\3\4"));
  EXPECT_EQ(read_all(report.folder / "id-2.sealed"), std::string("\5\6\7"));
  int entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(report.folder)) ++entries;
  EXPECT_EQ(entries, 2);  // no partial files left behind
  EXPECT_EQ(Outbox(data).counts().pending, 2);
}

TEST(ExportToDrive, NothingWaitingAndNoDrive) {
  TempDir dir;
  const ExportReport empty = export_outbox_to(dir.path() / "data", dir.path(), "k1", kNow);
  ASSERT_TRUE(empty.ok) << empty.error;
  EXPECT_EQ(empty.files, 0);
  EXPECT_TRUE(fs::is_directory(empty.folder));
  const ExportReport gone = export_outbox_to(dir.path(), dir.path() / "unplugged", "k1", kNow);
  EXPECT_FALSE(gone.ok);
  EXPECT_FALSE(gone.error.empty());
  EXPECT_FALSE(fs::exists(dir.path() / "unplugged"));
}

}  // namespace
}  // namespace kiosk::staff

#include "kiosk/staff/health.h"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <ctime>
#include <fstream>
#include <set>
#include <utility>

#include "kiosk/base/curl_handle.h"
#include "kiosk/base/url.h"
#include "kiosk/signup/outbox_export.h"
#include "kiosk/store/store.h"

namespace kiosk::staff {
namespace {

namespace fs = std::filesystem;

struct ErrorWording {
  std::string_view opening;
  FeedProblem problem;
};

// How each error sync keeps for a feed begins (kiosk/sync/fetch.cpp, kiosk/sync/sync.cpp,
// kiosk/base/url.cpp). Every other error is the parsers' or sync's verdict on the content that
// came (not a feed, not UTF-8, the wrong kind, no listings): NotAFeed.
constexpr std::array kWordings{
    ErrorWording{"could not find the server", FeedProblem::Unreachable},
    ErrorWording{"could not connect to the server", FeedProblem::Unreachable},
    ErrorWording{"the server did not answer in time", FeedProblem::Unreachable},
    ErrorWording{"the server stopped sending", FeedProblem::Unreachable},
    ErrorWording{"the server sent too slowly", FeedProblem::Unreachable},
    ErrorWording{"the server did not send the whole feed in time", FeedProblem::Unreachable},
    ErrorWording{"the server sent endless headers", FeedProblem::Unreachable},
    ErrorWording{"the download was cut short", FeedProblem::Unreachable},
    ErrorWording{"the secure connection could not be verified", FeedProblem::Unreachable},
    ErrorWording{"the download failed", FeedProblem::Unreachable},  // other transfer errors
    ErrorWording{"cannot read ", FeedProblem::Unreachable},         // a file: feed
    ErrorWording{"the server answered HTTP", FeedProblem::Refused},
    ErrorWording{"too many redirects", FeedProblem::Refused},
    ErrorWording{"the feed is larger than the", FeedProblem::TooBig},
    ErrorWording{"the feed has more than", FeedProblem::TooBig},  // kiosk/sync/sync.cpp's cap
    ErrorWording{"the server said the feed had not changed", FeedProblem::Other},
    ErrorWording{"cannot write the download", FeedProblem::Other},
    ErrorWording{"could not store the download", FeedProblem::Other},
    ErrorWording{"cannot start a network transfer", FeedProblem::Other},
    ErrorWording{"the download was cancelled", FeedProblem::Other},
    ErrorWording{"the sync was cancelled", FeedProblem::Other},
    ErrorWording{"could not save the listings", FeedProblem::Other},
    // The URL itself (the configuration checks it first; a cache may hold an older one).
    ErrorWording{"the URL ", FeedProblem::Other},
    ErrorWording{"plain http:// is allowed only", FeedProblem::Other},
    ErrorWording{"expected an https://", FeedProblem::Other},
    ErrorWording{"a file:", FeedProblem::Other},
    ErrorWording{"not a file: URL", FeedProblem::Other},
};

// Wordings anywhere in the error: the refusals of kiosk/sync/source_api.cpp name the source
// first, and the secrets' problems (kiosk/config/secrets.cpp) the file or the secret.
constexpr std::array kInnerWordings{
    ErrorWording{"the disk is full", FeedProblem::DiskFull},
    ErrorWording{"the disk has too little room", FeedProblem::DiskFull},
    ErrorWording{"refused the API key", FeedProblem::Key},
    ErrorWording{"asks for an API key", FeedProblem::Key},
    ErrorWording{"the secrets file", FeedProblem::Key},
    ErrorWording{"refers to the secret", FeedProblem::Key},
    ErrorWording{"is not in the secrets file", FeedProblem::Key},
    ErrorWording{"asked the kiosk to slow down", FeedProblem::Refused},
    ErrorWording{"is busy or down for now", FeedProblem::Refused},
    ErrorWording{"the server asked the kiosk to wait", FeedProblem::Refused},
};

// The kinds in the panel's order.
constexpr std::array<std::string_view, 5> kKindOrder{"jobs", "programs", "services", "events",
                                                     "faq"};

std::size_t kind_rank(std::string_view kind) {
  return static_cast<std::size_t>(std::find(kKindOrder.begin(), kKindOrder.end(), kind) -
                                  kKindOrder.begin());
}

bool connects(const Authority& a, std::chrono::milliseconds timeout) {
  curl::global_init();
  const curl::Easy easy(curl_easy_init());
  if (!easy) return false;
  CURL* c = easy.get();
  const std::string url =
      a.scheme + "://" + a.host + (a.port.empty() ? std::string() : ":" + a.port) + "/";
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https,http");
  curl_easy_setopt(c, CURLOPT_CONNECT_ONLY, 1L);  // TCP, and TLS for https; no request
  const long ms = static_cast<long>(std::max<std::int64_t>(1, timeout.count()));
  curl::secure_defaults(c, ms, ms);
  return curl_easy_perform(c) == CURLE_OK;
}

// /proc/self/mounts writes space, tab, newline and backslash in a path as \040, \011, \012, \134.
std::string decode_mount_path(std::string_view field) {
  std::string out;
  out.reserve(field.size());
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] == '\\' && i + 3 < field.size()) {
      const auto octal = [](char c) { return c >= '0' && c <= '7'; };
      if (octal(field[i + 1]) && octal(field[i + 2]) && octal(field[i + 3])) {
        out += static_cast<char>(((field[i + 1] - '0') << 6) | ((field[i + 2] - '0') << 3) |
                                 (field[i + 3] - '0'));
        i += 3;
        continue;
      }
    }
    out += field[i];
  }
  return out;
}

bool strictly_below(const fs::path& path, const fs::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (r->empty()) continue;  // a trailing separator
    if (p == path.end() || *p != *r) return false;
  }
  return std::any_of(p, path.end(), [](const fs::path& part) { return !part.empty(); });
}

bool mounted_read_write(std::string_view options) {
  while (!options.empty()) {
    const auto comma = options.find(',');
    if (options.substr(0, comma) == "ro") return false;
    if (comma == std::string_view::npos) break;
    options.remove_prefix(comma + 1);
  }
  return true;
}

}  // namespace

FeedProblem classify_feed_error(std::string_view error) {
  if (error.empty()) return FeedProblem::None;
  // Words that follow the source's name ("USAJOBS refused the API key (401)").
  for (const auto& wording : kInnerWordings) {
    if (error.find(wording.opening) != std::string_view::npos) return wording.problem;
  }
  for (const auto& wording : kWordings) {
    if (error.starts_with(wording.opening)) return wording.problem;
  }
  return FeedProblem::NotAFeed;
}

std::vector<FeedHealth> feed_health(Store& store) {
  std::vector<FeedHealth> out;
  for (const FeedState& state : store.feed_states()) {
    FeedHealth h;
    h.kind = state.kind;
    h.source = feed_source(state.url);
    h.status = state.status;
    h.records = state.records;
    h.last_attempt = state.last_attempt;
    h.last_good = state.last_success;
    if (state.last_confirmed && (!h.last_good || *state.last_confirmed > *h.last_good)) {
      h.last_good = state.last_confirmed;
    }
    if (state.status == "failed") {
      h.problem = state.error.empty() ? FeedProblem::Other : classify_feed_error(state.error);
    }
    out.push_back(std::move(h));
  }
  std::stable_sort(out.begin(), out.end(), [](const FeedHealth& a, const FeedHealth& b) {
    return std::pair(kind_rank(a.kind), std::string_view(a.source)) <
           std::pair(kind_rank(b.kind), std::string_view(b.source));
  });
  return out;
}

std::optional<std::uint64_t> free_bytes(const fs::path& dir) {
  std::error_code ec;
  const fs::space_info info = fs::space(dir, ec);
  if (ec) return std::nullopt;
  return static_cast<std::uint64_t>(info.available);
}

NetworkReport check_network(const std::vector<std::string>& urls,
                            std::chrono::milliseconds timeout_per_host) {
  NetworkReport report;
  std::set<std::string> seen;
  for (const std::string& url : urls) {
    const auto a = http_authority(url);
    if (!a || !seen.insert(a->scheme + "://" + a->host + ":" + a->port).second) continue;
    ++report.hosts;
    if (connects(*a, timeout_per_host)) {
      ++report.reachable;
    } else if (std::find(report.unreachable.begin(), report.unreachable.end(), a->host) ==
               report.unreachable.end()) {
      report.unreachable.push_back(a->host);
    }
  }
  return report;
}

std::vector<fs::path> removable_drives(const fs::path& mounts_file,
                                       const std::vector<fs::path>& roots) {
  std::set<fs::path> drives;
  std::ifstream in(mounts_file);
  std::string line;
  while (std::getline(in, line)) {
    // device mount-point type options dump pass
    std::array<std::string_view, 4> fields;
    std::string_view rest = line;
    std::size_t n = 0;
    while (n < fields.size() && !rest.empty()) {
      const auto start = rest.find_first_not_of(" \t");
      if (start == std::string_view::npos) break;
      rest.remove_prefix(start);
      const auto end = rest.find_first_of(" \t");
      fields[n++] = rest.substr(0, end);
      rest.remove_prefix(end == std::string_view::npos ? rest.size() : end);
    }
    if (n < fields.size() || !mounted_read_write(fields[3])) continue;
    const fs::path mount = fs::path(decode_mount_path(fields[1])).lexically_normal();
    if (!mount.is_absolute()) continue;
    const bool below = std::any_of(roots.begin(), roots.end(), [&](const fs::path& root) {
      return root.is_absolute() && strictly_below(mount, root.lexically_normal());
    });
    if (below && ::access(mount.c_str(), W_OK) == 0) drives.insert(mount);
  }
  return {drives.begin(), drives.end()};
}

ExportReport export_outbox_to(const fs::path& data_dir, const fs::path& drive,
                              const std::string& kiosk_id, std::int64_t now_unix) {
  ExportReport report;
  std::error_code ec;
  if (!fs::is_directory(drive, ec)) {
    report.error = "the drive " + drive.string() + " is not mounted any more";
    return report;
  }
  std::string name;
  for (const char c : kiosk_id) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_';
    name += plain ? c : '_';
  }
  const auto t = static_cast<std::time_t>(now_unix);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
  report.folder = drive / "workforce-kiosk" / ((name.empty() ? "kiosk" : name) + "-" + stamp);
  const OutboxExport exported = export_outbox(data_dir, report.folder);
  report.files = static_cast<int>(exported.files.size());
  report.error = exported.error;
  report.ok = exported.error.empty();
  return report;
}

}  // namespace kiosk::staff

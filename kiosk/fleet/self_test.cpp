#include "kiosk/fleet/self_test.h"

#include <algorithm>
#include <ctime>

#include <nlohmann/json.hpp>

#include "kiosk/base/url.h"
#include "kiosk/config/config.h"
#include "kiosk/config/secrets.h"
#include "kiosk/fleet/watchdog.h"
#include "kiosk/i18n/i18n.h"
#include "kiosk/signup/outbox.h"
#include "kiosk/speech/speech.h"
#include "kiosk/staff/health.h"
#include "kiosk/stats/usage.h"
#include "kiosk/store/sqlite.h"
#include "kiosk/store/store.h"

namespace kiosk::fleet {
namespace {

CheckResult ok(std::string check, std::string detail) {
  return {std::move(check), CheckStatus::Ok, std::move(detail)};
}
CheckResult failed(std::string check, std::string detail) {
  return {std::move(check), CheckStatus::Failed, std::move(detail)};
}
CheckResult skipped(std::string check, std::string detail) {
  return {std::move(check), CheckStatus::Skipped, std::move(detail)};
}

// "ok" or the first line quick_check found wrong.
std::string quick_check(const std::filesystem::path& file) {
  try {
    sql::Database db(file, sql::Database::Mode::ReadOnly);
    sql::Statement s(db, "PRAGMA quick_check");
    std::string first = s.step() ? s.text(0) : "no answer";
    return first;
  } catch (const std::exception& e) {
    return e.what();
  }
}

std::string host_of(const std::string& url) {
  return feed_source(url);
}

}  // namespace

std::string_view status_name(CheckStatus status) {
  switch (status) {
    case CheckStatus::Ok:
      return "ok";
    case CheckStatus::Failed:
      return "failed";
    case CheckStatus::Skipped:
      return "skipped";
  }
  return "failed";
}

CheckResult check_catalogs(const std::filesystem::path& locales_dir) {
  Translator translator;
  if (auto error = translator.load(locales_dir)) return failed("catalogs", *error);
  return ok("catalogs", "en and es loaded from " + locales_dir.string());
}

CheckResult check_databases(const std::filesystem::path& data_dir) {
  const std::vector<std::pair<std::string, std::filesystem::path>> files = {
      {"cache", Store::file_in(data_dir)},
      {"outbox", Outbox::file_in(data_dir)},
      {"usage", stats::UsageStore::file_in(data_dir)}};
  std::vector<std::string> good;
  std::string bad;
  for (const auto& [name, file] : files) {
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) continue;
    const std::string verdict = quick_check(file);
    if (verdict == "ok") {
      good.push_back(name);
    } else {
      if (!bad.empty()) bad += "; ";
      bad.append(name).append(" (").append(file.string()).append("): ").append(verdict);
    }
  }
  if (!bad.empty()) return failed("databases", bad);
  if (good.empty())
    return skipped("databases", "no cache or outbox in " + data_dir.string() + " yet");
  std::string names;
  for (const auto& name : good) names += (names.empty() ? "" : ", ") + name;
  return ok("databases", "quick_check ok: " + names);
}

CheckResult check_disk(const std::filesystem::path& data_dir, std::uint64_t min_free) {
  // The data directory may not exist yet: ask the nearest folder that does.
  std::filesystem::path dir = data_dir;
  std::error_code ec;
  while (!dir.empty() && !std::filesystem::exists(dir, ec) && dir != dir.parent_path()) {
    dir = dir.parent_path();
  }
  constexpr std::uint64_t kMb = std::uint64_t{1024} * 1024;
  const auto free = staff::free_bytes(dir.empty() ? std::filesystem::path(".") : dir);
  if (!free) return failed("disk", "cannot ask how much space is free for " + data_dir.string());
  const std::string mb = std::to_string(*free / kMb) + " MB free for " + dir.string();
  if (*free < min_free) {
    return failed("disk", mb + " (at least " + std::to_string(min_free / kMb) + " MB needed)");
  }
  return ok("disk", mb);
}

std::vector<CheckResult> check_feeds(const Config& config, std::chrono::milliseconds timeout) {
  std::vector<CheckResult> results;
  const std::vector<std::pair<std::string, const std::vector<FeedSource>*>> kinds = {
      {"jobs", &config.feeds.jobs},
      {"programs", &config.feeds.programs},
      {"events", &config.feeds.events},
      {"services", &config.feeds.services},
      {"faq", &config.feeds.faq}};
  for (const auto& [kind, urls] : kinds) {
    for (const FeedSource& feed : *urls) {
      const std::string& url = feed.url;
      const std::string name = "feed " + kind + " " + host_of(url);
      if (url.starts_with("file:")) {
        std::string why;
        const std::filesystem::path file = file_url_path(url, &why);
        std::error_code ec;
        if (file.empty()) {
          results.push_back(failed(name, why));
        } else if (!std::filesystem::is_regular_file(file, ec)) {
          results.push_back(failed(name, file.string() + " does not exist or is not a file"));
        } else {
          results.push_back(ok(name, file.string() + " exists"));
        }
        continue;
      }
      const staff::NetworkReport report = staff::check_network({url}, timeout);
      if (report.hosts == 1 && report.reachable == 1) {
        results.push_back(ok(name, "the server answers"));
      } else {
        results.push_back(failed(name, "cannot reach " + host_of(url)));
      }
    }
  }
  if (results.empty()) results.push_back(skipped("feeds", "no feeds configured"));
  // The credentials the feeds refer to ([feeds] secrets_file): file mode, owner, every name.
  const std::vector<std::string> problems = check_secrets(config, kiosk_user());
  if (!problems.empty()) {
    for (const auto& problem : problems) results.push_back(failed("feed secrets", problem));
  } else if (!config.feeds.secrets_file.empty()) {
    results.push_back(ok("feed secrets", config.feeds.secrets_file.string() +
                                             " is private to the kiosk's user, and every "
                                             "secret the feeds name is in it"));
  }
  return results;
}

CheckResult check_intake(const Config& config, std::chrono::milliseconds timeout) {
  const std::string& url = config.signup.endpoint;
  if (url.empty()) return skipped("intake", "no [signup] endpoint configured");
  const staff::NetworkReport report = staff::check_network({url}, timeout);
  if (report.hosts == 1 && report.reachable == 1) {
    return ok("intake", host_of(url) + " answers");
  }
  return failed("intake", "cannot reach " + host_of(url));
}

int build_year() {
  // CMake's string(TIMESTAMP), which follows SOURCE_DATE_EPOCH: the Debian build stays
  // reproducible (no __DATE__).
  return KIOSK_BUILD_YEAR;
}

CheckResult check_clock(std::int64_t now_unix, int year_built) {
  const auto t = static_cast<std::time_t>(now_unix);
  std::tm tm{};
  gmtime_r(&t, &tm);
  const int year = tm.tm_year + 1900;
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
  if (year < year_built) {
    return failed("clock", std::string(stamp) + " is before this kiosk was built (" +
                               std::to_string(year_built) + "): set the time (NTP)");
  }
  if (year > year_built + 30) {
    return failed("clock", std::string(stamp) + " is too far in the future: set the time (NTP)");
  }
  return ok("clock", stamp);
}

CheckResult check_voices() {
  std::string missing;
  for (const Language language : {Language::En, Language::Es}) {
    std::string error;
    const auto pcm = synthesize(language == Language::En ? "Hello" : "Hola", language, &error);
    if (!pcm || pcm->samples.empty()) {
      missing += (missing.empty() ? "" : "; ") + voice_name(language) + ": " +
                 (error.empty() ? std::string("no sound") : error);
    }
  }
  if (!missing.empty()) return failed("voices", missing);
  return ok("voices",
            "espeak-ng speaks " + voice_name(Language::En) + " and " + voice_name(Language::Es));
}

CheckResult check_watchdog(const char* watchdog_usec) {
  if (watchdog_usec == nullptr) return skipped("watchdog", "not run by systemd");
  const auto timeout = parse_watchdog_usec(watchdog_usec);
  if (!timeout) {
    return failed("watchdog", "WATCHDOG_USEC is not a number of microseconds: \"" +
                                  std::string(watchdog_usec) + "\"");
  }
  return ok("watchdog", "systemd's watchdog: " + std::to_string(timeout->count() / 1000) +
                            " ms; pinged every half of it");
}

std::string format_results(const std::vector<CheckResult>& results) {
  std::string out;
  for (const auto& r : results) {
    std::string status(status_name(r.status));
    status.resize(8, ' ');
    out += status + r.check + ": " + r.detail + '\n';
  }
  return out;
}

std::string format_results_json(const std::vector<CheckResult>& results) {
  nlohmann::ordered_json array = nlohmann::ordered_json::array();
  for (const auto& r : results) {
    array.push_back({{"check", r.check}, {"status", status_name(r.status)}, {"detail", r.detail}});
  }
  return array.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + '\n';
}

bool any_failed(const std::vector<CheckResult>& results) {
  return std::any_of(results.begin(), results.end(),
                     [](const CheckResult& r) { return r.status == CheckStatus::Failed; });
}

}  // namespace kiosk::fleet

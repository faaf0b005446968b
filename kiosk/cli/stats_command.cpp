// `workforce-kiosk stats`: the usage figures of a data directory, as staff see them on the panel.
// Counts only (kiosk/stats/usage.h); days are the kiosk's wall-clock days in its configured time
// zone (the default one when the configuration cannot be read: the figures stay readable).
#include <chrono>
#include <cstdio>
#include <iostream>

#include <nlohmann/json.hpp>

#include "kiosk/base/paths.h"
#include "kiosk/cli/cli.h"
#include "kiosk/config/config.h"
#include "kiosk/i18n/time_zone.h"
#include "kiosk/stats/usage.h"

namespace kiosk {
namespace {

using stats::Figures;
using ordered = nlohmann::ordered_json;

// The contract's fields, in its order.
ordered figures_json(const Figures& f) {
  ordered screens = ordered::object();
  for (const auto& [name, n] : f.journey_screens) screens[name] = n;
  return ordered{{"sessions", f.sessions},
                 {"session_seconds", f.session_seconds},
                 {"languages", ordered{{"en", f.sessions_en}, {"es", f.sessions_es}}},
                 {"journeys", f.journeys},
                 {"journey_screens", std::move(screens)},
                 {"searches", f.searches},
                 {"searches_empty", f.searches_empty},
                 {"signups", f.signups},
                 {"qr_shown", f.qr_shown},
                 {"prints", f.prints}};
}

void print_csv(const stats::UsageReport& r) {
  std::cout << "day,sessions,session_seconds,sessions_en,sessions_es,journeys,searches,"
               "searches_empty,signups,qr_shown,prints\n";
  for (const stats::DayFigures& d : r.days) {
    const Figures& f = d.figures;
    std::cout << stats::day_text(d.day) << ',' << f.sessions << ',' << f.session_seconds << ','
              << f.sessions_en << ',' << f.sessions_es << ',' << f.journeys << ',' << f.searches
              << ',' << f.searches_empty << ',' << f.signups << ',' << f.qr_shown << ',' << f.prints
              << '\n';
  }
}

void print_text(const stats::UsageReport& r, const std::filesystem::path& dir) {
  std::cout << "Usage figures in " << dir.string() << " (today is " << stats::day_text(r.today)
            << ")\n";
  const auto row = [&](const char* name, auto field) {
    char line[96];
    std::snprintf(line, sizeof line, "  %-22s %10lld %10lld %10lld\n", name,
                  static_cast<long long>(field(r.today_figures)),
                  static_cast<long long>(field(r.last_7_days)),
                  static_cast<long long>(field(r.last_30_days)));
    std::cout << line;
  };
  std::cout << "                              today     7 days    30 days\n";
  row("sessions", [](const Figures& f) { return f.sessions; });
  row("minutes in sessions", [](const Figures& f) { return (f.session_seconds + 30) / 60; });
  row("sessions in English", [](const Figures& f) { return f.sessions_en; });
  row("sessions in Spanish", [](const Figures& f) { return f.sessions_es; });
  row("journeys from home", [](const Figures& f) { return f.journeys; });
  row("searches", [](const Figures& f) { return f.searches; });
  row("searches found nothing", [](const Figures& f) { return f.searches_empty; });
  row("sign-ups", [](const Figures& f) { return f.signups; });
  row("QR codes shown", [](const Figures& f) { return f.qr_shown; });
  row("printouts", [](const Figures& f) { return f.prints; });
}

}  // namespace

int run_stats(const Options& options) {
  const ConfigResult config = load_config(options.config.value_or(paths::default_config()));
  use_time_zone(config.config ? config.config->kiosk.time_zone : kDefaultTimeZone);
  const std::filesystem::path dir = options.data_dir.value_or(paths::default_data_dir());
  const std::int64_t today = local_day(std::chrono::duration_cast<std::chrono::seconds>(
                                           std::chrono::system_clock::now().time_since_epoch())
                                           .count());
  stats::UsageReport report;
  report.today = today;
  for (std::int64_t day = today - 29; day <= today; ++day) report.days.push_back({day, {}});
  // A data directory without the file has counted nothing yet; reading never creates it.
  if (std::filesystem::exists(stats::UsageStore::file_in(dir))) {
    try {
      report = stats::UsageStore(dir).report(today);
    } catch (const sql::SqliteError& e) {
      std::cerr << "workforce-kiosk: the usage figures in " << dir.string()
                << " cannot be read: " << e.what() << '\n';
      return 1;
    }
  }
  if (options.json) {
    const ordered out{{"today", figures_json(report.today_figures)},
                      {"last_7_days", figures_json(report.last_7_days)},
                      {"last_30_days", figures_json(report.last_30_days)}};
    std::cout << out.dump() << '\n';
  } else if (options.csv) {
    print_csv(report);
  } else {
    print_text(report, dir);
  }
  return 0;
}

}  // namespace kiosk

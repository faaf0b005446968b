// `workforce-kiosk self-test`: every check of kiosk/fleet/self_test.h on this machine, with this
// configuration and data directory; nothing is created or changed.
#include <chrono>
#include <cstdlib>
#include <iostream>

#include "kiosk/base/paths.h"
#include "kiosk/cli/cli.h"
#include "kiosk/config/config.h"

namespace kiosk {

int run_self_test(const Options& options,
                  const std::function<std::vector<fleet::CheckResult>()>& ui_checks) {
  using fleet::CheckResult;
  using fleet::CheckStatus;
  std::vector<CheckResult> results;
  if (ui_checks) results = ui_checks();

  const std::filesystem::path file = options.config.value_or(paths::default_config());
  const ConfigResult config = load_config(file);
  if (config.config) {
    results.push_back({"configuration", CheckStatus::Ok, file.string() + " is valid"});
  } else {
    results.push_back({"configuration", CheckStatus::Failed,
                       config.errors.empty() ? file.string() : config.errors[0].to_string()});
  }
  results.push_back(fleet::check_catalogs(paths::resource_dir() / "locales"));
  const std::filesystem::path data_dir = options.data_dir.value_or(paths::default_data_dir());
  results.push_back(fleet::check_databases(data_dir));
  results.push_back(fleet::check_disk(data_dir));
  if (config.config) {
    for (auto& r : fleet::check_feeds(*config.config)) results.push_back(std::move(r));
    results.push_back(fleet::check_intake(*config.config));
  } else {
    results.push_back({"feeds", CheckStatus::Skipped, "the configuration is not valid"});
    results.push_back({"intake", CheckStatus::Skipped, "the configuration is not valid"});
  }
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  results.push_back(fleet::check_clock(now, fleet::build_year()));
  results.push_back(fleet::check_voices());
  // NOLINTNEXTLINE(concurrency-mt-unsafe): one thread
  results.push_back(fleet::check_watchdog(std::getenv("WATCHDOG_USEC")));

  std::cout << (options.json ? fleet::format_results_json(results)
                             : fleet::format_results(results));
  return fleet::any_failed(results) ? 1 : 0;
}

}  // namespace kiosk

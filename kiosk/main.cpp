// workforce-kiosk: a thin shell. It parses the command line, checks the configuration, and hands
// over to the UI or to a subcommand. Features live in kiosk/ and ui/.
#include <iostream>
#include <string>
#include <vector>

#include "kiosk/base/log.h"
#include "kiosk/base/paths.h"
#include "kiosk/base/scrub.h"
#include "kiosk/cli/cli.h"
#include "kiosk/config/config.h"
#include "kiosk/i18n/time_zone.h"
#include "ui/app.h"
#include "ui/display_check.h"

int main(int argc, char** argv) {
  // Before anything opens a database or formats text: SQLite's and ICU's freed memory is
  // zeroed like the rest of the heap.
  if (!kiosk::scrub::install_sqlite_allocator() || !kiosk::scrub::install_icu_allocator()) {
    std::cerr << "workforce-kiosk: cannot set up SQLite's and ICU's memory\n";
    return 1;
  }
  kiosk::scrub::keep_big_blocks_apart();
  const std::vector<std::string> args(argv + 1, argv + argc);
  const kiosk::ParsedOptions parsed = kiosk::parse_options(args);
  if (!parsed.options) {
    std::cerr << "workforce-kiosk: " << parsed.error << '\n';
    return 2;
  }
  const kiosk::Options& options = *parsed.options;
  switch (options.command) {
    case kiosk::Options::Command::Help:
      std::cout << kiosk::usage_text();
      return 0;
    case kiosk::Options::Command::Version:
      std::cout << "workforce-kiosk " << KIOSK_VERSION_STRING << '\n';
      return 0;
    case kiosk::Options::Command::CheckConfig:
      return kiosk::run_check_config(options);
    case kiosk::Options::Command::Sync:
      return kiosk::run_sync(options);
    case kiosk::Options::Command::Search:
      return kiosk::run_search(options);
    case kiosk::Options::Command::Match:
      return kiosk::run_match(options);
    case kiosk::Options::Command::Speak:
      return kiosk::run_speak(options);
    case kiosk::Options::Command::Keygen:
      return kiosk::run_keygen(options);
    case kiosk::Options::Command::OutboxList:
      return kiosk::run_outbox_list(options);
    case kiosk::Options::Command::OutboxExport:
      return kiosk::run_outbox_export(options);
    case kiosk::Options::Command::OutboxOpen:
      return kiosk::run_outbox_open(options);
    case kiosk::Options::Command::OutboxSend:
      return kiosk::run_outbox_send(options);
    case kiosk::Options::Command::PinHash:
      return kiosk::run_pin_hash(options, std::cin);
    case kiosk::Options::Command::Provision:
      return kiosk::run_provision(options, std::cin);
    case kiosk::Options::Command::Stats:
      return kiosk::run_stats(options);
    case kiosk::Options::Command::SignConfig:
      return kiosk::run_sign_config(options);
    case kiosk::Options::Command::SelfTest:
      return kiosk::run_self_test(options, ui::self_test_checks);
    case kiosk::Options::Command::Run:
      break;
  }

  const auto config_file = options.config.value_or(kiosk::paths::default_config());
  const kiosk::ConfigResult config = kiosk::load_config(config_file);
  if (!config.config) {
    for (const auto& e : config.errors) std::cerr << e.to_string() << '\n';
    std::cerr << "workforce-kiosk: refusing to start with a bad configuration\n";
    return 1;
  }
  const auto data_dir = options.data_dir.value_or(kiosk::paths::default_data_dir());
  if (auto error = kiosk::paths::ensure_private_dir(data_dir)) {
    std::cerr << "workforce-kiosk: " << *error << '\n';
    return 1;
  }
  kiosk::use_time_zone(config.config->kiosk.time_zone);  // checked when the file was read
  kiosk::log::info("kiosk " + config.config->kiosk.id + " starting with " + config_file.string());
  return ui::run_kiosk(options, *config.config);
}

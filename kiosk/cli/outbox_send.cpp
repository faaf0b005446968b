// `workforce-kiosk outbox send [--json]`: one delivery pass over everything pending now, backoff
// or not (held envelopes stay held). Exit 0 when the outbox is empty afterwards; 1, with the count
// and the reason, when envelopes remain (held after a 4xx, no answer, or asked to wait).
#include <chrono>
#include <iostream>

#include <nlohmann/json.hpp>

#include "kiosk/base/log.h"
#include "kiosk/base/paths.h"
#include "kiosk/cli/cli.h"
#include "kiosk/config/config.h"
#include "kiosk/signup/uploader.h"

namespace kiosk {

int run_outbox_send(const Options& options) {
  const auto file = options.config.value_or(paths::default_config());
  ConfigResult loaded = load_config(file);
  if (!loaded.config) {
    for (const auto& e : loaded.errors) std::cerr << e.to_string() << '\n';
    return 1;
  }
  const auto data_dir = options.data_dir.value_or(paths::default_data_dir());
  if (options.json) log::set_level(log::Level::Warn);

  UploadSettings settings;
  settings.endpoint = loaded.config->signup.endpoint;
  SendSummary summary;
  try {
    if (!std::filesystem::exists(Outbox::file_in(data_dir))) {
      if (options.json) {
        std::cout << nlohmann::json{{"delivered", 0}, {"remaining", 0}}.dump() << '\n';
      } else {
        std::cout << "nothing to send\n";
      }
      return 0;
    }
    Outbox outbox(data_dir);
    if (settings.endpoint.empty()) {
      summary.remaining = outbox.counts().pending;
      summary.held_total = outbox.counts().held;
    } else {
      SendOptions send;
      send.ignore_backoff = true;
      const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                                   std::chrono::system_clock::now().time_since_epoch())
                                   .count();
      summary = send_pending(outbox, settings, now, send);
    }
  } catch (const std::exception& e) {
    std::cerr << "workforce-kiosk: the outbox in " << data_dir.string()
              << " cannot be used: " << e.what() << '\n';
    return 1;
  }

  std::string why;
  if (summary.remaining > 0) {
    const std::string count = std::to_string(summary.remaining) +
                              (summary.remaining == 1 ? " envelope waits" : " envelopes wait");
    if (settings.endpoint.empty()) {
      why = count + ": no [signup] endpoint is configured; carry them with `outbox export DIR`";
    } else if (summary.held_total > 0) {
      why = count + ", " + std::to_string(summary.held_total) +
            " of them held: the intake server refused them (4xx); they are not sent again";
    } else if (summary.network_failed) {
      why = count + ": " + summary.last_error;
    } else {
      why = count + ": " + (summary.last_error.empty() ? "not sent" : summary.last_error) +
            "; try again later";
    }
  }
  if (options.json) {
    nlohmann::json out{{"delivered", summary.delivered},
                       {"retry_later", summary.retry_later},
                       {"held", summary.held},
                       {"remaining", summary.remaining},
                       {"held_total", summary.held_total},
                       {"network_failed", summary.network_failed}};
    if (!why.empty()) out["error"] = why;
    std::cout << out.dump() << '\n';
  } else {
    std::cout << "delivered " << summary.delivered << ", " << summary.remaining << " remaining\n";
  }
  if (why.empty()) return 0;
  std::cerr << "workforce-kiosk: " << why << '\n';
  return 1;
}

}  // namespace kiosk

#include "kiosk/setup/settings.h"

#include <chrono>

#include "kiosk/store/occupation_vocabulary.h"

namespace kiosk {

std::vector<FeedSpec> feed_specs(const Config& config) {
  std::vector<FeedSpec> specs;
  const auto add = [&](const std::vector<FeedSource>& feeds, ListingKind kind) {
    for (const auto& feed : feeds) {
      FeedSpec& spec = specs.emplace_back(feed.url, kind);
      spec.format = feed.format;
      spec.headers = feed.headers;
      spec.max_pages = feed.max_pages;
      spec.secrets_file = config.feeds.secrets_file;
    }
  };
  add(config.feeds.jobs, ListingKind::Job);
  add(config.feeds.programs, ListingKind::Program);
  add(config.feeds.events, ListingKind::Event);
  add(config.feeds.services, ListingKind::Service);
  add(config.feeds.faq, ListingKind::Faq);
  return specs;
}

SyncOptions sync_options(const Config& config, const std::filesystem::path& data_dir) {
  SyncOptions options;
  options.scratch_dir = data_dir;
  options.vocabulary_file = shipped_vocabulary_file();
  options.request_template.max_bytes =
      static_cast<std::size_t>(config.feeds.max_feed_mb) * 1024 * 1024;
  options.request_template.user_agent =
      std::string("WorkforceKiosk/") + KIOSK_VERSION + " (kiosk " + config.kiosk.id + ")";
  options.now = [] {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
  return options;
}

SignupSettings signup_settings(const Config& config) {
  return {.public_key = config.signup.public_key,
          .endpoint = config.signup.endpoint,
          .activate_url = config.signup.activate_url,
          .kiosk_id = config.kiosk.id,
          .location = config.kiosk.location};
}

}  // namespace kiosk

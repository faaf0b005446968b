// The data subcommands: sync, search and speak. Each prints text by default and one JSON object
// with
// --json; a failure is explained in one line on stderr.
#include <chrono>
#include <cmath>
#include <iomanip>
#include <iostream>

#include <nlohmann/json.hpp>

#include "kiosk/base/iso_time.h"
#include "kiosk/base/log.h"
#include "kiosk/base/paths.h"
#include "kiosk/cli/cli.h"
#include "kiosk/config/config.h"
#include "kiosk/feeds/normalize.h"
#include "kiosk/i18n/time_zone.h"
#include "kiosk/model/enums.h"
#include "kiosk/search/filters.h"
#include "kiosk/search/listing_search.h"
#include "kiosk/search/search_help.h"
#include "kiosk/setup/settings.h"
#include "kiosk/speech/speech.h"
#include "kiosk/store/record_json.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/sync.h"

namespace kiosk {
namespace {

std::optional<Config> load_checked(const Options& options) {
  const auto file = options.config.value_or(paths::default_config());
  ConfigResult result = load_config(file);
  if (!result.config) {
    for (const auto& e : result.errors) std::cerr << e.to_string() << '\n';
    return std::nullopt;
  }
  use_time_zone(result.config->kiosk.time_zone);
  return std::move(result.config);
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

nlohmann::json types_json(std::uint8_t bits) {
  nlohmann::json out = nlohmann::json::array();
  for_each_bit<EmploymentType>(bits, [&](const auto& row) { out.push_back(row.key); });
  return out;
}

}  // namespace

int run_sync(const Options& options) {
  const auto config = load_checked(options);
  if (!config) return 1;
  const auto data_dir = options.data_dir.value_or(paths::default_data_dir());
  if (auto error = paths::ensure_private_dir(data_dir)) {
    std::cerr << "workforce-kiosk: " << *error << '\n';
    return 1;
  }
  if (options.json) log::set_level(log::Level::Warn);
  std::vector<FeedOutcome> outcomes;
  try {
    Store store(data_dir, Store::Mode::Writer);
    outcomes = sync_all(store, feed_specs(*config), sync_options(*config, data_dir));
  } catch (const sql::SqliteError& e) {
    std::cerr << "workforce-kiosk: the cache in " << data_dir.string()
              << " cannot be used: " << e.what() << '\n';
    return 1;
  }
  bool ok = true;
  nlohmann::json feeds = nlohmann::json::array();
  for (const auto& o : outcomes) {
    ok = ok && o.status != FeedOutcome::Status::Failed;
    nlohmann::json f = {{"url", o.url},
                        {"kind", kind_key(o.kind)},
                        {"status", status_key(o.status)},
                        {"records", o.records}};
    if (!o.error.empty()) f["error"] = o.error;
    if (!o.warnings.empty()) f["warnings"] = o.warnings;
    if (o.status == FeedOutcome::Status::Updated) {
      f["skipped"] = o.skipped;
      f["skip_reasons"] = o.skip_reasons;
    }
    feeds.push_back(std::move(f));
    if (!options.json) {
      std::cout << status_key(o.status) << "  " << kind_key(o.kind) << "  " << o.records << "  "
                << o.url;
      if (!o.error.empty()) std::cout << "  (" << o.error << ")";
      if (o.status == FeedOutcome::Status::Removed) std::cout << "  (no longer configured)";
      std::cout << '\n';
      for (const auto& reason : o.skip_reasons) std::cout << "    " << reason << '\n';
      for (const auto& warning : o.warnings) std::cout << "    " << warning << '\n';
    }
  }
  if (options.json) std::cout << nlohmann::json{{"feeds", feeds}}.dump() << '\n';
  if (outcomes.empty() && !options.json) std::cout << "no feeds are configured in [feeds]\n";
  return ok ? 0 : 1;
}

int run_search(const Options& options) {
  SearchQuery query;
  query.now = unix_now();
  query.text = options.query;
  query.language = options.language.value_or(Language::En);
  if (options.kind) {
    const auto kind = kind_from_key(*options.kind);
    if (!kind) {
      std::cerr << "workforce-kiosk: --kind takes jobs, programs, events, services or faq\n";
      return 1;
    }
    query.kind = *kind;
    if (query.kind == ListingKind::Faq) return run_faq_search(options);
  }
  query.sort = default_sort(query.kind);
  for (const auto& filter : options.filters) {
    if (auto error = apply_filter(query, filter)) {
      std::cerr << "workforce-kiosk: " << *error << '\n';
      return 1;
    }
  }
  if (options.sort) {
    query.sort = *options.sort == "newest"    ? SortOrder::Newest
                 : *options.sort == "pay"     ? SortOrder::Pay
                 : *options.sort == "soonest" ? SortOrder::Soonest
                                              : SortOrder::Relevance;
  }
  query.limit = options.limit.value_or(20);
  query.expand = !options.exact;
  const auto data_dir = options.data_dir.value_or(paths::default_data_dir());
  if (!std::filesystem::exists(Store::file_in(data_dir))) {
    std::cerr << "workforce-kiosk: no cache yet in " << data_dir.string()
              << " (run: workforce-kiosk sync)\n";
    return 1;
  }
  SearchResult result;
  try {
    Store store(data_dir, Store::Mode::Reader);
    result = search_with_help(store, query);
  } catch (const sql::SqliteError& e) {
    std::cerr << "workforce-kiosk: cannot search the cache: " << e.what() << '\n';
    return 1;
  }
  if (options.json) {
    nlohmann::json results = nlohmann::json::array();
    for (const auto& h : result.hits) {
      nlohmann::json r = {{"id", h.id}, {"kind", kind_key(h.kind)}, {"title", h.title}};
      const char* org_key = h.kind == ListingKind::Job     ? "employer"
                            : h.kind == ListingKind::Event ? "organizer"
                                                           : "provider";
      r[org_key] = h.org;
      r["industry"] = h.industry;
      r["city"] = h.city;
      if (h.kind == ListingKind::Job) {
        r["occupation"] = h.occupation;  // from the feed, or tagged by its title
        r["workplace"] = h.workplace;
        r["types"] = types_json(h.employment_types);
      }
      if (h.pay_min || h.pay_max) {
        nlohmann::json pay = {{"unit", h.pay_unit}, {"currency", "USD"}};
        if (h.pay_min) pay["min"] = *h.pay_min;
        if (h.pay_max) pay["max"] = *h.pay_max;
        r["pay"] = pay;
      }
      if (h.kind == ListingKind::Program) {
        r["program_type"] = h.program_type;
        if (h.cost) r["cost"] = *h.cost;
        r["paid"] = h.paid;
      }
      if (h.kind == ListingKind::Event) {
        if (!h.program_type.empty()) r["type"] = h.program_type;
        r["online"] = h.workplace == "online";
        r["free"] = h.cost.has_value() && *h.cost == 0;
        if (h.until) r["end"] = iso_utc(*h.until);
      }
      if (h.kind == ListingKind::Service && !h.program_type.empty()) r["need"] = h.program_type;
      if (h.posted && h.kind != ListingKind::Event) r["posted"] = iso_date(*h.posted);
      if (h.start)
        r["start"] = h.kind == ListingKind::Event ? iso_utc(*h.start) : iso_date(*h.start);
      r["sample"] = h.sample;
      results.push_back(std::move(r));
    }
    nlohmann::json out = {{"total", result.total}, {"results", results}};
    if (result.total_capped) out["more"] = true;
    if (result.suggestion) out["suggestion"] = *result.suggestion;
    if (!result.tips.empty()) out["tips"] = result.tips;
    if (!result.expanded.empty()) {
      nlohmann::json also = nlohmann::json::array();
      for (const auto& e : result.expanded) {
        also.push_back({{"occupation", e.occupation}, {"name", e.name}});
      }
      out["expanded"] = std::move(also);
    }
    std::cout << out.dump() << '\n';
  } else {
    std::cout << (result.total_capped ? "more than " : "") << result.total << " "
              << kind_key(query.kind) << '\n';
    if (!result.expanded.empty()) {
      std::cout << "Also showing:";
      for (std::size_t i = 0; i < result.expanded.size(); ++i) {
        std::cout << (i > 0 ? ", " : " ") << result.expanded[i].name;
      }
      std::cout << "\n";
    }
    for (const auto& h : result.hits) {
      std::cout << "  " << h.title;
      if (!h.org.empty()) std::cout << " — " << h.org;
      if (!h.city.empty()) std::cout << ", " << h.city;
      std::cout << "  [" << h.id << "]\n";
    }
    if (result.suggestion) std::cout << "Did you mean: " << *result.suggestion << "?\n";
    if (!result.tips.empty()) {
      std::cout << "Words that find " << kind_key(query.kind) << ":";
      for (const auto& tip : result.tips) std::cout << ' ' << tip;
      std::cout << '\n';
    }
  }
  return 0;
}

int run_speak(const Options& options) {
  const Language language = options.language.value_or(Language::En);
  std::string error;
  const auto pcm = synthesize(options.text, language, &error);
  if (!pcm) {
    std::cerr << "workforce-kiosk: " << error << '\n';
    return 1;
  }
  const std::filesystem::path& file = *options.out;
  if (!write_wav(file, *pcm, &error)) {
    std::cerr << "workforce-kiosk: " << error << '\n';
    return 1;
  }
  const std::string voice = voice_name(language);
  if (options.json) {
    const nlohmann::json out = {{"file", file.string()},
                                {"seconds", std::round(pcm->seconds() * 1000.0) / 1000.0},
                                {"voice", voice},
                                {"sample_rate", pcm->sample_rate}};
    std::cout << out.dump() << '\n';
  } else {
    std::cout << "wrote " << file.string() << ": " << std::fixed << std::setprecision(1)
              << pcm->seconds() << " s of speech (" << voice << " voice, " << pcm->sample_rate
              << " Hz)\n";
  }
  return 0;
}

}  // namespace kiosk

// `workforce-kiosk search --kind faq`: the FAQ ranked as the Questions screen ranks it
// (kiosk/faq/faq_index.h), read from the cache the last sync filled.
#include <cmath>
#include <iostream>

#include <nlohmann/json.hpp>

#include "kiosk/base/paths.h"
#include "kiosk/cli/cli.h"
#include "kiosk/faq/faq_index.h"
#include "kiosk/store/store.h"

namespace kiosk {

int run_faq_search(const Options& options) {
  if (!options.filters.empty() || options.sort) {
    std::cerr << "workforce-kiosk: --filter and --sort do not apply to --kind faq\n";
    return 1;
  }
  const bool spanish = options.language.value_or(Language::En) == Language::Es;
  const auto data_dir = options.data_dir.value_or(paths::default_data_dir());
  if (!std::filesystem::exists(Store::file_in(data_dir))) {
    std::cerr << "workforce-kiosk: no cache yet in " << data_dir.string()
              << " (run: workforce-kiosk sync)\n";
    return 1;
  }
  std::vector<FaqEntry> entries;
  try {
    Store store(data_dir, Store::Mode::Reader);
    entries = store.faq_entries();
  } catch (const sql::SqliteError& e) {
    std::cerr << "workforce-kiosk: cannot search the cache: " << e.what() << '\n';
    return 1;
  }
  const faq::FaqIndex index(std::move(entries));
  const auto limit = static_cast<std::size_t>(std::max(options.limit.value_or(5), 1));
  const auto ranked = index.rank(options.query, limit);
  if (options.json) {
    nlohmann::json results = nlohmann::json::array();
    for (const auto& r : ranked) {
      const FaqEntry& e = index.entries()[r.entry];
      nlohmann::json j = {{"id", e.id},
                          {"kind", "faq"},
                          {"topic", e.topic},
                          {"question", e.question.in(spanish)},
                          {"answer", faq::plain_answer(e, spanish)},
                          {"score", std::round(r.score * 1000.0) / 1000.0},
                          {"sample", e.sample}};
      if (!e.link.empty()) {
        j["link"] = {{"route", e.link.route},
                     {"filter", e.link.filter},
                     {"label", e.link.label.in(spanish)}};
      }
      results.push_back(std::move(j));
    }
    std::cout << nlohmann::json{{"total", ranked.size()}, {"results", results}}.dump() << '\n';
    return 0;
  }
  std::cout << ranked.size() << " faq\n";
  for (const auto& r : ranked) {
    const FaqEntry& e = index.entries()[r.entry];
    std::cout << "  " << e.question.in(spanish) << "  [" << e.id << "]\n";
    if (!e.link.empty()) {
      std::cout << "    → " << e.link.route << (e.link.filter.empty() ? "" : " ") << e.link.filter
                << '\n';
    }
  }
  return 0;
}

}  // namespace kiosk

// `workforce-kiosk match`: the matcher (kiosk/match/matcher.h) over the cache the last sync
// filled, its reasons in the asked language, as the "What can you do?" screen shows them.
#include <chrono>
#include <cmath>
#include <iostream>

#include <nlohmann/json.hpp>

#include "kiosk/base/paths.h"
#include "kiosk/cli/cli.h"
#include "kiosk/match/matcher.h"
#include "kiosk/match/skills.h"
#include "kiosk/store/record_json.h"

namespace kiosk {

int run_match(const Options& options) {
  Translator tr;
  if (auto error = tr.load(paths::resource_dir() / "locales")) {
    std::cerr << "workforce-kiosk: " << *error << '\n';
    return 1;
  }
  MatchProfile profile;
  for (const auto& name : options.skills) {
    const Skill* skill = skill_named(name, tr);
    if (skill == nullptr) {
      std::cerr << "workforce-kiosk: unknown skill '" << name
                << "' (give a skill's key or its name in English or Spanish)\n";
      return 2;
    }
    profile.skills.emplace_back(skill->key);
  }
  profile.education = options.education.value_or("");
  const Language language = options.language.value_or(Language::En);
  tr.set_language(language == Language::Es ? Language::Es : Language::En);

  const auto data_dir = options.data_dir.value_or(paths::default_data_dir());
  if (!std::filesystem::exists(Store::file_in(data_dir))) {
    std::cerr << "workforce-kiosk: no cache yet in " << data_dir.string()
              << " (run: workforce-kiosk sync)\n";
    return 1;
  }
  const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
  std::vector<MatchResult> results;
  try {
    Store store(data_dir, Store::Mode::Reader);
    results = match_listings(store, profile, now);
  } catch (const sql::SqliteError& e) {
    std::cerr << "workforce-kiosk: cannot read the cache: " << e.what() << '\n';
    return 1;
  }
  const bool spanish = tr.language() == Language::Es;
  const auto sentences = [&](const std::vector<MatchNote>& notes) {
    std::vector<std::string> out;
    for (const auto& n : notes) out.push_back(describe(tr, n));
    return out;
  };
  if (options.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : results) {
      list.push_back({{"id", r.id},
                      {"kind", kind_key(r.kind)},
                      {"title", r.title.in(spanish)},
                      {"score", r.score},
                      {"reasons", sentences(r.reasons)},
                      {"gaps", sentences(r.gaps)}});
    }
    std::cout << nlohmann::json{{"results", list}}.dump() << '\n';
    return 0;
  }
  std::cout << results.size() << " matches\n";
  for (std::size_t i = 0; i < results.size(); ++i) {
    const MatchResult& r = results[i];
    std::cout << i + 1 << ". " << r.title.in(spanish);
    if (!r.org.empty()) std::cout << " — " << r.org;
    std::cout << "  [" << kind_key(r.kind) << " " << r.id << ", " << r.score << "]\n";
    for (const auto& s : sentences(r.reasons)) std::cout << "     + " << s << '\n';
    for (const auto& s : sentences(r.gaps)) std::cout << "     - " << s << '\n';
  }
  return 0;
}

}  // namespace kiosk

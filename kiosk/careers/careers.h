// The careers a resident can explore (assets/careers/careers.json, checked by
// tools/careers/check_careers.py): industries, five careers each, and for every career what the
// work is, how to get in, key skills and a pathway of steps, in English and Spanish, with its
// O*NET-SOC code. Read once at start-up and checked with bounds; a broken file leaves the kiosk
// running and the careers screen saying so.
//
// Counting what this kiosk holds for a career: its jobs by the career's own occupation code, its
// training by the codes of the career and of its pathway's steps (the training that leads along
// the path); when no listing carries those codes, by the industry and the career's title words
// in the resident's language instead (feeds that give no codes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/i18n/language.h"
#include "kiosk/model/model.h"
#include "kiosk/search/related.h"

namespace kiosk::careers {

// What the loader accepts: far more than the shipped file needs, far less than would hurt.
inline constexpr std::size_t kMaxFileBytes = 1 << 20;
inline constexpr std::size_t kMaxTextBytes = 2000;
inline constexpr std::size_t kMaxIndustries = 8;
inline constexpr std::size_t kMaxCareers = 8;  // per industry
inline constexpr std::size_t kMaxSkills = 10;
inline constexpr std::size_t kMinSteps = 2;
inline constexpr std::size_t kMaxSteps = 6;

struct Text {
  std::string en, es;
  // The text in `language` (the pseudo-locale reads English).
  const std::string& in(Language language) const { return language == Language::Es ? es : en; }
};

struct Step {
  std::string code;  // O*NET-SOC, or empty
  Text role;         // the job at this step
  Text how;          // what takes a person there (the first step: how to start)
};

struct Career {
  std::string code;        // O*NET-SOC: "29-1141.00"
  std::string onet_title;  // O*NET's title for the code, in English
  Text title, work, entry;
  std::vector<Text> skills;
  std::vector<Step> pathway;
  Text match_words;  // title words that find its listings when they carry no code
};

struct IndustryCareers {
  Industry industry = Industry::Unknown;
  Text name, summary, growth, skills, bilingual, hard_to_enter;
  std::vector<Career> careers;
};

struct Catalog {
  Text credit;  // the O*NET attribution, shown on every career page
  std::vector<IndustryCareers> industries;
};

// A catalog, or the sentence that says what is wrong (where, and what): "industries[2].careers
// [1].title: the es text is missing".
struct Loaded {
  std::optional<Catalog> catalog;
  std::string error;
};

Loaded parse(std::string_view json);
Loaded load(const std::filesystem::path& file);

// <resource_dir>/assets/careers/careers.json, the way locales and the crosswalk are found.
std::filesystem::path shipped_file();

// The occupation codes a career's training is counted by: its own, then its steps', no repeats.
std::vector<std::string> training_codes(const Career& career);

// What to count for a career: by occupation (jobs: its code; programs: training_codes()), with
// the fallback by industry and match words. `limit` is the page the answer brings (1 is enough
// to count: the total comes anyway).
RelatedQuery jobs_query(const Career& career, Industry industry, Language language,
                        std::int64_t now, int limit = 1);
RelatedQuery programs_query(const Career& career, Industry industry, Language language,
                            std::int64_t now, int limit = 1);

// What a count found, for the button that opens the list: how many and which query found them
// (the occupation query, or its fallback by industry and words).
struct Count {
  std::int64_t total = 0;
  bool capped = false;  // "more than total"
  SearchQuery found_by;
  bool by_words = false;  // found by industry and title words (the list then shows the words)
};

// Runs a career query the way the ListingsReader's related() does and says which query found.
Count count_of(const RelatedQuery& query, const RelatedListings& found);

}  // namespace kiosk::careers

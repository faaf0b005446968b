// Jobs and training point at each other: a job's page offers "Training for this job" and a
// program's page "Jobs this leads to". Listings are joined by occupation where both sides carry
// a code (a job's SOC/O*NET-SOC code; a program's own codes and, through the SOC 2018 ↔ CIP 2020
// crosswalk, those of its CIP codes), and by industry otherwise, so the screen can say which:
// "Training for this job" or "Training in health care".
#pragma once

#include <cstdint>
#include <optional>

#include "kiosk/i18n/language.h"
#include "kiosk/model/model.h"
#include "kiosk/model/occupations.h"
#include "kiosk/store/store.h"

namespace kiosk {

enum class RelatedBy {
  Nothing,     // neither an occupation code nor an industry: there is nothing to look for
  Occupation,  // the same occupation
  Industry,    // the same industry
};

struct RelatedQuery {
  SearchQuery query;  // run this first
  RelatedBy by = RelatedBy::Nothing;
  // By industry, when `query` goes by occupation and the listing has an industry: for when the
  // occupation finds nothing.
  std::optional<SearchQuery> fallback;
};

// Programs for a job: by its occupation code when it has one, else by its industry.
RelatedQuery training_for(const Job& job, Language language, std::int64_t now, int limit);
// Jobs for a program: by the occupations it leads to when it names any (its own codes, its CIP
// codes through `crosswalk`), else by its industry.
RelatedQuery jobs_for(const Program& program, Language language, std::int64_t now, int limit,
                      const occupations::Crosswalk& crosswalk = occupations::shipped_crosswalk());

struct RelatedListings {
  SearchResult result;
  RelatedBy by = RelatedBy::Nothing;  // what the listings shown have in common
  std::optional<Industry> industry;   // when by industry
};

// Runs the query, and its fallback when it finds nothing.
RelatedListings find_related(Store& store, const RelatedQuery& related);

}  // namespace kiosk

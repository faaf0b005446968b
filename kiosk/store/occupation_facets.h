// Occupations as facet words in the search index, so "training for this job" and "jobs this
// leads to" are FTS5 look-ups like any other filter: SOC 29-1141 is the word "occ291141". A job
// carries its own code's word; a program the words of its own codes and of every SOC code its
// CIP codes lead to through the shipped crosswalk.
#pragma once

#include <string>
#include <vector>

#include "kiosk/model/model.h"

namespace kiosk {

// " occ291141" (a leading space, to follow the other facet words), or "" when there is none.
std::string occupation_facets(const Job& job);
std::string occupation_facets(const Program& program);

// The FTS5 condition "any of these occupations": (facets : occ291141 OR facets : occ292061).
// SOC and O*NET-SOC codes in any form; a list without one valid code matches nothing.
std::string occupation_match(const std::vector<std::string>& codes);

}  // namespace kiosk

// "What can you do?": a few taps about a resident (skills, fields, school, hours, paid training)
// turned into the jobs and training on this kiosk that fit them, each with its reasons and, for
// jobs just out of reach, what is missing and what on this kiosk closes it. Offline and
// deterministic: the same taps give the same answers. Reads the listings through Store only.
//
// How it works, so every answer can be explained:
// - Candidates come from the search index, never from reading every row: for each chosen skill
//   the newest listings whose title, description or skills hold one of its phrases (both
//   languages, kiosk/match/skills.h), the newest holding two chosen skills at once, the newest
//   of each chosen field, and those whose occupation code is one where a chosen skill is core.
//   At most a few hundred jobs and programs; each is then read and scored here.
// - A listing shows a skill when one of the skill's phrases is among its words (folded: case
//   and accents aside; the last word may be plural), or when its occupation (a job's code; a
//   program's codes and those its CIP codes lead to, kiosk/model/occupations.h) is one of the
//   skill's core occupations.
// - Score, in [0, 1]: the parts the resident answered, weighted and averaged —
//     skills 0.6: the skills shown / the fewer of 3 and the skills chosen (at most 1); a program
//                 that gives a certificate matched jobs ask for counts at least 0.5
//     field  0.2: 1 when the listing is in a field chosen
//     hours  0.1: jobs only: 1 when it offers the hours asked (full-time, part-time)
//     paid   0.1: programs only, when paid training was asked: 1 when paid while learning
//   then 0.15 less for each gap (at most two): a credential the posting asks for that was not
//   tapped, or schooling asked above what the resident finished. Scores are kept to 3 decimals.
// - Only listings with a skill shown, in a field chosen, or (programs) closing a gap appear.
//   Ranked by score, then jobs before programs, then id; up to a third of the places are kept
//   for programs, so training shows beside jobs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/i18n/i18n.h"
#include "kiosk/model/model.h"
#include "kiosk/model/occupations.h"
#include "kiosk/store/store.h"

namespace kiosk {

enum class HoursWanted { Any, FullTime, PartTime };

// What the resident tapped. Lives for the session only (the screen wipes it at its end).
struct MatchProfile {
  std::vector<std::string> skills = {};      // skills() keys (kiosk/match/skills.h)
  std::vector<std::string> industries = {};  // kSignupIndustries keys (kiosk/signup/form.h)
  std::string education = {};                // a kEducationLevels key; empty: not said
  HoursWanted hours = HoursWanted::Any;
  bool paid_training = false;  // needs to be paid while learning

  bool empty() const;
  void clear();
};

// One sentence about a result, put into words in the resident's language by describe().
struct MatchNote {
  enum class Kind {
    Skills,           // "Matches 3 of your skills: Customer service, Cash register, Spanish"
    ProgramSkills,    // "Builds on your skills: Cooking"
    Field,            // "In a field you chose: Health care"
    Hours,            // "Part-time, as you asked"
    PaidTraining,     // "You get paid while you learn"
    Gives,            // a program: "Gets you: CNA certificate — 3 jobs on this kiosk ask for it"
    NeedsCredential,  // a gap: "Needs: CNA certificate — 2 programs on this kiosk"
    NeedsEducation,   // a gap: "Asks for: High school diploma or GED — 1 program on this kiosk"
  };
  Kind kind = Kind::Skills;
  std::vector<std::string> skills = {};  // skill keys, in the table's order (one for a credential)
  std::optional<Industry> industry = {};
  std::string education = {};  // NeedsEducation: the kEducationLevels key asked for
  HoursWanted hours = HoursWanted::Any;
  std::int64_t count = 0;  // programs that close the gap; Gives: the matched jobs asking for it

  bool operator==(const MatchNote&) const = default;
};

struct MatchResult {
  ListingKind kind = ListingKind::Job;
  std::int64_t key = 0;  // the cache row, to open its page
  std::string id;
  LocalText title;
  std::string org;  // employer or provider
  double score = 0;
  std::vector<MatchNote> reasons;
  std::vector<MatchNote> gaps;
};

// The best `limit` matches for the profile among the listings current at `now`.
std::vector<MatchResult> match_listings(
    Store& store, const MatchProfile& profile, std::int64_t now, std::size_t limit = 20,
    const occupations::Crosswalk& crosswalk = occupations::shipped_crosswalk());

// The note as a sentence in the translator's language.
std::string describe(Translator& tr, const MatchNote& note);

// The kEducationLevels key a posting's or a program's words ask for ("High school diploma or
// GED" → "high_school"); empty when they ask for none the resident could lack.
std::string education_asked(std::string_view text);

}  // namespace kiosk

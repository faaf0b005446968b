// One job, shown once. The same job often arrives twice: from the employer's applicant tracking
// system and from the state job bank, or from USAJOBS and CareerOneStop. After a sync, jobs of
// different feeds are the same job when
//   - they have the same apply link (scheme, "www.", the default port, a trailing slash, the
//     fragment and tracking parameters such as utm_*, ref or PostingChannelID set aside), when
//     that link leads to one job of its feed (not a careers page every job of the feed shares);
//   - or they have the same title and city and the same employer (folded: case, accents and
//     punctuation set aside; one employer's name may go on where the other's stops, as
//     "Veterans Health Administration" and "Veterans Health Administration, Department of
//     Veterans Affairs"), posted within kSameJobDays of each other (or one of them undated).
// Two jobs of one feed are never the same job: the feed says they are two. Of each group the
// richest record is shown (the longest description, then the most facts: pay, type, place,
// dates, education, occupation, link); the others are hidden behind it (listings.dup_of) and
// named on its page ("Also posted on"). Searches, counts and filters see each job once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "kiosk/model/model.h"

namespace kiosk {

inline constexpr std::int64_t kSameJobDays = 7;

// The apply link as compared; empty for no link or one that is not http(s).
std::string apply_link_key(std::string_view url);
// Title and first city, folded; empty without a title or an employer.
std::string same_job_key(const Job& job);
std::string same_job_key(std::string_view title_en, std::string_view title_es,
                         std::string_view employer, std::string_view first_city);
// The same employer, as above.
bool same_employer(std::string_view a, std::string_view b);
// How much the record says (the richer of two copies is shown).
std::int64_t job_richness(const Job& job, std::size_t description_bytes);

}  // namespace kiosk

// Bounds per record: what one listing may hold. Every parser's output passes through
// bound_records() before it reaches the cache (sync does it, whatever the format): text far
// longer than any real listing needs is cut at a word with "…", lists are shortened, codes and
// links that long are dropped (a cut link leads nowhere), and a record whose essential field is
// absurd (a title of 100 KB, an id of megabytes) is skipped with a reason the technician sees.
// Cut text stays valid UTF-8: a cut never falls inside a character.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/feeds/html_text.h"
#include "kiosk/model/model.h"

namespace kiosk::feeds {

// The longest raw value a reader keeps before parsing (a JSON string: json_cut.h; a CSV field):
// twice what the HTML reader looks at, far more than any field keeps after bound_records, so a
// 40 MB value costs a sync no more memory than a 1 MB one and shows the same.
inline constexpr std::size_t kMaxRawValueBytes = std::size_t{1} << 20;

// Longer than these, a record is skipped: no real listing comes close.
inline constexpr std::size_t kMaxIdBytes = 2048;     // ids are matched whole, so never cut
inline constexpr std::size_t kMaxTitleChars = 1000;  // a title, name or question
// Longer than these, text is cut at a word with "…" (bytes of UTF-8).
inline constexpr std::size_t kTitleBytes = 300;       // what a result card can show in full
inline constexpr std::size_t kOrgBytes = 200;         // employer, provider, organizer
inline constexpr std::size_t kShortTextBytes = 2000;  // education, schedule, eligibility, hours…
inline constexpr std::size_t kPlaceBytes = 200;       // each part of an address
inline constexpr std::size_t kSkillBytes = 100;       // one skill
inline constexpr std::size_t kLinkLabelBytes = 80;    // an FAQ answer's button ("See …")
inline constexpr std::size_t kLineBytes =
    std::size_t{16} * 1024;  // one paragraph, heading or bullet
// The whole description of one language: kMaxDescriptionBytes (html_text.h), at most this many
// lines in all.
inline constexpr std::size_t kMaxDescriptionLines = 2000;
// Longer than these, the value is dropped: a code or link cut short is wrong, not shorter.
inline constexpr std::size_t kCodeBytes = 64;   // occupation code, language, type, phone…
inline constexpr std::size_t kUrlBytes = 2048;  // links (a QR code holds little more)
// Lists: the rest is dropped.
inline constexpr std::size_t kMaxSkills = 100;
inline constexpr std::size_t kMaxPlaces = 50;

// Records skipped by bound_records, by reason ("title longer than 1,000 characters").
struct SkippedRecords {
  std::map<std::string, std::int64_t> by_reason;

  std::int64_t count() const;
  // One line per reason: "3 records skipped: title longer than 1,000 characters".
  std::vector<std::string> summary() const;
};

// Applies the bounds to every record of `feed`: cuts what is too long, removes the records
// whose essential fields are absurd and counts them in `skipped`.
void bound_records(ParsedFeed& feed, SkippedRecords& skipped);

// `text` cut to at most `max_bytes` bytes: at the last space near the limit when there is one,
// never inside a UTF-8 character, ending with "…". Unchanged when it fits.
std::string cut_at_word(std::string_view text, std::size_t max_bytes);

// "1,000": a count as a technician reads it.
std::string with_commas(std::int64_t n);

}  // namespace kiosk::feeds

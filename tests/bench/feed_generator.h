// Synthetic, deterministic schema.org JobPosting feeds for search and parsing benchmarks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::bench {

// One JSON-LD document {"@context":"https://schema.org","@graph":[...]} holding `count`
// JobPosting objects: Miami-Dade jobs across six industries, ~20% in Spanish, with salaries,
// locations, skills and HTML or plain-text descriptions. The same (count, seed) always yields the
// same bytes, and job n does not depend on count, so a smaller feed is a prefix of a larger one.
std::string generate_jobposting_feed(std::size_t count, std::uint32_t seed);

// The benchmarks' feed of `count` jobs (seed 20261121) written to `file` by a child process, so
// that the caller's peak RSS stays its own. False when it could not be written.
bool write_benchmark_feed(const std::filesystem::path& file, std::size_t count);

// A fixed mix of ~60 search queries: single words, phrases, short prefixes, Spanish with and
// without accents, all-caps, and a few that match nothing in a generated feed.
std::vector<std::string> benchmark_queries();

}  // namespace kiosk::bench

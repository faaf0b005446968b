// Invariants every feed parser keeps, shared by the fuzz targets: text a resident sees has no
// control bytes, bidi overrides or zero-width characters, descriptions hold no markup, links
// are web links.
#pragma once

#include <string>
#include <string_view>
#include <variant>

#include "kiosk/model/model.h"

namespace kiosk::fuzz {

// One line of clean text; empty is allowed for optional fields.
inline bool clean_line(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) return false;
    if (c == 0xE2 && i + 2 < s.size()) {
      const auto b1 = static_cast<unsigned char>(s[i + 1]);
      const auto b2 = static_cast<unsigned char>(s[i + 2]);
      if (b1 == 0x80 && ((b2 >= 0x8B && b2 <= 0x8F) || (b2 >= 0xAA && b2 <= 0xAE))) return false;
      if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return false;
    }
  }
  return true;
}

inline bool clean_blocks(const RichText& blocks) {
  for (const auto& block : blocks) {
    if (block.lines.empty()) return false;
    for (const auto& line : block.lines) {
      if (line.empty() || !clean_line(line)) return false;
      for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const char next = line[i + 1];
        if (line[i] == '<' && ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z'))) {
          return false;
        }
      }
    }
  }
  return true;
}

// Apply links are http(s) or nothing: a phone opens them from a QR code.
inline bool web_or_empty(std::string_view url) {
  std::string head(url.substr(0, 8));
  for (char& c : head) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return url.empty() || head.starts_with("http://") || head.starts_with("https://");
}

// Every job of a parsed feed keeps the invariants; traps otherwise.
inline void check_jobs(const ParsedFeed& feed) {
  if (feed.warnings.size() > 21) __builtin_trap();  // twenty, then one summary line
  for (const auto& job : feed.jobs) {
    if (job.id.empty() || job.title.empty()) __builtin_trap();  // such records are skipped
    if (!clean_line(job.id) || !clean_line(job.title.en) || !clean_line(job.title.es) ||
        !clean_line(job.employer) || !clean_line(job.language)) {
      __builtin_trap();
    }
    if (!clean_blocks(job.description.en) || !clean_blocks(job.description.es)) __builtin_trap();
    if (!web_or_empty(job.apply_url) || !clean_line(job.apply_url)) __builtin_trap();
    for (const auto& place : job.locations) {
      if (!clean_line(place.city) || !clean_line(place.region) || !clean_line(place.country) ||
          !clean_line(place.postal_code)) {
        __builtin_trap();
      }
    }
    if (job.pay.min && job.pay.max && *job.pay.min > *job.pay.max) __builtin_trap();
  }
}

// What a paged source says of its whole answer: counts are never negative, and an answer of
// counts only holds no records.
inline void check_paging(const ParsedFeed& feed) {
  if (feed.source_total && *feed.source_total < 0) __builtin_trap();
  if (feed.source_pages && *feed.source_pages < 0) __builtin_trap();
  if (feed.counts_only && feed.size() != 0) __builtin_trap();
}

// A job reader's answer: a refusal that says why, or jobs and paging that keep the invariants.
inline void check_job_result(const ParseResult& result) {
  if (const auto* error = std::get_if<ParseError>(&result)) {
    if (error->reason.empty()) __builtin_trap();
    return;
  }
  check_jobs(std::get<ParsedFeed>(result));
  check_paging(std::get<ParsedFeed>(result));
}

}  // namespace kiosk::fuzz

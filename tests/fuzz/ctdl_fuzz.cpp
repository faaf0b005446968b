// Fuzz target: the CTDL (Credential Engine JSON-LD) reader, and the crosswalk loader, which reads
// the same kind of untrusted bytes when a technician replaces the shipped file.
#include <cstdint>
#include <string_view>

#include "kiosk/feeds/ctdl.h"
#include "kiosk/model/occupations.h"
#include "tests/fuzz/feed_checks.h"

namespace {

using kiosk::fuzz::clean_blocks;
using kiosk::fuzz::clean_line;
using kiosk::fuzz::web_or_empty;

bool clean_local(const kiosk::LocalText& text) {
  return clean_line(text.en) && clean_line(text.es);
}

void check(const kiosk::Program& p) {
  if (p.name.empty() || p.id.empty()) __builtin_trap();  // such records are skipped
  if (!clean_local(p.name) || !clean_line(p.provider) || !clean_line(p.id) ||
      !clean_local(p.credential) || !clean_local(p.prerequisites) || !clean_line(p.language) ||
      !clean_line(p.url) || !web_or_empty(p.url)) {
    __builtin_trap();
  }
  if (!clean_blocks(p.description.en) || !clean_blocks(p.description.es)) __builtin_trap();
  if (p.prerequisites.en.size() > 1000 || p.prerequisites.es.size() > 1000) __builtin_trap();
  for (const auto& place : p.locations) {
    if (!clean_line(place.name) || !clean_line(place.street) || !clean_line(place.city) ||
        !clean_line(place.region) || !clean_line(place.postal_code) || !clean_line(place.country)) {
      __builtin_trap();
    }
  }
  // Codes are normalized or absent: CIP "NN.NNNN", SOC "NN-NNNN" or O*NET-SOC "NN-NNNN.NN".
  for (const auto& cip : p.cip_codes) {
    if (cip.size() != 7 || kiosk::occupations::cip_code(cip) != cip) __builtin_trap();
  }
  for (const auto& code : p.occupation_codes) {
    if (kiosk::occupations::onet_code(code) != code) __builtin_trap();
  }
  if (p.occupation_code != (p.occupation_codes.empty() ? "" : p.occupation_codes.front())) {
    __builtin_trap();
  }
  if (p.cost && !(*p.cost >= 0)) __builtin_trap();
  if (p.duration_weeks && (*p.duration_weeks < 1 || *p.duration_weeks > 520)) __builtin_trap();
  if (p.type == kiosk::ProgramType::Unknown) __builtin_trap();  // classroom by default
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  const auto result = kiosk::feeds::parse_ctdl(body, "https://example.org/ctdl.json");
  if (const auto* error = std::get_if<kiosk::ParseError>(&result)) {
    if (error->reason.empty()) __builtin_trap();  // a refusal always says why
  } else {
    const auto& feed = std::get<kiosk::ParsedFeed>(result);
    if (feed.warnings.size() > 21) __builtin_trap();  // twenty, then one summary line
    if (feed.programs.empty()) __builtin_trap();      // an empty feed is an error
    for (const auto& p : feed.programs) check(p);
  }
  const auto crosswalk = kiosk::occupations::Crosswalk::parse(body);
  for (const auto& soc : crosswalk.socs_for_cip("51.3801")) {
    if (kiosk::occupations::soc_code(soc) != soc) __builtin_trap();
  }
  return 0;
}

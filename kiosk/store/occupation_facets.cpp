#include "kiosk/store/occupation_facets.h"

#include <algorithm>

#include "kiosk/model/occupations.h"

namespace kiosk {
namespace {

constexpr std::size_t kMaxQueryCodes = 64;  // a query names a few occupations, not a taxonomy

// "29-1141" → "occ291141".
std::string word(const std::string& soc) {
  std::string w = "occ" + soc;
  w.erase(std::remove(w.begin(), w.end(), '-'), w.end());
  return w;
}

std::string words(const std::vector<std::string>& socs) {
  std::string out;
  for (const auto& soc : socs) out += " " + word(soc);
  return out;
}

}  // namespace

std::string occupation_facets(const Job& job) {
  const std::string soc = occupations::soc_code(job.occupation_code);
  return soc.empty() ? std::string() : words({soc});
}

std::string occupation_facets(const Program& program) {
  return words(occupations::program_socs(program, occupations::shipped_crosswalk()));
}

std::string occupation_match(const std::vector<std::string>& codes) {
  std::vector<std::string> socs;
  for (const auto& code : codes) {
    std::string soc = occupations::soc_code(code);
    if (socs.size() < kMaxQueryCodes && !soc.empty() &&
        std::find(socs.begin(), socs.end(), soc) == socs.end()) {
      socs.push_back(std::move(soc));
    }
  }
  if (socs.empty()) return "facets : occnone";
  std::string any;
  for (const auto& soc : socs) any += (any.empty() ? "" : " OR ") + ("facets : " + word(soc));
  return "(" + any + ")";
}

}  // namespace kiosk

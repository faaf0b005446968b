// Occupation and program codes, and the crosswalk that joins them. Jobs name an occupation with
// a SOC 2018 code ("29-1141") or an O*NET-SOC code ("29-1141.00"); training programs name what
// they teach with a CIP 2020 code ("51.3801"). The federal SOC 2018 ↔ CIP 2020 crosswalk, shipped
// as assets/crosswalk/soc_cip.tsv (made by tools/make_crosswalk.py), says which programs prepare
// for which occupations. Sync reads it when it indexes programs, the screens when they look for
// related listings.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/model/model.h"

namespace kiosk::occupations {

// One code as feeds write it → "29-1141" or, when the detail is given, "29-1141.01": "29-1141",
// "29-1141.00", "291141", "29114100", "SOC 29-1141". Empty when it is not a SOC code.
std::string onet_code(std::string_view code);
// The SOC 2018 code of an O*NET-SOC or SOC code: "29-1141.00" → "29-1141". Empty otherwise.
std::string soc_code(std::string_view code);
// Every SOC/O*NET-SOC code in a list ("29-1141.00, 29-2061; 31-1131"), in order, without
// repeats, at most `max`.
std::vector<std::string> onet_codes_in(std::string_view text, std::size_t max = 20);

// "51.3801", "513801" (a spreadsheet dropped the dot), "5.0201" (and the leading zero), "51.39"
// (and trailing zeros) → "51.3801", "05.0201", "51.3900". Empty when it is not a CIP code.
std::string cip_code(std::string_view raw);
// Every CIP code in a list ("51.3801; 51.3901"), in order, without repeats, at most `max`.
std::vector<std::string> cip_codes_in(std::string_view text, std::size_t max = 20);

class Crosswalk {
 public:
  // Lines "CIP<TAB>SOC"; '#' comments, blank lines and lines that hold no pair are skipped.
  static Crosswalk parse(std::string_view text);
  // The file read and parsed; empty (and `why` set, when given) when it cannot be read.
  static Crosswalk load(const std::filesystem::path& file, std::string* why = nullptr);

  // SOC codes ("29-1141") a program of this CIP code prepares for; any code form is accepted.
  std::vector<std::string> socs_for_cip(std::string_view cip) const;
  // CIP codes ("51.3801") of programs that prepare for this occupation (SOC or O*NET-SOC).
  std::vector<std::string> cips_for_soc(std::string_view soc) const;

  std::size_t size() const { return by_cip_.size(); }
  bool empty() const { return by_cip_.empty(); }

  using Pairs = std::vector<std::pair<std::string, std::string>>;

 private:
  Pairs by_cip_;  // (cip, soc), sorted
  Pairs by_soc_;  // (soc, cip), sorted
};

// SOC codes ("29-1141") a program leads to: those it names itself, then those the crosswalk
// gives for its CIP codes; in that order, without repeats, at most `max`.
std::vector<std::string> program_socs(const Program& program, const Crosswalk& crosswalk,
                                      std::size_t max = 64);

// The crosswalk the kiosk ships: <resource_dir>/assets/crosswalk/soc_cip.tsv, read once, on
// first use (from any thread). Empty, with a warning in the log, when the file is missing: then
// programs are joined to jobs by their own codes and by industry only.
const Crosswalk& shipped_crosswalk();
std::filesystem::path shipped_crosswalk_file();

}  // namespace kiosk::occupations

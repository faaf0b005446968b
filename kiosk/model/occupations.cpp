#include "kiosk/model/occupations.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>

#include "kiosk/base/log.h"
#include "kiosk/base/paths.h"

namespace kiosk::occupations {
namespace {

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) s.remove_suffix(1);
  return s;
}

// The tokens of a list of codes: separated by commas, semicolons, slashes, bars or spaces.
template <typename Normalize>
std::vector<std::string> codes_in(std::string_view text, std::size_t max, Normalize normalize) {
  std::vector<std::string> out;
  std::string token;
  const auto take = [&] {
    if (std::string code = normalize(token);
        !code.empty() && std::find(out.begin(), out.end(), code) == out.end()) {
      out.push_back(std::move(code));
    }
    token.clear();
  };
  for (const char c : text) {
    if (out.size() >= max) return out;
    if (c == ',' || c == ';' || c == '/' || c == '|' ||
        std::isspace(static_cast<unsigned char>(c)) != 0) {
      take();
    } else if (token.size() < 16) {
      token += c;
    }
  }
  if (out.size() < max) take();
  return out;
}

Crosswalk::Pairs sorted(Crosswalk::Pairs pairs) {
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  return pairs;
}

std::vector<std::string> seconds_of(const std::vector<std::pair<std::string, std::string>>& pairs,
                                    const std::string& first) {
  std::vector<std::string> out;
  if (first.empty()) return out;
  auto it = std::lower_bound(pairs.begin(), pairs.end(), std::make_pair(first, std::string()));
  for (; it != pairs.end() && it->first == first; ++it) out.push_back(it->second);
  return out;
}

}  // namespace

std::string onet_code(std::string_view code) {
  std::string_view t = trim(code);
  if (t.size() > 4 && (t.starts_with("SOC ") || t.starts_with("soc "))) t = trim(t.substr(4));
  if (t.size() >= 7 && is_digits(t.substr(0, 2)) && t[2] == '-' && is_digits(t.substr(3, 4))) {
    if (t.size() > 7 && std::isdigit(static_cast<unsigned char>(t[7])) != 0) return {};
    if (t.size() >= 10 && t[7] == '.' && is_digits(t.substr(8, 2))) {
      return std::string(t.substr(0, 10));
    }
    return std::string(t.substr(0, 7));
  }
  if (t.size() == 6 && is_digits(t))
    return std::string(t.substr(0, 2)) + "-" + std::string(t.substr(2));
  if (t.size() == 8 && is_digits(t)) {
    return std::string(t.substr(0, 2)) + "-" + std::string(t.substr(2, 4)) + "." +
           std::string(t.substr(6));
  }
  return {};
}

std::string soc_code(std::string_view code) {
  return onet_code(code).substr(0, 7);
}

std::vector<std::string> onet_codes_in(std::string_view text, std::size_t max) {
  return codes_in(text, max, [](std::string_view t) { return onet_code(t); });
}

std::string cip_code(std::string_view raw) {
  const std::string_view t = trim(raw);
  std::string left;
  std::string right;
  const std::size_t dot = t.find('.');
  if (dot != std::string_view::npos) {
    left = std::string(t.substr(0, dot));
    right = std::string(t.substr(dot + 1));
    if (!is_digits(left) || left.size() > 2 || (!right.empty() && !is_digits(right)) ||
        right.size() > 4) {
      return {};
    }
    left.insert(0, 2 - left.size(), '0');
    right.append(4 - right.size(), '0');
  } else {
    if (!is_digits(t) || t.size() > 6) return {};
    std::string digits(t);
    digits.insert(0, 6 - digits.size(), '0');
    left = digits.substr(0, 2);
    right = digits.substr(2);
  }
  if (left == "00" && right == "0000") return {};
  return left + "." + right;
}

std::vector<std::string> cip_codes_in(std::string_view text, std::size_t max) {
  return codes_in(text, max, [](std::string_view t) { return cip_code(t); });
}

Crosswalk Crosswalk::parse(std::string_view text) {
  Pairs by_cip;
  Pairs by_soc;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = trim(text.substr(start, end - start));
    start = end + 1;
    if (line.empty() || line.front() == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    std::string cip = cip_code(line.substr(0, tab));
    std::string soc = soc_code(line.substr(tab + 1));
    if (cip.empty() || soc.empty()) continue;
    by_cip.emplace_back(cip, soc);
    by_soc.emplace_back(std::move(soc), std::move(cip));
  }
  Crosswalk out;
  out.by_cip_ = sorted(std::move(by_cip));
  out.by_soc_ = sorted(std::move(by_soc));
  return out;
}

Crosswalk Crosswalk::load(const std::filesystem::path& file, std::string* why) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    if (why != nullptr) *why = "cannot read " + file.string();
    return {};
  }
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Crosswalk out = parse(text);
  if (out.empty() && why != nullptr) *why = file.string() + " holds no CIP/SOC pairs";
  return out;
}

std::vector<std::string> Crosswalk::socs_for_cip(std::string_view cip) const {
  return seconds_of(by_cip_, cip_code(cip));
}

std::vector<std::string> Crosswalk::cips_for_soc(std::string_view soc) const {
  return seconds_of(by_soc_, soc_code(soc));
}

std::vector<std::string> program_socs(const Program& program, const Crosswalk& crosswalk,
                                      std::size_t max) {
  std::vector<std::string> out;
  const auto add = [&](std::string soc) {
    if (out.size() < max && !soc.empty() && std::find(out.begin(), out.end(), soc) == out.end()) {
      out.push_back(std::move(soc));
    }
  };
  add(soc_code(program.occupation_code));
  for (const auto& code : program.occupation_codes) add(soc_code(code));
  // The crosswalk joins most fields of study to the college teachers of that field too (51.3801
  // nursing → 25-1072 nursing instructors): a program's graduates are not headed there.
  for (const auto& cip : program.cip_codes) {
    for (auto& soc : crosswalk.socs_for_cip(cip)) {
      if (!soc.starts_with("25-1")) add(std::move(soc));
    }
  }
  return out;
}

std::filesystem::path shipped_crosswalk_file() {
  return paths::resource_dir() / "assets" / "crosswalk" / "soc_cip.tsv";
}

const Crosswalk& shipped_crosswalk() {
  // Read once, at first use; C++ makes the initialization thread-safe.
  static const Crosswalk kShipped = [] {
    std::string why;
    Crosswalk loaded = Crosswalk::load(shipped_crosswalk_file(), &why);
    if (loaded.empty()) {
      log::warn("occupation crosswalk not loaded (" + why +
                "): programs are joined to jobs by their own codes and industry only");
    }
    return loaded;
  }();
  return kShipped;
}

}  // namespace kiosk::occupations

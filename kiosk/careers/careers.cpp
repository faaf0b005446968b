#include "kiosk/careers/careers.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <utility>

#include <nlohmann/json.hpp>

#include "kiosk/base/paths.h"
#include "kiosk/base/utf8.h"
#include "kiosk/model/enums.h"
#include "kiosk/model/occupations.h"

namespace kiosk::careers {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxTitleBytes = 300;  // an O*NET title is under 150

// The first problem found, with where it is; thrown inside the reader, caught by parse().
struct Problem : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Reads the JSON tree, each field checked where it is read; `where` names the place for errors.
class Reader {
 public:
  Catalog catalog(const json& root) {
    if (!root.is_object()) fail("careers", "the file should hold one JSON object");
    // A whole number only: json::value<int>() of a number like 1e300 is undefined behaviour
    // (careers_fuzz found it), and 1.5 would have read as 1.
    const auto version = root.find("version");
    if (version == root.end() || !version->is_number_integer() ||
        version->get<std::int64_t>() != 1) {
      fail("version", "should be 1");
    }
    Catalog out;
    out.credit = text(root, "credit", "credit");
    const json& industries = field(root, "industries", "industries");
    if (!industries.is_array() || industries.empty() || industries.size() > kMaxIndustries) {
      fail("industries", "should list 1 to " + std::to_string(kMaxIndustries) + " industries");
    }
    for (std::size_t i = 0; i < industries.size(); ++i) {
      out.industries.push_back(industry(industries[i], "industries[" + std::to_string(i) + "]"));
      const Industry added = out.industries.back().industry;
      if (std::count_if(out.industries.begin(), out.industries.end(),
                        [&](const IndustryCareers& x) { return x.industry == added; }) > 1) {
        fail("industries[" + std::to_string(i) + "].key", "this industry is listed twice");
      }
    }
    return out;
  }

 private:
  [[noreturn]] static void fail(const std::string& where, const std::string& what) {
    throw Problem(where + ": " + what);
  }

  static const json& field(const json& object, const char* name, const std::string& where) {
    if (!object.is_object() || !object.contains(name)) fail(where, "is missing");
    return object.at(name);
  }

  static std::string string(const json& value, const std::string& where, std::size_t max) {
    if (!value.is_string()) fail(where, "should be text");
    std::string s = value.get<std::string>();
    if (s.empty()) fail(where, "is empty");
    if (s.size() > max) fail(where, "is longer than " + std::to_string(max) + " bytes");
    if (!utf8::valid(s)) fail(where, "is not valid UTF-8");
    return s;
  }

  static Text text(const json& object, const char* name, const std::string& parent) {
    const std::string where = parent + "." + name;
    const json& value = field(object, name, where);
    if (!value.is_object()) fail(where, "should be an object with \"en\" and \"es\"");
    Text out;
    for (const char* lang : {"en", "es"}) {
      if (!value.contains(lang)) fail(where, std::string("the ") + lang + " text is missing");
      std::string s = string(value.at(lang), where + "." + lang, kMaxTextBytes);
      (std::string_view(lang) == "en" ? out.en : out.es) = std::move(s);
    }
    return out;
  }

  static std::string code(const json& value, const std::string& where) {
    const std::string s = value.is_string() ? value.get<std::string>() : std::string();
    // "29-1141.00": the only form the file uses, so the checker and the kiosk agree.
    const bool ok =
        s.size() == 10 && s[2] == '-' && s[7] == '.' &&
        std::all_of(s.begin(), s.end(),
                    [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == '.'; }) &&
        !occupations::soc_code(s).empty();
    if (!ok) fail(where, "should be an O*NET-SOC code like 29-1141.00");
    return s;
  }

  static IndustryCareers industry(const json& value, const std::string& where) {
    if (!value.is_object()) fail(where, "should be an object");
    IndustryCareers out;
    const std::string key = string(field(value, "key", where + ".key"), where + ".key", 40);
    const auto industry = from_key<Industry>(key);
    if (!industry || *industry == Industry::Other) {
      fail(where + ".key", "\"" + key + "\" is not one of the kiosk's industries");
    }
    out.industry = *industry;
    out.name = text(value, "name", where);
    out.summary = text(value, "summary", where);
    out.growth = text(value, "growth", where);
    out.skills = text(value, "skills", where);
    out.bilingual = text(value, "bilingual", where);
    out.hard_to_enter = text(value, "hard_to_enter", where);
    const json& careers = field(value, "careers", where + ".careers");
    if (!careers.is_array() || careers.empty() || careers.size() > kMaxCareers) {
      fail(where + ".careers", "should list 1 to " + std::to_string(kMaxCareers) + " careers");
    }
    for (std::size_t i = 0; i < careers.size(); ++i) {
      out.careers.push_back(career(careers[i], where + ".careers[" + std::to_string(i) + "]"));
    }
    return out;
  }

  static Career career(const json& value, const std::string& where) {
    if (!value.is_object()) fail(where, "should be an object");
    Career out;
    out.code = code(field(value, "code", where + ".code"), where + ".code");
    out.onet_title = string(field(value, "onet_title", where + ".onet_title"),
                            where + ".onet_title", kMaxTitleBytes);
    out.title = text(value, "title", where);
    out.work = text(value, "work", where);
    out.entry = text(value, "entry", where);
    out.match_words = text(value, "match_words", where);
    out.skills = skills(field(value, "skills", where + ".skills"), where + ".skills");
    const json& steps = field(value, "pathway", where + ".pathway");
    if (!steps.is_array() || steps.size() < kMinSteps || steps.size() > kMaxSteps) {
      fail(where + ".pathway", "should hold " + std::to_string(kMinSteps) + " to " +
                                   std::to_string(kMaxSteps) + " steps");
    }
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const std::string at = where + ".pathway[" + std::to_string(i) + "]";
      if (!steps[i].is_object()) fail(at, "should be an object");
      Step step;
      if (steps[i].contains("code")) step.code = code(steps[i].at("code"), at + ".code");
      step.role = text(steps[i], "role", at);
      step.how = text(steps[i], "how", at);
      out.pathway.push_back(std::move(step));
    }
    return out;
  }

  // {"en": [...], "es": [...]}: the same number of skills in both languages.
  static std::vector<Text> skills(const json& value, const std::string& where) {
    if (!value.is_object()) fail(where, "should be an object with \"en\" and \"es\" lists");
    const auto list = [&](const char* lang) -> const json& {
      const json& l = field(value, lang, where + "." + lang);
      if (!l.is_array() || l.empty() || l.size() > kMaxSkills) {
        fail(where + "." + lang, "should list 1 to " + std::to_string(kMaxSkills) + " skills");
      }
      return l;
    };
    const json& en = list("en");
    const json& es = list("es");
    if (en.size() != es.size()) fail(where, "English and Spanish lists differ in length");
    std::vector<Text> out;
    for (std::size_t i = 0; i < en.size(); ++i) {
      const std::string at = where + "[" + std::to_string(i) + "]";
      out.push_back(
          {string(en[i], at + ".en", kMaxTextBytes), string(es[i], at + ".es", kMaxTextBytes)});
    }
    return out;
  }
};

RelatedQuery career_query(ListingKind kind, std::vector<std::string> codes, const Career& career,
                          Industry industry, Language language, std::int64_t now, int limit) {
  RelatedQuery out;
  out.query.kind = kind;
  out.query.language = language;
  out.query.now = now;
  out.query.limit = limit;
  SearchQuery by_words = out.query;
  by_words.industry = industry;
  by_words.text = career.match_words.in(language);
  out.query.occupations = std::move(codes);
  out.by = RelatedBy::Occupation;
  out.fallback = std::move(by_words);
  return out;
}

}  // namespace

Loaded parse(std::string_view text) {
  Loaded out;
  const json root = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) {
    out.error = "the careers file is not valid JSON";
    return out;
  }
  try {
    out.catalog = Reader().catalog(root);
  } catch (const Problem& e) {
    out.error = e.what();
  } catch (const json::exception& e) {
    out.error = std::string("unexpected content: ") + e.what();
  }
  return out;
}

Loaded load(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return {std::nullopt, "cannot read " + file.string()};
  std::string text;
  text.resize(kMaxFileBytes + 1);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > kMaxFileBytes) {
    return {std::nullopt,
            file.string() + " is larger than " + std::to_string(kMaxFileBytes / 1024) + " KB"};
  }
  Loaded out = parse(text);
  if (!out.catalog) out.error = file.string() + ": " + out.error;
  return out;
}

std::filesystem::path shipped_file() {
  return paths::resource_dir() / "assets" / "careers" / "careers.json";
}

std::vector<std::string> training_codes(const Career& career) {
  std::vector<std::string> out{career.code};
  for (const Step& step : career.pathway) {
    if (!step.code.empty() && std::find(out.begin(), out.end(), step.code) == out.end()) {
      out.push_back(step.code);
    }
  }
  return out;
}

RelatedQuery jobs_query(const Career& career, Industry industry, Language language,
                        std::int64_t now, int limit) {
  return career_query(ListingKind::Job, {career.code}, career, industry, language, now, limit);
}

RelatedQuery programs_query(const Career& career, Industry industry, Language language,
                            std::int64_t now, int limit) {
  return career_query(ListingKind::Program, training_codes(career), career, industry, language, now,
                      limit);
}

Count count_of(const RelatedQuery& query, const RelatedListings& found) {
  Count out;
  out.total = found.result.total;
  out.capped = found.result.total_capped;
  // find_related() ran the fallback when the occupation query found nothing.
  out.by_words = found.by == RelatedBy::Industry && query.by == RelatedBy::Occupation &&
                 query.fallback.has_value();
  out.found_by = out.by_words ? *query.fallback : query.query;
  return out;
}

}  // namespace kiosk::careers

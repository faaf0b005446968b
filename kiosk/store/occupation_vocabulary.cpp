#include "kiosk/store/occupation_vocabulary.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "kiosk/base/paths.h"
#include "kiosk/base/utf8.h"
#include "kiosk/feeds/normalize.h"
#include "kiosk/model/occupations.h"
#include "kiosk/store/word_forms.h"

namespace kiosk {
namespace {

std::string hash_of(std::string_view bytes) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (const char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  char out[48];
  std::snprintf(out, sizeof out, "%016llx-%zx", static_cast<unsigned long long>(h), bytes.size());
  return out;
}

// "29-1141.00" only: the file is generated, and a code in another form is a damaged entry.
bool is_onet_code(std::string_view code) {
  if (code.size() != 10 || code[2] != '-' || code[7] != '.') return false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (i == 2 || i == 7) continue;
    if (code[i] < '0' || code[i] > '9') return false;
  }
  return true;
}

std::vector<std::string> phrases_of(const nlohmann::json& object, const char* language) {
  std::vector<std::string> out;
  if (!object.is_object()) return out;
  const auto it = object.find(language);
  if (it == object.end() || !it->is_array()) return out;
  for (const auto& item : *it) {
    if (out.size() >= OccupationVocabulary::kMaxPhrases) break;
    if (!item.is_string()) continue;
    std::string phrase(feeds::trim(item.get_ref<const std::string&>()));
    if (phrase.empty() || phrase.size() > OccupationVocabulary::kMaxPhraseBytes) continue;
    out.push_back(std::move(phrase));
  }
  return out;
}

std::string text_of(const nlohmann::json& object, const char* language) {
  if (!object.is_object()) return {};
  const auto it = object.find(language);
  if (it == object.end() || !it->is_string()) return {};
  const std::string_view text = feeds::trim(it->get_ref<const std::string&>());
  return std::string(text.substr(0, utf8::cut(text, OccupationVocabulary::kMaxPhraseBytes)));
}

}  // namespace

std::size_t OccupationVocabulary::phrases() const {
  std::size_t n = 0;
  for (const auto& o : occupations) {
    n += o.search_en.size() + o.search_es.size() + o.titles_en.size() + o.titles_es.size();
  }
  return n;
}

std::optional<OccupationVocabulary> OccupationVocabulary::parse(std::string_view text,
                                                                std::string* why) {
  const auto fail = [&](std::string reason) -> std::optional<OccupationVocabulary> {
    if (why != nullptr) *why = std::move(reason);
    return std::nullopt;
  };
  if (text.size() > kMaxBytes) return fail("the vocabulary is larger than 16 MB");
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return fail("the vocabulary is not a JSON object");
  const auto format = j.find("format");
  if (format == j.end() || !format->is_number_integer() || format->get<std::int64_t>() != 1) {
    return fail("the vocabulary is not format 1");
  }
  const auto list = j.find("occupations");
  if (list == j.end() || !list->is_array()) return fail("the vocabulary has no occupations");
  if (list->size() > kMaxOccupations) return fail("the vocabulary has too many occupations");
  OccupationVocabulary v;
  v.version = hash_of(text);
  for (const auto& item : *list) {
    if (!item.is_object()) continue;
    const auto code = item.find("code");
    if (code == item.end() || !code->is_string() || !is_onet_code(code->get<std::string>())) {
      continue;
    }
    VocabularyOccupation o;
    o.code = code->get<std::string>();
    const auto name = item.find("name");
    if (name != item.end()) o.name = LocalText{text_of(*name, "en"), text_of(*name, "es")};
    if (const auto zone = item.find("zone"); zone != item.end() && zone->is_number_integer()) {
      o.zone = std::clamp(zone->get<int>(), 0, 5);
    }
    if (const auto s = item.find("search"); s != item.end()) {
      o.search_en = phrases_of(*s, "en");
      o.search_es = phrases_of(*s, "es");
    }
    if (const auto t = item.find("titles"); t != item.end()) {
      o.titles_en = phrases_of(*t, "en");
      o.titles_es = phrases_of(*t, "es");
    }
    v.occupations.push_back(std::move(o));
  }
  if (v.occupations.empty()) return fail("the vocabulary has no valid occupation");
  return v;
}

std::optional<OccupationVocabulary> OccupationVocabulary::load(const std::filesystem::path& file,
                                                               std::string* why) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    if (why != nullptr) *why = "cannot read " + file.string();
    return std::nullopt;
  }
  std::string text;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxBytes) {
      if (why != nullptr) *why = file.string() + " is larger than 16 MB";
      return std::nullopt;
    }
  }
  return parse(text, why);
}

std::filesystem::path shipped_vocabulary_file() {
  return paths::resource_dir() / "assets" / "vocabulary" / "occupations.json";
}

std::string fold_phrase(std::string_view text, std::size_t max_words) {
  std::string out;
  for (const auto& word : split_words(text, max_words)) {
    std::string folded = fold_word(word);
    if (folded.empty()) continue;
    if (!out.empty()) out += ' ';
    out += folded;
  }
  return out;
}

std::vector<std::string> lookup_forms(std::string_view folded_word) {
  std::vector<std::string> forms = word_forms(folded_word);
  if (folded_word.size() > 3 && folded_word.ends_with('s') && !folded_word.ends_with("ss")) {
    std::string singular(folded_word.substr(0, folded_word.size() - 1));
    if (std::find(forms.begin(), forms.end(), singular) == forms.end()) {
      forms.push_back(std::move(singular));
    }
  }
  return forms;
}

OccupationTagger::OccupationTagger(const OccupationVocabulary& vocabulary) {
  codes_.reserve(vocabulary.occupations.size());
  const auto add = [&](const std::string& phrase, std::uint32_t occupation, std::uint8_t strength,
                       std::size_t position) {
    std::string key = fold_phrase(phrase, kMaxWords + 1);
    if (key.size() < 2 ||
        static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ')) >= kMaxWords) {
      return;
    }
    const Entry entry{occupation, strength,
                      static_cast<std::uint8_t>(std::min<std::size_t>(position, 255))};
    auto [it, added] = phrases_.try_emplace(std::move(key), entry);
    if (added) return;
    // Another occupation (or the other language's list) holds the phrase too: the stronger
    // naming keeps it, then the earlier place in its list; the first by code stays otherwise.
    const Entry& held = it->second;
    if (entry.strength > held.strength ||
        (entry.strength == held.strength && entry.position < held.position)) {
      it->second = entry;
    }
  };
  for (const auto& o : vocabulary.occupations) {
    const auto index = static_cast<std::uint32_t>(codes_.size());
    codes_.push_back(o.code);
    for (const auto* list : {&o.search_en, &o.search_es}) {
      for (std::size_t i = 0; i < list->size(); ++i) add((*list)[i], index, 2, i);
    }
    for (const auto* list : {&o.titles_en, &o.titles_es}) {
      for (std::size_t i = 0; i < list->size(); ++i) add((*list)[i], index, 1, i);
    }
  }
}

std::string OccupationTagger::tag(std::string_view title) const {
  const std::vector<std::string> words = split_words(title, 16);
  std::vector<std::string> folded;
  folded.reserve(words.size());
  for (const auto& w : words) folded.push_back(fold_word(w));
  // The longest span wins; among spans as long, the stronger naming, then the earlier span.
  const Entry* best = nullptr;
  std::size_t best_words = 0;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    std::string key;
    for (std::size_t n = 1; n <= kMaxWords && i + n <= folded.size(); ++n) {
      if (n > 1) key += ' ';
      key += folded[i + n - 1];
      // A span's words in other forms: "cocineros" is "cocinero" (the last word only).
      std::vector<std::string> forms{key};
      if (n == 1) {
        forms = lookup_forms(folded[i]);
      } else {
        const std::string head = key.substr(0, key.rfind(' ') + 1);
        forms.clear();
        for (const auto& f : lookup_forms(folded[i + n - 1])) forms.push_back(head + f);
      }
      for (const auto& form : forms) {
        const auto it = phrases_.find(form);
        if (it == phrases_.end()) continue;
        if (n > best_words || (n == best_words && it->second.strength > best->strength)) {
          best = &it->second;
          best_words = n;
        }
        break;
      }
    }
  }
  return best == nullptr ? std::string() : codes_[best->occupation];
}

bool OccupationTagger::tag(Job& job) const {
  if (!job.occupation_code.empty() || phrases_.empty()) return false;
  for (const auto* title : {&job.title.en, &job.title.es}) {
    if (title->empty()) continue;
    if (std::string code = tag(*title); !code.empty()) {
      job.occupation_code = std::move(code);
      return true;
    }
  }
  return false;
}

}  // namespace kiosk

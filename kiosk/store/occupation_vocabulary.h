// The bilingual occupation vocabulary the kiosk ships (assets/vocabulary/occupations.json, made
// by tools/vocabulary/make_vocabulary.py from O*NET, ESCO and the project's own glossary of
// everyday Miami words). It does two things:
//
// - Search across languages. A sync loads it into the cache (Store::load_occupations); a search
//   looks the typed words up there and ORs in the matched occupations' `search` phrases, in both
//   languages: "enfermera" also finds "Registered Nurse". The index itself does not change, so a
//   new vocabulary needs no re-import (query-time synonyms, in FTS5's terms).
// - Tagging. A posting whose feed names no occupation is given one by its title at import
//   (OccupationTagger): "Cajero/a" → 41-2011.00. The tag feeds the careers pages' counts,
//   "Training for this job" and matching.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kiosk/model/model.h"

namespace kiosk {

struct VocabularyOccupation {
  std::string code;  // O*NET-SOC: "29-1141.00"
  LocalText name;    // everyday words: "registered nurse" / "enfermero/a registrado/a"
  int zone = 0;      // O*NET job zone, 1 (little preparation) to 5; 0 when unknown
  // Phrases a search adds when this occupation is matched, per language.
  std::vector<std::string> search_en, search_es;
  // Further phrases that name it (what a resident types, what a posting's title holds).
  std::vector<std::string> titles_en, titles_es;
};

struct OccupationVocabulary {
  std::string version;  // a hash of the file's bytes: the cache reloads it when this changes
  std::vector<VocabularyOccupation> occupations;

  bool empty() const { return occupations.empty(); }
  std::size_t phrases() const;

  // Bounds: a file beyond them is refused whole (it is ours, but a damaged copy must not cost
  // the kiosk its memory).
  static constexpr std::size_t kMaxBytes = std::size_t{16} << 20;
  static constexpr std::size_t kMaxOccupations = 5000;
  static constexpr std::size_t kMaxPhrases = 60;       // per occupation and language
  static constexpr std::size_t kMaxPhraseBytes = 120;  // longer phrases are left out

  // The JSON text; nullopt (and `why`) when it is not the vocabulary format. Entries with a
  // malformed code are left out; phrases are trimmed and bounded.
  static std::optional<OccupationVocabulary> parse(std::string_view text,
                                                   std::string* why = nullptr);
  static std::optional<OccupationVocabulary> load(const std::filesystem::path& file,
                                                  std::string* why = nullptr);
};

// <resource_dir>/assets/vocabulary/occupations.json
std::filesystem::path shipped_vocabulary_file();

// A phrase as the search index holds it: words folded (lower case, no accents) and joined by
// one space; at most `max_words` words. "Cajero/a" → "cajero a", "Técnico(a)" → "tecnico a".
std::string fold_phrase(std::string_view text, std::size_t max_words = 8);

// The forms a phrase's last word is looked up in: its Spanish gender and number forms
// (word_forms.h) and, for an English plural, the singular ("cashiers" → "cashier").
std::vector<std::string> lookup_forms(std::string_view folded_word);

// Titles → occupation codes, by the longest vocabulary phrase a title holds. Built by a sync
// for its run (a few MB), then dropped.
class OccupationTagger {
 public:
  explicit OccupationTagger(const OccupationVocabulary& vocabulary);

  // The code of the occupation whose phrase covers most of the title's words ("Licensed
  // Practical Nurse (LPN) – Nights" → 29-2061.00); empty when no phrase names one. Among
  // phrases as long, a `search` phrase wins over another title; a phrase that names several
  // occupations names the one that lists it first ("enfermero" is the first Spanish search
  // phrase of registered nurses, the second of practical nurses), then the first by code.
  std::string tag(std::string_view title) const;
  // Tags a job from its titles (English first) when its feed gave no occupation; true when it
  // did. The code the feed gave always stays.
  bool tag(Job& job) const;

  std::size_t size() const { return phrases_.size(); }

 private:
  struct Entry {
    std::uint32_t occupation = 0;  // index into codes_
    std::uint8_t strength = 0;     // 2 a search phrase, 1 another title
    std::uint8_t position = 0;     // in the occupation's list: earlier is more its own
  };
  static constexpr std::size_t kMaxWords = 5;
  std::vector<std::string> codes_;
  std::unordered_map<std::string, Entry> phrases_;
};

}  // namespace kiosk

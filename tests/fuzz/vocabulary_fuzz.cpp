// Fuzz target: the occupation vocabulary file (kiosk/store/occupation_vocabulary.h), damaged in
// any way. Parsing never crashes and keeps its bounds; whatever it accepts makes a tagger that
// tags any title without crashing, and only with a code it was given.
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "kiosk/store/occupation_vocabulary.h"

using kiosk::OccupationVocabulary;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto vocabulary = OccupationVocabulary::parse(text);
  if (!vocabulary) return 0;
  if (vocabulary->occupations.empty()) std::abort();
  if (vocabulary->occupations.size() > OccupationVocabulary::kMaxOccupations) std::abort();
  std::set<std::string> codes;
  for (const auto& o : vocabulary->occupations) {
    if (o.code.size() != 10) std::abort();
    codes.insert(o.code);
    for (const auto* list : {&o.search_en, &o.search_es, &o.titles_en, &o.titles_es}) {
      if (list->size() > OccupationVocabulary::kMaxPhrases) std::abort();
      for (const auto& p : *list) {
        if (p.empty() || p.size() > OccupationVocabulary::kMaxPhraseBytes) std::abort();
      }
    }
  }
  const kiosk::OccupationTagger tagger(*vocabulary);
  // The input's own bytes as a title, and each phrase it holds.
  const std::string code = tagger.tag(text.substr(0, 300));
  if (!code.empty() && !codes.contains(code)) std::abort();
  for (const auto& o : vocabulary->occupations) {
    for (const auto& p : o.search_en) {
      const std::string tagged = tagger.tag(p);
      if (!tagged.empty() && !codes.contains(tagged)) std::abort();
    }
  }
  return 0;
}

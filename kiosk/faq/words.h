// The word lists the FAQ ranking reads: one bilingual synonym table and the stop words of each
// language. Written for this project; every entry is lower case, accents allowed (they are
// folded before use).
#pragma once

#include <span>
#include <string_view>

namespace kiosk::faq {

// One concept in both languages: phrases separated by '|'. A phrase of several words matches
// those words in a row ("medio tiempo"); each word matches a typed word with the same stem in
// its own language, so plurals and verb forms come along ("pasantías", "trainings").
struct Synonyms {
  std::string_view en;
  std::string_view es;
};

std::span<const Synonyms> synonym_table();

// Words that say nothing about what is asked ("how", "the", "¿cómo", "una"), folded.
bool is_stop_word_en(std::string_view folded);
bool is_stop_word_es(std::string_view folded);

}  // namespace kiosk::faq

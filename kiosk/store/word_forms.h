// One word, every form a search treats as the same word. Spanish job titles come in both genders
// and numbers ("cocinero", "cocinera", "cocineros", "Cocinero(a)", "Cocinero/a"), so a resident
// who types one form finds the others. The rules look only at endings: an English word that
// happens to end like a Spanish one ("data", "java") gains a few forms that match nothing, or
// its Spanish cousin ("datos").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// The words of a text as a search sees them: runs of letters and digits, any byte >= 0x80
// belonging to a word (UTF-8 letters); at most `max` words.
std::vector<std::string> split_words(std::string_view text, std::size_t max = 8);

// A word as the index holds it (unicode61 with remove_diacritics 2): lower case, Latin accents
// and the tilde removed ("Técnico" → "tecnico", "Niño" → "nino"). Letters outside Latin-1 are
// kept as they are; punctuation outside ASCII (“ ” – ·) is dropped.
std::string fold_word(std::string_view word);

// The forms of a folded word that a search treats as the same word, the word itself first:
// "cocinera" → cocinera, cocinero, cocineras, cocineros; "promotora" → promotora, promotor,
// promotoras, promotores; "ayudante" → ayudante, ayudantes; "auxiliar" → auxiliar,
// auxiliares. At most kMaxForms; a stem shorter than three letters has no other forms ("pro").
inline constexpr std::size_t kMaxForms = 4;
std::vector<std::string> word_forms(std::string_view folded);

// The fewest prefixes that cover every form of a word being typed: "cocinera" → cocinera,
// cocinero (each prefix also finds the plural); "promotora" → promotor.
std::vector<std::string> prefix_forms(std::string_view folded);

// The FTS5 expression for one typed word: its forms quoted and ORed, each a prefix when
// `prefix` ("cocinera" → ("cocinera" OR "cocinero" OR …)). Quoting keeps FTS5 syntax out.
std::string fts_word_forms(std::string_view word, bool prefix);

// Damerau-Levenshtein distance (adjacent transpositions count one), bytes compared; gives up
// and returns limit + 1 as soon as the distance must exceed `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace kiosk

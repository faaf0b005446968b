#include "kiosk/store/word_forms.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace kiosk {
namespace {

// U+00C0 to U+00FF folded as unicode61 remove_diacritics 2 does: a letter's base, '?' for a
// letter kept (lower case), '-' for a sign (× ÷).
constexpr std::string_view kLatin1 =
    "aaaaaa?ceeeeiiii?nooooo-ouuuuy??"
    "aaaaaa?ceeeeiiii?nooooo-ouuuuy?y";

// A family of endings that make one word: a word ending in one of them (after a stem of three
// letters or more) stands for the stem with each of them.
struct Family {
  std::array<std::string_view, 4> endings;  // longest first where one ends another
};

constexpr std::array<Family, 3> kFamilies = {{
    {{"oras", "ores", "ora", "or"}},  // promotor(a): before o/a, which would take "ora"
    {{"istas", "ista", "", ""}},      // electricista: the same in both genders
    {{"os", "as", "o", "a"}},         // cocinero(a)
}};

bool ends_in_consonant_of_plural_es(std::string_view stem) {
  // auxiliar → auxiliares, chofer → choferes, profesional → profesionales, recepción → …es
  return !stem.empty() && std::string_view("lnrdj").find(stem.back()) != std::string_view::npos;
}

void add_unique(std::vector<std::string>& forms, std::string form) {
  if (std::find(forms.begin(), forms.end(), form) == forms.end()) forms.push_back(std::move(form));
}

}  // namespace

std::vector<std::string> split_words(std::string_view text, std::size_t max) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u) != 0) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  if (words.size() > max) words.resize(max);
  return words;
}

std::string fold_word(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (std::size_t i = 0; i < word.size();) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      if (std::isalnum(c) != 0) out += static_cast<char>(std::tolower(c));
      ++i;
      continue;
    }
    const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (len == 1 || i + len > word.size()) {  // a stray byte: not a letter
      ++i;
      continue;
    }
    char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (word[i + k] & 0x3F);
    if (cp >= 0xC0 && cp <= 0xFF) {
      const char base = kLatin1[cp - 0xC0];
      if (base == '?') {
        const char32_t lower = cp <= 0xDE ? cp + 0x20 : cp;  // æ, ð, þ, ß: two bytes, C3 xx
        out += static_cast<char>(0xC3);
        out += static_cast<char>(0x80 | (lower & 0x3F));
      } else if (base != '-') {
        out += base;
      }
    } else if (cp >= 0x100 && !(cp >= 0x2000 && cp <= 0x206F)) {
      out.append(word.substr(i, len));  // other letters; general punctuation is dropped
    }
    i += len;
  }
  return out;
}

std::vector<std::string> word_forms(std::string_view folded) {
  std::vector<std::string> forms = {std::string(folded)};
  constexpr std::size_t kMinStem = 3;
  for (const Family& family : kFamilies) {
    for (const std::string_view ending : family.endings) {
      if (ending.empty() || !folded.ends_with(ending)) continue;
      if (folded.size() < ending.size() + kMinStem) continue;
      const std::string_view stem = folded.substr(0, folded.size() - ending.size());
      for (const std::string_view e : family.endings) {
        if (!e.empty()) add_unique(forms, std::string(stem) + std::string(e));
      }
      return forms;
    }
  }
  // ayudante(s), auxiliar(es): a plural in -es.
  if (folded.ends_with("es") && folded.size() >= 2 + kMinStem) {
    const std::string_view stem = folded.substr(0, folded.size() - 2);
    add_unique(forms,
               ends_in_consonant_of_plural_es(stem) ? std::string(stem) : std::string(stem) + "e");
  } else if (folded.ends_with('e') && folded.size() >= 1 + kMinStem) {
    add_unique(forms, std::string(folded) + "s");
  } else if (folded.size() >= kMinStem && ends_in_consonant_of_plural_es(folded)) {
    add_unique(forms, std::string(folded) + "es");
  }
  return forms;
}

std::vector<std::string> prefix_forms(std::string_view folded) {
  // The typed word stays a prefix, as it always was. Another form that is shorter than it and
  // starts it ("cocinero" for "cocineros", "sal" for "sales") is taken whole: as a prefix it
  // would find far more ("salary"). Forms another prefix already finds are left out.
  std::vector<std::string> all;
  for (auto& form : word_forms(folded)) {
    const bool whole = form.size() < folded.size() && folded.starts_with(form);
    all.push_back(whole ? std::move(form) : std::move(form) + '*');
  }
  const auto bare = [](const std::string& f) {
    return std::string_view(f).substr(0, f.size() - (f.ends_with('*') ? 1 : 0));
  };
  std::vector<std::string> kept;
  for (const auto& form : all) {
    const bool covered = std::any_of(all.begin(), all.end(), [&](const std::string& p) {
      return p.ends_with('*') && bare(p).size() < bare(form).size() &&
             bare(form).starts_with(bare(p));
    });
    if (!covered) kept.push_back(form);
  }
  return kept;
}

std::string fts_word_forms(std::string_view word, bool prefix) {
  const std::string folded = fold_word(word);
  std::vector<std::string> forms;
  if (prefix) {
    forms = prefix_forms(folded);
  } else {
    forms = word_forms(folded);
  }
  if (forms.size() <= 1) {
    // Nothing to add: the word as typed (the tokenizer folds it the same way).
    return '"' + std::string(word) + '"' + (prefix ? "*" : "");
  }
  std::string out = "(";
  for (const auto& form : forms) {
    if (out.size() > 1) out += " OR ";
    if (form.ends_with('*')) {
      out += '"' + form.substr(0, form.size() - 1) + "\"*";
    } else {
      out += '"' + form + '"';
    }
  }
  return out + ')';
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  // Three rows of the optimal-string-alignment table.
  std::vector<std::size_t> before(m + 1);
  std::vector<std::size_t> previous(m + 1);
  std::vector<std::size_t> current(m + 1);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = i;
    std::size_t row_min = current[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d = std::min(d, before[j - 2] + 1);
      }
      current[j] = d;
      row_min = std::min(row_min, d);
    }
    if (row_min > limit) return limit + 1;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[m], limit + 1);
}

}  // namespace kiosk

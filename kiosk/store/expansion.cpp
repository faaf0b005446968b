// Search across languages: the occupation vocabulary in the cache, and the FTS5 text of a search
// with the phrases it adds (kiosk/store/occupation_vocabulary.h).
//
// Each run of typed words that names an occupation ("enfermera", "auxiliar de enfermeria")
// becomes a group: the words themselves, as before, OR the `search` phrases of up to three
// occupations it names, in both languages ("registered nurse", "licensed practical nurse"),
// in titles only: a posting that mentions nurses in its description is not a nursing job, and
// "SQL Server" among a database job's skills does not make it a waiter's. The typed words' phrases
// are numbered so that the ranking can put listings holding the resident's own words first
// (kiosk/store/rank.cpp).

#include <algorithm>

#include "kiosk/store/occupation_vocabulary.h"
#include "kiosk/store/store.h"
#include "kiosk/store/word_forms.h"

namespace kiosk {
namespace {

constexpr std::size_t kMaxSpanWords = 4;           // "auxiliar de enfermeria certificada"
constexpr std::size_t kMaxOccupationsPerSpan = 3;  // "enfermera": RN, LPN, …
constexpr std::size_t kMaxPhrasesPerSpan = 12;     // FTS5 phrases added for one group
constexpr std::size_t kMaxExpanded = 6;            // occupations named in "Also showing"
constexpr std::size_t kMinWord = 3;                // "rn", "de" name nothing on their own

// FTS5 phrases in an expression built from quoted words (no word holds a quote).
int phrases_in(std::string_view fts) {
  return static_cast<int>(std::count(fts.begin(), fts.end(), '"') / 2);
}

std::string join_words(const std::vector<std::string>& words, std::size_t from, std::size_t n) {
  std::string out;
  for (std::size_t k = from; k < from + n; ++k) out += (out.empty() ? "" : " ") + words[k];
  return out;
}

// The keys a span may be found under: its words, the last in each of its forms.
std::vector<std::string> span_keys(const std::vector<std::string>& folded, std::size_t from,
                                   std::size_t n) {
  const std::string head = n > 1 ? join_words(folded, from, n - 1) + " " : std::string();
  std::vector<std::string> keys;
  for (const auto& form : lookup_forms(folded[from + n - 1])) keys.push_back(head + form);
  return keys;
}

// `outer` holds `inner` as whole words, and is longer ("registered nurse" holds "nurse").
bool holds(const std::string& outer, const std::string& inner) {
  return outer.size() > inner.size() &&
         (" " + outer + " ").find(" " + inner + " ") != std::string::npos;
}

// Every word of `phrase` is one of the span's words, in one of its forms.
bool within(const std::string& phrase, const std::vector<std::string>& folded, std::size_t from,
            std::size_t n) {
  for (const auto& word : split_words(phrase, 8)) {
    bool found = false;
    for (std::size_t k = from; k < from + n && !found; ++k) {
      const auto forms = lookup_forms(folded[k]);
      found = std::find(forms.begin(), forms.end(), word) != forms.end();
    }
    if (!found) return false;
  }
  return true;
}

// `"registered nurse"`; `"cajero"`, `"cajera"`: the phrase, and a Spanish one with its last word
// in the other gender, whole words (a prefix would make "almacén" find "almacenamiento").
std::vector<std::string> phrase_queries(const std::string& folded_phrase, Language language) {
  const auto space = folded_phrase.rfind(' ');
  const std::string head =
      space == std::string::npos ? std::string() : folded_phrase.substr(0, space + 1);
  const std::string last =
      space == std::string::npos ? folded_phrase : folded_phrase.substr(space + 1);
  // Titles name one worker: the singular only ("registered nurse"; "nurses" is a word of
  // descriptions, and its doclist would be read whole for the title's sake). Spanish adds the
  // other gender ("cajero", "cajera").
  std::vector<std::string> forms{last};
  if (language == Language::Es) {
    for (auto& form : word_forms(last)) {
      if (forms.size() < 2 && form != last && !form.ends_with('s')) forms.push_back(form);
    }
  }
  std::vector<std::string> out;
  out.reserve(forms.size());
  for (const auto& form : forms) out.push_back('"' + head + form + '"');
  return out;
}

}  // namespace

std::string Store::occupations_version() {
  sql::Statement s(db_, "SELECT version FROM vocab_meta LIMIT 1");
  return s.step() ? s.text(0) : std::string();
}

bool Store::load_occupations(const OccupationVocabulary& vocabulary) {
  if (vocabulary.version.empty() || occupations_version() == vocabulary.version) return false;
  sql::Transaction tx(db_);
  db_.exec("DELETE FROM vocab_terms; DELETE FROM vocab_occupations; DELETE FROM vocab_meta;");
  sql::Statement occupation(
      db_,
      "INSERT OR IGNORE INTO vocab_occupations(code, name_en, name_es, search_en, search_es) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  sql::Statement term(db_,
                      "INSERT INTO vocab_terms(term, code, weight) VALUES (?1, ?2, ?3) "
                      "ON CONFLICT(term, code) DO UPDATE SET weight = max(weight, ?3)");
  for (const auto& o : vocabulary.occupations) {
    const auto lines = [](const std::vector<std::string>& phrases) {
      std::string out;
      for (const auto& p : phrases) out += (out.empty() ? "" : "\n") + fold_phrase(p);
      return out;
    };
    occupation.reset();
    occupation.bind(1, o.code).bind(2, o.name.en).bind(3, o.name.es);
    occupation.bind(4, lines(o.search_en)).bind(5, lines(o.search_es)).run();
    const auto add = [&](const std::vector<std::string>& phrases, std::int64_t weight) {
      for (const auto& p : phrases) {
        const std::string key = fold_phrase(p);
        if (key.size() < kMinWord) continue;
        term.reset();
        term.bind(1, key).bind(2, o.code).bind(3, weight).run();
      }
    };
    add(o.search_en, 2);
    add(o.search_es, 2);
    add(o.titles_en, 1);
    add(o.titles_es, 1);
  }
  sql::Statement version(db_, "INSERT INTO vocab_meta(version) VALUES (?1)");
  version.bind(1, vocabulary.version).run();
  tx.commit();
  return true;
}

Store::TextMatch Store::text_match(const SearchQuery& q) {
  TextMatch m;
  if (q.any_word) {
    m.fts = fts_any_word_query(q.text);
    return m;
  }
  const std::vector<std::string> words = split_words(q.text, 8);
  // Jobs and training name occupations; services, events and questions do not.
  const bool names_occupations = q.kind == ListingKind::Job || q.kind == ListingKind::Program;
  if (!q.expand || !names_occupations || words.empty() ||
      (words.size() == 1 && words[0].size() <= 2)) {
    m.fts = fts_query(q.text);
    return m;
  }
  std::vector<std::string> folded;
  folded.reserve(words.size());
  for (const auto& w : words) folded.push_back(fold_word(w));

  sql::Statement find_term(db_, "SELECT code, weight FROM vocab_terms WHERE term = ?1");
  sql::Statement find_occupation(
      db_, "SELECT name_en, name_es, search_en, search_es FROM vocab_occupations WHERE code = ?1");
  // The occupations a span names, the strongest naming first, then by code.
  const auto occupations_of = [&](const std::vector<std::string>& keys) {
    std::vector<std::pair<std::int64_t, std::string>> found;  // (-weight, code)
    for (const auto& key : keys) {
      find_term.reset();
      find_term.bind(1, key);
      while (find_term.step()) {
        std::string code = find_term.text(0);
        if (std::find(q.not_expanded.begin(), q.not_expanded.end(), code) != q.not_expanded.end()) {
          continue;
        }
        found.emplace_back(-find_term.int64(1), std::move(code));
      }
    }
    std::sort(found.begin(), found.end());
    std::vector<std::string> codes;
    for (auto& [weight, code] : found) {
      if (codes.size() < kMaxOccupationsPerSpan &&
          std::find(codes.begin(), codes.end(), code) == codes.end()) {
        codes.push_back(std::move(code));
      }
    }
    return codes;
  };

  int phrase = 0;  // FTS5 numbers phrases left to right
  std::string out;
  const auto append = [&](const std::string& part) { out += (out.empty() ? "" : " AND ") + part; };
  for (std::size_t i = 0; i < words.size();) {
    std::size_t taken = 0;
    for (std::size_t n = std::min(kMaxSpanWords, words.size() - i); n >= 1 && taken == 0; --n) {
      if (n == 1 && folded[i].size() < kMinWord) break;
      const std::vector<std::string> keys = span_keys(folded, i, n);
      const std::vector<std::string> codes = occupations_of(keys);
      if (codes.empty()) continue;
      taken = n;
      // The typed words, as a search without the vocabulary would have them.
      const int first = phrase;
      std::string own;
      for (std::size_t k = i; k < i + n; ++k) {
        const std::string part = fts_word_forms(words[k], k + 1 == words.size());
        phrase += phrases_in(part);
        own += (own.empty() ? "" : " AND ") + part;
      }
      const int last = phrase - 1;
      // The occupations' phrases, then each one that holds another (or a typed word) dropped:
      // "nurse" already finds every "registered nurse", and a doclist less is a search faster.
      struct Candidate {
        std::string phrase;  // folded
        Language language;
      };
      std::vector<Candidate> candidates;
      for (const auto& code : codes) {
        find_occupation.reset();
        find_occupation.bind(1, code);
        if (!find_occupation.step()) continue;
        bool used = false;
        for (const Language language : {Language::En, Language::Es}) {
          const std::string search = find_occupation.text(language == Language::En ? 2 : 3);
          for (std::size_t at = 0; at < search.size();) {
            const std::size_t end = std::min(search.find('\n', at), search.size());
            std::string p = search.substr(at, end - at);
            at = end + 1;
            // The resident's own words are there already; and a phrase made only of words
            // they typed is broader, not another name ("nurse" for "licensed practical nurse").
            if (p.size() < kMinWord || std::find(keys.begin(), keys.end(), p) != keys.end() ||
                within(p, folded, i, n)) {
              continue;
            }
            used = true;
            if (std::none_of(candidates.begin(), candidates.end(),
                             [&](const Candidate& c) { return c.phrase == p; })) {
              candidates.push_back({std::move(p), language});
            }
          }
        }
        if (!used || m.expanded.size() >= kMaxExpanded) continue;
        // Named in the resident's language, unless that is what they typed ("cashier" adds
        // "cajero/a"): then in the other.
        const int own_column = q.language == Language::Es ? 1 : 0;
        std::string name = find_occupation.text(own_column);
        const std::string folded_name = fold_phrase(name);
        if (name.empty() || std::find(keys.begin(), keys.end(), folded_name) != keys.end() ||
            folded_name.starts_with(keys.front() + " ")) {
          if (std::string other = find_occupation.text(1 - own_column); !other.empty()) {
            name = std::move(other);
          }
        }
        m.expanded.push_back({code, std::move(name)});
      }
      std::vector<std::string> added;
      for (const Candidate& c : candidates) {
        const bool held =
            std::any_of(keys.begin(), keys.end(),
                        [&](const std::string& k) { return holds(c.phrase, k); }) ||
            std::any_of(candidates.begin(), candidates.end(),
                        [&](const Candidate& o) { return &o != &c && holds(c.phrase, o.phrase); });
        if (held) continue;
        for (auto& query : phrase_queries(c.phrase, c.language)) {
          if (added.size() < kMaxPhrasesPerSpan &&
              std::find(added.begin(), added.end(), query) == added.end()) {
            added.push_back(std::move(query));
          }
        }
      }
      if (added.empty()) {
        append(own);
        break;
      }
      std::string group = "(" + (n > 1 ? "(" + own + ")" : own) + " OR title : (";
      for (std::size_t k = 0; k < added.size(); ++k) group += (k > 0 ? " OR " : "") + added[k];
      group += "))";
      phrase += static_cast<int>(added.size());
      append(group);
      m.own += (m.own.empty() ? "" : ",") + std::to_string(first) + "-" + std::to_string(last) +
               "+" + std::to_string(added.size());
    }
    if (taken == 0) {
      const std::string part = fts_word_forms(words[i], i + 1 == words.size());
      phrase += phrases_in(part);
      append(part);
      taken = 1;
    }
    i += taken;
  }
  m.fts = out;
  return m;
}

}  // namespace kiosk

#include "kiosk/faq/faq_index.h"

#include <libstemmer.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <mutex>
#include <set>
#include <unordered_set>

#include "kiosk/faq/words.h"
#include "kiosk/store/word_forms.h"

namespace kiosk::faq {
namespace {

// [SECTION] Tuning, in one place.
constexpr double kQuestionWeight = 3.0;  // a word of the question counts as three of the answer
constexpr double kAnswerWeight = 1.0;
constexpr double kK1 = 1.2;          // BM25: how fast repeated words stop adding
constexpr double kB = 0.5;           // BM25: how much a long answer is held back
constexpr double kKeepShare = 0.35;  // answers under this share of the best are left out
// A question that holds every word asked scores this much more (half as much for half of them):
// "jobs without a degree" is that question, not the one about internships without a degree.
constexpr double kQuestionCoverage = 1.0;
constexpr std::size_t kMaxTextWords = 5000;   // per language and field of one entry
constexpr std::size_t kMinFuzzyLetters = 4;   // shorter words are taken as typed
constexpr std::size_t kLongWordLetters = 8;   // from here, two edits are forgiven
constexpr std::size_t kMinPrefixLetters = 3;  // an unfinished word completes from here

// A Snowball stemmer (libstemmer): one per language, not shareable between threads.
class Stemmer {
 public:
  explicit Stemmer(const char* language) : s_(sb_stemmer_new(language, "UTF_8")) {}
  std::string stem(std::string_view word) const {
    if (s_ == nullptr || word.empty()) return std::string(word);
    const sb_symbol* out = sb_stemmer_stem(
        s_.get(), reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
    if (out == nullptr) return std::string(word);  // out of memory: the word itself
    return {reinterpret_cast<const char*>(out),
            static_cast<std::size_t>(sb_stemmer_length(s_.get()))};
  }

 private:
  struct Delete {
    void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
  };
  std::unique_ptr<sb_stemmer, Delete> s_;
};

// A word of a text: folded, and its stem in each language.
struct Token {
  std::string folded;
  std::string en;
  std::string es;
};

struct PhraseWord {
  std::string folded;
  std::string stem;  // in the phrase's own language
  bool spanish = false;
};

struct Phrase {
  std::vector<PhraseWord> words;
  std::size_t group = 0;
};

bool stop_word(std::string_view folded) {
  return is_stop_word_en(folded) || is_stop_word_es(folded);
}

std::string group_term(std::size_t group) {
  return "c:" + std::to_string(group);
}

std::size_t edits_allowed(std::size_t letters) {
  return letters < kMinFuzzyLetters ? 0 : letters < kLongWordLetters ? 1 : 2;
}

// One list of rich text as plain words.
void text_of(const RichText& text, std::string& out) {
  for (const auto& block : text) {
    for (const auto& line : block.lines) {
      out += line;
      out += '\n';
    }
  }
}

}  // namespace

struct FaqIndex::Impl {
  mutable std::mutex mutex;  // the stemmers are not thread-safe
  Stemmer english{"english"};
  Stemmer spanish{"spanish"};
  std::vector<Phrase> phrases;  // longest first
  // term → the entries holding it; terms are "e:<english stem>", "s:<spanish stem>", "c:<n>"
  struct Posting {
    std::size_t entry = 0;
    double count = 0;  // weighted: question words count kQuestionWeight
    bool in_question = false;
  };
  std::unordered_map<std::string, std::vector<Posting>> postings;
  std::unordered_map<std::string, std::size_t> vocabulary;  // folded word → entries holding it
  std::vector<double> lengths;                              // weighted words per entry
  double average_length = 1;

  std::vector<Token> tokens(std::string_view text, std::size_t max) const {
    std::vector<Token> out;
    for (const auto& word : split_words(text, max)) {
      std::string folded = fold_word(word);
      if (folded.empty()) continue;
      Token t;
      t.en = english.stem(folded);
      t.es = spanish.stem(folded);
      t.folded = std::move(folded);
      out.push_back(std::move(t));
    }
    return out;
  }

  static bool matches(const PhraseWord& w, const Token& t) {
    return w.folded == t.folded || w.stem == (w.spanish ? t.es : t.en);
  }

  // Every phrase found in `tokens`: (first token, words, group).
  struct Found {
    std::size_t at = 0;
    std::size_t length = 0;
    std::size_t group = 0;
  };
  std::vector<Found> find_phrases(const std::vector<Token>& tokens) const {
    std::vector<Found> out;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      for (const auto& p : phrases) {
        if (i + p.words.size() > tokens.size()) continue;
        bool all = true;
        for (std::size_t k = 0; k < p.words.size() && all; ++k) {
          all = matches(p.words[k], tokens[i + k]);
        }
        const bool seen = std::any_of(out.begin(), out.end(), [&](const Found& f) {
          return f.at == i && f.group == p.group;
        });
        if (all && !seen) out.push_back({i, p.words.size(), p.group});
      }
    }
    return out;
  }

  void build_phrases() {
    const auto table = synonym_table();
    for (std::size_t c = 0; c < table.size(); ++c) {
      for (const bool es : {false, true}) {
        std::string_view list = es ? table[c].es : table[c].en;
        while (!list.empty()) {
          const auto bar = list.find('|');
          const std::string_view phrase = list.substr(0, bar);
          list = bar == std::string_view::npos ? std::string_view() : list.substr(bar + 1);
          Phrase p;
          p.group = c;
          for (const auto& word : split_words(phrase, 8)) {
            PhraseWord w;
            w.folded = fold_word(word);
            if (w.folded.empty()) continue;
            w.stem = es ? spanish.stem(w.folded) : english.stem(w.folded);
            w.spanish = es;
            vocabulary.try_emplace(w.folded, 0);
            p.words.push_back(std::move(w));
          }
          if (!p.words.empty()) phrases.push_back(std::move(p));
        }
      }
    }
    std::stable_sort(phrases.begin(), phrases.end(), [](const Phrase& a, const Phrase& b) {
      return a.words.size() > b.words.size();
    });
  }

  // Adds one field of one entry in one language to `counts`.
  struct Count {
    double weighted = 0;
    bool in_question = false;
  };
  void add_text(std::string_view text, bool es, bool question,
                std::unordered_map<std::string, Count>& counts, double& length,
                std::set<std::string>& words) const {
    const double weight = question ? kQuestionWeight : kAnswerWeight;
    const auto add = [&](const std::string& term) {
      Count& c = counts[term];
      c.weighted += weight;
      c.in_question = c.in_question || question;
    };
    const auto ts = tokens(text, kMaxTextWords);
    for (const auto& t : ts) {
      if (es ? is_stop_word_es(t.folded) : is_stop_word_en(t.folded)) continue;
      add((es ? "s:" : "e:") + (es ? t.es : t.en));
      length += weight;
      words.insert(t.folded);
    }
    for (const auto& f : find_phrases(ts)) add(group_term(f.group));
  }

  double idf(std::size_t df, std::size_t n) const {
    return std::log(1.0 + (static_cast<double>(n) - static_cast<double>(df) + 0.5) /
                              (static_cast<double>(df) + 0.5));
  }

  bool known(const Token& t) const {
    return vocabulary.contains(t.folded) || postings.contains("e:" + t.en) ||
           postings.contains("s:" + t.es);
  }

  // The vocabulary word an unknown word most likely meant, or empty.
  std::string closest(std::string_view folded) const {
    const std::size_t limit = edits_allowed(folded.size());
    if (limit == 0) return {};
    std::string best;
    std::size_t best_distance = limit + 1;
    std::size_t best_df = 0;
    for (const auto& [word, df] : vocabulary) {
      const std::size_t gap =
          word.size() > folded.size() ? word.size() - folded.size() : folded.size() - word.size();
      if (gap > limit || word.size() < kMinFuzzyLetters) continue;
      const std::size_t d = edit_distance(folded, word, limit);
      if (d > limit) continue;
      if (d < best_distance ||
          (d == best_distance && (df > best_df || (df == best_df && word < best)))) {
        best = word;
        best_distance = d;
        best_df = df;
      }
    }
    return best;
  }

  // The most common vocabulary word starting with `folded` (a word still being typed).
  std::string completion(std::string_view folded) const {
    if (folded.size() < kMinPrefixLetters) return {};
    std::string best;
    std::size_t best_df = 0;
    for (const auto& [word, df] : vocabulary) {
      if (!word.starts_with(folded) || df == 0) continue;
      if (df > best_df || (df == best_df && word < best)) {
        best = word;
        best_df = df;
      }
    }
    return best;
  }
};

FaqIndex::FaqIndex(std::vector<FaqEntry> entries)
    : impl_(std::make_unique<Impl>()), entries_(std::move(entries)) {
  Impl& x = *impl_;
  x.build_phrases();
  x.lengths.reserve(entries_.size());
  double total = 0;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const FaqEntry& e = entries_[i];
    std::unordered_map<std::string, Impl::Count> counts;
    std::set<std::string> words;
    double length = 0;
    x.add_text(e.question.en, false, true, counts, length, words);
    x.add_text(e.question.es, true, true, counts, length, words);
    for (const bool es : {false, true}) {
      std::string answer;
      text_of(es ? e.answer.es : e.answer.en, answer);
      x.add_text(answer, es, false, counts, length, words);
    }
    for (const auto& [term, count] : counts) {
      x.postings[term].push_back({i, count.weighted, count.in_question});
    }
    for (const auto& w : words) ++x.vocabulary[w];
    x.lengths.push_back(std::max(length, 1.0));
    total += x.lengths.back();
  }
  if (!entries_.empty()) x.average_length = total / static_cast<double>(entries_.size());
}

FaqIndex::~FaqIndex() = default;

std::vector<Ranked> FaqIndex::rank(std::string_view typed, std::size_t limit, bool typing) const {
  if (entries_.empty() || limit == 0) return {};
  const Impl& x = *impl_;
  const std::lock_guard lock(x.mutex);
  if (typed.size() > kMaxQueryBytes) typed = typed.substr(0, kMaxQueryBytes);
  // A word is unfinished only while the resident is still typing it.
  const bool last_unfinished =
      typing && !typed.empty() &&
      (static_cast<unsigned char>(typed.back()) >= 0x80 ||  // a letter of UTF-8 ("aprendí")
       std::isalnum(static_cast<unsigned char>(typed.back())) != 0);
  std::vector<Token> ts = x.tokens(typed, kMaxQueryWords);

  // Words the FAQ does not hold: the closest word it does, or what the last one starts.
  for (std::size_t i = 0; i < ts.size(); ++i) {
    Token& t = ts[i];
    if (x.known(t) || stop_word(t.folded)) continue;
    std::string better;
    if (last_unfinished && i + 1 == ts.size()) better = x.completion(t.folded);
    if (better.empty()) better = x.closest(t.folded);
    if (better.empty()) continue;
    t.en = x.english.stem(better);
    t.es = x.spanish.stem(better);
    t.folded = std::move(better);
  }

  // What to look for: each phrase of the synonym table found, and each other meaningful word
  // by either stem (and the group it is on its own).
  std::vector<std::vector<std::string>> units;
  std::vector<bool> covered(ts.size(), false);
  std::vector<std::vector<std::string>> single(ts.size());
  for (const auto& f : x.find_phrases(ts)) {
    if (f.length == 1) {
      single[f.at].push_back(group_term(f.group));
      continue;
    }
    units.push_back({group_term(f.group)});
    for (std::size_t k = f.at; k < f.at + f.length; ++k) covered[k] = true;
  }
  for (std::size_t i = 0; i < ts.size(); ++i) {
    if (covered[i] || stop_word(ts[i].folded)) continue;
    std::vector<std::string> unit = {"e:" + ts[i].en, "s:" + ts[i].es};
    unit.insert(unit.end(), single[i].begin(), single[i].end());
    units.push_back(std::move(unit));
  }
  std::sort(units.begin(), units.end());
  units.erase(std::unique(units.begin(), units.end()), units.end());

  // BM25 over the weighted counts; a word counts once, by its best form.
  const std::size_t n = entries_.size();
  std::vector<double> scores(n, 0.0);
  std::vector<double> in_question(n, 0.0);  // units the question itself holds
  for (const auto& unit : units) {
    std::vector<double> best(n, 0.0);
    std::vector<bool> asked(n, false);
    for (const auto& term : unit) {
      const auto it = x.postings.find(term);
      if (it == x.postings.end()) continue;
      const double idf = x.idf(it->second.size(), n);
      for (const auto& p : it->second) {
        const double norm = kK1 * (1.0 - kB + kB * x.lengths[p.entry] / x.average_length);
        best[p.entry] = std::max(best[p.entry], idf * p.count * (kK1 + 1.0) / (p.count + norm));
        asked[p.entry] = asked[p.entry] || p.in_question;
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      scores[i] += best[i];
      if (asked[i]) in_question[i] += 1.0;
    }
  }
  for (std::size_t i = 0; i < n && !units.empty(); ++i) {
    scores[i] *= 1.0 + kQuestionCoverage * in_question[i] / static_cast<double>(units.size());
  }

  std::vector<Ranked> out;
  for (std::size_t i = 0; i < n; ++i) {
    if (scores[i] > 0) out.push_back({i, scores[i]});
  }
  std::sort(out.begin(), out.end(), [](const Ranked& a, const Ranked& b) {
    return a.score != b.score ? a.score > b.score : a.entry < b.entry;
  });
  if (!out.empty()) {
    const double floor = out.front().score * kKeepShare;
    std::erase_if(out, [&](const Ranked& r) { return r.score < floor; });
  }
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::vector<std::size_t> FaqIndex::suggested(std::size_t limit) const {
  std::vector<std::size_t> first;
  std::vector<std::size_t> rest;
  std::unordered_set<std::string> topics;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    (topics.insert(entries_[i].topic).second ? first : rest).push_back(i);
  }
  first.insert(first.end(), rest.begin(), rest.end());
  if (first.size() > limit) first.resize(limit);
  return first;
}

std::string plain_answer(const FaqEntry& entry, bool spanish) {
  const RichText& text = spanish && !entry.answer.es.empty() ? entry.answer.es
                         : entry.answer.en.empty()           ? entry.answer.es
                                                             : entry.answer.en;
  std::string out;
  for (const auto& block : text) {
    for (const auto& line : block.lines) {
      if (!out.empty()) out += '\n';
      if (block.type == TextBlock::Type::Bullets) out += "• ";
      out += line;
    }
  }
  return out;
}

}  // namespace kiosk::faq

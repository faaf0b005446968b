// What a search that found nothing can offer: "Did you mean …?" and tip words, both from the
// listings' titles. Both are Store members because they read its connection; they live here so
// the search itself stays in store.cpp.
//
// Why titles and not fts5vocab over the whole index: fts5vocab counts each word's documents by
// reading every doclist, 3.8 s at 100,000 jobs (tests/bench/listings_bench, debug build), and
// that on the first empty result of every session, since the connection closes at its end. The
// titles (their columns sit ahead of the packed record: no overflow page is read) hold the
// words people misspell when they look for a job, and a correction is only offered when the
// index finds it.

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "kiosk/base/wipe.h"
#include "kiosk/store/record_json.h"
#include "kiosk/store/store.h"
#include "kiosk/store/word_forms.h"

namespace kiosk {

// The titles' words, gathered again only when a sync has swapped listings in. Listing words
// only, nothing a resident typed: it may outlive the connection (see reuse_vocabulary).
struct Vocabulary {
  struct Term {
    std::string word;       // folded, as the index holds it
    std::int64_t docs = 0;  // titles holding it
  };
  std::string listings_version;  // of the feeds table: see Store::vocabulary()
  std::vector<Term> terms;
  // Tip candidates per kind and language: the most common main words of titles, best first.
  std::map<std::pair<ListingKind, Language>, std::vector<std::string>> tips;
};

namespace {

constexpr std::size_t kMinWord = 3;            // shorter words are neither corrected nor offered
constexpr std::size_t kCandidatesPerWord = 4;  // corrections tried per misspelt word
constexpr std::size_t kTipCandidates = 20;

bool has_digit(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Lower case that keeps accents: "Técnico" → "técnico" (ASCII and Latin-1 capitals).
std::string lower_keeping_accents(std::string_view word) {
  std::string out(word);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      const auto next = static_cast<unsigned char>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 32);
      ++i;
    }
  }
  return out;
}

// The main word of a title: Spanish titles lead with it ("Técnico(a) de farmacia"), English
// ones end with it ("Pharmacy Technician"); qualifiers after a dash, bracket, comma or slash
// do not count ("Line Cook – Nights", "Registered Nurse (RN)").
std::string main_word(std::string_view title, Language language) {
  std::size_t end = title.size();
  for (const std::string_view stop : {"\u2013", "\u2014", " - ", "(", ",", "/", ":"}) {
    end = std::min(end, title.find(stop));
  }
  const auto words = split_words(title.substr(0, end), 32);
  std::vector<std::string> usable;
  for (const auto& w : words) {
    if (fold_word(w).size() >= kMinWord + 1 && !has_digit(w)) usable.push_back(w);
  }
  if (usable.empty()) return {};
  return lower_keeping_accents(language == Language::Es ? usable.front() : usable.back());
}

struct Candidate {
  std::size_t distance;
  bool derived;  // another form of the index's word ("enfermera" from "enfermero")
  std::int64_t docs;
  std::string form;  // folded
  std::string term;  // the index's word it comes from
};

bool better(const Candidate& a, const Candidate& b) {
  if (a.distance != b.distance) return a.distance < b.distance;
  if (a.derived != b.derived) return !a.derived;
  if (a.docs != b.docs) return a.docs > b.docs;
  return a.form < b.form;
}

// The index's words closest to a folded word, best first.
std::vector<Candidate> closest(const Vocabulary& vocabulary, std::string_view folded) {
  const std::size_t limit = folded.size() <= 4 ? 1 : 2;
  std::vector<Candidate> found;
  for (const auto& term : vocabulary.terms) {
    // Forms differ from their word by up to two letters ("promotor" → "promotoras").
    const std::size_t diff = term.word.size() > folded.size() ? term.word.size() - folded.size()
                                                              : folded.size() - term.word.size();
    if (diff > limit + 2) continue;
    std::optional<Candidate> best;
    for (auto& form : word_forms(term.word)) {
      const std::size_t d = edit_distance(folded, form, limit);
      if (d > limit || d == 0) continue;
      Candidate c{d, form != term.word, term.docs, std::move(form), term.word};
      if (!best || better(c, *best)) best = std::move(c);
    }
    if (best) found.push_back(std::move(*best));
  }
  std::sort(found.begin(), found.end(), better);
  if (found.size() > kCandidatesPerWord) found.resize(kCandidatesPerWord);
  return found;
}

// What one title gives the vocabulary: its distinct folded words and its main words.
struct TitleWords {
  struct Main {
    Language language;
    std::string word;    // as shown ("técnico")
    std::string folded;  // as counted ("tecnico")
  };
  std::vector<std::string> folded;
  std::vector<Main> main;
};

constexpr std::size_t kTitlesKept = 20000;  // distinct titles remembered while reading

TitleWords title_words(const std::string& title) {
  TitleWords out;
  std::unordered_set<std::string> seen;
  for (const auto& w : split_words(title, 64)) {
    std::string folded = fold_word(w);
    if (folded.size() >= kMinWord && !has_digit(folded) && seen.insert(folded).second) {
      out.folded.push_back(std::move(folded));
    }
  }
  const auto newline = title.find('\n');
  const std::string_view en = std::string_view(title).substr(0, newline);
  const std::string_view es =
      newline == std::string::npos ? en : std::string_view(title).substr(newline + 1);
  for (const auto& [language, text] : {std::pair{Language::En, en}, std::pair{Language::Es, es}}) {
    std::string word = main_word(text, language);
    if (word.empty()) continue;
    std::string folded = fold_word(word);
    out.main.push_back({language, std::move(word), std::move(folded)});
  }
  return out;
}

}  // namespace

std::shared_ptr<Vocabulary> Store::vocabulary() {
  // Every swap of a feed's listings sets its content hash, last_success and records: a cheap
  // signature that, unlike PRAGMA data_version, holds across connections.
  sql::Statement version(db_,
                         "SELECT group_concat(v, ' ') FROM (SELECT url || '=' || content_hash || "
                         "'@' || coalesce(last_success, 0) || '#' || records AS v FROM feeds "
                         "ORDER BY url)");
  version.step();
  std::string listings_version = version.text(0);
  if (vocabulary_ && vocabulary_->listings_version == listings_version) return vocabulary_;
  auto v = std::make_shared<Vocabulary>();
  v->listings_version = std::move(listings_version);
  std::unordered_map<std::string, std::int64_t> docs;
  using Counts = std::unordered_map<std::string, std::pair<std::int64_t, std::string>>;
  std::map<std::pair<ListingKind, Language>, Counts> heads;  // main word by fold: count, shown
  // Titles repeat ("Registered Nurse" in hundreds of listings): each distinct one is split and
  // folded once, which was most of the first empty search's 1.4 G instructions at 100,000 jobs.
  std::unordered_map<std::string, TitleWords> read;
  // The title as the index has it (store.cpp, both()): English, then Spanish on a line of its own.
  sql::Statement s(db_,
                   "SELECT kind, CASE WHEN title_es = '' OR title_es = title_en THEN title_en "
                   "WHEN title_en = '' THEN title_es ELSE title_en || char(10) || title_es END "
                   "FROM listings");
  while (s.step()) {
    const ListingKind kind = kind_from_key(s.text(0)).value_or(ListingKind::Job);
    std::string title = s.text(1);  // English, then Spanish on a line of its own if it differs
    const auto known = read.find(title);
    TitleWords fresh;
    if (known == read.end()) fresh = title_words(title);
    const TitleWords& words = known == read.end() ? fresh : known->second;
    for (const auto& folded : words.folded) ++docs[folded];
    for (const auto& [language, word, folded] : words.main) {
      auto& [n, shown] = heads[{kind, language}][folded];
      if (n++ == 0) shown = word;
    }
    if (known == read.end() && read.size() < kTitlesKept) {
      read.emplace(std::move(title), std::move(fresh));
    }
  }
  v->terms.reserve(docs.size());
  for (auto& [word, n] : docs) v->terms.push_back({word, n});
  for (auto& [key, counts] : heads) {
    std::vector<std::pair<std::int64_t, std::string>> ranked;
    for (auto& [folded, entry] : counts) ranked.push_back(std::move(entry));
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    auto& tips = v->tips[key];
    for (auto& [n, word] : ranked) {
      if (tips.size() == kTipCandidates) break;
      tips.push_back(std::move(word));
    }
  }
  vocabulary_ = std::move(v);
  return vocabulary_;
}

std::optional<std::string> Store::suggest(const SearchQuery& query) {
  const auto vocab = vocabulary();
  std::vector<std::string> words = split_words(query.text);
  std::vector<std::vector<Candidate>> corrections(words.size());
  bool any = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string folded = fold_word(words[i]);
    const bool last = i + 1 == words.size();
    if (folded.size() >= kMinWord && !in_index(fts_word_forms(words[i], last))) {
      corrections[i] = closest(*vocab, folded);
      any = any || !corrections[i].empty();
    }
    wipe(folded);
  }
  std::optional<std::string> answer;
  if (any) {
    // Best corrections first; then, one word at a time, the next best, until one finds listings.
    std::vector<std::size_t> pick(words.size(), 0);
    for (std::size_t attempt = 0; attempt < kCandidatesPerWord && !answer; ++attempt) {
      SearchQuery trial = query;
      trial.text.clear();
      trial.limit = 0;
      trial.sort = SortOrder::Newest;  // counting needs no ranking
      trial.any_word = false;
      std::string text;
      bool complete = true;
      for (std::size_t i = 0; i < words.size(); ++i) {
        if (!text.empty()) text += ' ';
        if (corrections[i].empty()) {
          text += words[i];
        } else if (pick[i] < corrections[i].size()) {
          text += corrections[i][pick[i]].form;
        } else {
          complete = false;
        }
      }
      trial.text = text;
      if (complete && search(trial).total > 0) answer = text;
      wipe(trial.text);
      wipe(text);
      for (std::size_t i = 0; i < words.size(); ++i) {
        if (!corrections[i].empty()) ++pick[i];
      }
    }
    if (answer) {
      // The accented spelling the titles use ("tecnica" → "técnica"), when they show it.
      std::string shown;
      for (std::size_t i = 0; i < words.size(); ++i) {
        if (!shown.empty()) shown += ' ';
        if (corrections[i].empty()) {
          shown += words[i];
          continue;
        }
        const Candidate& c = corrections[i][pick[i] - 1];
        shown += accented(c.term, c.form);
      }
      wipe(*answer);
      answer = std::move(shown);
    }
  }
  for (auto& w : words) wipe(w);
  return answer;
}

bool Store::in_index(const std::string& match) {
  sql::Statement s(db_, "SELECT 1 FROM listings_fts WHERE listings_fts MATCH ?1 LIMIT 1");
  s.bind(1, match);
  return s.step();
}

std::string Store::accented(const std::string& term, const std::string& form) {
  sql::Statement s(db_,
                   "SELECT l.title_en, l.title_es FROM listings_fts f CROSS JOIN listings l ON "
                   "l.key = f.rowid WHERE listings_fts MATCH ?1 LIMIT 20");
  s.bind(1, "title : \"" + term + "\"");
  std::string spelled;
  while (spelled.empty() && s.step()) {
    for (const int column : {0, 1}) {
      for (const auto& w : split_words(s.text(column), 64)) {
        if (spelled.empty() && fold_word(w) == term) spelled = lower_keeping_accents(w);
      }
    }
  }
  if (spelled.empty() || spelled == term) return form;
  // The same ending change on the accented word: "técnico" and "tecnica" give "técnica".
  std::size_t same = 0;
  while (same < term.size() && same < form.size() && term[same] == form[same]) ++same;
  const std::string_view ending = std::string_view(term).substr(same);
  if (!std::string_view(spelled).ends_with(ending)) return form;
  return spelled.substr(0, spelled.size() - ending.size()) + form.substr(same);
}

std::vector<std::string> Store::tip_words(const SearchQuery& query, std::size_t count) {
  const auto vocab = vocabulary();
  const auto candidates = vocab->tips.find({query.kind, query.language});
  if (candidates == vocab->tips.end()) return {};
  std::vector<std::string> tips;
  for (const auto& word : candidates->second) {
    if (tips.size() == count) break;
    SearchQuery trial = query;
    wipe(trial.text);
    trial.text = word;
    trial.limit = 0;
    trial.sort = SortOrder::Newest;
    trial.any_word = false;
    trial.exclude_key.reset();
    if (search(trial).total > 0) tips.push_back(word);
  }
  return tips;
}

}  // namespace kiosk

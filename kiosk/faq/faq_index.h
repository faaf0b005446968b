// The center's questions and answers, ranked in memory for what a resident types, in English or
// Spanish, whatever language the kiosk shows. A question is one document holding both of its
// languages; a typed word counts once, by its best form: its English stem (Snowball), its
// Spanish stem, or the concept of the synonym table it belongs to (kiosk/faq/words.h:
// "pasantía" and "internship" are one concept, "medio tiempo" and "part-time" another). Words
// are folded (case, accents) before anything else; a word the FAQ does not hold is replaced by
// the closest one it does (one edit for short words, two for long ones), and the last word of a
// text still being typed may be the start of one. Scores are BM25 with the question's words
// weighing three times the answer's. Offline, and fast enough to run at every keystroke: the
// index is built once (off the UI thread, from the cache) and ranking touches no storage.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kiosk/model/model.h"

namespace kiosk::faq {

struct Ranked {
  std::size_t entry = 0;  // index into FaqIndex::entries()
  double score = 0;
};

class FaqIndex {
 public:
  static constexpr std::size_t kMaxQueryWords = 16;  // a question, not an essay
  static constexpr std::size_t kMaxQueryBytes = 200;

  explicit FaqIndex(std::vector<FaqEntry> entries);
  ~FaqIndex();
  FaqIndex(const FaqIndex&) = delete;
  FaqIndex& operator=(const FaqIndex&) = delete;

  const std::vector<FaqEntry>& entries() const { return entries_; }
  bool empty() const { return entries_.empty(); }

  // The entries that answer `typed`, best first, at most `limit`; empty when nothing fits.
  // Answers far weaker than the best one are left out. `typing`: the text is still being typed,
  // so its last word may be unfinished.
  std::vector<Ranked> rank(std::string_view typed, std::size_t limit, bool typing = false) const;

  // Questions to offer before anything is typed: the first of each topic, in the order given, then
  // the rest, at most `limit`.
  std::vector<std::size_t> suggested(std::size_t limit) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::vector<FaqEntry> entries_;
};

// The text of an answer as one string in the language asked for (the other when it has only
// that one): paragraphs and bullets one per line, for the command line and the tests.
std::string plain_answer(const FaqEntry& entry, bool spanish);

}  // namespace kiosk::faq

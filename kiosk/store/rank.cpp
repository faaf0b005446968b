#include "kiosk/store/rank.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <new>
#include <vector>

namespace kiosk {
namespace {

// What one query's scores share, kept by FTS5 with the query (auxiliary data).
struct QueryStats {
  sqlite3_int64 rows = 0;
  double average_tokens = 0.0;  // per row, all columns
  std::vector<double> idf;      // per phrase, once read
  std::vector<char> idf_read;
  std::vector<double> frequency;  // per phrase, of the current row, weighted by column
  // The typed words' phrase ranges of each group the vocabulary expanded (first, last).
  std::vector<std::pair<int, int>> own_groups;
  std::vector<char> added;  // per phrase: one the vocabulary added
};

struct Group {
  int first = 0;  // the typed words' phrases: first to last
  int last = 0;
  int added = 0;  // the vocabulary's phrases, right after them
};

// "0-3+4,8-9+2" → {0,3,4}, {8,9,2}; anything else in it ends the list.
std::vector<Group> parse_groups(std::string_view text) {
  std::vector<Group> out;
  std::size_t at = 0;
  const auto number = [&](int& value) {
    const std::size_t start = at;
    value = 0;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9' && at - start < 6) {
      value = value * 10 + (text[at++] - '0');
    }
    return at > start;
  };
  while (at < text.size()) {
    Group g;
    if (!number(g.first) || at >= text.size() || text[at++] != '-' || !number(g.last)) break;
    if (at < text.size() && text[at] == '+') {
      ++at;
      if (!number(g.added)) break;
    }
    out.push_back(g);
    if (at < text.size() && text[at++] != ',') break;
  }
  return out;
}

// The vocabulary's phrases are not counted: reading a phrase's doclist to count its listings
// cost a search ~1 ms a phrase the first time (BENCHMARKS.md), and listings found only
// through them come after the others anyway. They weigh as a phrase in 1 % of listings.
constexpr double kAddedIdf = 4.6;  // log(100)

// Listings found through the vocabulary only come after those holding the typed words: a
// score this much higher (bm25 scores are small negative numbers) keeps both groups in order.
constexpr double kVocabularyOnly = 1000.0;

void delete_stats(void* stats) {
  delete static_cast<QueryStats*>(stats);
}

int count_row(const Fts5ExtensionApi* /*api*/, Fts5Context* /*fts*/, void* rows) {
  ++*static_cast<sqlite3_int64*>(rows);
  return SQLITE_OK;
}

// The query's statistics, read on its first row.
int query_stats(const Fts5ExtensionApi* api, Fts5Context* fts, const char* groups,
                QueryStats** out) {
  *out = static_cast<QueryStats*>(api->xGetAuxdata(fts, 0));
  if (*out != nullptr) return SQLITE_OK;
  auto stats = std::make_unique<QueryStats>();
  sqlite3_int64 tokens = 0;
  int rc = api->xRowCount(fts, &stats->rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) return rc;
  stats->average_tokens = static_cast<double>(tokens) / static_cast<double>(stats->rows);
  const auto phrases = static_cast<std::size_t>(api->xPhraseCount(fts));
  stats->idf.assign(phrases, 0.0);
  stats->idf_read.assign(phrases, 0);
  stats->frequency.assign(phrases, 0.0);
  stats->added.assign(phrases, 0);
  if (groups != nullptr) {
    for (const Group& g : parse_groups(groups)) {
      const auto end = static_cast<std::size_t>(g.last) + static_cast<std::size_t>(g.added);
      if (g.first > g.last || end >= phrases) continue;
      stats->own_groups.emplace_back(g.first, g.last);
      for (int i = g.last + 1; i <= g.last + g.added; ++i) {
        stats->added[static_cast<std::size_t>(i)] = 1;
      }
    }
  }
  rc = api->xSetAuxdata(fts, stats.get(), delete_stats);  // FTS5 owns it from here on
  QueryStats* kept = stats.release();
  if (rc != SQLITE_OK) return rc;  // xSetAuxdata has already called delete_stats
  *out = kept;
  return SQLITE_OK;
}

// IDF = log((N - n + 0.5) / (n + 0.5)), at least 1e-6, n the rows holding the phrase.
int phrase_idf(const Fts5ExtensionApi* api, Fts5Context* fts, QueryStats& stats, int phrase) {
  const auto i = static_cast<std::size_t>(phrase);
  if (stats.idf_read[i] != 0) return SQLITE_OK;
  if (stats.added[i] != 0) {
    stats.idf[i] = kAddedIdf;
    stats.idf_read[i] = 1;
    return SQLITE_OK;
  }
  auto* counts = static_cast<PhraseCounts*>(api->xUserData(fts));
  const std::optional<std::int64_t> kept = counts != nullptr ? counts->find(phrase) : std::nullopt;
  sqlite3_int64 hits = kept.value_or(0);
  if (!kept) {
    const int rc = api->xQueryPhrase(fts, phrase, &hits, count_row);
    if (rc != SQLITE_OK) return rc;
    if (counts != nullptr) counts->keep(phrase, hits);
  }
  double idf =
      std::log((static_cast<double>(stats.rows - hits) + 0.5) / (static_cast<double>(hits) + 0.5));
  if (idf <= 0.0) idf = 1e-6;
  stats.idf[i] = idf;
  stats.idf_read[i] = 1;
  return SQLITE_OK;
}

int score_row(const Fts5ExtensionApi* api, Fts5Context* fts, int n_values, sqlite3_value** values,
              double* score) {
  // kiosk_bm25(fts, weight…, [own phrase groups]): the columns' weights, then the groups.
  constexpr int kColumns = 5;
  const int n_weights = std::min(n_values, kColumns);
  sqlite3_value** weights = values;
  constexpr double k1 = 1.2;
  constexpr double b = 0.75;
  const char* groups = n_values > kColumns && sqlite3_value_type(values[kColumns]) == SQLITE_TEXT
                           ? reinterpret_cast<const char*>(sqlite3_value_text(values[kColumns]))
                           : nullptr;
  QueryStats* stats = nullptr;
  int rc = query_stats(api, fts, groups, &stats);
  if (rc != SQLITE_OK) return rc;
  std::fill(stats->frequency.begin(), stats->frequency.end(), 0.0);
  int instances = 0;
  rc = api->xInstCount(fts, &instances);
  for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
    int phrase = 0;
    int column = 0;
    int offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc == SQLITE_OK) {
      const double w = n_weights > column ? sqlite3_value_double(weights[column]) : 1.0;
      stats->frequency[static_cast<std::size_t>(phrase)] += w;
    }
  }
  int row_tokens = 0;
  if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &row_tokens);
  const auto d = static_cast<double>(row_tokens);
  double sum = 0.0;
  for (std::size_t i = 0; rc == SQLITE_OK && i < stats->frequency.size(); ++i) {
    const double f = stats->frequency[i];
    // bm25 adds idf * (0.0 / positive) = +0.0 here: the sum is the same without the count.
    if (f == 0.0) continue;
    rc = phrase_idf(api, fts, *stats, static_cast<int>(i));
    if (rc == SQLITE_OK) {
      sum +=
          stats->idf[i] * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + b * d / stats->average_tokens)));
    }
  }
  *score = -1.0 * sum;
  for (const auto& [first, last] : stats->own_groups) {
    bool own = false;
    for (int i = first; i <= last && !own; ++i)
      own = stats->frequency[static_cast<std::size_t>(i)] > 0.0;
    if (!own) {
      *score += kVocabularyOnly;
      break;
    }
  }
  return rc;
}

void bm25(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* context, int n_values,
          sqlite3_value** values) {
  try {
    double score = 0.0;
    const int rc = score_row(api, fts, n_values, values, &score);
    if (rc == SQLITE_OK) {
      sqlite3_result_double(context, score);
    } else {
      sqlite3_result_error_code(context, rc);
    }
  } catch (const std::bad_alloc&) {
    sqlite3_result_error_nomem(context);
  }
}

struct Finalizer {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};

}  // namespace

PhraseCounts::Scope::Scope(PhraseCounts& counts, const sql::Database& db, std::string text)
    : counts_(counts) {
  // data_version moves with other connections' commits, total changes with this one's.
  sql::Statement s(db, "PRAGMA data_version");
  s.step();
  const std::pair<std::int64_t, std::int64_t> version{s.int64(0),
                                                      sqlite3_total_changes64(db.handle())};
  if (version != counts_.version_ || counts_.rows_.size() > kMaxKept) {
    counts_.rows_.clear();
    counts_.version_ = version;
  }
  counts_.text_ = std::move(text);
}

std::optional<std::int64_t> PhraseCounts::find(int phrase) const {
  if (text_.empty()) return std::nullopt;
  const auto it = rows_.find({text_, phrase});
  if (it == rows_.end()) return std::nullopt;
  return it->second;
}

void PhraseCounts::keep(int phrase, std::int64_t rows) {
  if (!text_.empty()) rows_.emplace(std::pair{text_, phrase}, rows);
}

void register_rank_function(sql::Database& db, PhraseCounts* counts) {
  // The documented way to reach FTS5's API: SELECT fts5(?1) with a pointer bound to ?1.
  fts5_api* api = nullptr;
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db.handle(), "SELECT fts5(?1)", -1, &raw, nullptr);
  const std::unique_ptr<sqlite3_stmt, Finalizer> stmt(raw);
  if (rc == SQLITE_OK) rc = sqlite3_bind_pointer(raw, 1, &api, "fts5_api_ptr", nullptr);
  if (rc == SQLITE_OK) sqlite3_step(raw);
  if (rc != SQLITE_OK || api == nullptr || api->iVersion < 2) {
    throw sql::SqliteError(rc == SQLITE_OK ? SQLITE_ERROR : rc, "SQLite has no FTS5");
  }
  rc = api->xCreateFunction(api, kRankFunction, counts, bm25, nullptr);
  if (rc != SQLITE_OK) throw sql::SqliteError(rc, "could not register the search's ranking");
}

}  // namespace kiosk

// The UI's read-only window on the listings cache. Every read runs on a worker thread with its
// own connection; the answer comes back on the UI thread through the RunQueue. The cache may not
// exist yet at the first start (the first sync creates it): reads then answer "nothing yet" and
// the next read tries again.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <variant>

#include "kiosk/base/run_queue.h"
#include "kiosk/base/worker.h"
#include "kiosk/faq/faq_index.h"
#include "kiosk/match/matcher.h"
#include "kiosk/search/related.h"
#include "kiosk/store/store.h"

namespace kiosk {

using Listing = std::variant<Job, Program, Event, Service>;

class ListingsReader {
 public:
  ListingsReader(std::filesystem::path data_dir, RunQueue& ui);
  ~ListingsReader();
  ListingsReader(const ListingsReader&) = delete;
  ListingsReader& operator=(const ListingsReader&) = delete;

  // `tag` names the caller's channel: a newer search with the same tag replaces one not yet run.
  void search(SearchQuery query, const std::string& tag, std::function<void(SearchResult)> done);
  // Listings related to one on screen ("Training for this job"): by occupation, else by industry.
  void related(RelatedQuery query, std::function<void(RelatedListings)> done);
  // Jobs and training that fit what a resident tapped ("What can you do?", kiosk/match/).
  void match(MatchProfile profile, std::int64_t now, std::size_t limit,
             std::function<void(std::vector<MatchResult>)> done);
  // One listing, whole, for a detail screen (jobs, programs, events, services).
  void listing(ListingKind kind, std::int64_t key,
               std::function<void(std::optional<Listing>)> done);
  // The FAQ, read whole and indexed for ranking (kiosk/faq/faq_index.h): an empty index when
  // there is no cache yet. Ranking it then touches no storage and runs on the UI thread.
  void faq(std::function<void(std::shared_ptr<const faq::FaqIndex>)> done);
  // At the end of a session: closes the connection after the reads already posted, so nothing
  // SQLite kept of this session's searches (FTS5's token buffers, bound values) outlives it.
  // The next read opens it again.
  void forget_session();
  // Anything else that reads the cache (the staff panel's feed states): `read` runs on the
  // reader's thread with the store (null when there is no cache yet) and returns what to do
  // next on the UI thread.
  void with_store(std::function<std::function<void()>(Store*)> read);

  void drain() { worker_.drain(); }  // tests

 private:
  Store* store();  // worker thread only

  std::filesystem::path data_dir_;
  RunQueue& ui_;
  std::unique_ptr<Store> store_;
  std::shared_ptr<Vocabulary> vocabulary_;  // the titles' words, kept across sessions
  Worker worker_;                           // last: stopped before the store closes
};

}  // namespace kiosk

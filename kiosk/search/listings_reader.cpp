#include "kiosk/search/listings_reader.h"

#include "kiosk/base/log.h"
#include "kiosk/base/wipe.h"
#include "kiosk/search/search_help.h"

namespace kiosk {

ListingsReader::ListingsReader(std::filesystem::path data_dir, RunQueue& ui)
    : data_dir_(std::move(data_dir)), ui_(ui) {}

ListingsReader::~ListingsReader() {
  worker_.stop();
}

Store* ListingsReader::store() {
  if (store_) return store_.get();
  std::error_code ec;
  if (!std::filesystem::exists(Store::file_in(data_dir_), ec)) return nullptr;
  try {
    store_ = std::make_unique<Store>(data_dir_, Store::Mode::Reader);
    store_->reuse_vocabulary(vocabulary_);
  } catch (const std::exception& e) {
    log::warn(std::string("listings cache not readable yet: ") + e.what());
  }
  return store_.get();
}

void ListingsReader::search(SearchQuery query, const std::string& tag,
                            std::function<void(SearchResult)> done) {
  worker_.post(
      [this, query = std::move(query), done = std::move(done)]() mutable {
        SearchResult result;
        if (Store* s = store()) {
          try {
            result = search_with_help(*s, query);
          } catch (const std::exception&) {
            // Never e.what(): an FTS error can quote what the resident typed.
            log::error("a search failed; the cache connection will be reopened");
            store_.reset();  // reopen on the next read
          }
        }
        wipe(query.text);  // what the resident typed, overwritten before it is freed
        ui_.post([done = std::move(done), result = std::move(result)]() mutable {
          done(std::move(result));
        });
      },
      "search:" + tag);
}

void ListingsReader::related(RelatedQuery query, std::function<void(RelatedListings)> done) {
  worker_.post([this, query = std::move(query), done = std::move(done)]() mutable {
    RelatedListings found;
    if (Store* s = store()) {
      try {
        found = find_related(*s, query);
      } catch (const std::exception& e) {
        log::error(std::string("finding related listings failed: ") + e.what());
        store_.reset();
      }
    }
    ui_.post(
        [done = std::move(done), found = std::move(found)]() mutable { done(std::move(found)); });
  });
}

void ListingsReader::match(MatchProfile profile, std::int64_t now, std::size_t limit,
                           std::function<void(std::vector<MatchResult>)> done) {
  worker_.post([this, profile = std::move(profile), now, limit, done = std::move(done)]() mutable {
    std::vector<MatchResult> found;
    if (Store* s = store()) {
      try {
        found = match_listings(*s, profile, now, limit);
      } catch (const std::exception& e) {
        log::error(std::string("matching failed: ") + e.what());
        store_.reset();
      }
    }
    profile.clear();  // the resident's taps, wiped before they are freed
    ui_.post(
        [done = std::move(done), found = std::move(found)]() mutable { done(std::move(found)); });
  });
}

namespace {

std::optional<Listing> read_listing(Store& s, ListingKind kind, std::int64_t key) {
  const auto as_listing = [](auto record) -> std::optional<Listing> {
    if (!record) return std::nullopt;
    return Listing(std::move(*record));
  };
  switch (kind) {
    case ListingKind::Job:
      return as_listing(s.job(key));
    case ListingKind::Program:
      return as_listing(s.program(key));
    case ListingKind::Event:
      return as_listing(s.event(key));
    case ListingKind::Service:
      return as_listing(s.service(key));
    case ListingKind::Faq:
      break;
  }
  return std::nullopt;
}

}  // namespace

void ListingsReader::listing(ListingKind kind, std::int64_t key,
                             std::function<void(std::optional<Listing>)> done) {
  worker_.post([this, kind, key, done = std::move(done)]() mutable {
    std::optional<Listing> found;
    if (Store* s = store()) {
      try {
        found = read_listing(*s, kind, key);
      } catch (const std::exception& e) {
        log::error(std::string("reading a listing failed: ") + e.what());
        store_.reset();
      }
    }
    ui_.post(
        [done = std::move(done), found = std::move(found)]() mutable { done(std::move(found)); });
  });
}

void ListingsReader::faq(std::function<void(std::shared_ptr<const faq::FaqIndex>)> done) {
  worker_.post([this, done = std::move(done)]() mutable {
    std::vector<FaqEntry> entries;
    if (Store* s = store()) {
      try {
        entries = s->faq_entries();
      } catch (const std::exception& e) {
        log::error(std::string("reading the FAQ failed: ") + e.what());
        store_.reset();
      }
    }
    auto index = std::make_shared<const faq::FaqIndex>(std::move(entries));
    ui_.post(
        [done = std::move(done), index = std::move(index)]() mutable { done(std::move(index)); });
  });
}

void ListingsReader::with_store(std::function<std::function<void()>(Store*)> read) {
  worker_.post([this, read = std::move(read)] {
    std::function<void()> then;
    try {
      then = read(store());
    } catch (const std::exception& e) {
      log::error(std::string("reading the cache failed: ") + e.what());
      store_.reset();
      then = read(nullptr);
    }
    if (then) ui_.post(std::move(then));
  });
}

void ListingsReader::forget_session() {
  worker_.post([this] {
    if (store_) vocabulary_ = store_->vocabulary_cache();  // listing words only
    store_.reset();
  });
}

}  // namespace kiosk

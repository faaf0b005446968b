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

void ListingsReader::job(std::int64_t key, std::function<void(std::optional<Job>)> done) {
  worker_.post([this, key, done = std::move(done)]() mutable {
    std::optional<Job> job;
    if (Store* s = store()) {
      try {
        job = s->job(key);
      } catch (const std::exception& e) {
        log::error(std::string("reading a job failed: ") + e.what());
        store_.reset();
      }
    }
    ui_.post([done = std::move(done), job = std::move(job)]() mutable { done(std::move(job)); });
  });
}

void ListingsReader::forget_session() {
  worker_.post([this] {
    if (store_) vocabulary_ = store_->vocabulary_cache();  // listing words only
    store_.reset();
  });
}

}  // namespace kiosk

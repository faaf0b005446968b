// libcurl handles in RAII types, shared by every transfer (feeds, sign-up delivery), and the
// once-per-process global init.
#pragma once

#include <curl/curl.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

namespace kiosk::curl {

inline void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct EasyDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
// Header lines may carry credentials (a feed's API key): each is wiped before it is freed.
struct ListDeleter {
  void operator()(curl_slist* l) const {
    for (curl_slist* item = l; item != nullptr; item = item->next) {
      for (volatile char* p = item->data; p != nullptr && *p != '\0'; ++p) *p = 0;
    }
    curl_slist_free_all(l);
  }
};
using Easy = std::unique_ptr<CURL, EasyDeleter>;
using List = std::unique_ptr<curl_slist, ListDeleter>;

inline void append(List& list, const std::string& header) {
  list.reset(curl_slist_append(list.release(), header.c_str()));
}

// The settings every transfer shares (STYLE.md: safe defaults in the network layer): TLS verified
// and at least 1.2, no signals, the timeouts.
inline void secure_defaults(CURL* c, long connect_timeout_ms, long total_timeout_ms) {
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(c, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, connect_timeout_ms);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, total_timeout_ms);
}

inline int cancel_progress(void* cancel, curl_off_t /*dltotal*/, curl_off_t /*dlnow*/,
                           curl_off_t /*ultotal*/, curl_off_t /*ulnow*/) {
  return static_cast<const std::atomic<bool>*>(cancel)->load() ? 1 : 0;
}

// The transfer ends (CURLE_ABORTED_BY_CALLBACK) soon after *cancel turns true; null: never.
inline void cancel_with(CURL* c, const std::atomic<bool>* cancel) {
  if (cancel == nullptr) return;
  curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, cancel_progress);
  curl_easy_setopt(c, CURLOPT_XFERINFODATA, const_cast<std::atomic<bool>*>(cancel));
  curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
}

}  // namespace kiosk::curl

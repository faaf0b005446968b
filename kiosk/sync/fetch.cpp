#include "kiosk/sync/fetch.h"

#include <openssl/x509_vfy.h>
#include <strings.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>

#include "kiosk/base/curl_handle.h"
#include "kiosk/base/url.h"
#include "kiosk/base/wipe.h"

namespace kiosk {
namespace {

using Clock = std::chrono::steady_clock;

constexpr long kMaxRedirects = 5;

struct Transfer {
  FetchResult* result = nullptr;
  std::size_t max_bytes = 0;
  bool too_large = false;
  std::ofstream* file = nullptr;  // the body goes here when set
  std::size_t received = 0;       // body bytes, decoded
  std::size_t max_header_bytes = 0;
  std::size_t header_bytes = 0;  // every response's, redirects included
  bool headers_too_large = false;
  bool answered = false;  // a status line came
  Clock::time_point last_byte = Clock::now();
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  t->last_byte = Clock::now();
  if (t->received + n > t->max_bytes) {
    t->too_large = true;
    return 0;  // aborts the transfer
  }
  t->received += n;
  if (t->file != nullptr) {
    t->file->write(data, static_cast<std::streamsize>(n));
    return t->file->good() ? n : 0;
  }
  t->result->body.append(data, n);
  return n;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == '\n' || s.back() == ' ')) s.pop_back();
  std::size_t i = 0;
  while (i < s.size() && s[i] == ' ') ++i;
  return s.substr(i);
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  t->last_byte = Clock::now();
  t->answered = true;
  t->header_bytes += size * count;
  if (t->header_bytes > t->max_header_bytes) {
    t->headers_too_large = true;
    return 0;  // aborts the transfer
  }
  const std::string line(data, size * count);
  const auto colon = line.find(':');
  if (colon == std::string::npos) {
    if (line.starts_with("HTTP/")) {  // a new response (after a redirect): forget the old headers
      t->result->etag.clear();
      t->result->last_modified.clear();
      t->result->content_type.clear();
      t->result->retry_after_s.reset();
    }
    return size * count;
  }
  std::string name = line.substr(0, colon);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string value = trim(line.substr(colon + 1));
  if (name == "etag") t->result->etag = value;
  if (name == "last-modified") t->result->last_modified = value;
  if (name == "content-type") t->result->content_type = value;
  if (name == "retry-after") {
    // Seconds, or an HTTP date.
    char* end = nullptr;
    const long seconds = std::strtol(value.c_str(), &end, 10);
    if (!value.empty() && end != nullptr && *end == '\0' && seconds >= 0) {
      t->result->retry_after_s = seconds;
    } else if (const time_t when = curl_getdate(value.c_str(), nullptr); when > 0) {
      t->result->retry_after_s = std::max<long>(0, static_cast<long>(when - std::time(nullptr)));
    }
  }
  return size * count;
}

std::string plural(long n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// A transfer that ended on a clock (CURLE_OPERATION_TIMEDOUT), in words: no answer at all, an
// answer that stopped, one that trickled, or one that simply took longer than the whole limit.
std::string timed_out_words(const FetchRequest& request, const Transfer& t, CURL* c,
                            const std::string& detail) {
  if (!t.answered) return "the server did not answer in time (" + detail + ")";
  const auto silent_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t.last_byte).count();
  const auto silent_s = (silent_ms + 500) / 1000;
  const std::string got = std::to_string(t.received) + " bytes of the feed came";
  // The low-speed limit ends a silent transfer after low_speed_time_s: silence that long (a
  // second less for the clock's rounding) is a stall, not a trickle.
  if (request.low_speed_time_s > 0 && silent_s >= request.low_speed_time_s - 1) {
    return "the server stopped sending: " + got + ", then nothing for " +
           plural(static_cast<long>(silent_s), "second", "seconds");
  }
  curl_off_t total_us = 0;
  curl_easy_getinfo(c, CURLINFO_TOTAL_TIME_T, &total_us);
  if (total_us / 1000 + 100 < request.total_timeout_ms && request.low_speed_time_s > 0) {
    return "the server sent too slowly: less than " +
           plural(request.low_speed_bytes_per_s, "byte", "bytes") + " a second for " +
           plural(request.low_speed_time_s, "second", "seconds") + " (" + got + ")";
  }
  return "the server did not send the whole feed in time: " + got + " in " +
         plural(request.total_timeout_ms / 1000, "second", "seconds");
}

// A certificate the kiosk refused, in words (curl's OpenSSL backend reports X509's verdict).
std::string certificate_words(CURL* c, const std::string& detail) {
  long verdict = X509_V_OK;
  curl_easy_getinfo(c, CURLINFO_SSL_VERIFYRESULT, &verdict);
  const std::string lead = "the secure connection could not be verified: ";
  switch (verdict) {
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
      return lead + "the server's certificate is not signed by anyone the kiosk trusts (" + detail +
             ")";
    case X509_V_ERR_CERT_HAS_EXPIRED:
      return lead + "the server's certificate has expired (" + detail + ")";
    case X509_V_ERR_CERT_NOT_YET_VALID:
      return lead + "the server's certificate is not valid yet (" + detail + ")";
    case X509_V_ERR_HOSTNAME_MISMATCH:
    case X509_V_ERR_IP_ADDRESS_MISMATCH:
    case X509_V_OK:  // the chain is good: curl's own check of the name refused it
      return lead + "the server's certificate is not valid for this address (" + detail + ")";
    default:
      break;
  }
  return lead + "(" + detail + ")";
}

FetchResult fetch_file(const FetchRequest& request) {
  FetchResult result;
  const std::filesystem::path path = file_url_path(request.url, &result.error);
  if (path.empty()) return result;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) {
    result.error = "cannot read " + path.string() + ": " + ec.message();
    return result;
  }
  if (size > request.max_bytes) {
    result.error = over_size_limit(request.max_bytes);
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  result.body.resize(size);
  if (!in.read(result.body.data(), static_cast<std::streamsize>(size))) {
    result.error = "cannot read " + path.string();
    result.body.clear();
    return result;
  }
  result.status = FetchResult::Status::Ok;
  return result;
}

}  // namespace

FetchResult fetch(const FetchRequest& request, const std::atomic<bool>* cancel) {
  FetchResult result;
  std::string why;
  if (!allowed_feed_url(request.url, &why)) {
    result.error = why;
    return result;
  }
  if (request.url.starts_with("file:")) return fetch_file(request);

  curl::global_init();
  curl::Easy curl(curl_easy_init());
  if (!curl) {
    result.error = "cannot start a network transfer";
    return result;
  }
  curl::List headers;
  const auto add_header = [&headers](const std::string& h) { curl::append(headers, h); };
  if (!request.etag.empty()) add_header("If-None-Match: " + request.etag);
  if (!request.last_modified.empty()) add_header("If-Modified-Since: " + request.last_modified);
  const bool own_accept =
      std::any_of(request.headers.begin(), request.headers.end(),
                  [](const auto& h) { return strcasecmp(h.first.c_str(), "Accept") == 0; });
  if (!own_accept) {
    add_header(
        "Accept: application/ld+json, application/json;q=0.9, application/xml;q=0.8, "
        "text/csv;q=0.8, */*;q=0.1");
  }
  for (const auto& [name, value] : request.headers) {
    // Built in place: a temporary of `a + b` would free a copy of the key unwiped.
    std::string line;
    line.reserve(name.size() + 2 + value.size());
    line.append(name).append(": ").append(value);
    add_header(line);
    wipe(line);
  }

  std::ofstream body_file;
  if (!request.body_file.empty()) {
    body_file.open(request.body_file, std::ios::binary | std::ios::trunc);
    if (!body_file) {
      result.error = "cannot write the download to " + request.body_file.string();
      return result;
    }
  }
  Transfer transfer;
  transfer.result = &result;
  transfer.max_bytes = request.max_bytes;
  transfer.file = request.body_file.empty() ? nullptr : &body_file;
  transfer.max_header_bytes = request.max_header_bytes;
  char error_buffer[CURL_ERROR_SIZE] = {};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https,http");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR,
                   request.url.starts_with("http://") ? "http" : "https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, kMaxRedirects);
  curl::secure_defaults(c, request.connect_timeout_ms, request.total_timeout_ms);
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // gzip and deflate, decoded by curl
  curl_easy_setopt(c, CURLOPT_USERAGENT, request.user_agent.c_str());
  // Announced sizes only (a Content-Length over the cap is refused before any byte); on_body
  // counts the decoded bytes that really come, which is what stops a chunked body or a bomb.
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(request.max_bytes));
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, request.low_speed_bytes_per_s);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, request.low_speed_time_s);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &transfer);
  curl::cancel_with(c, cancel);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error_buffer);

  const CURLcode rc = curl_easy_perform(c);
  if (body_file.is_open()) body_file.close();
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &result.http_code);
  const std::string detail = error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(rc);
  if (rc != CURLE_OK) {
    result.body.clear();
    // kiosk/staff/health.cpp tells staff which kind of failure each is by its opening words.
    switch (rc) {
      case CURLE_WRITE_ERROR:
      case CURLE_FILESIZE_EXCEEDED:
        result.error = transfer.headers_too_large
                           ? "the server sent endless headers: more than " +
                                 std::to_string(request.max_header_bytes / 1024) +
                                 " KB of them, and no feed"
                       : transfer.too_large || rc == CURLE_FILESIZE_EXCEEDED
                           ? over_size_limit(request.max_bytes)
                           : "could not store the download (" + detail + ")";
        break;
      case CURLE_OPERATION_TIMEDOUT:
        result.error = timed_out_words(request, transfer, c, detail);
        break;
      case CURLE_OUT_OF_MEMORY:
        // libcurl refuses one header line over CURL_MAX_HTTP_HEADER this way, before on_header
        // sees it; with no body yet, that is what it was.
        result.error = transfer.received == 0
                           ? "the server sent endless headers: one header line longer than " +
                                 std::to_string(CURL_MAX_HTTP_HEADER / 1024) + " KB, and no feed"
                           : "the download failed (" + detail + ")";
        break;
      case CURLE_PARTIAL_FILE:
        result.error = "the download was cut short: the feed arrived incomplete";
        break;
      case CURLE_COULDNT_RESOLVE_HOST:
        result.error = "could not find the server (no network, or a wrong address)";
        break;
      case CURLE_COULDNT_CONNECT:
        result.error = "could not connect to the server (" + detail + ")";
        break;
      case CURLE_ABORTED_BY_CALLBACK:
        result.error = "the download was cancelled";
        break;
      case CURLE_TOO_MANY_REDIRECTS:
        result.error =
            "too many redirects: the server sent the kiosk on to another address more "
            "than " +
            std::to_string(kMaxRedirects) + " times";
        break;
      case CURLE_PEER_FAILED_VERIFICATION:
        result.error = certificate_words(c, detail);
        break;
      case CURLE_SSL_CONNECT_ERROR:
      case CURLE_SSL_CACERT_BADFILE:
        result.error = "the secure connection could not be verified (" + detail + ")";
        break;
      case CURLE_BAD_CONTENT_ENCODING:
        result.error = "the server sent a damaged compressed body";
        break;
      default:
        result.error = "the download failed (" + detail + ")";
        break;
    }
    return result;
  }
  if (result.http_code == 304) {
    result.body.clear();
    result.status = FetchResult::Status::NotModified;
    return result;
  }
  if (result.http_code < 200 || result.http_code >= 300) {
    result.body.clear();
    result.error = "the server answered HTTP " + std::to_string(result.http_code);
    return result;
  }
  result.status = FetchResult::Status::Ok;
  return result;
}

std::string over_size_limit(std::size_t max_bytes) {
  return "the feed is larger than the " + std::to_string(max_bytes / (std::size_t{1024} * 1024)) +
         " MB limit set by [feeds] max_feed_mb";
}

}  // namespace kiosk

#include "kiosk/sync/fetch.h"

#include <strings.h>

#include <algorithm>
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

struct Transfer {
  FetchResult* result = nullptr;
  std::size_t max_bytes = 0;
  bool too_large = false;
  std::ofstream* file = nullptr;  // the body goes here when set
  std::size_t received = 0;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
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
  Transfer transfer{&result, request.max_bytes, false,
                    request.body_file.empty() ? nullptr : &body_file, 0};
  char error_buffer[CURL_ERROR_SIZE] = {};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https,http");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR,
                   request.url.starts_with("http://") ? "http" : "https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
  curl::secure_defaults(c, request.connect_timeout_ms, request.total_timeout_ms);
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // gzip and deflate, decoded by curl
  curl_easy_setopt(c, CURLOPT_USERAGENT, request.user_agent.c_str());
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(request.max_bytes));
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
        result.error = transfer.too_large || rc == CURLE_FILESIZE_EXCEEDED
                           ? over_size_limit(request.max_bytes)
                           : "could not store the download (" + detail + ")";
        break;
      case CURLE_OPERATION_TIMEDOUT:
        result.error = "the server did not answer in time (" + detail + ")";
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
        result.error = "too many redirects";
        break;
      case CURLE_PEER_FAILED_VERIFICATION:
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

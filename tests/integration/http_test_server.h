// A real HTTP/1.1 server for integration tests on cpp-httplib, listening on 127.0.0.1 on an
// ephemeral port, with routes a test sets; HTTPS with a certificate the test gives. Responses can
// be delayed, truncated, stalled, trickled, gzip-compressed, chunked or generated piece by piece
// (a body of gigabytes never held in memory) to exercise a client's error handling.
//
// Links against cpp-httplib (with its pkg-config flags) and zlib (for HttpResponse::gzip).
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

struct x509_st;      // OpenSSL's X509
struct evp_pkey_st;  // OpenSSL's EVP_PKEY

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace kiosk::testing {

struct HttpRequest {
  std::string method;
  std::string path;   // without the query, not percent-decoded
  std::string query;  // the part after '?', without the '?'; empty when absent
  std::map<std::string, std::string> headers;  // lower-cased names; repeated headers joined by ", "
  std::string body;                            // read when the request has a Content-Length
};

struct HttpResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. {"ETag", "\"v1\""}
  std::string body;
  int delay_ms = 0;       // sleep before sending anything (client timeouts)
  int body_delay_ms = 0;  // send the headers, then sleep before the body
  bool truncate = false;  // announce the full Content-Length, send only half the body, then close
  bool gzip = false;      // gzip the body and send Content-Encoding: gzip
  bool chunked = false;   // Transfer-Encoding: chunked instead of Content-Length
  bool stall = false;     // send half the body, then nothing more (the connection stays open
                          // until the client leaves or the server is destroyed)
  int trickle_ms = 0;     // send the body one byte at a time, this long between bytes
  // A body made as it is sent, never whole: each call returns the next piece, empty at the end.
  // With generated_length set, that Content-Length is announced; otherwise the body is chunked.
  // Replaces `body`; truncate, gzip, stall and trickle_ms do not apply to it.
  std::function<std::string()> generate{};
  std::optional<std::size_t> generated_length{};
};

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

// Content-Length or Transfer-Encoding and Content-Encoding are added by the server. No body is sent
// for 204 and 304 responses or for HEAD requests. Sleeps requested through delay_ms/body_delay_ms
// are cut short when the server is destroyed; a handler that blocks on its own is not (keep
// handlers quick).
class HttpTestServer {
 public:
  HttpTestServer();  // binds 127.0.0.1:0 and starts serving; throws std::runtime_error on failure
  // HTTPS with this certificate and key (the server keeps its own references).
  HttpTestServer(x509_st* certificate, evp_pkey_st* key);
  ~HttpTestServer();
  HttpTestServer(const HttpTestServer&) = delete;
  HttpTestServer& operator=(const HttpTestServer&) = delete;

  // Exact path match (no query); replaces an earlier handler for the same path. Unknown → 404.
  void route(const std::string& path, HttpHandler handler);
  int port() const;
  std::string url(const std::string& path) const;  // "http(s)://127.0.0.1:PORT" + path
  int hits(const std::string& path) const;         // requests received for that path (any route)

 private:
  void start();
  void dispatch(const httplib::Request& request, httplib::Response& response);
  bool sleep_ms(int ms);  // false when the server is stopping

  std::unique_ptr<httplib::Server> server_;
  int port_ = 0;
  bool https_ = false;
  std::atomic<bool> stopping_{false};
  std::mutex stop_mu_;
  std::condition_variable stop_cv_;

  mutable std::mutex mu_;  // guards routes_ and hits_
  std::map<std::string, HttpHandler> routes_;
  std::map<std::string, int> hits_;

  std::thread thread_;
};

}  // namespace kiosk::testing

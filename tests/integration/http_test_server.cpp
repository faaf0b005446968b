#include "tests/integration/http_test_server.h"

#include <httplib.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <stdexcept>

namespace kiosk::testing {
namespace {

constexpr std::size_t kPiece = 16384;

std::string lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

bool gzip_compress(const std::string& in, std::string& out) {
  z_stream zs;
  std::memset(&zs, 0, sizeof(zs));
  if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return false;
  }
  out.assign(deflateBound(&zs, static_cast<uLong>(in.size())) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  int rc = Z_OK;
  while (rc == Z_OK || rc == Z_BUF_ERROR) {
    if (zs.total_out == out.size()) out.resize(out.size() * 2);
    zs.next_out = reinterpret_cast<Bytef*>(&out[zs.total_out]);
    zs.avail_out = static_cast<uInt>(out.size() - zs.total_out);
    rc = deflate(&zs, Z_FINISH);
  }
  const bool ok = rc == Z_STREAM_END;
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return ok;
}

}  // namespace

HttpTestServer::HttpTestServer() : server_(std::make_unique<httplib::Server>()) {
  start();
}

HttpTestServer::HttpTestServer(x509_st* certificate, evp_pkey_st* key)
    : server_(std::make_unique<httplib::SSLServer>(certificate, key)), https_(true) {
  if (!server_->is_valid()) throw std::runtime_error("HttpTestServer: the certificate was refused");
  start();
}

void HttpTestServer::start() {
  server_->set_payload_max_length(std::size_t{64} << 20);
  const auto handler = [this](const httplib::Request& req, httplib::Response& res) {
    dispatch(req, res);
  };
  server_->Get("/.*", handler);  // and HEAD
  server_->Post("/.*", handler);
  server_->Put("/.*", handler);
  server_->Patch("/.*", handler);
  server_->Delete("/.*", handler);
  server_->Options("/.*", handler);
  port_ = server_->bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("HttpTestServer: cannot listen on 127.0.0.1");
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

HttpTestServer::~HttpTestServer() {
  {
    const std::lock_guard lock(stop_mu_);
    stopping_.store(true, std::memory_order_release);
  }
  stop_cv_.notify_all();
  server_->stop();
  if (thread_.joinable()) thread_.join();
}

void HttpTestServer::route(const std::string& path, HttpHandler handler) {
  const std::lock_guard lock(mu_);
  routes_[path] = std::move(handler);
}

int HttpTestServer::port() const {
  return port_;
}

std::string HttpTestServer::url(const std::string& path) const {
  return (https_ ? "https://127.0.0.1:" : "http://127.0.0.1:") + std::to_string(port_) + path;
}

int HttpTestServer::hits(const std::string& path) const {
  const std::lock_guard lock(mu_);
  auto it = hits_.find(path);
  return it == hits_.end() ? 0 : it->second;
}

bool HttpTestServer::sleep_ms(int ms) {
  if (ms <= 0) return !stopping_.load(std::memory_order_acquire);
  std::unique_lock lock(stop_mu_);
  return !stop_cv_.wait_for(lock, std::chrono::milliseconds(ms),
                            [this] { return stopping_.load(std::memory_order_acquire); });
}

void HttpTestServer::dispatch(const httplib::Request& req, httplib::Response& res) {
  HttpRequest request;
  request.method = req.method;
  request.path = req.path;
  if (const auto q = req.target.find('?'); q != std::string::npos) {
    request.query = req.target.substr(q + 1);
  }
  for (const auto& [name, value] : req.headers) {
    auto [it, inserted] = request.headers.emplace(lower(name), value);
    if (!inserted) it->second += ", " + value;
  }
  request.body = req.body;

  HttpHandler handler;
  {
    const std::lock_guard lock(mu_);
    ++hits_[request.path];
    auto it = routes_.find(request.path);
    if (it != routes_.end()) handler = it->second;
  }
  HttpResponse answer;
  if (!handler) {
    answer = HttpResponse{404, {{"Content-Type", "text/plain"}}, "Not Found\n"};
  } else {
    try {
      answer = handler(request);
    } catch (const std::exception& e) {
      answer = HttpResponse{
          500, {{"Content-Type", "text/plain"}}, std::string("handler threw: ") + e.what() + "\n"};
    }
  }
  if (!sleep_ms(answer.delay_ms)) {
    res.status = 503;
    return;
  }

  res.status = answer.status;
  std::string content_type;
  for (const auto& [name, value] : answer.headers) {
    const std::string key = lower(name);
    if (key == "content-type") content_type = value;
    if (key == "content-length" || key == "transfer-encoding" || key == "connection") continue;
    res.set_header(name, value);
  }
  const bool no_body =
      answer.status == 204 || answer.status == 304 || (answer.status >= 100 && answer.status < 200);
  if (no_body) return;
  // Never a type httplib would compress on its own (it gzips text/* and JSON when asked to).
  const std::string type = content_type.empty() ? "application/octet-stream" : content_type;
  if (answer.generate) {
    // One piece at a time, each made when the connection can take it.
    auto generate = std::make_shared<std::function<std::string()>>(std::move(answer.generate));
    const auto send = [this, generate](httplib::DataSink& sink) {
      if (stopping_.load(std::memory_order_acquire)) return false;
      const std::string piece = (*generate)();
      if (piece.empty()) {
        if (sink.done) sink.done();
        return true;
      }
      return sink.write(piece.data(), piece.size());
    };
    if (answer.generated_length) {
      res.set_content_provider(
          *answer.generated_length, type,
          [send](std::size_t, std::size_t, httplib::DataSink& sink) { return send(sink); });
    } else {
      res.set_chunked_content_provider(
          type, [send](std::size_t, httplib::DataSink& sink) { return send(sink); });
    }
    return;
  }
  if (answer.body.empty() && !answer.chunked) {
    res.set_content("", type);  // a provider of 0 bytes would never finish the response
    return;
  }
  auto body = std::make_shared<std::string>(std::move(answer.body));
  if (answer.gzip) {
    std::string compressed;
    if (gzip_compress(*body, compressed)) *body = std::move(compressed);
    res.set_header("Content-Encoding", "gzip");
  }
  // Exact bytes through a content provider: httplib compresses neither these nor (without a
  // compressible Content-Type) chunked ones, and a provider that returns false breaks the
  // connection mid-body, as `truncate` wants.
  const bool stall = answer.stall;
  const std::size_t to_send = answer.truncate || stall ? body->size() / 2 : body->size();
  const int body_delay_ms = answer.body_delay_ms;
  const int trickle_ms = answer.trickle_ms;
  const bool truncate = answer.truncate;
  auto started = std::make_shared<bool>(false);
  const auto send = [this, body, to_send, body_delay_ms, trickle_ms, truncate, stall, started](
                        std::size_t offset, httplib::DataSink& sink) {
    if (!*started) {
      *started = true;
      if (!sleep_ms(body_delay_ms)) return false;
    } else if (trickle_ms > 0 && !sleep_ms(trickle_ms)) {
      return false;
    }
    if (stall && offset >= to_send) {
      // Silence with the connection open, until the server stops.
      while (sleep_ms(100)) {
      }
      return false;
    }
    const std::size_t n =
        std::min(trickle_ms > 0 ? std::size_t{1} : kPiece, to_send - std::min(offset, to_send));
    if (n > 0 && !sink.write(body->data() + offset, n)) return false;
    if (offset + n >= to_send) {
      if (truncate) return false;  // drop the connection with the body half sent
      if (sink.done) sink.done();
    }
    return true;
  };
  if (answer.chunked) {
    res.set_chunked_content_provider(
        type, [send](std::size_t offset, httplib::DataSink& sink) { return send(offset, sink); });
  } else {
    res.set_content_provider(body->size(), type,
                             [send](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                               return send(offset, sink);
                             });
  }
}

}  // namespace kiosk::testing

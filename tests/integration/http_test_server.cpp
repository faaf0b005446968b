#include "tests/integration/http_test_server.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace kiosk::testing {
namespace {

constexpr std::size_t kMaxHeaderBytes = 64 * 1024;
constexpr std::size_t kMaxBodyBytes = 64 * 1024 * 1024;
constexpr int kPollMs = 20;

std::string lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

std::string trim(const std::string& s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return s.substr(b, e - b);
}

const char* reason(int status) {
  switch (status) {
    case 100:
      return "Continue";
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 204:
      return "No Content";
    case 206:
      return "Partial Content";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 307:
      return "Temporary Redirect";
    case 308:
      return "Permanent Redirect";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 410:
      return "Gone";
    case 413:
      return "Content Too Large";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "Status";
  }
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

HttpTestServer::HttpTestServer() {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listen_fd_ < 0) throw std::runtime_error("HttpTestServer: socket() failed");
  const int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  socklen_t len = sizeof(addr);
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0 ||
      ::listen(listen_fd_, 64) != 0 ||
      ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0 ||
      ::fcntl(listen_fd_, F_SETFL, O_NONBLOCK) != 0) {
    ::close(listen_fd_);
    throw std::runtime_error(std::string("HttpTestServer: bind/listen failed: ") +
                             std::strerror(errno));
  }
  port_ = ntohs(addr.sin_port);
  try {
    acceptor_ = std::thread([this] { accept_loop(); });
  } catch (...) {
    ::close(listen_fd_);
    throw;
  }
}

HttpTestServer::~HttpTestServer() {
  {
    std::lock_guard<std::mutex> lock(stop_mu_);
    stopping_.store(true, std::memory_order_release);
  }
  stop_cv_.notify_all();
  if (acceptor_.joinable()) acceptor_.join();
  reap_connections(true);
  ::close(listen_fd_);
}

void HttpTestServer::route(const std::string& path, HttpHandler handler) {
  std::lock_guard<std::mutex> lock(mu_);
  routes_[path] = std::move(handler);
}

int HttpTestServer::port() const {
  return port_;
}

std::string HttpTestServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

int HttpTestServer::hits(const std::string& path) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = hits_.find(path);
  return it == hits_.end() ? 0 : it->second;
}

bool HttpTestServer::sleep_ms(int ms) {
  if (ms <= 0) return !stopping();
  std::unique_lock<std::mutex> lock(stop_mu_);
  return !stop_cv_.wait_for(lock, std::chrono::milliseconds(ms), [this] { return stopping(); });
}

void HttpTestServer::reap_connections(bool all) {
  for (auto it = connections_.begin(); it != connections_.end();) {
    if (all || it->done->load(std::memory_order_acquire)) {
      if (it->thread.joinable()) it->thread.join();
      it = connections_.erase(it);
    } else {
      ++it;
    }
  }
}

void HttpTestServer::accept_loop() {
  while (!stopping()) {
    try {
      pollfd p{listen_fd_, POLLIN, 0};
      const int r = ::poll(&p, 1, kPollMs);
      reap_connections(false);
      if (r <= 0) continue;
      const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
      if (fd < 0) continue;
      const int one = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
      connections_.emplace_back();
      Connection& c = connections_.back();
      try {
        c.done = std::make_shared<std::atomic<bool>>(false);
        auto done = c.done;
        c.thread = std::thread([this, fd, done] {
          serve(fd);  // never throws; closes fd
          done->store(true, std::memory_order_release);
        });
      } catch (...) {
        connections_.pop_back();
        ::close(fd);
      }
    } catch (...) {
      // Keep accepting; a failed connection must not take the server down.
    }
  }
}

void HttpTestServer::serve(int fd) {
  // Waits until fd is ready for `events`; false on stop, error or hang-up without data.
  auto wait_for = [this, fd](short events) {
    while (!stopping()) {
      pollfd p{fd, events, 0};
      const int r = ::poll(&p, 1, kPollMs);
      if (r < 0 && errno != EINTR) return false;
      if (r > 0) {
        if (p.revents & events) return true;
        if (p.revents & (POLLERR | POLLHUP | POLLNVAL)) return false;
      }
    }
    return false;
  };
  // Appends what is available to buf; false on EOF, error or stop.
  auto read_some = [&](std::string& buf) {
    char chunk[16384];
    while (wait_for(POLLIN)) {
      const ssize_t n = ::recv(fd, chunk, sizeof(chunk), 0);
      if (n > 0) {
        buf.append(chunk, static_cast<std::size_t>(n));
        return true;
      }
      if (n == 0) return false;
      if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return false;
    }
    return false;
  };
  auto send_all = [&](const char* data, std::size_t size) {
    while (size > 0) {
      const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
      if (n > 0) {
        data += n;
        size -= static_cast<std::size_t>(n);
        continue;
      }
      if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return false;
      if (!wait_for(POLLOUT)) return false;
    }
    return true;
  };
  auto send_str = [&](const std::string& s) { return send_all(s.data(), s.size()); };
  auto simple = [&](int status) {
    const std::string text = std::string(reason(status)) + "\n";
    send_str("HTTP/1.1 " + std::to_string(status) + " " + reason(status) +
             "\r\nContent-Type: text/plain\r\nContent-Length: " + std::to_string(text.size()) +
             "\r\nConnection: close\r\n\r\n" + text);
  };

  try {
    // Request line and headers.
    std::string buf;
    std::size_t header_end = std::string::npos;
    while ((header_end = buf.find("\r\n\r\n")) == std::string::npos) {
      if (buf.size() > kMaxHeaderBytes) {
        simple(431);
        break;
      }
      if (!read_some(buf)) break;
    }
    if (header_end == std::string::npos || header_end > kMaxHeaderBytes) {
      if (header_end != std::string::npos) simple(431);
      ::close(fd);
      return;
    }

    HttpRequest req;
    bool bad = false;
    {
      std::size_t pos = 0;
      bool first = true;
      std::string last_name;
      while (pos < header_end) {
        std::size_t eol = buf.find("\r\n", pos);
        if (eol == std::string::npos || eol > header_end) eol = header_end;
        const std::string line = buf.substr(pos, eol - pos);
        pos = eol + 2;
        if (first) {
          first = false;
          const std::size_t s1 = line.find(' ');
          const std::size_t s2 = line.rfind(' ');
          if (s1 == std::string::npos || s2 == s1 || line.compare(s2 + 1, 5, "HTTP/") != 0) {
            bad = true;
            break;
          }
          req.method = line.substr(0, s1);
          std::string target = line.substr(s1 + 1, s2 - s1 - 1);
          if (target.rfind("http://", 0) == 0 || target.rfind("https://", 0) == 0) {
            const std::size_t slash = target.find('/', target.find("//") + 2);
            target = slash == std::string::npos ? "/" : target.substr(slash);
          }
          const std::size_t hash = target.find('#');
          if (hash != std::string::npos) target.resize(hash);
          const std::size_t q = target.find('?');
          req.path = target.substr(0, q);
          if (q != std::string::npos) req.query = target.substr(q + 1);
          if (req.method.empty() || req.path.empty()) bad = true;
          continue;
        }
        if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {  // obsolete line folding
          if (!last_name.empty()) req.headers[last_name] += " " + trim(line);
          continue;
        }
        const std::size_t colon = line.find(':');
        if (colon == std::string::npos || colon == 0) {
          bad = true;
          break;
        }
        last_name = lower(trim(line.substr(0, colon)));
        const std::string value = trim(line.substr(colon + 1));
        auto [it, inserted] = req.headers.emplace(last_name, value);
        if (!inserted) it->second += ", " + value;
      }
      if (first) bad = true;
    }
    if (bad) {
      simple(400);
      ::close(fd);
      return;
    }

    // Body (only Content-Length framed bodies are supported).
    std::string rest = buf.substr(header_end + 4);
    if (req.headers.count("transfer-encoding")) {
      simple(501);
      ::close(fd);
      return;
    }
    if (auto it = req.headers.find("content-length"); it != req.headers.end()) {
      std::size_t length = 0;
      try {
        length = static_cast<std::size_t>(std::stoull(it->second));
      } catch (...) {
        simple(400);
        ::close(fd);
        return;
      }
      if (length > kMaxBodyBytes) {
        simple(413);
        ::close(fd);
        return;
      }
      auto expect = req.headers.find("expect");
      if (expect != req.headers.end() && lower(expect->second) == "100-continue" &&
          rest.size() < length) {
        send_str("HTTP/1.1 100 Continue\r\n\r\n");
      }
      while (rest.size() < length) {
        if (!read_some(rest)) {
          ::close(fd);
          return;
        }
      }
      rest.resize(length);
      req.body = std::move(rest);
    }

    // Dispatch.
    HttpHandler handler;
    {
      std::lock_guard<std::mutex> lock(mu_);
      ++hits_[req.path];
      auto it = routes_.find(req.path);
      if (it != routes_.end()) handler = it->second;
    }
    HttpResponse res;
    if (handler) {
      try {
        res = handler(req);
      } catch (const std::exception& e) {
        res = HttpResponse{};
        res.status = 500;
        res.headers = {{"Content-Type", "text/plain"}};
        res.body = std::string("handler threw: ") + e.what() + "\n";
      } catch (...) {
        res = HttpResponse{};
        res.status = 500;
        res.headers = {{"Content-Type", "text/plain"}};
        res.body = "handler threw\n";
      }
    } else {
      res.status = 404;
      res.headers = {{"Content-Type", "text/plain"}};
      res.body = "Not Found\n";
    }

    if (!sleep_ms(res.delay_ms)) {
      ::close(fd);
      return;
    }

    // Build the head.
    const bool no_body_status =
        (res.status >= 100 && res.status < 200) || res.status == 204 || res.status == 304;
    const bool head_only = no_body_status || req.method == "HEAD";
    std::string body = std::move(res.body);
    if (res.gzip && !no_body_status) {
      std::string compressed;
      if (gzip_compress(body, compressed)) body = std::move(compressed);
    }
    auto has_header = [&res](const char* name) {
      const std::string want = lower(name);
      return std::any_of(res.headers.begin(), res.headers.end(),
                         [&want](const auto& h) { return lower(h.first) == want; });
    };
    std::string head = "HTTP/1.1 " + std::to_string(res.status) + " " + reason(res.status) + "\r\n";
    for (const auto& [name, value] : res.headers) head += name + ": " + value + "\r\n";
    if (res.gzip && !no_body_status && !has_header("Content-Encoding")) {
      head += "Content-Encoding: gzip\r\n";
    }
    if (!no_body_status) {
      if (res.chunked) {
        if (!has_header("Transfer-Encoding")) head += "Transfer-Encoding: chunked\r\n";
      } else if (!has_header("Content-Length")) {
        head += "Content-Length: " + std::to_string(body.size()) + "\r\n";
      }
    }
    if (!has_header("Connection")) head += "Connection: close\r\n";
    head += "\r\n";

    bool ok = send_str(head);
    if (ok && !head_only) {
      ok = sleep_ms(res.body_delay_ms);
      const std::size_t to_send = res.truncate ? body.size() / 2 : body.size();
      if (ok && res.chunked) {
        // Several chunks even for small bodies, so clients' chunk parsing gets exercised.
        const std::size_t piece = std::clamp<std::size_t>(body.size() / 3 + 1, 1, 4096);
        for (std::size_t off = 0; ok && off < to_send; off += piece) {
          const std::size_t n = std::min(piece, to_send - off);
          char size_line[32];
          std::snprintf(size_line, sizeof(size_line), "%zx\r\n", n);
          ok = send_str(size_line) && send_all(body.data() + off, n) && send_str("\r\n");
        }
        if (ok && !res.truncate) ok = send_str("0\r\n\r\n");
      } else if (ok) {
        ok = send_all(body.data(), to_send);
      }
    }
    if (ok) {
      ::shutdown(fd, SHUT_WR);
      // Give the client a moment to read everything before close, so it sees EOF rather than a
      // reset; bounded and cut short by stop.
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(200);
      char sink[4096];
      while (!stopping() && std::chrono::steady_clock::now() < deadline) {
        pollfd p{fd, POLLIN, 0};
        const int r = ::poll(&p, 1, kPollMs);
        if (r < 0 && errno != EINTR) break;
        if (r <= 0) continue;
        const ssize_t n = ::recv(fd, sink, sizeof(sink), 0);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) break;
      }
    }
  } catch (...) {
    // Nothing may escape a connection thread.
  }
  ::close(fd);
}

}  // namespace kiosk::testing

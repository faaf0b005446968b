// A TCP server on 127.0.0.1 that answers each connection with whatever bytes a test writes, for
// what no HTTP library would send: headers that never end, a header line of megabytes.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

namespace kiosk::testing {

class RawTestServer {
 public:
  // What a handler writes with: send() is false once the client has gone or the server stops,
  // pause() (milliseconds) is false when the server stops.
  class Connection {
   public:
    bool send(std::string_view bytes);
    bool pause(int ms);

   private:
    friend class RawTestServer;
    Connection(int fd, const std::atomic<bool>& stopping) : fd_(fd), stopping_(stopping) {}
    int fd_;
    const std::atomic<bool>& stopping_;
  };
  using Handler = std::function<void(Connection&)>;

  // Binds 127.0.0.1:0; each connection's request is read up to its blank line, then `handler`
  // answers it and the connection is closed. Throws std::runtime_error when it cannot listen.
  explicit RawTestServer(Handler handler);
  ~RawTestServer();  // stops handlers at their next send or pause, and joins them
  RawTestServer(const RawTestServer&) = delete;
  RawTestServer& operator=(const RawTestServer&) = delete;

  std::string url(std::string_view path) const;  // "http://127.0.0.1:PORT" + path
  int connections() const { return connections_.load(); }

 private:
  void serve(int fd);

  Handler handler_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> connections_{0};
  std::mutex mu_;  // guards workers_
  std::vector<std::thread> workers_;
  std::thread acceptor_;
};

}  // namespace kiosk::testing

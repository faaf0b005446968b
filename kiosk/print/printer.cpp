#include "kiosk/print/printer.h"

#include <cups/cups.h>
#include <sys/socket.h>

#include <algorithm>
#include <memory>
#include <string_view>
#include <utility>

namespace kiosk {

namespace {

struct DestFree {
  void operator()(cups_dest_t* dest) const { cupsFreeDests(1, dest); }
};
using DestPtr = std::unique_ptr<cups_dest_t, DestFree>;

// A job created on the server but not finished is cancelled when this goes out of scope, so a
// failed submission never leaves a held, empty job in the queue.
class PendingJob {
 public:
  PendingJob(const std::string& queue, int id) : queue_(queue), id_(id) {}
  ~PendingJob() {
    if (id_ > 0) cupsCancelJob2(CUPS_HTTP_DEFAULT, queue_.c_str(), id_, 0);
  }
  PendingJob(const PendingJob&) = delete;
  PendingJob& operator=(const PendingJob&) = delete;
  int release() { return std::exchange(id_, 0); }

 private:
  const std::string& queue_;
  int id_;
};

struct HttpClose {
  void operator()(http_t* http) const { httpClose(http); }
};
using HttpPtr = std::unique_ptr<http_t, HttpClose>;

// libcups reports "not found" both for a missing queue and, from cupsGetNamedDest, when no
// server answers at all; a direct connection tells the two apart.
std::string server_unreachable() {
  const char* server = cupsServer();
  const HttpPtr http(httpConnect2(server, ippPort(), nullptr, AF_UNSPEC, cupsEncryption(),
                                  /*blocking=*/1, /*msec=*/5000, nullptr));
  if (http) return {};
  return std::string("cannot reach the print server ") + (server != nullptr ? server : "");
}

// A one-line reason for the last libcups failure, prefixed with what was being done.
std::string reason(std::string_view what, const std::string& queue) {
  if (cupsLastError() == IPP_STATUS_ERROR_NOT_FOUND) {
    if (std::string down = server_unreachable(); !down.empty()) return down;
    return "printer " + queue + " not found";
  }
  const char* detail = cupsLastErrorString();
  std::string out(what);
  if (detail != nullptr && *detail != '\0') out += std::string(": ") + detail;
  return out;
}

void set_error(std::string* error, std::string_view what, const std::string& queue) {
  if (error != nullptr) *error = reason(what, queue);
}

// CUPS destination names: printable, no space, '/' (instance separator) or '#', at most 127
// bytes (RFC 8011 name length; cupsd's own limit).
bool valid_queue_name(const std::string& queue) {
  if (queue.empty() || queue.size() > 127) return false;
  return std::ranges::none_of(queue, [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7f || c == '/' || c == '#';
  });
}

bool check_queue(const std::string& queue, std::string* error) {
  if (valid_queue_name(queue)) return true;
  if (error != nullptr) *error = "invalid printer queue name";
  return false;
}

}  // namespace

bool printer_available(const std::string& queue, std::string* error) {
  if (!check_queue(queue, error)) return false;
  const DestPtr dest(cupsGetNamedDest(CUPS_HTTP_DEFAULT, queue.c_str(), nullptr));
  if (!dest) {
    set_error(error, "printer " + queue + " not available", queue);
    return false;
  }
  return true;
}

std::optional<int> print_document(const PrintJob& job, std::string* error) {
  if (!check_queue(job.queue, error)) return std::nullopt;
  if (job.document.empty()) {
    if (error != nullptr) *error = "empty document";
    return std::nullopt;
  }
  const char* title = job.title.empty() ? "kiosk" : job.title.c_str();
  const char* format = job.mime_type.empty() ? CUPS_FORMAT_AUTO : job.mime_type.c_str();

  // cupsCreateJob looks the queue up too, but reports a missing one as an internal error.
  if (!printer_available(job.queue, error)) return std::nullopt;
  const int id = cupsCreateJob(CUPS_HTTP_DEFAULT, job.queue.c_str(), title, 0, nullptr);
  if (id <= 0) {
    set_error(error, "cannot create a job on " + job.queue, job.queue);
    return std::nullopt;
  }
  PendingJob pending(job.queue, id);

  // Streamed to the server: the document never touches the kiosk's disk.
  if (cupsStartDocument(CUPS_HTTP_DEFAULT, job.queue.c_str(), id, title, format, 1) !=
      HTTP_STATUS_CONTINUE) {
    set_error(error, "cannot start the document", job.queue);
    return std::nullopt;
  }
  constexpr std::size_t kChunk = std::size_t{64} * 1024;
  bool written = true;
  for (std::size_t at = 0; at < job.document.size() && written; at += kChunk) {
    const std::size_t n = std::min(kChunk, job.document.size() - at);
    written = cupsWriteRequestData(CUPS_HTTP_DEFAULT, job.document.data() + at, n) ==
              HTTP_STATUS_CONTINUE;
  }
  // Always finish: it reads the server's answer and leaves the connection usable.
  const ipp_status_t status = cupsFinishDocument(CUPS_HTTP_DEFAULT, job.queue.c_str());
  if (!written || status > IPP_STATUS_OK_CONFLICTING) {
    set_error(error, written ? "the printer refused the document" : "cannot send the document",
              job.queue);
    return std::nullopt;
  }
  return pending.release();
}

}  // namespace kiosk

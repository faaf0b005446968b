#include "kiosk/access/jack_watch.h"

#include <fcntl.h>
#include <linux/input.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <thread>

#include "kiosk/base/log.h"

namespace kiosk {

void UniqueFd::reset(int fd) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = fd;
}

int JackEventParser::feed(const void* data, std::size_t size) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  partial_.insert(partial_.end(), bytes, bytes + size);
  int inserts = 0;
  std::size_t used = 0;
  while (partial_.size() - used >= sizeof(input_event)) {
    input_event ev{};
    std::memcpy(&ev, partial_.data() + used, sizeof ev);
    used += sizeof ev;
    if (ev.type == EV_SW && ev.code == SW_HEADPHONE_INSERT && ev.value == 1) ++inserts;
  }
  partial_.erase(partial_.begin(), partial_.begin() + static_cast<std::ptrdiff_t>(used));
  return inserts;
}

bool reports_headphone_jack(int fd) {
  constexpr std::size_t kBits = 8 * sizeof(unsigned long);
  std::array<unsigned long, (EV_MAX + kBits) / kBits> types{};
  if (::ioctl(fd, EVIOCGBIT(0, sizeof types), types.data()) < 0) return false;
  if ((types[EV_SW / kBits] & (1ul << (EV_SW % kBits))) == 0) return false;
  std::array<unsigned long, (SW_MAX + kBits) / kBits> switches{};
  if (::ioctl(fd, EVIOCGBIT(EV_SW, sizeof switches), switches.data()) < 0) return false;
  return (switches[SW_HEADPHONE_INSERT / kBits] & (1ul << (SW_HEADPHONE_INSERT % kBits))) != 0;
}

struct JackWatch::Impl {
  struct Source {
    UniqueFd fd;
    JackEventParser parser;
  };
  std::vector<Source> sources;
  Callback on_insert;
  UniqueFd stop_fd;  // an eventfd: written once to stop the thread
  std::thread thread;

  void run() {
    std::array<unsigned char, 64 * sizeof(input_event)> buffer{};
    for (;;) {
      std::vector<pollfd> fds;
      fds.push_back({stop_fd.get(), POLLIN, 0});
      for (const auto& s : sources) fds.push_back({s.fd.get(), POLLIN, 0});
      if (::poll(fds.data(), fds.size(), -1) < 0) {
        if (errno == EINTR) continue;
        log::warn(std::string("headphone jack: poll failed: ") +
                  std::strerror(errno));  // NOLINT(concurrency-mt-unsafe): glibc's is thread-safe
        return;
      }
      if (fds[0].revents != 0) return;
      bool dropped = false;
      for (std::size_t i = 1; i < fds.size(); ++i) {
        if (fds[i].revents == 0) continue;
        auto& source = sources[i - 1];
        const ssize_t n = ::read(source.fd.get(), buffer.data(), buffer.size());
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n <= 0) {  // unplugged (ENODEV) or closed: stop watching it
          source.fd.reset();
          dropped = true;
          continue;
        }
        const int inserts = source.parser.feed(buffer.data(), static_cast<std::size_t>(n));
        for (int k = 0; k < inserts; ++k) on_insert();
      }
      if (dropped) std::erase_if(sources, [](const Source& s) { return !s.fd; });
    }
  }
};

JackWatch::JackWatch(std::vector<UniqueFd> sources, Callback on_insert)
    : impl_(std::make_unique<Impl>()), device_count_(sources.size()) {
  for (auto& fd : sources) impl_->sources.push_back({std::move(fd), {}});
  impl_->on_insert = std::move(on_insert);
  impl_->stop_fd = UniqueFd(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
  if (!impl_->stop_fd) {
    log::warn("headphone jack: cannot create an eventfd; not watching");
    return;
  }
  impl_->thread = std::thread([impl = impl_.get()] { impl->run(); });
}

JackWatch::~JackWatch() {
  if (!impl_->thread.joinable()) return;
  const std::uint64_t one = 1;
  // An eventfd write of 8 bytes cannot be short; failure would leave the thread running, and
  // join would hang, so it is retried on EINTR.
  while (::write(impl_->stop_fd.get(), &one, sizeof one) < 0 && errno == EINTR) {
  }
  impl_->thread.join();
}

std::unique_ptr<JackWatch> JackWatch::start(Callback on_insert, std::string* error,
                                            const std::filesystem::path& dir) {
  std::vector<UniqueFd> sources;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with("event")) continue;
    UniqueFd fd(::open(entry.path().c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
    if (fd && reports_headphone_jack(fd.get())) sources.push_back(std::move(fd));
  }
  if (sources.empty()) {
    if (error != nullptr) {
      *error = ec ? "cannot list " + dir.string() + ": " + ec.message()
                  : "no readable input device in " + dir.string() + " has a headphone jack switch";
    }
    return nullptr;
  }
  return std::make_unique<JackWatch>(std::move(sources), std::move(on_insert));
}

}  // namespace kiosk

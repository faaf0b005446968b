// The sound card's headphone jack: SDL reports audio devices coming and going, but not a plug
// going into the jack of an output that is already there. Linux reports that as a switch on an
// input device (EV_SW, SW_HEADPHONE_INSERT); this watches every /dev/input/event* device that
// has such a switch, on a thread of its own, and calls back when headphones go in (issue 17:
// plugging headphones in starts speech mode). No SDL here: the UI posts the callback to its
// own thread (Platform does, as PumpResult::headphones).
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace kiosk {

// A file descriptor closed when it goes out of scope.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  ~UniqueFd() { reset(); }
  UniqueFd(UniqueFd&& other) noexcept : fd_(other.release()) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept {
    if (this != &other) reset(other.release());
    return *this;
  }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;

  int get() const { return fd_; }
  explicit operator bool() const { return fd_ >= 0; }
  int release() {
    const int fd = fd_;
    fd_ = -1;
    return fd;
  }
  void reset(int fd = -1);

 private:
  int fd_ = -1;
};

// Turns the bytes read from an evdev device (whole or cut `struct input_event`s) into jack
// events. One per device: a read may end inside an event (a pipe in tests).
class JackEventParser {
 public:
  // How many times headphones went in (SW_HEADPHONE_INSERT to 1) in these bytes.
  int feed(const void* data, std::size_t size);

 private:
  std::vector<unsigned char> partial_;
};

// Whether the evdev device reports a headphone-jack switch (EVIOCGBIT of EV_SW).
bool reports_headphone_jack(int fd);

class JackWatch {
 public:
  using Callback = std::function<void()>;  // called on the watch's thread

  // Watches the given descriptors (tests: pipes or socket pairs fed with input_events).
  JackWatch(std::vector<UniqueFd> sources, Callback on_insert);
  // Opens the event devices in `dir` that have a headphone-jack switch; nullptr (and *error)
  // when there is none or they cannot be read (the kiosk then relies on SDL's device events).
  static std::unique_ptr<JackWatch> start(Callback on_insert, std::string* error,
                                          const std::filesystem::path& dir = "/dev/input");
  // Stops the thread (an eventfd wakes its poll) and closes the devices.
  ~JackWatch();
  JackWatch(const JackWatch&) = delete;
  JackWatch& operator=(const JackWatch&) = delete;

  std::size_t devices() const { return device_count_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::size_t device_count_ = 0;
};

}  // namespace kiosk

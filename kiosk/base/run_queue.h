// Carries work from background threads (sync, upload, speech) back to the UI thread. post() may
// be called from any thread; it wakes the UI through the waker the UI installs (an SDL user
// event), and the UI runs the queued work between frames with drain().
#pragma once

#include <functional>
#include <mutex>
#include <vector>

namespace kiosk {

class RunQueue {
 public:
  using Task = std::function<void()>;

  void set_waker(std::function<void()> waker);  // called after every post(), on the poster's thread
  void post(Task task);
  std::size_t drain();  // runs what is queued, on the calling (UI) thread; returns how many ran

 private:
  std::mutex mutex_;
  std::vector<Task> tasks_;
  std::function<void()> waker_;
};

}  // namespace kiosk

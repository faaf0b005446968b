#include "kiosk/base/run_queue.h"

namespace kiosk {

void RunQueue::set_waker(std::function<void()> waker) {
  const std::lock_guard lock(mutex_);
  waker_ = std::move(waker);
}

void RunQueue::post(Task task) {
  std::function<void()> waker;
  {
    const std::lock_guard lock(mutex_);
    tasks_.push_back(std::move(task));
    waker = waker_;
  }
  if (waker) waker();
}

std::size_t RunQueue::drain() {
  std::vector<Task> batch;
  {
    const std::lock_guard lock(mutex_);
    batch.swap(tasks_);
  }
  for (auto& task : batch) task();
  return batch.size();
}

}  // namespace kiosk

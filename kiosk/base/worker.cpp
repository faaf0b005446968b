#include "kiosk/base/worker.h"

#include <exception>

#include "kiosk/base/log.h"
#include "kiosk/base/scrub.h"

namespace kiosk {

Worker::Worker() : thread_([this] { run(); }) {}

Worker::~Worker() {
  stop();
}

void Worker::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    tasks_.clear();
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Worker::post(Task task, std::string tag) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    if (!tag.empty()) {
      for (auto& pending : tasks_) {
        if (pending.first == tag) {
          pending.second = std::move(task);
          return;
        }
      }
    }
    tasks_.emplace_back(std::move(tag), std::move(task));
  }
  wake_.notify_one();
}

void Worker::drain() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return stopping_ || (tasks_.empty() && !busy_); });
}

void Worker::run() {
  for (;;) {
    Task task;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
      if (stopping_) break;
      task = std::move(tasks_.front().second);
      tasks_.pop_front();
      busy_ = true;
    }
    try {
      task();
    } catch (const std::exception& e) {
      log::error(std::string("background task failed: ") + e.what());
    }
    // What the task held (a resident's search, say) goes now, not when the next task arrives:
    // its captures with the function, its locals with the stack below this frame.
    task = nullptr;
    scrub::stack();
    {
      std::lock_guard lock(mutex_);
      busy_ = false;
    }
    idle_.notify_all();
  }
  idle_.notify_all();
}

}  // namespace kiosk

// One background thread that runs tasks in order. A task posted with a tag replaces a pending
// task with the same tag that has not started yet: while a resident types "enf", "enfe",
// "enfer", only the newest search runs. Slow work (cache reads, printing) goes here, never on
// the UI thread.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace kiosk {

class Worker {
 public:
  using Task = std::function<void()>;

  Worker();
  ~Worker();  // lets the running task finish, drops the pending ones, joins
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  void post(Task task, std::string tag = {});
  void stop();
  // Blocks until every task posted so far has run (tests).
  void drain();

 private:
  void run();

  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::deque<std::pair<std::string, Task>> tasks_;
  bool stopping_ = false;
  bool busy_ = false;
  std::thread thread_;
};

}  // namespace kiosk

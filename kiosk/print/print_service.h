// Printing for residents, off the UI thread: checks that the configured CUPS queue exists, lays
// out a printout and sends it; the answer comes back on the UI thread through the RunQueue.
#pragma once

#include <functional>
#include <string>

#include "kiosk/base/run_queue.h"
#include "kiosk/base/worker.h"
#include "kiosk/print/printout.h"

namespace kiosk {

class PrintService {
 public:
  PrintService(std::string queue, RunQueue& ui);
  ~PrintService();
  PrintService(const PrintService&) = delete;
  PrintService& operator=(const PrintService&) = delete;

  bool configured() const { return !queue_.empty(); }
  // The queue answered the last check (UI thread). Checked at start and after every failure.
  bool available() const { return available_; }
  void check();

  // Sends the printout; `done(true)` when CUPS accepted the job.
  void print(Printout printout, std::function<void(bool ok)> done);

 private:
  std::string queue_;
  RunQueue& ui_;
  bool available_ = false;
  Worker worker_;  // last: stopped first
};

}  // namespace kiosk

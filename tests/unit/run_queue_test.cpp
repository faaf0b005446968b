#include "kiosk/base/run_queue.h"

#include <atomic>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace kiosk {
namespace {

TEST(RunQueue, RunsPostedWorkOnTheDrainingThreadAndWakesIt) {
  RunQueue q;
  std::atomic<int> wakes{0};
  q.set_waker([&] { ++wakes; });
  int sum = 0;  // touched only by the draining thread
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&q, &sum] {
      for (int i = 0; i < 100; ++i) q.post([&sum] { ++sum; });
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(wakes.load(), 400);
  EXPECT_EQ(q.drain(), 400u);
  EXPECT_EQ(sum, 400);
  EXPECT_EQ(q.drain(), 0u);
}

}  // namespace
}  // namespace kiosk

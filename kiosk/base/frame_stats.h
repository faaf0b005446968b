// Frame timings for technicians and benchmarks: how long each rendered frame took, summarised
// as percentiles in the log when the kiosk stops. Bounded memory: keeps the latest 4096 frames.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace kiosk {

class FrameStats {
 public:
  void add(double milliseconds);
  std::size_t count() const { return total_; }
  double percentile(double p) const;  // p in [0, 100] over the kept frames; 0 when empty
  std::string summary() const;        // "N frames rendered, p50 X ms, p95 Y ms, max Z ms"

 private:
  static constexpr std::size_t kKeep = 4096;
  std::vector<double> samples_;
  std::size_t next_ = 0;
  std::size_t total_ = 0;
};

}  // namespace kiosk

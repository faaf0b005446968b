#include "kiosk/base/frame_stats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kiosk {

void FrameStats::add(double milliseconds) {
  if (samples_.size() < kKeep) {
    samples_.push_back(milliseconds);
  } else {
    samples_[next_] = milliseconds;
    next_ = (next_ + 1) % kKeep;
  }
  ++total_;
}

double FrameStats::percentile(double p) const {
  if (samples_.empty()) return 0;
  std::vector<double> sorted = samples_;
  std::sort(sorted.begin(), sorted.end());
  const double rank = std::clamp(p, 0.0, 100.0) / 100.0 * static_cast<double>(sorted.size() - 1);
  return sorted[static_cast<std::size_t>(std::lround(rank))];
}

std::string FrameStats::summary() const {
  char line[160];
  std::snprintf(line, sizeof line, "%zu frames rendered, p50 %.1f ms, p95 %.1f ms, max %.1f ms",
                total_, percentile(50), percentile(95), percentile(100));
  return line;
}

}  // namespace kiosk

// What the benchmarks' Markdown sections for BENCHMARKS.md share.
#pragma once

#include <sys/utsname.h>

#include <algorithm>
#include <cstddef>
#include <ctime>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace bench {

// "## Title (2026-12-07, x86_64, 2 cores, extra)": the day and the machine a section was measured
// on.
inline std::string heading(std::string_view title, std::string_view extra = {}) {
  utsname host{};
  uname(&host);
  const std::time_t now = std::time(nullptr);
  char date[32];
  std::strftime(date, sizeof date, "%Y-%m-%d", std::gmtime(&now));
  std::string out = "## " + std::string(title) + " (" + date + ", " + host.machine + ", " +
                    std::to_string(std::thread::hardware_concurrency()) + " cores";
  if (!extra.empty()) out += ", " + std::string(extra);
  return out + ")\n\n";
}

// The p-th percentile (0 to 100) of the values, nearest below.
inline double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(p / 100.0 * static_cast<double>(v.size() - 1))];
}

}  // namespace bench

// Writes the benchmarks' generated JSON-LD feed (tests/bench/feed_generator.h) to a file, for
// scripts that need the same 100,000 jobs as listings_bench: `make_feed COUNT FILE`.
#include <cstdio>
#include <cstdlib>

#include "tests/bench/feed_generator.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: make_feed COUNT FILE\n");
    return 2;
  }
  long count = std::strtol(argv[1], nullptr, 10);
  if (count <= 0) {
    std::fprintf(stderr, "make_feed: COUNT must be a positive number\n");
    return 2;
  }
  return kiosk::bench::write_benchmark_feed(argv[2], static_cast<std::size_t>(count)) ? 0 : 1;
}

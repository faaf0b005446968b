// "What can you do?" at scale: the matcher (kiosk/match/matcher.h) over a cache of generated
// jobs (100,000 unless --jobs=N) and the bundled sample programs, for a mix of residents' taps.
// Prints a BENCHMARKS.md section (and writes it to $KIOSK_BENCH_MD when set).
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "kiosk/base/log.h"
#include "kiosk/base/scrub.h"
#include "kiosk/config/config.h"
#include "kiosk/match/matcher.h"
#include "kiosk/setup/settings.h"
#include "kiosk/sync/sync.h"
#include "tests/bench/bench_report.h"
#include "tests/bench/feed_generator.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::int64_t kNow = 1795219200;  // 2026-11-21, as the listings benchmark

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Taps {
  const char* what;
  kiosk::MatchProfile profile;
};

std::vector<Taps> mix() {
  using H = kiosk::HoursWanted;
  return {
      {"customer service, cash register, Spanish",
       {.skills = {"customer_service", "cash_handling", "spanish"}}},
      {"patient care, no high school", {.skills = {"patient_care"}, .education = "none"}},
      {"cooking + hospitality, part-time",
       {.skills = {"cooking"}, .industries = {"hospitality"}, .hours = H::PartTime}},
      {"electrical, power tools, OSHA 10, paid training",
       {.skills = {"electrical", "power_tools", "osha10"}, .paid_training = true}},
      {"eight skills across groups",
       {.skills = {"customer_service", "data_entry", "office_software", "phone_calls", "driving",
                   "warehouse", "forklift", "bilingual"}}},
      {"fields only: health, technology", {.industries = {"health", "technology"}}},
      {"IT support, coding, bachelor's",
       {.skills = {"it_support", "coding"}, .education = "bachelor", .hours = H::FullTime}},
  };
}

}  // namespace

int main(int argc, char** argv) {
  if (!kiosk::scrub::install_sqlite_allocator()) return 1;
  kiosk::log::set_level(kiosk::log::Level::Warn);
  const fs::path dir =
      fs::temp_directory_path() / ("kiosk-match-bench-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::size_t count = argc > 1 && std::string(argv[1]).starts_with("--jobs=")
                                ? std::stoul(std::string(argv[1]).substr(7))
                                : 100000;
  const fs::path feed_file = dir / "jobs.jsonld";
  // Written by a child process, so the peak RSS below is this process's own.
  if (!kiosk::bench::write_benchmark_feed(feed_file, count)) return 1;
  const fs::path programs = fs::path(KIOSK_SOURCE_DIR) / "assets/sample/programs.jsonld";
  std::ofstream(dir / "kiosk.toml")
      << "[kiosk]\nid = \"bench\"\n\n[feeds]\njobs = [\"file://" << feed_file.string()
      << "\"]\nprograms = [\"file://" << programs.string() << "\"]\n";
  auto loaded = kiosk::load_config(dir / "kiosk.toml");
  if (!loaded.config) {
    for (const auto& e : loaded.errors) std::cerr << e.to_string() << '\n';
    return 1;
  }
  kiosk::SyncOptions options = kiosk::sync_options(*loaded.config, dir);
  options.now = [] { return kNow; };
  {
    kiosk::Store writer(dir, kiosk::Store::Mode::Writer);
    kiosk::sync_all(writer, kiosk::feed_specs(*loaded.config), options);
  }

  kiosk::Store store(dir, kiosk::Store::Mode::Reader);
  std::ostringstream rows;
  std::vector<double> all;
  for (const Taps& taps : mix()) {
    std::vector<double> times;
    std::size_t found = 0;
    for (int round = 0; round < 5; ++round) {
      const auto start = Clock::now();
      found = kiosk::match_listings(store, taps.profile, kNow).size();
      times.push_back(ms_since(start));
    }
    all.insert(all.end(), times.begin(), times.end());
    rows << "| " << taps.what << " | " << found << " | " << bench::percentile(times, 50) << " ms | "
         << bench::percentile(times, 100) << " ms |\n";
  }
  std::ostringstream md;
  md << bench::heading("Matching", std::to_string(count) + " jobs")
     << "`workforce-kiosk match` and \"What can you do?\" (kiosk/match/matcher.h) over " << count
     << " generated jobs and the 52 sample programs: candidates through the index (a few hundred "
        "at most), each read and scored. Five runs of each set of taps, on one connection.\n\n"
     << "| taps | results | p50 | max |\n|---|---|---|---|\n"
     << rows.str() << "| all " << all.size() << " runs | | " << bench::percentile(all, 50)
     << " ms | " << bench::percentile(all, 100) << " ms |\n";
  std::cout << md.str() << std::endl;
  if (const char* out = std::getenv("KIOSK_BENCH_MD")) std::ofstream(out) << md.str();
  std::error_code ec;
  fs::remove_all(dir, ec);
  return 0;
}

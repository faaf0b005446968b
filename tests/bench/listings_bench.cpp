// Listings benchmarks (packaging/dev.sh bench): a full import of 100,000 JobPostings, an
// unchanged re-sync, and search latency over a fixed mix of queries at 100,000 jobs. Prints a
// Markdown section for BENCHMARKS.md. Timings are measured here, never asserted in tests.
// The import goes the way a technician's does: a kiosk.toml naming the generated feed (with the
// default [feeds] max_feed_mb), read by the real configuration loader and turned into the sync's
// settings by kiosk/setup.
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include <benchmark/benchmark.h>

#include "kiosk/base/log.h"
#include "kiosk/base/scrub.h"
#include "kiosk/config/config.h"
#include "kiosk/search/filters.h"
#include "kiosk/search/search_help.h"
#include "kiosk/setup/settings.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/sync.h"
#include "tests/bench/bench_report.h"
#include "tests/bench/feed_generator.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::int64_t kNow = 1795046400;  // 2026-11-19

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

long peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

struct Fixture {
  fs::path dir;
  std::string url;
  std::optional<kiosk::Store> store;
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

using bench::percentile;

kiosk::SearchQuery query_for(const std::string& text, int variant) {
  kiosk::SearchQuery q;
  q.now = kNow;
  q.text = text;
  switch (variant % 4) {
    case 1:
      q.employment_types = kiosk::kPartTime;
      break;
    case 2:
      q.industry = kiosk::Industry::Health;
      q.no_degree = true;
      break;
    case 3:
      q.workplace = kiosk::Workplace::Remote;
      q.sort = kiosk::SortOrder::Newest;
      break;
    default:
      break;
  }
  return q;
}

void BM_Search(benchmark::State& state) {
  auto& f = fixture();
  const auto queries = kiosk::bench::benchmark_queries();
  std::size_t i = 0;
  for (auto _ : state) {
    auto r = f.store->search(
        query_for(queries[i % queries.size()], static_cast<int>(i / queries.size())));
    benchmark::DoNotOptimize(r);
    ++i;
  }
}
BENCHMARK(BM_Search)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  // The kiosk's own SQLite set-up (freed memory zeroed, no lookaside): its figures, not a
  // default's.
  if (!kiosk::scrub::install_sqlite_allocator()) return 1;
  kiosk::log::set_level(kiosk::log::Level::Warn);
  auto& f = fixture();
  f.dir = fs::temp_directory_path() / ("kiosk-bench-" + std::to_string(::getpid()));
  fs::remove_all(f.dir);
  fs::create_directories(f.dir);
  const std::size_t count = argc > 1 && std::string(argv[1]).starts_with("--jobs=")
                                ? std::stoul(std::string(argv[1]).substr(7))
                                : 100000;
  const fs::path feed_file = f.dir / "jobs.jsonld";
  // Written by a child process, so the peak RSS below is this process's own.
  if (!kiosk::bench::write_benchmark_feed(feed_file, count)) return 1;
  const auto feed_mb = static_cast<double>(fs::file_size(feed_file)) / (1024.0 * 1024.0);
  f.url = "file://" + feed_file.string();
  const fs::path config_file = f.dir / "kiosk.toml";
  std::ofstream(config_file) << "[kiosk]\nid = \"bench\"\n\n[feeds]\njobs = [\"" << f.url
                             << "\"]\n";
  auto loaded = kiosk::load_config(config_file);
  if (!loaded.config) {
    for (const auto& e : loaded.errors) std::cerr << e.to_string() << '\n';
    return 1;
  }
  const kiosk::Config& config = *loaded.config;
  const long rss_before = peak_rss_mb();

  kiosk::SyncOptions options = kiosk::sync_options(config, f.dir);
  options.now = [] { return kNow; };
  const auto feeds = kiosk::feed_specs(config);
  f.store.emplace(f.dir, kiosk::Store::Mode::Writer);
  auto start = Clock::now();
  const auto imported = kiosk::sync_all(*f.store, feeds, options).at(0);
  const double import_ms = ms_since(start);
  const long rss_import = peak_rss_mb();
  start = Clock::now();
  const auto again = kiosk::sync_all(*f.store, feeds, options).at(0);
  const double resync_ms = ms_since(start);
  const auto db_mb =
      static_cast<double>(fs::file_size(kiosk::Store::file_in(f.dir))) / (1024.0 * 1024.0);
  // The yardstick, on the same feed in the same run: the plainest import a script can do
  // (tests/bench/plain_import.py: json.load, one table, FTS5 over title, employer, description).
  double plain_s = 0;
  double plain_mb = 0;
  {
    const std::string command = "python3 " KIOSK_SOURCE_DIR "/tests/bench/plain_import.py '" +
                                feed_file.string() + "' '" + (f.dir / "plain.sqlite").string() +
                                "'";
    if (FILE* p = ::popen(command.c_str(), "r"); p != nullptr) {
      char line[256] = {};
      long long bytes = 0;
      if (std::fgets(line, sizeof line, p) != nullptr) {
        std::sscanf(line, "seconds=%lf bytes=%lld", &plain_s, &bytes);
      }
      ::pclose(p);
      plain_mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
      fs::remove(f.dir / "plain.sqlite");
    }
  }

  // Search latency: every query of the mix, with and without filters, three rounds.
  f.store.reset();
  f.store.emplace(f.dir, kiosk::Store::Mode::Reader);
  // KIOSK_BENCH_PROFILE="words": that search a thousand times, for a profiler; filter mix 2
  // unless KIOSK_BENCH_VARIANT says another (0-3, as query_for()).
  if (const char* words = std::getenv("KIOSK_BENCH_PROFILE")) {
    const char* variant = std::getenv("KIOSK_BENCH_VARIANT");
    auto q = query_for(words, variant != nullptr ? std::atoi(variant) : 2);
    start = Clock::now();
    for (int i = 0; i < 1000; ++i) benchmark::DoNotOptimize(f.store->search(q));
    std::cout << words << ": " << ms_since(start) / 1000 << " ms a search\n";
    q.expand = false;
    start = Clock::now();
    for (int i = 0; i < 1000; ++i) benchmark::DoNotOptimize(f.store->search(q));
    std::cout << words << " (--exact): " << ms_since(start) / 1000 << " ms a search\n";
    return 0;
  }
  const auto queries = kiosk::bench::benchmark_queries();
  std::vector<double> latencies;
  std::vector<std::pair<double, std::string>> slowest;
  for (int round = 0; round < 3; ++round) {
    for (int variant = 0; variant < 4; ++variant) {
      for (const auto& text : queries) {
        const auto q = query_for(text, variant);
        start = Clock::now();
        const auto r = f.store->search(q);
        const double ms = ms_since(start);
        latencies.push_back(ms);
        slowest.emplace_back(ms, "\"" + text + "\" (variant " + std::to_string(variant) + ", " +
                                     std::to_string(r.total) + (r.total_capped ? "+" : "") +
                                     " hits)");
      }
    }
  }
  // Searching across languages: the same mix with the vocabulary switched off (what expansion
  // costs), and everyday Spanish words, which the vocabulary expands into English phrases.
  std::vector<double> exact_latencies;
  for (int round = 0; round < 3; ++round) {
    for (int variant = 0; variant < 4; ++variant) {
      for (const auto& text : queries) {
        auto q = query_for(text, variant);
        q.expand = false;
        start = Clock::now();
        auto r = f.store->search(q);
        exact_latencies.push_back(ms_since(start));
        benchmark::DoNotOptimize(r);
      }
    }
  }
  const std::vector<std::string> spanish = {"enfermera",
                                            "cajero",
                                            "chofer",
                                            "mesero",
                                            "electricista",
                                            "soldador",
                                            "plomero",
                                            "cocinero",
                                            "almacén",
                                            "limpieza",
                                            "jardinero",
                                            "niñera",
                                            "techador",
                                            "contador",
                                            "auxiliar de enfermeria",
                                            "técnico de farmacia",
                                            "guardia de seguridad",
                                            "enfermera miami",
                                            "cocinero de linea",
                                            "ayudante de plomero"};
  std::vector<double> spanish_latencies;
  std::size_t expanded = 0;
  for (int round = 0; round < 3; ++round) {
    for (int variant = 0; variant < 4; ++variant) {
      for (const auto& text : spanish) {
        auto q = query_for(text, variant);
        q.language = kiosk::Language::Es;
        start = Clock::now();
        const auto r = f.store->search(q);
        const double ms = ms_since(start);
        spanish_latencies.push_back(ms);
        expanded += r.expanded.empty() ? 0 : 1;
        slowest.emplace_back(ms, "\"" + text + "\" (variant " + std::to_string(variant) + ", " +
                                     std::to_string(r.total) + (r.total_capped ? "+" : "") +
                                     " hits, " + std::to_string(r.expanded.size()) +
                                     " occupations added)");
      }
    }
  }
  std::sort(slowest.rbegin(), slowest.rend());

  // A search that finds nothing: the first reads the index's vocabulary, later ones reuse it.
  kiosk::SearchQuery miss = query_for("enfermra", 0);
  start = Clock::now();
  const auto first_miss = kiosk::search_with_help(*f.store, miss);
  const double first_miss_ms = ms_since(start);
  std::vector<double> miss_latencies;
  for (const char* text : {"enfermra", "cosinero", "qzxwv", "tecnican", "plumer electrican"}) {
    miss = query_for(text, 0);
    start = Clock::now();
    kiosk::search_with_help(*f.store, miss);
    miss_latencies.push_back(ms_since(start));
  }

  std::ostringstream md;
  md << bench::heading("Listings cache", std::to_string(count) + " jobs")
     << "| what | figure | goal |\n|---|---|---|\n"
     << "| full import of " << count << " JobPostings (" << static_cast<int>(feed_mb)
     << " MB of JSON-LD through a kiosk.toml with max_feed_mb = " << config.feeds.max_feed_mb
     << ", " << imported.records << " imported, status " << kiosk::status_key(imported.status)
     << (imported.error.empty() ? "" : ": " + imported.error) << ") | "
     << static_cast<int>(import_ms) << " ms | ≤ 10 s |\n"
     << "| peak RSS of the process after the import (" << rss_before << " MB before it) | "
     << rss_import << " MB | ≤ 150 MB |\n"
     << "| unchanged re-sync (status " << kiosk::status_key(again.status) << ") | " << resync_ms
     << " ms | one read, no writes |\n"
     << "| cache file | " << static_cast<int>(db_mb) << " MB | |\n"
     << "| the plainest import of the same feed, in the same run (tests/bench/plain_import.py) | "
     << static_cast<int>(plain_s * 1000) << " ms, " << static_cast<int>(plain_mb) << " MB | |\n"
     << "| the kiosk's import against the plainest | "
     << (plain_s > 0 ? import_ms / (plain_s * 1000) : 0) << "× the time, "
     << (plain_mb > 0 ? db_mb / plain_mb : 0) << "× the size | ≤ 1.5×, ≤ 2× |\n"
     << "| search latency over " << latencies.size() << " queries (" << queries.size()
     << " texts × 4 filter mixes × 3 rounds) | p50 " << percentile(latencies, 50) << " ms, p99 "
     << percentile(latencies, 99) << " ms, max " << percentile(latencies, 100)
     << " ms | p99 ≤ 10 ms |\n"
     << "| the same queries without the occupation vocabulary (`search --exact`) | p50 "
     << percentile(exact_latencies, 50) << " ms, p99 " << percentile(exact_latencies, 99)
     << " ms | |\n"
     << "| search across languages: " << spanish_latencies.size() << " queries (" << spanish.size()
     << " everyday Spanish words × 4 filter mixes × 3 rounds; " << expanded
     << " expanded into English phrases) | p50 " << percentile(spanish_latencies, 50) << " ms, p99 "
     << percentile(spanish_latencies, 99) << " ms, max " << percentile(spanish_latencies, 100)
     << " ms | p99 ≤ 10 ms |\n"
     << "| a search that finds nothing, first of a connection (reads the titles' words; suggests \""
     << first_miss.suggestion.value_or("") << "\") | " << static_cast<int>(first_miss_ms)
     << " ms | |\n"
     << "| a search that finds nothing, later (suggestion and tips) | max "
     << percentile(miss_latencies, 100) << " ms | |\n\n"
     << "Slowest queries:\n\n";
  for (std::size_t i = 0; i < std::min<std::size_t>(5, slowest.size()); ++i) {
    md << "- " << slowest[i].first << " ms: " << slowest[i].second << "\n";
  }
  std::cout << md.str() << std::endl;
  if (const char* out = std::getenv("KIOSK_BENCH_MD")) std::ofstream(out) << md.str();

  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  f.store.reset();
  fs::remove_all(f.dir);
  return 0;
}

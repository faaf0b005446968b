#!/usr/bin/env bash
# The README's commands. On a fresh Debian 12 machine:
#
#   packaging/dev.sh run [KIOSK OPTIONS]   install what is missing, build, start the kiosk
#   packaging/dev.sh test                  install what is missing, build, run the whole suite
#   packaging/dev.sh build [PRESET]        only build (debug, release or asan)
#   packaging/dev.sh bench                 release build, listings, matching, frame-time, printing and
#                                          XML feed import benchmarks → BENCHMARKS.md
#   packaging/dev.sh bench --compare-browser  also the kiosk side by side with Chromium in kiosk
#                                          mode (installs chromium)
#   packaging/dev.sh lint                  clang-format check and clang-tidy over kiosk/ and ui/
#   packaging/dev.sh package [--arch arm64] the Debian package → dist/ (debhelper; lintian-checked)
#   packaging/dev.sh fuzz [-j N] [--merge] [SECONDS] [TARGET...]
#                                          clang + libFuzzer under ASan/UBSan: each fuzz target (all by
#                                          default) for SECONDS (600), N at a time (1); a table of
#                                          executions, coverage and findings; non-zero on a finding
#
# `test` runs the unit and integration suites under AddressSanitizer + UBSan (the asan preset)
# and the rest in the debug build; PRESET=asan packaging/dev.sh test runs everything under the
# sanitizers, KIOSK_SKIP_ASAN=1 everything in the debug build.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
preset=${PRESET:-debug}

# Debian 12 packages the build, the tests and the kiosk need. Nothing is downloaded otherwise.
packages=(
  build-essential cmake ninja-build pkg-config
  libimgui-dev libsdl2-dev libx11-dev libgl-dev libgl1-mesa-dri
  libicu-dev libtomlplusplus-dev nlohmann-json3-dev libstb-dev
  libsqlite3-dev libcurl4-openssl-dev libgumbo-dev libxml2-dev zlib1g-dev ca-certificates
  libqrencode-dev libcups2-dev libespeak-ng-dev espeak-ng-data libsodium-dev
  libcpp-httplib-dev libssl-dev libbrotli-dev libstemmer-dev libcairo2-dev libpango1.0-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  fonts-noto-core fonts-dejavu-core
  xvfb xauth libxtst-dev gdb time python3 python3-jsonschema python3-icalendar
  libsystemd-dev prometheus
  cups-daemon cups-client cups-filters printer-driver-cups-pdf poppler-utils
)

# What `bench --compare-browser` needs besides the build's packages: the browser it is compared
# with (XTest, for tests/bench/screen_probe.cpp, is among the build's: e2e.screen_matches).
compare_packages=(chromium)

# What `package` needs besides the build's packages (and, for --arch arm64, the cross compiler and
# the arm64 development packages: see package_arm64_packages).
package_packages=(debhelper lintian fakeroot dpkg-dev)
# What `fuzz` needs besides the build's packages: clang with libFuzzer and the sanitizers' runtime,
# and llvm-symbolizer for readable stack traces.
fuzz_packages=(clang libclang-rt-14-dev llvm)

say() { printf '[dev.sh] %s\n' "$*" >&2; }

install_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { say "need root or sudo to install: ${missing[*]}"; exit 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# build [PRESET [TARGET...]]: every target, or only those named.
build() {
  local p=${1:-$preset}
  local targets=("${@:2}")
  cmake --preset "$p" >/dev/null
  if [ ${#targets[@]} -gt 0 ]; then
    cmake --build --preset "$p" --target "${targets[@]}"
  else
    cmake --build --preset "$p"
    ln -sf "build/$p/compile_commands.json" compile_commands.json
  fi
}

# The tests (by ctest label) that `test` runs in the debug build only: the end-to-end matrix,
# the fuzz replays, the soak, the tools, and the chaos tests that SIGKILL whole processes (the
# power cuts take 211 s under the sanitizers against 110 s). The rest, the unit and integration
# suites, run under the sanitizers, and these are the programs they need.
once_in_debug='^(e2e|fuzz|soak|tools|chaos)$'
asan_targets=(unit_tests integration_tests workforce-kiosk workforce-intake staff_export_probe)

# The sanitizers stop at the first report. LeakSanitizer needs to stop the process's threads
# the way a debugger does, which some containers forbid: checked once, and said when it is off.
asan_options() {
  export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
  export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$root/tests/lsan.supp:print_suppressions=0}
  ASAN_SYMBOLIZER_PATH=$(command -v llvm-symbolizer || true)
  export ASAN_SYMBOLIZER_PATH
  if [ -z "${ASAN_OPTIONS:-}" ]; then
    export ASAN_OPTIONS=detect_leaks=1
    if ASAN_OPTIONS=detect_leaks=1 build/asan/tests/unit_tests --gtest_filter='Utf8.*' 2>&1 |
      grep -q 'LeakSanitizer has encountered a fatal error'; then
      export ASAN_OPTIONS=detect_leaks=0
      say "LeakSanitizer cannot run here (no ptrace): leaks are not checked in this run"
    fi
  fi
}

xvfb_pid=""
ensure_display() {
  [ -n "${DISPLAY:-}" ] && return 0
  local fdfile
  fdfile=$(mktemp)
  # Tall enough for portrait (1080x1920) and wide enough for landscape (1920x1080) windows.
  Xvfb -displayfd 3 -screen 0 1920x1920x24 -noreset -nolisten tcp 3>"$fdfile" 2>/dev/null &
  xvfb_pid=$!
  for _ in $(seq 100); do [ -s "$fdfile" ] && break; sleep 0.05; done
  [ -s "$fdfile" ] || { say "Xvfb did not start"; exit 1; }
  export DISPLAY=":$(cat "$fdfile")"
  rm -f "$fdfile"
  trap '[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null' EXIT
  say "started Xvfb on $DISPLAY"
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
  run)
    install_packages
    build
    [ -n "${DISPLAY:-}" ] || { say "no display: run this from a desktop session, or set DISPLAY"; exit 1; }
    exec "build/$preset/workforce-kiosk" --config config/kiosk.toml "$@"
    ;;
  test)
    install_packages
    ensure_display
    export SDL_AUDIODRIVER=dummy
    if [ "$preset" = debug ] && [ "${KIOSK_SKIP_ASAN:-0}" != 1 ]; then
      # Issue 18: the unit and integration suites run under AddressSanitizer + UBSan, the
      # end-to-end matrix, the fuzz replays, the soak, the tools and the chaos tests once, in
      # the debug build, which builds only what those need (the `debug_suite` target).
      # Nothing runs twice; KIOSK_SKIP_ASAN=1 runs everything in the debug build instead.
      build debug debug_suite
      ctest --preset debug -j "$(nproc)" -L "$once_in_debug"
      build asan "${asan_targets[@]}"
      asan_options
      ctest --preset asan -j "$(nproc)" -LE "$once_in_debug"
    else
      build
      [ "$preset" = asan ] && asan_options
      ctest --preset "$preset" -j "$(nproc)"
    fi
    # The Debian package: built, lintian-checked, installed with its dependencies, used and purged
    # (packaging/install_test.sh; skipped where packages cannot be installed, or with
    # KIOSK_SKIP_PACKAGE=1 for a quick local run).
    if [ "${KIOSK_SKIP_PACKAGE:-0}" != 1 ] && { [ "$(id -u)" -eq 0 ] || sudo -n true 2>/dev/null; }; then
      "$0" package
      packaging/install_test.sh "$(ls -t dist/workforce-kiosk_*_"$(dpkg --print-architecture)".deb | head -n1)"
    else
      say "the package test is skipped: it needs root or sudo (or KIOSK_SKIP_PACKAGE=1 was set)"
    fi
    ;;
  build)
    install_packages
    build "${1:-$preset}"
    ;;
  bench)
    compare=0
    [ "${1:-}" = "--compare-browser" ] && { compare=1; shift; packages+=("${compare_packages[@]}"); }
    packages+=(valgrind)  # instructions per frame (tests/bench/callgrind_frames.sh)
    install_packages
    build release
    # Replaces the section of BENCHMARKS.md that starts with heading $1 by the file $2 (or
    # appends it when the section is not there yet).
    replace_section() {
      awk -v heading="$1" -v new="$2" '
        index($0, heading) == 1 { while ((getline line < new) > 0) print line; skip = 1; next }
        skip && /^## / { skip = 0 }
        !skip { print }' BENCHMARKS.md > BENCHMARKS.md.tmp
      grep -q "^$1" BENCHMARKS.md || { echo; cat "$2"; } >> BENCHMARKS.md.tmp
      mv BENCHMARKS.md.tmp BENCHMARKS.md
    }
    md=$(mktemp)
    KIOSK_BENCH_MD="$md" "build/release/tests/listings_bench" "$@"
    replace_section "## Listings cache" "$md"
    tests/bench/frame_bench.sh build/release/workforce-kiosk "$root" > "$md"
    replace_section "## Scrolling the job list" "$md"
    tests/bench/callgrind_frames.sh build/release/workforce-kiosk "$root" > "$md"
    replace_section "## Instructions per frame" "$md"
    KIOSK_BENCH_MD="$md" build/release/tests/match_bench
    replace_section "## Matching" "$md"
    KIOSK_BENCH_MD="$md" build/release/tests/printout_bench
    replace_section "## Printing" "$md"
    tests/bench/xml_sync_bench.sh build/release/workforce-kiosk "$root" > "$md"
    replace_section "## XML job feed import" "$md"
    if [ "$compare" = 1 ]; then
      tests/bench/browser_compare.sh build/release "$root" "${COMPARE_RUNS:-5}" > "$md"
      replace_section "## Side by side with a browser kiosk" "$md"
    fi
    rm -f "$md"
    say "BENCHMARKS.md updated"
    ;;
  package)
    # A copy of the tracked files (as they are in the working tree) with packaging/debian as
    # debian/, built by dpkg-buildpackage (debhelper, CMake + Ninja, release, no tests) into
    # dist/, then checked by lintian: any error fails.
    arch=""
    [ "${1:-}" = "--arch" ] && { arch=${2:?--arch needs an architecture, like arm64}; shift 2; }
    packages+=("${package_packages[@]}")
    if [ -n "$arch" ] && [ "$arch" != "$(dpkg --print-architecture)" ]; then
      dpkg --print-foreign-architectures | grep -qx "$arch" || {
        say "adding the $arch architecture to dpkg"; dpkg --add-architecture "$arch"; apt-get update -qq; }
      packages+=("crossbuild-essential-$arch")
      while read -r dep; do packages+=("$dep:$arch"); done < <(
        sed -n '/^Build-Depends:/,/^[A-Z]/p' packaging/debian/control | tr ',' '\n' |
          sed 's/Build-Depends://; s/(.*)//; s/^[[:space:]]*//; s/[[:space:]]*$//' |
          grep -E '^lib|^nlohmann' || true)
    fi
    install_packages
    version=$(dpkg-parsechangelog -l packaging/debian/changelog -S Version)
    stage="build/package/workforce-kiosk-$version"
    rm -rf build/package && mkdir -p "$stage"
    git ls-files -z | xargs -0 cp --parents -t "$stage"
    cp -r packaging/debian "$stage/debian"
    flags=(-b -us -uc "-j$(nproc)")
    [ -n "$arch" ] && flags+=("-a$arch")
    (cd "$stage" && dpkg-buildpackage "${flags[@]}")
    mkdir -p dist
    mv build/package/*.deb build/package/*.buildinfo build/package/*.changes dist/
    deb=$(ls -t dist/workforce-kiosk_"${version}"_*.deb | head -n1)
    say "built $deb"
    lintian --fail-on error "$deb" ||
      { say "lintian found errors in $deb"; exit 1; }
    ;;
  fuzz)
    # Each target's new inputs stay in build/fuzz/tests/fuzz-corpus/TARGET (not in git); with
    # --merge, those that reach new code are added to its seed corpus (tests/fuzz/corpus/TARGET,
    # libFuzzer's -merge=1). Logs and findings: build/fuzz/fuzz-runs/TIME/TARGET/.
    jobs=1
    merge=0
    seconds=600
    while [ $# -gt 0 ]; do
      case "$1" in
        -j) jobs=${2:?-j needs a number}; shift 2 ;;
        -j*) jobs=${1#-j}; shift ;;
        --merge) merge=1; shift ;;
        *) break ;;
      esac
    done
    if [ $# -gt 0 ] && [[ $1 =~ ^[0-9]+$ ]]; then seconds=$1; shift; fi
    all=$(sed -n '/^set(FUZZ_TARGETS/,/)/p' tests/CMakeLists.txt | tr -s ' ()\t' '\n' | grep '_fuzz$')
    targets=("$@")
    [ ${#targets[@]} -eq 0 ] && mapfile -t targets <<<"$all"
    for t in "${targets[@]}"; do
      grep -qx "$t" <<<"$all" || { say "no fuzz target $t (tests/CMakeLists.txt: FUZZ_TARGETS)"; exit 2; }
    done
    packages+=("${fuzz_packages[@]}")
    install_packages
    cmake --preset fuzz >/dev/null
    cmake --build --preset fuzz --target "${targets[@]/%/_libfuzzer}"
    runs="build/fuzz/fuzz-runs/$(date -u +%Y%m%dT%H%M%SZ)"
    mkdir -p "$runs"
    export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
    export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
    ASAN_SYMBOLIZER_PATH=$(command -v llvm-symbolizer || true)
    export ASAN_SYMBOLIZER_PATH
    # -timeout=30: one input of any target takes milliseconds; on a busy machine (ASan returning
    # memory to the system while the process waits for a core) 10 s was seen to pass for nothing.
    fuzz_one() {
      local t=$1 out="$runs/$1"
      mkdir -p "$out" "build/fuzz/tests/fuzz-corpus/$t"
      local status=0
      "build/fuzz/tests/${t}_libfuzzer" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$out/" \
        "build/fuzz/tests/fuzz-corpus/$t" "tests/fuzz/corpus/$t" >"$out/log" 2>&1 || status=$?
      echo "$status" >"$out/status"
      if [ "$merge" = 1 ]; then
        "build/fuzz/tests/${t}_libfuzzer" -merge=1 -timeout=30 -rss_limit_mb=2048 \
          "tests/fuzz/corpus/$t" "build/fuzz/tests/fuzz-corpus/$t" >"$out/merge.log" 2>&1 ||
          say "$t: the merge failed (see $out/merge.log)"
      fi
      say "$t: done (exit $status)"
    }
    say "fuzzing ${#targets[@]} targets for ${seconds} s each, $jobs at a time → $runs"
    running=0
    for t in "${targets[@]}"; do
      if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
      fuzz_one "$t" &
      running=$((running + 1))
    done
    wait
    # The table (Markdown, for BENCHMARKS.md): libFuzzer's final statistics of each run.
    failed=0
    summary="$runs/summary.md"
    echo "| target | seconds | executions | exec/s | coverage (cov) | findings |" >"$summary"
    echo "|---|---:|---:|---:|---:|---:|" >>"$summary"
    for t in "${targets[@]}"; do
      out="$runs/$t"
      final_stat() { sed -n "s/^stat::$1: *//p" "$out/log" | tail -n1; }
      ran=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$out/log" | tail -n1)
      cov=$(grep -o 'cov: [0-9]*' "$out/log" | tail -n1 | cut -d' ' -f2)
      found=$(find "$out" -maxdepth 1 \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
        -o -name 'oom-*' \) | wc -l)
      status=$(cat "$out/status")
      if [ "$found" -gt 0 ] || [ "$status" != 0 ]; then failed=1; fi
      note=$found
      if [ "$found" -eq 0 ] && [ "$status" != 0 ]; then note="exit $status"; fi
      echo "| $t | ${ran:-?} | $(final_stat number_of_executed_units) |" \
        "$(final_stat average_exec_per_sec) | ${cov:-?} | $note |" >>"$summary"
    done
    cat "$summary"
    if [ "$failed" = 1 ]; then
      say "findings: see the crash-*, leak-*, timeout-* and oom-* files and the logs in $runs"
      exit 1
    fi
    say "no findings; the table is in $runs/summary.md"
    ;;
  lint)
    install_packages
    build debug
    files=$(git ls-files '*.cpp' '*.h')
    # shellcheck disable=SC2086 # word splitting of the file list is intended
    clang-format --dry-run -Werror $files
    # shellcheck disable=SC2086
    clang-tidy -p build/debug --quiet $(git ls-files 'kiosk/*.cpp' 'ui/*.cpp')
    ;;
  *)
    sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac

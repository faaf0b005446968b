#!/usr/bin/env bash
# The kiosk side by side with a browser kiosk (`packaging/dev.sh bench --compare-browser`).
#
# One Xvfb display at 1920x1080 (no GPU). The kiosk runs full screen with 100,000
# generated jobs in its cache; Debian's Chromium runs in kiosk mode on a static page of the same
# first screen of results (tests/bench/browser_page.py, made from the same cache, served from
# 127.0.0.1, fresh profile, background networking off). Runs alternate kiosk, browser, kiosk, …
# Everything is measured from outside the processes (tests/bench/screen_probe.cpp, /proc):
#   - exec → first picture: when the screen first shows, to 99.5 % of the sampled pixels, what
#     it shows once settled (the kiosk's first screen, the browser's page);
#   - CPU over 60 s untouched, then PSS and private memory summed over every process;
#   - a search keystroke → results updated and still on screen;
#   - 10 s of scrolling the results: CPU, and how often the screen changed.
# Prints a BENCHMARKS.md section on stdout.
# Usage: browser_compare.sh BUILD_DIR SOURCE_DIR [RUNS]
set -euo pipefail
build=$1
src=$2
runs=${3:-5}
idle=${COMPARE_IDLE_SECONDS:-60}
kiosk=$build/workforce-kiosk
probe=$build/tests/screen_probe
chromium=${CHROMIUM:-/usr/bin/chromium}
for f in "$kiosk" "$probe" "$build/tests/make_feed" "$chromium"; do
  [ -x "$f" ] || { echo "browser_compare: $f is missing" >&2; exit 1; }
done

# shellcheck source=tests/bench/xvfb.sh
. "$(dirname "${BASH_SOURCE[0]}")/xvfb.sh"
pids=()
bench_cleanup_more() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
log() { printf '[compare] %s\n' "$*" >&2; }
bench_display 1920x1080

# The data: 100,000 generated jobs (the same feed as listings_bench) in the kiosk's cache.
log "generating and importing 100,000 jobs"
feed=$work/jobs.jsonld
if [ -n "${COMPARE_DATA_DIR:-}" ]; then
  # A cache made before (when trying the script), of DIR/../jobs.jsonld: used as it is.
  feed=$(cd "$COMPARE_DATA_DIR/.." && pwd)/jobs.jsonld
  cp -r "$COMPARE_DATA_DIR" "$work/data"
else
  "$build/tests/make_feed" 100000 "$feed"
fi
sed "s|^jobs = .*|jobs = [\"file://$feed\"]|" "$src/config/kiosk.toml" > "$work/kiosk.toml"
[ -n "${COMPARE_DATA_DIR:-}" ] || "$kiosk" sync --config "$work/kiosk.toml" --data-dir "$work/data" >/dev/null
"$kiosk" search --config "$work/kiosk.toml" --data-dir "$work/data" --sort newest --limit 100 \
  --json "" > "$work/results.json"
mkdir -p "$work/site"
python3 "$src/tests/bench/browser_page.py" "$work/results.json" "$work/site/index.html"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server --bind 127.0.0.1 --directory "$work/site" "$port" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/index.html" >/dev/null && break; sleep 0.05; done

# Where the kiosk's widgets are, from a scenario that fails on purpose (the failure lists every
# visible widget with its rectangle): the home screen, then Find a job with the keyboard open.
widgets() {
  printf '%s\n' "$@" "expect-id bench.where" > "$work/where.scenario"
  "$kiosk" --config "$work/kiosk.toml" --data-dir "$work/data" --script "$work/where.scenario" 2>&1 |
    sed -n 's/^  \([a-z0-9_.]*\) \[.*@\([0-9]*\),\([0-9]*\) \([0-9]*\)x\([0-9]*\)$/\1 \2 \3 \4 \5/p' || true
}
centre() { awk -v id="$1" '$1 == id { printf "%d %d\n", $2 + $4 / 2, $3 + $5 / 2; exit }'; }
home=$(widgets)
jobs=$(widgets "tap home.jobs" "tap jobs.query")
read -r tile_x tile_y < <(centre home.jobs <<<"$home")
read -r query_x query_y < <(centre jobs.query <<<"$jobs")
read -r list_x list_y < <(centre jobs.results <<<"$jobs")
# Where results show: the list and the count above it (not the search box, whose cursor blinks).
results_region=$(awk '$1 == "jobs.results" { printf "%d,%d,%d,%d\n", $2, $3 - 48, $4, $5 + 48; exit }' <<<"$jobs")
for k in n u r s e; do
  read -r "key_${k}_x" "key_${k}_y" < <(centre "osk.key.$k" <<<"$jobs")
done
[ -n "${tile_x:-}" ] && [ -n "${query_x:-}" ] && [ -n "${key_n_x:-}" ] && [ -n "${list_x:-}" ] ||
  { echo "browser_compare: could not find the kiosk's widgets" >&2; exit 1; }

# Every process in the tree under $1 (the browser starts many).
tree() {
  local all=("$1") i=0
  while [ $i -lt ${#all[@]} ]; do
    for c in $(cat /proc/"${all[$i]}"/task/*/children 2>/dev/null); do all+=("$c"); done
    i=$((i + 1))
  done
  printf '%s\n' "${all[@]}"
}
ticks() {  # user + system clock ticks of the tree
  local sum=0
  for p in $(tree "$1"); do
    [ -r "/proc/$p/stat" ] || continue
    sum=$((sum + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$sum"
}
memory() {  # "PSS_MB PRIVATE_MB PROCESSES" of the tree
  local p pss=0 priv=0 n=0
  for p in $(tree "$1"); do
    [ -r "/proc/$p/smaps_rollup" ] || continue
    read -r a b < <(awk '/^Pss:/ {pss = $2} /^Private_(Clean|Dirty):/ {priv += $2}
                         END {print pss + 0, priv + 0}' "/proc/$p/smaps_rollup")
    pss=$((pss + a)); priv=$((priv + b)); n=$((n + 1))
  done
  echo "$((pss / 1024)) $((priv / 1024)) $n"
}
hz=$(getconf CLK_TCK)
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
range() { sort -n | awk 'NR==1 {lo=$1} {hi=$1} END {print lo "–" hi}'; }

# One run of one side: appends "name value" lines to $work/<side>.txt.
run_one() {
  local side=$1 out="$work/$1.txt" line pid t0 t1
  if [ "$side" = kiosk ]; then
    line=$(PROBE_LOG="$work/kiosk.log" "$probe" start 8 -- "$kiosk" --config "$work/kiosk.toml" \
      --data-dir "$work/data")
  else
    rm -rf "$work/profile"
    line=$(PROBE_LOG="$work/chromium.log" "$probe" start 8 -- "$chromium" --kiosk --no-sandbox \
      --no-first-run --no-default-browser-check --user-data-dir="$work/profile" \
      --disable-background-networking --disable-component-update --disable-sync \
      --disable-features=Translate,MediaRouter,OptimizationHints --password-store=basic \
      --window-position=0,0 --window-size=1920,1080 "http://127.0.0.1:$port/index.html")
  fi
  pid=$(sed -n 's/.*pid=\([0-9]*\).*/\1/p' <<<"$line")
  pids+=("$pid")
  echo "first_picture $(sed -n 's/.*picture_ms=\([0-9-]*\).*/\1/p' <<<"$line")" >> "$out"
  # Untouched for 60 s.
  t0=$(ticks "$pid"); sleep "$idle"; t1=$(ticks "$pid")
  echo "idle_cpu $(awk -v t=$((t1 - t0)) -v hz="$hz" -v s="$idle" 'BEGIN {printf "%.2f", 100 * t / hz / s}')" >> "$out"
  read -r pss priv n < <(memory "$pid")
  echo "pss $pss" >> "$out"; echo "private $priv" >> "$out"; echo "processes $n" >> "$out"
  # A search keystroke → results on screen (the median of five letters, each measured until the
  # screen has been still for 600 ms).
  local k keys=() x y
  if [ "$side" = kiosk ]; then
    "$probe" click "$tile_x" "$tile_y" >/dev/null
    "$probe" click "$query_x" "$query_y" >/dev/null
    for k in n u r s e; do
      x="key_${k}_x"; y="key_${k}_y"
      keys+=("$("$probe" click "${!x}" "${!y}" "$results_region" |
        sed -n 's/.*settled_ms=\([0-9.-]*\).*/\1/p')")
    done
  else
    "$probe" click 1200 130 >/dev/null  # the search box
    for k in n u r s e; do
      keys+=("$("$probe" key "$k" 440,180,1480,900 | sed -n 's/.*settled_ms=\([0-9.-]*\).*/\1/p')")
    done
  fi
  # A letter that leaves the visible results as they were (the same first jobs after "nu" as
  # after "n") shows no change to time: only the letters that changed the screen count.
  local changed
  changed=$(printf '%s\n' "${keys[@]}" | awk '$1 >= 0')
  echo "keystroke $([ -n "$changed" ] && median <<<"$changed" || echo -1)" >> "$out"
  # Clear the search (the kiosk: Backspace five times; the browser: select all, delete) so the
  # whole list scrolls.
  if [ "$side" = kiosk ]; then
    read -r bx by < <(centre osk.key.backspace <<<"$jobs")
    for _ in 1 2 3 4 5; do [ -n "${bx:-}" ] && "$probe" click "$bx" "$by" >/dev/null; done
  else
    "$probe" key BackSpace >/dev/null; "$probe" key BackSpace >/dev/null
    "$probe" key BackSpace >/dev/null; "$probe" key BackSpace >/dev/null
    "$probe" key BackSpace >/dev/null
  fi
  # 10 s of scrolling: drags on the kiosk (its list follows a finger), the wheel in the browser
  # (a drag there selects text).
  t0=$(ticks "$pid")
  if [ "$side" = kiosk ]; then
    line=$("$probe" scroll 10 "$list_x" "$list_y" drag)
  else
    line=$("$probe" scroll 10 1200 700 wheel)
  fi
  t1=$(ticks "$pid")
  echo "scroll_cpu $(awk -v t=$((t1 - t0)) -v hz="$hz" 'BEGIN {printf "%.0f", 100 * t / hz / 10}')" >> "$out"
  echo "scroll_updates $(sed -n 's/updates=//p' <<<"$line")" >> "$out"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  if [ "$side" = kiosk ]; then
    line=$(grep 'frames rendered' "$work/kiosk.log" | tail -n1)
    echo "frame_p50 $(sed -n 's/.*p50 \([0-9.]*\) ms.*/\1/p' <<<"$line")" >> "$out"
    echo "frame_p95 $(sed -n 's/.*p95 \([0-9.]*\) ms.*/\1/p' <<<"$line")" >> "$out"
  fi
  sleep 2
}

for i in $(seq "$runs"); do
  log "run $i of $runs: kiosk"
  run_one kiosk
  log "run $i of $runs: browser"
  run_one chromium
done

# "median (min–max)" of one figure of one side.
fig() { local v; v=$(awk -v n="$2" '$1 == n {print $2}' "$work/$1.txt"); echo "$(median <<<"$v") ($(range <<<"$v"))"; }
med() { awk -v n="$2" '$1 == n {print $2}' "$work/$1.txt" | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0) printf "%.1f×", b / a; else print "—" }'; }

version=$("$chromium" --version 2>/dev/null | head -n1)
echo "## Side by side with a browser kiosk ($(date -u +%Y-%m-%d), $(uname -m), $(nproc) cores, 100000 jobs)"
echo
echo "| figure | kiosk | $version, kiosk mode | browser ÷ kiosk |"
echo "|---|---|---|---|"
echo "| exec → first picture on screen | $(fig kiosk first_picture) ms | $(fig chromium first_picture) ms | $(ratio "$(med kiosk first_picture)" "$(med chromium first_picture)") |"
echo "| PSS, summed over every process (after 60 s untouched) | $(fig kiosk pss) MB | $(fig chromium pss) MB ($(med chromium processes) processes) | $(ratio "$(med kiosk pss)" "$(med chromium pss)") |"
echo "| private memory, summed | $(fig kiosk private) MB | $(fig chromium private) MB | $(ratio "$(med kiosk private)" "$(med chromium private)") |"
echo "| CPU over $idle s untouched (% of one core) | $(fig kiosk idle_cpu) % | $(fig chromium idle_cpu) % | |"
echo "| CPU while scrolling the results for 10 s (% of one core) | $(fig kiosk scroll_cpu) % | $(fig chromium scroll_cpu) % | $(ratio "$(med kiosk scroll_cpu)" "$(med chromium scroll_cpu)") |"
echo "| screen updates seen while scrolling 10 s | $(fig kiosk scroll_updates) | $(fig chromium scroll_updates) | |"
echo "| search keystroke → results on screen | $(fig kiosk keystroke) ms | $(fig chromium keystroke) ms | $(ratio "$(med kiosk keystroke)" "$(med chromium keystroke)") |"
echo "| kiosk frame time over the run (draw + render + present), p50 / p95 | $(med kiosk frame_p50) / $(med kiosk frame_p95) ms | | |"
echo
echo "Each figure is the median of $runs runs with the range, the two programs alternating on one"
echo "Xvfb display (1920x1080, no GPU). The kiosk's first picture is its home screen; the"
echo "browser's is its page of the newest 100 jobs (tests/bench/browser_page.py, from the same"
echo "cache, served from 127.0.0.1). The browser's search filters the 100 cards already on its page;"
echo "the kiosk's searches all 100,000 jobs in its cache. The kiosk's keystroke is a tap on its"
echo "on-screen keyboard, the browser's a key of a keyboard. Chromium runs as root here, so with"
echo "--no-sandbox (no sandbox processes). Measured from outside: tests/bench/screen_probe.cpp"
echo "samples the X root window every few milliseconds; CPU and memory are read from /proc."

#!/usr/bin/env bash
# What the X server shows is what the kiosk drew: the kiosk runs full screen on an X server of
# its own, is scrolled, filtered and sorted (frames that draw and send only what changed), and
# then the screen (read back from the X server by tests/bench/screen_probe.cpp) must equal the
# kiosk's own screenshot pixel for pixel. Run for both renderers: SDL's software renderer (the
# default on X11) and OpenGL (KIOSK_RENDERER=opengl).
# Usage: screen_matches.sh KIOSK_BINARY SOURCE_DIR SCREEN_PROBE
set -euo pipefail
binary=$1
src=$2
probe=$3
work=$(mktemp -d)
xvfb_pid=""
kiosk_pid=""
cleanup() {
  [ -n "$kiosk_pid" ] && kill "$kiosk_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && { kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; } || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*"
  exit 1
}

# A display of our own, whatever DISPLAY says: nothing else may cover the kiosk's window.
Xvfb -displayfd 3 -screen 0 1280x800x24 -noreset -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.05; done
[ -s "$work/display" ] || fail "Xvfb did not start: $(cat "$work/xvfb.log")"
export DISPLAY=":$(cat "$work/display")"
export SDL_AUDIODRIVER=dummy
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}

# Drags and taps that each redraw only part of the screen, then a pause for the list to come
# to rest; the screenshot, then long enough for the screen to be read.
cat >"$work/matches.scenario" <<'SCENARIO'
tap home.jobs
expect-id jobs.result.0
tap jobs.sort.newest
tap jobs.filters
tap jobs.filter.industry.health
tap jobs.filters.done
drag jobs.results 0 -300
drag jobs.results 0 -200
drag jobs.results 0 250
wait 1500
shot kiosk
wait 6000
SCENARIO

for renderer in software opengl; do
  rm -rf "$work/data" "$work/shots"
  KIOSK_RENDERER=$renderer "$binary" --config "$src/config/kiosk.toml" --data-dir "$work/data" \
    --script "$work/matches.scenario" --screenshot-dir "$work/shots" >"$work/$renderer.log" 2>&1 &
  kiosk_pid=$!
  for _ in $(seq 300); do [ -s "$work/shots/kiosk.png" ] && break; sleep 0.05; done
  [ -s "$work/shots/kiosk.png" ] || fail "$renderer: no screenshot: $(cat "$work/$renderer.log")"
  sleep 0.5  # the PNG is written before the frame is presented
  line=$("$probe" match "$work/shots/kiosk.png") || fail "$renderer: cannot compare: $line"
  wait "$kiosk_pid" || fail "$renderer: the scenario failed: $(cat "$work/$renderer.log")"
  kiosk_pid=""
  case $renderer in
    software) grep -q 'software renderer (x11)' "$work/$renderer.log" ;;
    opengl) grep -q ', OpenGL ' "$work/$renderer.log" ;;
  esac || fail "$renderer: not drawn with that renderer: $(grep display "$work/$renderer.log")"
  [[ $line == differing=0\ * ]] || fail "$renderer: the screen is not the kiosk's picture: $line"
  echo "$renderer: $line"
done
echo PASS

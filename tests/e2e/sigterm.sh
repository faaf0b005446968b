#!/usr/bin/env bash
# A technician (or systemd) stops the kiosk with SIGTERM: it must exit 0, promptly.
set -uo pipefail
binary=$1
work=$(mktemp -d)
xvfb_pid=""
kiosk_pid=""
cleanup() {
  [ -n "$kiosk_pid" ] && kill -9 "$kiosk_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && { kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; } || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; cat "$work/log" 2>/dev/null; exit 1; }

if [ -z "${DISPLAY:-}" ]; then
  Xvfb -displayfd 3 -screen 0 1920x1080x24 -noreset -nolisten tcp 3>"$work/display" 2>/dev/null &
  xvfb_pid=$!
  for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.05; done
  export DISPLAY=":$(cat "$work/display")"
fi

# Under the asan preset: memory errors and UB abort the run; leak checking stays on for the
# unit tests and fuzzers but not here, where libdbus (through SDL) and Mesa's unloaded drivers
# leave a few hundred bytes at exit that have no symbols to suppress them by.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}

# Full-screen kiosk mode: window-close requests are ignored there, signals are not.
"$binary" --data-dir "$work/data" 2>"$work/log" &
kiosk_pid=$!
for _ in $(seq 200); do grep -q "first frame" "$work/log" && break; sleep 0.05; done
grep -q "first frame" "$work/log" || fail "the kiosk never drew its first frame"
kill -TERM "$kiosk_pid"
for _ in $(seq 100); do kill -0 "$kiosk_pid" 2>/dev/null || break; sleep 0.05; done
kill -0 "$kiosk_pid" 2>/dev/null && fail "still running 5 s after SIGTERM"
wait "$kiosk_pid"; rc=$?
kiosk_pid=""
[ $rc -eq 0 ] || fail "exit code $rc after SIGTERM"
grep -q "stopped" "$work/log" || fail "no clean stop in the log"
echo "PASS"

#!/usr/bin/env bash
# The kiosk under a service manager, as systemd runs it (Type=notify, WatchdogSec=2): a datagram
# socket stands in for NOTIFY_SOCKET. While the kiosk sits idle it sends READY=1, then WATCHDOG=1
# again and again (at half of WATCHDOG_USEC, though nothing is drawn); SIGTERM brings STOPPING=1.
# Its metrics file ([fleet] metrics_file) says up 1 while it runs, up 0 after, passes promtool, and
# counts a restart after a SIGKILL.
# Usage: watchdog.sh KIOSK_BINARY SOURCE_DIR
set -uo pipefail
binary=$1
src=$2
. "$src/tests/e2e/lib.sh"
e2e_work watchdog
kiosk_pid=""
listener_pid=""
cleanup() {
  [ -n "$kiosk_pid" ] && kill -9 "$kiosk_pid" 2>/dev/null
  [ -n "$listener_pid" ] && kill "$listener_pid" 2>/dev/null
  e2e_cleanup
}
trap cleanup EXIT
ensure_display "$work" || exit 1
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}

metrics="$work/metrics/workforce_kiosk.prom"
mkdir -p "$work/metrics"
awk '/^\[fleet\]/ {skip = 1; next} /^\[/ {skip = 0} !skip' "$src/config/kiosk.toml" >"$work/kiosk.toml"
printf '\n[fleet]\nmetrics_file = "%s"\n' "$metrics" >>"$work/kiosk.toml"

# listen SOCKET OUT: every datagram on SOCKET, one line each in OUT, until killed.
listen() {
  python3 -u - "$1" "$2" <<'PY' &
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
with open(sys.argv[2], "a", buffering=1) as out:
    while True:
        for line in s.recv(4096).decode().splitlines():
            out.write(line + "\n")
PY
  listener_pid=$!
  for _ in $(seq 100); do [ -S "$1" ] && return 0; sleep 0.05; done
  fail "the listener did not start"
}

# start LOG [ENV…]: the kiosk on the test configuration, waiting for its first frame.
start() {
  local log=$1
  shift
  env "$@" "$binary" --config "$work/kiosk.toml" --data-dir "$work/data" --windowed 800x600 \
    2>"$log" &
  kiosk_pid=$!
  for _ in $(seq 400); do grep -q "first frame" "$log" && return 0; sleep 0.05; done
  cat "$log"
  fail "the kiosk never drew its first frame"
}
stop() {
  kill -TERM "$kiosk_pid"
  wait "$kiosk_pid"
  local rc=$?
  kiosk_pid=""
  return $rc
}
metric() { awk -v name="workforce_kiosk_$1" '$1 == name {print $2}' "$metrics"; }

# 1. Idle under the watchdog.
listen "$work/notify" "$work/notify.log"
start "$work/run1.log" NOTIFY_SOCKET="$work/notify" WATCHDOG_USEC=2000000
for _ in $(seq 200); do grep -q '^READY=1$' "$work/notify.log" && break; sleep 0.05; done
grep -q '^READY=1$' "$work/notify.log" || fail "no READY=1 after the first frame"
# Five pings after READY=1 take about 5 s at one a second; wait up to 30 s on a loaded machine.
for _ in $(seq 300); do
  [ "$(sed -n '/^READY=1$/,$p' "$work/notify.log" | grep -c '^WATCHDOG=1$')" -ge 5 ] && break
  sleep 0.1
done
pings=$(sed -n '/^READY=1$/,$p' "$work/notify.log" | grep -c '^WATCHDOG=1$')
[ "$pings" -ge 5 ] || { cat "$work/notify.log"; fail "only $pings WATCHDOG=1 after READY=1 while idle"; }
grep -q '^STATUS=' "$work/notify.log" || fail "no STATUS= line"
for _ in $(seq 600); do grep -q "sync finished" "$work/run1.log" && break; sleep 0.1; done
grep -q "sync finished" "$work/run1.log" || fail "the first sync did not finish in 60 s"
[ -s "$metrics" ] || fail "no metrics file while running"
[ "$(metric up)" = 1 ] || fail "up is not 1 while running: $(cat "$metrics")"
stop || fail "exit code $? after SIGTERM"
for _ in $(seq 40); do grep -q '^STOPPING=1$' "$work/notify.log" && break; sleep 0.05; done
grep -q '^STOPPING=1$' "$work/notify.log" || fail "no STOPPING=1 on a clean stop"
kill "$listener_pid" 2>/dev/null
listener_pid=""

[ "$(metric up)" = 0 ] || fail "up is not 0 after a clean stop: $(cat "$metrics")"
[ "$(metric restarts_total)" = 0 ] || fail "a restart counted after a clean start"
grep -q '^workforce_kiosk_build_info{version="[^"]*",kiosk_id="[^"]*"} 1$' "$metrics" ||
  fail "no build_info: $(cat "$metrics")"
grep -q '^workforce_kiosk_listings{kind="jobs"} [1-9]' "$metrics" ||
  fail "no jobs listed after the sync: $(cat "$metrics")"
grep -q '^workforce_kiosk_feed_last_sync_ok{kind="jobs",source="[^"]*"} 1$' "$metrics" ||
  fail "no good sync of the jobs feed: $(cat "$metrics")"
ls -A "$work/metrics" | grep -qv '^workforce_kiosk.prom$' && fail "left beside it: $(ls -A "$work/metrics")"
if command -v promtool >/dev/null; then
  promtool check metrics <"$metrics" || fail "promtool refuses the metrics file"
fi

# 2. Killed (a crash, or systemd's watchdog): the next start counts a restart.
start "$work/run2.log"
kill -KILL "$kiosk_pid"
wait "$kiosk_pid" 2>/dev/null
kiosk_pid=""
start "$work/run3.log"
for _ in $(seq 100); do [ "$(metric restarts_total)" = 1 ] && break; sleep 0.05; done
[ "$(metric restarts_total)" = 1 ] || fail "restarts_total is not 1 after a SIGKILL: $(cat "$metrics")"
stop || fail "exit code $? after SIGTERM"
echo "PASS: $pings pings while idle"

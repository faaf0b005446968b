#!/usr/bin/env bash
# `workforce-kiosk self-test`, offline: file: feeds and a server on 127.0.0.1 for the network
# checks. Headless the display is skipped and the test passes; with a display it opens a hidden
# GL window; a broken catalog, an unreachable feed or a corrupt cache make it exit 1, saying which.
# Usage: self_test.sh KIOSK_BINARY SOURCE_DIR
set -uo pipefail
binary=$1
src=$2
. "$src/tests/e2e/lib.sh"
e2e_work self_test
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  e2e_cleanup
}
trap cleanup EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}

# A loopback server for one feed and the intake endpoint (any answer is an answer).
mkdir -p "$work/www"
cp "$src/assets/sample/jobs.jsonld" "$work/www/jobs.jsonld"
python3 -u -m http.server --bind 127.0.0.1 --directory "$work/www" 0 >"$work/server.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 100); do
  port=$(sed -n 's/.*port \([0-9]*\).*/\1/p' "$work/server.log" | head -n 1)
  [ -n "$port" ] && break
  sleep 0.05
done
[ -n "$port" ] || fail "the loopback server did not start: $(cat "$work/server.log")"

# config FILE [EXTRA_JOBS_URL]: the repository's configuration with the loopback feed and intake.
config() {
  awk '/^\[(feeds|signup)\]/ {skip = 1; next} /^\[/ {skip = 0} !skip' "$src/config/kiosk.toml" >"$1"
  cat >>"$1" <<TOML

[feeds]
jobs = ["file:assets/sample/jobs.jsonld", "http://127.0.0.1:$port/jobs.jsonld"${2:+, \"$2\"}]
programs = ["file:assets/sample/programs.jsonld"]
faq = ["file:assets/sample/faq.jsonld"]

[signup]
endpoint = "http://127.0.0.1:$port/intake"
TOML
}
config "$work/good.toml"
config "$work/bad_feed.toml" "http://127.0.0.1:1/gone.jsonld"
unset WATCHDOG_USEC
headless() { env -u DISPLAY -u WAYLAND_DISPLAY "$binary" self-test "$@"; }
line() { grep -E "^$1 +$2: " "$3" >/dev/null || fail "no '$1 $2' line in: $(cat "$3")"; }

# 1. Headless, a fresh data directory: passes, the display and the watchdog skipped.
headless --config "$work/good.toml" --data-dir "$work/data" >"$work/out1" 2>&1 ||
  fail "exit $? headless: $(cat "$work/out1")"
cat "$work/out1"
line skipped display "$work/out1"
line ok fonts "$work/out1"
line ok catalogs "$work/out1"
line skipped databases "$work/out1"
line ok disk "$work/out1"
line ok "feed jobs jobs.jsonld" "$work/out1"
line ok "feed jobs 127.0.0.1" "$work/out1"
line ok intake "$work/out1"
line ok clock "$work/out1"
line ok voices "$work/out1"
grep -q '^skipped watchdog: not run by systemd$' "$work/out1" || fail "watchdog not skipped"

# 2. --json after a sync, under a watchdog: every check an object; the databases checked.
"$binary" sync --config "$work/good.toml" --data-dir "$work/data" >/dev/null 2>&1 || fail "sync failed"
WATCHDOG_USEC=20000000 headless --json --config "$work/good.toml" --data-dir "$work/data" \
  >"$work/out2.json" 2>"$work/err2" || fail "exit $? with --json: $(cat "$work/out2.json" "$work/err2")"
python3 - "$work/out2.json" <<'PY' || fail "the JSON: $(cat "$work/out2.json")"
import json, sys
checks = json.load(open(sys.argv[1]))
assert isinstance(checks, list) and checks, checks
status = {c["check"]: c["status"] for c in checks}
assert all(set(c) == {"check", "status", "detail"} for c in checks), checks
assert all(s in ("ok", "failed", "skipped") for s in status.values()), status
assert status["display"] == "skipped" and status["databases"] == "ok", status
assert status["watchdog"] == "ok", status
PY

# 3. A broken catalog: exit 1, and the catalogs line says so.
mkdir -p "$work/res/locales"
ln -s "$src/assets" "$work/res/assets"
ln -s "$src/config" "$work/res/config"
cp "$src/locales/en.json" "$src/locales/qqq.json" "$work/res/locales/"
head -c 200 "$src/locales/es.json" >"$work/res/locales/es.json"
WORKFORCE_KIOSK_RESOURCES="$work/res" headless --config "$work/good.toml" --data-dir "$work/data" \
  >"$work/out3" 2>&1 && fail "exit 0 with a broken catalog: $(cat "$work/out3")"
line failed catalogs "$work/out3"
line ok "feed jobs jobs.jsonld" "$work/out3"

# 4. A feed nobody serves: exit 1, that feed failed, the others fine.
headless --config "$work/bad_feed.toml" --data-dir "$work/data" >"$work/out4" 2>&1 &&
  fail "exit 0 with an unreachable feed: $(cat "$work/out4")"
line failed "feed jobs 127.0.0.1" "$work/out4"
line ok "feed jobs jobs.jsonld" "$work/out4"
[ "$(grep -c '^failed' "$work/out4")" -eq 1 ] || fail "more than the feed failed: $(cat "$work/out4")"

# 5. A corrupt cache: exit 1, databases failed.
cp -r "$work/data" "$work/corrupt"
rm -f "$work/corrupt"/listings.sqlite3-*
dd if=/dev/urandom of="$work/corrupt/listings.sqlite3" bs=4096 seek=2 count=4 conv=notrunc 2>/dev/null
headless --config "$work/good.toml" --data-dir "$work/corrupt" >"$work/out5" 2>&1 &&
  fail "exit 0 with a corrupt cache: $(cat "$work/out5")"
line failed databases "$work/out5"

# 6. With a display (X11): a hidden window and the renderer the kiosk draws with there, SDL's
# software renderer; and OpenGL's when that is asked for.
ensure_display "$work" || exit 1
"$binary" self-test --config "$work/good.toml" --data-dir "$work/data" >"$work/out6" 2>&1 ||
  fail "exit $? with a display: $(cat "$work/out6")"
grep -qE '^ok +display: x11, .*software renderer$' "$work/out6" ||
  fail "no software renderer: $(cat "$work/out6")"
KIOSK_RENDERER=opengl "$binary" self-test --config "$work/good.toml" --data-dir "$work/data" \
  >"$work/out7" 2>&1 || fail "exit $? with OpenGL: $(cat "$work/out7")"
grep -qE '^ok +display: x11, .*OpenGL .*renderer ' "$work/out7" ||
  fail "no GL renderer: $(cat "$work/out7")"
echo PASS

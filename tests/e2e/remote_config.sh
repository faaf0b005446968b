#!/usr/bin/env bash
# Signed remote configuration, the real kiosk against a real server on 127.0.0.1: a good signed
# file (version 2) is fetched while a resident's session is in progress and is NOT applied then;
# once the session ends the kiosk applies it at rest (the header shows the remote location), the
# kiosk's own [kiosk] id stays /etc's, and the next start uses the stored file.
# Usage: remote_config.sh KIOSK_BINARY SOURCE_DIR
set -uo pipefail
binary=$1
src=$2
source "$src/tests/e2e/lib.sh"
e2e_work remote_config
server_pid=""
trap 'kill "$server_pid" 2>/dev/null; e2e_cleanup' EXIT
command -v python3 >/dev/null || { echo "no python3 for the test server"; exit 77; }

"$binary" keygen --signing --out "$work/keys" >/dev/null || fail "keygen --signing failed"
mkdir -p "$work/www"
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$work/www" >"$work/server.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 100); do
  port=$(sed -n 's/.*port \([0-9]*\).*/\1/p' "$work/server.log" | head -n1)
  [ -n "$port" ] && break
  sleep 0.05
done
[ -n "$port" ] || fail "the test server did not start: $(cat "$work/server.log")"

# /etc's file: the repository's, with its own id and location and the fleet table.
fleet_table() {  # fleet_table VERSION
  printf '\n[fleet]\nconfig_url = "http://127.0.0.1:%s/kiosk.toml.signed"\n' "$port"
  printf 'config_public_key = "%s"\nconfig_version = %s\nconfig_refresh_minutes = 5\n' \
    "$(cat "$work/keys/signing.pub")" "$1"
}
site() {  # site ID LOCATION VERSION > FILE
  awk '/^\[fleet\]/ {skip = 1; next} /^\[/ {skip = 0} !skip' "$src/config/kiosk.toml" |
    sed "s/^id = .*/id = \"$1\"/; s/^location = .*/location = \"$2\"/"
  fleet_table "$3"
}
site e2e-etc-01 "Etc Branch" 1 >"$work/etc.toml"
"$binary" check-config --config "$work/etc.toml" >/dev/null || fail "etc.toml is not valid"
site remote-must-not-win "Remote Branch Library" 2 >"$work/remote.toml"
"$binary" sign-config --secret-key "$work/keys/signing.key" "$work/remote.toml" >/dev/null ||
  fail "sign-config failed"
"$binary" check-config --config "$work/remote.toml.signed" --signed-by "$work/keys/signing.pub" \
  >/dev/null || fail "check-config --signed-by refused the good file"
cp "$work/remote.toml.signed" "$work/www/kiosk.toml.signed"

ensure_display "$work" || exit 1
log="$work/kiosk.log"
"$src/tests/e2e/run_scenario.sh" "$binary" "$src/tests/e2e/remote_config/between_sessions.scenario" \
  "$work/shots" --config "$work/etc.toml" --data-dir "$work/data" >"$log" 2>&1 ||
  { cat "$log"; fail "the scenario failed"; }

line_of() { grep -n -- "$1" "$log" | head -n1 | cut -d: -f1; }
accepted=$(line_of "remote configuration version 2 accepted")
ended=$(line_of "session ended: nobody touched the screen")
applied=$(line_of "remote configuration version 2 applied (kiosk e2e-etc-01)")
[ -n "$accepted" ] || { cat "$log"; fail "the good file was not accepted"; }
[ -n "$ended" ] || { cat "$log"; fail "the session did not end"; }
[ -n "$applied" ] || { cat "$log"; fail "no 'remote configuration version 2 applied' with /etc's id"; }
[ "$accepted" -lt "$ended" ] || fail "the file was accepted only after the session ended"
[ "$ended" -lt "$applied" ] || fail "the file was applied during the session"
grep -q "remote-must-not-win" "$log" && fail "the remote file's [kiosk] id reached the kiosk"
[ -f "$work/data/remote_config.toml.signed" ] || fail "the accepted file is not in the data directory"
cmp -s "$work/data/remote_config.toml.signed" "$work/www/kiosk.toml.signed" ||
  fail "the stored file differs from the one served"
grep -q 'location = "Etc Branch"' "$work/etc.toml" || fail "/etc's file was changed"
# What the reload costs (printed, never asserted): the old window's last log line before the
# "applied" line, and the new app's first frame.
echo "reload:"
sed -n "$((applied - 1)),$((applied + 1))p" "$log"
grep -E 'first frame after' "$log" | tail -n1

# The next start: the stored file is used from the first frame (no session to wait for).
printf 'expect-id home.jobs\nexpect "Remote Branch Library"\n' >"$work/again.scenario"
"$src/tests/e2e/run_scenario.sh" "$binary" "$work/again.scenario" "$work/shots" \
  --config "$work/etc.toml" --data-dir "$work/data" >"$log" 2>&1 ||
  { cat "$log"; fail "the stored file was not used at the next start"; }
grep -q "remote configuration version 2 in use" "$log" || { cat "$log"; fail "no 'in use' line"; }
grep -q "kiosk e2e-etc-01 starting" "$log" || fail "the kiosk's id is not /etc's at start"
echo "remote_config.sh: refused nothing good, applied version 2 between sessions, id kept"

#!/usr/bin/env bash
# "Exit kiosk mode" on the staff panel asks first, then stops the kiosk with status 4, the status
# its service must not restart (RestartPreventExitStatus=4); "Stay" keeps it running.
# Usage: staff_exit.sh KIOSK_BINARY SOURCE_DIR
set -uo pipefail
binary=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "staff_exit.sh: $*"; exit 1; }
cat >"$work/exit.scenario" <<'SCENARIO'
# staff: on
hold header.name 5
type "2468"
key enter
tap staff.exit_kiosk
expect "Exit kiosk mode?"
tap staff.exit.cancel
expect-not "Exit kiosk mode?"
expect-id staff.panel
tap staff.exit_kiosk
tap staff.exit.confirm
expect-id staff.panel
SCENARIO
"$src/tests/e2e/run_scenario.sh" "$binary" "$work/exit.scenario" "$work/shots" >"$work/log" 2>&1
rc=$?
[ "$rc" -eq 4 ] || { cat "$work/log"; fail "exit status $rc, expected 4"; }
grep -q "staff stopped the kiosk for maintenance" "$work/log" || { cat "$work/log"; fail "no log line"; }
echo "staff_exit.sh: asked first, then stopped with status 4"

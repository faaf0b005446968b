#!/usr/bin/env bash
# The soak (issue 18): an accelerated day of random residents (tests/e2e/soak.py), the kiosk
# watched from outside for crashes, assertions and growth of memory, open files and threads.
# Usage: soak.sh KIOSK_BINARY SOURCE_DIR [short|day] [SEED] [OUT_DIR]
#   short (the default, ctest's e2e.soak): about a minute; day: ten hours of kiosk clock, 150
#   sessions and more, a few minutes. SEED replays a run (each run prints its own). OUT_DIR keeps
#   the scenario, the log, samples.csv and report.json (default: a temporary folder, printed).
set -euo pipefail
binary=$1
src=$2
length=${3:-short}
seed=${4:-}
source "$src/tests/e2e/lib.sh"
e2e_work soak
out=${5:-$work/out}
ensure_display "$work"
# Sign-ups sealed to a fresh intake key, and staff's PIN 2468 (the soak's staff visits).
signup_config "$binary" "$src" "$work"
staff_config "$binary" "$work/kiosk.toml" "$work"
args=(--kiosk "$binary" --config "$work/kiosk.toml" --data-dir "$work/data" --out "$out"
  --pin 2468 --length "$length")
[ -n "$seed" ] && args+=(--seed "$seed")
rc=0
/usr/bin/python3 "$src/tests/e2e/soak.py" "${args[@]}" || rc=$?
# Every sign-up of the day is still waiting in the outbox (no endpoint): none lost.
if [ "$rc" = 0 ]; then
  pending=$("$binary" outbox list --json --data-dir "$work/data" |
    /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["pending"])')
  want=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["signups"])' "$out/report.json")
  [ "$pending" = "$want" ] || fail "$want sign-ups sealed, $pending in the outbox"
  echo "soak: $pending sign-ups waiting in the outbox"
fi
exit $rc

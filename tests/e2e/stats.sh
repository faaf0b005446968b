#!/usr/bin/env bash
# The usage figures after a scripted day (stats_day.scenario): `workforce-kiosk stats --json` on
# the same data directory says what the scenario did, and the figures' file holds no typed word.
# Usage: stats.sh KIOSK_BINARY SOURCE_DIR
set -uo pipefail
binary=$1
src=$2
fail() { echo "FAIL: $*"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

log="$work/kiosk.log"
"$src/tests/e2e/run_scenario.sh" "$binary" "$src/tests/e2e/stats_day.scenario" \
  "$work/shots" --data-dir "$work/data" >"$log" 2>&1 || { cat "$log"; fail "the scenario failed"; }
[ -f "$work/data/usage.sqlite" ] || fail "no usage.sqlite in the data directory"

json=$("$binary" stats --json --data-dir "$work/data") || fail "stats --json exited $?"
echo "$json"
field() {  # field PERIOD PATH…: one number from the JSON
  python3 -c 'import json,sys; v=json.loads(sys.argv[1])[sys.argv[2]]
for k in sys.argv[3:]: v=v[k]
print(v)' "$json" "$@"
}
expect() {  # expect PATH… VALUE, for today, the last 7 and the last 30 days alike
  local want=${*: -1}
  for period in today last_7_days last_30_days; do
    got=$(field "$period" "${@:1:$#-1}") || fail "no ${*:1:$#-1} in $period: $json"
    [ "$got" = "$want" ] || fail "$period ${*:1:$#-1} = $got, expected $want"
  done
}
expect sessions 2
expect languages en 1
expect languages es 1
expect journeys 2
expect searches 2
expect searches_empty 1
expect signups 0
expect qr_shown 1
expect prints 0
seconds=$(field today session_seconds)
[ "$seconds" -ge 30 ] || fail "session_seconds = $seconds, the first session alone was 30 s"

for word in cook zzqx; do
  if grep -qi -a -- "$word" "$work/data"/usage.sqlite*; then
    fail "the typed word '$word' is in the usage figures"
  fi
done
csv=$("$binary" stats --csv --data-dir "$work/data") || fail "stats --csv exited $?"
[ "$(wc -l <<<"$csv")" -eq 31 ] || fail "stats --csv is not a header and 30 days: $csv"
tail -n 1 <<<"$csv" | grep -q ',2,[0-9]*,1,1,2,2,1,0,1,0$' || fail "today's CSV row: $(tail -n 1 <<<"$csv")"
"$binary" stats --json --csv >/dev/null 2>&1; [ $? -eq 2 ] || fail "--json with --csv must exit 2"
echo "stats.sh: the figures match the scenario and hold no typed word"

#!/usr/bin/env bash
# After a resident signed up (signup/whole_es.scenario) and another searched for a word no listing
# holds, staff open their panel: neither the panel (read to its end), nor the usage figures, nor
# the logs, nor anything in the data directory holds a word either resident typed.
# Usage: staff_privacy.sh KIOSK_BINARY SOURCE_DIR
set -euo pipefail
binary=$1
src=$2
source "$src/tests/e2e/lib.sh"
e2e_work staff_privacy.sh

signup_config "$binary" "$src" "$work" || fail "no key pair"
staff_config "$binary" "$work/kiosk.toml" "$work" || fail "no staff PIN"
ensure_display "$work" || fail "no display"
export SDL_AUDIODRIVER=dummy ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
run() {  # run SCENARIO LOG [OPTIONS…]
  local scenario=$1 log=$2
  shift 2
  "$binary" --config "$work/kiosk.toml" --data-dir "$work/data" --windowed "${size:-1920x1080}" \
    --script "$scenario" "$@" >"$log" 2>&1 || { cat "$log"; fail "$scenario failed"; }
}
run "$src/tests/e2e/signup/whole_es.scenario" "$work/signup.log" --lang es

secret="Qwixotlan"
needles=("$secret" "Iñaki" "Brien" "Núñez" "inaki.obrien" "3055550123" "555-0123")  # (the ZIP, 33125, is also in the listings)
{
  echo "tap home.jobs"
  echo "tap jobs.query"
  echo "type \"$secret\""
  echo "key enter"
  echo "expect \"No jobs match your search.\""
  echo "tap session.end"
  echo "tap session.end.confirm"
  echo "expect-id attract"
  echo "hold header.name 5"
  echo "type \"2468\""
  echo "key enter"
  echo "expect-id staff.panel"
  echo "expect \"1 sign-up is waiting to be sent.\""
  for i in 1 2 3 4 5 6; do
    for needle in "${needles[@]}"; do echo "expect-not \"$needle\""; done
    echo "drag staff.scroll 0 -400"
    echo "wait 600"
  done
  for needle in "${needles[@]}"; do echo "expect-not \"$needle\""; done
  echo "drag staff.scroll 0 -3000"
  echo "wait 1500"
  echo "expect \"Searches with no results, Today: 1\""
  echo "tap staff.leave"
} >"$work/staff.scenario"
size=1080x1920 run "$work/staff.scenario" "$work/staff.log"  # portrait: the figures fit whole
grep -q "all .* steps passed" "$work/staff.log" || { cat "$work/staff.log"; fail "not every step ran"; }

"$binary" stats --json --data-dir "$work/data" >"$work/stats.json" || fail "stats --json failed"
"$binary" stats --csv --data-dir "$work/data" >"$work/stats.csv" || fail "stats --csv failed"
for needle in "${needles[@]}"; do
  if grep -r -a -q -i -F -- "$needle" "$work/data" "$work/signup.log" "$work/staff.log" \
    "$work/stats.json" "$work/stats.csv"; then
    fail "\"$needle\" was found: $(grep -r -a -l -i -F -- "$needle" "$work/data" "$work"/*.log "$work"/stats.* | head -3)"
  fi
done
echo "staff_privacy.sh: no typed word in the panel, the figures, the logs or $(du -sk "$work/data" | cut -f1) KB of data"

#!/usr/bin/env bash
# A whole session with distinctive text — typed in the search, a job opened, saved and listed —
# ended with "I'm done"; then the data directory and everything the kiosk logged are searched
# for that text: nothing may remain.
# Usage: privacy.sh KIOSK_BINARY SOURCE_DIR
set -euo pipefail
binary=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
secret="Qwixotlan"

cat >"$work/privacy.scenario" <<SCENARIO
tap home.jobs
tap jobs.query
type "$secret"
expect "$secret"
tap jobs.query.clear
type "cook $secret"
tap jobs.query.clear
type "cook"
key enter
tap jobs.result.0
tap jobs.detail.save
tap jobs.detail.mylist
expect-id mylist.qr.0
tap session.end
tap session.end.confirm
expect-id attract
expect-not "$secret"
tap attract.start
tap home.jobs
expect-not "$secret"
SCENARIO

log="$work/kiosk.log"
"$src/tests/e2e/run_scenario.sh" "$binary" "$work/privacy.scenario" \
  "$work/shots" --data-dir "$work/data" >"$log" 2>&1 || { cat "$log"; exit 1; }
grep -q "all .* steps passed" "$log" || { cat "$log"; exit 1; }

hits=0
if grep -rqi -a -- "$secret" "$work/data"; then
  echo "privacy.sh: \"$secret\" found in the data directory:"
  grep -rli -a -- "$secret" "$work/data"
  hits=1
fi
if grep -qi -a -- "$secret" "$log"; then
  echo "privacy.sh: \"$secret\" found in the kiosk's log:"
  grep -i -a -- "$secret" "$log" | grep -v 'privacy.scenario' | head
  hits=1
fi
[ $hits -eq 0 ] || exit 1
echo "privacy.sh: no trace of the session in $(find "$work/data" -type f | wc -l) data files or $(wc -l <"$log") log lines"

#!/usr/bin/env bash
# A broken careers file: the kiosk still starts and runs, the log says where the file is wrong,
# and the careers screen says kindly that the guide is not available, with a door to the jobs.
# Usage: careers_broken.sh KIOSK_BINARY SOURCE_DIR
set -uo pipefail
binary=$1
src=$2
fail() { echo "FAIL: $*"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The kiosk's resources as installed, with only the careers file replaced by a broken one.
res=$work/resources
mkdir -p "$res/assets/careers"
ln -s "$src/locales" "$res/locales"
ln -s "$src/config" "$res/config"
for d in "$src"/assets/*/; do
  name=$(basename "$d")
  [ "$name" = careers ] || ln -s "$d" "$res/assets/$name"
done
python3 - "$src/assets/careers/careers.json" "$res/assets/careers/careers.json" <<'PY'
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
del data["industries"][2]["careers"][1]["entry"]["es"]
json.dump(data, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY

cat >"$work/broken.scenario" <<'SCENARIO'
tap home.careers
expect "The career guide cannot be shown"
expect-not-id careers.industry.0
tap careers.unavailable.jobs
expect-id jobs.search
expect-id jobs.result.0
tap nav.home
expect-id home.jobs
SCENARIO

out=$(WORKFORCE_KIOSK_RESOURCES=$res "$src/tests/e2e/run_scenario.sh" "$binary" \
        "$work/broken.scenario" "$work/shots" 2>&1); rc=$?
[ $rc -eq 0 ] || fail "the scenario failed (exit $rc):"$'\n'"$out"
grep -qF "industries[2].careers[1].entry: the es text is missing" <<<"$out" ||
  fail "the log does not say where the file is broken:"$'\n'"$out"
echo "PASS"

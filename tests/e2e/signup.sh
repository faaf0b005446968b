#!/usr/bin/env bash
# A whole sign-up in Spanish (tests/e2e/signup/whole_es.scenario) on the real kiosk, then:
# the data directory and the log hold no plaintext of any field, the outbox holds one envelope,
# and `outbox open` with the intake team's secret key returns exactly what was entered.
# Usage: signup.sh KIOSK_BINARY SOURCE_DIR
set -euo pipefail
binary=$1
src=$2
source "$src/tests/e2e/lib.sh"
e2e_work signup.sh

signup_config "$binary" "$src" "$work" || fail "no key pair"
ensure_display "$work" || fail "no display"
export SDL_AUDIODRIVER=dummy ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
"$binary" --config "$work/kiosk.toml" --data-dir "$work/data" --windowed 1920x1080 --lang es \
  --screenshot-dir "$(dirname "$binary")/tests/screenshots/signup" \
  --script "$src/tests/e2e/signup/whole_es.scenario" >"$work/log" 2>&1 ||
  { cat "$work/log"; fail "the scenario failed"; }

# No field in the clear: not in the data directory (cache, outbox, anything), not in the log.
for needle in "Iñaki" "Brien" "Núñez" "inaki.obrien" "3055550123" "555-0123" "555012"; do
  if grep -r -a -q -F -- "$needle" "$work/data" "$work/log"; then
    fail "\"$needle\" was found in the clear: $(grep -r -a -l -F -- "$needle" "$work/data" "$work/log" | head -3)"
  fi
done

"$binary" outbox list --data-dir "$work/data" --json >"$work/list.json" ||
  fail "outbox list failed"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["pending"]==1, d' "$work/list.json" ||
  fail "the outbox does not hold exactly one envelope: $(cat "$work/list.json")"
"$binary" outbox export --data-dir "$work/data" "$work/export" >/dev/null ||
  fail "outbox export failed"
"$binary" outbox open --secret-key "$work/keys/intake.key" "$work"/export/* >"$work/opened.json" ||
  fail "outbox open failed"

python3 - "$work/opened.json" <<'PY' || fail "the opened sign-up is not what was entered"
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
try:
    doc = json.loads(text)
except json.JSONDecodeError:
    doc = json.loads(text.splitlines()[0])
if isinstance(doc, list):
    assert len(doc) == 1, f"{len(doc)} sign-ups"
    doc = doc[0]
person = doc["person"]
want = {
    "first_name": "Iñaki José",
    "last_name": "O'Brien-Núñez",
    "email": "inaki.obrien@correo.com",
    "phone": "3055550123",
}
for key, value in want.items():
    assert person[key] == value, f"person.{key}: {person.get(key)!r} != {value!r}"
assert doc["zip"] == "33125", doc["zip"]
assert doc["preferred_language"] == "es", doc["preferred_language"]
assert sorted(doc["looking_for"]) == ["job", "training"], doc["looking_for"]
assert sorted(doc["industries"]) == ["health", "hospitality"], doc["industries"]
assert sorted(doc["skills"]) == ["cooking", "customer_service"], doc["skills"]
assert doc["education"] == "high_school", doc["education"]
assert sorted(doc["contact_methods"]) == ["email", "sms"], doc["contact_methods"]
assert doc["sms_consent"] is True
consents = {c["id"]: c for c in doc["consents"]}
assert consents["sms"]["accepted"] and consents["sms"]["version"].startswith("sms-"), consents
assert consents["terms"]["accepted"] and consents["terms"]["language"] == "es", consents
assert doc["self_identification"] == {"veteran": "no", "disability": "prefer_not"}, doc["self_identification"]
assert doc["schema_version"] == 1
print("signup.sh: the envelope opens to exactly what was typed")
PY
echo "signup.sh: no plaintext in $(du -sk "$work/data" | cut -f1) KB of data or in the log; one sealed envelope"

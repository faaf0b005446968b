#!/usr/bin/env bash
# A bad configuration is refused with file:line and what was expected, by check-config and by
# the kiosk itself, which must not open a window. Usage: bad_config.sh KIOSK_BINARY SOURCE_DIR
set -uo pipefail
binary=$1
dir=$2/tests/e2e  # SOURCE_DIR, as every e2e script takes it
fail() { echo "FAIL: $*"; exit 1; }

out=$("$binary" check-config --config "$dir/bad_config.toml" 2>&1); rc=$?
[ $rc -eq 1 ] || fail "check-config exited $rc, expected 1"
for want in "bad_config.toml:3:" "[kiosk] id: expected letters" \
            "bad_config.toml:4:" "[kiosk] locaton: unknown key" \
            "bad_config.toml:5:" "\"en\" or \"es\"" \
            "bad_config.toml:8:" "expected a whole number from 30 to 3600, got a string"; do
  grep -qF -- "$want" <<<"$out" || fail "check-config output lacks '$want':"$'\n'"$out"
done

json=$("$binary" check-config --config "$dir/bad_config.toml" --json 2>/dev/null); rc=$?
[ $rc -eq 1 ] || fail "check-config --json exited $rc"
grep -q '"ok":false' <<<"$json" || fail "json verdict: $json"
grep -q '"line":4' <<<"$json" || fail "json lines: $json"

"$binary" check-config --config "$dir/../../config/kiosk.toml" >/dev/null || fail "bundled config refused"
"$binary" check-config --config "$dir/nonexistent.toml" 2>/dev/null && fail "missing file accepted"
"$binary" check-config --bogus 2>/dev/null; [ $? -eq 2 ] || fail "bad usage must exit 2"

# The kiosk refuses to start: exit 1 before any window (DISPLAY is unset on purpose).
out=$(env -u DISPLAY "$binary" --config "$dir/bad_config.toml" --windowed 800x600 2>&1); rc=$?
[ $rc -eq 1 ] || fail "kiosk exited $rc with a bad config, expected 1"
grep -qF "refusing to start with a bad configuration" <<<"$out" || fail "no refusal line: $out"
grep -qF "bad_config.toml:4:" <<<"$out" || fail "kiosk did not say where: $out"
echo "PASS"

#!/usr/bin/env bash
# The sign-up's command line as a technician meets it: keygen writes a key pair whose secret
# half nobody else can read (whatever the umask) and never replaces a key; check-config refuses
# a malformed public key and an endpoint without TLS off this machine; outbox list reads an
# empty data directory. Usage: signup_cli.sh KIOSK_BINARY SOURCE_DIR
set -uo pipefail
binary=$1
fail() { echo "FAIL: $*"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

out=$(umask 000; "$binary" keygen --out "$work/keys" 2>&1); rc=$?
[ $rc -eq 0 ] || fail "keygen exited $rc: $out"
[ "$(stat -c %a "$work/keys/intake.key")" = 600 ] ||
  fail "intake.key is mode $(stat -c %a "$work/keys/intake.key"), expected 600"
pub=$(head -n 1 "$work/keys/intake.pub")
[[ $pub =~ ^[A-Za-z0-9+/]{43}=$ ]] || fail "intake.pub is not 32 bytes of padded base64: '$pub'"
grep -qF "public_key = \"$pub\"" <<<"$out" || fail "keygen did not print the config line: $out"
[ "$(wc -c <"$work/keys/intake.key")" -eq 45 ] || fail "intake.key is not one base64 line"

before=$(cat "$work/keys/intake.key")
out=$("$binary" keygen --out "$work/keys" 2>&1); rc=$?
[ $rc -eq 1 ] || fail "a second keygen into the same folder exited $rc, expected 1"
grep -qF "already exists" <<<"$out" || fail "no explanation: $out"
[ "$(cat "$work/keys/intake.key")" = "$before" ] || fail "keygen replaced a secret key"
[ "$(wc -l <<<"$out")" -eq 1 ] || fail "the failure is not one line: $out"

json=$("$binary" keygen --out "$work/keys2" --json); rc=$?
[ $rc -eq 0 ] || fail "keygen --json exited $rc"
grep -qF "\"public_key\":\"$(head -n 1 "$work/keys2/intake.pub")\"" <<<"$json" ||
  fail "keygen --json: $json"

"$binary" keygen 2>/dev/null; [ $? -eq 2 ] || fail "keygen without --out must exit 2"
"$binary" outbox 2>/dev/null; [ $? -eq 2 ] || fail "outbox without a command must exit 2"
"$binary" outbox open "$work/x.sealed" 2>/dev/null; [ $? -eq 2 ] ||
  fail "outbox open without --secret-key must exit 2"

check() {  # check KEY VALUE: writes a [signup] config and runs check-config on it
  printf '[signup]\n%s = "%s"\n' "$1" "$2" >"$work/site.toml"
  out=$("$binary" check-config --config "$work/site.toml" 2>&1); rc=$?
}
check public_key "$pub"
[ $rc -eq 0 ] || fail "check-config refused keygen's own key: $out"
for bad in "${pub%=}" "${pub}A" "not-a-key" "$(head -c 31 /dev/zero | base64)"; do
  check public_key "$bad"
  [ $rc -eq 1 ] || fail "check-config took public_key '$bad' (exit $rc)"
  grep -qF "site.toml:2:" <<<"$out" || fail "no line for public_key '$bad': $out"
  grep -qF "[signup] public_key: expected the intake team's public key" <<<"$out" ||
    fail "public_key '$bad' not explained: $out"
done
for bad in "http://intake.example.org/signups" "http://10.0.0.5/intake" "ftp://example.org/"; do
  check endpoint "$bad"
  [ $rc -eq 1 ] || fail "check-config took endpoint '$bad' (exit $rc)"
  grep -qF "site.toml:2:" <<<"$out" || fail "no line for endpoint '$bad': $out"
  grep -qF "[signup] endpoint:" <<<"$out" || fail "endpoint '$bad' not explained: $out"
done
for good in "https://intake.example.org/signups" "http://127.0.0.1:8080/intake"; do
  check endpoint "$good"
  [ $rc -eq 0 ] || fail "check-config refused endpoint '$good': $out"
done

json=$("$binary" outbox list --data-dir "$work/data" --json); rc=$?
[ $rc -eq 0 ] || fail "outbox list on an empty data directory exited $rc"
[ "$json" = '{"pending":0,"envelopes":[]}' ] || fail "outbox list --json: $json"
[ ! -e "$work/data/outbox.sqlite" ] || fail "outbox list created an outbox"
out=$("$binary" outbox export --data-dir "$work/data" "$work/export"); rc=$?
[ $rc -eq 0 ] || fail "outbox export of nothing exited $rc"
grep -qF "exported 0 sign-ups" <<<"$out" || fail "outbox export: $out"
echo "PASS"

#!/usr/bin/env bash
# `workforce-kiosk speak` writes English and Spanish speech to WAV files without a display or a
# configuration, says what it wrote, and keeps the exit-code contract (1 explained, 2 usage).
# Usage: speak.sh KIOSK_BINARY
set -uo pipefail
binary=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# No display and no configuration file: speak needs neither.
run() { env -u DISPLAY -u WAYLAND_DISPLAY HOME="$work" "$binary" "$@"; }

text="Find a job near you in Miami-Dade today."
for lang in en es; do
  out=$(run speak --lang "$lang" --out "$work/$lang.wav" "$text" 2>"$work/err"); rc=$?
  [ $rc -eq 0 ] || fail "speak --lang $lang exited $rc: $(cat "$work/err")"
  grep -qE "^wrote $work/$lang.wav: [0-9]+\.[0-9] s of speech \(.* voice, [0-9]+ Hz\)$" <<<"$out" ||
    fail "speak --lang $lang said: $out"
  size=$(stat -c %s "$work/$lang.wav")
  [ "$size" -gt 44 ] || fail "$lang.wav has no samples ($size bytes)"
  [ "$(head -c 4 "$work/$lang.wav")" = "RIFF" ] || fail "$lang.wav is not a RIFF file"
done
cmp -s "$work/en.wav" "$work/es.wav" && fail "the English and Spanish files are identical"

json=$(run speak --json --lang es --out "$work/j.wav" -- "Hola") || fail "speak --json failed"
for want in '"file":"'"$work/j.wav"'"' '"voice":"es' '"sample_rate":' '"seconds":'; do
  grep -qF -- "$want" <<<"$json" || fail "json lacks $want: $json"
done

# Explained failure: exit 1, one line on stderr.
err=$(run speak --out "$work/no/such/dir/x.wav" "$text" 2>&1 >/dev/null); rc=$?
[ $rc -eq 1 ] || fail "unwritable --out exited $rc, expected 1"
[ "$(wc -l <<<"$err")" -eq 1 ] || fail "expected one stderr line, got: $err"

# Bad usage: exit 2.
for args in "speak $text" "speak --out $work/x.wav" "speak --lang fr --out $work/x.wav hi" \
            "speak --out"; do
  # shellcheck disable=SC2086 # the words are the arguments
  run $args >/dev/null 2>&1; rc=$?
  [ $rc -eq 2 ] || fail "'$args' exited $rc, expected 2"
done
[ ! -e "$work/x.wav" ] || fail "bad usage wrote a file"
echo "PASS: en $(stat -c %s "$work/en.wav") bytes, es $(stat -c %s "$work/es.wav") bytes"

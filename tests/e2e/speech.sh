#!/usr/bin/env bash
# Read-aloud, end to end: with speech on, a first tap on the home screen's job tile selects it
# and says it (without opening it), a second tap opens it and the new screen is announced.
# The kiosk writes each utterance as a WAV file (KIOSK_SPEECH_DIR, the SDL dummy driver stays
# silent); each must be as long as `workforce-kiosk speak` makes the text it should have said.
# Usage: speech.sh KIOSK_BINARY SOURCE_DIR
set -euo pipefail
binary=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/speech"

cat >"$work/speech.scenario" <<'SCENARIO'
tap access.speech
expect "Read aloud: on"
expect-id speech.repeat
wait 300
tap home.jobs
expect-id home.jobs
expect-not-id jobs.search
wait 300
tap home.jobs
expect-id jobs.search
wait 500
SCENARIO

KIOSK_SPEECH_DIR="$work/speech" "$src/tests/e2e/run_scenario.sh" "$binary" \
  "$work/speech.scenario" "$work/shots" >"$work/log" 2>&1 || { cat "$work/log"; exit 1; }

# Seconds of audio in a 16-bit mono WAV at its own sample rate.
seconds() {
  python3 - "$1" <<'PY'
import struct, sys
data = open(sys.argv[1], 'rb').read()
rate = struct.unpack('<I', data[24:28])[0]
print((len(data) - 44) / 2 / rate)
PY
}
expect_said() {  # FILE TEXT: FILE lasts as long as TEXT spoken (±5 %)
  "$binary" speak --lang en --out "$work/expected.wav" "$2" >/dev/null
  local got want
  got=$(seconds "$1")
  want=$(seconds "$work/expected.wav")
  python3 -c "import sys; g,w=$got,$want; sys.exit(0 if abs(g-w) <= 0.05*w + 0.05 else 1)" || {
    echo "speech.sh: $(basename "$1") lasts ${got}s; \"$2\" takes ${want}s"
    exit 1
  }
}

count=$(find "$work/speech" -name '*.wav' | wc -l)
[ "$count" -eq 3 ] || { echo "speech.sh: expected 3 utterances, got $count"; ls -l "$work/speech"; exit 1; }
expect_said "$work/speech/001.wav" \
  "Read aloud is on. Tap something once to hear it. Tap it again to use it."
expect_said "$work/speech/002.wav" "Find a job. Jobs near you, by type of work"
expect_said "$work/speech/003.wav" \
  "Find a job. Type a job in the search box, or choose a type of work."
echo "speech.sh: the kiosk said the setting, the touched tile, then the new screen"

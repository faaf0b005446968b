#!/usr/bin/env bash
# Runs one scenario against the real kiosk under X (Xvfb when there is no display).
# Usage: run_scenario.sh KIOSK_BINARY SCENARIO SCREENSHOT_DIR [KIOSK OPTIONS…]
# A scenario may say `# size: WxH` (default 1920x1080), `# lang: es` and `# signup: on` in its
# comments; `# signup: on` makes a fresh intake key pair and runs the kiosk with its public key
# (the repository's configuration has none), so sign-ups can be sealed; `# staff: on` sets the
# staff PIN to 2468 (`hold header.name 5`, then `type "2468"` and `key enter` opens the panel).
set -euo pipefail
binary=$1
scenario=$2
shots=$3
shift 3
extra=("$@")  # more kiosk options (--config FILE)

size=$(sed -n 's/^# size: *\([0-9]*x[0-9]*\).*/\1/p' "$scenario" | head -n1)
size=${size:-1920x1080}
lang=$(sed -n 's/^# lang: *\(en\|es\).*/\1/p' "$scenario" | head -n1)

work=$(mktemp -d)
xvfb_pid=""
cleanup() {
  [ -n "$xvfb_pid" ] && { kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; } || true
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${DISPLAY:-}" ]; then
  # Our own X server, on the first free display number it finds.
  Xvfb -displayfd 3 -screen 0 1920x1920x24 -noreset -nolisten tcp 3>"$work/display" 2>"$work/xvfb.log" &
  xvfb_pid=$!
  for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.05; done
  [ -s "$work/display" ] || { echo "Xvfb did not start:"; cat "$work/xvfb.log"; exit 1; }
  export DISPLAY=":$(cat "$work/display")"
fi

if grep -q '^# signup: *on' "$scenario"; then
  source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
  signup_config "$binary" "$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)" "$work"
  extra=(--config "$work/kiosk.toml" "${extra[@]}")
fi

if grep -q '^# staff: *on' "$scenario"; then
  source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
  source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  [ -f "$work/kiosk.toml" ] || cp "$source_dir/config/kiosk.toml" "$work/kiosk.toml"
  staff_config "$binary" "$work/kiosk.toml" "$work"
  grep -q '^# signup: *on' "$scenario" || extra=(--config "$work/kiosk.toml" "${extra[@]}")
fi

mkdir -p "$shots"
args=(--script "$scenario" --screenshot-dir "$shots" --data-dir "$work/data" --windowed "$size")
[ -n "$lang" ] && args+=(--lang "$lang")
args+=("${extra[@]}")
export SDL_AUDIODRIVER=dummy
# Under the asan preset: memory errors and UB abort the run; leak checking stays on for the
# unit tests and fuzzers but not here, where libdbus (through SDL) and Mesa's unloaded drivers
# leave a few hundred bytes at exit that have no symbols to suppress them by.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
rc=0
"$binary" "${args[@]}" || rc=$?
exit $rc

#!/usr/bin/env bash
# The kiosk's cost in instructions per frame, counted by callgrind (`packaging/dev.sh bench`): a
# figure that a regression moves without the noise of timing. On X11 the kiosk draws with SDL's
# software renderer on its own thread, so every pixel's work is counted with the frame's (with
# KIOSK_RENDERER=opengl, LP_NUM_THREADS=0 keeps llvmpipe on that thread too). Only what happens
# inside drawing, rendering and presenting a frame is collected (start-up, the sync and idle
# waits are not); the total is divided by the frames the kiosk says it rendered.
# Prints a BENCHMARKS.md section on stdout. Usage: callgrind_frames.sh KIOSK_BINARY SOURCE_DIR
set -euo pipefail
binary=$1
src=$2
# shellcheck source=tests/bench/xvfb.sh
. "$(dirname "${BASH_SOURCE[0]}")/xvfb.sh"
bench_display 1920x1080
export LP_NUM_THREADS=0
# The listings first, outside callgrind.
"$binary" sync --config "$src/config/kiosk.toml" --data-dir "$work/data" >/dev/null
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" \
  --toggle-collect='ui::App::draw_frame*' --toggle-collect='ui::Platform::render*' \
  --toggle-collect='ui::Platform::present*' \
  "$binary" --config "$src/config/kiosk.toml" --data-dir "$work/data" --windowed 1920x1080 \
  --script "$src/tests/bench/callgrind_frames.scenario" > "$work/log" 2>&1 ||
  { echo "callgrind_frames: the scenario failed" >&2; tail -n 30 "$work/log" >&2; exit 1; }
frames=$(sed -n 's/.* \([0-9]*\) frames rendered.*/\1/p' "$work/log" | tail -n1)
total=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/log" | tail -n1)
[ -n "$frames" ] && [ -n "$total" ] && [ "$frames" -gt 0 ] ||
  { echo "callgrind_frames: no figures (see the log)" >&2; tail -n 20 "$work/log" >&2; exit 1; }
echo "## Instructions per frame ($(date -u +%Y-%m-%d), $(uname -m), callgrind)"
echo
echo "| scenario | frames rendered | instructions in frames | per frame |"
echo "|---|---|---|---|"
awk -v f="$frames" -v t="$total" 'BEGIN { printf "| tests/bench/callgrind_frames.scenario, 1920x1080 | %d | %.0f M | %.1f M |\n", f, t / 1e6, t / f / 1e6 }'
echo
echo "Counted by \`valgrind --tool=callgrind\` inside App::draw_frame, Platform::render and"
echo "Platform::present only. The kiosk draws with SDL's software renderer on its own thread"
echo "(X11), so the pixels' work is in the count."
echo "The same binary and scenario give the same count whatever else the machine does; the"
echo "number of frames can vary a little with the pace of the drag (it follows real time)."

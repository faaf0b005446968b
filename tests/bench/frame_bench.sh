#!/usr/bin/env bash
# Frame time while drag-scrolling the job list under Xvfb, at 1920x1080 and 1080x1920: SDL's
# software renderer (the kiosk's default on X11) and OpenGL on Mesa's llvmpipe
# (KIOSK_RENDERER=opengl), each with partial updates (the default) and with every frame drawn
# whole (KIOSK_FULL_REDRAW=1). Prints a BENCHMARKS.md section on stdout.
# Usage: frame_bench.sh KIOSK_BINARY SOURCE_DIR [RUNS]
set -euo pipefail
binary=$1
src=$2
runs=${3:-5}
# shellcheck source=tests/bench/xvfb.sh
. "$(dirname "${BASH_SOURCE[0]}")/xvfb.sh"
bench_display 1920x1920

# Median of the numbers on stdin.
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "## Scrolling the job list ($(date -u +%Y-%m-%d), $(uname -m), $(nproc) cores)"
echo
echo "| display | renderer | drawing | frames per run | p50 (median of $runs runs) | p95 (median; range) | goal |"
echo "|---|---|---|---|---|---|---|"
for size in 1920x1080 1080x1920; do
  for renderer in software opengl; do
    for mode in partial full; do
      p50s=()
      p95s=()
      frames=()
      for _ in $(seq "$runs"); do
        if [ "$mode" = full ]; then export KIOSK_FULL_REDRAW=1; else unset KIOSK_FULL_REDRAW; fi
        line=$(KIOSK_RENDERER=$renderer "$binary" --config "$src/config/kiosk.toml" \
          --data-dir "$work/data" --windowed "$size" \
          --script "$src/tests/bench/scroll_jobs.scenario" 2>&1 | grep 'frames rendered' | tail -n1)
        frames+=("$(sed -n 's/.* \([0-9]*\) frames rendered.*/\1/p' <<<"$line")")
        p50s+=("$(sed -n 's/.*p50 \([0-9.]*\) ms.*/\1/p' <<<"$line")")
        p95s+=("$(sed -n 's/.*p95 \([0-9.]*\) ms.*/\1/p' <<<"$line")")
      done
      unset KIOSK_FULL_REDRAW
      p50=$(printf '%s\n' "${p50s[@]}" | median)
      p95=$(printf '%s\n' "${p95s[@]}" | median)
      lo=$(printf '%s\n' "${p95s[@]}" | sort -n | head -n1)
      hi=$(printf '%s\n' "${p95s[@]}" | sort -n | tail -n1)
      nframes=$(printf '%s\n' "${frames[@]}" | median)
      label="only what changed"
      [ "$mode" = full ] && label="every frame whole"
      goal=""
      [ "$mode" = partial ] && [ "$renderer" = software ] && goal="p95 ≤ 8 ms"
      name="SDL software (default)"
      [ "$renderer" = opengl ] && name="OpenGL, llvmpipe"
      echo "| $size | $name | $label | $nframes | $p50 ms | $p95 ms ($lo–$hi) | $goal |"
    done
  done
done
echo
echo "The scenario (tests/bench/scroll_jobs.scenario) opens Find a job and drags the list of the"
echo "newest jobs 24 times, each drag moving at a finger's pace and ending in a fling. A frame is"
echo "draw + render + present, from the kiosk's \`frames rendered\` log line."

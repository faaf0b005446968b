# Sourced by the benchmark scripts: a work folder and an Xvfb display of their own, both gone at
# exit. `bench_display GEOMETRY` (like 1920x1080) starts it and exports DISPLAY; $work is the
# folder; more cleanup goes in bench_cleanup_more (a function the script may define).
work=$(mktemp -d)
xvfb_pid=""
bench_cleanup() {
  if declare -F bench_cleanup_more >/dev/null; then bench_cleanup_more; fi
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap bench_cleanup EXIT
bench_display() {
  Xvfb -displayfd 3 -screen 0 "$1x24" -noreset -nolisten tcp 3>"$work/display" 2>/dev/null &
  xvfb_pid=$!
  for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.05; done
  [ -s "$work/display" ] || { echo "no Xvfb display" >&2; exit 1; }
  export DISPLAY=":$(cat "$work/display")" SDL_AUDIODRIVER=dummy
}

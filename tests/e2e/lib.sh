# Shared by the end-to-end scripts (source it): a display of our own when there is none, and a
# configuration with a fresh intake key pair, so a sign-up can be sealed and opened again.

# ensure_display WORK: starts Xvfb (1920x1920, fits landscape and portrait) when DISPLAY is unset,
# and sets xvfb_pid for the caller's cleanup.
ensure_display() {
  xvfb_pid=""
  [ -n "${DISPLAY:-}" ] && return 0
  Xvfb -displayfd 3 -screen 0 1920x1920x24 -noreset -nolisten tcp 3>"$1/display" 2>"$1/xvfb.log" &
  xvfb_pid=$!
  for _ in $(seq 100); do [ -s "$1/display" ] && break; sleep 0.05; done
  [ -s "$1/display" ] || { echo "Xvfb did not start:"; cat "$1/xvfb.log"; return 1; }
  export DISPLAY=":$(cat "$1/display")"
}

# signup_config KIOSK SOURCE_DIR WORK: WORK/keys/intake.{pub,key} from `keygen`, and
# WORK/kiosk.toml, the repository's configuration with its [signup] table replaced by one that
# holds the new public key.
signup_config() {
  "$1" keygen --out "$3/keys" >/dev/null || { echo "keygen failed"; return 1; }
  awk '/^\[signup\]/ {skip = 1; next} /^\[/ {skip = 0} !skip' "$2/config/kiosk.toml" >"$3/kiosk.toml"
  printf '\n[signup]\npublic_key = "%s"\n' "$(cat "$3/keys/intake.pub")" >>"$3/kiosk.toml"
}

# staff_config KIOSK CONFIG WORK: WORK/kiosk.toml, CONFIG with its [staff] table replaced by one
# whose pin_hash is the hash of the test PIN 2468 (made by `pin-hash`, as a technician would).
staff_config() {
  local hash
  hash=$(echo 2468 | "$1" pin-hash) || { echo "pin-hash failed"; return 1; }
  awk '/^\[staff\]/ {skip = 1; next} /^\[/ {skip = 0} !skip' "$2" >"$3/kiosk.staff.toml"
  printf '\n[staff]\npin_hash = "%s"\n' "$hash" >>"$3/kiosk.staff.toml"
  mv "$3/kiosk.staff.toml" "$3/kiosk.toml"
}

# e2e_work NAME: $work, a fresh folder removed at exit (with the Xvfb ensure_display may start),
# and fail MESSAGE, which prints "NAME: MESSAGE" and exits 1. Source this file first.
e2e_work() {
  e2e_name=$1
  work=$(mktemp -d)
  xvfb_pid=""
  trap e2e_cleanup EXIT
}
e2e_cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
fail() {
  echo "$e2e_name: $*"
  exit 1
}

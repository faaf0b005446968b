#!/usr/bin/env bash
# "Copy sign-ups to USB" with a real drive: a tmpfs mounted below [staff] usb_roots inside a user
# and mount namespace (unshare), as a desktop automounter would put a stick under /media. The
# panel sees the drive, copies the one sealed sign-up onto it and keeps it in the outbox; without
# a drive it asks for one. Exit 77 (skipped) where unprivileged namespaces are not allowed.
# Usage: staff_usb.sh KIOSK_BINARY SOURCE_DIR
set -euo pipefail
binary=$1
src=$2
source "$src/tests/e2e/lib.sh"
e2e_work staff_usb.sh
mkdir -p "$work/media/USB STICK"
if ! unshare --user --map-root-user --mount sh -c "mount -t tmpfs tmpfs '$work/media/USB STICK'" \
  2>/dev/null; then
  echo "staff_usb.sh: cannot mount in a user namespace here: skipped"
  exit 77
fi
signup_config "$binary" "$src" "$work" || fail "no key pair"
staff_config "$binary" "$work/kiosk.toml" "$work" || fail "no staff PIN"
printf 'usb_roots = ["%s"]\n' "$work/media" >>"$work/kiosk.toml"
ensure_display "$work" || fail "no display"
export SDL_AUDIODRIVER=dummy ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
kiosk() {  # kiosk SCENARIO LOG [OPTIONS…]
  local scenario=$1 log=$2
  shift 2
  "$binary" --config "$work/kiosk.toml" --data-dir "$work/data" --windowed 1920x1080 \
    --script "$scenario" "$@" >"$log" 2>&1 || { cat "$log"; fail "$scenario failed"; }
}
kiosk "$src/tests/e2e/signup/whole_es.scenario" "$work/signup.log" --lang es

panel='hold header.name 5
type "2468"
key enter
expect-id staff.panel
expect "1 sign-up is waiting to be sent."'
printf '%s\n%s\n' "$panel" 'expect "No USB drive is plugged in."
tap staff.export
expect "Plug in a USB drive first, then tap again."' >"$work/none.scenario"
kiosk "$work/none.scenario" "$work/none.log"

printf '%s\n%s\n' "$panel" "expect \"USB drive ready: $work/media/USB STICK\"
tap staff.export
expect \"1 sealed sign-up copied to $work/media/USB STICK/workforce-kiosk/mdc-demo-01-\"
expect \"They stay on the kiosk until they are sent.\"" >"$work/usb.scenario"
export -f kiosk fail
export binary work e2e_name
unshare --user --map-root-user --mount bash -c "
  set -e
  mount -t tmpfs tmpfs '$work/media/USB STICK'
  kiosk '$work/usb.scenario' '$work/usb.log'
  cd '$work/media/USB STICK' && find . -type f | sort >'$work/usb.txt'
" || { cat "$work/usb.log" 2>/dev/null; fail "the export run failed"; }
[ "$(grep -c . "$work/usb.txt")" -eq 1 ] || fail "the drive holds: $(cat "$work/usb.txt")"
grep -q '^\./workforce-kiosk/mdc-demo-01-[0-9]\{8\}-[0-9]\{6\}/' "$work/usb.txt" ||
  fail "not in its folder: $(cat "$work/usb.txt")"
[ -z "$(ls -A "$work/media/USB STICK")" ] || fail "the copy went to the folder, not the drive"
"$binary" outbox list --data-dir "$work/data" --json | grep -q '"pending":1' ||
  fail "the outbox lost its sign-up"
echo "staff_usb.sh: one sealed sign-up copied onto the mounted drive, and still in the outbox"

#!/usr/bin/env bash
# After a session, nothing the resident typed is left in the kiosk's memory. Three sessions: one
# saves a job, searches for a word and ends with "I'm done"; one has speech on, hears its search
# read back and ends by the idle timeout; one signs up (names, email and phone, sealed and
# stored) and ends with "I'm done". The words are typed key by key (so the scenario itself
# never holds them whole) and left in the search box. Then a core dump of the running kiosk
# (gcore) is searched for them.
# What it covers: the strings the kiosk wipes itself, the heap blocks it frees (zeroed by
# kiosk/scrub_new.cpp and SQLite's allocator in kiosk/scrub.cpp), SQLite's per-connection buffers
# (the reader's connection is closed), espeak-ng's static buffers (overwritten), SDL's freed memory
# and the threads' stacks (scrubbed).
# Usage: privacy_memory.sh KIOSK_BINARY SOURCE_DIR. Skips (77) without gdb's gcore or when it
# may not attach (no ptrace).
set -euo pipefail
binary=$1
src=$2
command -v gcore >/dev/null || { echo "privacy_memory.sh: skipped: gcore (gdb) missing"; exit 77; }
if ldd "$binary" 2>/dev/null | grep -q libasan; then
  # ASan's shadow memory would make the dump many gigabytes, and its allocator is not the kiosk's.
  echo "privacy_memory.sh: skipped: a sanitizer build (the release and debug builds are checked)"
  exit 77
fi
work=$(mktemp -d)
xvfb_pid=""
kiosk_pid=""
cleanup() {
  # The kiosk first (SIGTERM: it ends its session and exits), then its display.
  if [ -n "$kiosk_pid" ]; then kill "$kiosk_pid" 2>/dev/null && wait "$kiosk_pid" 2>/dev/null || true; fi
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
typed=(qwixotlan vextrudim)
# The sign-up's fields: a first and last name, the email's own part, the phone's last digits.
signup=(zorvexa quimbrel kwimblor 5550199)
keys() { for ((i = 0; i < ${#1}; i++)); do echo "key ${1:i:1}"; done; }

{
  echo "# A resident who reads the screen saves a job, searches for a word and taps I'm done."
  echo "tap home.jobs"
  echo "tap jobs.query"
  keys cook
  echo "key enter"
  echo "tap jobs.result.0"
  echo "tap jobs.detail.save"
  echo "tap nav.back"
  echo "tap jobs.query.clear"
  echo "tap jobs.query"
  keys "${typed[0]}"
  echo "key enter"
  echo "expect \"No jobs match\""
  echo "tap session.end"
  echo "tap session.end.confirm"
  echo "expect-id attract"
  echo "# A resident who listens (a first tap speaks, a second acts) has the search read back,"
  echo "# then walks away: the kiosk ends the session itself."
  echo "tap attract.start"
  echo "tap access.speech"
  echo "tap home.jobs"
  echo "tap home.jobs"
  echo "tap jobs.query"
  echo "tap jobs.query"
  keys "${typed[1]}"
  echo "key enter"
  echo "expect \"No jobs match\""
  echo "tap jobs.query"
  echo "wait 1000"
  echo "advance 200"
  echo "advance 40"
  echo "expect-id attract"
  echo "# A resident signs up, sees the reference, and taps I'm done."
  echo "tap attract.start"
  echo "tap home.signup"
  echo "tap signup.first_name"
  keys "${signup[0]}"
  echo "tap signup.last_name"
  keys "${signup[1]}"
  echo "key enter"
  echo "tap signup.next"
  echo "tap signup.email"
  keys "${signup[2]}"
  echo "key @"
  keys "mail"
  echo "key ."
  keys "org"
  echo "tap signup.phone"
  keys "786${signup[3]}"
  echo "key enter"
  echo "tap signup.next"
  echo "tap signup.zip"
  keys "33125"
  echo "key enter"
  echo "tap signup.next"
  echo "tap signup.next"
  echo "tap signup.choice.looking_for.job"
  echo "tap signup.next"
  echo "tap signup.next"
  echo "tap signup.next"
  echo "tap signup.choice.education.bachelor"
  echo "tap signup.next"
  echo "tap signup.choice.contact.email"
  echo "tap signup.next"
  echo "tap signup.accept_terms"
  echo "tap signup.next"
  echo "tap signup.skip"
  echo "tap signup.submit"
  echo "expect-id signup.reference"
  echo "tap session.end"
  echo "tap session.end.confirm"
  echo "expect-id attract"
  echo "wait 20000"
} >"$work/memory.scenario"

# The kiosk seals sign-ups to an intake key made for this test.
source "$src/tests/e2e/lib.sh"
signup_config "$binary" "$src" "$work"

ensure_display "$work"
export SDL_AUDIODRIVER=dummy ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
"$binary" --config "$work/kiosk.toml" --data-dir "$work/data" --windowed 1920x1080 \
  --script "$work/memory.scenario" >"$work/log" 2>&1 &
kiosk_pid=$!
ended() { [ "$(grep -c 'session ended' "$work/log" || true)" -ge 3 ]; }
for _ in $(seq 1200); do  # two minutes: a loaded machine (ctest -j) is slow
  ended && break
  kill -0 "$kiosk_pid" 2>/dev/null || { cat "$work/log"; exit 1; }
  sleep 0.1
done
ended || { echo "privacy_memory.sh: the three sessions did not end"; cat "$work/log"; exit 1; }
sleep 1
gcore -o "$work/core" "$kiosk_pid" >/dev/null 2>&1 || { echo "privacy_memory.sh: skipped: gcore could not attach"; exit 77; }
# grep -z: records end at NUL bytes, so the dump's long zero runs are not one huge line in memory.
# A control: the dump must be readable, so text the kiosk still shows is found in it.
grep -a -z -q "Touch the screen to start" "$work"/core.* ||
  { echo "privacy_memory.sh: the core dump does not hold the attract screen's text"; exit 1; }
# Each word, and the prefix the as-you-type searches sent while it was being typed.
for needle in "${typed[0]}" "${typed[0]:0:6}" "${typed[1]}" "${typed[1]:0:6}" "${signup[@]}"; do
  hits=$(grep -a -z -c -i -- "$needle" "$work"/core.* || true)
  if [ "$hits" -ne 0 ]; then
    echo "privacy_memory.sh: \"$needle\" is still in the kiosk's memory ($hits places):"
    grep -a -z -o -i ".\{0,40\}$needle.\{0,20\}" "$work"/core.* | tr "\\0" "\\n" | cat -v | head -5 || true
    exit 1
  fi
done
echo "privacy_memory.sh: no trace of ${typed[*]} ${signup[*]} in $(du -m "$work"/core.* | cut -f1) MB of the kiosk's memory"

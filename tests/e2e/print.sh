#!/usr/bin/env bash
# Prints the way a resident would (tap Print on a detail page) to a private CUPS queue that
# writes PDFs (tests/integration/cups_queue.sh), then reads each PDF back with pdftotext: a job
# in Spanish (its title, its pay and its apply link) and a training program in English (its
# name, provider and link) must be on their pages.
# Usage: print.sh KIOSK_BINARY SOURCE_DIR
set -euo pipefail
binary=$1
src=$2
work=$(mktemp -d)
chmod 755 "$work" # CUPS filters run as lp and read the spool under it
cups="$work/cups"
mkdir -p "$cups"
cleanup() {
  "$src/tests/integration/cups_queue.sh" stop "$cups" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

rc=0
"$src/tests/integration/cups_queue.sh" start "$cups" $$ || rc=$?
if [ $rc -eq 77 ]; then
  echo "print.sh: skipped: $(cat "$cups/skip" 2>/dev/null)"
  exit 77
fi
[ $rc -eq 0 ] || exit 1
# shellcheck disable=SC1091
. "$cups/env"
export CUPS_SERVER
command -v pdftotext >/dev/null || { echo "print.sh: skipped: pdftotext missing"; exit 77; }

# The bundled configuration, with the test queue as the kiosk's printer.
sed -e "s|^queue = \"\"|queue = \"$QUEUE\"|" "$src/config/kiosk.toml" >"$work/kiosk.toml"
grep -q "^queue = \"$QUEUE\"" "$work/kiosk.toml" || { echo "print.sh: could not set the queue"; exit 1; }

# Runs a scenario that prints, then checks the PDF it made for each of the words given.
# Usage: print_and_check NAME SCENARIO_TEXT WORD…
print_and_check() {
  local name=$1 scenario=$2
  shift 2
  printf '%s\n' "$scenario" >"$work/$name.scenario"
  # Job numbers restart with every private cupsd, so a new PDF may reuse an old file's name:
  # look for files written after this marker.
  touch "$work/marker"
  sleep 1 # file times in whole seconds on some file systems
  "$src/tests/e2e/run_scenario.sh" "$binary" "$work/$name.scenario" "$work/shots" \
    --config "$work/kiosk.toml"

  # cups-pdf writes the PDF a moment after CUPS accepted the job, and Ghostscript fills it in
  # stages: read it until it has text (or 30 s pass).
  local new="" text=""
  for _ in $(seq 150); do
    new=$(find "$PDF_DIR" -maxdepth 1 -name '*.pdf' -newer "$work/marker" 2>/dev/null | head -n1)
    if [ -n "$new" ]; then
      text=$(pdftotext -layout "$new" - 2>/dev/null || true)
      grep -q "example.org" <<<"$text" && break
    fi
    sleep 0.2
  done
  [ -n "$new" ] || { echo "print.sh: $name: no PDF appeared in $PDF_DIR"; exit 1; }
  rm -f "$new"
  local fail=0 want
  for want in "$@"; do
    if ! grep -qi -- "$want" <<<"$text"; then
      echo "print.sh: $name: the printed page lacks \"$want\""
      fail=1
    fi
  done
  if [ $fail -ne 0 ]; then
    echo "--- printed text ---"
    echo "$text"
    echo "--- cupsd log ---"
    grep -v '^D' "$cups/log/error_log" | tail -n 20
    exit 1
  fi
  echo "print.sh: $name: the printed page has all it should ($(wc -w <<<"$text") words)"
}

print_and_check job_es '# lang: es
tap home.jobs
tap jobs.query
type "enfermería"
key enter
tap jobs.result.0
expect-id jobs.detail.print
tap jobs.detail.print
wait 500
expect-id jobs.detail.print_status
expect "Enviado a la impresora"' \
  "enfermería" "por hora" "example.org/sample/jobs/" "Solicitar por internet"

print_and_check program_en '# lang: en
tap home.programs
tap programs.query
type "plumbing"
key enter
tap programs.result.0
expect "Plumbing Apprenticeship"
expect-id programs.detail.print
tap programs.detail.print
wait 500
expect-id programs.detail.print_status
expect "Sent to the printer"' \
  "Plumbing Apprenticeship" "Biscayne Trades Institute" "example.org/sample/programs/prog-0002" \
  "How to apply" "Printed"

# An event prints its "Add to my calendar" code beside its link; a service its hours and phone.
print_and_check event_es '# lang: es
tap home.events
tap events.browse.workshop
tap events.result.0
expect-id events.detail.calendar_qr
expect-id events.detail.print
tap events.detail.print
wait 500
expect-id events.detail.print_status
expect "Enviado a la impresora"' \
  "Taller de currículum" "Agréguelo al" "sample/events/" "Cuándo" "Gratis"

print_and_check service_en '# lang: en
tap home.services
tap services.browse.transportation
tap services.result.0
expect-id services.detail.print
tap services.detail.print
wait 500
expect-id services.detail.print_status
expect "Sent to the printer"' \
  "Hours" "Monday to Friday" "Phone" "305-555-01" "example.org/sample/services/"

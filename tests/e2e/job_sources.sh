#!/usr/bin/env bash
# One job, shown once: the bundled jobs plus an XML job feed (a state job bank's layout) that
# posts "Dental Assistant" again (the same apply link with a tracking parameter, a plainer
# record) and a job of its own. Synced by the command line as a technician would, then searched
# there and on the kiosk, in English and Spanish, landscape and portrait: the job is counted
# once, the richer record is shown, and its page says where else it was posted.
# Usage: job_sources.sh KIOSK_BINARY SOURCE_DIR [SCREENSHOT_DIR]
set -uo pipefail
binary=$1
src=$2
shots=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "job_sources.sh: $*"; exit 1; }

cat >"$work/jobbank.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<source>
<publisher>Miami-Dade Job Bank</publisher>
<job>
<title><![CDATA[Dental Assistant]]></title>
<date><![CDATA[2026-10-13]]></date>
<referencenumber><![CDATA[MDJB-4471]]></referencenumber>
<url><![CDATA[https://example.org/sample/jobs/job-0025?utm_source=jobbank]]></url>
<company><![CDATA[Seagrape Dental Studio]]></company>
<city><![CDATA[Miami Beach]]></city>
<state><![CDATA[FL]]></state>
<description><![CDATA[<p>Help the dentist at the chair.</p>]]></description>
</job>
<job>
<title><![CDATA[Port Crane Operator Trainee]]></title>
<date><![CDATA[2026-11-20]]></date>
<referencenumber><![CDATA[MDJB-4480]]></referencenumber>
<url><![CDATA[https://jobs.example.org/port/4480]]></url>
<company><![CDATA[Biscayne Terminal Services]]></company>
<city><![CDATA[Miami]]></city>
<state><![CDATA[FL]]></state>
<jobtype><![CDATA[fulltime]]></jobtype>
<salary><![CDATA[$21 - $24 per hour]]></salary>
<description><![CDATA[<p>Learn to run the cranes that load ships at the port.</p>]]></description>
</job>
</source>
XML
sed -e 's#^jobs = .*#jobs = ["file:assets/sample/jobs.jsonld", "file://'"$work"'/jobbank.xml"]#' \
  "$src/config/kiosk.toml" >"$work/kiosk.toml"
grep -q "jobbank.xml" "$work/kiosk.toml" || fail "could not point the configuration at the feed"

"$binary" sync --config "$work/kiosk.toml" --data-dir "$work/data" >"$work/sync.log" 2>&1 ||
  { cat "$work/sync.log"; fail "sync failed"; }
grep -q "1 job was posted again by another feed and shows once" "$work/sync.log" ||
  { cat "$work/sync.log"; fail "sync did not find the copy"; }

# Counted once: the same total as with the bundled jobs alone, and the job bank's own job found.
count() {  # CONFIG DATA_DIR WORDS
  "$binary" search --config "$1" --data-dir "$2" --json "$3" | sed -n 's/.*"total":\([0-9]*\).*/\1/p'
}
sed -e 's#^jobs = .*#jobs = ["file:assets/sample/jobs.jsonld"]#' "$src/config/kiosk.toml" >"$work/alone.toml"
"$binary" sync --config "$work/alone.toml" --data-dir "$work/alone" >/dev/null 2>&1 || fail "sync alone failed"
both=$(count "$work/kiosk.toml" "$work/data" "dental assistant")
alone=$(count "$work/alone.toml" "$work/alone" "dental assistant")
[ -n "$both" ] && [ "$both" = "$alone" ] || fail "dental assistant: $both jobs with the job bank, $alone without"
[ "$(count "$work/kiosk.toml" "$work/data" "crane operator")" = 1 ] || fail "the job bank's own job is missing"

run() {  # LANG SIZE NAME EXPECTED_LABEL
  cat >"$work/$3.scenario" <<SCENARIO
# size: $2
# lang: $1
tap home.jobs
tap jobs.query
type "Dental Assistant"
key enter
expect-id jobs.result.0
shot ${3}_1_results
tap jobs.result.0
expect-id jobs.detail
expect "$4"
expect "jobbank.xml"
shot ${3}_2_detail
SCENARIO
  "$src/tests/e2e/run_scenario.sh" "$binary" "$work/$3.scenario" "${shots:-$work/shots}" \
    --config "$work/kiosk.toml" --data-dir "$work/data" >"$work/$3.log" 2>&1 ||
    { cat "$work/$3.log"; fail "$3: the scenario failed"; }
}
run en 1920x1080 landscape_en "Also posted on"
run es 1920x1080 landscape_es "También publicado en"
run en 1080x1920 portrait_en "Also posted on"
run es 1080x1920 portrait_es "También publicado en"
echo "job_sources.sh: 'dental assistant' finds $both jobs with or without the job bank; the page names the job bank in both languages"

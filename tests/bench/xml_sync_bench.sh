#!/usr/bin/env bash
# Importing a ~100 MB XML job feed (tests/bench/make_xml_feed.py: Indeed/ZipRecruiter layout,
# CDATA HTML descriptions) with `workforce-kiosk sync` from a file: URL, each run into an empty
# data directory: wall time and peak RSS from /usr/bin/time -v. Prints a BENCHMARKS.md section on
# stdout.
# Usage: xml_sync_bench.sh KIOSK_BINARY SOURCE_DIR [RUNS] [MB]
set -euo pipefail
binary=$1
src=$2
runs=${3:-3}
mb=${4:-100}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 "$src/tests/bench/make_xml_feed.py" "$work/jobs.xml" --mb "$mb" 2>"$work/generated"
feed_mb=$(( $(stat -c %s "$work/jobs.xml") / 1048576 ))
preset=$(basename "$(dirname "$binary")")
cat >"$work/kiosk.toml" <<EOF
[kiosk]
id = "bench"

[feeds]
jobs = ["file://$work/jobs.xml"]
max_feed_mb = 200
EOF

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
walls=()
rss=()
records=""
for run in $(seq "$runs"); do
  rm -rf "$work/data"
  /usr/bin/time -v "$binary" sync --config "$work/kiosk.toml" --data-dir "$work/data" --json \
    >"$work/out.json" 2>"$work/time.txt"
  records=$(grep -o '"records":[0-9]*' "$work/out.json" | head -n1 | cut -d: -f2)
  grep -q '"status":"updated"' "$work/out.json" || { cat "$work/out.json" "$work/time.txt" >&2; exit 1; }
  # "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:12.34" → seconds
  walls+=("$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$work/time.txt" |
    awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }')")
  rss+=("$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt" |
    awk '{ printf "%d", $1 / 1024 }')")
done

echo "## XML job feed import ($(date -u +%Y-%m-%d), $(uname -m), $(nproc) cores)"
echo
echo "\`workforce-kiosk sync\` (${preset} build) of one generated XML feed of ${feed_mb} MB ($(cut -d, -f1 "$work/generated"), ${records} imported) from a \`file://\` URL into an empty data directory, ${runs} run(s):"
echo
echo "| what | median | runs |"
echo "|---|---|---|"
echo "| wall time | $(printf '%s\n' "${walls[@]}" | median) s | $(IFS=' '; echo "${walls[*]}") s |"
echo "| peak RSS | $(printf '%s\n' "${rss[@]}" | median) MiB | $(IFS=' '; echo "${rss[*]}") MiB |"
echo
echo "The feed is read by libxml2's streaming xmlTextReader (kiosk/feeds/xml_jobs.cpp) on a parser"
echo "thread, 500 jobs a batch, while the syncing thread inserts the batch before; peak memory does not"
echo "grow with the feed's size. Repeat with \`packaging/dev.sh bench\`, or alone:"
echo "\`tests/bench/xml_sync_bench.sh build/release/workforce-kiosk . [RUNS] [MB]\`."

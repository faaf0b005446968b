#!/usr/bin/env bash
# tools/make_crosswalk.py: reads the federal crosswalk in either orientation (with Excel's ="…"
# wrappers and dropped zeros), and the shipped assets/crosswalk/soc_cip.tsv is exactly what it
# makes from the sample in ../shared/realdata/crosswalks (skipped when that is absent).
# Usage: make_crosswalk.sh SOURCE_DIR
set -euo pipefail
src=$1
command -v python3 >/dev/null || { echo "no python3"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The NCES CIP-SOC sheet saved as CSV: CIP first, codes wrapped, a no-match row.
cat >"$tmp/nces.csv" <<'CSV'
CIP2020Code,CIP2020Title,SOC2018Code,SOC2018Title
="51.3801","Registered Nursing/Registered Nurse.",="29-1141","Registered Nurses"
="5.0201",African-American/Black Studies.,="25-1062","Area, Ethnic, and Cultural Studies Teachers, Postsecondary"
="51.3801","Registered Nursing/Registered Nurse.",="29-1141.00","Registered Nurses"
="99.9999",NO MATCH,="13-1074",Farm Labor Contractors
CSV
python3 "$src/tools/make_crosswalk.py" -o "$tmp/out.tsv" "$tmp/nces.csv" 2>/dev/null
pairs=$(grep -v '^#' "$tmp/out.tsv")
expected=$(printf '05.0201\t25-1062\n51.3801\t29-1141')
if [ "$pairs" != "$expected" ]; then
  echo "unexpected pairs from the NCES-style CSV:"; echo "$pairs"; exit 1
fi
grep -q '^# Licence: ' "$tmp/out.tsv" || { echo "no licence line"; exit 1; }
grep -q '^# Made by: tools/make_crosswalk.py -o ' "$tmp/out.tsv" || { echo "no command line"; exit 1; }

sample="$src/../shared/realdata/crosswalks/nj_d4ad_soc2018_cip2020_crosswalk.csv"
if [ ! -f "$sample" ]; then echo "realdata not available"; exit 77; fi
cp "$sample" "$tmp/"
mkdir -p "$tmp/assets/crosswalk"
(cd "$tmp" && python3 "$src/tools/make_crosswalk.py" -o assets/crosswalk/soc_cip.tsv \
   nj_d4ad_soc2018_cip2020_crosswalk.csv 2>/dev/null)
diff -u "$src/assets/crosswalk/soc_cip.tsv" "$tmp/assets/crosswalk/soc_cip.tsv"
echo "ok: the shipped crosswalk is what the script makes"

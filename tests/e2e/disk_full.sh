#!/usr/bin/env bash
# A nearly full disk (issue 18): on a small tmpfs of its own (a private mount namespace, so no
# root is needed), a sync checks its room before writing and says in words when there is too
# little, the cache's write-ahead log is folded in after every sync (never left holding an
# import), a full disk never leaves the cache stuck or logs a failed rollback, the listings stay
# searchable throughout, and the next sync after room is made succeeds by itself.
# Usage: disk_full.sh KIOSK_BINARY SOURCE_DIR   (exit 77: no mount namespace here)
set -euo pipefail
binary=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! unshare --user --map-root-user --mount true 2>/dev/null; then
  echo "disk_full.sh: cannot make a private mount namespace here" >&2
  exit 77
fi

# 2,000 jobs (about 2 MB of JSON-LD), and the same feed with one job more.
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
def job(i):
    return {"@type": "JobPosting", "identifier": "j-%d" % i, "title": "Warehouse Associate %d" % i,
            "hiringOrganization": {"name": "Employer %d" % (i % 50)}, "datePosted": "2026-11-20",
            "url": "https://jobs.example.org/%d" % i,
            "description": "<p>" + "Load and unload trucks with a friendly team. " * 12 + "</p>",
            "jobLocation": {"address": {"addressLocality": "Doral", "addressRegion": "FL"}}}
jobs = [job(i) for i in range(2000)]
json.dump({"@context": "https://schema.org", "@graph": jobs}, open(work + "/jobs.jsonld", "w"))
jobs.append(dict(job(2000), title="Forklift Driver Zanzibar"))
json.dump({"@context": "https://schema.org", "@graph": jobs}, open(work + "/jobs2.jsonld", "w"))
PY
cat >"$work/kiosk.toml" <<TOML
[feeds]
jobs = ["file://$work/feed.jsonld"]
programs = []
events = []
services = []
faq = []
TOML

cat >"$work/inside.sh" <<'INSIDE'
set -euo pipefail
work=$1
binary=$2
disk=$work/disk
mkdir -p "$disk"
mount -t tmpfs -o size=48m tmpfs "$disk"
data=$disk/data
sync() { "$binary" sync --config "$work/kiosk.toml" --data-dir "$data" >"$work/out" 2>"$work/err" || true; }
fail() { echo "disk_full.sh: $*" >&2; echo "--- stdout"; cat "$work/out"; echo "--- stderr"; cat "$work/err"; exit 1; }
wal_bytes() { stat -c %s "$data/listings.sqlite3-wal" 2>/dev/null || echo 0; }

# 1. Room enough: the import is saved and its log folded in (the log is empty after the sync).
cp "$work/jobs.jsonld" "$work/feed.jsonld"
sync
grep -q "^updated  jobs  2000" "$work/out" || fail "the first sync did not import 2,000 jobs"
[ "$(wal_bytes)" -eq 0 ] || fail "the log holds $(wal_bytes) bytes after the sync"

# 2. The disk nearly full: a changed feed is refused before anything is written, in words.
free_kb=$(df --output=avail -k "$disk" | tail -1)
head -c $(( (free_kb - 512) * 1024 )) /dev/zero >"$disk/filler" 2>/dev/null || true
cp "$work/jobs2.jsonld" "$work/feed.jsonld"
sync
grep -q "the disk has too little room" "$work/out" || fail "a sync without room did not say so"
grep -q "the listings the kiosk has stay" "$work/out" || fail "the words do not say the listings stay"
"$binary" search warehouse --data-dir "$data" | grep -q "Warehouse Associate" ||
  fail "the listings were lost"

# 3. Completely full: even noting a check fails, and that is said in words; no cache error, no
# failed rollback.
head -c 10485760 /dev/zero >>"$disk/filler" 2>/dev/null || true
cp "$work/jobs.jsonld" "$work/feed.jsonld"
sync
grep -q "the disk is full" "$work/out" || fail "a full disk was not said in words"
if grep -q "cannot be used" "$work/err"; then fail "a full disk made the cache unusable"; fi
if grep -q "rollback failed" "$work/err"; then fail "a failed rollback was logged"; fi
"$binary" search warehouse --data-dir "$data" | grep -q "Warehouse Associate" ||
  fail "the listings are not searchable on a full disk"

# 4. Room again: the next sync goes through by itself, and the log is folded in.
rm -f "$disk/filler"
cp "$work/jobs2.jsonld" "$work/feed.jsonld"
sync
grep -q "^updated  jobs  2001" "$work/out" || fail "the sync after room was made did not update"
"$binary" search zanzibar --data-dir "$data" | grep -q "Forklift Driver Zanzibar" ||
  fail "the new job is not found"
[ "$(wal_bytes)" -eq 0 ] || fail "the log holds $(wal_bytes) bytes after the sync"
echo "disk_full.sh: ok"
INSIDE

unshare --user --map-root-user --mount bash "$work/inside.sh" "$work" "$binary"

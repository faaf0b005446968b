#!/usr/bin/env python3
"""The plainest import of a JSON-LD job feed, the yardstick for the kiosk's own
(`packaging/dev.sh bench`): json.load, one transaction, one table and an external-content FTS5
index over title, employer and description. No languages, facets, prefixes or rich text.

Usage: plain_import.py FEED.jsonld CACHE.sqlite   (prints "seconds=S bytes=B jobs=N")
"""
import json
import os
import sqlite3
import sys
import time


def main():
    feed, cache = sys.argv[1], sys.argv[2]
    if os.path.exists(cache):
        os.remove(cache)
    start = time.monotonic()
    with open(feed, encoding="utf-8") as f:
        doc = json.load(f)
    items = doc.get("@graph", doc if isinstance(doc, list) else [])
    db = sqlite3.connect(cache)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("CREATE TABLE jobs (id INTEGER PRIMARY KEY, title TEXT, employer TEXT, description TEXT)")
    db.execute("CREATE VIRTUAL TABLE jobs_fts USING fts5(title, employer, description, "
               "content='jobs', content_rowid='id')")
    rows = []
    for item in items:
        org = item.get("hiringOrganization") or {}
        rows.append((str(item.get("title", "")),
                     str(org.get("name", "") if isinstance(org, dict) else org),
                     str(item.get("description", ""))))
    with db:
        db.executemany("INSERT INTO jobs (title, employer, description) VALUES (?, ?, ?)", rows)
        db.execute("INSERT INTO jobs_fts (rowid, title, employer, description) "
                   "SELECT id, title, employer, description FROM jobs")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    seconds = time.monotonic() - start
    print(f"seconds={seconds:.2f} bytes={os.path.getsize(cache)} jobs={len(rows)}")


if __name__ == "__main__":
    main()

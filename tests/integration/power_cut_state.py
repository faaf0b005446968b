#!/usr/bin/python3
"""What a killed kiosk left in its data directory, for power_cut.sh (standard library only).

    power_cut_state.py DATA_DIR SCRATCH_DIR [quick]

Copies the listings cache and the outbox, each with its write-ahead log but without its shared
memory index (as after a power cut, SQLite must rebuild it from the log), into SCRATCH_DIR and
checks the copies, so that the kiosk's own next run still finds exactly what the kill left. Prints
shell assignments for eval (values quoted):

    st_cache    ok, or what PRAGMA integrity_check said, or missing
    st_fts      ok, or what the search index's own integrity-check said
    st_count    listings in the cache
    st_records  the listings the cache's feed rows say they hold (-1: no feed row)
    st_set      a digest of the listings' (feed URL, id, English title), in that order
    st_visible  the same of the listings a search shows (not hidden behind a copy of the same
                job in another feed: kiosk/store/duplicates.h)
    st_outbox   ok, or what PRAGMA integrity_check said, or missing
    st_pending  envelopes in the outbox; their idempotency keys go to SCRATCH_DIR/pending

With `quick` (after an unkilled run), the integrity checks are left out (st_cache, st_fts and
st_outbox say skipped) and the databases are read where they are, read-only, not copied.
Exit status 0 whatever the verdicts (the caller judges); 2 when a file cannot be read at all.
"""
import hashlib
import os
import shlex
import shutil
import sqlite3
import sys


def copy_database(data_dir, name, scratch, quick):
    """The database NAME and its log, copied to SCRATCH; the copy's URI, or None when absent.
    Quick: the database itself, read-only."""
    source = os.path.join(data_dir, name)
    if not os.path.exists(source):
        return None
    if quick:
        return f"file:{source}?mode=ro"
    target = os.path.join(scratch, name)
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(target + suffix):
            os.remove(target + suffix)
    for suffix in ("", "-wal"):
        if os.path.exists(source + suffix):
            shutil.copyfile(source + suffix, target + suffix)
    return f"file:{target}"


def integrity(db):
    rows = [r[0] for r in db.execute("PRAGMA integrity_check")]
    return "ok" if rows == ["ok"] else "; ".join(rows)


def main():
    data_dir, scratch = sys.argv[1], sys.argv[2]
    quick = sys.argv[3:] == ["quick"]
    os.makedirs(scratch, exist_ok=True)
    out = {"cache": "missing", "fts": "", "count": 0, "records": -1, "set": "", "visible": "",
           "outbox": "missing", "pending": 0}
    pending = []

    cache = copy_database(data_dir, "listings.sqlite3", scratch, quick)
    if cache:
        db = sqlite3.connect(cache, isolation_level=None, uri=True)
        out["cache"] = "skipped" if quick else integrity(db)
        try:
            if not quick:
                db.execute("INSERT INTO listings_fts(listings_fts) VALUES ('integrity-check')")
                db.execute("INSERT INTO titles_fts(titles_fts) VALUES ('integrity-check')")
            out["fts"] = "skipped" if quick else "ok"
        except sqlite3.DatabaseError as e:
            out["fts"] = str(e)
        everything = hashlib.sha256()
        visible = hashlib.sha256()
        count = 0
        for feed, listing_id, title, hidden in db.execute(
                "SELECT f.url, l.id, l.title_en, l.dup_of IS NOT NULL FROM listings l "
                "JOIN feeds f ON f.id = l.feed ORDER BY f.url, l.id"):
            line = f"{feed}\t{listing_id}\t{title}\n".encode()
            everything.update(line)
            if not hidden:
                visible.update(line)
            count += 1
        out["count"] = count
        out["set"] = everything.hexdigest()[:16]
        out["visible"] = visible.hexdigest()[:16]
        rows = db.execute("SELECT coalesce(sum(records), -1) FROM feeds").fetchone()
        out["records"] = rows[0]
        db.close()

    outbox = copy_database(data_dir, "outbox.sqlite", scratch, quick)
    if outbox:
        db = sqlite3.connect(outbox, isolation_level=None, uri=True)
        out["outbox"] = "skipped" if quick else integrity(db)
        pending = [r[0] for r in db.execute("SELECT id FROM outbox ORDER BY row")]
        out["pending"] = len(pending)
        db.close()

    with open(os.path.join(scratch, "pending"), "w", encoding="utf-8") as f:
        f.write("".join(key + "\n" for key in pending))
    for key, value in out.items():
        print(f"st_{key}={shlex.quote(str(value))}")


if __name__ == "__main__":
    try:
        main()
    except (OSError, sqlite3.Error) as e:
        print(f"st_error={shlex.quote(str(e))}")
        sys.exit(2)

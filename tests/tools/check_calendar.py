#!/usr/bin/env python3
"""Parses the kiosk's "Add to my calendar" iCalendar text back with a real parser (Python's
icalendar, Debian python3-icalendar) and checks what a phone would read: one VEVENT with the
event's title and place, its start and end on Miami's wall clock (TZID America/New_York, with
a VTIMEZONE), lines of at most 75 octets. It checks the bundled sample events twice: loaded
before they happen (times exactly as the feed gives them) and loaded months later (moved by
whole weeks, same weekday and local time of day across daylight saving time).

Usage: check_calendar.py SOURCE_DIR SAMPLE_BINARY   (exit 77: python3-icalendar absent)
"""
import datetime
import json
import subprocess
import sys

try:
    import icalendar
except ImportError:
    print("python3-icalendar is not installed: skipped")
    sys.exit(77)
try:
    from zoneinfo import ZoneInfo
except ImportError:
    print("zoneinfo is not available: skipped")
    sys.exit(77)

MIAMI = ZoneInfo("America/New_York")


def events(sample, source_dir, now):
    out = subprocess.run([sample, source_dir + "/assets/sample/events.jsonld", str(now)],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def check(event, now):
    text = event["ical"]
    failures = []
    raw = text.encode("utf-8")
    for line in raw.split(b"\r\n"):
        if len(line) > 75:
            failures.append(f"a line of {len(line)} octets: {line[:40]!r}")
    if b"\n" in raw.replace(b"\r\n", b""):
        failures.append("a bare line feed")
    cal = icalendar.Calendar.from_ical(text)
    vevents = cal.walk("VEVENT")
    zones = [z.get("TZID") for z in cal.walk("VTIMEZONE")]
    if len(vevents) != 1:
        return [f"{len(vevents)} VEVENTs"]
    if zones != ["America/New_York"]:
        failures.append(f"VTIMEZONE TZIDs {zones}")
    ev = vevents[0]
    for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
        if prop not in ev:
            failures.append(f"no {prop}")
    if str(ev.get("SUMMARY")) != event["title"]:
        failures.append(f"SUMMARY {ev.get('SUMMARY')!r} is not {event['title']!r}")
    if event["place"] and str(ev.get("LOCATION")) != event["place"]:
        failures.append(f"LOCATION {ev.get('LOCATION')!r} is not {event['place']!r}")
    if ev["DTSTART"].params.get("TZID") != "America/New_York":
        failures.append("DTSTART is not in America/New_York")
    start = ev.decoded("DTSTART")
    end = ev.decoded("DTEND")
    # What the feed said, on Miami's wall clock, moved by whole weeks on that wall clock.
    want_start = datetime.datetime.fromtimestamp(event["start"], MIAMI)
    want_end = datetime.datetime.fromtimestamp(event["end"], MIAMI)
    shift = datetime.timedelta(weeks=event["weeks"])
    want_start = (want_start.replace(tzinfo=None) + shift)
    want_end = (want_end.replace(tzinfo=None) + shift)
    if start.replace(tzinfo=None) != want_start:
        failures.append(f"starts {start} on the wall clock, not {want_start}")
    if end.replace(tzinfo=None) != want_end:
        failures.append(f"ends {end} on the wall clock, not {want_end}")
    if start.tzinfo is None:
        failures.append("the start has no time zone")
    elif start.utcoffset() not in (datetime.timedelta(hours=-5), datetime.timedelta(hours=-4)):
        failures.append(f"the start's offset {start.utcoffset()} is not Miami's")
    if start.timestamp() < now:
        failures.append(f"starts {start}, before the day it was loaded")
    return failures


def main():
    source_dir, sample = sys.argv[1], sys.argv[2]
    failures = []
    # Before the sample events (none moves) and half a year later (all move, across DST).
    for now in (1793491200, 1819756800):  # 2026-11-01 and 2027-09-01, 00:00 UTC
        found = events(sample, source_dir, now)
        if len(found) < 10:
            failures.append(f"only {len(found)} sample events")
        if now == 1819756800 and not all(e["weeks"] > 0 for e in found):
            failures.append("the sample events did not move when loaded later")
        for event in found:
            failures += [f"{event['id']} (loaded at {now}): {f}" for f in check(event, now)]
    # A broken calendar text is refused by the same checks (this test can fail).
    bad = dict(found[0])
    bad["ical"] = bad["ical"].replace("TZID=America/New_York", "TZID=Europe/Paris")
    if not check(bad, 0):
        failures.append("a calendar text in the wrong time zone passed the checks")
    for f in failures:
        print("FAIL:", f)
    print(f"{len(found)} events checked twice" if not failures else f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

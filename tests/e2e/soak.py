#!/usr/bin/env python3
"""The soak: an accelerated day of random residents, watched from outside the process.

Writes a scenario from a seed -- blocks of `monkey N SEED` (the random resident of
kiosk/input/monkey.h, who only ever taps what the frame on screen offers), whole sign-ups in
English and Spanish typed with random names, and staff's visits (a notice up and taken down, an
hour out of service) -- runs the kiosk on it, and samples /proc/PID (VmRSS, open file
descriptors, threads) as it goes, at the end of every session and at two marks on the attract
screen: after the warm-up (the day: its first fifth; short: a first lap, which the second
repeats) and at the end. Fails when the kiosk crashes, asserts, fails a step or looks up a
message no catalog has; when a registered screen was never shown; when the day is shorter than
asked; when a sign-up is missing; or when, from the warm-up mark to the end, the resident set
grew by 1 % or more, or open files or threads grew at all.

Usage: soak.py --kiosk BIN --config TOML --data-dir DIR --out DIR --pin PIN
               [--length short|day] [--seed N] [--size WxH]
Called by soak.sh, which makes the configuration (an intake key, a staff PIN) and the display.
Standard library only (Debian's python3).
"""

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time

# How long each run is. A session is what the monkey makes of it (it leaves by "I'm done", by
# walking away, or the day's schedule ends it); `actions` is the budget of random actions.
LENGTHS = {
    # CI: about a minute. Two identical laps (the same monkey, sign-up and staff visits): the
    # first warms up, the second must not grow.
    "short": {"actions": 200, "block": 200, "signups": 1, "min_sessions": 8,
              "min_hours": 0.5},
    # By hand: ten hours of kiosk clock and more, 150 sessions and more; the first fifth of it
    # warms up.
    "day": {"actions": 3600, "block": 200, "signups": 12, "min_sessions": 150,
            "min_hours": 10.0},
}
WARM_UP = 0.2            # the day: the first fifth of its blocks is warm-up
MAX_RSS_GROWTH = 1.0     # per cent, end against the end of warm-up
# Steps that mark where the figures are compared, both at rest on the attract screen: their
# screenshots' log lines ("screenshot …/warm_up.png") tell the sampler when.
MARKS = ("warm_up", "end")
SAMPLE_EVERY = 0.25      # seconds between periodic samples

FIRST_EN = ["Maria", "James", "Linda", "Robert", "Grace", "Kevin", "Alicia", "Dwayne"]
FIRST_ES = ["Iñaki", "José", "Begoña", "Martín", "Sofía", "Ramón", "Inés", "Nuño"]
LAST_EN = ["Johnson", "Baker", "Thompson", "Rivers", "Coleman", "Fisher"]
LAST_ES = ["Núñez", "Peña", "Muñoz", "Gutiérrez", "Ibáñez", "Cortés"]
ZIPS = ["33125", "33130", "33135", "33142", "33147", "33161"]


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def at_rest():
    """Whatever the monkey left on screen, the session idles out to the attract screen."""
    return ["advance 200", "advance 60", "expect-id attract"]


def mark(name):
    """A mark where the figures are compared: its screenshot's log line tells the sampler, and
    the kiosk rests on the attract screen for a while, so the sample is taken at rest."""
    return ["shot " + name, "wait 1500"]


def signup_block(rng, lang):
    first = rng.choice(FIRST_ES if lang == "es" else FIRST_EN)
    last = rng.choice(LAST_ES if lang == "es" else LAST_EN)
    user = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(8))
    phone = "786555%04d" % rng.randint(100, 199)  # 555-0100 to 0199: never a real number
    looking = rng.choice(["job", "training"])
    education = rng.choice(["high_school", "bachelor"])
    out = at_rest() + ["tap attract.start", "expect-id home"]
    if lang == "es":
        out.append("lang es")
    out += [
        "tap home.signup",
        "tap signup.first_name", "type " + quote(first),
        "tap signup.last_name", "type " + quote(last), "key enter",
        "tap signup.next",
        "tap signup.email", "type " + quote(user + "@correo.org"),
        "tap signup.phone", "type " + quote(phone), "key enter",
        "tap signup.next",
        "tap signup.zip", "type " + quote(rng.choice(ZIPS)), "key enter",
        "tap signup.next",
        "tap signup.next",
        "tap signup.choice.looking_for." + looking,
        "tap signup.next",
        "tap signup.choice.industry." + rng.choice(["health", "hospitality"]),
        "tap signup.next",
        "tap signup.next",
        "tap signup.choice.education." + education,
        "tap signup.next",
        "tap signup.choice.contact.email",
        "tap signup.next",
        "tap signup.accept_terms",
        "tap signup.next",
        "tap signup.skip",
        "tap signup.submit",
        "expect-id signup.reference",
        "tap session.end",
        "tap session.end.confirm",
        "expect-id attract",
    ]
    return out


def staff_enter(pin):
    return ["hold header.name 5", "type " + quote(pin), "key enter", "expect-id staff.panel"]


def staff_notice_up(pin):
    return at_rest() + staff_enter(pin) + [
        "tap staff.notice",
        "tap staff.notice.en", "type " + quote("Closed Monday for the holiday"), "key enter",
        "tap staff.notice.es", "type " + quote("Cerrado el lunes por el feriado"), "key enter",
        "tap staff.notice.for.week",
        "tap staff.notice.save",
        "expect-id staff.panel",
        "tap staff.leave",
        "expect-id attract",
    ]


def staff_notice_down(pin):
    return at_rest() + staff_enter(pin) + [
        "tap staff.notice", "tap staff.notice.remove", "expect-id staff.panel",
        "tap staff.leave", "expect-id attract",
    ]


def staff_out_of_service(pin, seconds):
    return at_rest() + staff_enter(pin) + [
        "tap staff.out_of_service", "tap staff.leave", "expect-id out_of_service",
        "tap out_of_service", "expect-id out_of_service",
        "advance %d" % seconds,
    ] + staff_enter(pin) + [
        "tap staff.in_service", "tap staff.leave", "expect-id attract",
    ]


def scenario(seed, length, pin):
    """The run, as scenario lines. Everything random in it comes from `seed`."""
    spec = LENGTHS[length]
    rng = random.Random(seed)
    if length == "short":
        lap = staff_notice_up(pin) + ["monkey %d %d" % (spec["block"], rng.randrange(1 << 32))]
        lap += signup_block(rng, "en") + staff_out_of_service(pin, 600) + staff_notice_down(pin)
        lines = ["# The soak's short run, seed %d (tests/e2e/soak.py): one lap, then the same "
                 "lap again." % seed]
        lines += lap + at_rest() + mark("warm_up") + lap + at_rest() + mark("end")
        # 200 random actions do not reach every screen with every seed: the day checks that.
        return lines, 2
    blocks = max(1, spec["actions"] // spec["block"])
    warm_after = max(1, round(blocks * WARM_UP)) - 1
    # Where the scripted visits go, between monkey blocks: sign-ups spread over the day in both
    # languages, staff's notice early, an out-of-service hour at midday, the notice gone late.
    signups_at = {round((i + 0.5) * blocks / spec["signups"]) for i in range(spec["signups"])}
    lines = ["# The soak's day, seed %d (tests/e2e/soak.py)." % seed]
    signups = 0
    for b in range(blocks):
        if b == min(1, blocks - 1):
            lines += staff_notice_up(pin)
        if b == blocks // 2:
            lines += staff_out_of_service(pin, 3600 if length == "day" else 600)
        lines.append("monkey %d %d" % (spec["block"], rng.randrange(1 << 32)))
        for _ in range(sum(1 for s in signups_at if s == b)):
            lines += signup_block(rng, "es" if signups % 2 else "en")
            signups += 1
        if b == (3 * blocks) // 4:
            lines += staff_notice_down(pin)
        if b == warm_after:
            lines += at_rest() + mark("warm_up")
    while signups < spec["signups"]:
        lines += signup_block(rng, "es" if signups % 2 else "en")
        signups += 1
    lines += at_rest() + mark("end") + ["expect-all-screens"]
    return lines, signups


def sample(pid):
    """VmRSS and its parts, VmHWM (kB), open file descriptors and threads of PID, or None when
    gone. RssAnon is the process's own memory (what a leak grows); RssFile is mapped files
    (libraries' pages as they are first used, shared and reclaimable)."""
    fields = {"VmRSS:": "rss_kb", "VmHWM:": "hwm_kb", "RssAnon:": "anon_kb", "RssFile:": "file_kb"}
    try:
        out = {v: 0 for v in fields.values()}
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                key = line.split(":", 1)[0] + ":"
                if key in fields:
                    out[fields[key]] = int(line.split()[1])
        out["fds"] = len(os.listdir("/proc/%d/fd" % pid))
        out["threads"] = len(os.listdir("/proc/%d/task" % pid))
        return out
    except (FileNotFoundError, ProcessLookupError):
        return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--config", required=True)
    ap.add_argument("--data-dir", required=True)
    ap.add_argument("--out", required=True, help="scenario, log, samples and report go here")
    ap.add_argument("--pin", required=True, help="the staff PIN the configuration's hash is of")
    ap.add_argument("--length", choices=sorted(LENGTHS), default="short")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--size", default="1280x800")
    args = ap.parse_args()

    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 31)
    spec = LENGTHS[args.length]
    os.makedirs(args.out, exist_ok=True)
    lines, signups = scenario(seed, args.length, args.pin)
    script = os.path.join(args.out, "soak.scenario")
    with open(script, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    log_path = os.path.join(args.out, "kiosk.log")
    print("soak: %s, seed %d (replay: --seed %d); scenario %s; log %s"
          % (args.length, seed, seed, script, log_path), flush=True)

    env = dict(os.environ, SDL_AUDIODRIVER="dummy")
    env.setdefault("ASAN_OPTIONS", "detect_leaks=0")  # as run_scenario.sh: libdbus, Mesa at exit
    started = time.monotonic()
    with open(log_path, "wb") as log:
        kiosk = subprocess.Popen(
            [args.kiosk, "--config", args.config, "--data-dir", args.data_dir,
             "--windowed", args.size, "--script", script, "--screenshot-dir", args.out],
            stdout=log, stderr=subprocess.STDOUT, env=env)
    samples = []     # periodic: (seconds, sample)
    boundaries = []  # at each session's end: (session number, seconds, sample)
    marks = {}       # at the warm_up and end steps: name -> (sessions so far, seconds, sample)
    ended = 0
    offset = 0
    pending = b""
    rc = None
    # samples.csv grows as the run goes (tail -f it during a long run).
    csv = open(os.path.join(args.out, "samples.csv"), "w")
    csv.write("seconds,sessions,rss_kb,anon_kb,file_kb,hwm_kb,fds,threads\n")
    with open(log_path, "rb") as log, csv:
        while rc is None:
            rc = kiosk.poll()
            log.seek(offset)
            chunk = log.read()
            offset += len(chunk)
            pending += chunk
            *complete, pending = pending.split(b"\n")
            new = sum(1 for line in complete if b"session ended" in line)
            marked = [m for m in MARKS for line in complete
                      if b"screenshot " in line and line.endswith(("/%s.png" % m).encode())]
            # Sampled after the log is read: a session that ended is over in this sample.
            now = time.monotonic() - started
            s = sample(kiosk.pid) if rc is None else None
            if s is not None:
                samples.append((now, s))
                csv.write("%.2f,%d,%d,%d,%d,%d,%d,%d\n" % (
                    now, ended + new, s["rss_kb"], s["anon_kb"], s["file_kb"], s["hwm_kb"],
                    s["fds"], s["threads"]))
                csv.flush()
                for _ in range(new):
                    ended += 1
                    boundaries.append((ended, now, s))
                for m in marked:
                    marks[m] = (ended, now, s)
            else:
                ended += new
            if rc is None:
                time.sleep(SAMPLE_EVERY)
    duration = time.monotonic() - started
    text = open(log_path, encoding="utf-8", errors="replace").read()

    problems = []
    if rc != 0:
        problems.append("the kiosk exited with %s" % (
            "signal %d" % -rc if rc < 0 else "status %d" % rc))
    # A message looked up that no catalog has is a bug the screens hide (the fallback shows).
    for needle in ("Assertion", "AddressSanitizer", "runtime error:", "FAILED:", "missing message"):
        if needle in text:
            problems.append("the log says %r" % needle)
    report = re.search(r"soak: (\d+) monkey actions \((.*?)\); kiosk clock advanced (\d+) s; "
                       r"screens shown \(times\): (.*)", text)
    actions = int(report.group(1)) if report else 0
    hours = int(report.group(3)) / 3600 if report else 0.0
    screens = dict((m.group(1), int(m.group(2)))
                   for m in re.finditer(r"([\w.]+) (\d+)", report.group(4))) if report else {}
    tally = report.group(2) if report else ""
    sealed = text.count("a sign-up was sealed into the outbox")
    started_sessions = text.count("session started")
    if not report:
        problems.append("no soak report in the log")
    if ended < spec["min_sessions"]:
        problems.append("only %d sessions ended (at least %d wanted)" % (ended, spec["min_sessions"]))
    if hours < spec["min_hours"]:
        problems.append("the kiosk clock moved %.1f h (at least %.1f h wanted)"
                        % (hours, spec["min_hours"]))
    if sealed != signups:
        problems.append("%d sign-ups sealed, %d scripted" % (sealed, signups))

    figures = {"length": args.length, "seed": seed, "exit": rc, "seconds": round(duration, 1),
               "actions": actions, "tally": tally, "kiosk_hours": round(hours, 2),
               "sessions_started": started_sessions, "sessions_ended": ended,
               "signups": sealed, "screens": screens, "samples": len(samples)}
    if all(m in marks for m in MARKS):
        warm_sessions, warm_t, warm = marks["warm_up"]
        _, end_t, end = marks["end"]
        first = samples[0][1]
        growth = 100.0 * (end["rss_kb"] - warm["rss_kb"]) / warm["rss_kb"]
        figures.update({
            "first": first, "warm": warm, "end": end,
            "warm_sessions": warm_sessions, "warm_at_s": round(warm_t, 1),
            "rss_growth_pct": round(growth, 2),
            "peak_rss_kb": max(s["rss_kb"] for _, s in samples),
            "max_fds": max(s["fds"] for _, s in samples),
            "max_threads": max(s["threads"] for _, s in samples),
        })
        if growth >= MAX_RSS_GROWTH:
            problems.append("resident memory grew %.2f %% after warm-up (%d kB after %d sessions, "
                            "%d kB at the end)" % (growth, warm["rss_kb"], warm_sessions,
                                                   end["rss_kb"]))
        if end["fds"] > warm["fds"]:
            problems.append("open files grew after warm-up: %d, then %d"
                            % (warm["fds"], end["fds"]))
        if end["threads"] > warm["threads"]:
            problems.append("threads grew after warm-up: %d, then %d"
                            % (warm["threads"], end["threads"]))
    else:
        problems.append("the run did not reach both marks %s" % (MARKS,))
    # session, seconds, RSS, anonymous, file-backed (kB), fds, threads
    figures["by_session"] = [[n, round(t, 1), b["rss_kb"], b["anon_kb"], b["file_kb"], b["fds"],
                              b["threads"]] for n, t, b in boundaries]
    figures["problems"] = problems
    with open(os.path.join(args.out, "report.json"), "w") as f:
        json.dump(figures, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(json.dumps(figures, indent=1, ensure_ascii=False))
    if problems:
        for line in text.splitlines()[-40:]:
            print("  | " + line)
        print("soak: FAILED (seed %d): %s" % (seed, "; ".join(problems)))
        return 1
    print("soak: passed (seed %d)" % seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())

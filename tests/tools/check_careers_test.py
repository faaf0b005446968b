#!/usr/bin/env python3
"""The ctest of check_careers.py (tests/CMakeLists.txt: tools.check_careers*).

    check_careers_test.py SOURCE_DIR            the shipped file passes; broken copies fail
    check_careers_test.py SOURCE_DIR --onet DIR the shipped file against O*NET (exit 77, skipped,
                                                when DIR is absent: the samples are not here)
"""

import copy
import io
import json
import os
import sys
import tempfile
from contextlib import redirect_stderr, redirect_stdout

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools",
                                "careers"))
import check_careers  # noqa: E402


def run(path, *extra):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        rc = check_careers.main([path, *extra])
    return rc, out.getvalue() + err.getvalue()


def fails_with(data, needle, failures, *extra):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)
    try:
        rc, text = run(f.name, *extra)
    finally:
        os.unlink(f.name)
    if rc != 1 or needle not in text:
        failures.append(f"expected a problem with {needle!r}, got rc={rc}:\n{text}")


def shipped_ok(shipped, *extra):
    """The shipped file passes (with `extra` options): its JSON, or None after printing why."""
    rc, text = run(shipped, *extra)
    print(text, end="")
    if rc != 0:
        return None
    with open(shipped, encoding="utf-8") as f:
        return json.load(f)


def main(argv):
    source = argv[0]
    shipped = os.path.join(source, "assets", "careers", "careers.json")
    failures = []

    if len(argv) == 3 and argv[1] == "--onet":
        onet = argv[2]
        if not os.path.isfile(os.path.join(onet, "Occupation Data.txt")):
            print(f"O*NET samples not found at {onet}: skipped")
            return 77
        good = shipped_ok(shipped, "--onet", onet)
        if good is None:
            return 1
        wrong = copy.deepcopy(good)
        wrong["industries"][0]["careers"][0]["onet_title"] = "Nurses"
        fails_with(wrong, "should be O*NET's 'Registered Nurses'", failures, "--onet", onet)
        wrong = copy.deepcopy(good)
        wrong["industries"][3]["careers"][1]["code"] = "35-1012.07"
        fails_with(wrong, "35-1012.07 is not in O*NET", failures, "--onet", onet)
        for f in failures:
            print(f)
        return 1 if failures else 0

    good = shipped_ok(shipped)
    if good is None:
        return 1

    broken = copy.deepcopy(good)
    del broken["industries"][1]["careers"][2]["work"]["es"]
    fails_with(broken, "careers[2].work: the es text is missing", failures)

    broken = copy.deepcopy(good)
    broken["industries"][2]["careers"].pop()
    fails_with(broken, "should hold 5 careers", failures)

    broken = copy.deepcopy(good)
    broken["industries"][0]["careers"][1]["code"] = "31-9092"
    fails_with(broken, "is not an O*NET-SOC code", failures)

    broken = copy.deepcopy(good)
    broken["industries"][4]["key"] = "energy"
    fails_with(broken, "keys should be", failures)

    broken = copy.deepcopy(good)
    broken["industries"][5]["careers"][0]["skills"]["es"].pop()
    fails_with(broken, "English and Spanish lists differ", failures)

    broken = copy.deepcopy(good)
    broken["industries"][5]["careers"][1]["code"] = "13-2011.01"
    fails_with(broken, "SOC 13-2011 is also", failures)

    broken = copy.deepcopy(good)
    broken["credit"]["en"] = "Career facts from the Internet."
    fails_with(broken, "should name O*NET", failures)

    for f in failures:
        print(f)
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) not in (2, 4):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))

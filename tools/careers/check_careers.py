#!/usr/bin/env python3
"""Checks the kiosk's careers file (assets/careers/careers.json).

    check_careers.py CAREERS_JSON [--onet DIR]

Without --onet: the structure (six industries with the kiosk's industry keys, five careers
each), every resident-facing text present in English and Spanish, lists of the same length in
both languages, O*NET-SOC codes well formed ("29-1141.00"), no two careers on the same SOC
occupation (the kiosk counts listings by SOC code), the credit line naming O*NET and CC BY 4.0.

With --onet DIR (a folder of the O*NET database's tab-delimited text files, holding
"Occupation Data.txt"): every code, the careers' and their pathway steps', exists in O*NET,
and each career's `onet_title` is O*NET's title for its code, word for word.

Python 3 standard library only. Prints one line per problem; exits 0 when there is none, 1 when
there are problems, 2 on bad usage or an unreadable input.
"""

import argparse
import csv
import json
import os
import re
import sys

INDUSTRY_KEYS = ["health", "technology", "construction", "hospitality", "clean_energy",
                 "professional"]
CAREERS_PER_INDUSTRY = 5
LANGUAGES = ("en", "es")
CODE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
MAX_TEXT = 2000  # bytes of one text, as the kiosk's loader allows (kiosk/careers/careers.h)
INDUSTRY_TEXTS = ("name", "summary", "growth", "skills", "bilingual", "hard_to_enter")
CAREER_TEXTS = ("title", "work", "entry", "match_words")


class Checker:
    def __init__(self):
        self.problems = []

    def problem(self, where, what):
        self.problems.append(f"{where}: {what}")

    def text(self, where, value):
        """A {"en": "...", "es": "..."} object with both languages, neither empty."""
        if not isinstance(value, dict):
            self.problem(where, "should be an object with \"en\" and \"es\"")
            return
        for lang in LANGUAGES:
            s = value.get(lang)
            if not isinstance(s, str) or not s.strip():
                self.problem(where, f"the {lang} text is missing or empty")
            elif len(s.encode("utf-8")) > MAX_TEXT:
                self.problem(where, f"the {lang} text is longer than {MAX_TEXT} bytes")
            elif s != s.strip() or "  " in s:
                self.problem(where, f"the {lang} text has extra spaces")
        extra = set(value) - set(LANGUAGES)
        if extra:
            self.problem(where, f"unexpected languages {sorted(extra)}")

    def text_list(self, where, value):
        """{"en": [...], "es": [...]} with the same number of items in both languages."""
        if not isinstance(value, dict):
            self.problem(where, "should be an object with \"en\" and \"es\" lists")
            return
        lengths = set()
        for lang in LANGUAGES:
            items = value.get(lang)
            if not isinstance(items, list) or not items:
                self.problem(where, f"the {lang} list is missing or empty")
                continue
            lengths.add(len(items))
            for i, s in enumerate(items):
                if not isinstance(s, str) or not s.strip():
                    self.problem(f"{where}[{i}]", f"the {lang} item is missing or empty")
        if len(lengths) > 1:
            self.problem(where, "English and Spanish lists differ in length")

    def items(self, where, value, low, high, what):
        """A list of `low` to `high` items; [] (and a problem) when it is not one."""
        if not isinstance(value, list) or not low <= len(value) <= high:
            self.problem(where, f"should hold {what}")
            return value if isinstance(value, list) else []
        return value

    def code(self, where, value):
        if not isinstance(value, str) or not CODE.match(value):
            self.problem(where, f"{value!r} is not an O*NET-SOC code like 29-1141.00")
            return False
        return True

    def check(self, data):
        if not isinstance(data, dict):
            self.problem("careers", "the file should hold one JSON object")
            return [], []
        if data.get("version") != 1:
            self.problem("version", "should be 1")
        self.text("credit", data.get("credit"))
        credit_en = (data.get("credit") or {}).get("en", "") if isinstance(
            data.get("credit"), dict) else ""
        for needed in ("O*NET", "CC BY 4.0", "USDOL/ETA"):
            if needed not in credit_en:
                self.problem("credit", f"should name {needed} (CC BY 4.0 attribution)")
        source = data.get("source")
        if not isinstance(source, dict) or "CC BY 4.0" not in str(source.get("license", "")):
            self.problem("source", "should record the O*NET release and its CC BY 4.0 licence")

        industries = data.get("industries")
        if not isinstance(industries, list):
            self.problem("industries", "should be a list")
            return [], []
        keys = [i.get("key") if isinstance(i, dict) else None for i in industries]
        if keys != INDUSTRY_KEYS:
            self.problem("industries", f"keys should be {INDUSTRY_KEYS} in that order, not {keys}")

        careers = []  # (where, code, onet_title)
        steps = []    # (where, code)
        socs = {}
        for n, industry in enumerate(industries):
            where = f"industries[{n}]"
            if not isinstance(industry, dict):
                self.problem(where, "should be an object")
                continue
            where = f"{where} ({industry.get('key')})"
            for field in INDUSTRY_TEXTS:
                self.text(f"{where}.{field}", industry.get(field))
            items = self.items(f"{where}.careers", industry.get("careers"), CAREERS_PER_INDUSTRY,
                               CAREERS_PER_INDUSTRY, f"{CAREERS_PER_INDUSTRY} careers")
            for c, career in enumerate(items):
                cw = f"{where}.careers[{c}]"
                if not isinstance(career, dict):
                    self.problem(cw, "should be an object")
                    continue
                code = career.get("code")
                if self.code(f"{cw}.code", code):
                    soc = code[:7]
                    if soc in socs:
                        self.problem(f"{cw}.code", f"SOC {soc} is also {socs[soc]}'s: the kiosk "
                                     "counts listings by SOC code, so each career needs its own")
                    socs[soc] = cw
                    careers.append((cw, code, career.get("onet_title")))
                if not isinstance(career.get("onet_title"), str) or not career["onet_title"]:
                    self.problem(f"{cw}.onet_title", "O*NET's title for the code is missing")
                for field in CAREER_TEXTS:
                    self.text(f"{cw}.{field}", career.get(field))
                self.text_list(f"{cw}.skills", career.get("skills"))
                pathway = self.items(f"{cw}.pathway", career.get("pathway"), 2, 6,
                                     "2 to 6 steps")
                for s, step in enumerate(pathway):
                    sw = f"{cw}.pathway[{s}]"
                    if not isinstance(step, dict):
                        self.problem(sw, "should be an object")
                        continue
                    self.text(f"{sw}.role", step.get("role"))
                    self.text(f"{sw}.how", step.get("how"))
                    if "code" in step and self.code(f"{sw}.code", step["code"]):
                        steps.append((sw, step["code"]))
        return careers, steps


def read_onet_titles(folder):
    """O*NET-SOC code -> title, from "Occupation Data.txt" (tab-delimited, with a header)."""
    path = os.path.join(folder, "Occupation Data.txt")
    titles = {}
    with open(path, encoding="utf-8", newline="") as f:
        rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows)
        if header[:2] != ["O*NET-SOC Code", "Title"]:
            raise ValueError(f"{path}: unexpected header {header[:2]}")
        for row in rows:
            if len(row) >= 2:
                titles[row[0]] = row[1]
    if not titles:
        raise ValueError(f"{path}: no occupations")
    return titles


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("careers", help="assets/careers/careers.json")
    parser.add_argument("--onet", metavar="DIR",
                        help="O*NET text files (Occupation Data.txt): check codes and titles")
    args = parser.parse_args(argv)

    try:
        with open(args.careers, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        print(f"cannot read {args.careers}: {e}", file=sys.stderr)
        return 2

    checker = Checker()
    careers, steps = checker.check(data)

    if args.onet:
        try:
            titles = read_onet_titles(args.onet)
        except (OSError, ValueError) as e:
            print(f"cannot read the O*NET files: {e}", file=sys.stderr)
            return 2
        for where, code, onet_title in careers:
            if code not in titles:
                checker.problem(f"{where}.code", f"{code} is not in O*NET")
            elif onet_title != titles[code]:
                checker.problem(f"{where}.onet_title",
                                f"{onet_title!r} should be O*NET's {titles[code]!r}")
        for where, code in steps:
            if code not in titles:
                checker.problem(f"{where}.code", f"{code} is not in O*NET")

    for p in checker.problems:
        print(p)
    if checker.problems:
        print(f"{len(checker.problems)} problem(s) in {args.careers}", file=sys.stderr)
        return 1
    checked = f"{len(careers)} careers, {len(steps)} pathway codes"
    print(f"ok: {checked}" + (" (codes and titles checked against O*NET)" if args.onet else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

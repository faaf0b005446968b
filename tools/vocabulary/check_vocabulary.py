#!/usr/bin/env python3
"""Check the kiosk's occupation vocabulary (assets/vocabulary/occupations.json).

    check_vocabulary.py FILE [--glossary FILE] [--regenerate ONET_DIR ESCO_DIR] [--self-test]

Exit 0 when FILE is right, 1 (saying which problems) when:
  * it is not the format the kiosk reads (format 1, sources, occupations with code, name, zone,
    search and titles in en and es), or a code is malformed, repeated or out of order;
  * a Spanish phrase (name, search or titles) belongs to no valid occupation, or a Spanish
    glossary word does not join to an occupation in the file;
  * a glossary term is missing from its codes' search or titles;
  * a search phrase is in more than 3 occupations, a titles phrase names more than 3 that the
    glossary did not give, or a bound is exceeded (3 search phrases of 3 words, 30 titles of 5);
  * one of the words the issue names does not find its occupation (enfermera → 29-1141.00 and
    29-2061.00, electricista → 47-2111.00, cajero and cashier → 41-2011.00, mesero → 35-3031.00,
    niñera → 39-9011.00, and the issue's other everyday words: REQUIRED below);
  * with --regenerate, make_vocabulary.py makes something else from the inputs (a stale file).
--self-test first tests the normalisation and join functions and that broken copies fail.
Python 3 standard library only.
"""

import argparse
import copy
import io
import json
import os
import re
import sys
import tempfile
from contextlib import redirect_stderr, redirect_stdout

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_vocabulary as mv  # noqa: E402

REQUIRED = [
    ("es", "enfermera", ["29-1141.00", "29-2061.00"]),
    ("es", "electricista", ["47-2111.00"]),
    ("es", "cajero", ["41-2011.00"]),
    ("en", "cashier", ["41-2011.00"]),
    ("es", "mesero", ["35-3031.00"]),
    ("es", "niñera", ["39-9011.00"]),
    # The rest of the everyday words.
    ("es", "camarera", ["35-3031.00"]),
    ("es", "almacén", ["53-7062.00", "53-7065.00"]),
    ("es", "limpieza", ["37-2011.00", "37-2012.00"]),
    ("es", "chofer", ["53-3032.00", "53-3033.00"]),
    ("es", "soldador", ["51-4121.00"]),
    ("es", "jardinero", ["37-3011.00"]),
    ("es", "auxiliar de enfermería", ["31-1131.00"]),
    ("es", "asistente médico", ["31-9092.00"]),
    ("es", "montacarguista", ["53-7051.00"]),
    ("en", "electrician apprentice", ["47-2111.00"]),
]
MIN_GLOSSARY = {"es": 150, "en": 60}
MAX_NAME = 120


def check_structure(data, problems):
    """The format the kiosk reads; returns the occupations that are well formed."""
    if not isinstance(data, dict):
        problems.append("the file is not a JSON object")
        return []
    if set(data) != {"format", "sources", "occupations"}:
        problems.append(f"top-level keys must be format, sources, occupations (got {sorted(data)})")
    if data.get("format") != mv.FORMAT:
        problems.append(f"format must be {mv.FORMAT}")
    sources = data.get("sources")
    if not isinstance(sources, list) or len(sources) < 3 or not all(
            isinstance(s, dict) and all(isinstance(s.get(k), str) and s.get(k)
                                        for k in ("name", "licence", "credit")) for s in sources):
        problems.append("sources must list O*NET, ESCO and the glossary, each with name, "
                        "licence and credit")
    elif not any("O*NET" in s["name"] and "USDOL/ETA" in s["credit"] for s in sources):
        problems.append("sources: the O*NET credit (USDOL/ETA, CC BY 4.0) is missing")
    occupations = data.get("occupations")
    if not isinstance(occupations, list) or not occupations:
        problems.append("occupations must be a non-empty list")
        return []

    good, seen, previous = [], set(), ""
    for i, occ in enumerate(occupations):
        where = f"occupations[{i}]"
        if not isinstance(occ, dict):
            problems.append(f"{where}: not an object")
            continue
        if set(occ) != {"code", "name", "zone", "search", "titles"}:
            problems.append(f"{where}: keys must be code, name, zone, search, titles")
            continue
        code = occ["code"]
        if not isinstance(code, str) or not mv.CODE_RE.match(code):
            problems.append(f"{where}: malformed code {code!r}")
            continue
        where = f"{code}"
        if code in seen:
            problems.append(f"{where}: code repeated")
            continue
        if code < previous:
            problems.append(f"{where}: codes are not sorted (after {previous})")
        seen.add(code)
        previous = code
        ok = True
        name = occ["name"]
        if not isinstance(name, dict) or set(name) != set(mv.LANGS):
            problems.append(f"{where}: name must have en and es")
            ok = False
        else:
            for lang in mv.LANGS:
                text = name[lang]
                if not isinstance(text, str) or not text.strip() or len(text) > MAX_NAME:
                    problems.append(f"{where}: name.{lang} must be a text of 1–{MAX_NAME} characters")
                    ok = False
        zone = occ["zone"]
        if not isinstance(zone, int) or isinstance(zone, bool) or not 0 <= zone <= 5:
            problems.append(f"{where}: zone must be a whole number 0–5")
            ok = False
        for field, most, most_words in (("search", mv.MAX_SEARCH, mv.MAX_SEARCH_WORDS),
                                        ("titles", mv.MAX_TITLES, mv.MAX_TITLE_WORDS)):
            value = occ[field]
            if not isinstance(value, dict) or set(value) != set(mv.LANGS):
                problems.append(f"{where}: {field} must have en and es")
                ok = False
                continue
            for lang in mv.LANGS:
                phrases = value[lang]
                if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
                    problems.append(f"{where}: {field}.{lang} must be a list of texts")
                    ok = False
                    continue
                if len(phrases) > most:
                    problems.append(f"{where}: {field}.{lang} has {len(phrases)} phrases "
                                    f"(at most {most})")
                for p in phrases:
                    if not p.strip() or p != p.strip() or "  " in p:
                        problems.append(f"{where}: {field}.{lang} has a blank or badly "
                                        f"spaced phrase {p!r}")
                    elif mv.words(p) > most_words:
                        problems.append(f"{where}: {field}.{lang} phrase {p!r} has more than "
                                        f"{most_words} words")
                    elif p != p.lower():
                        problems.append(f"{where}: {field}.{lang} phrase {p!r} is not lower case")
        if not ok:
            continue
        for lang in mv.LANGS:
            folded = [mv.fold(p) for p in occ["search"][lang] + occ["titles"][lang]]
            repeated = sorted({f for f in folded if folded.count(f) > 1})
            if repeated:
                problems.append(f"{where}: {lang} phrases repeated in search/titles: {repeated}")
        good.append(occ)
    return good


def check_sharing(occupations, glossary, problems):
    """A search phrase in at most 3 occupations; a titles phrase too unless the glossary gave it."""
    given = {(lang, mv.fold(text)) for kind, lang, text, _, _ in glossary if kind != "name"}
    for field, most in (("search", mv.MAX_SEARCH_SHARE), ("titles", mv.MAX_TITLE_SHARE)):
        users = {}
        for occ in occupations:
            for lang in mv.LANGS:
                for p in occ[field][lang]:
                    users.setdefault((lang, mv.fold(p)), []).append(occ["code"])
        for (lang, phrase), codes in sorted(users.items()):
            if len(codes) > most and not (field == "titles" and (lang, phrase) in given):
                problems.append(f"{field} phrase {phrase!r} ({lang}) is in {len(codes)} "
                                f"occupations (at most {most}): {', '.join(codes[:6])}…")


def check_glossary(path, occupations, problems):
    """Every glossary word joins to the occupations it names, and is found there."""
    codes = {occ["code"]: occ for occ in occupations}
    try:
        glossary = mv.read_glossary(path)
    except (OSError, ValueError) as e:
        problems.append(f"glossary: {e}")
        return []
    counts = {"en": 0, "es": 0}
    for kind, lang, text, term_codes, line in glossary:
        where = f"glossary line {line}"
        missing = [c for c in term_codes if c not in codes]
        if missing:
            label = "Spanish label" if lang == "es" else "English label"
            problems.append(f"{where}: {label} {text!r} does not join to an occupation: "
                            f"{', '.join(missing)} is not in the vocabulary")
        if kind == "name":
            for c in term_codes:
                if c in codes and codes[c]["name"][lang] != text:
                    problems.append(f"{where}: {c} is not named {text!r} in {lang}")
            continue
        counts[lang] += 1
        for c in term_codes:
            if c not in codes:
                continue
            found = {mv.fold(p) for p in codes[c]["search"][lang] + codes[c]["titles"][lang]}
            if mv.fold(text) not in found:
                problems.append(f"{where}: {lang} term {text!r} is missing from {c}'s "
                                f"search and titles")
    for lang, least in MIN_GLOSSARY.items():
        if counts[lang] < least:
            problems.append(f"glossary: {counts[lang]} {lang} terms (at least {least})")
    return glossary


def check_spanish(occupations, problems):
    """The issue's test: every Spanish phrase joins to an occupation, which must be a real one
    (a well-formed code with an English name, so that a Spanish search can land on it)."""
    for occ in occupations:
        spanish = [occ["name"]["es"]] + occ["search"]["es"] + occ["titles"]["es"]
        if not occ["name"]["en"].strip() and any(p.strip() for p in spanish):
            problems.append(f"{occ['code']}: Spanish phrases on an occupation without a name")


def check_required(occupations, problems):
    for lang, word, wanted in REQUIRED:
        found = sorted(occ["code"] for occ in occupations
                       if mv.fold(word) in {mv.fold(p) for p in occ["search"][lang]
                                            + occ["titles"][lang]})
        for code in wanted:
            if code not in found:
                problems.append(f"{word!r} ({lang}) does not find {code} (it finds "
                                f"{', '.join(found) or 'nothing'})")


def check_regenerated(path, onet, esco, glossary, problems):
    if not glossary:
        problems.append("--regenerate needs --glossary")
        return
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "occupations.json")
        err = io.StringIO()
        with redirect_stderr(err):
            rc = mv.main(["--onet", onet, "--esco", esco, "--glossary", glossary, "--out", out,
                          "--quiet"])
        if rc != 0:
            problems.append(f"make_vocabulary.py failed: {err.getvalue().strip()}")
            return
        with open(out, "rb") as a, open(path, "rb") as b:
            if a.read() != b.read():
                problems.append(f"{path} is stale: make_vocabulary.py makes a different file from "
                                "these inputs (run it again and commit the result)")


def check(path, glossary=None, regenerate=None):
    """Problems with the file at `path` (an empty list when it is right)."""
    problems = []
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        return [f"{path}: {e}"]
    occupations = check_structure(data, problems)
    entries = check_glossary(glossary, occupations, problems) if glossary else []
    check_sharing(occupations, entries, problems)
    check_spanish(occupations, problems)
    check_required(occupations, problems)
    if regenerate:
        check_regenerated(path, regenerate[0], regenerate[1], glossary, problems)
    return problems


# ---------------------------------------------------------------------------------------------
# Self-test: the functions the join rests on, and that broken copies of the file fail.

def self_test(path, glossary):
    failures = []

    def expect(got, want, what):
        if got != want:
            failures.append(f"{what}: got {got!r}, want {want!r}")

    expect(mv.fold("Niñera TÉCNICA"), "ninera tecnica", "fold")
    for plural, single in (("nurses", "nurse"), ("secretaries", "secretary"),
                           ("hostesses", "hostess"), ("firemen", "fireman"), ("sales", "sales"),
                           ("coaches", "coach"), ("bus", "bus"), ("analysis", "analysis"),
                           ("midwives", "midwife"), ("representatives", "representative")):
        expect(mv.singular_word(plural), single, f"singular_word({plural})")
    expect(mv.key("Registered Nurses (RN)"), "registered nurse", "key")
    expect(mv.key("Waiters & Waitresses"), "waiter and waitress", "key &")
    expect(mv.drop_parentheses("OR RN (Operating Room Registered Nurse)"),
           "Operating Room Registered Nurse", "drop_parentheses expansion")
    expect(mv.drop_parentheses("Server (Restaurant)"), "Server", "drop_parentheses")
    expect(mv.singular_title("Cooks, Fast Food"), "fast food cook", "singular_title reorder")
    expect(mv.singular_title("Janitors and Cleaners, Except Maids and Housekeeping Cleaners"),
           "janitor and cleaner", "singular_title except")
    expect(mv.singular_title("Helpers--Carpenters"), "carpenter helper", "singular_title --")
    expect(mv.singular_title("First-Line Supervisors of Retail Sales Workers"),
           "first-line supervisor of retail sales workers", "singular_title of")
    expect(mv.tail_keys("fossil-fuel power plant operators"),
           ["fuel power plant operator", "power plant operator", "plant operator"], "tail_keys")
    expect(mv.tail_keys("fortune teller"), [], "tail_keys: no one-word tail")
    expect(mv.tail_keys("general veterinarian"), ["veterinarian"], "tail_keys: a grade")
    expect(mv.spanish_forms("cajero/cajera"), ["cajero", "cajera"], "spanish_forms")
    expect(mv.spanish_forms("jefe de equipo de impresión/encuadernación"), [],
           "spanish_forms not a pair")
    expect(mv.slash_name(["cajero", "cajera"]), "cajero/a", "slash_name")
    expect(mv.slash_name(["director técnico", "directora técnica"]), "director/a técnico/a",
           "slash_name words")
    expect(mv.slash_name(["actor", "actriz"]), "actor", "slash_name other forms")
    expect(mv.compatible("5131", "35-3031.00") > 0, True, "ISCO 5 waiter ↔ SOC 35")
    expect(mv.compatible("9112", "29-1141.00"), 0, "ISCO 9 cleaner ↔ SOC 29 rejected")

    occupations = {
        "35-3031.00": {"title": "Waiters and Waitresses", "alternate": [("Server", ["02"])],
                       "short": [], "reported": [("Waiter", True)], "zone": 1},
        "53-3032.00": {"title": "Heavy and Tractor-Trailer Truck Drivers",
                       "alternate": [("Waiter", ["08"])], "short": [], "reported": [], "zone": 2},
        "29-1141.00": {"title": "Registered Nurses", "alternate": [("Nurse", ["02"])],
                       "short": ["RN"], "reported": [], "zone": 3},
    }
    keys = mv.onet_keys(occupations)
    waiter = {"isco": "5131", "en": ["waiter/waitress"], "es_pref": "camarero/camarera",
              "es_alt": []}
    expect(mv.join_concept(waiter, keys), [("35-3031.00", mv.RANK_REPORTED, 2)],
           "join: a reported title wins over an alternate title of another code")
    truck_waiter = {"isco": "8332", "en": ["waiter"], "es_pref": "x", "es_alt": []}
    expect(mv.join_concept(truck_waiter, keys), [("53-3032.00", mv.RANK_ALTERNATE, 2)],
           "join: ISCO 8 keeps only the SOC 53 code")
    general = {"isco": "2221", "en": ["general registered nurse"], "es_pref": "x", "es_alt": []}
    expect(mv.join_concept(general, keys), [("29-1141.00", mv.RANK_TAIL, 2)],
           "join: the label's last words meet an O*NET title")
    nurse = {"isco": "9112", "en": ["nurse"], "es_pref": "x", "es_alt": []}
    expect(mv.join_concept(nurse, keys), [], "join: ISCO 9 ↛ SOC 29 (left out)")

    # Broken copies of the shipped file fail, each with its reason.
    with open(path, encoding="utf-8") as f:
        good = json.load(f)
    by_code = {o["code"]: i for i, o in enumerate(good["occupations"])}

    def broken(change, needle):
        data = copy.deepcopy(good)
        change(data)
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False,
                                         encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        try:
            problems = check(f.name, glossary)
        finally:
            os.unlink(f.name)
        if not any(needle in p for p in problems):
            failures.append(f"a copy that should fail with {needle!r} gave {problems[:3]}")

    def occ(data, code):
        return data["occupations"][by_code[code]]

    def drop_enfermera(data):
        for field in ("search", "titles"):
            o = occ(data, "29-2061.00")[field]
            o["es"] = [p for p in o["es"] if mv.fold(p) != "enfermera"]

    broken(drop_enfermera, "'enfermera' (es) does not find 29-2061.00")
    broken(lambda d: d["occupations"].append(copy.deepcopy(d["occupations"][-1])),
           "code repeated")
    broken(lambda d: d["occupations"][0].update(code="29-114"), "malformed code")
    broken(lambda d: d.update(format=2), "format must be 1")
    broken(lambda d: [occ(d, c)["search"]["en"].__setitem__(0, "shared words")
                      for c in ("41-2011.00", "35-3031.00", "47-2111.00", "39-9011.00")],
           "search phrase 'shared words' (en) is in 4 occupations")
    broken(lambda d: occ(d, "41-2011.00")["search"]["es"].append("una frase de cuatro"),
           "more than 3 words")
    broken(lambda d: occ(d, "41-2011.00")["titles"]["es"].extend(["t%d" % i for i in range(31)]),
           "at most 30")
    broken(lambda d: d["occupations"].pop(by_code["39-9011.00"]),
           "Spanish label 'niñera' does not join to an occupation")
    broken(lambda d: occ(d, "41-2011.00")["titles"]["es"].append("Cajera Nocturna"),
           "not lower case")
    return failures


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--glossary")
    parser.add_argument("--regenerate", nargs=2, metavar=("ONET_DIR", "ESCO_DIR"))
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args(argv)
    if args.self_test:
        if not args.glossary:
            print("check_vocabulary: --self-test needs --glossary", file=sys.stderr)
            return 1
        failures = self_test(args.file, args.glossary)
        for f in failures:
            print(f"self-test: {f}", file=sys.stderr)
        if failures:
            return 1
        print("self-test: passed")
    problems = check(args.file, args.glossary, args.regenerate)
    for p in problems:
        print(f"{args.file}: {p}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    with open(args.file, encoding="utf-8") as f:
        n = len(json.load(f)["occupations"])
    print(f"{args.file}: {n} occupations, all checks passed"
          + (" (and it is what the inputs make)" if args.regenerate else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())

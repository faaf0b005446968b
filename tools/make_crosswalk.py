#!/usr/bin/env python3
"""Writes the kiosk's SOC 2018 <-> CIP 2020 crosswalk (assets/crosswalk/soc_cip.tsv).

The input is the federal CIP 2020 - SOC 2018 crosswalk (NCES and BLS) as CSV, in either
orientation (the CIP-SOC or SOC-CIP sheet), or a republished copy of it such as New Jersey's
d4ad backend/data/soc2018_cip2020_crosswalk.csv. Columns are found by name: the first whose
name holds "cip" and "code", and the first whose name holds "soc" and "code". Excel's
="01.0000" wrappers, codes without their leading zero and O*NET-SOC suffixes (.00) are read;
the "no match" rows (CIP 99.9999, SOC 99-9999) are left out.

Output: comment lines (#) naming the source, its licence and the command, then one pair a line,
CIP code <TAB> SOC code, sorted and without repeats. The same input always gives the same bytes.

Usage:
  tools/make_crosswalk.py [-o OUT] [--source TEXT] [--licence TEXT] CROSSWALK.csv...
Python 3 standard library only.
"""

import argparse
import csv
import io
import os
import re
import sys

DEFAULT_SOURCE = (
    "NCES/BLS CIP 2020 to SOC 2018 crosswalk "
    "(https://nces.ed.gov/ipeds/cipcode/resources.aspx?y=56), as republished in "
    "github.com/newjersey/d4ad @ b64ec01fc32e28b708c6adc7c1fb1f89c766ffb1 : "
    "backend/data/soc2018_cip2020_crosswalk.csv"
)
DEFAULT_LICENCE = (
    "the underlying data are US federal statistical products (NCES/BLS CIP 2020 <-> SOC 2018 "
    "crosswalk), works of the US government and so in the public domain in the US; the "
    "repository that republishes them (newjersey/d4ad) is MIT-licensed"
)

CIP_RE = re.compile(r"^(\d{1,2})\.(\d{1,4})$")
CIP_DIGITS_RE = re.compile(r"^\d{5,6}$")
SOC_RE = re.compile(r"^(\d{2})-?(\d{4})(?:\.\d{2})?$")


def unwrap(value):
    """Excel's ="01.0000" and stray quotes and spaces around a code."""
    v = value.strip()
    if v.startswith("="):
        v = v[1:]
    return v.strip().strip('"').strip()


def cip_code(value):
    """'51.3801', '5.0201', '51.38', '513801' -> 'NN.NNNN'; None when it is not a CIP code."""
    v = unwrap(value)
    m = CIP_RE.match(v)
    if m:
        code = m.group(1).zfill(2) + "." + m.group(2).ljust(4, "0")
    elif CIP_DIGITS_RE.match(v):
        v = v.zfill(6)
        code = v[:2] + "." + v[2:]
    else:
        return None
    return None if code in ("99.9999", "00.0000") else code


def soc_code(value):
    """'29-1141', '29-1141.00', '291141' -> 'NN-NNNN'; None when it is not a SOC code."""
    m = SOC_RE.match(unwrap(value))
    if not m:
        return None
    code = m.group(1) + "-" + m.group(2)
    return None if code.startswith("99-") else code


def find_column(header, word):
    for i, name in enumerate(header):
        key = re.sub(r"[^a-z0-9]", "", name.lower())
        if word in key and "code" in key:
            return i
    return None


def read_pairs(path):
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8-sig", errors="replace")
    rows = csv.reader(io.StringIO(text, newline=""))
    header = next(rows, None)
    if header is None:
        raise SystemExit(f"{path}: empty file")
    cip_col = find_column(header, "cip")
    soc_col = find_column(header, "soc")
    if cip_col is None or soc_col is None:
        raise SystemExit(f"{path}: no CIP code or SOC code column in {header}")
    pairs = set()
    skipped = 0
    for row in rows:
        if len(row) <= max(cip_col, soc_col):
            skipped += 1
            continue
        cip = cip_code(row[cip_col])
        soc = soc_code(row[soc_col])
        if cip and soc:
            pairs.add((cip, soc))
        else:
            skipped += 1
    print(f"{path}: {len(pairs)} pairs, {skipped} rows without a pair", file=sys.stderr)
    return pairs


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="crosswalk CSV file(s)")
    parser.add_argument("-o", "--output", help="where to write (default: standard output)")
    parser.add_argument("--source", default=DEFAULT_SOURCE, help="where the input came from")
    parser.add_argument("--licence", default=DEFAULT_LICENCE, help="the input's licence")
    args = parser.parse_args(argv)

    pairs = set()
    for path in args.inputs:
        pairs |= read_pairs(path)
    if not pairs:
        raise SystemExit("no CIP/SOC pairs found")

    command = "tools/make_crosswalk.py"
    if args.output:
        command += " -o " + args.output
    command += "".join(" " + os.path.basename(p) for p in args.inputs)
    out = io.StringIO()
    out.write("# SOC 2018 <-> CIP 2020 crosswalk for the Workforce Kiosk: CIP code <TAB> SOC code.\n")
    out.write("# Source: " + args.source + "\n")
    out.write("# Licence: " + args.licence + "\n")
    out.write("# Made by: " + command + "\n")
    out.write(f"# {len(pairs)} pairs, {len({c for c, _ in pairs})} CIP codes, "
              f"{len({s for _, s in pairs})} SOC codes.\n")
    for cip, soc in sorted(pairs):
        out.write(cip + "\t" + soc + "\n")
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="\n") as f:
            f.write(out.getvalue())
    else:
        sys.stdout.write(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

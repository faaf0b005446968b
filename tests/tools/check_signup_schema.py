#!/usr/bin/env python3
"""Validates the kiosk's sample sign-up envelopes against the intake team's contract,
packaging/intake/signup.schema.json, with a full JSON Schema (draft 2020-12) implementation.
It also checks the schema itself, and that a broken envelope is refused (the test can fail).

Usage: check_signup_schema.py SOURCE_DIR SAMPLE_BINARY   (exit 77: python3-jsonschema absent)
"""
import json
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed: skipped")
    sys.exit(77)


def main():
    source_dir, sample = sys.argv[1], sys.argv[2]
    with open(source_dir + "/packaging/intake/signup.schema.json", encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)

    lines = subprocess.run([sample], check=True, capture_output=True, text=True).stdout
    envelopes = [json.loads(line) for line in lines.splitlines() if line.strip()]
    if len(envelopes) != 3:
        print(f"FAIL: expected 3 sample envelopes, got {len(envelopes)}")
        return 1
    failed = False
    for i, envelope in enumerate(envelopes):
        for error in validator.iter_errors(envelope):
            failed = True
            print(f"FAIL: envelope {i}: {'/'.join(map(str, error.absolute_path))}: "
                  f"{error.message}")

    broken = dict(envelopes[0])
    broken["person"] = {"first_name": "Ana", "last_name": "Ruiz", "phone": "305-555-0123"}
    broken["ssn"] = "123-45-6789"
    if validator.is_valid(broken):
        print("FAIL: the schema accepts a phone with punctuation and an unknown field")
        failed = True
    if not failed:
        print(f"PASS: {len(envelopes)} envelopes match the schema")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

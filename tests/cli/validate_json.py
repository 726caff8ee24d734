#!/usr/bin/env python3
"""validate_json.py SCHEMA FILE... : each .json file is one record, each .jsonl(.gz) line is one;
prints each violation and exits 1 if there is any, 77 when python3-jsonschema is missing."""
import gzip
import json
import sys

try:
    import jsonschema
except ImportError:
    print("SKIP: python3-jsonschema is not installed (tools/setup-debian.sh installs it)")
    sys.exit(77)


def records(path):
    if path.endswith(".jsonl.gz"):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                yield f"{path}:{n}", json.loads(line)
    elif path.endswith(".jsonl"):
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                yield f"{path}:{n}", json.loads(line)
    else:
        with open(path, encoding="utf-8") as f:
            yield path, json.load(f)


def main(args):
    with open(args[0], encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    count = bad = 0
    for path in args[1:]:
        for where, record in records(path):
            count += 1
            errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
            for e in errors[:5]:
                print(f"{where}: {'/'.join(map(str, e.path)) or '(record)'}: {e.message[:300]}")
            bad += bool(errors)
    print(f"{count} records, {bad} invalid")
    return 1 if bad or count == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

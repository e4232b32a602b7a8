"""Rows as CSV, JSON or JSONL: what the list commands print for data work and the CSV export writes.

CSV cells that a spreadsheet would run as a formula (text starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return: an article is hostile input) get a leading apostrophe, as OWASP advises; numbers stay numbers.
JSON keeps every value; characters a terminal could obey (C1 controls, DEL, bidirectional overrides) are
written as ``\\uXXXX`` escapes, which every JSON reader turns back into the same text.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from typing import TextIO

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def flat(value: object) -> object:
    """Lists and dicts as JSON text (a CSV cell holds one value)."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def csv_cell(value: object) -> object:
    """A value for a CSV cell: nested values as JSON, formula-like text defused."""
    value = flat(value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_json(value: object, indent: int | None = None) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def write_csv(rows: Iterable[dict], columns: list[str], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({k: csv_cell(row.get(k)) for k in columns})
        count += 1
    return count


def write_rows(rows: list[dict], fmt: str, out: TextIO) -> int:
    """``rows`` (dicts with the same keys) as csv, json (one array) or jsonl (one object per line)."""
    if fmt == "csv":
        columns = list(dict.fromkeys(k for row in rows for k in row))
        return write_csv(rows, columns, out)
    if fmt == "json":
        out.write(to_json(rows, indent=2) + "\n")
        return len(rows)
    if fmt == "jsonl":
        for row in rows:
            out.write(to_json(row) + "\n")
        return len(rows)
    raise ValueError(f"unknown row format {fmt!r}: csv, json or jsonl")

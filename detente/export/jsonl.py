"""JSONL export: one JSON object per line (a stable contract other tools read)."""

from __future__ import annotations

import json
from typing import TextIO

from detente.export.records import iter_records
from detente.store import Store


def write_jsonl(store: Store, out: TextIO) -> int:
    count = 0
    for record in iter_records(store):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count

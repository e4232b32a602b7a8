"""The raw text behind an exported article record, for scoring bodies against the gold's raw-file spans."""

from __future__ import annotations

import json
from pathlib import Path


def read_raw(record: dict) -> str | None:
    """The raw text behind an article record (the file, or its JSONL line's text/html)."""
    source = record.get("source") or ""
    path, _, line = source.partition("#")
    try:
        if line:
            with open(path, encoding="utf-8") as fh:
                for number, text in enumerate(fh, start=1):
                    if number == int(line):
                        obj = json.loads(text)
                        return obj.get("text") or obj.get("html")
            return None
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except (OSError, ValueError):
        return None

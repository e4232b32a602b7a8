"""The raw text behind an exported article record, for scoring bodies against the gold's raw-file spans."""

from __future__ import annotations

import json
import re
from pathlib import Path

from detente.clean.pagefacts import markup_to_text

_LOOKS_HTML = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<article|<div|<p[\s>])", re.IGNORECASE)


def read_raw(record: dict) -> str | None:
    """The raw text behind an article record (the file, or its JSONL line's text/html); HTML as its text."""
    text = _read_source(record)
    if text is None:
        return None
    path = (record.get("source") or "").partition("#")[0].lower()
    return markup_to_text(text) if path.endswith((".html", ".htm")) or _LOOKS_HTML.match(text) else text


def _read_source(record: dict) -> str | None:
    source = record.get("source") or ""
    path, _, line = source.partition("#")
    try:
        if line and path.lower().endswith(".json"):  # a .json file of one article or a list: "#N" is the item
            obj = json.loads(Path(path).read_text(encoding="utf-8"))
            item = (obj if isinstance(obj, list) else [obj])[int(line) - 1]
            return (item.get("text") or item.get("html")) if isinstance(item, dict) else None
        if line:
            with open(path, encoding="utf-8") as fh:
                for number, text in enumerate(fh, start=1):
                    if number == int(line):
                        obj = json.loads(text)
                        return obj.get("text") or obj.get("html")
            return None
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except (OSError, ValueError, IndexError):
        return None

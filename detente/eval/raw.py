"""The raw text behind an exported article record, for scoring bodies against the gold's raw-file spans."""

from __future__ import annotations

import json
import re
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

_LOOKS_HTML = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<article|<div|<p[\s>])", re.IGNORECASE)
_HIDDEN = ("script", "style", "noscript", "template", "svg", "head")
_BLOCK = frozenset("p div article section header footer aside nav main li ul ol h1 h2 h3 h4 h5 h6 blockquote figure "
                   "figcaption table tr td th pre br hr title dd dt dl form".split())


def markup_to_text(markup: str) -> str:
    """The readable text of an HTML page, one block per line: the gold's sentences are located in text, so tag
    names and attributes must not count as body tokens."""
    try:
        root = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return markup
    etree.strip_elements(root, *_HIDDEN, etree.Comment, with_tail=False)
    parts: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _BLOCK:
                parts.append("\n")
            parts.append(element.text or "")
        else:
            if tag in _BLOCK:
                parts.append("\n")
            parts.append(element.tail or "")
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return "\n".join(line for line in lines if line)


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

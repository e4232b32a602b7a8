"""Dispatch a raw document to the text or HTML cleaner."""

from __future__ import annotations

from detente.clean.html import clean_html
from detente.clean.lines import clean_text
from detente.records import Cleaned, RawDocument


def clean_document(raw: RawDocument) -> Cleaned:
    if raw.kind == "html":
        cleaned = clean_html(raw.text, url=raw.hints.get("url"))
    else:
        cleaned = clean_text(raw.text)
    for key, value in raw.hints.items():
        cleaned.metadata.setdefault(key, value)
    if raw.hints.get("title"):
        cleaned.title = raw.hints["title"]
    return cleaned

"""Exports: the JSONL contract (docs/design.md) and the other formats built from the same records."""

from detente.export.jsonl import write_jsonl
from detente.export.records import iter_records

__all__ = ["iter_records", "write_jsonl"]

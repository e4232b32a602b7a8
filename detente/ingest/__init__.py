"""Ingest: turn paths (files, folders, JSONL, HTML, URL lists) into decoded :class:`RawDocument` records.

Errors never escape as exceptions from :func:`iter_documents`: each bad input is
yielded as an :class:`IngestError` naming the file (and line) and the reason,
so a caller can report it and go on with the rest of the run.
"""

from detente.ingest.decode import DEFAULT_MAX_BYTES, IngestError, IngestNote, decode_bytes
from detente.ingest.readers import iter_documents

__all__ = ["DEFAULT_MAX_BYTES", "IngestError", "IngestNote", "decode_bytes", "iter_documents"]

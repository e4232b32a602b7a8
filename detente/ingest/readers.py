"""Readers for each input kind. All yield :class:`RawDocument` or :class:`IngestError`, never raise."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from detente.ingest.decode import DEFAULT_MAX_BYTES, IngestError, decode_bytes
from detente.records import RawDocument

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
URL_SUFFIXES = {".urls"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | URL_SUFFIXES

Item = RawDocument | IngestError


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def iter_files(path: Path) -> Iterator[Path | IngestError]:
    """Walk a folder (sorted, recursive, symlinks to folders not followed, so loops cannot trap us)."""
    for root, dirs, files in os.walk(path, followlinks=False, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            file = Path(root) / name
            if file.suffix.lower() in KNOWN_SUFFIXES:
                yield file


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    source = str(path)
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if size > max_bytes and suffix not in JSONL_SUFFIXES:
            yield IngestError(source, f"{size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit (--max-bytes)")
            return
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, max_bytes)
            return
        data = path.read_bytes()
    except IsADirectoryError:
        yield IngestError(source, "is a folder where a file was expected")
        return
    except PermissionError:
        yield IngestError(source, "permission denied: the file cannot be read")
        return
    except OSError as exc:
        yield IngestError(source, f"cannot be read: {exc.strerror or exc}")
        return
    if suffix in URL_SUFFIXES:
        from detente.ingest.fetch import read_url_list

        yield from read_url_list(data.decode("utf-8", errors="replace").splitlines(), source, max_bytes)
        return
    try:
        text = decode_bytes(data, source, max_bytes)
    except IngestError as err:
        yield err
        return
    kind = "html" if suffix in HTML_SUFFIXES or _looks_like_html(text) else "text"
    yield RawDocument(source=source, doc_name=path.stem, text=text, kind=kind, raw_hash=_sha256(data))


def _jsonl_document(obj: object, source: str, line_no: int, fallback_name: str, raw: bytes, max_bytes: int) -> Item:
    if not isinstance(obj, dict):
        return IngestError(source, f"expected a JSON object, got {type(obj).__name__}", line_no)
    body = obj.get("html") if obj.get("html") else obj.get("text")
    kind = "html" if obj.get("html") else "text"
    if body is None:
        return IngestError(source, "no 'text' or 'html' field", line_no)
    if not isinstance(body, str):
        return IngestError(source, f"'{kind}' must be a string, got {type(body).__name__}", line_no)
    try:
        text = decode_bytes(body.encode("utf-8", errors="replace"), f"{source}:{line_no}", max_bytes)
    except IngestError as err:
        return IngestError(source, err.reason, line_no)
    hints = {k: obj[k] for k in ("title", "url", "date", "outlet", "byline") if isinstance(obj.get(k), str) and obj[k].strip()}
    doc_name = obj.get("id")
    doc_name = str(doc_name) if isinstance(doc_name, (str, int)) and str(doc_name).strip() else fallback_name
    return RawDocument(
        source=f"{source}#{line_no}", doc_name=doc_name, text=text, kind=kind, raw_hash=_sha256(raw), hints=hints
    )


def read_jsonl(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """One article per line; a broken line is reported with its number and the others still read."""
    source = str(path)
    with path.open("rb") as fh:
        for line_no, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            if len(raw) > max_bytes:
                yield IngestError(source, f"line is {len(raw) / 1e6:.1f} MB, over the limit (--max-bytes)", line_no)
                continue
            try:
                obj = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                yield IngestError(source, f"not valid JSON ({exc.__class__.__name__}: {str(exc)[:80]})", line_no)
                continue
            yield _jsonl_document(obj, source, line_no, f"{path.stem}-{line_no}", raw, max_bytes)


def iter_documents(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Expand paths (files, folders, ``-`` for a URL list on stdin) into documents and per-input errors."""
    for given in paths:
        if str(given) == "-":
            import sys

            from detente.ingest.fetch import read_url_list

            yield from read_url_list(sys.stdin.read().splitlines(), "<stdin>", max_bytes)
            continue
        if str(given).startswith(("http://", "https://")):
            from detente.ingest.fetch import read_url_list

            yield from read_url_list([str(given)], str(given), max_bytes)
            continue
        path = Path(given)
        if not path.exists():
            yield IngestError(str(given), "no such file or folder")
        elif path.is_dir():
            for item in iter_files(path):
                if isinstance(item, IngestError):
                    yield item
                else:
                    yield from read_file(item, max_bytes)
        else:
            yield from read_file(path, max_bytes)

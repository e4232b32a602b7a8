"""Readers for each input kind. All yield :class:`RawDocument` or :class:`IngestError`, never raise."""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from detente.ingest.decode import DEFAULT_MAX_BYTES, IngestError, IngestNote, decode_bytes, over_limit, size_text
from detente.records import RawDocument

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
URL_SUFFIXES = {".urls"}
# Which files in a folder are articles: these extensions (a file without one is a text dump saved under an id).
# Anything else in a folder (.md, .csv, images) is reported as skipped, and so is a documentation file of any
# extension (README.txt, LICENSE, SOURCES.md): folders of articles carry them, and they are not news.
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES | URL_SUFFIXES
DOC_FILE = re.compile(
    r"^(?:readme|licen[cs]e|copying|sources|changelog|changes|authors|contributing|notice)"
    r"(?:[._\-].*)?$", re.I
)
FOLDER_RULE = (
    "In a folder, articles are the .txt .text .html .htm .xhtml .json .jsonl .ndjson and .urls files and files "
    "without an extension; other files (.md, .csv, images) and README/LICENSE/SOURCES files are skipped and listed."
)

Item = RawDocument | IngestError | IngestNote
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]+")
MAX_HINT_CHARS = {"title": 1000, "outlet": 200, "byline": 500, "date": 100, "url": 2048, "id": 500}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def is_article_file(name: str) -> bool:
    """Whether a file met in a folder walk is an article (see ``FOLDER_RULE``)."""
    return Path(name).suffix.lower() in ARTICLE_SUFFIXES and not DOC_FILE.match(name)


def iter_files(path: Path, skipped: list[str] | None = None) -> Iterator[Path | IngestError | IngestNote]:
    """Walk a folder (sorted, recursive). A symlinked folder inside the tree is read where it really is,
    once; a link leading outside is followed, and a folder reached twice (a loop) is reported and skipped,
    so loops cannot trap the walk. Unlistable folders are reported too. Files that are not articles
    (``is_article_file``) are appended to ``skipped``; hidden files are passed over silently."""
    top = os.path.realpath(path)
    problems: list[IngestError] = []
    seen: set[tuple[int, int]] = set()

    def unlistable(exc: OSError) -> None:
        problems.append(IngestError(str(exc.filename or path), f"folder cannot be listed: {exc.strerror or exc}"))

    for root, dirs, files in os.walk(path, followlinks=True, onerror=unlistable):
        yield from problems
        problems.clear()
        try:
            info = os.stat(root)
        except OSError as exc:
            yield IngestError(root, f"folder cannot be read: {exc.strerror or exc}")
            dirs[:] = []
            continue
        if (info.st_dev, info.st_ino) in seen:
            yield IngestNote(root, f"symlink loop: leads back to {os.path.realpath(root)}, already read; skipped")
            dirs[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        kept = []
        for name in sorted(d for d in dirs if not d.startswith(".")):
            link = os.path.join(root, name)
            real = os.path.realpath(link)
            if os.path.islink(link) and os.path.commonpath([top, real]) == top:
                yield IngestNote(link, f"symlink to {real}, inside the folder being read: read there, not twice")
                continue
            kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            if name.startswith("."):
                continue
            file = Path(root) / name
            if is_article_file(name):
                yield file
            elif skipped is not None:
                skipped.append(str(file))
    yield from problems


def _sanitize(text: str) -> str:
    """Lone UTF-16 surrogates (legal in JSON's \\uXXXX escapes, not in UTF-8 or SQLite) become U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def _hint(key: str, value: str) -> str | None:
    """A metadata field as one line of text: control characters (NUL, escapes, line breaks) become spaces, and a
    value past any real one's length (a 5 MB "title") is cut at a word, or dropped if it is a URL."""
    text = " ".join(_CONTROL.sub(" ", _sanitize(value)).split())
    limit = MAX_HINT_CHARS[key]
    if len(text) > limit:
        if key == "url":
            return None
        text = text[:limit].rsplit(" ", 1)[0].rstrip() + "…"
    return text or None


def _read_bounded(path: Path, max_bytes: int) -> bytes | None:
    """The file's bytes, or ``None`` when there are more than ``max_bytes`` (never reads past the limit)."""
    with path.open("rb") as fh:
        data = fh.read(max_bytes + 1)
    return None if len(data) > max_bytes else data


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, skipped: list[str] | None = None) -> Iterator[Item]:
    """The documents in one file; a .json file that holds no article is appended to ``skipped`` when given
    (a gold or settings file next to the articles), and is an error when the file was named on its own."""
    source = str(path)
    suffix = path.suffix.lower()
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            yield IngestError(source, "not a regular file (a pipe, socket or device): not read")
            return
        size = info.st_size
        if size > max_bytes and suffix not in JSONL_SUFFIXES:
            yield IngestError(source, over_limit(size, max_bytes))
            return
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, max_bytes)
            return
        data = _read_bounded(path, max_bytes)
        if data is None:
            yield IngestError(source, f"grew past the {size_text(max_bytes)} limit while being read (--max-bytes)")
            return
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
    if suffix in JSON_SUFFIXES:
        yield from read_json(data, path, max_bytes, skipped)
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
        text = decode_bytes(_sanitize(body).encode("utf-8"), f"{source}:{line_no}", max_bytes)
    except IngestError as err:
        return IngestError(source, err.reason, line_no)
    hints = {k: hint for k in ("title", "url", "date", "outlet", "byline")
             if isinstance(obj.get(k), str) and (hint := _hint(k, obj[k]))}
    doc_name = obj.get("id")
    is_name = isinstance(doc_name, (str, int)) and not isinstance(doc_name, bool) and _hint("id", str(doc_name))
    doc_name = _hint("id", str(doc_name)) if is_name else fallback_name
    return RawDocument(
        source=f"{source}#{line_no}", doc_name=doc_name, text=text, kind=kind, raw_hash=_sha256(raw), hints=hints
    )


def _lines(fh: BinaryIO, max_bytes: int) -> Iterator[bytes | int]:
    """The file's lines; a line over ``max_bytes`` is skipped in bounded chunks and given as its length."""
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line
            continue
        length = len(line)
        while not line.endswith(b"\n"):
            line = fh.readline(1 << 20)
            if not line:
                break
            length += len(line)
        yield length


def read_jsonl(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """One article per line; a broken line is reported with its number and the others still read."""
    source = str(path)
    with path.open("rb") as fh:
        for line_no, raw in enumerate(_lines(fh, max_bytes), start=1):
            if isinstance(raw, int):
                yield IngestError(source, over_limit(raw, max_bytes, "line of "), line_no)
                continue
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                yield IngestError(source, f"not valid JSON ({exc.__class__.__name__}: {str(exc)[:80]})", line_no)
                continue
            except RecursionError:
                yield IngestError(source, "not read: JSON nested too deeply", line_no)
                continue
            yield _jsonl_document(obj, source, line_no, f"{path.stem}-{line_no}", raw, max_bytes)


def read_json(data: bytes, path: Path, max_bytes: int = DEFAULT_MAX_BYTES, skipped: list[str] | None = None
              ) -> Iterator[Item]:
    """A .json file: one article object, or a list of them, with the fields of a JSONL line ("path#N" sources)."""
    source = str(path)
    try:
        obj = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        yield IngestError(source, f"not valid JSON ({exc.__class__.__name__}: {str(exc)[:80]})")
        return
    except RecursionError:
        yield IngestError(source, "not read: JSON nested too deeply")
        return
    items = obj if isinstance(obj, list) else [obj]
    if not any(isinstance(item, dict) and (item.get("text") or item.get("html")) for item in items):
        if skipped is not None:
            skipped.append(source)
            return
        yield IngestError(source, "JSON without articles: expected an object (or a list of objects) with a 'text' or 'html' field")
        return
    for number, item in enumerate(items, start=1):
        name = path.stem if len(items) == 1 else f"{path.stem}-{number}"
        yield _jsonl_document(item, source, number, name, json.dumps(item, sort_keys=True).encode(), max_bytes)


def iter_documents(
    paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES, skipped: list[str] | None = None
) -> Iterator[Item]:
    """Expand paths (files, folders, ``-`` for a URL list on stdin) into documents and per-input errors.

    A file named on its own is read whatever its extension; in a folder only articles are (``FOLDER_RULE``),
    and the files passed over are appended to ``skipped``. An unexpected failure inside one input's reader ends
    that input with an error naming it; the other inputs are still read."""
    for given in paths:
        try:
            yield from _documents_of(given, max_bytes, skipped)
        except Exception as exc:  # a reader bug must not end the run: what was read so far is still stored
            yield IngestError(str(given), f"reading stopped ({exc.__class__.__name__}: {exc})")


def _documents_of(given: str | Path, max_bytes: int, skipped: list[str] | None) -> Iterator[Item]:
    from detente.ingest.fetch import read_url_list

    if str(given) == "-":
        listed = _read_stdin(max_bytes)
        if isinstance(listed, IngestError):
            yield listed
        else:
            yield from read_url_list(listed.decode("utf-8", errors="replace").splitlines(), "<stdin>", max_bytes)
        return
    if str(given).startswith(("http://", "https://")):
        yield from read_url_list([str(given)], str(given), max_bytes)
        return
    path = Path(given)
    if not path.exists():
        yield IngestError(str(given), "no such file or folder")
    elif path.is_dir():
        for item in iter_files(path, skipped):
            if isinstance(item, IngestError | IngestNote):
                yield item
            else:
                yield from read_file(item, max_bytes, skipped)
    else:
        yield from read_file(path, max_bytes)


def _read_stdin(max_bytes: int) -> bytes | IngestError:
    """The URL list piped in, read no further than ``max_bytes`` (an endless pipe is refused, not buffered)."""
    import sys

    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read(max_bytes + 1) if stream is not None else sys.stdin.read(max_bytes + 1).encode("utf-8")
    if len(data) > max_bytes:
        return IngestError("<stdin>", f"URL list over the {size_text(max_bytes)} limit (--max-bytes): not read")
    return data

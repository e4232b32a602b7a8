"""Bytes to clean text: encoding detection, BOMs, NUL bytes, binary sniffing, Unicode NFC."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

from detente.errors import one_line

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # an article page is rarely over 2 MB; 20 MB leaves room for bloated HTML

# Magic numbers of formats people rename to .txt by mistake.
_BINARY_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"%PDF-": "a PDF document",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
    b"SQLite format 3\x00": "an SQLite database",
}


def size_text(size: int) -> str:
    """Bytes for people: "200 MB", "4.9 KB", "12 bytes" (binary units, as the --max-bytes default is)."""
    for unit, scale in (("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def over_limit(size: int, max_bytes: int, what: str = "") -> str:
    """The reason given for an input over the size limit."""
    return f"{what}{size_text(size)}, over the {size_text(max_bytes)} limit (--max-bytes)"


@dataclass
class IngestError(Exception):
    """One input that could not be read; ``str()`` gives the one-line message users see."""

    source: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return one_line(f"{where}: {self.reason}")


@dataclass
class IngestNote(IngestError):
    """An input passed over on purpose, read elsewhere (a symlink to a folder inside the tree, a loop): reported
    as skipped, never counted as a failure."""


def _sniff_binary(data: bytes) -> str | None:
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return what
    return None


_WESTERN = ("cp1252", "latin_1", "iso8859_15")


def _guess_encoding(data: bytes, source: str) -> str:
    """charset-normalizer's guess, preferring Windows-1252 when it fits as well: most non-UTF-8 news is Western."""
    results = from_bytes(data[:200_000])
    best = results.best()
    if best is None:
        raise IngestError(source, "binary or undecodable bytes: no text encoding fits")
    for match in results:
        if match.encoding in _WESTERN and match.chaos <= best.chaos + 0.1:
            return match.encoding
    try:
        data.decode("cp1252")
        if best.encoding not in _WESTERN and best.chaos > 0:
            return "cp1252"
    except UnicodeDecodeError:
        pass
    return best.encoding


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a byte that is not UTF-8 is read as Windows-1252 (undefined bytes as U+FFFD)."""
    assert isinstance(exc, UnicodeDecodeError)
    bad = exc.object[exc.start : exc.end]
    return bad.decode("cp1252", errors="replace"), exc.end


codecs.register_error("detente-cp1252", _cp1252_fallback)


def _mostly_utf8(data: bytes) -> bool:
    """True when the file holds real UTF-8 next to its invalid bytes (mixed encodings: UTF-8 with pasted-in
    Windows-1252), not a Windows-1252 file with an accidental UTF-8-looking pair ("É" then a curly quote),
    which would be outnumbered by its other accented bytes many times over."""
    good = len(_UTF8_SEQUENCE.findall(data))
    return good > 0 and good * 4 >= _stray_bytes(data)


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _stray_bytes(data: bytes) -> int:
    """Non-ASCII bytes that are not part of a well-formed UTF-8 sequence."""
    return len(re.sub(rb"[\x00-\x7f]+", b"", _UTF8_SEQUENCE.sub(b"", data)))


def decode_bytes(data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Decode ``data`` to NFC text or raise :class:`IngestError` saying why it is not a text article."""
    if len(data) > max_bytes:
        raise IngestError(source, over_limit(len(data), max_bytes))
    if not data.strip():
        raise IngestError(source, "empty file" if not data else "file holds only whitespace")
    what = _sniff_binary(data)
    if what:
        raise IngestError(source, f"binary file ({what}), not text")
    text: str | None = None
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise IngestError(source, f"starts with a {encoding} byte-order mark but does not decode: {exc.reason}") from None
            break
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            if b"\x00" in data[:4096]:
                raise IngestError(source, "binary file (NUL bytes), not text") from None
            if _mostly_utf8(data):
                text = data.decode("utf-8", errors="detente-cp1252")
            else:
                text = data.decode(_guess_encoding(data, source), errors="replace")
    if "\x00" in text:
        if text.count("\x00") > len(text) // 100:
            raise IngestError(source, "binary file (NUL bytes), not text")
        text = text.replace("\x00", "")
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError(source, "file holds only whitespace")
    return text

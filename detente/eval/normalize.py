"""String normalization shared by every comparison in the evaluation harness.

docs/design.md ("Gold files"): strings compare after NFKC normalisation and whitespace collapsing. The seeds hold no-break spaces and
curly quotes, and gold files are typed by people who may use straight ones, so quotes are folded to ASCII as well. Spans
found in normalized text must be reported in the original body's offsets (quote char_start/char_end point into the raw
body), hence the index-mapping variant.
"""

from __future__ import annotations

import re
import unicodedata

# Curly and angle quotes typed one way in gold and another in the source; one-to-one so offsets stay simple.
_QUOTE_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2039": "'", "\u203a": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
})
# Invisible characters that survive NFKC but never carry meaning (soft hyphen, zero-width marks, BOM).
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def _fold(s: str) -> str:
    """Fold quotes and drop invisible characters (applied after NFKC)."""
    s = s.translate(_QUOTE_FOLD)
    if any(c in _INVISIBLE for c in s):
        s = "".join(c for c in s if c not in _INVISIBLE)
    return s


def norm(s: str | None) -> str:
    """NFKC + quote folding + whitespace collapsed to single spaces + strip; None becomes ""."""
    if not s:
        return ""
    return _WS.sub(" ", _fold(unicodedata.normalize("NFKC", s))).strip()


def words(s: str | None) -> list[str]:
    """Lowercased `\\w+` tokens of the normalized string: the unit of token-level body scoring."""
    return _WORD.findall(norm(s).lower())


def _clusters(text: str) -> list[tuple[int, int]]:
    """Split text into [start, end) chunks that NFKC normalizes independently.

    A chunk grows while the next character combines with it (combining marks, Hangul jamo, two-part vowels), so
    normalizing chunk by chunk gives the same string as normalizing the whole text, and each output character can be
    traced to a chunk of the input.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text):
            spans.append((start, i))
            break
        c = text[i]
        if c < "\u0300" and text[i - 1] < "\u0300":  # Latin-1 and friends never compose across characters
            spans.append((start, i))
            start = i
            continue
        chunk = text[start:i]
        if unicodedata.combining(c) == 0 and unicodedata.normalize("NFKC", chunk + c) == (
            unicodedata.normalize("NFKC", chunk) + unicodedata.normalize("NFKC", c)
        ):
            spans.append((start, i))
            start = i
    return spans


def norm_spans(text: str) -> tuple[str, list[int], list[int]]:
    """Like norm_with_map, with the original end offset (exclusive) of each normalized character too."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pending: tuple[int, int] | None = None  # original span of the whitespace run waiting to become one space
    for a, b in _clusters(text):
        for ch in _fold(unicodedata.normalize("NFKC", text[a:b])):
            if ch.isspace():
                pending = (pending[0], b) if pending else (a, b)
                continue
            if pending and out:
                out.append(" ")
                starts.append(pending[0])
                ends.append(pending[1])
            pending = None
            out.append(ch)
            starts.append(a)
            ends.append(b)
    return "".join(out), starts, ends


def norm_with_map(text: str) -> tuple[str, list[int]]:
    """Return (norm(text), index_map) where index_map[i] is the original offset of normalized character i.

    Lets a gold string found in the normalized body be reported as an original [start, end) span.
    """
    normalized, starts, _ = norm_spans(text)
    return normalized, starts


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """All [start, end) spans (original offsets of `text`) where `needle` occurs after normalizing both.

    Case-sensitive first; falls back to a case-insensitive search because gold snippets are sometimes re-typed with
    different capitalization. Returns [] when the needle is empty or absent.
    """
    target = norm(needle)
    if not target or not text:
        return []
    normalized, starts, ends = norm_spans(text)
    pattern = re.compile(re.escape(target))
    hits = list(pattern.finditer(normalized))
    if not hits:
        hits = list(re.compile(re.escape(target), re.IGNORECASE).finditer(normalized))
    return [(starts[m.start()], ends[m.end() - 1]) for m in hits]

"""Quotation spans in a body: paired quotation marks, across sentences and paragraphs.

Curly marks pair by shape; straight double quotes alternate open/close within
a paragraph. A paragraph that opens a quote and never closes it continues into
the next paragraph that opens with a quotation mark (the newspaper convention
for long quotes), so the span runs on.
"""

from __future__ import annotations

import re

OPEN = "“"
CLOSE = "”"
STRAIGHT = '"'


def quote_spans(body: str) -> list[tuple[int, int]]:
    """[start, end) offsets of quoted passages, marks included."""
    spans: list[tuple[int, int]] = []
    pending: int | None = None  # a quote left open at the end of the previous paragraph
    for para in re.finditer(r"[^\n]+", body):
        text, base = para.group(0), para.start()
        start: int | None = None
        stripped_start = len(text) - len(text.lstrip())
        if pending is not None and text[stripped_start : stripped_start + 1] not in (OPEN, STRAIGHT):
            spans.append((pending, _para_end(body, pending)))
            pending = None
        for i, role, width in _marks(text):
            if role == "spaced" and start is None:
                continue  # 'VENICE (AP) " The government ...': a dash, not a quotation
            role = "close" if role == "spaced" else role  # '... ourselves? " she wrote': a sloppy closing mark
            if role == "open" or (role == "straight" and start is None):
                if start is None:
                    start = i
            elif role in ("close", "straight"):
                if start is None and width == 2 and not spans_in(spans, base) and text[stripped_start] in "'\"":
                    start = stripped_start  # "'We are ready,'' she said": a wire text opened with a lone mark
                if start is not None:
                    begin = pending if pending is not None else base + start
                    spans.append((begin, base + i + width))
                    pending = None
                    start = None
        if start is not None:
            pending = pending if pending is not None else base + start
            spans.append((pending, base + len(text.rstrip())))
            # keep it open: the next paragraph may continue it (then the span is replaced)
    return _merge_continued(spans)


def spans_in(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(s >= offset for s, _ in spans)


def _marks(text: str) -> list[tuple[int, str, int]]:
    """Quotation marks of a paragraph: (offset, open | close | straight | spaced, width). Wire copy writes
    ``...'' (or ...’’) for double quotes; a straight mark with a space on each side (spaced) only closes an
    open quotation: otherwise it stands for a dash."""
    marks = []
    i = 0
    while i < len(text):
        pair = text[i : i + 2]
        if pair in ("``", "''", "’’"):
            marks.append((i, "open" if pair == "``" else "close", 2))
            i += 2
            continue
        ch = text[i]
        if ch == OPEN:
            marks.append((i, "open", 1))
        elif ch == CLOSE:
            marks.append((i, "close", 1))
        elif ch == STRAIGHT:
            spaced = (i == 0 or text[i - 1].isspace()) and (i + 1 == len(text) or text[i + 1].isspace())
            marks.append((i, "spaced" if spaced else "straight", 1))
        i += 1
    return marks


def _para_end(body: str, offset: int) -> int:
    end = body.find("\n", offset)
    return len(body) if end == -1 else end


def _merge_continued(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop the provisional end of a quote that a later span with the same start extends."""
    best: dict[int, int] = {}
    for start, end in spans:
        best[start] = max(end, best.get(start, 0))
    return sorted(best.items())


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))

"""Time expressions as TimeML TIMEX3 (extent, type, value), for scoring against TimeML corpora.

Baseline adapter over ``find_time_expressions``: every find is a DATE whose value is its interval at its precision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from detente.dating.expressions import TimeSpan, find_time_expressions

FUTURE = re.compile(r"\b(will|expected to|scheduled to|is set to|are set to|plans? to|is due to|are due to)\b")
SENTENCE = re.compile(r"[^\n.!?]+(?:[.!?]+|$)", re.M)


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str


def _value(span: TimeSpan) -> str:
    if span.precision == "day":
        return span.start.isoformat()
    if span.precision == "month":
        return span.start.strftime("%Y-%m")
    if span.precision == "year":
        return str(span.start.year)
    if span.end - span.start == timedelta(days=6) and span.start.weekday() == 0:
        year, week, _ = span.start.isocalendar()
        return f"{year}-W{week:02d}"
    if (span.start.year, span.start.month) == (span.end.year, span.end.month):
        return span.start.strftime("%Y-%m")
    if span.start.year == span.end.year:
        return str(span.start.year)
    return span.start.isoformat()


def tag_text(text: str, dct: date) -> list[Timex]:
    out = []
    for match in SENTENCE.finditer(text):
        sentence = match.group(0)
        for span in find_time_expressions(sentence, (dct, dct), bool(FUTURE.search(sentence)), offset=match.start()):
            out.append(Timex(span.char_start, span.char_end, text[span.char_start : span.char_end], "DATE", _value(span)))
    return out

"""Narrow a short publication range with the article's own weekday references: news tells a compact week.

"Albanese on Monday became the first ... to visit Beijing", "he attended the expo on Sunday", "On Tuesday, Albanese
is due to hold talks": published some day between Monday 6 and Sunday 12 November, the story's weekdays land within
two days of each other only if it was written on the Monday or the Tuesday; from the Wednesday on, "on Tuesday"
(ahead) would be a week later and the story would span nine days. Of the candidate days we keep those that make the
referenced days most compact. Used only when the range is already short (two weeks at most), where it refines a
guess rather than makes one; events are then dated against the narrowed range, and ``pubdate`` may use the same
function to tighten ``pub_date_range`` (it is not called from there: pubdate.py belongs to the issue-4 work).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from detente.dating.expressions import find_time_expressions

WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
MAX_RANGE_DAYS = 13


def compact_window(sentences: list[tuple[str, bool]], pub_range: tuple[date, date]) -> tuple[tuple[date, date], str | None]:
    """(narrowed range, why) from (sentence, future tense) pairs; the range itself and None when nothing narrows it."""
    lo, hi = pub_range
    if not 0 < (hi - lo).days <= MAX_RANGE_DAYS:
        return pub_range, None
    with_days = [(s, future) for s, future in sentences if WEEKDAY.search(s)]
    if len(with_days) < 2:
        return pub_range, None
    spans: dict[date, int] = {}
    for offset in range((hi - lo).days + 1):
        day = lo + timedelta(days=offset)
        referenced = [t.start for s, future in with_days for t in find_time_expressions(s, (day, day), future)
                      if t.relative and t.precision == "day" and WEEKDAY.search(t.text)]
        if len(referenced) < 2:
            return pub_range, None
        spans[day] = (max([*referenced, day]) - min([*referenced, day])).days
    best = min(spans.values())
    keep = sorted(d for d, span in spans.items() if span == best)
    if (keep[0], keep[-1]) == (lo, hi):
        return pub_range, None
    return (keep[0], keep[-1]), f"weekday references most compact if published {keep[0]}..{keep[-1]} ({best} days)"

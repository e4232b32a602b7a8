"""Publication-date feedback from events: a relative day reference plus the event's known date bounds publication.

An undated article says "Biden and Kishida met at the White House on Wednesday"; another article (or a dated event of
the same article) puts that meeting on 2024-04-10. News names a past day by its weekday only within the week after
it, and a coming day within the week before it, so publication lies in [day, day + 6] (past) or [day - 6, day]
(future); "yesterday", "today" and "tomorrow" pin the day itself. Intersecting the bounds of several such mentions
("met on Wednesday", "will speak on Thursday") narrows the range to a day or two.

This is separate from ``pubdate.infer_pub_range`` (which reads one article's text alone): it needs the dates other
articles give the same event, so it runs after events are linked across articles (see ``tighten_pub_range``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.I)
DAY_WORDS = {"yesterday": 1, "today": 0, "tonight": 0, "tomorrow": -1}


@dataclass(frozen=True)
class DatedMention:
    """An event mention of an undated article: the words that dated it relatively, and the day known from elsewhere."""

    basis: str  # e.g. "'on Wednesday' relative to publication date"
    future: bool  # planned ("will speak on Thursday") rather than past
    known_day: date  # the event's day from a dated article or an absolute expression


def bounds_for(mention: DatedMention) -> tuple[date, date] | None:
    """Publication bounds implied by one mention, or None when its words do not tie it to publication."""
    words = mention.basis.lower()
    for word, offset in DAY_WORDS.items():
        if re.search(rf"\b{word}\b", words):
            day = mention.known_day + timedelta(days=offset)
            return day, day
    if WEEKDAY.search(mention.basis):
        day = mention.known_day
        if mention.future:
            return day - timedelta(days=6), day  # "will speak on Thursday" can be written on Thursday morning
        return day, day + timedelta(days=6)
    return None


def tighten_pub_range(current: tuple[date, date], mentions: list[DatedMention]) -> tuple[tuple[date, date], list[str]]:
    """The current range intersected with every mention's bounds; an empty intersection leaves it unchanged."""
    lo, hi = current
    why: list[str] = []
    for mention in mentions:
        bounds = bounds_for(mention)
        if bounds is None:
            continue
        new_lo, new_hi = max(lo, bounds[0]), min(hi, bounds[1])
        if new_lo > new_hi:
            continue  # conflicting evidence: keep what we had
        if (new_lo, new_hi) != (lo, hi):
            why.append(f"{mention.basis} = {mention.known_day}")
        lo, hi = new_lo, new_hi
    return (lo, hi), why

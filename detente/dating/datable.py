"""Bounds on a publication date from well-known meetings named in the text (``data/datable_events.tsv``).

"his summit with US President Joe Biden in San Francisco last month" names a meeting
whose dates are known; "last month" then puts publication in the month after it.
A sentence must name the meeting (a keyword) and its place, and the match must be
unique within the bounds already known, or it gives nothing.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from detente.tables import load_table, split_multi


@dataclass(frozen=True)
class Datable:
    name: str
    keywords: re.Pattern[str]
    places: re.Pattern[str]
    start: date
    end: date


def _alternation(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)")


@lru_cache(maxsize=1)
def datable_events() -> tuple[Datable, ...]:
    return tuple(
        Datable(row["name"], _alternation(split_multi(row["keywords"])), _alternation(split_multi(row["place"])),
                date.fromisoformat(row["start"]), date.fromisoformat(row["end"]))
        for row in load_table("datable_events.tsv")
    )


YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _month_after(d: date, months: int) -> tuple[date, date]:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, 1), date(year, month + 1, calendar.monthrange(year, month + 1)[1])


@lru_cache(maxsize=1)
def any_keyword() -> re.Pattern[str]:
    """Every meeting's keywords in one pattern: most sentences name none, and one search rules them all out."""
    return _alternation([k for row in load_table("datable_events.tsv") for k in split_multi(row["keywords"])])


def bounds_from_meetings(sentences: list[str], lo: date, hi: date) -> list[tuple[date, date, str]]:
    """(earliest, latest, why) publication bounds implied by meetings the sentences date relative to now."""
    found: list[tuple[date, date, str]] = []
    earliest, latest = lo - timedelta(days=400), hi + timedelta(days=400)
    for sentence in sentences:
        if not any_keyword().search(sentence):
            continue
        matches = [
            m for m in datable_events()
            if earliest <= m.start <= latest and m.keywords.search(sentence) and m.places.search(sentence)
        ]
        if len(matches) != 1:
            continue
        meeting = matches[0]
        lower = sentence.lower()
        why = f"{meeting.name} ({meeting.start}) named: {sentence.strip()[:70]}…"
        if "last month" in lower:
            found.append((*_month_after(meeting.start, 1), why))
        elif "last week" in lower:
            monday = meeting.start - timedelta(days=meeting.start.weekday()) + timedelta(weeks=1)
            found.append((monday, monday + timedelta(days=6), why))
        elif "last year" in lower:
            found.append((date(meeting.start.year + 1, 1, 1), date(meeting.start.year + 1, 12, 31), why))
        elif "next month" in lower:
            found.append((*_month_after(meeting.start, -1), why))
        elif re.search(r"\b(will|to be held|upcoming|ahead of|is expected to|are expected to)\b", lower):
            found.append((meeting.start - timedelta(days=366), meeting.start - timedelta(days=1), why))
        elif re.search(r"\b(last|recent|recently|held|attended|after)\b", lower) and not YEAR.search(sentence):
            # "after the clash in 2020" recalls an old event; only an undated mention reads as recent
            found.append((meeting.end, meeting.end + timedelta(days=366), why))
    return found

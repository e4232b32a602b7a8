"""Small text helpers for scorers: dates as periods, token sets, role and speaker heads."""

from __future__ import annotations

import calendar
import re
from datetime import date

from detente.eval.normalize import norm

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*")

STOPWORDS = frozenset(
    "a an the of at on in for to from with by and or as its his her their our this that who which former late".split()
)
PREPOSITIONS = frozenset("of at on in for to from with by who which".split())


def period(value: str | None, precision: str | None = None) -> tuple[date, date] | None:
    """The first and last day an ISO date string can mean: "2023" is the year, "2023-12" the month.

    `precision` ("month" | "year") widens a full date to what the pipeline says it actually knows.
    """
    if not isinstance(value, str):
        return None
    m = _DATE.match(value.strip())
    if not m:
        return None
    try:
        year = int(m.group(1))
        if m.group(2) is None or precision == "year":
            return date(year, 1, 1), date(year, 12, 31)
        month = int(m.group(2))
        if m.group(3) is None or precision == "month":
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        day = date(year, month, int(m.group(3)))
        return day, day
    except ValueError:
        return None


def tokens(s: str | None) -> list[str]:
    """Casefolded word tokens keeping hyphenated compounds whole ("vice-chairman")."""
    return _TOKEN.findall(norm(s).casefold())


def content(s: str | None) -> set[str]:
    """Tokens minus function words, for Jaccard comparisons of roles and descriptions."""
    return {t for t in tokens(s) if t not in STOPWORDS}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def head_word(s: str | None) -> str | None:
    """Head noun of a role or description: the last content word before the first preposition.

    "Defence Minister" -> "minister", "a researcher from the Chinese Academy..." -> "researcher",
    "a U.S. State Department spokesperson" -> "spokesperson".
    """
    head = None
    for t in tokens(s):
        if t in PREPOSITIONS and head is not None:
            break
        if t not in STOPWORDS:
            head = t
    return head

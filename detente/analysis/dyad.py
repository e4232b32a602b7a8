"""Dyad index: a cooperation–conflict series for a pair of states, each real event counted once.

Events come from articles that are neither copies nor rewrites; mentions of
one real-world event (same ``cluster_id``) count once; only events that
happened enter the score — planned, hypothetical, refused and denied ones are
counted apart so a reader sees them without mistaking them for facts.

An event is counted in the finest period that holds all it is known to cover:
one known only to its year ("in 1979") is counted in 1979, never in 1979's
January, even when the series is by month; that period is then coarser than
the others and says so (:attr:`DyadPeriod.level`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from detente.records import Event

QUADS = ("verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict")
LEVELS = ("month", "quarter", "year")  # periods, finest first
PRECISION_LEVEL = {"month": "month", "year": "year"}  # a date known to this precision fits no finer period
FINEST_FIRST = {"day": 0, "month": 1, "range": 2, "year": 3}


def period_of(iso_date: str, by: str) -> str:
    """The label of the ``by`` period (month, quarter or year) holding a day: 2023-12, 2023-Q4, 2023."""
    year, month = iso_date[:4], int(iso_date[5:7])
    if by == "year":
        return year
    if by == "quarter":
        return f"{year}-Q{(month - 1) // 3 + 1}"
    return f"{year}-{month:02d}"


def event_period(event: Event, by: str) -> str | None:
    """The finest period, no finer than ``by``, that holds the whole event: its dates from start to end and its
    precision. A span over several years gets a label of its own, ``1979/1981``. None when undated."""
    if not event.date_start:
        return None
    start, end = event.date_start, event.date_end or event.date_start
    floor = LEVELS.index(by)
    precision = PRECISION_LEVEL.get(event.date_precision or "")
    if precision:
        floor = max(floor, LEVELS.index(precision))
    for level in LEVELS[floor:]:
        if period_of(start, level) == period_of(end, level):
            return period_of(start, level)
    return f"{start[:4]}/{end[:4]}"


def period_level(period: str) -> str:
    """month | quarter | year | years, read from a period label."""
    if "/" in period:
        return "years"
    if "-Q" in period:
        return "quarter"
    return "year" if len(period) == 4 else "month"


def period_bounds(period: str) -> tuple[date, date]:
    """First and last day of a period label (2023-12, 2023-Q4, 2023, 1979/1981)."""
    if "/" in period:
        first, last = period.split("/")
        return date(int(first), 1, 1), date(int(last), 12, 31)
    year = int(period[:4])
    if "-Q" in period:
        quarter = int(period[-1])
        start = date(year, 3 * quarter - 2, 1)
        end = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
        return start, date.fromordinal(end.toordinal() - 1)
    if len(period) == 4:
        return date(year, 1, 1), date(year, 12, 31)
    month = int(period[5:7])
    end = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return date(year, month, 1), date.fromordinal(end.toordinal() - 1)


def periods_between(first: str, last: str, by: str) -> list[str]:
    """Every ``by`` period label from the one holding ``first`` to the one holding ``last`` (ISO days), in order."""
    labels: list[str] = []
    day = date.fromisoformat(first[:10])
    stop = period_of(last, by)
    while True:
        label = period_of(day.isoformat(), by)
        labels.append(label)
        if label >= stop:
            return labels
        day = date.fromordinal(period_bounds(label)[1].toordinal() + 1)


@dataclass
class DyadPeriod:
    period: str
    goldstein: float = 0.0
    events: int = 0
    quads: dict[str, int] = field(default_factory=lambda: dict.fromkeys(QUADS, 0))
    not_happened: dict[str, int] = field(default_factory=dict)  # planned / hypothetical / ... counts
    event_ids: list[str] = field(default_factory=list)  # the events behind the figures, strongest first

    @property
    def mean(self) -> float:
        return self.goldstein / self.events if self.events else 0.0

    @property
    def level(self) -> str:
        """month | quarter | year | years: coarser than the series when its events are known only that well."""
        return period_level(self.period)


def dyad_index(events: list[Event], a: str, b: str, by: str = "year", excluded_articles: set[str] | None = None) -> list[DyadPeriod]:
    """Periods (sorted; a coarse period before the finer ones it holds) of the events between ``a`` and ``b``."""
    excluded = excluded_articles or set()
    pair = {a.upper(), b.upper()}
    periods: dict[str, DyadPeriod] = {}
    seen_clusters: set[str] = set()
    chosen: list[Event] = []
    # one mention per real-world event: the most precisely dated one
    for event in sorted(events, key=lambda e: (FINEST_FIRST.get(e.date_precision or "", 4), e.date_start or "", e.id)):
        if {event.source, event.target} != pair or event.article_id in excluded or not event.date_start:
            continue
        cluster = event.cluster_id or event.id
        if cluster in seen_clusters:
            continue
        seen_clusters.add(cluster)
        chosen.append(event)
    for event in chosen:
        key = event_period(event, by)
        slot = periods.setdefault(key, DyadPeriod(key))
        if event.status != "happened":
            slot.not_happened[event.status] = slot.not_happened.get(event.status, 0) + 1
            continue
        slot.events += 1
        slot.goldstein += event.goldstein or 0.0
        if event.quad in slot.quads:
            slot.quads[event.quad] += 1
        slot.event_ids.append(event.id)
    by_id = {e.id: e for e in chosen}
    for slot in periods.values():
        slot.event_ids.sort(key=lambda i: -abs(by_id[i].goldstein or 0.0))
    return [periods[k] for k in sorted(periods, key=_sort_key)]


def _sort_key(period: str) -> tuple[str, int]:
    start, end = period_bounds(period)
    return start.isoformat(), -end.toordinal()

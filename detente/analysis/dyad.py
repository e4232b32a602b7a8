"""Dyad index: a cooperation–conflict series for a pair of states, each real event counted once.

Events come from articles that are neither copies nor rewrites; mentions of
one real-world event (same ``cluster_id``) count once; only events that
happened enter the score — planned, hypothetical, refused and denied ones are
counted apart so a reader sees them without mistaking them for facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from detente.records import Event

QUADS = ("verbal-cooperation", "material-cooperation", "verbal-conflict", "material-conflict")


def period_of(iso_date: str, by: str) -> str:
    year, month = iso_date[:4], int(iso_date[5:7])
    if by == "year":
        return year
    if by == "quarter":
        return f"{year}-Q{(month - 1) // 3 + 1}"
    return f"{year}-{month:02d}"


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


def dyad_index(events: list[Event], a: str, b: str, by: str = "year", excluded_articles: set[str] | None = None) -> list[DyadPeriod]:
    """Periods (sorted) of the events between ``a`` and ``b`` in either direction."""
    excluded = excluded_articles or set()
    pair = {a.upper(), b.upper()}
    periods: dict[str, DyadPeriod] = {}
    seen_clusters: set[str] = set()
    chosen: list[Event] = []
    for event in sorted(events, key=lambda e: (e.date_start or "", e.id)):
        if {event.source, event.target} != pair or event.article_id in excluded or not event.date_start:
            continue
        cluster = event.cluster_id or event.id
        if cluster in seen_clusters:
            continue
        seen_clusters.add(cluster)
        chosen.append(event)
    for event in chosen:
        key = period_of(event.date_start, by)
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
    return [periods[k] for k in sorted(periods)]

"""Timelines per dyad and per actor, and the choices a chart needs (main dyads, period size).

A timeline lists each real-world event once (its event cluster), placed at the
date the event happened — not the date of the article — so background history
("the 1979 border war") lands in 1979, flagged as background for the article
that recalls it. Copies and rewrites are left out, as in the dyad index.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from detente.records import Article, Event
from detente.store.queries import is_copy, is_state

BACKGROUND_DAYS = 365  # an event this long before its article's publication is history the article recalls


@dataclass
class TimelineEntry:
    event: Event  # the first report of the event (earliest article in store order)
    background: bool  # recalled history rather than news of the day
    article_ids: list[str] = field(default_factory=list)  # every non-copy article reporting this event

    @property
    def reports(self) -> int:
        return len(self.article_ids)


def is_background(event: Event, article: Article | None) -> bool:
    """True when the event ended well before the article could have been published."""
    if not event.date_start or article is None:
        return False
    published = article.pub_date or article.pub_date_range[0]
    if not published:
        return False
    end = event.date_end or event.date_start
    try:
        return (date.fromisoformat(published[:10]) - date.fromisoformat(end[:10])).days > BACKGROUND_DAYS
    except ValueError:
        return False


def _involves(event: Event, a: str, b: str | None) -> bool:
    sides = {event.source, event.target, event.source_actor, event.target_actor}
    if b is None:
        return a in sides
    return {event.source, event.target} == {a, b}


def timeline(events: list[Event], articles: dict[str, Article], a: str, b: str | None = None) -> list[TimelineEntry]:
    """Dated events of the dyad ``a``–``b`` (or of actor ``a`` alone), one entry per event cluster, oldest first.

    ``articles`` maps id → Article; events of articles that are copies or rewrites are dropped.
    """
    entries: dict[str, TimelineEntry] = {}
    for event in sorted(events, key=lambda e: (e.date_start or "", e.article_id, e.char_start)):
        article = articles.get(event.article_id)
        if not event.date_start or article is None or is_copy(article):
            continue
        if not _involves(event, a, b):
            continue
        key = event.cluster_id or event.id
        entry = entries.get(key)
        if entry is None:
            entries[key] = TimelineEntry(event, is_background(event, article), [event.article_id])
        elif event.article_id not in entry.article_ids:
            entry.article_ids.append(event.article_id)
            entry.background = entry.background and is_background(event, article)
    return sorted(entries.values(), key=lambda t: (t.event.date_start or "", t.event.id))


def main_dyads(events: list[Event], excluded: set[str], limit: int = 6) -> list[tuple[str, str]]:
    """The state pairs with most distinct events (clusters), as sorted ISO3 pairs."""
    clusters: dict[tuple[str, str], set[str]] = defaultdict(set)
    for event in events:
        if event.article_id in excluded or not (is_state(event.source) and is_state(event.target)):
            continue
        if event.source == event.target:
            continue
        pair = tuple(sorted((event.source, event.target)))
        clusters[pair].add(event.cluster_id or event.id)  # type: ignore[index]
    ranked = sorted(clusters.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [pair for pair, _ in ranked[:limit]]


def granularity(events: list[Event], articles: dict[str, Article]) -> str:
    """month | quarter | year: the finest period that still groups the news (background history aside).

    A year of news reads best by month, a few years by quarter, a long record by year.
    """
    years = Counter(
        e.date_start[:4] for e in events if e.date_start and not is_background(e, articles.get(e.article_id))
    )
    if not years:
        return "year"
    span = int(max(years)) - int(min(years))
    if span <= 1:
        return "month"
    if span <= 5:
        return "quarter"
    return "year"

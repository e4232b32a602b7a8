"""Publication-date feedback across articles: an undated article's weekday-dated event, dated to a day elsewhere.

An undated article says "Biden and Kishida met at the White House on Wednesday"; a dated article puts the same
meeting (same pair, same type) on 2024-04-10. News names a past day by its weekday only within the week after it, so
the undated article was published in [2024-04-10, 2024-04-16] (:mod:`detente.dating.feedback` holds that logic; the event's date is decided by
:func:`detente.dating.event_date.decide_event_date`, with the other article's day as its evidence).
This pass runs once an ingest has stored its articles, over the store's undated articles only, and takes the day
only from articles whose own publication date is stated, so no estimate feeds another.
"""

from __future__ import annotations

from datetime import date, timedelta

from detente.dating.event_date import decide_event_date
from detente.dating.expressions import TimeSpan
from detente.dating.feedback import DAY_WORDS, WEEKDAY, DatedMention, tighten_pub_range
from detente.events.clusters import cluster_key
from detente.events.ontology import UNDIRECTED
from detente.store import Store

SLACK = timedelta(days=7)  # a weekday names a day at most a week from publication
RELATIVE = "relative to publication date"  # how an event's date basis says its words were read against publication


def _known_day(store: Store, article_id: str, event: tuple, lo: date, hi: date,
               dated: set[tuple[str, str, str]] | None = None) -> date | None:
    """The one day that dated articles give the same event (same type and pair), if they agree on one."""
    source, target, etype = event
    pairs = [(source, target), (target, source)] if etype in UNDIRECTED else [(source, target)]
    if dated is not None:
        pairs = [(src, tgt) for src, tgt in pairs if (etype, src, tgt) in dated]
    days: set[str] = set()
    for src, tgt in pairs:
        # two days are already one too many: a busy dyad is not scanned to the end
        days.update(store.event_days(article_id, etype, src, tgt, (lo - SLACK).isoformat(), (hi + SLACK).isoformat(),
                                     limit=2))
        if len(days) > 1:
            return None
    return date.fromisoformat(days.pop()) if len(days) == 1 else None


def refine_undated(store: Store) -> int:
    """Tighten the publication range of undated articles from events dated elsewhere; returns how many changed.

    The events that gave the bound take the known day, since they are that event, and so do the article's other
    events dated by the same words."""
    changed = 0
    # one pass, as many keys as pairs and types (not articles): events no dated article shares are not looked up
    dated = store.day_dated_event_keys()
    if not dated:
        return 0
    for article_id, start, end, basis in store.open_pub_ranges():
        lo, hi = date.fromisoformat(start), date.fromisoformat(end)
        mentions: list[tuple[str, DatedMention]] = []
        events = store.pair_events_dated_by(article_id, RELATIVE)
        relative: list[tuple[str, str]] = []  # (event id, the words that dated it)
        for event_id, source, target, etype, status, event_basis in events:
            words = (event_basis or "").split(f" {RELATIVE}")[0]
            if not (WEEKDAY.search(words) or any(w in words.lower() for w in DAY_WORDS)):
                continue
            relative.append((event_id, words))
            day = _known_day(store, article_id, (source, target, etype), lo, hi, dated)
            if day is not None:
                mentions.append((event_id, DatedMention(words, status == "planned", day)))
        if not mentions:
            continue
        (new_lo, new_hi), why = tighten_pub_range((lo, hi), [m for _, m in mentions])
        if (new_lo, new_hi) == (lo, hi):
            continue
        # the same words in the same article name the same day: "on Wednesday" for the meeting and for its deal
        day_of = {m.basis: m.known_day for _, m in mentions}
        mentions += [(event_id, DatedMention(words, False, day_of[words])) for event_id, words in relative
                     if words in day_of and event_id not in {e for e, _ in mentions}]
        with store.transaction():
            store.set_pub_range(article_id, new_lo.isoformat(), new_hi.isoformat(),
                                f"{basis}; same event dated in another article: " + "; ".join(why))
            for event_id, mention in mentions:
                [event] = store.events("WHERE id = ?", (event_id,))
                day = mention.known_day
                when, _ = decide_event_date(TimeSpan(day, day, "day", mention.basis), event.status, (new_lo, new_hi),
                                            evidence="another article")
                store.set_event_date(  # the cluster follows the date: it is now the other article's event's cluster
                    event_id, start=when.start, end=when.end, precision=when.precision,
                    cluster_id=cluster_key(event.source, event.target, event.type, event.status, when.start,
                                           when.precision),
                    basis=f"{mention.basis} = the day another article gives this event")
        changed += 1
    return changed

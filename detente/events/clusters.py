"""One real event, many mentions: merge repeated mentions within an article and link them across articles.

An article names the same visit in its lead ("Xi's two-day state visit from Tuesday"), again in the middle
("during Xi's visit") and in its analysis ("Xi's visit has opened a new window"). Mentions with the same type and
mode, the same dyad (either way for undirected types), the same status and compatible dates are one event: we keep
the mention with the most precise date. Undated conflict mentions with different triggers stay apart (an undated
"rammed" is not the dated "water cannon" of the same day: incidents come in series). A date taken only from the publication date is weak: it says "on or before
publication" and is compatible with any earlier date. ``cluster_key`` gives every mention of one real event the same
id from its dyad, type and period alone, so articles link without a corpus pass.
"""

from __future__ import annotations

import hashlib
from datetime import date

from detente.dating.event_date import PUBLICATION_BASIS as WEAK_BASIS
from detente.events.ontology import UNDIRECTED
from detente.records import Event


def cluster_key(source: str, target: str, etype: str, status: str, date_start: str | None, precision: str | None) -> str | None:
    """Mentions of one real-world event share this id: same dyad (either way), type, status and period.

    The period is the year for events dated to a year (background history) and the month otherwise, so
    two reports of one visit dated "on Tuesday" and "this week" meet; distinct meetings of the same pair
    in one month are merged too, a known limit.
    """
    if not date_start:
        return None
    period = date_start[:4] if precision == "year" else date_start[:7]
    key = "|".join([*sorted((source, target)), etype, status, period])
    return "cluster:" + hashlib.sha1(key.encode()).hexdigest()[:12]


def _weak(event: Event) -> bool:
    return event.date_start is None or (event.date_basis or "").startswith(WEAK_BASIS)


def _interval(event: Event) -> tuple[date, date] | None:
    if event.date_start is None:
        return None
    return date.fromisoformat(event.date_start), date.fromisoformat(event.date_end or event.date_start)


def _width(event: Event) -> int:
    span = _interval(event)
    return 10**6 if span is None or _weak(event) else (span[1] - span[0]).days


def _same_kind(a: Event, b: Event) -> bool:
    if (a.type, a.mode, a.status) != (b.type, b.mode, b.status):
        return False
    if a.type in UNDIRECTED:
        return {a.source, a.target} == {b.source, b.target}
    return (a.source, a.target) == (b.source, b.target)


def _compatible(a: Event, b: Event) -> bool:
    """Dates that can describe one event: overlapping, or one weak and not after the other's end."""
    ia, ib = _interval(a), _interval(b)
    if (ia is None) != (ib is None) and (a.date_precision == "year" or b.date_precision == "year"):
        return False  # an undated mention of today's news is not the background event of a given year ("a 1996 agreement")
    if ia is None or ib is None:
        return a.mode is not None or a.trigger.lower() == b.trigger.lower() or not (a.quad or "").endswith("conflict")
    if (_weak(a) and b.date_precision == "year" and not _weak(b)) or (_weak(b) and a.date_precision == "year" and not _weak(a)):
        return a.date_start[:4] == b.date_start[:4]  # "a treaty signed in 1960" is not this week's agreement
    if _weak(a) or _weak(b):
        if a.mode is None and a.trigger.lower() != b.trigger.lower() and (a.quad or "").endswith("conflict"):
            return False  # an undated "rammed" is not the dated "water cannon" of the same day
        weak, strong = (ia, ib) if _weak(a) else (ib, ia)
        return strong[0] <= weak[1] if not (_weak(a) and _weak(b)) else True
    return ia[0] <= ib[1] and ib[0] <= ia[1]


def merge_mentions(events: list[Event], distinct: frozenset[str] = frozenset()) -> list[Event]:
    """Keep one mention per real event of the article: the best-dated one, in article order.

    ``distinct``: ids of mentions that announce a further event of the same kind ("also agreed to ..."), which start
    a group of their own rather than repeat an earlier one.
    """
    groups: list[list[Event]] = []
    for event in events:
        for group in ([] if event.id in distinct else groups):
            if all(_same_kind(event, other) and _compatible(event, other) for other in group):
                group.append(event)
                break
        else:
            groups.append([event])
    kept = [min(group, key=lambda e: (_width(e), e.char_start)) for group in groups]
    return sorted(kept, key=lambda e: (e.sentence_index, e.char_start))

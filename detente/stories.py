"""Stories: articles about the same real-world development, grouped.

Two articles belong to one story when one is a copy or rewrite of the other,
or when they are about the same pair of states, their publication ranges are
compatible, and either both are dated closely (single-link within a window) or
they name at least two of the same people (undated articles are grouped by who
they are about).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta

from detente.records import Story

WINDOW_DAYS = 75


@dataclass
class StoryInput:
    article_id: str
    title: str | None
    pair: tuple[str, ...]  # the article's main dyad, sorted ISO3 codes
    when: date | None  # middle of the publication range
    original: str | None  # duplicate_of or derivative_of
    events: int = 0
    span: tuple[date, date] | None = None  # the publication range
    persons: frozenset[str] = frozenset()


NARROW_DAYS = 31


def _same_story(a: StoryInput, b: StoryInput, window_days: int) -> bool:
    slack = timedelta(days=window_days)
    if a.span and b.span and (a.span[0] - slack > b.span[1] or b.span[0] - slack > a.span[1]):
        return False  # publication ranges too far apart
    narrow = all(x.span and (x.span[1] - x.span[0]).days <= NARROW_DAYS for x in (a, b))
    if narrow and a.when and b.when and abs((a.when - b.when).days) <= window_days:
        return True
    return len(a.persons & b.persons) >= 2


def cluster_stories(items: list[StoryInput], window_days: int = WINDOW_DAYS) -> list[Story]:
    parent = {i.article_id: i.article_id for i in items}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for item in items:
        if item.original and item.original in parent:
            union(item.article_id, item.original)
    by_pair: dict[tuple[str, ...], list[StoryInput]] = {}
    for item in items:
        if len(item.pair) == 2:
            by_pair.setdefault(item.pair, []).append(item)
    for group in by_pair.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if _same_story(a, b, window_days):
                    union(a.article_id, b.article_id)
    members: dict[str, list[StoryInput]] = {}
    for item in items:
        members.setdefault(find(item.article_id), []).append(item)
    stories = []
    for root, group in members.items():
        dates = sorted(i.when for i in group if i.when and i.span and (i.span[1] - i.span[0]).days <= NARROW_DAYS)
        pairs = sorted({"-".join(i.pair) for i in group if len(i.pair) == 2})
        lead = max(group, key=lambda i: (i.events, i.title is not None))
        label_date = dates[0].strftime("%b %Y") if dates else "undated"
        label = f"{' / '.join(pairs) or 'no dyad'}, {label_date}: {lead.title or 'untitled'}"
        story_id = "story:" + hashlib.sha1(root.encode()).hexdigest()[:12]
        stories.append(
            Story(
                id=story_id,
                label=label,
                article_ids=[i.article_id for i in group],
                date_range=[dates[0].isoformat(), dates[-1].isoformat()] if dates else [None, None],
                dyads=pairs,
            )
        )
    return stories

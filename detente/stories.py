"""Stories: articles about the same real-world development, grouped.

Two articles belong to one story when they are about the same pair of states
and their publication dates lie close together (single-link within a
window), or when one is a copy or rewrite of the other.
"""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass
from datetime import date

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
        if len(item.pair) == 2 and item.when:
            by_pair.setdefault(item.pair, []).append(item)
    for group in by_pair.values():
        group.sort(key=lambda i: i.when)
        for a, b in itertools.pairwise(group):
            if (b.when - a.when).days <= window_days:
                union(a.article_id, b.article_id)
    members: dict[str, list[StoryInput]] = {}
    for item in items:
        members.setdefault(find(item.article_id), []).append(item)
    stories = []
    for root, group in members.items():
        dates = sorted(i.when for i in group if i.when)
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

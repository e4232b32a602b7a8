"""Place newly stored articles in stories (the store-facing half of :mod:`detente.stories`).

The open store's stories are held in a :class:`~detente.stories.StoryIndex`, loaded once from the articles already
placed, then kept up to date; each run places only the articles in no story yet and rewrites only the stories
they touched, so adding articles never regroups the corpus.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping

from detente.store import Store
from detente.stories import StoryIndex, StoryInput, headline_states, originals_first, story_input

_INDEXES: weakref.WeakKeyDictionary[Store, StoryIndex] = weakref.WeakKeyDictionary()


def read_story_input(store: Store, row: Mapping) -> StoryInput:
    """One stored article's story features, from its row and what the store holds about it."""
    article_id = row["id"]
    named = store.state_mention_codes(article_id)
    return story_input(row, store.event_outlines(article_id), store.person_ids(article_id),
                       store.most_mentioned_acting_states(article_id, 2), [text for text, _ in named],
                       headline_states(row["title"], named))


def _index(store: Store) -> StoryIndex:
    """The open store's stories, loaded once (articles already placed), then kept up to date."""
    if store not in _INDEXES:
        index = StoryIndex()
        for row in store.placed_articles():  # streamed: a stored corpus is never held as rows
            index.restore(read_story_input(store, row), row["story_id"])
        _INDEXES[store] = index
    return _INDEXES[store]


def link_stories(store: Store) -> int:
    """Place the articles that have no story yet (the ones just added), merging stories they bridge; only
    touched stories are rewritten. Returns how many articles were placed.

    The new articles are streamed from the store in insertion order; one whose original is new too and not yet
    placed waits until the rest are in, so the copy link is always seen (single-link grouping does not depend
    on the order otherwise)."""
    index = _index(store)
    # stored articles that were just linked to one of the new ones (a rewrite whose original arrived later)
    linked: dict[str, list[str]] = {}
    for copy, original in store.placed_rewrites_of_unplaced():
        linked.setdefault(original, []).append(copy)
    touched: set[str] = set()
    removed: set[str] = set()
    waiting: list[StoryInput] = []
    placed = 0

    def place(item: StoryInput) -> None:
        story_id, merged = index.add(item, linked.get(item.article_id, ()))
        removed.update(merged)
        touched.difference_update(merged)
        touched.add(story_id)

    for row in store.unplaced_articles():
        item = read_story_input(store, row)
        placed += 1
        if item.original and item.original not in index.story_of and store.is_unplaced(item.original):
            waiting.append(item)
        else:
            place(item)
    for item in originals_first(waiting):
        place(item)
    if placed:
        removed -= touched
        store.save_stories((index.story(s) for s in sorted(touched)), sorted(removed))
    return placed


def rebuild_stories(store: Store) -> None:
    """Recompute every story from scratch (after a change of rules; ingest never needs it)."""
    _INDEXES.pop(store, None)
    store.replace_stories([])
    link_stories(store)

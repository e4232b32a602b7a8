"""Store rows as export records: plain dicts with ``record`` and the field names of docs/design.md."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict

from detente.store import Store


def iter_records(store: Store) -> Iterator[dict]:
    """article, event, quote, actor and story records, in that order; streams, one table at a time."""
    for article in store.articles():
        yield {"record": "article", **asdict(article)}
    for event in store.events():
        yield {"record": "event", **asdict(event)}
    for quote in store.quotes():
        yield {"record": "quote", **asdict(quote)}
    seen = store.actor_articles()
    for actor in store.actors():
        spells = seen.get(actor.id, [])
        yield {
            "record": "actor",
            **asdict(actor),
            "article_ids": [aid for aid, _ in spells],
            "roles": [{"role": role, "article_id": aid, "date": None} for aid, role in spells if role],
        }
    for story in store.stories():
        yield {"record": "story", **asdict(story)}

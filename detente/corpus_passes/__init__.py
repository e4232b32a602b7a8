"""Passes over the whole stored corpus: what no single article can decide alone.

- :mod:`~detente.corpus_passes.links`: copies and rewrites, tied to their originals inside each batch's write
  transaction (a copy before the batch is written, a rewrite after, since its link may point either way);
- :mod:`~detente.corpus_passes.stories`: new articles placed in stories;
- :mod:`~detente.corpus_passes.dates`: undated articles dated by the days other articles give the same event.

The last two run once an ingest has stored its batches (:func:`finish_corpus_passes`). Each pass reads and writes
only through :class:`~detente.store.Store` methods; what it decides comes from pure functions beside the stage it
belongs to (:mod:`detente.dedup`, :mod:`detente.stories`, :mod:`detente.dating.feedback`).
"""

from __future__ import annotations

from detente.corpus_passes.dates import refine_undated
from detente.corpus_passes.links import fact_index, forget_indexes, link_copies, link_derivatives
from detente.corpus_passes.stories import link_stories
from detente.store import Store


def finish_corpus_passes(store: Store) -> bool:
    """Place unplaced articles in stories, then date undated articles from events dated elsewhere, when a stored
    batch (of this run or an interrupted one) left them owed; one transaction, so an interruption here leaves them
    owed still. Returns whether they ran."""
    if not store.corpus_passes_due():
        return False
    with store.transaction():
        if not store.corpus_passes_due():  # another ingest finished them while this one waited for the lock
            return False
        link_stories(store)
        refine_undated(store)  # undated articles' weekday-dated events, dated to a day by other articles
        store.corpus_passes_done()
    return True


__all__ = ["fact_index", "finish_corpus_passes", "forget_indexes", "link_copies", "link_derivatives", "link_stories",
           "refine_undated"]

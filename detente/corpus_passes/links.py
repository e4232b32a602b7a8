"""Tie copies and rewrites to their originals as a batch is stored (the store-facing half of :mod:`detente.dedup`).

Copies are decided before the batch is written (their signatures go in the same transaction); rewrites are
looked for after it, among LSH candidates only, because their link may point either way (an original can
arrive after its rewrite). The indexes are built once per open store and kept up to date, so adding articles
never rescans the corpus.
"""

from __future__ import annotations

import hashlib
import weakref
from datetime import date

from detente.dedup.derivative import THRESHOLD, DerivativeEvidence, Side, derivative_score, direction
from detente.dedup.near import FactIndex, NearDuplicateIndex, facts, from_bytes, minhash_of, to_bytes
from detente.records import Analysis, article_id_for
from detente.store import Store

DATE_SLACK_DAYS = 45  # a rewrite appears within weeks of its original

_INDEX: weakref.WeakKeyDictionary[Store, NearDuplicateIndex] = weakref.WeakKeyDictionary()
_FACTS: weakref.WeakKeyDictionary[Store, FactIndex] = weakref.WeakKeyDictionary()


def near_index(store: Store) -> NearDuplicateIndex:
    """The LSH index of an open store, loaded once from the stored signatures, then kept up to date."""
    if store not in _INDEX:
        index = NearDuplicateIndex()
        for article_id, blob in store.signatures():
            index.add(article_id, from_bytes(blob))
        _INDEX[store] = index
    return _INDEX[store]


def forget_indexes(store: Store) -> None:
    """Drop a store's in-memory indexes (after a refused batch) so they are rebuilt from what was stored."""
    _INDEX.pop(store, None)
    _FACTS.pop(store, None)


def fact_index(store: Store) -> FactIndex:
    """LSH over the names and numbers of stored originals, built once per open store, then kept up to date."""
    if store not in _FACTS:
        index = FactIndex()
        for article_id, body in store.original_bodies():
            index.add(article_id, body)
        _FACTS[store] = index
    return _FACTS[store]


def _rekey(analysis: Analysis, new_id: str) -> None:
    """Give an exact copy its own id, keeping child ids unique."""
    analysis.article.id = new_id
    for group in (analysis.sentences, analysis.events, analysis.quotes):
        for item in group:
            item.article_id = new_id
    for item in analysis.events + analysis.quotes:
        item.id = hashlib.sha1(f"{new_id}|{item.id}".encode()).hexdigest()[:16]


def link_copies(store: Store, analyses: list[Analysis]) -> tuple[dict[str, bytes], int]:
    """Mark exact copies (same normalized body) and near copies (LSH over shingles) of stored or earlier
    articles; returns the signatures to store with the batch and how many copies were found."""
    batch_ids: set[str] = set()
    index = near_index(store)
    signatures: dict[str, bytes] = {}
    batch_links: dict[str, str | None] = {}
    copies = 0
    for analysis in analyses:
        article = analysis.article
        if article.id in batch_ids or store.has_article(article.id):
            original = article.id
            _rekey(analysis, article_id_for(article.body, salt=article.raw_hash))
            article.duplicate_of = _root(store, original, batch_links)
            copies += 1
        batch_ids.add(article.id)
        mh = minhash_of(article.body)
        if article.duplicate_of is None:
            hits = [h for h in index.query(mh) if h[0] != article.id]
            if hits:  # two copies of one wire story resemble each other most (same clutter): link to the root
                article.duplicate_of = _root(store, hits[0][0], batch_links)
                copies += 1
        batch_links[article.id] = article.duplicate_of
        index.add(article.id, mh)
        signatures[article.id] = to_bytes(mh)
    return signatures, copies


def _root(store: Store, article_id: str, batch_links: dict[str, str | None]) -> str:
    """The original a copy chain leads to (copies are stored pointing at the root, so one hop suffices)."""
    if article_id in batch_links:
        return batch_links[article_id] or article_id
    return store.duplicate_of(article_id) or article_id


def link_derivatives(store: Store, analyses: list[Analysis]) -> int:
    """Look for rewrites among the stored batch's originals; returns how many links were written.

    The whole batch enters the fact index (its document frequencies) before any article is scored, so a rare name
    weighs the same whatever the article's place in the batch, and a rerun of a rolled-back batch scores as the
    first run did."""
    index = fact_index(store)
    for analysis in analyses:
        if analysis.article.duplicate_of is None:
            index.add(analysis.article.id, analysis.article.body)
    found = 0
    for analysis in analyses:
        if analysis.article.duplicate_of is None and link_derivative(store, analysis.article.id):
            found += 1
    return found


def side(store: Store, article_id: str) -> Side:
    """An article as the derivative scorer sees it, read from the store."""
    article = store.article(article_id)
    assert article is not None, article_id
    body = article.body
    spans = store.sentence_spans(article_id)
    # quoted words are the sign of firsthand reporting; indirect speech is the writer's wording, which a rewrite
    # paraphrases like any other sentence (issue 23 made indirect reports quotes too)
    quotes = store.quoted_words(article_id)
    start, end = article.pub_date_range
    return Side(body, [body[s:e] for s, e in spans], article.byline, quotes, (start, end))


def link_derivative(store: Store, article_id: str) -> bool:
    """Score the stored articles that share names and numbers with this one (LSH candidates, no full scan),
    in both directions, and store the best link whose direction is clear, with its evidence.

    Both directions of a pair are scored: a close paraphrase scores high both ways, and only the asymmetric
    signs (``derivative.direction``: dates, who quotes directly, who holds more, a farm's cues) tell the copy
    from the original. A pair whose direction stays undecided is not linked: a link pointing the wrong way is
    worse than none."""
    index = fact_index(store)
    article = store.article(article_id)
    assert article is not None, article_id
    body, linked = article.body, article.derivative_of
    index.add(article_id, body)
    if linked:  # already tied, as the copy, to an article earlier in the same batch
        return False
    candidates = [c for c in index.candidates(body) if c != article_id]
    if not candidates:
        return False
    mine = side(store, article_id)
    best: tuple[DerivativeEvidence, str, str, Side, Side] | None = None  # (evidence, copy, original, sides)
    for other_id in store.unlinked_originals(candidates):
        other = side(store, other_id)
        if not _dates_close(mine.date_range, other.date_range):
            continue
        forward = derivative_score(mine, other, facts, index.idf)
        if forward.score < THRESHOLD and derivative_score(other, mine, facts, index.idf).score < THRESHOLD:
            continue
        forward = derivative_score(mine, other, facts, index.idf, align=True)  # every aligned pair, for direction
        sign, why = direction(mine, other, forward, facts)
        if sign == 0:
            continue
        copy, original, c_side, o_side = ((article_id, other_id, mine, other) if sign > 0
                                          else (other_id, article_id, other, mine))
        evidence = forward if sign > 0 else derivative_score(other, mine, facts, index.idf, align=True)
        if evidence.score < THRESHOLD:
            continue
        evidence.reasons += [f"direction: {w}" for w in why]
        if best is None or evidence.score > best[0].score:
            best = (evidence, copy, original, c_side, o_side)
    if best is None:
        return False
    evidence, copy, original, c_side, o_side = best
    if not evidence.aligned:  # decided without the encoder: align the sentences once, for the evidence
        evidence = derivative_score(c_side, o_side, facts, index.idf, align=True)
    store.set_article_links(copy, derivative_of=original, derivative_score=evidence.score,
                            derivative_evidence=evidence.as_json(c_side, o_side))
    return True


def _dates_close(a: tuple[str | None, str | None], b: tuple[str | None, str | None], days: int = DATE_SLACK_DAYS) -> bool:
    if not (a[0] and a[1] and b[0] and b[1]):
        return True
    lo_a, hi_a, lo_b, hi_b = (date.fromisoformat(x) for x in (a[0], a[1], b[0], b[1]))
    return (lo_b - hi_a).days <= days and (lo_a - hi_b).days <= days

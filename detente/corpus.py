"""Ingest a corpus into a store: read, analyse in batches, store, then link copies, rewrites and stories.

This is the only place that sequences the stages over many documents; the
stages themselves are pure functions in their own modules.
"""

from __future__ import annotations

import hashlib
import os
import signal
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from detente.dedup import NearDuplicateIndex, derivative_score, minhash_of
from detente.dedup.near import FactIndex, from_bytes, to_bytes
from detente.ingest import DEFAULT_MAX_BYTES, IngestError, iter_documents
from detente.nlp import load_nlp
from detente.pipeline import analyze_parsed, article_id_for, parse_captions, prepare
from detente.records import Analysis, RawDocument
from detente.scale.ray_engine import CHUNK
from detente.store import Store
from detente.stories import StoryInput, cluster_stories

DERIVATIVE_THRESHOLD = 0.6


@dataclass
class IngestReport:
    added: int = 0
    skipped: int = 0  # already in the store (same raw bytes)
    duplicates: int = 0
    derivatives: int = 0
    errors: list[IngestError] = field(default_factory=list)


Progress = Callable[[str, str], None]  # (event, source): "read" | "skip" | "error" | "stored"


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    *,
    batch_size: int = 32,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    engine: str = "local",
    ray_address: str | None = None,
) -> IngestReport:
    """Read ``paths`` into ``store``; re-ingesting the same inputs adds nothing.

    ``engine="ray"`` analyses on Ray Data (a local cluster, or ``ray_address``); the store is written here either way.
    """
    report = IngestReport()
    notify = progress or (lambda event, source: None)
    process = _process_batch
    if engine == "ray":
        from detente.scale.ray_engine import init_ray

        cpus = init_ray(ray_address, None)
        batch_size = max(batch_size, 8)
        process = _ray_processor(cpus)
    elif engine != "local":
        raise ValueError(f"unknown engine {engine!r}: use local or ray")
    pending: list[RawDocument] = []
    seen_raw: set[str] = set()
    for item in iter_documents(paths, max_bytes=max_bytes):
        if isinstance(item, IngestError):
            report.errors.append(item)
            notify("error", str(item))
            continue
        if item.raw_hash in seen_raw or store.has_raw(item.raw_hash):
            report.skipped += 1
            notify("skip", item.source)
            continue
        seen_raw.add(item.raw_hash)
        pending.append(item)
        if len(pending) >= (batch_size if engine == "local" else CHUNK):
            process(store, pending, report, notify, batch_size)
            pending = []
    if pending:
        process(store, pending, report, notify, batch_size)
    if report.added:
        link_stories(store)
    return report


def analyse_documents(
    raws: list[RawDocument], report: IngestReport, notify: Progress, batch_size: int = 32
) -> list[Analysis]:
    """Clean, parse and analyse a batch; a document that fails is reported and left out, never raised."""
    nlp = load_nlp()
    prepared = []
    for raw in raws:
        try:
            item = prepare(raw)
        except Exception as exc:  # a cleaner bug must not stop the run: report it against the file
            _fail(report, notify, raw.source, f"could not be cleaned ({exc.__class__.__name__}: {exc})")
            continue
        if len(item.cleaned.body.split()) < 5:
            _fail(report, notify, raw.source, "no article text found (empty after removing page furniture)")
            continue
        if len(item.cleaned.body) >= nlp.max_length:
            _fail(report, notify, raw.source, f"article body of {len(item.cleaned.body)} characters is too long to parse")
            continue
        prepared.append(item)
    analyses = []
    parse_captions(nlp, prepared, batch_size)
    docs = nlp.pipe([p.cleaned.body for p in prepared], batch_size=batch_size)
    for item, doc in zip(prepared, docs, strict=True):
        try:
            with time_limit(ARTICLE_SECONDS):
                analyses.append(analyze_parsed(item, doc))
        except ArticleTimeout:
            _fail(report, notify, item.raw.source, f"analysis took over {ARTICLE_SECONDS:g} s and was skipped")
        except Exception as exc:
            _fail(report, notify, item.raw.source, f"analysis failed ({exc.__class__.__name__}: {exc})")
    return analyses


ARTICLE_SECONDS = float(os.environ.get("DETENTE_ARTICLE_SECONDS", "60"))


class ArticleTimeout(Exception):
    pass


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Abort the stages after the parse for one article that runs too long (main thread only: signals)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise ArticleTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _ray_processor(cpus: int):
    def process(store: Store, raws: list[RawDocument], report: IngestReport, notify: Progress, batch_size: int) -> None:
        from detente.scale.ray_engine import analyse_on_ray

        analyses: list[Analysis] = []
        for source, analysis, error in analyse_on_ray(raws, num_actors=max(1, cpus), batch_size=batch_size):
            if analysis is None:
                _fail(report, notify, source, error or "analysis failed")
                continue
            analyses.append(analysis)
            if len(analyses) >= batch_size:  # store while the actors go on with the rest of the chunk
                store_analyses(store, analyses, report, notify)
                analyses = []
        if analyses:
            store_analyses(store, analyses, report, notify)

    return process


def _fail(report: IngestReport, notify: Progress, source: str, reason: str) -> None:
    error = IngestError(source, reason)
    report.errors.append(error)
    notify("error", str(error))


def _rekey(analysis: Analysis, new_id: str) -> None:
    """Give an exact copy its own id, keeping child ids unique."""
    analysis.article.id = new_id
    for group in (analysis.sentences, analysis.events, analysis.quotes):
        for item in group:
            item.article_id = new_id
    for item in analysis.events + analysis.quotes:
        item.id = hashlib.sha1(f"{new_id}|{item.id}".encode()).hexdigest()[:16]


def _process_batch(store: Store, raws: list[RawDocument], report: IngestReport, notify: Progress, batch_size: int) -> None:
    store_analyses(store, analyse_documents(raws, report, notify, batch_size), report, notify)


def store_analyses(store: Store, analyses: list[Analysis], report: IngestReport, notify: Progress) -> None:
    """The single writer: decide copy links, store the batch with its signatures in one transaction, then
    look for rewrites (whose links may point either way)."""
    batch_ids: set[str] = set()
    index = _near_index(store)
    signatures: dict[str, bytes] = {}
    for analysis in analyses:
        article = analysis.article
        if article.id in batch_ids or store.has_article(article.id):
            original = article.id
            _rekey(analysis, article_id_for(article.body, salt=article.raw_hash))
            analysis.article.duplicate_of = original
            report.duplicates += 1
        batch_ids.add(analysis.article.id)
        mh = minhash_of(article.body)
        if article.duplicate_of is None:
            hits = [h for h in index.query(mh) if h[0] != article.id]
            if hits:
                article.duplicate_of = hits[0][0]
                report.duplicates += 1
        index.add(article.id, mh)
        signatures[article.id] = to_bytes(mh)
    report.added += store.add_analyses(analyses, signatures)
    for analysis in analyses:
        if analysis.article.duplicate_of is None:
            _link_derivative(store, analysis, report)
        notify("stored", analysis.article.source)


_INDEX: weakref.WeakKeyDictionary[Store, NearDuplicateIndex] = weakref.WeakKeyDictionary()


def _near_index(store: Store) -> NearDuplicateIndex:
    """The LSH index of an open store, loaded once from the stored signatures, then kept up to date."""
    if store not in _INDEX:
        index = NearDuplicateIndex()
        for article_id, blob in store.signatures():
            index.add(article_id, from_bytes(blob))
        _INDEX[store] = index
    return _INDEX[store]


_FACTS: weakref.WeakKeyDictionary[Store, FactIndex] = weakref.WeakKeyDictionary()


def _fact_index(store: Store) -> FactIndex:
    """LSH over the names and numbers of stored originals, built once per open store, then kept up to date."""
    if store not in _FACTS:
        index = FactIndex()
        for row in store.conn.execute("SELECT id, body FROM articles WHERE duplicate_of IS NULL"):
            index.add(row[0], row[1])
        _FACTS[store] = index
    return _FACTS[store]


def _link_derivative(store: Store, analysis: Analysis, report: IngestReport) -> None:
    """Score the stored articles that share names and numbers with this one (LSH candidates, no full scan)."""
    article = analysis.article
    index = _fact_index(store)
    candidates = [c for c in index.candidates(article.body) if c != article.id]
    index.add(article.id, article.body)
    if not candidates:
        return
    marks = ",".join("?" * len(candidates))
    rows = store.conn.execute(
        f"""SELECT a.id, a.body, a.byline, a.pub_date_start, a.pub_date_end,
                   (SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id) AS quotes
            FROM articles a WHERE a.id IN ({marks}) AND a.duplicate_of IS NULL AND a.derivative_of IS NULL""",
        candidates,
    ).fetchall()
    own_quotes = len(analysis.quotes)
    best: tuple[float, str, str, list[str]] | None = None  # (score, copy id, original id, reasons)
    for row in rows:
        if not _dates_close(article.pub_date_range, [row["pub_date_start"], row["pub_date_end"]]):
            continue
        forward = derivative_score(article.body, row["body"], own_quotes, bool(article.byline))
        backward = derivative_score(row["body"], article.body, row["quotes"], bool(row["byline"]))
        if forward.score >= backward.score:
            candidate = (forward.score, article.id, row["id"], forward.reasons)
        else:
            candidate = (backward.score, row["id"], article.id, backward.reasons)
        if candidate[0] >= DERIVATIVE_THRESHOLD and (best is None or candidate[0] > best[0]):
            best = candidate
    if best is not None:
        score, copy, original, reasons = best
        store.set_article_links(copy, derivative_of=original, derivative_score=score, derivative_evidence=reasons)
        report.derivatives += 1


def _dates_close(a: list[str | None], b: list[str | None], days: int = 45) -> bool:
    if not (a[0] and a[1] and b[0] and b[1]):
        return True
    lo_a, hi_a, lo_b, hi_b = (date.fromisoformat(x) for x in (a[0], a[1], b[0], b[1]))
    return (lo_b - hi_a).days <= days and (lo_a - hi_b).days <= days


def link_stories(store: Store) -> None:
    """Recompute story membership from dyads, dates and copy links."""
    items: list[StoryInput] = []
    for row in store.conn.execute(
        "SELECT id, title, pub_date_start, pub_date_end, duplicate_of, derivative_of FROM articles ORDER BY rowid"
    ).fetchall():
        pair = _main_pair(store, row["id"])
        when = span = None
        if row["pub_date_start"] and row["pub_date_end"]:
            lo, hi = date.fromisoformat(row["pub_date_start"]), date.fromisoformat(row["pub_date_end"])
            when, span = lo + (hi - lo) / 2, (lo, hi)
        n_events = store.conn.execute("SELECT COUNT(*) FROM events WHERE article_id = ?", (row["id"],)).fetchone()[0]
        persons = frozenset(r[0] for r in store.conn.execute(
            "SELECT x.actor_id FROM article_actors x JOIN actors a ON a.id = x.actor_id WHERE x.article_id = ? AND a.kind = 'person'",
            (row["id"],)))
        items.append(StoryInput(row["id"], row["title"], pair, when, row["duplicate_of"] or row["derivative_of"], n_events,
                                span, persons))
    store.replace_stories(cluster_stories(items))


def _main_pair(store: Store, article_id: str) -> tuple[str, ...]:
    rows = store.conn.execute(
        """SELECT m.actor_id, COUNT(*) AS n FROM mentions m JOIN article_actors x
             ON x.article_id = m.article_id AND x.actor_id = m.actor_id AND x.acting = 1
           JOIN actors a ON a.id = m.actor_id AND a.kind = 'state'
           WHERE m.article_id = ? GROUP BY m.actor_id ORDER BY n DESC, m.actor_id LIMIT 2""",
        (article_id,),
    ).fetchall()
    return tuple(sorted(r[0] for r in rows))

"""Ingest a corpus into a store: read, analyse in batches, store, then link copies, rewrites and stories.

This is the only place that sequences a whole ingest: documents are read (:mod:`detente.ingest`), analysed a
batch at a time (:func:`detente.batch.analyse_batch`, here or on Ray actors: :mod:`detente.scale.ray_engine`),
stored with their copy and rewrite links, then the corpus passes run (:mod:`detente.corpus_passes`). The stages
themselves are pure functions in their own modules.

Interruptions and other writers: a batch is stored in one write transaction together with its copy and rewrite
links, so a kill or Ctrl-C leaves whole batches only, and another ingest of the same files waits for the lock and
then finds them stored. The corpus-wide passes (stories, date refinement) run at the end of any run that finds them
owed, which a stored batch records, so a rerun of an interrupted ingest finishes them even when it adds nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from detente.batch import analyse_batch, article_seconds
from detente.corpus_passes import fact_index, finish_corpus_passes, forget_indexes, link_copies, link_derivatives
from detente.errors import SettingError
from detente.ingest import DEFAULT_MAX_BYTES, IngestError, IngestNote, iter_documents
from detente.records import Analysis, RawDocument
from detente.scale.heap import release_free_memory, steady_heap
from detente.scale.ray_engine import chunk_size, ray_min_articles
from detente.store import Store


@dataclass
class IngestReport:
    added: int = 0
    skipped: int = 0  # already in the store (same raw bytes)
    duplicates: int = 0
    derivatives: int = 0
    errors: list[IngestError] = field(default_factory=list)
    not_articles: list[str] = field(default_factory=list)  # files in folders that are not articles (readers.FOLDER_RULE)
    notes: list[IngestNote] = field(default_factory=list)  # inputs passed over on purpose (a symlink read elsewhere)
    finished: bool = False  # this run did the corpus-wide passes (for its own articles or an interrupted run's)
    engine_note: str | None = None  # why the engine asked for was not used (a run too small for Ray)


Progress = Callable[[str, str], None]  # (event, source): "read" | "skip" | "note" | "error" | "stored"


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
    An interrupted run (killed, Ctrl-C) leaves whole batches; running it again stores the rest and finishes the
    corpus-wide passes, so the store ends as one uninterrupted run would have left it.
    """
    check_settings()
    steady_heap()  # a long run frees large arrays all the time: keep resident memory to what it holds
    report = IngestReport()
    notify = progress or (lambda event, source: None)
    process = _process_batch
    chunk = batch_size
    if engine not in ("local", "ray"):
        raise SettingError(f"--engine {engine!r}: unknown engine; use local or ray")
    # Ray starts once this many new articles are waiting; a smaller run stays in this process (see ray_engine)
    ray_from = ray_min_articles() if engine == "ray" else None

    def start_ray() -> None:
        nonlocal process, chunk, batch_size, ray_from
        from detente.scale.ray_engine import init_ray

        cpus = init_ray(ray_address, None)
        batch_size = max(batch_size, 8)
        process = _ray_processor(cpus)
        chunk = chunk_size(cpus)
        ray_from = None

    if ray_from == 0:
        start_ray()
    pending: list[RawDocument] = []
    seen_raw: set[str] = set()  # the pending batch's raw hashes; stored ones are the store's to know
    for item in iter_documents(paths, max_bytes=max_bytes, skipped=report.not_articles):
        if isinstance(item, IngestNote):
            report.notes.append(item)
            notify("note", str(item))
            continue
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
        if ray_from is not None:
            if len(pending) >= ray_from:
                start_ray()
            continue  # not yet known whether Ray will pay off: keep reading
        if len(pending) >= chunk:
            process(store, pending, report, notify, batch_size)
            pending, seen_raw = [], set()
    if pending and ray_from is not None:
        report.engine_note = (f"{len(pending)} new articles, fewer than {ray_from}: analysed in this process without "
                              "Ray (starting it would cost more than it saves; DETENTE_RAY_MIN_ARTICLES sets the size)")
        for start in range(0, len(pending), batch_size):
            process(store, pending[start : start + batch_size], report, notify, batch_size)
        pending = []
    if pending:
        process(store, pending, report, notify, batch_size)
    report.finished = finish_corpus_passes(store)
    return report


def check_settings() -> None:
    """Read every DETENTE_* setting now, so a bad value is reported before any work rather than half-way."""
    from detente.ingest.fetch import fetch_deadline

    article_seconds()
    fetch_deadline()
    ray_min_articles()


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
                release_free_memory()
                analyses = []
        if analyses:
            store_analyses(store, analyses, report, notify)

    return process


def _fail(report: IngestReport, notify: Progress, source: str, reason: str) -> None:
    path, hash_mark, line = source.rpartition("#")
    is_line = hash_mark and line.isdigit() and not source.startswith(("http://", "https://"))
    error = IngestError(path, reason, int(line)) if is_line else IngestError(source, reason)  # JSONL "path#3" → path:3
    report.errors.append(error)
    notify("error", str(error))


def _process_batch(store: Store, raws: list[RawDocument], report: IngestReport, notify: Progress, batch_size: int) -> None:
    result = analyse_batch(raws, batch_size)
    for failure in result.failures:
        _fail(report, notify, failure.source, failure.reason)
    store_analyses(store, result.analyses, report, notify)
    release_free_memory()  # the batch's parse and link arrays are freed: give their pages back


def store_analyses(store: Store, analyses: list[Analysis], report: IngestReport, notify: Progress) -> None:
    """The single writer: in one write transaction, drop what another run stored meanwhile, decide copy links,
    store the batch with its signatures, then look for rewrites (whose links may point either way).

    The write lock is held from the raw-file check to the commit, so two ingests of one file store it once; a kill
    or Ctrl-C anywhere rolls back the whole batch with its links. The dedup indexes are built, before the batch is
    stored, from what is stored, and rebuilt when another process has written since: a rerun after an interruption
    sees the store as the uninterrupted run saw it at that batch."""
    try:
        fresh = _store_batch(store, analyses, report, notify)
    except BaseException:  # rolled back: the in-memory indexes may name articles that were not stored
        forget_indexes(store)
        raise
    for analysis in fresh:
        notify("stored", analysis.article.source)


def _store_batch(store: Store, analyses: list[Analysis], report: IngestReport, notify: Progress) -> list[Analysis]:
    with store.transaction():
        if store.changed_elsewhere():
            forget_indexes(store)
        fresh = []
        for analysis in analyses:
            if store.has_raw(analysis.article.raw_hash):  # stored by another ingest while this one analysed it
                report.skipped += 1
                notify("skip", analysis.article.source)
            else:
                fresh.append(analysis)
        fact_index(store)  # the rewrite index holds what was stored before this batch, in every run alike
        signatures, copies = link_copies(store, fresh)
        report.duplicates += copies
        try:
            report.added += store.add_analyses(fresh, signatures)
        except (sqlite3.InterfaceError, sqlite3.IntegrityError, sqlite3.DataError, UnicodeError, OverflowError):
            fresh = _store_one_by_one(store, fresh, signatures, report, notify)
        report.derivatives += link_derivatives(store, fresh)
        if fresh:
            store.owe_corpus_passes()
    return fresh


def _store_one_by_one(store: Store, analyses: list[Analysis], signatures: dict[str, bytes], report: IngestReport,
                      notify: Progress) -> list[Analysis]:
    """After a batch was refused (its transaction rolled back), store each article alone and report the ones
    that cannot be stored; the in-memory indexes are rebuilt from the store so they name stored articles only."""
    stored = []
    for analysis in analyses:
        try:
            report.added += store.add_analyses([analysis], signatures)
            stored.append(analysis)
        except (sqlite3.InterfaceError, sqlite3.IntegrityError, sqlite3.DataError, UnicodeError, OverflowError) as exc:
            _fail(report, notify, analysis.article.source, f"could not be stored ({exc.__class__.__name__}: {exc})")
    if len(stored) < len(analyses):
        forget_indexes(store)
    return stored


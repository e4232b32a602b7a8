"""A benchmark store: N synthetic articles ingested for real (timed), optionally cloned K times to reach N×K.

Cloning copies every article with its sentences, events, quotes and mentions
under new ids (event clusters too, so each clone's events count as distinct
real-world events); the FTS index is filled by the normal insert triggers. It
gives the report and the web app a store of the target size without hours of
ingest; the ingest time for N×K is then extrapolated linearly from N (ingest is
linear per article: one parse each, batched transactions).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from pathlib import Path

from bench.corpus import write_corpus

CLONED = {  # table → columns that get the clone suffix
    "articles": ("id", "doc_name", "raw_hash", "duplicate_of", "derivative_of"),
    "sentences": ("article_id",),
    "events": ("id", "article_id", "cluster_id"),
    "quotes": ("id", "article_id"),
    "mentions": ("article_id",),
    "article_actors": ("article_id",),
}


def ingested(workdir: Path, n: int) -> tuple[Path, float]:
    """A store of ``n`` synthetic articles and the seconds its ingest took (cached in ``workdir``)."""
    from detente.corpus import ingest
    from detente.store import Store

    db, meta = workdir / f"ingest-{n}.db", workdir / f"ingest-{n}.json"
    if db.exists() and meta.exists():
        return db, json.loads(meta.read_text())["ingest_seconds"]
    corpus = write_corpus(workdir / f"corpus-{n}", n)
    db.unlink(missing_ok=True)
    start = time.perf_counter()
    with Store(db) as store:
        report = ingest(store, [corpus])
        articles = store.count("articles")
    seconds = time.perf_counter() - start
    meta.write_text(json.dumps({"ingest_seconds": seconds, "articles": articles, "errors": len(report.errors)}))
    return db, seconds


def cloned(source: Path, target: Path, times: int) -> Path:
    """``source`` with every article present ``times`` times (``times`` = 1: a plain copy)."""
    if target.exists():
        return target
    partial = target.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(partial) as dst:
        src.backup(dst)
    conn = sqlite3.connect(partial)
    with conn:
        for k in range(1, times):
            for table, suffixed in CLONED.items():
                columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
                exprs = [f"{c} || '~{k}'" if c in suffixed else c for c in columns]
                conn.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(exprs)} FROM {table} "
                             f"WHERE {'id' if table == 'articles' else 'article_id'} NOT LIKE '%~%'")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    shutil.move(partial, target)
    return target

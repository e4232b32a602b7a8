"""Concurrent writers: ingests of overlapping inputs into one database store every raw file once, and none fails.

Real processes on a real SQLite file: the check that a raw file is new and its insert run under one write lock
(BEGIN IMMEDIATE), and a new database's schema is created by whichever process takes the lock first.
"""

from __future__ import annotations

import copy
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES


def _raw_counts(db: Path) -> list[int]:
    with sqlite3.connect(db) as conn:
        return [n for (n,) in conn.execute("SELECT COUNT(*) FROM articles GROUP BY raw_hash")]


@pytest.mark.parametrize("writers", [2, 4])
def test_overlapping_ingests_store_each_raw_file_once(tmp_path, writers):
    files = sorted(str(p) for p in EXAMPLES.glob("*.txt"))[:4]
    db = tmp_path / "shared.db"  # not created beforehand: the writers race to create the schema too
    shares = [files[i:] + files[:i] for i in range(writers)]  # the same files, each writer starting elsewhere
    procs = [subprocess.Popen([sys.executable, "-m", "detente.cli", "ingest", *share, "--db", str(db), "--batch-size", "2"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for share in shares]
    results = [(p, *p.communicate(timeout=900)) for p in procs]
    for proc, _out, err in results:
        assert proc.returncode == 0 and err.strip() == "", err[-800:]
    counts = _raw_counts(db)
    assert set(counts) == {1}, counts
    assert len(counts) == len(set().union(*shares))


def test_a_file_stored_by_another_writer_meanwhile_is_skipped(tmp_path):
    """Two connections, one article analysed by both (as two ingests would): the second finds it stored."""
    from detente.batch import analyse_batch
    from detente.corpus import IngestReport, store_analyses
    from detente.ingest import iter_documents
    from detente.store import Store

    raws = [d for d in iter_documents([sorted(EXAMPLES.glob("*.txt"))[0]])]
    report = IngestReport()
    [analysis] = analyse_batch(raws).analyses
    db = tmp_path / "two.db"
    with Store(db) as first, Store(db) as second:
        store_analyses(first, [copy.deepcopy(analysis)], report, lambda *_: None)
        late = IngestReport()
        store_analyses(second, [copy.deepcopy(analysis)], late, lambda *_: None)
    assert (late.added, late.skipped, late.duplicates) == (0, 1, 0)
    assert _raw_counts(db) == [1]


def test_many_connections_opening_a_new_file_at_once_create_one_schema(tmp_path):
    from detente.store import SCHEMA_VERSION, Store

    db = tmp_path / "fresh.db"
    start = threading.Barrier(8)
    failures: list[BaseException] = []

    def open_it() -> None:
        start.wait()
        try:
            with Store(db) as store:
                assert store.schema_version() == SCHEMA_VERSION
        except BaseException as exc:  # collected: an assertion in a thread would be lost
            failures.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []

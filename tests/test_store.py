"""The SQLite store: schema, WAL, FTS, idempotent ingest, batch transactions."""

from __future__ import annotations

import sqlite3

import pytest

from detente.corpus import ingest
from detente.errors import StoreError
from detente.store import SCHEMA_VERSION, Store

ARTICLE = (
    "Hanoi and Manila signed a fisheries agreement on Monday, officials said.\n\n"
    "The two governments agreed to hold regular consultations on maritime incidents, the foreign ministry said in a statement.\n\n"
    "Analysts described the deal as a modest but useful step for the two Southeast Asian neighbours.\n"
)


def _write_corpus(folder, n: int = 3):
    folder.mkdir(exist_ok=True)
    for i in range(n):
        (folder / f"a{i}.txt").write_text(f"Headline number {i}\n\n" + ARTICLE.replace("Monday", f"Monday {i}"), encoding="utf-8")
    return folder


def test_new_store_has_schema_wal_and_fts(tmp_path):
    path = tmp_path / "x.db"
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
    assert {"articles", "events", "quotes", "actors", "stories", "articles_fts", "quotes_fts"} <= tables


def test_reopening_does_not_migrate_twice(tmp_path):
    path = tmp_path / "x.db"
    Store(path).close()
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "x.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    for readonly in (False, True):
        with pytest.raises(StoreError, match="newer"):
            Store(path, readonly=readonly)


def test_a_store_left_by_an_interrupted_run_of_schema_3_is_read_then_finished_when_upgraded(tmp_path):
    """Schema 3 had no record of owed passes: articles in no story mean its last ingest was cut short."""
    path = tmp_path / "old.db"
    with Store(path) as store:
        ingest(store, [_write_corpus(tmp_path / "corpus")])
    conn = sqlite3.connect(path)
    conn.executescript("UPDATE articles SET story_id = NULL; DELETE FROM stories; DROP TABLE ingest_state;"
                       "ALTER TABLE quotes DROP COLUMN speaker_kind; PRAGMA user_version = 3;")
    conn.close()
    with Store(path, readonly=True) as reader:  # readable as it is
        assert reader.count("articles") == 3 and reader.schema_version() == 3
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION and store.corpus_passes_due()
        report = ingest(store, [])
        assert report.finished and store.count("stories") > 0 and not store.corpus_passes_due()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 2")
    conn.close()
    with pytest.raises(StoreError, match="older Détente"):
        Store(path, readonly=True)


def test_readonly_store_needs_an_existing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match="detente ingest"):
        Store(tmp_path / "missing.db", readonly=True)


def test_ingest_twice_adds_nothing(tmp_path):
    corpus = _write_corpus(tmp_path / "corpus")
    with Store(tmp_path / "x.db") as store:
        first = ingest(store, [corpus])
        counts = {t: store.count(t) for t in ("articles", "events", "quotes", "actors", "sentences")}
        second = ingest(store, [corpus])
        assert first.added == 3 and second.added == 0 and second.skipped == 3
        assert {t: store.count(t) for t in counts} == counts


def test_same_body_from_two_files_is_an_exact_duplicate(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "original.txt").write_text("Advertisement\n\n" + ARTICLE, encoding="utf-8")
    (folder / "copy.txt").write_text("Share this article\n\n" + ARTICLE + "\nLeave a comment\n", encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        report = ingest(store, [folder])
        articles = {a.doc_name: a for a in store.articles()}
    assert report.added == 2 and report.duplicates >= 1
    assert articles["original"].duplicate_of == articles["copy"].id or articles["copy"].duplicate_of == articles["original"].id


def test_full_text_search_finds_bodies(tmp_path):
    corpus = _write_corpus(tmp_path / "corpus", 1)
    with Store(tmp_path / "x.db") as store:
        ingest(store, [corpus])
        assert [a.doc_name for a in store.search("fisheries")] == ["a0"]
        assert store.search("nonexistentword") == []


def test_a_failed_batch_leaves_earlier_batches_stored(tmp_path):
    corpus = _write_corpus(tmp_path / "corpus", 4)
    with Store(tmp_path / "x.db") as store:
        ingest(store, [corpus], batch_size=2)
        assert store.count("articles") == 4
        with pytest.raises(RuntimeError), store.transaction() as conn:
            conn.execute("DELETE FROM articles")
            raise RuntimeError("crash mid-batch")
        assert store.count("articles") == 4
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_snapshot_reads_one_state_while_a_writer_commits(tmp_path):
    """The web app reads an article and its rewrite evidence in two queries: both must come from one commit."""
    path = tmp_path / "s.db"
    with Store(path) as writer:
        writer.conn.execute("CREATE TABLE t (x INTEGER)")
        writer.conn.commit()
        reader = Store(path, readonly=True)
        with reader.snapshot():
            before = reader.conn.execute("SELECT count(*) FROM t").fetchone()[0]
            with writer.transaction() as conn:
                conn.execute("INSERT INTO t VALUES (1)")
            during = reader.conn.execute("SELECT count(*) FROM t").fetchone()[0]
        after = reader.conn.execute("SELECT count(*) FROM t").fetchone()[0]
        reader.close()
    assert (before, during, after) == (0, 0, 1)

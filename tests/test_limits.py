"""Limits: oversized inputs and articles that take too long are reported and skipped, never fatal."""

from __future__ import annotations

import pytest

from detente import corpus
from detente.store import Store
from tests.conftest import SEEDS

pytestmark = pytest.mark.seeds


def test_slow_articles_are_skipped_and_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus, "ARTICLE_SECONDS", 1e-6)
    with Store(tmp_path / "x.db") as store:
        report = corpus.ingest(store, [SEEDS / "003_adf9680d7cc4a3ce.txt"])
        assert store.count("articles") == 0
    assert report.added == 0
    assert [e.source for e in report.errors] == [str(SEEDS / "003_adf9680d7cc4a3ce.txt")]
    assert "took over" in report.errors[0].reason
    monkeypatch.setattr(corpus, "ARTICLE_SECONDS", 60.0)
    with Store(tmp_path / "x.db") as store:
        assert corpus.ingest(store, [SEEDS / "003_adf9680d7cc4a3ce.txt"]).added == 1


def test_oversized_files_are_skipped_and_the_rest_stored(tmp_path):
    with Store(tmp_path / "x.db") as store:
        report = corpus.ingest(store, [SEEDS], max_bytes=5000)
        sizes = {p.name: p.stat().st_size for p in SEEDS.glob("*.txt")}
        assert store.count("articles") == sum(1 for size in sizes.values() if size <= 5000)
    assert len(report.errors) == sum(1 for size in sizes.values() if size > 5000)
    assert all("limit" in e.reason for e in report.errors)


def test_a_cleaner_that_hangs_is_cut_off_and_the_rest_stored(tmp_path, monkeypatch):
    import time

    from detente import pipeline

    real = pipeline.clean_document

    def stalls_on_one(raw):
        if raw.doc_name == "stall":
            time.sleep(600)
        return real(raw)

    monkeypatch.setattr(pipeline, "clean_document", stalls_on_one)
    # generous, so the normal article is never cut off on a loaded machine; the stall is far past it
    monkeypatch.setattr(corpus, "ARTICLE_SECONDS", 8)
    folder = tmp_path / "in"
    folder.mkdir()
    text = (SEEDS / "003_adf9680d7cc4a3ce.txt").read_text(encoding="utf-8")
    (folder / "stall.txt").write_text(text + "\nA different ending.", encoding="utf-8")
    (folder / "fine.txt").write_text(text, encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        report = corpus.ingest(store, [folder])
        assert [a.doc_name for a in store.articles()] == ["fine"]
    [error] = report.errors
    assert error.source == str(folder / "stall.txt") and "cleaning took over 8 s" in error.reason

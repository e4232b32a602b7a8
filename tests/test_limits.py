"""Limits: oversized inputs and articles that take too long are reported and skipped, never fatal.

No test here waits on the clock: a stalled stage blocks on an event nobody sets, and instead of waiting out the
article's time limit it moves the limit's alarm to now, so what is tested is the cut-off and its report, not the
machine's speed."""

from __future__ import annotations

import signal
import threading

from detente import batch, corpus
from detente.store import Store
from tests.conftest import EXAMPLES

ARTICLE = EXAMPLES / "103_india_china_galwan.txt"


def test_slow_articles_are_skipped_and_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "ARTICLE_SECONDS", 1e-6)  # every article is over this limit
    with Store(tmp_path / "x.db") as store:
        report = corpus.ingest(store, [ARTICLE])
        assert store.count("articles") == 0
    assert report.added == 0
    assert [e.source for e in report.errors] == [str(ARTICLE)]
    assert "took over" in report.errors[0].reason
    monkeypatch.setattr(batch, "ARTICLE_SECONDS", 0)  # no limit: the same article is stored
    with Store(tmp_path / "x.db") as store:
        assert corpus.ingest(store, [ARTICLE]).added == 1


def test_oversized_files_are_skipped_and_the_rest_stored(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in EXAMPLES.glob("*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    sizes = {p.name: p.stat().st_size for p in folder.iterdir()}
    limit = sorted(sizes.values())[len(sizes) // 2]  # about half the files are over it
    with Store(tmp_path / "x.db") as store:
        report = corpus.ingest(store, [folder], max_bytes=limit)
        stored = {a.doc_name for a in store.articles()}
    assert stored == {name[:-4] for name, size in sizes.items() if size <= limit}
    assert sorted(e.source for e in report.errors) == sorted(str(folder / n) for n, size in sizes.items() if size > limit)
    assert report.errors and all("limit" in e.reason for e in report.errors)


def test_a_cleaner_that_hangs_is_cut_off_and_the_rest_stored(tmp_path, monkeypatch):
    from detente import pipeline

    real = pipeline.clean_document
    never = threading.Event()  # nobody sets it: the stalled cleaner would wait for ever

    def stalls_on_one(raw):
        if raw.doc_name == "stall" and signal.getitimer(signal.ITIMER_REAL)[0] > 0:  # a limit is armed for it
            signal.setitimer(signal.ITIMER_REAL, 0.001)  # the article's time is up now, not in an hour
            never.wait(120)  # returns only if no cut-off came: the article is then stored and the test fails
        return real(raw)

    monkeypatch.setattr(pipeline, "clean_document", stalls_on_one)
    monkeypatch.setattr(batch, "ARTICLE_SECONDS", 3600)  # no real article comes near it
    folder = tmp_path / "in"
    folder.mkdir()
    text = ARTICLE.read_text(encoding="utf-8")
    (folder / "stall.txt").write_text(text + "\nA different ending.", encoding="utf-8")
    (folder / "fine.txt").write_text(text, encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        report = corpus.ingest(store, [folder])
        assert [a.doc_name for a in store.articles()] == ["fine"]
    [error] = report.errors
    assert error.source == str(folder / "stall.txt") and "cleaning took over 3600 s" in error.reason

"""Duplicates and derivatives end to end: a synthetic syndicated copy and a paraphrase are tied to their
original; an independent report of the same event is not."""

from __future__ import annotations

import random

import pytest

from detente.corpus import ingest
from detente.dedup import derivative_score
from detente.store import Store
from tests.conftest import EXAMPLES, SEEDS

pytestmark = pytest.mark.seeds


def _syndicate(text: str, rng: random.Random) -> str:
    """New clutter around the same body, one small edit."""
    lines = [line for line in text.split("\n") if line.strip()]
    body = [line for line in lines if len(line.split()) > 12]
    body[0] = body[0].replace(" the ", " a ", 1)
    return "Wire Service Daily\nShare on Facebook\n\n" + "\n\n".join(body) + "\n\nMore from Wire Service Daily\n"


def test_syndicated_copy_is_a_near_duplicate(tmp_path):
    original = (SEEDS / "003_adf9680d7cc4a3ce.txt").read_text(encoding="utf-8")
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a_original.txt").write_text(original, encoding="utf-8")
    (folder / "b_copy.txt").write_text(_syndicate(original, random.Random(1)), encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        report = ingest(store, [folder])
        articles = {a.doc_name: a for a in store.articles()}
    assert report.duplicates == 1
    assert articles["b_copy"].duplicate_of == articles["a_original"].id
    assert articles["a_original"].duplicate_of is None


def test_paraphrase_scores_high_and_independent_report_lower():
    original = (EXAMPLES / "101_us_japan_summit.txt").read_text(encoding="utf-8")
    rewrite = (EXAMPLES / "102_us_japan_alliance_rewrite.txt").read_text(encoding="utf-8")
    unrelated = (EXAMPLES / "109_korea_panmunjom_summit.txt").read_text(encoding="utf-8")
    assert derivative_score(rewrite, original, 0, False).score > derivative_score(unrelated, original, 3, True).score
    assert derivative_score(rewrite, original, 0, False).score >= 0.6
    assert derivative_score(unrelated, original, 3, True).score < 0.6


def test_seed_rewrite_is_found_and_independent_reports_are_not_linked(seeds_db):
    with Store(seeds_db, readonly=True) as store:
        articles = {a.doc_name[:3]: a for a in store.articles()}
    assert articles["004"].derivative_of == articles["001"].id
    assert articles["003"].derivative_of is None and articles["003"].duplicate_of is None
    assert articles["001"].derivative_of is None


def test_signatures_reload_in_a_new_process_and_still_find_copies(tmp_path):
    original = (SEEDS / "003_adf9680d7cc4a3ce.txt").read_text(encoding="utf-8")
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "a_original.txt").write_text(original, encoding="utf-8")
    (second / "b_copy.txt").write_text(_syndicate(original, random.Random(2)), encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        ingest(store, [first])
    with Store(tmp_path / "x.db") as store:  # a new Store: the LSH index is rebuilt from stored signatures
        report = ingest(store, [second])
        articles = {a.doc_name: a for a in store.articles()}
    assert report.duplicates == 1 and articles["b_copy"].duplicate_of == articles["a_original"].id

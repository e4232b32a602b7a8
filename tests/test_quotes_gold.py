"""Quotes scored against the seed and sample-corpus gold, and the `detente quotes` filters on a real store."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.eval import evaluate, load_gold, read_raw
from detente.export import iter_records
from detente.store import Store
from tests.conftest import EXAMPLES_GOLD, REAL_DEV_GOLD, SEEDS_GOLD


def _report(db, gold_path):
    with Store(db, readonly=True) as store:
        records = list(iter_records(store))
    return evaluate(load_gold(gold_path), records, read_raw=read_raw)


@pytest.mark.seeds
def test_real_dev_quotes_meet_the_issue_targets(real_dev_db):
    # issue 23: real news reports most speech indirectly; recall by kind keeps indirect speech in view
    report = _report(real_dev_db, REAL_DEV_GOLD)
    assert report["quotes"].recall >= 0.85 and report["quotes"].precision >= 0.9
    assert report["quote_speakers"].accuracy >= 0.9
    assert report["quote_kinds"].accuracy >= 0.9


@pytest.mark.seeds
def test_seed_quotes_are_found_and_attributed(seeds_db):
    report = _report(seeds_db, SEEDS_GOLD)
    # seed precision is held down by genuine quotes the seed gold does not list: it codes 22 of the ~40 acts of
    # speech REAL-DEV.md 11 counts (indirect reports, "according to X", interrupted quotations as two)
    assert report["quotes"].recall == 1.0
    assert report["quote_speakers"].accuracy >= 0.95
    assert report["quote_kinds"].accuracy >= 0.9


def test_example_quotes_are_found_and_attributed(examples_db):
    # precision is not asserted: examples/gold.json codes a quotation resumed after its attribution as one and
    # leaves out reports by states and many indirect ones, which REAL-DEV.md 11 counts (see issue 23)
    report = _report(examples_db, EXAMPLES_GOLD)
    assert report["quotes"].recall >= 0.9
    assert report["quote_speakers"].accuracy >= 0.95
    assert report["quote_kinds"].accuracy >= 0.9


@pytest.mark.seeds
def test_seed_store_keeps_anonymous_source_and_channels(seeds_db):
    with Store(seeds_db, readonly=True) as store:
        quotes = store.quotes()
    assert any(q.anonymous and q.speaker_role == "researcher" for q in quotes)
    assert any(q.channel and "email" in q.channel for q in quotes)
    for q in quotes:
        assert q.quote_type in ("direct", "indirect", "mixed") and q.text and q.char_start < q.char_end


def _cli(*args: str) -> str:
    result = CliRunner().invoke(app, ["quotes", *args], catch_exceptions=False, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.output


def test_quotes_command_filters(examples_db):
    db = ["--db", str(examples_db)]
    assert "Albanese" in _cli(*db, "--speaker", "Albanese")
    by_country = _cli(*db, "--country", "usa", "--about", "CHN-PHL", "--since", "2023-01-01")
    assert "spokesperson" in by_country and "Kerry" not in by_country and "Albanese" not in by_country
    assert "Kerry" not in _cli(*db, "--since", "2020-01-01")  # his quotes are of 2015
    assert "Kerry" in _cli(*db, "--until", "2015-12-31")
    assert "aggressor" in _cli(*db, "--search", "aggressor").lower()
    bad = CliRunner().invoke(app, ["quotes", *db, "--about", "CHN"])
    assert bad.exit_code != 0

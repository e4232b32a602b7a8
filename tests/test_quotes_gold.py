"""Quotes scored against the seed and sample-corpus gold, and the `detente quotes` filters on a real store."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.eval import evaluate, load_gold, read_raw
from detente.export import iter_records
from detente.store import Store
from tests.conftest import EXAMPLES_GOLD, SEEDS_GOLD

pytestmark = pytest.mark.seeds


def _report(db, gold_path):
    with Store(db, readonly=True) as store:
        records = list(iter_records(store))
    return evaluate(load_gold(gold_path), records, read_raw=read_raw)


def test_seed_quotes_are_found_and_attributed(seeds_db):
    report = _report(seeds_db, SEEDS_GOLD)
    # seed precision is held down by genuine quotes the seed gold does not list (see the issue 6 report)
    assert report["quotes"].recall >= 0.9
    assert report["quote_speakers"].accuracy >= 0.95
    assert report["quote_kinds"].accuracy >= 0.9


def test_example_quotes_meet_the_targets(examples_db):
    report = _report(examples_db, EXAMPLES_GOLD)
    assert report["quotes"].recall >= 0.9 and report["quotes"].precision >= 0.9
    assert report["quote_speakers"].accuracy >= 0.95
    assert report["quote_kinds"].accuracy >= 0.9


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


def test_quotes_command_filters(seeds_db):
    db = ["--db", str(seeds_db)]
    assert "Poling" in _cli(*db, "--speaker", "Poling")
    by_country = _cli(*db, "--country", "usa", "--about", "VNM-CHN", "--since", "2023-01-01")
    assert "spokesperson" in by_country and "Zhang" not in by_country
    assert "Zhang" not in _cli(*db, "--since", "2020-01-01")
    assert "community" in _cli(*db, "--search", "community").lower()
    bad = CliRunner().invoke(app, ["quotes", *db, "--about", "CHN"])
    assert bad.exit_code != 0

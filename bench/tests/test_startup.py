"""The start-up bench runs both sides in fresh processes over the articles it names (timings are never asserted)."""

from __future__ import annotations

import json

import pytest

from bench import startup


def test_it_picks_articles_in_a_fixed_order_and_says_when_there_are_too_few():
    files = startup.article_files(3)
    assert files == startup.article_files(3) and len(set(files)) == 3
    with pytest.raises(SystemExit, match="article files found"):
        startup.article_files(100_000)


def test_a_small_run_reports_both_sides(tmp_path):
    out = tmp_path / "startup.json"
    result = startup.main(["--n", "2", "--runs", "1", "--out", str(out)])
    assert result["articles"] == 2 and result["floor_cpu_s"] > 0 and result["ingest_cpu_s"] > 0
    assert json.loads(out.read_text(encoding="utf-8"))["cpu_ratio"] == pytest.approx(result["cpu_ratio"])

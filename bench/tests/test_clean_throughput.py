"""The clean+metadata throughput bench runs and reports its rates (timings are never asserted)."""

from __future__ import annotations

import pytest

from bench.clean_throughput import SUITE, run


@pytest.mark.seeds
@pytest.mark.skipif(not SUITE.exists(), reason="article-extraction benchmark not found in ../shared")
def test_throughput_bench_reports_rates_and_a_ratio():
    result = run(limit=2)
    assert result["html_pages"] == 2
    assert result["detente_html_articles_per_s"] > 0 and result["trafilatura_articles_per_s"] > 0
    assert result["ratio_detente_to_trafilatura"] > 0

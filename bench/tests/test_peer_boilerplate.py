"""The body-extraction peer suite (../shared/peer-suites): a floor on a sample, in the benchmark's own metric."""

from __future__ import annotations

import pytest

from bench.peer_boilerplate import run
from bench.tests import SHARED

BENCH = SHARED / "peer-suites" / "boilerplate" / "article-extraction-benchmark"


@pytest.mark.seeds
@pytest.mark.skipif(not BENCH.exists(), reason="article-extraction benchmark not found in ../shared")
def test_boilerplate_benchmark_sample_floor():
    """15 pages of the article-extraction benchmark, its own 4-gram shingle metric (measured 0.951 on them)."""
    result = run(15)
    _, _, f1 = result["detente"]
    assert f1 >= 0.93, result

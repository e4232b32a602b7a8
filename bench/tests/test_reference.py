"""The bench's paired reference parses every body of the corpus once, in turns, in its own process
(timings are never asserted)."""

from __future__ import annotations

from bench.reference import PairedReference, cleaned_bodies
from bench.tests import EXAMPLES


def test_the_reference_worker_parses_each_body_once_in_turns():
    total = sum(1 for _ in cleaned_bodies(EXAMPLES))
    assert total >= 5
    reference = PairedReference(EXAMPLES)
    first = reference.parse(2)
    assert first["articles"] == 2 and first["cpu"] > 0
    totals = reference.finish()
    assert totals["articles"] == total and totals["cpu"] >= first["cpu"]
    assert reference.worker.returncode == 0 and reference.waited > 0

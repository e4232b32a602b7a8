"""The compact LSH index: what it finds after many merges, and how close its Jaccard estimate stays."""

from __future__ import annotations

import numpy as np

from detente.dedup import lsh
from detente.dedup.lsh import CompactLSH

PERM = 128


def _signatures(n: int, seed: int = 3) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 2**32, size=(n, PERM), dtype=np.uint64)


def test_every_signature_is_found_after_many_buffer_merges(monkeypatch):
    monkeypatch.setattr(lsh, "BUFFER", 500)  # merge every ~20 inserts, so most entries live in the sorted arrays
    index = CompactLSH(0.5, PERM)
    signatures = _signatures(3000)
    for i, hashvalues in enumerate(signatures):
        index.insert(f"a{i}", hashvalues)
    assert len(index) == 3000 and len(index._buffer) < 500
    for i in range(0, 3000, 7):
        hits = dict(index.query(signatures[i]))
        assert hits.get(f"a{i}") == 1.0
        assert all(j < 0.2 for aid, j in hits.items() if aid != f"a{i}")  # unrelated random signatures


def test_a_near_copy_is_found_with_its_jaccard_estimated_from_the_low_bits_corrected_for_chance():
    index = CompactLSH(0.5, PERM)
    signatures = _signatures(200)
    for i, hashvalues in enumerate(signatures):
        index.insert(f"a{i}", hashvalues)
    copy = signatures[42].copy()
    copy[:32] = _signatures(1, seed=9)[0][:32]  # a quarter of the hash values differ (the other bands agree)
    hits = dict(index.query(copy))
    assert abs(hits["a42"] - 0.75) < 0.02
    assert "a43" not in hits or hits["a43"] < 0.2


def test_inserting_an_id_twice_keeps_the_first_signature():
    index = CompactLSH(0.5, PERM)
    first, second = _signatures(2)
    index.insert("a", first)
    index.insert("a", second)
    assert len(index) == 1 and dict(index.query(first))["a"] == 1.0

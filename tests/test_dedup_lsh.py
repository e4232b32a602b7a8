"""The compact LSH index and the fact counts beside it: what they find, and how close their estimates stay."""

from __future__ import annotations

from collections import Counter

import numpy as np

from detente.dedup import lsh
from detente.dedup.lsh import CompactLSH
from detente.dedup.near import FactCounts

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


def test_merging_in_place_keeps_every_entry_sorted_by_key_then_insertion(monkeypatch):
    """The merge moves stored entries up from the back a slice at a time; the result must be what sorting every
    (bucket key, row) entry by key, stably, gives."""
    monkeypatch.setattr(lsh, "BUFFER", 400)
    monkeypatch.setattr(lsh, "SLICE", 97)  # many slices per merge, not a multiple of anything
    monkeypatch.setattr(lsh, "GROWTH", 64)  # the signature matrix grows in place dozens of times
    index = CompactLSH(0.5, PERM)
    signatures = _signatures(2500, seed=5)
    for i, hashvalues in enumerate(signatures):
        index.insert(f"a{i}", hashvalues)
    index._merge()
    expected_keys = np.concatenate([index._bucket_keys(h) for h in signatures])
    expected_rows = np.repeat(np.arange(len(signatures), dtype=np.int32), index.bands)
    order = np.argsort(expected_keys, kind="stable")
    assert np.array_equal(index._keys, expected_keys[order])
    assert np.array_equal(index._members, expected_rows[order])
    assert np.array_equal(index._signatures[: len(signatures)], (signatures & 0xFF).astype(np.uint8))


def test_fact_counts_are_exact_for_a_small_corpus_and_never_too_low_when_cells_are_shared(monkeypatch):
    rng = np.random.default_rng(11)
    articles = [{f"name{int(k)}".encode() for k in rng.zipf(1.3, size=40) if k < 10**6} for _ in range(2000)]
    exact: Counter[bytes] = Counter()
    for found in articles:
        exact.update(found)
    counts = FactCounts()
    for found in articles:
        counts.add(found)
    assert all(counts[fact] == n for fact, n in exact.items())
    assert counts[b"never seen"] == 0

    monkeypatch.setattr(FactCounts, "WIDTH", 512)  # far more facts than cells: most share a cell with another
    crowded = FactCounts()
    for found in articles:
        crowded.add(found)
    estimates = {fact: crowded[fact] for fact in exact}
    assert len(exact) > 4 * 512 and all(estimates[f] >= n for f, n in exact.items())
    assert any(estimates[f] > n for f, n in exact.items())  # shared cells do over-count here
    common = exact.most_common(5)
    assert all(estimates[f] == n for f, n in common)  # a frequent fact's count is its own: others only add to it


def test_bands_and_rows_minimise_missed_plus_false_candidates_by_a_plain_riemann_sum():
    """Our exact quadrature picks the split a brute-force sum over a fine grid picks, and that split fits the budget."""
    grid = np.linspace(0.0, 1.0, 20001)

    def error(threshold: float, bands: int, rows: int) -> float:
        shared = 1 - (1 - grid**rows) ** bands
        below = np.where(grid < threshold, shared, 0.0)
        above = np.where(grid >= threshold, 1 - shared, 0.0)
        return float((below.sum() + above.sum()) * (grid[1] - grid[0]) / 2)

    for threshold, perm in ((0.2, 64), (0.5, 128), (0.8, 32)):
        bands, rows = lsh.bands_and_rows(threshold, perm)
        assert bands * rows <= perm
        splits = [(b, r) for b in range(1, perm + 1) for r in range(1, perm // b + 1)]
        assert (bands, rows) == min(splits, key=lambda split: error(threshold, *split)), threshold
        assert abs((1 / bands) ** (1 / rows) - threshold) < 0.15  # the S-curve rises where the threshold is

"""A compact banded LSH over MinHash signatures, for millions of articles in little memory.

datasketch's MinHashLSH keeps one Python set per bucket and the band bytes per key: measured at ~25 KB per
article for our two indexes, i.e. gigabytes at 100k articles. This index chooses bands and rows for a threshold
the way datasketch does (:func:`bands_and_rows`), but stores each (band, bucket) → row entry as 8 bytes in sorted numpy arrays
(a small dict of at most ``BUFFER`` entries holds recent inserts and is merged in when full, so memory does
not grow with a buffer sized to the corpus), and keeps of each signature only the low 8 bits of every hash
value, in one matrix: enough to estimate Jaccard similarity at an eighth of the memory (two different hash
values agree in their low bits once in 256; the estimate is corrected for it, and what is left is far below
MinHash's own sampling error of ~0.04 at 128 permutations). A query costs a binary search per band, never a
scan. Bucket keys are 32-bit: two buckets sharing a key only add a candidate, which the signature estimate
then scores for what it is.

The arrays grow in place (``ndarray.resize``: glibc's realloc, which remaps large blocks rather than copying
them) and a merge moves the stored entries up from the back a slice at a time, so neither growth nor a merge
holds a second copy of the index: at 100k articles that copy was ~40 MB on top of the peak.
"""

from __future__ import annotations

import sys
from functools import cache

import numpy as np

_MIX = np.uint64(0x9E3779B97F4A7C15)
BUFFER = 100_000  # recent (bucket → row) entries held in a dict before they are merged into the sorted arrays
SLICE = 1 << 18  # stored entries moved at a time by a merge
GROWTH = 8192  # signature rows added at a time
_LOW = np.uint64(0xFF)
_CHANCE = 1 / 256  # two different hash values share their low 8 bits this often


@cache
def _gauss_legendre(degree: int) -> tuple[np.ndarray, np.ndarray]:
    """Nodes and weights on [-1, 1] that integrate every polynomial up to ``degree`` exactly."""
    return np.polynomial.legendre.leggauss(degree // 2 + 1)


def _band_area(lo: float, hi: float, bands: int, rows: int, missed: bool) -> float:
    """∫ from lo to hi of the chance that two signatures at similarity s share a band (or, ``missed``, do not)."""
    nodes, weights = _gauss_legendre(bands * rows)
    s = (hi - lo) / 2 * nodes + (hi + lo) / 2
    shared = 1 - (1 - s**rows) ** bands
    return float((hi - lo) / 2 * np.dot(weights, 1 - shared if missed else shared))


@cache
def bands_and_rows(threshold: float, num_perm: int) -> tuple[int, int]:
    """The (bands, rows) with bands × rows ≤ ``num_perm`` that best separate pairs above ``threshold`` from pairs below.

    Two signatures share a band with probability 1 − (1 − s^rows)^bands at Jaccard similarity s. Over the pairs
    below the threshold that is the chance of a false candidate; over the pairs above it, its complement is the chance
    of a missed one. We take the split with the least sum of the two areas, equally weighted: the criterion of
    MinHashLSH (Leskovec, Rajaraman and Ullman, *Mining of Massive Datasets*, ch. 3), computed here instead of
    imported from datasketch's private ``_optimal_param``. The curve is a polynomial of degree bands × rows in s, so
    Gauss-Legendre quadrature integrates it exactly (datasketch integrates adaptively; both give the same choice at
    every threshold from 0.01 to 0.99 for 16 to 256 permutations)."""
    best, choice = float("inf"), (0, 0)
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            error = 0.5 * _band_area(0.0, threshold, bands, rows, missed=False) \
                + 0.5 * _band_area(threshold, 1.0, bands, rows, missed=True)
            if error < best:
                best, choice = error, (bands, rows)
    return choice


class CompactLSH:
    """Insert (id, hash values); query returns ids sharing at least one band, with estimated Jaccard."""

    def __init__(self, threshold: float, num_perm: int) -> None:
        self.bands, self.rows = bands_and_rows(threshold, num_perm)
        self.num_perm = num_perm
        rng = np.random.default_rng(1)
        self._weights = rng.integers(1, 2**63, size=(self.bands, self.rows), dtype=np.uint64) | np.uint64(1)
        self._salt = rng.integers(1, 2**63, size=self.bands, dtype=np.uint64)
        self.ids: list[str] = []
        self.row_of: dict[str, int] = {}
        self._signatures = np.zeros((GROWTH, num_perm), dtype=np.uint8)  # low 8 bits of each hash value
        self._keys = np.zeros(0, dtype=np.uint32)  # sorted bucket keys
        self._members = np.zeros(0, dtype=np.int32)  # row of each key
        self._buffer: dict[int, int | list[int]] = {}  # a bare row while a bucket has one member
        self._buffered = 0

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self.row_of

    def _bucket_keys(self, hashvalues: np.ndarray) -> np.ndarray:
        """One 32-bit key per band: the top half of a multiply-add hash of the band's values, salted by band."""
        bands = np.asarray(hashvalues[: self.bands * self.rows], dtype=np.uint64).reshape(self.bands, self.rows)
        with np.errstate(over="ignore"):
            return ((((bands * self._weights).sum(axis=1) ^ self._salt) * _MIX) >> np.uint64(32)).astype(np.uint32)

    def insert(self, article_id: str, hashvalues: np.ndarray) -> None:
        if article_id in self.row_of:
            return
        row = len(self.ids)
        if row == len(self._signatures):  # a fixed step: no unused half, and no copy (realloc)
            self._signatures.resize((row + GROWTH, self.num_perm), refcheck=False)
        self._signatures[row] = _low_bits(hashvalues)
        article_id = sys.intern(article_id)  # one string per article however many indexes hold it
        self.ids.append(article_id)
        self.row_of[article_id] = row
        for key in self._bucket_keys(hashvalues).tolist():
            held = self._buffer.get(key)
            if held is None:
                self._buffer[key] = row
            elif isinstance(held, int):
                self._buffer[key] = [held, row]
            else:
                held.append(row)
        self._buffered += self.bands
        if self._buffered >= BUFFER:
            self._merge()

    def _merge(self) -> None:
        """Insert the buffered entries into the sorted arrays in place: one pass from the back, no second copy."""
        flat_keys: list[int] = []
        flat_rows: list[int] = []
        for key, held in self._buffer.items():
            if isinstance(held, int):
                flat_keys.append(key)
                flat_rows.append(held)
            else:
                flat_keys.extend([key] * len(held))
                flat_rows.extend(held)
        keys, rows = np.array(flat_keys, dtype=np.uint32), np.array(flat_rows, dtype=np.int32)
        count = len(keys)
        order = np.argsort(keys, kind="stable")  # by key, each key's rows in insertion order
        keys, rows = keys[order], rows[order]
        self._buffer, self._buffered = {}, 0
        stored = len(self._keys)
        places = np.searchsorted(self._keys, keys, side="right")  # where np.insert would put each new entry
        self._keys.resize(stored + count, refcheck=False)
        self._members.resize(stored + count, refcheck=False)
        for end in range(stored, 0, -SLICE):  # from the back: an entry only ever moves up, past unmoved ones
            start = max(0, end - SLICE)
            moved = np.arange(start, end)
            moved += np.searchsorted(places, moved, side="right")  # new entries placed before each stored one
            self._keys[moved] = self._keys[start:end].copy()
            self._members[moved] = self._members[start:end].copy()
        places += np.arange(count, dtype=places.dtype)
        self._keys[places], self._members[places] = keys, rows

    def query(self, hashvalues: np.ndarray) -> list[tuple[str, float]]:
        """(id, estimated Jaccard) of every stored signature sharing a band with this one."""
        keys = self._bucket_keys(hashvalues)
        found: set[int] = set()
        for key in keys.tolist():
            held = self._buffer.get(key)
            if held is not None:
                found.update((held,) if isinstance(held, int) else held)
        lo = np.searchsorted(self._keys, keys, side="left")
        hi = np.searchsorted(self._keys, keys, side="right")
        for a, b in zip(lo.tolist(), hi.tolist(), strict=True):
            if b > a:
                found.update(self._members[a:b].tolist())
        if not found:
            return []
        rows = np.fromiter(found, dtype=np.int64, count=len(found))
        mine = _low_bits(hashvalues)
        agree = (self._signatures[rows] == mine).mean(axis=1)
        jaccard = np.clip((agree - _CHANCE) / (1 - _CHANCE), 0.0, 1.0)  # take out the chance agreements
        return [(self.ids[r], float(j)) for r, j in zip(rows.tolist(), jaccard.tolist(), strict=True)]


def _low_bits(hashvalues: np.ndarray) -> np.ndarray:
    return (np.asarray(hashvalues, dtype=np.uint64) & _LOW).astype(np.uint8)

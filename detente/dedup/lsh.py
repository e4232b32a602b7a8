"""A compact banded LSH over MinHash signatures, for millions of articles in little memory.

datasketch's MinHashLSH keeps one Python set per bucket and the band bytes per key: measured at ~25 KB per
article for our two indexes, i.e. gigabytes at 100k articles. This index uses datasketch's choice of bands
and rows for a threshold, but stores each (band, bucket) → row entry as 8 bytes in sorted numpy arrays
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

import numpy as np
from datasketch.lsh import _optimal_param

_MIX = np.uint64(0x9E3779B97F4A7C15)
BUFFER = 100_000  # recent (bucket → row) entries held in a dict before they are merged into the sorted arrays
SLICE = 1 << 18  # stored entries moved at a time by a merge
GROWTH = 8192  # signature rows added at a time
_LOW = np.uint64(0xFF)
_CHANCE = 1 / 256  # two different hash values share their low 8 bits this often


class CompactLSH:
    """Insert (id, hash values); query returns ids sharing at least one band, with estimated Jaccard."""

    def __init__(self, threshold: float, num_perm: int) -> None:
        self.bands, self.rows = _optimal_param(threshold, num_perm, 0.5, 0.5)
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

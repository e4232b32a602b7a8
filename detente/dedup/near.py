"""MinHash signatures and LSH indexes (datasketch): candidates without comparing every pair.

Two indexes: word 5-gram shingles for near duplicates (syndicated copies with new clutter and small edits),
and the set of names and numbers for derivative candidates (a paraphrase keeps those, not the wording).
Signatures are kept as bare hash arrays with one shared set of permutations, so an index over millions of
articles holds 128 bytes per signature plus 8 bytes per band (see ``lsh``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from detente.dedup.lsh import CompactLSH

NUM_PERM = 128
SHINGLE = 5
THRESHOLD = 0.5  # estimated Jaccard above which two bodies are near duplicates
SCHEME = "affine32"  # datasketch 2's default; stored signatures name it so they reload exactly
_WORD = re.compile(r"\w+")
_PERMUTATIONS: dict[int, np.ndarray] = {}


def _minhash(seed: int, hashvalues: np.ndarray | None = None) -> MinHash:
    """A MinHash sharing one permutation array per seed (building them per object costs time and 2 KB each)."""
    if seed not in _PERMUTATIONS:
        _PERMUTATIONS[seed] = MinHash(num_perm=NUM_PERM, seed=seed, scheme=SCHEME).permutations
    return MinHash(num_perm=NUM_PERM, seed=seed, scheme=SCHEME, hashvalues=hashvalues, permutations=_PERMUTATIONS[seed])


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    tokens = _WORD.findall(text.lower())
    if len(tokens) < size:
        return {" ".join(tokens).encode()} if tokens else set()
    return {" ".join(tokens[i : i + size]).encode() for i in range(len(tokens) - size + 1)}


def minhash_of(text: str) -> MinHash:
    mh = _minhash(7)
    mh.update_batch(list(shingles(text)))
    return mh


def to_bytes(mh: MinHash) -> bytes:
    return np.asarray(mh.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return _minhash(7, np.frombuffer(data, dtype=np.uint64))


class NearDuplicateIndex:
    """LSH over stored signatures: ``query`` returns (article id, estimated Jaccard) above the threshold."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.lsh = CompactLSH(threshold, NUM_PERM)
        self.threshold = threshold

    def add(self, article_id: str, mh: MinHash) -> None:
        self.lsh.insert(article_id, mh.hashvalues)

    def query(self, mh: MinHash) -> list[tuple[str, float]]:
        hits = self.lsh.query(mh.hashvalues)
        return sorted((h for h in hits if h[1] >= self.threshold), key=lambda h: (-h[1], h[0]))


_FACT = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\b|\b\d[\d,.]*\d\b|\b\d\b")
FACT_THRESHOLD = 0.2  # names and numbers a rewrite keeps; low, because scoring decides
MAX_CANDIDATES = 12  # the most similar fact sets are scored; a hub name shared by thousands is not a lead


@lru_cache(maxsize=1024)  # keyed by whole bodies, like ``phrases``: sized to a batch and its candidates
def facts(text: str) -> frozenset[bytes]:
    """Names and numbers of a text: what survives a sentence-by-sentence paraphrase (cached like ``phrases``)."""
    return frozenset(m.group(0).lower().encode() for m in _FACT.finditer(text))


def fact_minhash(found: frozenset[bytes] | set[bytes]) -> MinHash:
    mh = _minhash(11)
    mh.update_batch(list(found) or [b""])
    return mh


class FactIndex:
    """LSH over fact sets, with document frequencies so that rare names weigh more than "China"."""

    def __init__(self, threshold: float = FACT_THRESHOLD) -> None:
        self.lsh = CompactLSH(threshold, NUM_PERM)
        self.df: Counter[bytes] = Counter()

    def __len__(self) -> int:
        return len(self.lsh)

    def add(self, article_id: str, text: str) -> None:
        if article_id not in self.lsh:
            found = facts(text)
            self.lsh.insert(article_id, fact_minhash(found).hashvalues)
            self.df.update(found)

    def candidates(self, text: str, limit: int = MAX_CANDIDATES) -> list[str]:
        """Stored articles whose names and numbers overlap this text's most, best first."""
        hits = self.lsh.query(fact_minhash(facts(text)).hashvalues)
        return [aid for aid, _ in sorted(hits, key=lambda h: (-h[1], h[0]))[:limit]]

    def idf(self, fact: bytes) -> float:
        """Smoothed inverse document frequency of a name or number in the indexed corpus."""
        return math.log(1 + len(self.lsh) / max(self.df[fact], 1))

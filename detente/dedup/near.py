"""MinHash signatures and LSH indexes (datasketch): candidates without comparing every pair.

Two indexes: word 5-gram shingles for near duplicates (syndicated copies with new clutter and small edits),
and the set of names and numbers for derivative candidates (a paraphrase keeps those, not the wording).
Signatures are kept as bare hash arrays with one shared set of permutations, so an index over millions of
articles holds 128 bytes per signature plus 8 bytes per band (see ``lsh``).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable
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


_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\b")
_NUMBER = re.compile(r"\b\d[\d,.]*\d\b|\b\d\b")
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
FACT_THRESHOLD = 0.2  # names and numbers a rewrite keeps; low, because scoring decides
IDF_FLOOR = 1000  # articles a small store is taken to hold when weighing how rare a name is
MAX_CANDIDATES = 12  # the most similar fact sets are scored; a hub name shared by thousands is not a lead


@lru_cache(maxsize=1024)  # keyed by whole bodies, like ``phrases``: sized to a batch and its candidates
def facts(text: str) -> frozenset[bytes]:
    """Names and numbers of a text: what survives a sentence-by-sentence paraphrase (cached like ``phrases``).

    A capitalised run loses its leading words that the text also writes in lower case: a sentence's first word
    ("The", "Under") and titles ("President Joe Biden" → "joe biden"), so that a rewrite that moves a name to
    the start of a sentence, or drops a title, keeps the same fact."""
    lower = frozenset(_LOWER_WORD.findall(text))
    found = {m.group(0).encode() for m in _NUMBER.finditer(text)}
    for m in _NAME.finditer(text):
        words = m.group(0).split()
        while words and words[0].lower() in lower:
            words.pop(0)
        if words:
            found.add(" ".join(words).lower().encode())
    return frozenset(found)


def fact_minhash(found: frozenset[bytes] | set[bytes]) -> MinHash:
    mh = _minhash(11)
    mh.update_batch(list(found) or [b""])
    return mh


class FactCounts:
    """How many indexed articles have each name or number, in fixed memory: a count-min sketch.

    An exact counter keeps every name and number ever seen, ~110 bytes each: a year of news brings a million
    of them. Here each fact has a cell in each of two rows of 2**21 counters (16 MB, whatever the corpus) and its
    count is the smaller of its two cells; cells only grow as far as their smallest fact needs (conservative
    update). A count can be too high, never too low: when both of its cells are shared, by up to the smaller
    sharer's count. At a million distinct facts about one in seven shares both, mostly with other rare facts
    (most names and numbers are rare), so a rare name still weighs as rare."""

    WIDTH = 1 << 21

    def __init__(self) -> None:
        self.cells = np.zeros((2, self.WIDTH), dtype=np.uint32)

    def _cells(self, fact: bytes) -> tuple[int, int]:
        value = int.from_bytes(hashlib.blake2b(fact, digest_size=8).digest(), "little")  # stable across runs
        return value % self.WIDTH, (value >> 32) % self.WIDTH

    def add(self, found: Iterable[bytes]) -> None:
        """Count one more article for each of these (distinct) facts."""
        first, second = self.cells
        for fact in found:
            a, b = self._cells(fact)
            count = min(first[a], second[b]) + 1
            first[a], second[b] = max(first[a], count), max(second[b], count)

    def __getitem__(self, fact: bytes) -> int:
        a, b = self._cells(fact)
        return int(min(self.cells[0, a], self.cells[1, b]))


class FactIndex:
    """LSH over fact sets, with document frequencies so that rare names weigh more than "China"."""

    def __init__(self, threshold: float = FACT_THRESHOLD) -> None:
        self.lsh = CompactLSH(threshold, NUM_PERM)
        self.df = FactCounts()

    def __len__(self) -> int:
        return len(self.lsh)

    def add(self, article_id: str, text: str) -> None:
        if article_id not in self.lsh:
            found = facts(text)
            self.lsh.insert(article_id, fact_minhash(found).hashvalues)
            self.df.add(found)

    def candidates(self, text: str, limit: int = MAX_CANDIDATES) -> list[str]:
        """Stored articles whose names and numbers overlap this text's most, best first."""
        hits = self.lsh.query(fact_minhash(facts(text)).hashvalues)
        return [aid for aid, _ in sorted(hits, key=lambda h: (-h[1], h[0]))[:limit]]

    def idf(self, fact: bytes) -> float:
        """Smoothed inverse document frequency of a name or number in the indexed corpus.

        The corpus counts as at least ``IDF_FLOOR`` articles: in a store of a dozen, a name two articles share would
        otherwise weigh little against one only the copy has, and whether a rewrite is found would depend on how
        many articles the store happens to hold (or the batch it came in)."""
        return math.log(1 + max(len(self.lsh), IDF_FLOOR) / max(self.df[fact], 1))

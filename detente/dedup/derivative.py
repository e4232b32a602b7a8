"""Is article B a paraphrased rewrite of article A? Signals that survive rewording.

Shared names, numbers and rare content words persist when a content farm
rewrites a story sentence by sentence; an independent report on the same event
brings its own quotes, sources and facts. The score combines overlap of the
candidate's facts with the original's and the candidate's lack of its own.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

_WORD = re.compile(r"[A-Za-z][\w’'\-]+")
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\b")
STOP = frozenset(
    "the a an and or of to in on for with by from at as is are was were be been has have had it its this that "
    "these those their they he she his her not but also will would could can may than then there which who what "
    "when where while into over after before about more most such both two one".split()
)


@dataclass
class DerivativeEvidence:
    score: float
    name_overlap: float
    word_cosine: float
    own_quotes: int
    reasons: list[str]


def _content_words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text) if w.lower() not in STOP and len(w) > 2)


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    common = set(a) & set(b)
    num = sum(a[w] * b[w] for w in common)
    den = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return num / den if den else 0.0


def derivative_score(candidate: str, original: str, candidate_quotes: int, candidate_byline: bool) -> DerivativeEvidence:
    """How strongly ``candidate`` looks like a rewrite of ``original`` (0..1), with the reasons."""
    names_c = set(_NAME.findall(candidate))
    names_o = set(_NAME.findall(original))
    name_overlap = len(names_c & names_o) / len(names_c) if names_c else 0.0
    cosine = _cosine(_content_words(candidate), _content_words(original))
    reasons = [f"{name_overlap:.0%} of its names appear in the original", f"content-word cosine {cosine:.2f}"]
    score = 0.5 * name_overlap + 0.5 * min(cosine / 0.6, 1.0)
    if candidate_quotes == 0:
        score += 0.1
        reasons.append("no quotes of its own")
    else:
        score -= 0.15 * min(candidate_quotes, 4)
    if not candidate_byline:
        score += 0.05
        reasons.append("no byline")
    return DerivativeEvidence(max(0.0, min(score, 1.0)), name_overlap, cosine, candidate_quotes, reasons)

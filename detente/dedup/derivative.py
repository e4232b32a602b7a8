"""Is article C a paraphrased rewrite of article O? Signals that survive rewording.

A content farm rewrites a story sentence by sentence: it swaps words for synonyms and reorders paragraphs,
but keeps the names and numbers (weighted by how rare they are in the corpus), keeps fragments of the
original's phrasing in every sentence, and each of its sentences still sits next to one of the original's in
embedding space. A story that pastes a few whole paragraphs of another shares phrases only inside them, so
phrases count as rewording outside word-for-word sentences, and word-for-word sentences count by their share.
A rewrite brings no reporting of its own: no quotes the original lacks, no byline, or a generic bio. An
independent report of the same event shares the names but few phrases, and has its own quotes and byline.
Direction (which one is the original) comes from dates, who holds the superset of facts, and firsthand
quotes: the score is asymmetric, and a candidate clearly published before the "original" is penalised.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from detente.dedup.embed import AlignedPair, compare, sentence_key

THRESHOLD = 0.65
EMBED_WEIGHT = 0.2
MOSTLY_COPIED = 0.5  # share of word-for-word sentences above which a decided link needs no encoder for its evidence

_WORD = re.compile(r"[a-z0-9]+")
STOP = frozenset(
    "the a an and or of to in on for with by from at as is are was were be been has have had it its this that "
    "these those their they he she his her not but also will would could can may than then there which who what "
    "when where while into over after before about more most such both two one said says say".split()
)
# Faux author bios of template sites: a run of short fragments naming hobbies ("Coffee lover. Music specialist.").
_BIO_NOUN = re.compile(
    r"\b(?:lover|enthusiast|specialist|fan|advocate|aficionado|geek|nerd|buff|guru|ninja|evangelist|maven|junkie|"
    r"fanatic|trailblazer|practitioner|expert|writer|traveler|traveller|scholar|solver|explorer)\b",
    re.IGNORECASE,
)


@dataclass
class Side:
    """What the scorer needs of one article (read from the store or built in memory)."""

    body: str
    sentences: list[str]
    byline: str | None = None
    quotes: list[str] = field(default_factory=list)
    date_range: tuple[str | None, str | None] = (None, None)


@dataclass
class DerivativeEvidence:
    score: float
    phrase_share: float  # share of C's content phrases found in O
    fact_share: float  # rarity-weighted share of C's names and numbers found in O
    embedding: float  # mean best cosine of C's sentences against O's (None-like 0 when skipped)
    own_quotes: int  # C's quotes whose words O does not contain
    farm_cues: list[str]
    aligned: list[AlignedPair]
    reasons: list[str]

    def as_json(self, candidate: Side, original: Side) -> dict:
        """Evidence for the store and the web app: the reasons and the aligned sentence pairs, with text."""
        return {
            "score": round(self.score, 3),
            "reasons": self.reasons,
            "aligned": [
                {"copy_sentence": p.candidate, "original_sentence": p.original, "similarity": round(p.similarity, 3),
                 "copy_text": candidate.sentences[p.candidate], "original_text": original.sentences[p.original]}
                for p in self.aligned
            ],
        }


@lru_cache(maxsize=1024)  # whole bodies: a batch and its candidates fit; more only fills memory
def phrases(text: str) -> frozenset[str]:
    """Word trigrams with at least two content words: phrasing a rewrite keeps, minus function-word glue.

    Cached: a new article is scored against a dozen candidates in both directions, and a stored article
    is a candidate for many newcomers."""
    words = _WORD.findall(text.lower())
    return frozenset({
        " ".join(words[i : i + 3])
        for i in range(len(words) - 2)
        if sum(w not in STOP for w in words[i : i + 3]) >= 2
    })


def split_verbatim(candidate: list[str], original: list[str], min_words: int = 5) -> tuple[float, list[str]]:
    """The share of the candidate's sentences (of ``min_words`` or more) found word for word in the original,
    and the candidate's other sentences."""
    kept = [s for s in candidate if len(s.split()) >= min_words]
    if not kept:
        return 0.0, []
    source = _keys(tuple(original))
    rest = [s for s in kept if sentence_key(s) not in source]
    return 1 - len(rest) / len(kept), rest


@lru_cache(maxsize=1024)
def _keys(sentences: tuple[str, ...]) -> frozenset[str]:
    """Cached: a stored article is the original side for every newcomer it is compared with."""
    return frozenset(map(sentence_key, sentences))


# the same for sentences, in a cache of its own: sentences are many and small, bodies few and large
_sentence_phrases = lru_cache(maxsize=16384)(phrases.__wrapped__)


def farm_cues(side: Side) -> list[str]:
    """Content-farm signs: no byline, or a generic bio of hobby fragments closing the text."""
    cues = []
    if not side.byline:
        cues.append("no byline")
    tail = side.body.strip()[-300:]
    fragments = [f for f in re.split(r"(?<=[.!])\s+", tail) if f and len(f.split()) <= 6]
    if sum(bool(_BIO_NOUN.search(f)) for f in fragments[-5:]) >= 2:
        cues.append("generic author bio")
    return cues


def own_quotes(candidate: Side, original: Side) -> int:
    """Quotes of C that O does not contain (a copied quote is not firsthand reporting)."""
    source = phrases(original.body)
    own = 0
    for quote in candidate.quotes:
        words = phrases(quote)
        if words and len(words & source) / len(words) < 0.5:
            own += 1
    return own


def _clip(x: float) -> float:
    return max(0.0, min(x, 1.0))


def _earlier(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    """Was ``a`` certainly published before ``b`` (its range ends before b's starts)?"""
    if not (a[1] and b[0]):
        return False
    return date.fromisoformat(a[1]) < date.fromisoformat(b[0])


def derivative_score(
    candidate: Side,
    original: Side,
    facts: Callable[[str], frozenset[bytes]],
    idf: Callable[[bytes], float] = lambda f: 1.0,
    use_embeddings: bool = True,
    align: bool = False,
) -> DerivativeEvidence:
    """How strongly ``candidate`` looks like a rewrite of ``original`` (0..1), with the reasons and aligned pairs.

    The sentence embeddings (the costly part) run only when the cheap signals leave the decision open, or when
    ``align`` asks for the aligned sentence pairs as evidence (once, for the link that is stored).
    """
    c_phr, o_phr = phrases(candidate.body), phrases(original.body)
    phrase_share = len(c_phr & o_phr) / len(c_phr) if c_phr else 0.0
    verbatim, reworded = split_verbatim(candidate.sentences, original.sentences)
    # Phrases count as rewording evidence only outside whole copied sentences: a story that pastes two wire
    # paragraphs shares many phrases, all inside them, while a rewrite keeps fragments in every sentence.
    r_phr = frozenset().union(*map(_sentence_phrases, reworded)) if verbatim else c_phr
    reworded_share = len(r_phr & o_phr) / len(r_phr) if r_phr else 0.0
    c_facts, o_facts = facts(candidate.body), facts(original.body)
    total = sum(idf(f) for f in c_facts)
    fact_share = sum(idf(f) for f in c_facts & o_facts) / total if total else 0.0
    cues = farm_cues(candidate)
    own = own_quotes(candidate, original)
    reasons = [f"{phrase_share:.0%} of its phrases appear in the original",
               f"{fact_share:.0%} of its names and numbers (weighted by rarity) appear in the original"]
    if verbatim:
        reasons.append(f"{verbatim:.0%} of its sentences are copied word for word, "
                       f"{reworded_share:.0%} of the other sentences' phrases appear in the original")
    cue_part = 0.5 * (own == 0) + 0.5 * bool(cues)
    reasons += [*(["no quotes of its own"] if own == 0 else [f"{own} quotes of its own"]), *cues]
    text_part = max(_clip((reworded_share - 0.04) / 0.06), _clip((verbatim - 0.3) / 0.4))
    score = 0.35 * text_part + 0.25 * _clip((fact_share - 0.2) / 0.3) + 0.2 * cue_part
    score -= 0.1 * min(own, 3)  # firsthand quotes: this one did its own reporting, so it is the original if any
    if _earlier(candidate.date_range, original.date_range):
        score -= 0.3
        reasons.append("published before the other article")
    embedding, aligned = 0.0, []
    undecided = THRESHOLD - EMBED_WEIGHT <= score < THRESHOLD
    if use_embeddings and align and not undecided and score >= THRESHOLD and verbatim >= MOSTLY_COPIED:
        # decided, and mostly copied word for word: those sentences are the evidence, no encoder needed
        _, aligned = compare(candidate.sentences, original.sentences, encode=False)
        reasons.append(f"{len(aligned)} sentences are the original's word for word")
    elif use_embeddings and (undecided or (align and score + EMBED_WEIGHT >= THRESHOLD)):
        embedding, aligned = compare(candidate.sentences, original.sentences)
        score += EMBED_WEIGHT * _clip((embedding - 0.5) / 0.25)
        reasons.append(f"{len(aligned)} sentences align with the original (mean best cosine {embedding:.2f})")
    return DerivativeEvidence(_clip(score), phrase_share, fact_share, embedding, own, cues, aligned, reasons)

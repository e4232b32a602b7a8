"""Is article C a paraphrased rewrite of article O? What a rewrite keeps, and which of the two came first.

A rewrite restates its original sentence by sentence: it swaps words, merges, splits, drops or moves sentences,
adds background, but most of its sentences still restate one of the original's, mostly in the original's order,
and it keeps the original's rare names and numbers. So the decision rests on what is kept:

- aligned sentences: one-to-one pairs of prose sentences that restate each other (word for word, or close in
  sentence-embedding space), as a share of both texts, so that neither a short piece restating two paragraphs
  of a long one nor a long one quoting a few lines of a short one counts as a rewrite of the other;
- order: the share of aligned pairs that keep the original's order;
- rare names and numbers of C found in O, weighted by how rare they are in the corpus.

An independent report of the same event shares the names and a sentence or two (the official statement), not
most of its sentences in order. Signs of a rewrite that brings nothing of its own weigh less: no quotes of its
own (a quote whose sentence restates none of the original's and whose words the original lacks), and a content
farm's cues (no byline, a generic bio). Lists (tour dates, results tables) are not prose and are not aligned.
The sentence encoder is English-only: a text mostly in another script is not scored.

Direction (which one is the original) comes from dates (a copy is not published before its original), who holds
the superset of names and numbers, and who quotes directly what the other only reports: a rewriter turns quotes
into reported speech, never the reverse. ``link`` ties a pair only when one direction clearly wins.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from detente.dedup.embed import AlignedPair, compare, is_prose, sentence_key

THRESHOLD = 0.65
TEXT_WEIGHT = 0.5  # aligned sentences in order: what a rewrite keeps
FACT_WEIGHT = 0.2  # rare names and numbers kept
OWN_WEIGHT = 0.15  # no reporting of its own
FARM_WEIGHT = 0.1  # a content farm's cues
QUOTE_WEIGHT = 0.05  # quotes less directly what the other quotes
EARLIER_PENALTY = 0.3  # certainly published before the other: not its copy
OWN_QUOTE_PENALTY = 0.05  # per quote of its own, up to three
FACT_GATE = 0.35  # a rewrite keeps at least this share of its rare names and numbers; below, not scored further
MOSTLY_COPIED = 0.5  # share of word-for-word sentences above which a decided link needs no encoder for its evidence
LATIN_SHARE = 0.8  # share of Latin letters below which a text is not English and not scored

_WORD = re.compile(r"[a-z0-9]+")
_QUOTED = re.compile(r"[“\"]([^”\"\n]{2,600})[”\"]")
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
    embedding: float  # mean best cosine of C's prose sentences against O's (0 when the encoder did not run)
    own_quotes: int  # C's quotes that restate nothing of O
    farm_cues: list[str]
    aligned: list[AlignedPair]
    reasons: list[str]
    kept: float = 0.0  # aligned pairs as a share of the longer text's prose sentences
    in_order: float = 0.0  # share of the aligned pairs in the original's order
    decided: bool = True  # False: the score is an upper bound (the encoder did not run and could change it)
    prose: tuple[int, int] = (0, 0)  # prose sentences of the candidate and of the original

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


@lru_cache(maxsize=1024)
def is_english(text: str) -> bool:
    """Mostly Latin letters: the only texts the (English) sentence encoder and name patterns can judge."""
    letters = [c for c in text[:20000] if c.isalpha()]
    if not letters:
        return False
    return sum(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters) / len(letters) >= LATIN_SHARE


@lru_cache(maxsize=1024)
def quoted_words(text: str) -> int:
    """Words inside quotation marks: what a text quotes directly."""
    return sum(len(m.split()) for m in _QUOTED.findall(text))


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


def own_quotes(candidate: Side, original: Side, aligned: list[AlignedPair] = (),  # type: ignore[assignment]
               facts: Callable[[str], frozenset[bytes]] | None = None) -> int:
    """Quotes of C that restate nothing of O: their sentence is aligned with none of O's, most of their
    phrasing is not in O, and neither are most of their names and numbers (a paraphrased quote keeps the
    speaker and the figures; a firsthand one brings a new speaker or new figures)."""
    restated = [candidate.sentences[p.candidate] for p in aligned]
    source = phrases(original.body)
    known = facts(original.body) if facts else frozenset()
    own = 0
    for quote in candidate.quotes:
        head = quote.strip()[:40]
        if head and any(head in sentence for sentence in restated):
            continue
        words = phrases(quote)
        if not words or len(words & source) / len(words) >= 0.5:
            continue
        named = facts(quote) if facts else frozenset()
        if named and len(named & known) / len(named) >= 0.5:
            continue
        own += 1
    return own


def in_order(pairs: list[AlignedPair]) -> float:
    """Share of aligned pairs that keep the original's order (longest increasing run of original indices)."""
    tails: list[int] = []
    for pair in sorted(pairs, key=lambda p: p.candidate):
        k = bisect.bisect_left(tails, pair.original)
        tails[k : k + 1] = [pair.original]
    return len(tails) / len(pairs) if pairs else 0.0


@lru_cache(maxsize=1024)
def _distinct_prose(sentences: tuple[str, ...]) -> int:
    """Prose sentences, a repeated one counted once (it adds nothing for a rewrite to keep or leave out)."""
    return len({sentence_key(s) for s in sentences if is_prose(s)})


def _clip(x: float) -> float:
    return max(0.0, min(x, 1.0))


def _earlier(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    """Was ``a`` certainly published before ``b`` (its range ends before b's starts)?"""
    if not (a[1] and b[0]):
        return False
    return date.fromisoformat(a[1]) < date.fromisoformat(b[0])


def _text_part(kept: float, order: float) -> float:
    """0 at a fifth of the sentences restated, 1 from three fifths; a shuffled restatement counts 60%."""
    return _clip((kept - 0.2) / 0.4) * (0.6 + 0.4 * order)


def _not_scored(reason: str, fact_share: float = 0.0, phrase_share: float = 0.0) -> DerivativeEvidence:
    return DerivativeEvidence(0.0, phrase_share, fact_share, 0.0, 0, [], [], [reason])


def derivative_score(
    candidate: Side,
    original: Side,
    facts: Callable[[str], frozenset[bytes]],
    idf: Callable[[bytes], float] = lambda f: 1.0,
    use_embeddings: bool = True,
    align: bool = False,
) -> DerivativeEvidence:
    """How strongly ``candidate`` looks like a rewrite of ``original`` (0..1), with the reasons and aligned pairs.

    Sentences copied word for word align without the encoder; the encoder (the costly part) runs only when the
    rest could change the decision, or when ``align`` asks for the aligned pairs as evidence. With
    ``use_embeddings`` false the score counts only word-for-word sentences and ``decided`` says whether the
    encoder could still lift it over the threshold.
    """
    if not (is_english(candidate.body) and is_english(original.body)):
        return _not_scored("not English text: sentences are not compared")
    c_phr, o_phr = phrases(candidate.body), phrases(original.body)
    phrase_share = len(c_phr & o_phr) / len(c_phr) if c_phr else 0.0
    c_facts, o_facts = facts(candidate.body), facts(original.body)
    total = sum(idf(f) for f in c_facts)
    fact_share = sum(idf(f) for f in c_facts & o_facts) / total if total else 0.0
    if fact_share < FACT_GATE:
        return _not_scored(f"only {fact_share:.0%} of its names and numbers (weighted by rarity) appear in the "
                           "other: not a rewrite", fact_share, phrase_share)
    verbatim, _ = split_verbatim(candidate.sentences, original.sentences)
    cues = farm_cues(candidate)
    fewer_quotes = quoted_words(original.body) - quoted_words(candidate.body)
    quotes_less = fewer_quotes >= 4 and quoted_words(original.body) >= 1.2 * quoted_words(candidate.body)
    earlier = _earlier(candidate.date_range, original.date_range)
    base = FACT_WEIGHT * _clip((fact_share - 0.3) / 0.5) + FARM_WEIGHT * bool(cues) + QUOTE_WEIGHT * quotes_less
    base -= EARLIER_PENALTY * earlier

    def total_score(kept: float, order: float, own: int) -> float:
        own_part = OWN_WEIGHT if own == 0 else -OWN_QUOTE_PENALTY * min(own, 3)
        return base + TEXT_WEIGHT * _text_part(kept, order) + own_part

    # word-for-word sentences first (no encoder): enough for a syndicated or pasted copy, and an upper bound
    _, pairs = compare(candidate.sentences, original.sentences, encode=False)
    n_c, n_o = _distinct_prose(tuple(candidate.sentences)), _distinct_prose(tuple(original.sentences))
    longer = max(n_c, n_o, 1)
    own = own_quotes(candidate, original, pairs, facts)
    score = total_score(len(pairs) / longer, in_order(pairs), own)
    ceiling = base + TEXT_WEIGHT * _text_part(min(n_c, n_o) / longer, 1.0) + OWN_WEIGHT
    encoded, embedding = False, 0.0
    mostly_copied = verbatim >= MOSTLY_COPIED and score >= THRESHOLD
    if use_embeddings and not mostly_copied and (ceiling >= THRESHOLD or align):
        embedding, pairs = compare(candidate.sentences, original.sentences)
        own = own_quotes(candidate, original, pairs, facts)
        score = total_score(len(pairs) / longer, in_order(pairs), own)
        encoded = True
    kept, order = len(pairs) / longer, in_order(pairs)
    reasons = [f"{len(pairs)} of its {n_c} sentences restate sentences of the other ({n_o}), "
               f"{order:.0%} of them in the same order",
               f"{fact_share:.0%} of its names and numbers (weighted by rarity) appear in the other",
               f"{phrase_share:.0%} of its phrases appear in the other"]
    if verbatim:
        reasons.append(f"{verbatim:.0%} of its sentences are copied word for word")
    if encoded:
        reasons.append(f"mean best cosine of its sentences against the other's {embedding:.2f}")
    reasons += [*(["no quotes of its own"] if own == 0 else [f"{own} quotes of its own"]), *cues]
    if quotes_less:
        reasons.append("it quotes less directly than the other")
    if earlier:
        reasons.append("published before the other article")
    decided = encoded or mostly_copied or ceiling < THRESHOLD
    return DerivativeEvidence(_clip(score), phrase_share, fact_share, embedding, own, cues, pairs, reasons,
                              kept, order, decided, (n_c, n_o))


def _dated(side: Side) -> bool:
    lo, hi = side.date_range
    return bool(lo and hi and (date.fromisoformat(hi) - date.fromisoformat(lo)).days <= 31)


def direction(a: Side, b: Side, ab: DerivativeEvidence,
              facts: Callable[[str], frozenset[bytes]] | None = None) -> tuple[int, list[str]]:
    """Which of two articles that restate each other is the copy: +1 ``a``, -1 ``b``, 0 undecided; and why.

    A certain publication order decides alone. Otherwise each sign a rewriter leaves votes: it quotes directly
    less of what the other quotes (twice: a rewriter turns quotes into reported speech, never the reverse), it
    has more of a content farm's cues, or no date where the other has one, the other has quotes of its own, or
    the other holds more sentences it does not restate (the original is the superset of facts; only once,
    because some rewrites add background).
    ``ab`` is the evidence for "a is a copy of b" (its aligned pairs are the pairs both ways)."""
    if _earlier(b.date_range, a.date_range):
        return 1, ["the original was published first"]
    if _earlier(a.date_range, b.date_range):
        return -1, ["the original was published first"]
    votes: list[tuple[int, str]] = []
    quoted = quoted_words(b.body) - quoted_words(a.body)
    if abs(quoted) >= 4:
        votes.append((2 if quoted > 0 else -2, "the copy quotes directly less than the original"))
    cues_a, cues_b = len(farm_cues(a)), len(farm_cues(b))
    if cues_a != cues_b:
        votes.append((1 if cues_a > cues_b else -1, "the copy has more of a content farm's cues"))
    if _dated(a) != _dated(b):
        votes.append((1 if _dated(b) else -1, "the copy is undated where the original is dated"))
    own_a = own_quotes(a, b, ab.aligned, facts)
    own_b = own_quotes(b, a, [AlignedPair(p.original, p.candidate, p.similarity) for p in ab.aligned], facts)
    if bool(own_a) != bool(own_b):
        votes.append((1 if own_b else -1, "the original has quotes of its own"))
    n_a, n_b = ab.prose
    rest_a, rest_b = n_a - len(ab.aligned), n_b - len(ab.aligned)
    if abs(rest_a - rest_b) >= 2:
        votes.append((1 if rest_b > rest_a else -1, "the original holds more than the copy restates"))
    total = sum(v for v, _ in votes)
    sign = (total > 0) - (total < 0)
    return sign, [why if v * sign > 0 else f"against: {why}" for v, why in votes]

"""Synthetic corpora for benchmarks: the sample corpus and seeds recombined into N distinct articles.

Two kinds, deterministic for a given N and seed:

- ``overlap`` (the default, the corpus every earlier result was measured on): each article is most of one
  sample article plus a few paragraphs of another, shuffled; every article shares most of its text with one
  in eighteen of the others, so the dedup stages see a candidate for nearly every newcomer.
- ``mixed``: sentences of all the sample articles shuffled into new articles of 12-24 sentences, with 5%
  syndicated copies of a recent article (same body under another site's clutter and headline) and 5% that
  reuse a few paragraphs of a recent one. With eighteen source articles every pair is a topical neighbour
  that shares names and phrases, the case where rewrite detection must consult sentence embeddings most.

Every article carries a unique line, so no two bodies are equal unless planted as a copy.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "examples" / "corpus", ROOT.parent / "shared" / "corpus" / "seeds"]
KINDS = ("mixed", "overlap")
COPY_SHARE = 0.05
REUSE_SHARE = 0.05
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[A-Z“\"])")


def source_paragraphs() -> list[list[str]]:
    articles = []
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if len(p.split()) >= 12]
            if paragraphs:
                articles.append(paragraphs)
    if not articles:
        raise SystemExit("no source articles found in examples/corpus or ../shared/corpus/seeds")
    return articles


def _overlap_body(rng: random.Random, articles: list[list[str]]) -> list[str]:
    base = rng.choice(articles)
    other = rng.choice(articles)
    paragraphs = base[: rng.randint(3, max(3, len(base)))] + other[: rng.randint(1, 3)]
    rng.shuffle(paragraphs)
    return paragraphs


def _mixed_body(rng: random.Random, sentences: list[str]) -> list[str]:
    picked = rng.sample(sentences, k=rng.randint(12, 24))
    paragraphs, at = [], 0
    while at < len(picked):
        step = rng.randint(1, 4)
        paragraphs.append(" ".join(picked[at : at + step]))
        at += step
    return paragraphs


def _reuse_body(rng: random.Random, earlier: str, sentences: list[str]) -> list[str]:
    """A story that reuses a few paragraphs of a recent one (a wire quote, a background passage)."""
    taken = [p for p in earlier.split("\n\n")[1:] if p]
    return taken[: rng.randint(1, 3)] + _mixed_body(rng, sentences)[: rng.randint(3, 6)]


def write_corpus(folder: Path, n: int, seed: int = 7, kind: str = "overlap") -> Path:
    """Write ``n`` synthetic .txt articles into ``folder`` (reused if already complete)."""
    if kind not in KINDS:
        raise ValueError(f"corpus kind must be one of {KINDS}, not {kind!r}")
    folder.mkdir(parents=True, exist_ok=True)
    if len(list(folder.glob("*.txt"))) == n:
        return folder
    rng = random.Random(seed)
    articles = source_paragraphs()
    sentences = [s for paragraphs in articles for p in paragraphs for s in _SENTENCE_END.split(p) if len(s.split()) >= 5]
    recent: list[str] = []  # bodies a syndicated copy can take
    for i in range(n):
        if kind == "mixed" and recent and rng.random() < COPY_SHARE:
            body = rng.choice(recent)
            text = f"Subscribe to our newsletter\n\nSyndicated headline number {i}\n\n{body}\n\nRelated stories\n"
        else:
            if kind == "overlap":
                paragraphs = _overlap_body(rng, articles)
            elif recent and rng.random() < REUSE_SHARE:
                paragraphs = _reuse_body(rng, rng.choice(recent), sentences)
            else:
                paragraphs = _mixed_body(rng, sentences)
            body = f"Desk note {i}: this recombined dispatch number {i} was compiled for benchmarking.\n\n"
            body += "\n\n".join(paragraphs)
            recent = [*recent, body][-50:]
            text = f"Advertisement\n\nSynthetic headline number {i}\n\n{body}\n\nShare this article\n"
        (folder / f"synthetic_{i:06d}.txt").write_text(text, encoding="utf-8")
    return folder

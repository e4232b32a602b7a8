"""Synthetic corpora for benchmarks: the sample corpus and seeds recombined into N distinct articles.

Each article takes paragraphs from several source articles (so its parse cost is
realistic) plus a unique line, so no two bodies are equal and dedup does not
short-circuit the work. Deterministic for a given N and seed.
"""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "examples" / "corpus", ROOT.parent / "shared" / "corpus" / "seeds"]


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


def write_corpus(folder: Path, n: int, seed: int = 7) -> Path:
    """Write ``n`` synthetic .txt articles into ``folder`` (reused if already complete)."""
    folder.mkdir(parents=True, exist_ok=True)
    if len(list(folder.glob("*.txt"))) == n:
        return folder
    rng = random.Random(seed)
    articles = source_paragraphs()
    for i in range(n):
        base = rng.choice(articles)
        other = rng.choice(articles)
        paragraphs = base[: rng.randint(3, max(3, len(base)))] + other[: rng.randint(1, 3)]
        rng.shuffle(paragraphs)
        text = "Advertisement\n\n" + f"Synthetic headline number {i}\n\n"
        text += f"Desk note {i}: this recombined dispatch number {i} was compiled for benchmarking.\n\n"
        text += "\n\n".join(paragraphs) + "\n\nShare this article\n"
        (folder / f"synthetic_{i:06d}.txt").write_text(text, encoding="utf-8")
    return folder

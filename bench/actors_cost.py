"""Cost of actor resolution against the spaCy parse of the same articles (issue 5 target: ≤ 15 %).

Usage: .venv/bin/python bench/actors_cost.py [FOLDER ...]   (default: the seeds and examples/corpus)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from detente.actors import resolve_actors
from detente.ingest import iter_documents
from detente.ingest.decode import IngestError
from detente.nlp import load_nlp
from detente.pipeline import prepare


def main(folders: list[str]) -> None:
    nlp = load_nlp()
    prepared = [prepare(raw) for raw in iter_documents([Path(f) for f in folders]) if not isinstance(raw, IngestError)]
    bodies = [p.cleaned.body for p in prepared]
    resolve_actors(nlp("Warm-up: Chinese President Xi Jinping met Joe Biden."), nlp)  # tables and matchers built once
    start = time.perf_counter()
    docs = list(nlp.pipe(bodies))
    parse = time.perf_counter() - start
    start = time.perf_counter()
    for p, doc in zip(prepared, docs, strict=True):
        resolve_actors(doc, nlp, captions=p.cleaned.captions)
    actors = time.perf_counter() - start
    words = sum(len(d) for d in docs)
    print(f"{len(docs)} articles, {words} tokens: parse {parse:.2f} s, actors {actors:.2f} s ({100 * actors / parse:.1f} % of parse)")


if __name__ == "__main__":
    main(sys.argv[1:] or ["../shared/corpus/seeds", "examples/corpus"])

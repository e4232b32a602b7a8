"""Main-text extraction on the article-extraction-benchmark pages (../shared/peer-suites/boilerplate/),
scored with the benchmark's own metric, for Détente's cleaner and for trafilatura alone in the same run.

    python -m bench.peer_boilerplate [--limit N]

Metric (from the suite's SOURCES.md): tokens are `\\w+`; each page's text becomes a multiset of 4-token
shingles; per page tp/fp/fn normalised to sum 1; precision and recall are means over pages (precision skips
pages with no predicted shingles); F1 = 2PR/(P+R) of the means. Published F1: trafilatura 2.0 0.958,
newspaper4k 0.949, readability 0.922, AutoExtract 0.970.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from pathlib import Path

import trafilatura

from detente.clean import clean_document
from detente.records import RawDocument

SUITE = Path(__file__).resolve().parents[2] / "shared" / "peer-suites" / "boilerplate" / "article-extraction-benchmark"


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = re.findall(r"\w+", text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(0, len(tokens) - n + 1)))


def page_scores(predicted: str, truth: str) -> tuple[float | None, float]:
    pred, gold = shingles(predicted), shingles(truth)
    tp = sum((pred & gold).values())
    fp = sum((pred - gold).values())
    fn = sum((gold - pred).values())
    total = tp + fp + fn or 1
    tp, fp, fn = tp / total, fp / total, fn / total
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def summarize(scores: list[tuple[float | None, float]]) -> tuple[float, float, float]:
    precisions = [p for p, _ in scores if p is not None]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(r for _, r in scores) / len(scores) if scores else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run(limit: int | None = None) -> dict:
    truth = json.loads((SUITE / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    ours, theirs = [], []
    ours_s = theirs_s = 0.0
    for page_id in ids:
        html = gzip.decompress((SUITE / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8", errors="replace")
        expected = truth[page_id]["articleBody"]
        start = time.perf_counter()
        body = clean_document(RawDocument(source=page_id, doc_name=page_id, text=html, kind="html",
                                          hints={"url": truth[page_id].get("url", "")})).body
        ours_s += time.perf_counter() - start
        start = time.perf_counter()
        plain = trafilatura.extract(html, url=truth[page_id].get("url")) or ""
        theirs_s += time.perf_counter() - start
        ours.append(page_scores(body, expected))
        theirs.append(page_scores(plain, expected))
    return {"pages": len(ids), "detente": summarize(ours), "trafilatura": summarize(theirs),
            "detente_seconds": round(ours_s, 2), "trafilatura_seconds": round(theirs_s, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    result = run(parser.parse_args().limit)
    print(f"pages: {result['pages']}")
    for name in ("detente", "trafilatura"):
        p, r, f = result[name]
        print(f"{name:12s} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    print(f"time: detente {result['detente_seconds']} s, trafilatura {result['trafilatura_seconds']} s "
          f"(ratio {result['detente_seconds'] / max(result['trafilatura_seconds'], 1e-9):.2f})")


if __name__ == "__main__":
    main()

"""Publication dates on the htmldate MediaCloud 2020 pages (../shared/peer-suites/metadata/), day-exact,
for Détente's clean + metadata stages and for htmldate alone (extensive search) in the same run.

    python -m bench.peer_htmldate [--limit N]

Scoring: a page with a gold date counts when the predicted ISO day equals it; a page whose gold is NaN (no
date on the page) counts when nothing is predicted. Accuracy = correct / pages. Published: htmldate
extensive 0.903, newspaper4k 0.680.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import time
from pathlib import Path

from htmldate import find_date

from detente.clean import clean_document, extract_metadata
from detente.records import RawDocument

SUITE = Path(__file__).resolve().parents[2] / "shared" / "peer-suites" / "metadata" / "htmldate-mediacloud-2020"


def _gold(value: object) -> str | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def ours(html: str, url: str) -> str | None:
    raw = RawDocument(source=url, doc_name=url, text=html, kind="html", hints={"url": url})
    return extract_metadata(raw, clean_document(raw)).pub_date


def theirs(html: str, url: str) -> str | None:
    return find_date(html, url=url, extensive_search=True)


def run(limit: int | None = None) -> dict:
    cases = json.loads((SUITE / "eval_mediacloud_2020.json").read_text(encoding="utf-8"))
    items = sorted(cases.items())[:limit] if limit else sorted(cases.items())
    result: dict = {"pages": len(items), "misses": []}
    for name in ("detente", "htmldate"):
        result[name] = 0
        result[f"{name}_seconds"] = 0.0
    for url, case in items:
        html = gzip.decompress((SUITE / "test_set" / f"{case['file']}.gz").read_bytes()).decode("utf-8", "replace")
        gold = _gold(case.get("date"))
        for name, fn in (("detente", ours), ("htmldate", theirs)):
            start = time.perf_counter()
            got = fn(html, url)
            result[f"{name}_seconds"] += time.perf_counter() - start
            ok = got == gold
            result[name] += ok
            if name == "detente" and not ok:
                result["misses"].append((case["file"], gold, got))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    parser.add_argument("--misses", action="store_true", help="list the pages Détente gets wrong")
    args = parser.parse_args()
    result = run(args.limit)
    n = result["pages"]
    print(f"pages: {n}")
    for name in ("detente", "htmldate"):
        print(f"{name:9s} day-exact accuracy {result[name] / n:.3f}  ({result[name]}/{n}, {result[f'{name}_seconds']:.1f} s)")
    if args.misses:
        for file, gold, got in result["misses"]:
            print(f"  miss {file}: gold {gold}, got {got}")


if __name__ == "__main__":
    main()

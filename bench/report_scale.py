"""Report generation at scale: time as a ratio to the ingest time of the same corpus (goal ≤ 0.1), and file size.

    python -m bench.report_scale                    # 1k articles ingested, cloned to 10k
    python -m bench.report_scale --n 10000 --clone 1   # a real 10k ingest (hours on 2 cores)

Ingest is timed for real on N articles; with --clone K the report is timed on
N×K articles and compared with K × the measured ingest time (see bench/store_fixture.py).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from bench.store_fixture import cloned, ingested

WORKDIR = Path("/tmp/detente-bench")


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench.report_scale", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="articles ingested for real")
    parser.add_argument("--clone", type=int, default=10, help="copies of each article in the measured store")
    parser.add_argument("--workdir", type=Path, default=WORKDIR)
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)

    from detente.report import write_report
    from detente.store import Store

    source, ingest_seconds = ingested(args.workdir, args.n)
    db = cloned(source, args.workdir / f"store-{args.n}x{args.clone}.db", args.clone)
    out = args.workdir / f"report-{args.n}x{args.clone}.html"
    start = time.perf_counter()
    with Store(db, readonly=True) as store:
        articles = store.count("articles")
        write_report(store, out)
    report_seconds = time.perf_counter() - start
    ingest_total = ingest_seconds * args.clone
    result = {
        "articles": articles,
        "ingest_seconds_measured": round(ingest_seconds, 1),
        "ingest_articles_measured": args.n,
        "ingest_seconds_for_store": round(ingest_total, 1),
        "ingest_extrapolated": args.clone > 1,
        "report_seconds": round(report_seconds, 2),
        "ratio": round(report_seconds / ingest_total, 4),
        "report_mb": round(out.stat().st_size / 1e6, 1),
    }
    print(json.dumps(result, indent=2))
    print(f"report/ingest ratio: {result['ratio']:.4f} (goal <= 0.1); report {result['report_mb']} MB for {articles} articles")
    return result


if __name__ == "__main__":
    main()

"""Pipeline benchmark: our time as a ratio to a bare spaCy parse of the same bodies, re-ingest cost,
peak memory at growing corpus sizes, and throughput. Results are printed and written to bench/results/.

    python -m bench --quick      # under a minute; ends with "pipeline/spacy ratio: X.XX"
    python -m bench              # 1k articles for timing, memory at 1k and 10k (add --sizes 1000,100000 for 100k)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench.corpus import write_corpus

RESULTS = Path(__file__).resolve().parent / "results"


def _bodies(folder: Path) -> list[str]:
    from detente.ingest import iter_documents
    from detente.pipeline import prepare

    return [prepare(doc).cleaned.body for doc in iter_documents([folder])]


def time_spacy(bodies: list[str]) -> float:
    from detente.nlp import load_nlp

    nlp = load_nlp()
    start = time.perf_counter()
    for _ in nlp.pipe(bodies, batch_size=32):
        pass
    return time.perf_counter() - start


def time_ingest(folder: Path, db: Path) -> float:
    from detente.corpus import ingest
    from detente.store import Store

    start = time.perf_counter()
    with Store(db) as store:
        report = ingest(store, [folder])
    elapsed = time.perf_counter() - start
    if report.errors:
        print(f"warning: {len(report.errors)} inputs failed, first: {report.errors[0]}", file=sys.stderr)
    return elapsed


def peak_rss_mb(folder: Path, db: Path) -> float:
    """Peak RSS of a separate `detente ingest` process (so sizes do not share one heap)."""
    cmd = [sys.executable, "-c",
           "import resource,sys;from detente.cli import app;"
           "sys.argv=['detente','ingest',sys.argv[1],'--db',sys.argv[2]];"
           "\ntry: app()\nexcept SystemExit: pass\n"
           "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)", str(folder), str(db)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    try:
        return int(out.stdout.strip().splitlines()[-1]) / 1024
    except (ValueError, IndexError):
        raise SystemExit(f"memory run failed: {out.stderr[-500:]}") from None


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small corpus, under a minute")
    parser.add_argument("--timing-size", type=int, default=None, help="articles for the timing runs")
    parser.add_argument("--sizes", default=None, help="comma-separated corpus sizes for the memory runs")
    parser.add_argument("--workdir", default=None, help="where synthetic corpora are kept (default: a temp dir)")
    args = parser.parse_args(argv)
    n_time = args.timing_size or (60 if args.quick else 1000)
    sizes = [int(s) for s in (args.sizes or ("30,120" if args.quick else "1000,10000")).split(",")]
    work = Path(args.workdir or tempfile.mkdtemp(prefix="detente-bench-"))
    console = Console()

    folder = write_corpus(work / f"corpus-{n_time}", n_time)
    bodies = _bodies(folder)
    time_spacy(bodies[:8])  # warm up: model load and first batch are not what we compare
    spacy_s = time_spacy(bodies)
    db = work / f"bench-{n_time}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    pipeline_s = time_ingest(folder, db)
    reingest_s = time_ingest(folder, db)
    rss = {}
    for size in sizes:
        mem_folder = write_corpus(work / f"corpus-{size}", size)
        mem_db = work / f"mem-{size}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{mem_db}{suffix}").unlink(missing_ok=True)
        rss[size] = peak_rss_mb(mem_folder, mem_db)

    result = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip(),
        "machine": f"{platform.machine()} {os.cpu_count()} cpu",
        "mode": "quick" if args.quick else "full",
        "articles": n_time,
        "spacy_seconds": round(spacy_s, 3),
        "pipeline_seconds": round(pipeline_s, 3),
        "pipeline_spacy_ratio": round(pipeline_s / spacy_s, 3),
        "reingest_seconds": round(reingest_s, 3),
        "reingest_ratio": round(reingest_s / pipeline_s, 4),
        "peak_rss_mb": {str(k): round(v, 1) for k, v in rss.items()},
        "rss_ratio_largest_smallest": round(rss[max(rss)] / rss[min(rss)], 3),
        "articles_per_second_per_core": round(n_time / pipeline_s, 2),
    }
    table = Table(title=f"Détente pipeline benchmark ({result['mode']}, {n_time} articles, {result['machine']})")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_column("goal", justify="right")
    table.add_row("bare spaCy nlp.pipe (s)", f"{spacy_s:.2f}", "")
    table.add_row("pipeline: ingest + analyse + store (s)", f"{pipeline_s:.2f}", "")
    table.add_row("re-ingest unchanged ÷ first ingest", f"{result['reingest_ratio']:.3f}", "≤ 0.05")
    for size, mb in rss.items():
        table.add_row(f"peak RSS at {size} articles (MB)", f"{mb:.0f}", "")
    table.add_row(f"RSS {max(rss)} ÷ {min(rss)}", f"{result['rss_ratio_largest_smallest']:.2f}", "≤ 1.2")
    table.add_row("articles / second / core", f"{result['articles_per_second_per_core']:.1f}", "")
    console.print(table)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"{time.strftime('%Y%m%d-%H%M%S')}-{result['mode']}.json"
    out.write_text(json.dumps(result, indent=2))
    console.print(f"results written to {out}")
    print(f"pipeline/spacy ratio: {result['pipeline_spacy_ratio']:.2f}")
    return result


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    main()

"""Pipeline benchmark: our time as a ratio to a bare spaCy parse of the same bodies, re-ingest cost,
peak memory at growing corpus sizes, throughput, and the Ray engine against one process.
Results are printed and written to --out (default: a dated file under ~/.cache/detente/bench, printed).

    python -m bench --quick                     # 60 and 120 articles; ends with "pipeline/spacy ratio: X.XX" (at 120)
    python -m bench                             # 1k and 10k articles
    python -m bench --sizes 1000,10000,100000   # add 100k (hours)
    python -m bench --unpaired --sizes 1000,100000   # memory at 1k and 100k without the reference parse (~2 h)
    python -m bench --ray [--ray-size 10000]    # Ray Data on 2 local CPUs vs one process, same corpus, same records
    python -m bench --quick --corpus mixed      # the other synthetic corpus (see bench/corpus.py)

Every size runs in its own process (so peak RSS at each size is independent). Times are CPU seconds (the parse
is single-threaded; on a shared machine wall time measures the neighbours), wall seconds are recorded too.
The reference is spaCy as shipped (``spacy.load``, ``nlp.pipe``) over the same cleaned bodies, in a worker that
takes turns with the ingest, 32 articles each (bench/reference.py), so both sides meet the same neighbours: on a
shared machine the same 120 bodies took 11 to 16 CPU seconds across runs. Model loads and one-time table setup are
a warm-up outside the clock for both sides.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench import OUT_HELP, results_path
from bench.corpus import KINDS, write_corpus

STORED = ("articles", "sentences", "actors", "mentions", "article_actors", "events", "quotes", "stories", "ingest_errors")


def measure(*args: str) -> dict:
    """Run one ``bench.size_run`` measurement in a child process."""
    # A fixed hash seed: which of several equally near copies dedup links to follows set order, and the Ray
    # comparison must not count that as a difference between engines.
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    out = subprocess.run([sys.executable, "-m", "bench.size_run", *args], capture_output=True, text=True, check=False,
                         cwd=Path(__file__).resolve().parents[1], env=env)
    try:
        return json.loads(out.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise SystemExit(f"measurement {args} failed: {out.stderr[-1500:]}") from None


def stored_rows(db: Path) -> dict[str, list[str]]:
    """Every stored record, sorted, without ingest timestamps: two engines must give the same rows."""
    conn = sqlite3.connect(db)
    try:
        rows = {}
        for table in STORED:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in ("ingested_at", "at")]
            rows[table] = sorted(repr(r) for r in conn.execute(f"SELECT {', '.join(columns)} FROM {table}"))
        return rows
    finally:
        conn.close()


def size_entry(work: Path, size: int, kind: str, paired: bool = True) -> dict:
    folder = write_corpus(work / f"corpus-{kind}-{size}", size, kind=kind)
    run = measure("ingest" if paired else "memory", str(folder), str(work / f"bench-{kind}-{size}.db"))
    entry = {
        "articles": run["articles"],
        "errors": run["errors"],
        "pipeline_cpu_seconds": round(run["cpu"], 2),
        "pipeline_usage": run["usage"],  # user/sys seconds and page faults of each side: where a gap comes from
        "pipeline_wall_seconds": round(run["wall"], 2),
        "reingest_ratio": round(run["reingest_cpu"] / run["cpu"], 4),
        "reingest_added": run["reingest_added"],
        "peak_rss_mb": round(run["peak_rss_mb"], 1),
        "articles_per_cpu_second": round(run["articles"] / run["cpu"], 2),
    }
    if paired:
        entry.update({
            "spacy_cpu_seconds": round(run["spacy_cpu"], 2),
            "spacy_wall_seconds": round(run["spacy_wall"], 2),
            "spacy_articles": run["spacy_articles"],
            "spacy_usage": run["spacy_usage"],
            "pipeline_spacy_ratio": round(run["cpu"] / run["spacy_cpu"], 3),
            "pipeline_spacy_ratio_wall": round(run["wall"] / run["spacy_wall"], 3),
        })
    return entry


def ray_entry(work: Path, size: int, cpus: int, local: dict | None, kind: str) -> dict:
    folder = write_corpus(work / f"corpus-{kind}-{size}", size, kind=kind)
    local_db, ray_db = work / f"bench-{kind}-{size}.db", work / f"ray-{kind}-{size}.db"
    local_rss = local_cpu = None
    if local is None or not local_db.exists():
        local = measure("ingest", str(folder), str(local_db))
        local_wall, local_rss, local_cpu = local["wall"], local["peak_rss_mb"], local["cpu"]
    else:
        local_wall = local["pipeline_wall_seconds"]
    distributed = measure("ray", str(folder), str(ray_db), str(cpus))
    same = stored_rows(local_db) == stored_rows(ray_db)
    return {
        "articles": distributed["articles"],
        "cpus": cpus,
        "local_wall_seconds": round(local_wall, 2),
        "ray_wall_seconds": round(distributed["wall"], 2),
        "ray_speedup": round(local_wall / distributed["wall"], 3),
        "local_peak_rss_mb": local_rss,  # the one-process run at this size (None when the size table has it)
        "local_cpu_seconds": round(local_cpu, 2) if local_cpu is not None else None,
        "identical_records": same,
        "load_average": os.getloadavg()[0],
    }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="60 and 120 articles: about a minute on an idle 2-core machine")
    parser.add_argument("--sizes", default=None, help="comma-separated corpus sizes (default 1000,10000; quick: 60,120)")
    parser.add_argument("--ray", action="store_true", help="also run Ray Data on --ray-cpus local CPUs vs one process")
    parser.add_argument("--ray-only", action="store_true", help="only the Ray comparison")
    parser.add_argument("--ray-size", type=int, default=10000, help="articles for the Ray comparison")
    parser.add_argument("--ray-cpus", type=int, default=2)
    parser.add_argument("--corpus", choices=KINDS, default="overlap",
                        help="overlap (default, comparable across commits): each article most of one sample article "
                             "plus a few paragraphs of another; mixed: sentences of all sample articles shuffled into "
                             "new ones, 5%% syndicated copies and 5%% partial reuse (every pair a topical neighbour)")
    parser.add_argument("--unpaired", action="store_true",
                        help="no reference parse: peak memory, re-ingest and throughput only, in half the time "
                             "(for 100k, about 2 h instead of 4 on 2 cores)")
    parser.add_argument("--workdir", default=None, help="where synthetic corpora are kept (default: a temp dir)")
    parser.add_argument("--out", default=None, help=OUT_HELP)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in (args.sizes or ("60,120" if args.quick else "1000,10000")).split(",")]
    work = Path(args.workdir or tempfile.mkdtemp(prefix="detente-bench-"))
    console = Console()

    entries: dict[int, dict] = {}
    if not args.ray_only:
        for size in sizes:
            entries[size] = size_entry(work, size, args.corpus, paired=not args.unpaired)
            console.print(f"{size} articles: {json.dumps(entries[size])}")
    ray = ray_entry(work, args.ray_size, args.ray_cpus, entries.get(args.ray_size), args.corpus) if args.ray or args.ray_only else None

    result = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip(),
        "machine": f"{platform.machine()} {os.cpu_count()} cpu",
        "load_average": os.getloadavg()[0],
        "mode": "quick" if args.quick else ("ray" if args.ray_only else ("unpaired" if args.unpaired else "full")),
        "corpus": args.corpus,
        "sizes": {str(k): v for k, v in entries.items()},
    }
    table = Table(title=f"Détente pipeline benchmark ({result['mode']}, {args.corpus} corpus, {result['machine']}, load {result['load_average']:.1f})")
    table.add_column("measure")
    for size in entries:
        table.add_column(f"{size}", justify="right")
    table.add_column("goal", justify="right")
    if entries:
        first, last = min(entries), max(entries)
        result["timing_size"] = last  # the most articles: per-ingest fixed costs (store, indexes) weigh least
        result["pipeline_spacy_ratio"] = entries[last].get("pipeline_spacy_ratio")
        result["reingest_ratio"] = entries[last]["reingest_ratio"]
        result["rss_ratio_largest_smallest"] = round(entries[last]["peak_rss_mb"] / entries[first]["peak_rss_mb"], 3)
        rows = [
            ("bare spaCy nlp.pipe (model as shipped), CPU s", "spacy_cpu_seconds", "{:.1f}", ""),
            ("pipeline: ingest + analyse + store, CPU s", "pipeline_cpu_seconds", "{:.1f}", ""),
            ("pipeline ÷ spaCy (CPU)", "pipeline_spacy_ratio", "{:.2f}", "≤ 1.3"),
            ("pipeline ÷ spaCy (wall)", "pipeline_spacy_ratio_wall", "{:.2f}", ""),
            ("re-ingest unchanged ÷ first ingest", "reingest_ratio", "{:.3f}", "≤ 0.05"),
            ("peak RSS (MB)", "peak_rss_mb", "{:.0f}", ""),
            ("articles / CPU-second (per core)", "articles_per_cpu_second", "{:.2f}", ""),
        ]
        for label, key, fmt, goal in rows:
            if any(key in entries[s] for s in entries):
                table.add_row(label, *(fmt.format(entries[s][key]) if key in entries[s] else "–" for s in entries), goal)
        table.add_row(f"RSS {last} ÷ {first}", *([""] * (len(entries) - 1)), f"{result['rss_ratio_largest_smallest']:.2f}", "≤ 1.2")
        console.print(table)
    if ray is not None:
        result["ray"] = ray
        console.print(f"Ray Data, {ray['cpus']} local CPUs, {ray['articles']} articles: {ray['ray_wall_seconds']:.1f} s vs "
                      f"{ray['local_wall_seconds']:.1f} s in one process: {ray['ray_speedup']:.2f}× (goal ≥ 1.6), "
                      f"records identical: {ray['identical_records']}")
    out = results_path(args.out, f"{time.strftime('%Y%m%d-%H%M%S')}-{result['mode']}-{args.corpus}.json")
    out.write_text(json.dumps(result, indent=2))
    console.print(f"results written to {out}")
    if entries and result["pipeline_spacy_ratio"] is not None:
        print(f"pipeline/spacy ratio: {result['pipeline_spacy_ratio']:.2f}")
    return result


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    main()

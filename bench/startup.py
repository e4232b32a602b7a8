"""Whole-process cost of a small ingest against the floor of loading spaCy and parsing the same bodies (issue 27).

    python -m bench.startup                  # 49 articles: seeds, examples, real-dev, then the rewrites fixtures
    python -m bench.startup --n 14 --runs 5  # fewer articles, more runs

A user who ingests a few dozen articles waits mostly for fixed costs: interpreter start, imports, model loads. Both
sides are fresh processes run in turn (floor, ingest, floor, ingest, ...) so that they meet the same neighbours on a
shared machine; the figures are medians. The floor is ``spacy.load`` of the model as shipped and ``nlp.pipe`` over the
clean bodies the ingest stored (none of Détente's code is imported on that side); the ingest is ``detente ingest``
into a fresh store, everything included (clean, parse, actors, events with the classifier, quotes, dates, dedup,
stories). Wall seconds and CPU seconds (user + system of the child) are both reported.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import OUT_HELP, results_path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SOURCES = [SHARED / "corpus" / "seeds", ROOT / "examples" / "corpus", SHARED / "corpus" / "real-dev",
           ROOT / "tests" / "fixtures" / "rewrites" / "articles"]
ARTICLE_SUFFIXES = {".txt", ".html", ".htm", ".json"}
FLOOR = """
import json, sys
import spacy
nlp = spacy.load(sys.argv[1])
bodies = json.load(open(sys.argv[2], encoding="utf-8"))
for _ in nlp.pipe(bodies, batch_size=32):
    pass
"""


def article_files(n: int) -> list[Path]:
    """The first ``n`` article files of the development folders that exist here, in a fixed order."""
    files = [p for folder in SOURCES if folder.is_dir() for p in sorted(folder.iterdir())
             if p.suffix.lower() in ARTICLE_SUFFIXES and p.stem.upper() not in ("README", "SOURCES")]
    if len(files) < n:
        raise SystemExit(f"only {len(files)} article files found in {[str(s) for s in SOURCES]}; ask for --n {len(files)}")
    return files[:n]


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(prog="python -m bench.startup", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=49, help="articles (default 49)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each side (medians are reported)")
    parser.add_argument("--out", default=None, help=OUT_HELP)
    args = parser.parse_args(argv)
    from detente.nlp import MODEL_NAME
    from detente.store import Store

    files = article_files(args.n)
    work = Path(tempfile.mkdtemp(prefix="detente-startup-"))
    try:
        inputs = work / "articles"
        inputs.mkdir()
        for i, path in enumerate(files):  # one folder, unique names: the ingest reads exactly these files
            shutil.copy(path, inputs / f"{i:03d}_{path.name}")
        ingest = [sys.executable, "-m", "detente", "ingest", str(inputs), "--db"]
        timed([*ingest, str(work / "first.db")])  # also warms the disk cache; its bodies feed the floor
        with Store(work / "first.db", readonly=True) as store:
            bodies = [article.body for article in store.articles()]
        (work / "bodies.json").write_text(json.dumps(bodies), encoding="utf-8")
        floor_cmd = [sys.executable, "-c", FLOOR, MODEL_NAME, str(work / "bodies.json")]
        floor, ours = [], []
        for run in range(args.runs):
            floor.append(timed(floor_cmd))
            db = work / f"run{run}.db"
            ours.append(timed([*ingest, str(db)]))
        result = {
            "articles": len(bodies),
            "floor_wall_s": statistics.median(w for w, _ in floor), "floor_cpu_s": statistics.median(c for _, c in floor),
            "ingest_wall_s": statistics.median(w for w, _ in ours), "ingest_cpu_s": statistics.median(c for _, c in ours),
            "runs": args.runs,
        }
        result["wall_ratio"] = result["ingest_wall_s"] / result["floor_wall_s"]
        result["cpu_ratio"] = result["ingest_cpu_s"] / result["floor_cpu_s"]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{result['articles']} articles, median of {args.runs} fresh processes each")
    print(f"  spaCy load + parse   wall {result['floor_wall_s']:6.1f} s   CPU {result['floor_cpu_s']:6.1f} s")
    print(f"  detente ingest       wall {result['ingest_wall_s']:6.1f} s   CPU {result['ingest_cpu_s']:6.1f} s")
    print(f"  ratio                wall {result['wall_ratio']:6.2f}     CPU {result['cpu_ratio']:6.2f}   (issue 27 target: <= 1.2)")
    out = results_path(args.out, f"{time.strftime('%Y%m%d-%H%M%S')}-startup.json")
    out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"written: {out}")
    return result


if __name__ == "__main__":
    main()

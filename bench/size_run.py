"""One benchmark measurement in a fresh process (so each peak RSS is its own), printed as one JSON line.

    python -m bench.size_run ingest FOLDER DB      # first ingest (with its paired reference parse), then re-ingest
    python -m bench.size_run memory FOLDER DB      # first ingest alone (no reference parse), then re-ingest
    python -m bench.size_run ray FOLDER DB CPUS    # first ingest on a local Ray cluster of CPUS CPUs

Times are CPU seconds of this process (``process_time``: the parse is single-threaded, and on a shared
machine wall time measures the neighbours) and wall seconds. Model loads (spaCy, and the MiniLM encoder in the
writer) and the pipeline's one-time table and gazetteer setup are done before the clock starts, as a warm-up: they are per process, not per article.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def warm_up(writer: bool = False) -> None:
    """Load the model, the data tables and the gazetteer, as any long run does once; for the writer, also the
    sentence encoder that rewrite detection loads on its first candidate pair (seconds of torch import)."""
    from detente.batch import analyze_text

    analyze_text("Vietnam and China signed an agreement in Hanoi on Monday, officials said. "
                 "“We welcome it,” said Foreign Minister Bui Thanh Son.")
    if writer:
        from detente.dedup.embed import model

        model()


def _clock() -> tuple[float, float]:
    return time.process_time(), time.perf_counter()


def _ingest(folder: Path, db: Path, **options) -> tuple[float, float, int, int]:
    from detente.corpus import ingest
    from detente.store import Store

    cpu, wall = _clock()
    with Store(db) as store:
        report = ingest(store, [folder], **options)
    return time.process_time() - cpu, time.perf_counter() - wall, report.added, len(report.errors)


def run_ingest(folder: Path, db: Path, paired: bool = True) -> dict:
    """First ingest, paired batch by batch with the reference parse of the same bodies (bench.reference), then
    re-ingest of the unchanged corpus. Unpaired, the ingest runs alone: half the time, for memory and throughput
    at sizes where the pair would take hours (the reference lives in another process, so peak RSS is the same)."""
    from bench.reference import PairedReference, usage, usage_since

    reference = PairedReference(folder) if paired else None
    warm_up(writer=True)
    stored = [0]

    def take_turns(event: str, source: str) -> None:
        if event == "stored" and reference is not None:
            stored[0] += 1
            if stored[0] % 32 == 0:
                reference.parse(32)

    before = usage()
    cpu, wall, added, errors = _ingest(folder, db, progress=take_turns)
    used = usage_since(before)
    result = {"articles": added, "errors": errors, "cpu": cpu, "wall": wall, "peak_rss_mb": _peak_rss_mb(),
              "usage": used}
    if reference is not None:
        result["wall"] -= reference.waited
        bare = reference.finish()
        result.update(spacy_cpu=bare["cpu"], spacy_wall=bare["wall"], spacy_articles=bare["articles"],
                      spacy_usage=bare["usage"])
    # peak RSS is read above, before the re-ingest, which holds less
    re_cpu, re_wall, re_added, _ = _ingest(folder, db)
    result.update(reingest_cpu=re_cpu, reingest_wall=re_wall, reingest_added=re_added)
    return result


def run_ray(folder: Path, db: Path, cpus: int) -> dict:
    import ray

    warm_up(writer=True)
    ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False)
    try:
        cpu, wall, added, errors = _ingest(folder, db, engine="ray")
    finally:
        ray.shutdown()
    return {"articles": added, "errors": errors, "driver_cpu": cpu, "wall": wall, "cpus": cpus}


def main(argv: list[str]) -> None:
    kind, folder = argv[0], Path(argv[1])
    for suffix in ("", "-wal", "-shm"):
        if len(argv) > 2:
            Path(f"{argv[2]}{suffix}").unlink(missing_ok=True)
    if kind in ("ingest", "memory"):
        result = run_ingest(folder, Path(argv[2]), paired=kind == "ingest")
    elif kind == "ray":
        result = run_ray(folder, Path(argv[2]), int(argv[3]))
    else:
        raise SystemExit(f"unknown measurement {kind!r}")
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])

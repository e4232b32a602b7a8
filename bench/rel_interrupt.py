"""Issue 26, groups 1 and 2: an interrupted ingest finishes on rerun; concurrent ingests store each raw file once.

Interrupted: `detente ingest` of a synthetic corpus (copies, rewrites, stories) is stopped by SIGKILL and by SIGINT
at five points (before the first batch is stored, after the first, second and third batches, and once every
article is stored, during the corpus-wide passes), then run again; the store must then equal a clean run's, byte
for byte in `detente export --format jsonl`. Concurrent: two and four `detente ingest` of overlapping inputs into
one fresh database at once; every raw file must be stored once and no run may fail.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

from bench.corpus import write_corpus
from bench.rel_common import Row, command, count, run

BATCH = 32


def _export(db: Path, out: Path) -> bytes:
    ran = run("export", "--format", "jsonl", "--db", str(db), "--out", str(out))
    return out.read_bytes() if ran.code == 0 and out.exists() else b""


def _kinds(data: bytes) -> Counter:
    import json

    return Counter(json.loads(line)["record"] for line in data.splitlines() if line.strip())


def _differences(clean: bytes, other: bytes) -> str:
    """Which record kinds differ, and how many lines of each side the other lacks."""
    import json

    a, b = set(clean.splitlines()), set(other.splitlines())
    missing = Counter(json.loads(x)["record"] for x in a - b)
    extra = Counter(json.loads(x)["record"] for x in b - a)
    return f"missing {dict(missing)}, extra {dict(extra)}"


def _wait_for(proc: subprocess.Popen, db: Path, at: int | str) -> int:
    """Poll the store until ``at`` articles are committed ("early": once the process has run a while, none stored)."""
    started = time.monotonic()
    while proc.poll() is None:
        stored = count(db) if db.exists() else 0
        if at == "early" and (stored or time.monotonic() - started > 15):
            return stored
        if at != "early" and stored >= int(at):
            return stored
        time.sleep(0.05)
    return count(db)


def interrupted(work: Path, n: int = 100) -> list[Row]:
    corpus = write_corpus(work / "corpus-interrupted", n, seed=7, kind="mixed")
    clean_db = work / "clean.db"
    clean_run = run("ingest", str(corpus), "--db", str(clean_db))
    clean = _export(clean_db, work / "clean.jsonl")
    kinds = _kinds(clean)
    rows = [Row("1 interrupted", "clean run (reference)", clean_run.code == 0 and bool(clean), "exit 0",
                f"{clean_run.out.strip()[:90]}; {kinds['story']} stories")]
    points: list[int | str] = ["early", 1, BATCH + 1, 2 * BATCH + 1, n]
    for sig in (signal.SIGKILL, signal.SIGINT):
        equal = 0
        notes = []
        for point in points:
            db = work / f"int-{sig.name}-{point}.db"
            proc = subprocess.Popen(command("ingest", str(corpus), "--db", str(db)), stdout=subprocess.DEVNULL,
                                    stderr=subprocess.PIPE)
            stored = _wait_for(proc, db, point)
            finished_first = proc.poll() is not None
            if not finished_first:
                os.kill(proc.pid, sig)
            _, err = proc.communicate()
            rerun = run("ingest", str(corpus), "--db", str(db))
            data = _export(db, work / f"int-{sig.name}-{point}.jsonl")
            same = data == clean and rerun.code == 0
            equal += same
            where = "finished before the signal" if finished_first else f"{stored} stored"
            interrupted_msg = "interrupted" in err.decode("utf-8", "replace").lower()
            extra = "" if sig != signal.SIGINT else f", exit {proc.returncode}{' said interrupted' if interrupted_msg else ''}"
            notes.append(f"{point}: {where}{extra}" + ("" if same else f" → DIFFERS ({_differences(clean, data)})"))
        rows.append(Row("1 interrupted", f"{sig.name} at {len(points)} points, then rerun", equal == len(points),
                        "export equals the clean run's", f"{equal}/{len(points)} equal; " + "; ".join(notes)))
    return rows


def concurrent(work: Path, n: int = 24, trials: int = 2) -> list[Row]:
    corpus = write_corpus(work / "corpus-concurrent", n, seed=5, kind="mixed")
    files = sorted(corpus.glob("*.txt"))
    rows = []
    for writers in (2, 4):
        stored_twice = failed = 0
        notes = []
        for trial in range(trials):
            db = work / f"concurrent-{writers}-{trial}.db"
            # overlapping inputs: each writer reads two thirds of the corpus, starting at a different place
            span = 2 * len(files) // 3
            shares = [[str(files[(w * len(files) // writers + i) % len(files)]) for i in range(span)] for w in range(writers)]
            procs = [subprocess.Popen(command("ingest", *share, "--db", str(db)), stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE) for share in shares]
            results = [p.communicate() for p in procs]
            codes = [p.returncode for p in procs]
            errors = [e.decode("utf-8", "replace") for _, e in results]
            twice = count(db, "SELECT COUNT(*) FROM (SELECT raw_hash FROM articles GROUP BY raw_hash HAVING COUNT(*) > 1)")
            stored = count(db)
            stored_twice += twice
            bad = [c for c in codes if c != 0]
            failed += len(bad) + sum("Traceback" in e or "locked" in e for e in errors)
            first_error = next((e.strip().splitlines()[-1][:80] for e in errors if e.strip()), "")
            notes.append(f"trial {trial}: {stored} stored of {n}, {twice} twice, exits {codes}"
                         + (f" ({first_error})" if first_error else ""))
        rows.append(Row("2 concurrent", f"{writers} ingests of overlapping inputs, {trials} trials",
                        stored_twice == 0 and failed == 0, "each raw file once, no error", "; ".join(notes)))
    return rows

"""Where ingest time goes: cProfile over a full ingest of a synthetic corpus, top functions by own and cumulative time.

    python -m bench.profile                 # 1k articles; writes --out (default ~/.cache/detente/bench/profile-<date>.txt)
    python -m bench.profile --n 200 --top 40

spaCy's share is the floor (see ``python -m bench``); everything else is what the profile is for.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import tempfile
import time
from pathlib import Path

from bench import OUT_HELP, results_path
from bench.corpus import write_corpus


def main(argv: list[str] | None = None) -> Path:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="articles in the synthetic corpus")
    parser.add_argument("--top", type=int, default=60, help="rows per listing")
    parser.add_argument("--workdir", default=None, help="where the corpus is kept (default: a temp dir)")
    parser.add_argument("--out", default=None, help=OUT_HELP)
    parser.add_argument("--dump", default=None, help="also write the raw pstats file here")
    args = parser.parse_args(argv)
    work = Path(args.workdir or tempfile.mkdtemp(prefix="detente-profile-"))
    folder = write_corpus(work / f"corpus-{args.n}", args.n)
    db = work / f"profile-{args.n}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)

    from detente.corpus import ingest
    from detente.nlp import load_nlp
    from detente.store import Store

    load_nlp()  # the model load is a fixed cost, not what we profile
    profiler = cProfile.Profile(time.process_time)  # CPU time: the machine may be shared
    start, cpu = time.perf_counter(), time.process_time()
    with Store(db) as store:
        profiler.enable()
        ingest(store, [folder])
        profiler.disable()
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    text = io.StringIO()
    text.write(f"cProfile of ingest, {args.n} synthetic articles: {wall:.1f} s wall, {cpu:.1f} s CPU\n\n")
    stats = pstats.Stats(profiler, stream=text).strip_dirs()
    stats.sort_stats("tottime").print_stats(args.top)
    stats.sort_stats("cumulative").print_stats(args.top)
    out = results_path(args.out, f"profile-{time.strftime('%Y%m%d-%H%M')}.txt")
    out.write_text(text.getvalue())
    if args.dump:
        profiler.dump_stats(args.dump)
    print(f"profile written to {out} ({wall:.1f} s wall, {cpu:.1f} s CPU)")
    return out


if __name__ == "__main__":
    main()

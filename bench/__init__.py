"""Benchmarks: `python -m bench [--quick]` for the pipeline; `python -m bench.<name>` for the others.

Results are measurements of one machine at one commit, so they stay out of the repository: a bench writes its
JSON or text where ``--out`` says, or else under ``$DETENTE_BENCH_RESULTS`` (default ``~/.cache/detente/bench``,
``$XDG_CACHE_HOME`` respected) and prints the path. The figures worth keeping go into docs/performance.md with
the command and commit that produced them.
"""

from __future__ import annotations

import os
from pathlib import Path


def results_dir() -> Path:
    """The folder benches write to when no ``--out`` is given (not inside the repository)."""
    named = os.environ.get("DETENTE_BENCH_RESULTS")
    if named:
        return Path(named).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "detente" / "bench"


def results_path(out: str | os.PathLike[str] | None, default_name: str) -> Path:
    """The file a bench writes: ``out`` when the user named one, else ``default_name`` in :func:`results_dir`.

    The parent folder is created, so ``--out some/new/dir/run.json`` works."""
    path = Path(out).expanduser() if out else results_dir() / default_name
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


OUT_HELP = "file to write the results to (default: a dated file under $DETENTE_BENCH_RESULTS or ~/.cache/detente/bench)"

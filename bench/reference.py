"""The reference parse, paired batch by batch with the ingest it is compared with.

A shared machine's speed drifts by a quarter within minutes (the same 120 bodies took 11 to 16 CPU seconds across
runs), so a reference parse taken before or after an ingest measures other neighbours. Here a worker process
holds the model as shipped (``spacy.load``, none of Détente's components) and, each time the ingest has stored a
batch, parses the same number of the corpus's next bodies while the ingest waits: the two take turns on the
machine every few seconds and meet the same neighbours. The worker is another process so that its model does not
count in the ingest's peak memory; each side's CPU time is its own process's.

    python -m bench.reference FOLDER    # the worker: reads a count per line, answers with its totals as JSON
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

# parsed before the clock, as the ingest's warm-up (bench.size_run.warm_up) parses before its own
WARM_UP = ("Vietnam and China signed an agreement in Hanoi on Monday, officials said. "
           "“We welcome it,” said Foreign Minister Bui Thanh Son.")


class PairedReference:
    """The client side: ``parse(n)`` blocks while the worker parses the corpus's next ``n`` bodies."""

    def __init__(self, folder: Path) -> None:
        self.worker = subprocess.Popen([sys.executable, "-m", "bench.reference", str(folder)], stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[1])
        self.waited = 0.0  # wall seconds the caller spent waiting (to take out of its own wall time)
        self._answer()  # ready: model loaded and warm

    def _answer(self) -> dict:
        line = self.worker.stdout.readline()  # type: ignore[union-attr]
        if not line:
            raise RuntimeError(f"the reference worker stopped (exit {self.worker.wait()})")
        return json.loads(line)

    def parse(self, n: int) -> dict:
        started = time.perf_counter()
        self.worker.stdin.write(f"{n}\n")  # type: ignore[union-attr]
        self.worker.stdin.flush()  # type: ignore[union-attr]
        answer = self._answer()
        self.waited += time.perf_counter() - started
        return answer

    def finish(self) -> dict:
        """Parse what is left of the corpus and stop the worker; its totals."""
        totals = self.parse(-1)
        self.worker.stdin.close()  # type: ignore[union-attr]
        self.worker.wait()
        return totals


def usage() -> dict[str, float]:
    """User and system CPU seconds and page faults of this process so far: where a CPU-time difference comes from."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return {"user": ru.ru_utime, "sys": ru.ru_stime, "minflt": ru.ru_minflt, "majflt": ru.ru_majflt}


def usage_since(before: dict[str, float]) -> dict[str, float]:
    return {k: round(v - before[k], 2) for k, v in usage().items()}


def cleaned_bodies(folder: Path) -> Iterator[str]:
    """The bodies the ingest will parse, in its reading order (cleaning is the pipeline's work, not the parse's)."""
    from detente.ingest import iter_documents
    from detente.pipeline import prepare
    from detente.records import RawDocument

    for doc in iter_documents([folder]):
        if isinstance(doc, RawDocument):
            yield prepare(doc).cleaned.body


def serve(folder: Path) -> None:
    import spacy

    from detente.nlp import MODEL_NAME

    nlp = spacy.load(MODEL_NAME)
    nlp(WARM_UP)
    bodies = cleaned_bodies(folder)
    totals = {"articles": 0, "cpu": 0.0, "wall": 0.0, "usage": {}}
    print(json.dumps(totals), flush=True)
    for line in sys.stdin:
        n = int(line)
        # cleaned before the clock: cleaning is the pipeline's work, not the parse's
        batch = list(bodies) if n < 0 else [body for _, body in zip(range(n), bodies, strict=False)]
        cpu, wall, before = time.process_time(), time.perf_counter(), usage()
        for _ in nlp.pipe(batch, batch_size=32):
            pass
        for key, value in usage_since(before).items():
            totals["usage"][key] = round(totals["usage"].get(key, 0) + value, 2)
        totals["cpu"] += time.process_time() - cpu
        totals["wall"] += time.perf_counter() - wall
        totals["articles"] += len(batch)
        print(json.dumps(totals), flush=True)


if __name__ == "__main__":
    serve(Path(sys.argv[1]))

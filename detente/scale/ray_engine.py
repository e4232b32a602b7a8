"""Run the per-article stages on Ray Data; the driver stays the single writer of the store.

Documents are read on the driver (streaming, in chunks), analysed by
``map_batches`` on Ray actors that each load the spaCy model once, and come
back in input order as JSON strings (plain Arrow columns, no pickled objects);
the driver stores them and runs the corpus-level linking exactly as the local
engine does, so both engines give the same records. A run with fewer new articles than
:data:`RAY_MIN_ARTICLES` does not start Ray at all: it would cost more than it saves.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict

from detente.batch import analyse_batch
from detente.errors import number_setting
from detente.nlp import load_nlp
from detente.records import Actor, Analysis, Article, Event, Mention, Quote, RawDocument, Sentence
from detente.scale.heap import release_free_memory, steady_heap

# Documents handed to Ray Data at a time. Each dataset starts its actors (process spawn and model load: ~8 s
# of idle cluster, measured on 2 CPUs) afresh, so a chunk holds minutes of work per actor; the cap bounds the
# driver's memory (a chunk's raw documents are held until it is done).
CHUNK_PER_CPU = 8192
CHUNK_MAX = 65536


# Below this many new articles ``--engine ray`` analyses in this process: starting a local cluster and its actors costs
# ~10-15 s on 2 CPUs (issue 27: 22-27 s against 10 s single-process on 13 articles), which 1.7x on ~0.3 CPU s per
# article wins back only past ~150 articles. DETENTE_RAY_MIN_ARTICLES changes it (0: always Ray).
RAY_MIN_ARTICLES = 200


def ray_min_articles() -> int:
    """New articles from which ``--engine ray`` starts Ray (``DETENTE_RAY_MIN_ARTICLES``, checked)."""
    return int(number_setting("DETENTE_RAY_MIN_ARTICLES", RAY_MIN_ARTICLES))


def chunk_size(cpus: int) -> int:
    """Documents per Ray dataset for a cluster of ``cpus``."""
    return min(CHUNK_PER_CPU * max(1, cpus), CHUNK_MAX)


def analysis_to_json(analysis: Analysis) -> str:
    return json.dumps(asdict(analysis), ensure_ascii=False)


def analysis_from_json(text: str) -> Analysis:
    data = json.loads(text)
    return Analysis(
        article=Article(**data["article"]),
        sentences=[Sentence(**s) for s in data["sentences"]],
        actors=[Actor(**a) for a in data["actors"]],
        mentions=[Mention(**m) for m in data["mentions"]],
        events=[Event(**e) for e in data["events"]],
        quotes=[Quote(**q) for q in data["quotes"]],
        acting_states=data["acting_states"],
    )


class AnalyzeBatch:
    """A Ray actor: loads the model once, analyses batches of raw documents."""

    def __init__(self) -> None:
        steady_heap()  # an actor lives as long as the run, freeing parse arrays batch after batch
        self.nlp = load_nlp()

    def __call__(self, batch: dict) -> dict:
        raws = [RawDocument(**json.loads(item)) for item in batch["raw"]]
        result = analyse_batch(raws)
        analyses = {a.article.source: a for a in result.analyses}
        errors = {f.source: f.reason for f in result.failures}
        results, failures = [], []
        for raw in raws:
            analysis = analyses.get(raw.source)
            results.append(analysis_to_json(analysis) if analysis else "")
            failures.append(errors.get(raw.source, "") if not analysis else "")
        release_free_memory()  # an actor lives as long as the run: give each batch's freed parse arrays back
        return {"analysis": results, "error": failures, "source": [r.source for r in raws]}


def analyse_on_ray(raws: list[RawDocument], *, num_actors: int, batch_size: int) -> Iterator[tuple[str, Analysis | None, str]]:
    """(source, analysis or None, error reason) for each document, in input order."""
    import ray

    dataset = ray.data.from_items([{"raw": json.dumps(asdict(r), ensure_ascii=False)} for r in raws])
    results = dataset.map_batches(
        AnalyzeBatch,
        batch_size=batch_size,
        compute=ray.data.ActorPoolStrategy(size=num_actors),
        batch_format="numpy",
    )
    for batch in results.iter_batches(batch_size=batch_size, batch_format="numpy"):  # rows one by one cost more
        for source, text, error in zip(batch["source"], batch["analysis"], batch["error"], strict=True):
            text = str(text)
            yield str(source), (analysis_from_json(text) if text else None), str(error)


def init_ray(address: str | None, num_cpus: int | None) -> int:
    """Connect to a cluster (``address``) or start a local one; returns the CPUs available."""
    import ray

    if not ray.is_initialized():
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(num_cpus=num_cpus, log_to_driver=False, include_dashboard=False)
    # Also when the caller started Ray: results out of input order would be stored, and so deduplicated, in
    # another order than a local run (an article meets different earlier copies).
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False
    return int(ray.cluster_resources().get("CPU", 1))

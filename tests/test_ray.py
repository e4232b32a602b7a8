"""The Ray engine on a real local Ray cluster gives the same records as the single-process run."""

from __future__ import annotations

import io
import json

import pytest

from detente.corpus import ingest
from detente.export import write_jsonl
from detente.store import Store
from tests.conftest import EXAMPLES

ray = pytest.importorskip("ray")
# a rewrite and its original, a copy and its original, and an independent report: the corpus-level passes have work
SAMPLE = ["101_us_japan_summit.txt", "102_us_japan_alliance_rewrite.txt", "104_russia_invades_ukraine.txt",
          "106_philippines_china_shoal.txt", "107_philippines_china_shoal_harborwire.txt"]


def _records(db) -> list[dict]:
    buffer = io.StringIO()
    with Store(db, readonly=True) as store:
        write_jsonl(store, buffer)
    return sorted((json.loads(line) for line in buffer.getvalue().splitlines()), key=json.dumps)


def test_ray_engine_matches_local_engine(tmp_path, monkeypatch):
    monkeypatch.setenv("DETENTE_RAY_MIN_ARTICLES", "0")  # five articles: Ray only because this test asks for it
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in SAMPLE:
        (corpus / name).write_bytes((EXAMPLES / name).read_bytes())
    local_db, ray_db = tmp_path / "local.db", tmp_path / "ray.db"
    with Store(local_db) as store:
        local = ingest(store, [corpus])
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        with Store(ray_db) as store:
            distributed = ingest(store, [corpus], engine="ray")
        # results must come back in input order even when the caller started Ray: they are stored, and
        # deduplicated, in that order
        assert ray.data.DataContext.get_current().execution_options.preserve_order
    finally:
        ray.shutdown()
    assert (local.added, local.duplicates, local.derivatives) == (distributed.added, distributed.duplicates, distributed.derivatives)
    assert local.added == 5 and local.duplicates == 1  # the copy was linked (the rewrite's link rests on corpus counts)
    assert _records(local_db) == _records(ray_db)


def test_unknown_engine_is_refused(tmp_path):
    with Store(tmp_path / "x.db") as store, pytest.raises(ValueError, match="unknown engine"):
        ingest(store, [EXAMPLES], engine="spark")


def test_a_small_run_on_the_ray_engine_stays_in_this_process(tmp_path):
    """Below DETENTE_RAY_MIN_ARTICLES new articles Ray's start-up would cost more than it saves: no cluster is
    started, the user is told why, and the records are those of the local engine."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in SAMPLE[:2]:
        (corpus / name).write_bytes((EXAMPLES / name).read_bytes())
    with Store(tmp_path / "ray.db") as store:
        report = ingest(store, [corpus], engine="ray")
    assert not ray.is_initialized()
    assert report.added == 2 and "analysed in this process" in (report.engine_note or "")
    with Store(tmp_path / "local.db") as store:
        ingest(store, [corpus])
    assert _records(tmp_path / "local.db") == _records(tmp_path / "ray.db")


def test_a_bad_ray_threshold_is_refused_before_any_work(tmp_path, monkeypatch):
    monkeypatch.setenv("DETENTE_RAY_MIN_ARTICLES", "many")
    with Store(tmp_path / "x.db") as store, pytest.raises(ValueError, match="DETENTE_RAY_MIN_ARTICLES"):
        ingest(store, [EXAMPLES], engine="ray")

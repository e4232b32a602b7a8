"""Shared fixtures: stores of the sample corpus (examples/) and, for tests marked ``seeds``, of the shared sets in
../shared, built once per session; texts for comparing two annotation paths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SEEDS_GOLD = SHARED / "gold" / "seeds.json"
REAL_DEV = SHARED / "corpus" / "real-dev"
REAL_DEV_GOLD = SHARED / "gold" / "real-dev.json"
EXAMPLES = ROOT / "examples" / "corpus"
EXAMPLES_GOLD = ROOT / "examples" / "gold.json"


def token_annotations(doc) -> list[tuple]:
    """Everything the model annotates on each token: two pipelines agree on a doc when these are equal."""
    return [(t.i, t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
            for t in doc]


@pytest.fixture(scope="session")
def varied_texts() -> list[str]:
    """The sample corpus's clean bodies and the texts written for the tests: many outlets, years and constructions."""
    from detente.ingest import iter_documents
    from detente.pipeline import prepare
    from tests.texts import VARIED_TEXTS

    bodies = [prepare(doc).cleaned.body for doc in iter_documents([EXAMPLES])]
    assert len(bodies) == 13
    return bodies + VARIED_TEXTS


def _ingested(tmp_path_factory, name: str, folder: Path) -> Path:
    """A store holding ``folder``, ingested once for the session (real spaCy model, real SQLite)."""
    from detente.corpus import ingest
    from detente.store import Store

    path = tmp_path_factory.mktemp(name) / f"{name}.db"
    with Store(path) as store:
        report = ingest(store, [folder])
    assert not report.errors, report.errors
    return path


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory) -> Path:
    return _ingested(tmp_path_factory, "seeds", SEEDS)


@pytest.fixture(scope="session")
def real_dev_db(tmp_path_factory) -> Path:
    return _ingested(tmp_path_factory, "real_dev", REAL_DEV)


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory) -> Path:
    return _ingested(tmp_path_factory, "examples", EXAMPLES)


@pytest.fixture(scope="session")
def seeds_gold() -> dict:
    return json.loads(SEEDS_GOLD.read_text(encoding="utf-8"))

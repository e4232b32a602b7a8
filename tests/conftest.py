"""Shared fixtures: the seed corpus and gold in ../shared, the sample corpus, stores built once per session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SEEDS_GOLD = SHARED / "gold" / "seeds.json"
EXAMPLES = ROOT / "examples" / "corpus"
EXAMPLES_GOLD = ROOT / "examples" / "gold.json"


def pytest_collection_modifyitems(config, items):
    if not SHARED.exists():
        skip = pytest.mark.skip(reason=f"{SHARED} not found: the shared seeds live beside the repository")
        for item in items:
            if "seeds" in item.keywords:
                item.add_marker(skip)


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
def examples_db(tmp_path_factory) -> Path:
    return _ingested(tmp_path_factory, "examples", EXAMPLES)


@pytest.fixture(scope="session")
def seeds_gold() -> dict:
    return json.loads(SEEDS_GOLD.read_text(encoding="utf-8"))

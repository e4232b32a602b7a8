"""Collection rules for every test folder (tests/, bench/tests/).

Tests marked ``seeds`` score or read the shared sets in ``../shared`` beside the repository (seed and real-news
corpora, gold files, peer suites). Everything else runs on the repository alone; without ``../shared`` the
``seeds`` tests are skipped with a reason that says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parent.parent / "shared"


def pytest_collection_modifyitems(config, items):
    if SHARED.exists():
        return
    skip = pytest.mark.skip(reason=f"{SHARED} not found: the shared seed, real-news and peer sets live beside the repository")
    for item in items:
        if "seeds" in item.keywords:
            item.add_marker(skip)

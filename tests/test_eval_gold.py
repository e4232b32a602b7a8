"""The whole pipeline scored against the sample corpus gold (examples/) and, marked ``seeds``, the seed gold (../shared).

Floors sit a little below the figures measured when they were set, so a regression in any stage shows
here; raise them as the stages improve.
"""

from __future__ import annotations

import json

import pytest

from detente.eval import evaluate, load_gold, read_raw
from detente.export import iter_records
from detente.store import Store
from tests.conftest import EXAMPLES_GOLD, SEEDS_GOLD

SEED_FLOORS = {"body": 0.97, "title": 0.95, "outlet": 0.95, "byline": 0.95, "countries": 0.9, "persons": 0.8,
               "events": 0.6, "quotes": 0.65, "derivatives": 0.99, "stories": 0.9}
# quotes: since issue 23 every reporting act REAL-DEV.md 11 counts is kept (indirect reports, states as sources,
# '"A," she said. "B."' as two), and the seed and example gold code only a subset of those, so their quote
# precision (not recall) fell: seeds 0.69 -> 0.52, examples 0.91 -> 0.58. Real-dev's floor is in test_quotes_gold.
EXAMPLE_FLOORS = {"body": 0.97, "title": 0.9, "outlet": 0.9, "byline": 0.9, "countries": 0.85, "persons": 0.7,
                  "events": 0.5, "quotes": 0.7, "duplicates": 0.99, "derivatives": 0.99, "stories": 0.9}


def _report(db, gold_path):
    with Store(db, readonly=True) as store:
        records = list(iter_records(store))
    return evaluate(load_gold(gold_path), records, read_raw=read_raw)


def _check(report, floors):
    assert report.matched_articles == report.gold_articles
    for name, score in report.fields.items():
        if score.support:
            value = score.f1 if score.f1 is not None else score.accuracy
            assert value and value > 0, f"{name} scored zero"
    for name, floor in floors.items():
        assert report[name].f1 >= floor, (name, report[name].f1, json.dumps([i.what for i in report[name].misses][:5]))


@pytest.mark.seeds
def test_seed_gold_floors(seeds_db):
    _check(_report(seeds_db, SEEDS_GOLD), SEED_FLOORS)


def test_example_gold_floors(examples_db):
    _check(_report(examples_db, EXAMPLES_GOLD), EXAMPLE_FLOORS)
